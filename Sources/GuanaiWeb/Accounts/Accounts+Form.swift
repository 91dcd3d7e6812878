import GuanaiCore

/// A new account, or the account a post is handed over to (the hand-over form has no role or unit: it keeps them).
struct AccountPageForm: Decodable {
    var username: String?
    var displayName: String?
    var role: String?
    var unitCode: String?
    var phone: String?

    enum CodingKeys: String, CodingKey { case username, displayName, role, unitCode, phone }

    var spec: NewAccount {
        NewAccount(
            username: username ?? "", displayName: displayName ?? "", role: role ?? "", unitCode: unitCode ?? "", phone: phone ?? "")
    }
}
