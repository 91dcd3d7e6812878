import Fluent
import Vapor
import GuanaiCore

struct AuthController {
    func registerPublic(_ r: any RoutesBuilder) {
        r.get(SiteURL.login.components, use: loginPage)
        r.post(SiteURL.login.components, use: login)
        r.get(SiteURL.lang(":lang").components, use: switchLanguage)
    }

    func registerSignedIn(_ r: any RoutesBuilder) {
        r.post(SiteURL.logout.components, use: logout)
        r.get(SiteURL.changePassword.components, use: passwordPage)
        r.post(SiteURL.changePassword.components, use: changePassword)
        r.get(SiteURL.resumeForm.components, use: resume)
    }

    /// Only paths on this site: an absolute or protocol-relative "next" would be an open redirect.
    static func localPath(_ s: String?) -> String? { LocalPath.safe(s) }

    func loginPage(req: Request) async throws -> Response {
        try await renderLogin(req, username: "", error: nil, status: .ok)
    }

    func renderLogin(_ req: Request, username: String, error: String?, status: HTTPStatus) async throws -> Response {
        let l = req.lang
        let pre = Tokens.random(18)
        let kept = req.query[String.self, at: "kept"] ?? ""
        let next = req.query[String.self, at: "next"] ?? ""
        let expired = req.query[String.self, at: "expired"] == "1"
        let res = Layout.page(req, title: l.t("login.title"), status: status) {
            h1 { l.t("login.title") }
            if !kept.isEmpty {
                div(.class("flash"), Attr("role", "status")) { l.t("login.keptForm") }
            } else if expired {
                div(.class("flash"), Attr("role", "status")) { l.t("login.expired") }
            }
            if let e = error { div(.class("alert"), Attr("role", "alert")) { p { e } } }
            div(.class("panel")) {
                form(.method("post"), .action(.login)) {
                    input(.type("hidden"), .name(LoginForm.CodingKeys.pre.rawValue), .value(pre))
                    input(.type("hidden"), .name(LoginForm.CodingKeys.kept.rawValue), .value(kept))
                    input(.type("hidden"), .name(LoginForm.CodingKeys.next.rawValue), .value(next))
                    Forms.field(
                        l, label: "login.username", name: LoginForm.CodingKeys.username.rawValue, value: username, required: true,
                        extra: [Attr("autocomplete", "username"), Attr("autocapitalize", "none")])
                    Forms.field(
                        l, label: "login.password", name: LoginForm.CodingKeys.password.rawValue, type: "password", required: true,
                        extra: [Attr("autocomplete", "current-password")])
                    button(.type("submit")) { l.t("login.submit") }
                }
            }
            p(.class("muted")) { l.t("login.help") }
        }
        res.cookies[Cookies.preCSRF] = Cookies.make(pre, maxAge: 3600, secure: req.isHTTPS)
        return res
    }

    func login(req: Request) async throws -> Response {
        let l = req.lang
        let f = try await req.form(LoginForm.self)
        guard let pre = req.cookies[Cookies.preCSRF]?.string, f.pre == pre else {
            return ErrorPage.render(req, status: .forbidden, message: l.t("error.csrf"))
        }
        let username = f.username ?? ""
        if username.trimmingCharacters(in: .whitespaces).isEmpty || (f.password ?? "").isEmpty {
            return try await renderLogin(req, username: username, error: l.t("login.missing"), status: .unprocessableEntity)
        }
        switch try await LoginService.attempt(username: username, password: f.password ?? "", req: req) {
        case .invalid:
            return try await renderLogin(req, username: username, error: l.t("login.invalid"), status: .unauthorized)
        case .disabled:
            return try await renderLogin(req, username: username, error: l.t("login.disabled"), status: .forbidden)
        case .locked:
            return try await renderLogin(req, username: username, error: l.t("login.locked"), status: HTTPStatus(statusCode: 423))
        case .success(let user):
            let (token, _) = try await LoginService.open(for: user, kind: "web", req: req)
            var target = Self.localPath(f.next) ?? SiteURL.home.path
            if let keptID = UUID(uuidString: f.kept ?? ""), let kept = try await PendingForm.find(keptID, on: req.db),
                kept.userID == user.id
            {
                target = SiteURL.resumeForm.with(query: [("id", keptID.uuidString)])
            }
            let res = req.redirect(to: target)
            res.cookies[Cookies.session] = Cookies.make(token, secure: req.isHTTPS)
            res.cookies[Cookies.preCSRF] = Cookies.make("", maxAge: 0, secure: req.isHTTPS)
            return res
        }
    }

    func logout(req: Request) async throws -> Response {
        try await LoginService.close(try req.actor, req: req)
        let res = req.redirect(to: SiteURL.login.path)
        res.cookies[Cookies.session] = Cookies.make("", maxAge: 0, secure: req.isHTTPS)
        return res
    }

    /// The kept form, filled in as it was posted, with a fresh token; the script submits it, the button is a fallback.
    func resume(req: Request) async throws -> Response {
        let l = req.lang
        let actor = try req.actor
        guard let id = UUID(uuidString: req.query[String.self, at: "id"] ?? ""), let kept = try await PendingForm.find(id, on: req.db),
            kept.userID == actor.userID.uuid,
            let path = Self.localPath(kept.path)
        else { return req.redirect(to: SiteURL.home.path) }
        let fields = (try? JSONDecoder().decode([String: String].self, from: Data(kept.fields.utf8))) ?? [:]
        try await kept.delete(on: req.db)
        return Layout.page(req, title: l.t("resume.title")) {
            h1 { l.t("resume.title") }
            p { l.t("resume.body") }
            tag("form", [.method("post"), Attr("action", path), .data("autosubmit", "1")]) {
                Forms.csrf(req)
                for (k, v) in fields.sorted(by: { $0.key < $1.key }) { input(.type("hidden"), .name(k), .value(v)) }
                button(.type("submit")) { l.t("resume.submit") }
            }
        }
    }

    func passwordPage(req: Request) async throws -> Response {
        renderPassword(req, errors: [:], flash: nil)
    }

    func renderPassword(_ req: Request, errors: [String: String], flash: String?, status: HTTPStatus = .ok) -> Response {
        let l = req.lang
        let must = req.auth.get(Signer.self)?.mustChangePassword ?? false
        return Layout.page(req, title: l.t("password.title"), status: status) {
            h1 { l.t("password.title") }
            Forms.flash(flash)
            if must { div(.class("alert")) { p { l.t("password.mustChange") } } }
            Forms.errorSummary(l, errors)
            div(.class("panel")) {
                form(.method("post"), .action(.changePassword)) {
                    Forms.csrf(req)
                    Forms.field(
                        l, label: "password.current", name: PasswordForm.CodingKeys.current.rawValue, type: "password", required: true,
                        error: errors["current"],
                        extra: [Attr("autocomplete", "current-password")])
                    Forms.field(
                        l, label: "password.new", name: PasswordForm.CodingKeys.new.rawValue, type: "password", required: true,
                        error: errors["new"],
                        hint: l.t("password.rule"), extra: [Attr("autocomplete", "new-password")])
                    Forms.field(
                        l, label: "password.confirm", name: PasswordForm.CodingKeys.confirm.rawValue, type: "password", required: true,
                        error: errors["confirm"],
                        extra: [Attr("autocomplete", "new-password")])
                    button(.type("submit")) { l.t("password.submit") }
                }
            }
        }
    }

    func changePassword(req: Request) async throws -> Response {
        let l = req.lang
        let actor = try req.actor
        let f = try await req.form(PasswordForm.self)
        let current = f.current ?? "", new = f.new ?? "", confirm = f.confirm ?? ""
        guard let user = try await User.find(actor.userID, on: req.db) else { throw Abort(.notFound) }
        var errors = PasswordRules.problems(current: current, new: new, confirm: confirm).mapValues { l.t($0) }
        if !((try? await req.password.async.verify(current, created: user.passwordHash)) ?? false) {
            errors["current"] = l.t("password.error.current")
        }
        if !errors.isEmpty { return renderPassword(req, errors: errors, flash: nil, status: .unprocessableEntity) }
        let hash = try await req.password.async.hash(new)
        try await AccountService.update(user, by: req.auditActor, at: req.now, on: req.db, detail: ["password": "changed"]) {
            $0.passwordHash = hash
            $0.mustChangePassword = false
        }
        return req.redirect(to: SiteURL.home.path)
    }

    func switchLanguage(req: Request) async throws -> Response {
        let lang = UILanguage(rawValue: req.parameters.get("lang") ?? "") ?? .zh
        let res = req.redirect(to: Self.localPath(req.query[String.self, at: "back"]) ?? SiteURL.home.path)
        res.cookies[UILanguage.cookieName] = HTTPCookies.Value(
            string: lang.rawValue, maxAge: 365 * 86400, path: "/", isSecure: req.isHTTPS, isHTTPOnly: false, sameSite: .lax)
        return res
    }
}
