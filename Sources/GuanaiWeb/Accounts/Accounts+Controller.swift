import Fluent
import Vapor
import GuanaiCore
import GuanaiSheets

struct AccountsController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.accounts.components, use: index)
        r.get(SiteURL.accountsExport.components, use: export)
        r.get(SiteURL.accountNew.components, use: newForm)
        r.post(SiteURL.accountNew.components, use: create)
        r.get(SiteURL.account(nil).components, use: show)
        r.post(SiteURL.accountDisable(nil).components, use: disable)
        r.post(SiteURL.accountEnable(nil).components, use: enable)
        r.post(SiteURL.accountReset(nil).components, use: reset)
        r.post(SiteURL.accountHandover(nil).components, use: handover)
        r.post(SiteURL.accountRevealPhone(nil).components, use: revealPhone)
    }

    static func filter(_ req: Request) -> Scoped.UserFilter {
        Scoped.UserFilter(
            q: req.query[String.self, at: "q"] ?? "", role: Role(rawValue: req.query[String.self, at: "role"] ?? ""),
            unit: req.query[String.self, at: "unit"] ?? "")
    }

    func index(req: Request) async throws -> Response {
        try req.requireRead(.account)
        let l = req.lang
        let actor = try req.actor
        let f = Self.filter(req)
        let page = max(1, req.query[Int.self, at: "page"] ?? 1)
        let scoped = try req.scoped
        let (items, total) = try await scoped.users(matching: f, page: page, per: 50)
        let names = try await Self.unitNames(scoped, items.map(\.unitCode))
        let roles = [("", l.t("accounts.anyRole"))] + Role.allCases.map { ($0.rawValue, l.t("role." + $0.rawValue)) }
        return Layout.page(req, title: l.t("accounts.title")) {
            h1 { l.t("accounts.title") }
            if actor.can(.manageAccounts) { p { a(.class("btn"), .href(.accountNew)) { l.t("accounts.new") } } }
            form(.method("get"), .action(.accounts), .class("filters")) {
                Forms.field(l, label: "accounts.search", name: "q", value: f.q)
                Forms.select(l, label: "accounts.role", name: "role", options: roles, selected: f.role?.rawValue ?? "")
                input(.type("hidden"), .name("unit"), .value(f.unit))
                button(.type("submit")) { l.t("form.search") }
            }
            p(.class("muted")) { l.t("list.total", String(total)) }
            div(.class("table-wrap")) {
                table(.class("stack")) {
                    thead {
                        tr {
                            th { l.t("accounts.username") }; th { l.t("accounts.displayName") }; th { l.t("accounts.role") };
                            th { l.t("accounts.unit") }; th { l.t("accounts.phone") }; th { l.t("accounts.status") }
                        }
                    }
                    tbody {
                        for u in items {
                            tr {
                                td(.data("label", l.t("accounts.username"))) { a(.href(.account(u.recordID))) { u.username } }
                                td(.data("label", l.t("accounts.displayName"))) { u.displayName }
                                td(.data("label", l.t("accounts.role"))) { l.t("role." + u.role.rawValue) }
                                td(.data("label", l.t("accounts.unit"))) { names[u.unitCode] ?? u.unitCode }
                                td(.data("label", l.t("accounts.phone"))) { u.phone.map(Masking.phone) ?? "" }
                                td(.data("label", l.t("accounts.status"))) { Self.status(l, u, now: req.now) }
                            }
                        }
                    }
                }
            }
            Pager.render(l, req: req, page: page, per: 50, total: total)
            if actor.can(.export) {
                p {
                    a(
                        .class("btn secondary"),
                        .href(SiteURL.accountsExport.with(query: [("q", f.q), ("role", f.role?.rawValue ?? ""), ("unit", f.unit)]))
                    ) { l.t("accounts.export") }
                }
            }
        }
    }

    static func status(_ l: UILanguage, _ u: User, now: Date) -> Node {
        group {
            if u.disabled {
                span(.class("tag off")) { l.t("accounts.disabled") }
            } else if let t = u.lockedUntil, t > now {
                span(.class("tag warn")) { l.t("accounts.locked") }
            } else if u.mustChangePassword {
                span(.class("tag warn")) { l.t("accounts.mustChange") }
            } else {
                span(.class("tag")) { l.t("accounts.active") }
            }
        }
    }

    static func unitNames(_ scoped: Scoped, _ codes: [String]) async throws -> [String: String] {
        try await scoped.unitNames(codes)
    }

    /// Units an account may be placed in: active, in jurisdiction, labelled "镇 › 村" so a long list stays readable.
    static func unitOptions(_ scoped: Scoped) async throws -> [(String, String)] {
        let units = try await scoped.units().filter(\.$status == .active).sort(\.$id).all()
        let names = Dictionary(uniqueKeysWithValues: units.map { ($0.code, $0.shortName) })
        return units.map { u in
            if u.divisionLevel == .village, let p = u.parentCode, let pn = names[p] { return (u.code, pn + " › " + u.shortName) }
            return (u.code, u.shortName)
        }
    }

    func newForm(req: Request) async throws -> Response {
        try req.require(.manageAccounts)
        return try await renderNew(
            req, typed: AccountPageForm(unitCode: req.query[String.self, at: "unit"] ?? ""), errors: [:], status: .ok)
    }

    func renderNew(_ req: Request, typed: AccountPageForm, errors: [String: String], status: HTTPStatus) async throws -> Response {
        let l = req.lang
        let actor = try req.actor
        let roles =
            [("", l.t("form.choose"))]
            + Role.allCases.filter { actor.role.manageableRoles.contains($0) }.map { ($0.rawValue, l.t("role." + $0.rawValue)) }
        let units = [("", l.t("form.choose"))] + (try await Self.unitOptions(try req.scoped))
        return Layout.page(req, title: l.t("accounts.new"), status: status) {
            h1 { l.t("accounts.new") }
            Forms.errorSummary(l, errors)
            div(.class("panel")) {
                form(.method("post"), .action(.accountNew)) {
                    Forms.csrf(req)
                    Forms.field(
                        l, label: "accounts.username", name: AccountPageForm.CodingKeys.username.rawValue, value: typed.username ?? "",
                        required: true,
                        error: errors["username"], hint: l.t("accounts.usernameHint"), extra: [Attr("autocapitalize", "none")])
                    Forms.field(
                        l, label: "accounts.displayName", name: AccountPageForm.CodingKeys.displayName.rawValue,
                        value: typed.displayName ?? "",
                        required: true,
                        error: errors["displayName"])
                    Forms.select(
                        l, label: "accounts.role", name: AccountPageForm.CodingKeys.role.rawValue, options: roles,
                        selected: typed.role ?? "",
                        error: errors["role"],
                        required: true)
                    Forms.select(
                        l, label: "accounts.unit", name: AccountPageForm.CodingKeys.unitCode.rawValue, options: units,
                        selected: typed.unitCode ?? "",
                        error: errors["unitCode"], required: true)
                    Forms.field(
                        l, label: "accounts.phone", name: AccountPageForm.CodingKeys.phone.rawValue, value: typed.phone ?? "", type: "tel",
                        error: errors[AccountPageForm.CodingKeys.phone.rawValue],
                        extra: [Attr("inputmode", "numeric")])
                    button(.type("submit")) { l.t("accounts.create") }
                }
            }
        }
    }

    static func hasher(_ req: Request) -> @Sendable (String) async throws -> String {
        { pw in try await req.password.async.hash(pw) }
    }

    func create(req: Request) async throws -> Response {
        try req.require(.manageAccounts)
        let f = try await req.form(AccountPageForm.self)
        do {
            let (user, pw) = try await AccountService.create(
                f.spec, creator: try req.actor, scoped: try req.scoped, hasher: Self.hasher(req), by: req.auditActor, at: req.now)
            return Self.oneTimePasswordPage(req, user: user, password: pw, titleKey: "accounts.created")
        } catch let e as FieldErrors {
            return try await renderNew(req, typed: f, errors: req.messages(e), status: .unprocessableEntity)
        } catch let e as ConflictError {
            return try await renderNew(req, typed: f, errors: [e.field: req.t(e.key)], status: .conflict)
        }
    }

    static func oneTimePasswordPage(_ req: Request, user: User, password: String, titleKey: String) -> Response {
        let l = req.lang
        return Layout.page(req, title: l.t(titleKey)) {
            h1 { l.t(titleKey) }
            div(.class("panel")) {
                dl(.class("kv")) {
                    dt { l.t("accounts.username") }; dd { strong { user.username } }
                    dt { l.t("accounts.oneTimePassword") }; dd { span(.class("secret"), .id("one-time-password")) { password } }
                }
                p { l.t("accounts.oneTimeHint") }
            }
            p { a(.href(.account(user.recordID))) { l.t("accounts.toDetail") } }
        }
    }

    /// In scope or 404 first; then whether the role may read accounts at all (403).
    func load(_ req: Request) async throws -> User {
        guard let u = try await req.scoped.user(try req.parameters.id()) else { throw Abort(.notFound) }
        try req.requireRead(.account)
        return u
    }

    func loadForManaging(_ req: Request) async throws -> User {
        let u = try await load(req)
        let actor = try req.actor
        guard actor.can(.manageAccounts), actor.role.manageableRoles.contains(u.role), u.recordID != actor.userID else {
            throw Abort(.forbidden)
        }
        return u
    }

    func show(req: Request) async throws -> Response {
        let u = try await load(req)
        try await req.audit(AuditEvent(AuditAction.view, u.recordID, unit: u.unitCode))
        return try await renderDetail(req, u, revealed: nil, errors: [:], typed: AccountPageForm(), status: .ok)
    }

    func renderDetail(_ req: Request, _ u: User, revealed: String?, errors: [String: String], typed: AccountPageForm, status: HTTPStatus)
        async throws -> Response
    {
        let l = req.lang
        let actor = try req.actor
        let names = try await Self.unitNames(try req.scoped, [u.unitCode])
        let manage = actor.can(.manageAccounts) && actor.role.manageableRoles.contains(u.role) && u.recordID != actor.userID
        let id = u.recordID
        var successor: User? = nil
        if let s = u.successorID { successor = try await req.scoped.user(UserID(s)) }
        return Layout.page(req, title: u.displayName, status: status) {
            div(.class("crumbs")) {
                a(.href(.accounts)) { l.t("accounts.title") }; " › "; span { u.username }
            }
            h1 {
                u.displayName + " "; Self.status(l, u, now: req.now)
            }
            Forms.errorSummary(l, errors)
            div(.class("panel")) {
                dl(.class("kv")) {
                    dt { l.t("accounts.username") }; dd { u.username }
                    dt { l.t("accounts.role") }; dd { l.t("role." + u.role.rawValue) }
                    dt { l.t("accounts.unit") }; dd { a(.href(.unit(u.unitCode))) { names[u.unitCode] ?? u.unitCode } }
                    dt { l.t("accounts.phone") }
                    dd(.id("phone")) {
                        if let r = revealed { r } else { u.phone.map(Masking.phone) ?? "" }
                        if revealed == nil, u.phone != nil, actor.can(.revealID) {
                            " "
                            form(.method("post"), .action(.accountRevealPhone(id)), .class("inline")) {
                                Forms.csrf(req)
                                button(.type("submit"), .class("secondary")) { l.t("accounts.reveal") }
                            }
                        }
                    }
                    if let s = successor {
                        dt { l.t("accounts.successor") };
                        dd { a(.href(.account(s.recordID))) { s.displayName + " (" + s.username + ")" } }
                    }
                    dt { l.t("accounts.createdAt") }; dd { String(AuditLog.timestamp(u.createdAt).prefix(10)) }
                }
            }
            if manage {
                h2 { l.t("accounts.manage") }
                if u.disabled {
                    form(.method("post"), .action(.accountEnable(id))) {
                        Forms.csrf(req); button(.type("submit"), .class("secondary")) { l.t("accounts.enable") }
                    }
                } else {
                    UnitsController.actionForm(
                        req, l, title: "accounts.resetPassword", url: .accountReset(id), open: false, hint: l.t("accounts.resetHint")
                    ) { Node.empty }
                    UnitsController.actionForm(
                        req, l, title: "accounts.disable", url: .accountDisable(id), open: false, hint: l.t("accounts.disableHint")
                    ) { Node.empty }
                    UnitsController.actionForm(
                        req, l, title: "accounts.handover", url: .accountHandover(id), open: !errors.isEmpty,
                        hint: l.t("accounts.handoverHint")
                    ) {
                        Forms.field(
                            l, label: "accounts.newUsername", name: AccountPageForm.CodingKeys.username.rawValue,
                            value: typed.username ?? "",
                            required: true,
                            error: errors["username"], extra: [Attr("autocapitalize", "none")])
                        Forms.field(
                            l, label: "accounts.newDisplayName", name: AccountPageForm.CodingKeys.displayName.rawValue,
                            value: typed.displayName ?? "", required: true,
                            error: errors["displayName"])
                        Forms.field(
                            l, label: "accounts.phone", name: AccountPageForm.CodingKeys.phone.rawValue, value: typed.phone ?? "",
                            type: "tel",
                            error: errors[AccountPageForm.CodingKeys.phone.rawValue])
                    }
                }
            }
            p { a(.href(.history(of: id))) { l.t("history.link") } }
        }
    }

    func disable(req: Request) async throws -> Response {
        let u = try await loadForManaging(req)
        try await AccountService.setDisabled(u, true, by: req.auditActor, at: req.now, on: req.db)
        return req.redirect(to: SiteURL.account(u.recordID).path)
    }

    func enable(req: Request) async throws -> Response {
        let u = try await loadForManaging(req)
        try await AccountService.setDisabled(u, false, by: req.auditActor, at: req.now, on: req.db)
        return req.redirect(to: SiteURL.account(u.recordID).path)
    }

    func reset(req: Request) async throws -> Response {
        let u = try await loadForManaging(req)
        let pw = try await AccountService.resetPassword(u, hasher: Self.hasher(req), by: req.auditActor, at: req.now, on: req.db)
        return Self.oneTimePasswordPage(req, user: u, password: pw, titleKey: "accounts.passwordReset")
    }

    func handover(req: Request) async throws -> Response {
        let u = try await loadForManaging(req)
        let f = try await req.form(AccountPageForm.self)
        do {
            let (s, pw) = try await AccountService.handover(
                u, to: f.spec, creator: try req.actor, scoped: try req.scoped, hasher: Self.hasher(req), by: req.auditActor,
                at: req.now)
            return Self.oneTimePasswordPage(req, user: s, password: pw, titleKey: "accounts.handedOver")
        } catch let e as FieldErrors {
            return try await renderDetail(req, u, revealed: nil, errors: req.messages(e), typed: f, status: .unprocessableEntity)
        } catch let e as ConflictError {
            return try await renderDetail(req, u, revealed: nil, errors: [e.field: req.t(e.key)], typed: f, status: .conflict)
        }
    }

    /// Shows the full phone number once, to a role allowed to see it, and records that it was seen.
    func revealPhone(req: Request) async throws -> Response {
        let u = try await load(req)
        try req.require(.revealID)
        try await req.audit(AuditEvent(AuditAction.reveal, u.recordID, unit: u.unitCode, detail: ["field": FieldName.phone.rawValue]))
        return try await renderDetail(req, u, revealed: u.phone ?? "", errors: [:], typed: AccountPageForm(), status: .ok)
    }

    func export(req: Request) async throws -> Response {
        try req.requireRead(.account)
        try req.require(.export)
        let l = req.lang
        let f = Self.filter(req)
        let scoped = try req.scoped
        let (items, _) = try await scoped.users(matching: f, page: 1, per: 100_000)
        let names = try await Self.unitNames(scoped, items.map(\.unitCode))
        let header = [
            "accounts.username", "accounts.displayName", "accounts.role", "accounts.unit", "units.code", "accounts.phone",
            "accounts.status",
        ].map { l.t($0) }
        let rows = items.map { u in
            [
                u.username, u.displayName, l.t("role." + u.role.rawValue), names[u.unitCode] ?? "", u.unitCode,
                u.phone.map(Masking.phone) ?? "",
                l.t(u.disabled ? "accounts.disabled" : "accounts.active"),
            ]
        }
        let csv = CSVWriter.text(([header] + rows).map { $0.map(CellValue.text) })
        let actor = try req.actor
        try await req.audit(
            AuditEvent(
                AuditAction.export, .account, "list", unit: actor.unitCode,
                detail: ["rows": String(items.count), "format": "csv", "q": f.q, "role": f.role?.rawValue ?? "", "unit": f.unit]))
        return CSV.response(csv, filename: "accounts.csv")
    }
}
