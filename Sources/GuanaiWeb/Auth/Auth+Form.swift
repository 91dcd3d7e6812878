/// The sign-in form. `_pre` is the double-submit token (the pre-session cookie's twin); `kept` names a form kept
/// from an idled-out session, `next` the page asked for.
struct LoginForm: Decodable {
    var pre: String?
    var kept: String?
    var next: String?
    var username: String?
    var password: String?

    enum CodingKeys: String, CodingKey {
        case pre = "_pre"
        case kept, next, username, password
    }
}

/// Changing one's own password.
struct PasswordForm: Decodable {
    var current: String?
    var new: String?
    var confirm: String?

    enum CodingKeys: String, CodingKey { case current, new, confirm }
}
