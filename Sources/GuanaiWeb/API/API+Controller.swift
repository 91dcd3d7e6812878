import Fluent
import Vapor
import GuanaiCore

/// JSON API under /api/v1. Same services, same scope, same audit as the pages.
struct APIController {
    func registerPublic(_ r: any RoutesBuilder) {
        r.post("session", use: openSession)
        r.get("openapi.json", use: openAPI)
    }

    func registerSignedIn(_ r: any RoutesBuilder) {
        r.delete("session", use: closeSession)
        r.post("session", "password", use: changePassword)
        r.get("me", use: me)
        r.get("units", use: units)
        r.post("units", use: addUnit)
        r.get("units", .constant(Action.export.rawValue), use: exportUnits)
        r.get("units", ":code", use: unit)
        r.patch("units", ":code", use: renameUnit)
        r.get("units", ":code", "history", use: unitHistory)
        r.post("units", ":code", "merge", use: mergeUnit)
        r.post("units", ":code", "retire", use: retireUnit)
        r.get("accounts", use: accounts)
        r.post("accounts", use: createAccount)
        r.get("accounts", .constant(Action.export.rawValue), use: exportAccounts)
        r.get("accounts", ":id", use: account)
        r.post("accounts", ":id", "disable", use: disableAccount)
        r.post("accounts", ":id", "enable", use: enableAccount)
        r.post("accounts", ":id", "reset-password", use: resetAccount)
        r.post("accounts", ":id", "handover", use: handoverAccount)
        r.post("accounts", ":id", "reveal-phone", use: revealPhone)
        r.put("accounts", ":id", "duties", use: setDuties)
        r.get(.constant(RecordKind.audit.rawValue), use: audit)
    }

    func openAPI(req: Request) async throws -> Response {
        let res = Response(status: .ok, body: .init(data: OpenAPIDocument.json))
        res.headers.contentType = .json
        return res
    }

    func openSession(req: Request) async throws -> Response {
        let body = try await req.json(SessionRequest.self)
        let f = try requireFields([("username", body.username), ("password", body.password)])
        switch try await LoginService.attempt(username: f["username"]!, password: f["password"]!, req: req) {
        case .invalid, .disabled: throw Abort(.unauthorized)
        case .locked: throw Abort(HTTPStatus(statusCode: 423))
        case .success(let user):
            let (token, _) = try await LoginService.open(for: user, kind: "api", req: req)
            let res = Response(status: .created)
            try res.content.encode(
                SessionResponse(
                    token: token, account: AccountDTO(user, now: req.now),
                    idleTimeoutSeconds: Int(req.application.guanai.sessionIdleSeconds)), as: .json)
            return res
        }
    }

    func closeSession(req: Request) async throws -> HTTPStatus {
        try await LoginService.close(try req.actor, req: req)
        return .noContent
    }

    func changePassword(req: Request) async throws -> HTTPStatus {
        let body = try await req.json(PasswordChangeRequest.self)
        let key = PasswordChangeRequest.Keys.self
        _ = try requireFields([(key.current.stringValue, body.current), (key.new.stringValue, body.new)])
        let (current, new) = (body.current!, body.new!)
        guard let user = try await User.find(try req.actor.userID, on: req.db) else { throw Abort(.unauthorized) }
        var errs = PasswordRules.problems(current: current, new: new, confirm: new).map {
            FieldError(field: $0.key, key: $0.value)
        }
        if !((try? await req.password.async.verify(current, created: user.passwordHash)) ?? false) {
            errs.append(FieldError(field: key.current.stringValue, key: "password.error.current"))
        }
        if !errs.isEmpty { throw FieldErrors(errs) }
        let hash = try await req.password.async.hash(new)
        try await AccountService.update(user, by: req.auditActor, at: req.now, on: req.db, detail: ["password": "changed"]) {
            $0.passwordHash = hash
            $0.mustChangePassword = false
        }
        return .noContent
    }

    func me(req: Request) async throws -> MeResponse {
        let a = try req.actor
        guard let u = try await req.scoped.user(a.userID) else { throw Abort(.unauthorized) }
        return MeResponse(
            account: AccountDTO(u, now: req.now), permissions: Action.allCases.filter(a.can).map(\.rawValue),
            readable: RecordKind.allCases.filter(a.canRead).map(\.rawValue))
    }

    // MARK: units

    func units(req: Request) async throws -> ListPage<UnitDTO> {
        try req.requireRead(.unit)
        let p = try PageParams(req)
        let scoped = try req.scoped
        if let q = req.query[String.self, at: "q"], !q.isEmpty {
            let found = try await scoped.units(named: q)
            return ListPage(
                items: found.dropFirst((p.page - 1) * p.per).prefix(p.per).map(UnitDTO.init), page: p.page, per: p.per, total: found.count)
        }
        var query = scoped.units()
        if let parent = req.query[String.self, at: "parent"] { query = query.filter(\.$parentCode == parent) }
        if let level = req.query[String.self, at: "level"], let lv = DivisionLevel.allCases.first(where: { $0.token == level }) {
            query = query.filter(\.$level == lv.rawValue)
        }
        if req.query[String.self, at: "status"] != "all" { query = query.filter(\.$status == .active) }
        let total = try await query.count()
        let items = try await query.sort(\.$id).range((p.page - 1) * p.per..<p.page * p.per).all()
        return ListPage(items: items.map(UnitDTO.init), page: p.page, per: p.per, total: total)
    }

    func unit(req: Request) async throws -> UnitDTO {
        try req.requireRead(.unit)
        guard let u = try await req.scoped.unit(req.parameters.get("code") ?? "") else { throw Abort(.notFound) }
        return UnitDTO(u)
    }

    func unitHistory(req: Request) async throws -> ListPage<UnitChangeDTO> {
        try req.requireRead(.unit)
        let code = req.parameters.get("code") ?? ""
        guard try await req.scoped.unit(code) != nil else { throw Abort(.notFound) }
        let items = try await req.scoped.unitHistory(code)
        return ListPage(items: items.map(UnitChangeDTO.init), page: 1, per: max(items.count, 1), total: items.count)
    }

    func created<T: Content>(_ v: T) throws -> Response {
        let res = Response(status: .created)
        try res.content.encode(v, as: .json)
        return res
    }

    func addUnit(req: Request) async throws -> Response {
        try req.require(.manageUnits)
        let b = try await req.json(UnitCreateRequest.self)
        let f = try requireFields([("parentCode", b.parentCode), ("name", b.name), ("reason", b.reason)])
        let scoped = try req.scoped
        guard try await scoped.unit(f["parentCode"]!) != nil else { throw Abort(.notFound) }
        return try created(
            UnitDTO(
                try await UnitService.add(
                    name: f["name"]!, under: f["parentCode"]!, reason: f["reason"]!, scoped: scoped, actor: req.auditActor, at: req.now)))
    }

    func renameUnit(req: Request) async throws -> UnitDTO {
        let code = req.parameters.get("code") ?? ""
        guard try await req.scoped.unit(code) != nil else { throw Abort(.notFound) }
        try req.require(.manageUnits)
        let b = try await req.json(UnitRenameRequest.self)
        let f = try requireFields([("name", b.name), ("reason", b.reason)])
        return UnitDTO(
            try await UnitService.rename(
                code, to: f["name"]!, reason: f["reason"]!, scoped: try req.scoped, actor: req.auditActor, at: req.now))
    }

    func mergeUnit(req: Request) async throws -> UnitDTO {
        let code = req.parameters.get("code") ?? ""
        guard try await req.scoped.unit(code) != nil else { throw Abort(.notFound) }
        try req.require(.manageUnits)
        let b = try await req.json(UnitMergeRequest.self)
        let f = try requireFields([("into", b.into), ("reason", b.reason)])
        return UnitDTO(
            try await UnitService.merge(
                code, into: f["into"]!, reason: f["reason"]!, scoped: try req.scoped, actor: req.auditActor, at: req.now))
    }

    func retireUnit(req: Request) async throws -> UnitDTO {
        let code = req.parameters.get("code") ?? ""
        guard try await req.scoped.unit(code) != nil else { throw Abort(.notFound) }
        try req.require(.manageUnits)
        let b = try await req.json(ReasonRequest.self)
        let f = try requireFields([("reason", b.reason)])
        return UnitDTO(try await UnitService.retire(code, reason: f["reason"]!, scoped: try req.scoped, actor: req.auditActor, at: req.now))
    }

    func exportUnits(req: Request) async throws -> Response {
        try await UnitsController().export(req: req)
    }

    // MARK: accounts

    func accounts(req: Request) async throws -> ListPage<AccountDTO> {
        try req.requireRead(.account)
        let p = try PageParams(req)
        let (items, total) = try await req.scoped.users(matching: AccountsController.filter(req), page: p.page, per: p.per)
        return ListPage(items: items.map { AccountDTO($0, now: req.now) }, page: p.page, per: p.per, total: total)
    }

    func createAccount(req: Request) async throws -> Response {
        try req.require(.manageAccounts)
        let b = try await req.json(AccountCreateRequest.self)
        _ = try requireFields([("username", b.username), ("displayName", b.displayName), ("role", b.role), ("unitCode", b.unitCode)])
        let spec = NewAccount(
            username: b.username!, displayName: b.displayName!, role: b.role!, unitCode: b.unitCode!, phone: b.phone ?? "")
        let (u, pw) = try await AccountService.create(
            spec, creator: try req.actor, scoped: try req.scoped, hasher: AccountsController.hasher(req), by: req.auditActor, at: req.now)
        return try created(AccountWithPassword(account: AccountDTO(u, now: req.now), oneTimePassword: pw))
    }

    func account(req: Request) async throws -> AccountDTO {
        let u = try await AccountsController().load(req)
        try await req.audit(AuditEvent(AuditAction.view, u.recordID, unit: u.unitCode))
        return AccountDTO(u, now: req.now)
    }

    func disableAccount(req: Request) async throws -> AccountDTO {
        let u = try await AccountsController().loadForManaging(req)
        try await AccountService.setDisabled(u, true, by: req.auditActor, at: req.now, on: req.db)
        return AccountDTO(u, now: req.now)
    }

    func enableAccount(req: Request) async throws -> AccountDTO {
        let u = try await AccountsController().loadForManaging(req)
        try await AccountService.setDisabled(u, false, by: req.auditActor, at: req.now, on: req.db)
        return AccountDTO(u, now: req.now)
    }

    func resetAccount(req: Request) async throws -> AccountWithPassword {
        let u = try await AccountsController().loadForManaging(req)
        let pw = try await AccountService.resetPassword(
            u, hasher: AccountsController.hasher(req), by: req.auditActor, at: req.now, on: req.db)
        return AccountWithPassword(account: AccountDTO(u, now: req.now), oneTimePassword: pw)
    }

    func handoverAccount(req: Request) async throws -> Response {
        let u = try await AccountsController().loadForManaging(req)
        let b = try await req.json(HandoverRequest.self)
        _ = try requireFields([("username", b.username), ("displayName", b.displayName)])
        let (s, pw) = try await AccountService.handover(
            u,
            to: NewAccount(
                username: b.username!, displayName: b.displayName!, role: u.role.rawValue, unitCode: u.unitCode, phone: b.phone ?? ""),
            creator: try req.actor, scoped: try req.scoped, hasher: AccountsController.hasher(req), by: req.auditActor, at: req.now)
        return try created(AccountWithPassword(account: AccountDTO(s, now: req.now), oneTimePassword: pw))
    }

    func revealPhone(req: Request) async throws -> RevealResponse {
        let u = try await AccountsController().load(req)
        try req.require(.revealID)
        let field = AccountDTO.Keys.phone.stringValue
        try await req.audit(AuditEvent(AuditAction.reveal, u.recordID, unit: u.unitCode, detail: ["field": field]))
        return RevealResponse(field: field, value: u.phone ?? "")
    }

    /// A city admin gives an account in her jurisdiction its duties (the whole list): audited as a change of the account.
    func setDuties(req: Request) async throws -> AccountDTO {
        let u = try await AccountsController().load(req)
        guard try req.actor.role == .cityAdmin, try req.actor.can(.manageAccounts) else { throw Abort(.forbidden) }
        var c = Checker()
        let duties = DutyForm.check(try await req.json(DutiesInput.self), role: u.role, &c)
        try c.throwIfAny()
        guard let duties else { throw FieldErrors(c.errors) }
        try await AccountService.update(u, by: req.auditActor, at: req.now, on: req.db) {
            $0.dutiesText = duties.map(\.rawValue).joined(separator: ",")
        }
        return AccountDTO(u, now: req.now)
    }

    func exportAccounts(req: Request) async throws -> Response {
        try await AccountsController().export(req: req)
    }

    // MARK: audit

    func audit(req: Request) async throws -> ListPage<AuditEntryDTO> {
        try req.requireRead(.audit)
        let p = try PageParams(req)
        let (items, total) = try await req.scoped.auditPage(AuditController.filter(req), page: p.page, per: p.per)
        return ListPage(items: items.map(AuditEntryDTO.init), page: p.page, per: p.per, total: total)
    }
}
