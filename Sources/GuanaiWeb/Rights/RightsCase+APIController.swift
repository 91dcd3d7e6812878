import Vapor
import GuanaiCore

extension RightsCaseInput: Content {}
extension RightsMediatorsInput: Content {}
extension RightsAcceptInput: Content {}
extension RightsReasonInput: Content {}
extension RightsMeetingInput: Content {}
extension RightsOutcomeInput: Content {}
extension RightsFollowupInput: Content {}

/// `/api/v1/rights/…` (issue 19): summaries for every reader of rights records, the confidential part through
/// `RightsAccess` only. Each change by an account with access; break-glass reads only.
struct RightsAPIController {
    func register(_ r: any RoutesBuilder) {
        r.get("rights", "settings", use: settings)
        r.put("rights", "settings", use: setSettings)
        r.get("rights", "stats", use: stats)
        r.get("rights", "cases", use: list)
        r.post("rights", "cases", use: create)
        r.get("rights", "cases", ":id", use: show)
        r.post("rights", "cases", ":id", "mediators", use: mediators)
        r.post("rights", "cases", ":id", "accept", use: accept)
        r.post("rights", "cases", ":id", "decline", use: decline)
        r.post("rights", "cases", ":id", "meetings", use: meeting)
        r.post("rights", "cases", ":id", "outcome", use: outcome)
        r.post("rights", "cases", ":id", "followups", use: followup)
        r.post("rights", "cases", ":id", "close", use: close)
        r.post("rights", "cases", ":id", "safety", use: safety)
        r.post("rights", "cases", ":id", "child-reports", use: childReport)
        r.post("rights", "cases", ":id", "access", use: access)
        r.get("rights", "cases", ":id", "accesses", use: accesses)
    }

    static func load(_ req: Request) async throws -> RightsCase {
        try req.requireBrowse(.rights)
        guard let c = try await req.scoped.rightsCase(try req.parameters.id()) else { throw Abort(.notFound) }
        return c
    }

    static func summaries(_ cases: [RightsCase], _ req: Request) async throws -> [RightsCaseSummaryDTO] {
        let scoped = try req.scoped
        let names = try await scoped.unitNames(Array(Set(cases.map(\.unitCode))))
        let assigned = try await RightsQueries.assignments(of: cases.compactMap(\.id), on: req.db)
        return cases.map { RightsCaseSummaryDTO($0, villageName: names[$0.unitCode] ?? $0.unitCode, assigned: assigned[$0.id!] ?? []) }
    }

    func list(req: Request) async throws -> ListPage<RightsCaseSummaryDTO> {
        try req.requireBrowse(.rights)
        let p = try PageParams(req)
        let status = req.query[String.self, at: "status"].flatMap(RightsStatus.init(rawValue:))
        let (items, total) = try await req.scoped.rightsCases(
            unit: req.query[String.self, at: "unit"], status: status, page: p.page, per: p.per)
        return ListPage(items: try await Self.summaries(items, req), page: p.page, per: p.per, total: total)
    }

    func create(req: Request) async throws -> Response {
        try req.requireBrowse(.rights)
        guard RightsAccess.mayTakeCases(try req.actor.role) else { throw Abort(.forbidden) }
        let c = try await RightsService.create(
            try await req.json(RightsCaseInput.self), scoped: try req.scoped, by: try req.actor, actor: req.auditActor, at: req.now)
        return try PairingAPIController().created(try await Self.summaries([c], req)[0])
    }

    /// The confidential part, to an account with access; each opening is a `view` on the trail.
    static func detail(_ c: RightsCase, _ req: Request) async throws -> RightsCaseDTO {
        let s = try req.actor
        let viewer = try await RightsService.viewer(s, on: req.db)
        let level = try await RightsService.level(c, viewer, on: req.db, at: req.now)
        guard level > .none else { throw RightsService.restrictedError() }
        let until =
            level == .read ? try await RightsQueries.grants(of: c.id!, username: s.username, on: req.db).compactMap(\.until).max() : nil
        try await AuditLog.append(
            AuditEvent(AuditAction.view, c.recordID, unit: c.unitCode, detail: ["access": level.token]), by: req.auditActor, at: req.now,
            on: req.db)
        let kids = try await RightsService.householdChildren(c, on: req.db)
        let names = Dictionary(kids.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let today = RegistryService.today(req.now)
        func age(_ k: RightsQueries.HouseholdChild) -> Int? { CivilDate(iso: k.birthDate).map { Age.years(born: $0, on: today) } }
        return RightsCaseDTO(
            summary: try await summaries([c], req)[0], level: level, until: until, text: try await RightsService.texts(c, on: req.db),
            meetings: try await RightsQueries.meetings(of: c.id!, on: req.db),
            followups: try await RightsQueries.followups(of: c.id!, on: req.db),
            reminders: try await RightsQueries.reminders(of: c.id!, on: req.db), reveal: s.can(.revealID),
            household: kids.map { RightsHouseholdChildDTO(id: $0.id.uuidString, name: $0.name, age: age($0)) },
            childReports: try await RightsQueries.childReports(of: c.id!, on: req.db).map {
                RightsChildReportDTO($0, name: names[$0.childID] ?? "")
            })
    }

    func show(req: Request) async throws -> RightsCaseDTO { try await Self.detail(try await Self.load(req), req) }

    /// Runs one of the case's steps and answers with the case as the caller now sees it.
    func step(_ req: Request, _ body: (RightsCase, Scoped, Signer) async throws -> Void) async throws -> RightsCaseDTO {
        let c = try await Self.load(req)
        try await body(c, try req.scoped, try req.actor)
        return try await Self.detail(c, req)
    }

    func mediators(req: Request) async throws -> RightsCaseDTO {
        let input = try await req.json(RightsMediatorsInput.self)
        return try await step(req) { try await RightsService.assign($0, input, scoped: $1, by: $2, actor: req.auditActor, at: req.now) }
    }

    func accept(req: Request) async throws -> RightsCaseDTO {
        let input = try await req.json(RightsAcceptInput.self)
        return try await step(req) { try await RightsService.accept($0, input, scoped: $1, by: $2, actor: req.auditActor, at: req.now) }
    }

    func decline(req: Request) async throws -> RightsCaseDTO {
        let input = try await req.json(RightsReasonInput.self)
        return try await step(req) { try await RightsService.decline($0, input, scoped: $1, by: $2, actor: req.auditActor, at: req.now) }
    }

    func meeting(req: Request) async throws -> RightsCaseDTO {
        let input = try await req.json(RightsMeetingInput.self)
        return try await step(req) { _ = try await RightsService.meet($0, input, scoped: $1, by: $2, actor: req.auditActor, at: req.now) }
    }

    func outcome(req: Request) async throws -> RightsCaseDTO {
        let input = try await req.json(RightsOutcomeInput.self)
        return try await step(req) { try await RightsService.outcome($0, input, scoped: $1, by: $2, actor: req.auditActor, at: req.now) }
    }

    func followup(req: Request) async throws -> RightsCaseDTO {
        let input = try await req.json(RightsFollowupInput.self)
        return try await step(req) {
            _ = try await RightsService.followup($0, input, scoped: $1, by: $2, actor: req.auditActor, at: req.now)
        }
    }

    func close(req: Request) async throws -> RightsCaseDTO {
        let input = try await req.json(RightsReasonInput.self)
        return try await step(req) { try await RightsService.close($0, input, scoped: $1, by: $2, actor: req.auditActor, at: req.now) }
    }

    func safety(req: Request) async throws -> RightsCaseDTO {
        let input = try await req.json(RightsSafetyInput.self)
        return try await step(req) { try await RightsService.safety($0, input, scoped: $1, by: $2, actor: req.auditActor, at: req.now) }
    }

    /// 201 with the decision kept; a filed one names the safety net's report (`reportId`).
    func childReport(req: Request) async throws -> Response {
        let c = try await Self.load(req)
        let input = try await req.json(RightsChildReportInput.self)
        let row = try await RightsService.childReport(
            c, input, scoped: try req.scoped, by: try req.actor, actor: req.auditActor, at: req.now)
        let name = try await RightsService.householdChildren(c, on: req.db).first { $0.id == row.childID }?.name ?? ""
        return try PairingAPIController().created(RightsChildReportDTO(row, name: name))
    }

    func access(req: Request) async throws -> RightsAccessDTO {
        let c = try await Self.load(req)
        let until = try await RightsService.breakGlass(
            c, try await req.json(RightsReasonInput.self), scoped: try req.scoped, by: try req.actor, actor: req.auditActor, at: req.now)
        return RightsAccessDTO(until: AuditLog.timestamp(until))
    }

    /// Who opened the case by break-glass or named herself mediator, and why: for those who may open it.
    func accesses(req: Request) async throws -> ListPage<RightsGrantDTO> {
        let c = try await Self.load(req)
        let viewer = try await RightsService.viewer(try req.actor, on: req.db)
        guard try await RightsService.level(c, viewer, on: req.db, at: req.now) > .none else { throw RightsService.restrictedError() }
        let rows = try await RightsQueries.grants(of: c.id!, on: req.db).map(RightsGrantDTO.init)
        return ListPage(items: rows, page: 1, per: max(rows.count, 1), total: rows.count)
    }

    /// `from`/`to` default to this calendar year so far; a malformed or reversed range is 422 naming the field.
    func stats(req: Request) async throws -> RightsStatsDTO {
        try req.requireBrowse(.rights)
        let today = RegistryService.today(req.now)
        var c = FormChecker()
        let from = c.date(req.query[String.self, at: "from"], "from") ?? CivilDate(year: today.year, month: 1, day: 1)!
        let to = c.date(req.query[String.self, at: "to"], "to") ?? today
        if c.errors.isEmpty, to < from { c.errors.append(FieldError(field: "to", key: "rights.error.before", args: [from.iso])) }
        try c.throwIfAny()
        return try await req.scoped.rightsStats(unit: try DonationAPIController.summaryUnit(req), from: from, to: to)
    }

    func settings(req: Request) async throws -> RightsSettingsInput {
        try req.requireBrowse(.rights)
        return try await RightsSettingsStore.load(on: req.db).input
    }

    func setSettings(req: Request) async throws -> RightsSettingsInput {
        try req.requireBrowse(.rights)
        try req.require(.editRules)
        return try await RightsSettingsStore.save(try await req.json(RightsSettingsInput.self), by: req.auditActor, at: req.now, on: req.db)
            .input
    }
}
