import Vapor
import GuanaiCore

extension HealthScreeningInput: Content {}
extension HealthStepInput: Content {}
extension HealthAttemptInput: Content {}
extension HealthLostInput: Content {}

/// The follow-up list's `status`: open, or ended any way.
enum ListStatus: String, CaseIterable { case open, closed }

/// `/api/v1/health/…` (issue 20): results, pathways and follow-ups to readers of `health_result` only (the health
/// department records them, the health officers read them); counts and due lists to the staff who call women.
struct HealthAPIController {
    func register(_ r: any RoutesBuilder) {
        r.get("health", "settings", use: settings)
        r.put("health", "settings", use: setSettings)
        r.get("health", "counts", use: counts)
        r.get("health", "due", use: due)
        r.get("health", "indicators", use: indicators)
        r.get("health", "screenings", use: screenings)
        r.post("health", "screenings", use: screen)
        r.get("health", "screenings", ":id", use: screening)
        r.get("health", "followups", use: followups)
        r.get("health", "followups", ":id", use: followup)
        r.post("health", "followups", ":id", "steps", use: step)
        r.post("health", "followups", ":id", "attempts", use: attempt)
        r.post("health", "followups", ":id", "lost", use: lost)
    }

    /// 403 unless the account reads results (by role or duty); results are never counted in `health`.
    static func requireResults(_ req: Request) throws {
        guard try req.actor.canRead(.healthResult) else { throw Abort(.forbidden) }
    }

    static func requireRecorder(_ req: Request) throws {
        try requireResults(req)
        guard HealthAccess.mayRecordResults(try req.actor.role) else { throw Abort(.forbidden) }
    }

    /// Names and village names of the records' women, read past nothing: the records are already in scope.
    static func names(_ people: [UUID], units: [String], _ req: Request) async throws -> ([UUID: String], [String: String]) {
        let scoped = try req.scoped
        let found = try await scoped.people(people.map(PersonID.init))
        return (
            Dictionary(found.map { ($0.key.uuid, $0.value.name) }, uniquingKeysWith: { a, _ in a }),
            try await scoped.unitNames(Array(Set(units)))
        )
    }

    static func screeningDTOs(_ items: [HealthScreening], _ req: Request) async throws -> [HealthScreeningDTO] {
        let (names, units) = try await names(items.map(\.personID), units: items.map(\.unitCode), req)
        let followups = try await HealthQueries.followups(ofScreenings: items.compactMap(\.id), on: req.db)
        return items.map {
            HealthScreeningDTO(
                $0, name: names[$0.personID] ?? "", villageName: units[$0.unitCode] ?? $0.unitCode, followUp: followups[$0.id!])
        }
    }

    static func followupDTOs(_ items: [HealthFollowup], _ req: Request) async throws -> [HealthFollowupDTO] {
        let (names, units) = try await names(items.map(\.personID), units: items.map(\.unitCode), req)
        let today = RegistryService.today(req.now)
        return items.map {
            HealthFollowupDTO($0, name: names[$0.personID] ?? "", villageName: units[$0.unitCode] ?? $0.unitCode, today: today)
        }
    }

    static func detail(_ f: HealthFollowup, _ req: Request) async throws -> HealthFollowupDetailDTO {
        guard let s = try await HealthScreening.find(f.screeningID, on: req.db) else { throw Abort(.notFound) }
        let steps = try await HealthQueries.steps(of: f.id!, on: req.db).map {
            HealthFollowupDetailDTO.Step(step: $0.step.rawValue, date: $0.date, result: $0.result, stage: $0.stage?.rawValue, by: $0.byName)
        }
        let attempts = try await HealthQueries.attempts(of: f.id!, on: req.db).map {
            HealthFollowupDetailDTO.Attempt(on: $0.on, channel: $0.channel.rawValue, note: $0.note, by: $0.byName)
        }
        return HealthFollowupDetailDTO(
            followUp: try await followupDTOs([f], req)[0], screening: try await screeningDTOs([s], req)[0], steps: steps,
            attemptLog: attempts)
    }

    /// Each opening of a result is a `view` on the trail.
    static func viewed<R: AuditedKind>(_ id: RecordID<R>, unit: String, _ req: Request) async throws {
        try await AuditLog.append(AuditEvent(AuditAction.view, id, unit: unit), by: req.auditActor, at: req.now, on: req.db)
    }

    static func loadFollowup(_ req: Request) async throws -> HealthFollowup {
        try requireResults(req)
        guard let f = try await req.scoped.healthFollowup(try req.parameters.id()) else { throw Abort(.notFound) }
        return f
    }

    func settings(req: Request) async throws -> HealthSettingsDTO {
        try req.requireBrowse(.health)
        return HealthSettingsDTO(try await HealthSettingsStore.load(on: req.db))
    }

    func setSettings(req: Request) async throws -> HealthSettingsDTO {
        try req.requireBrowse(.health)
        try req.require(.editRules)
        return HealthSettingsDTO(
            try await HealthSettingsStore.save(try await req.json(HealthSettingsInput.self), by: req.auditActor, at: req.now, on: req.db))
    }

    func counts(req: Request) async throws -> HealthCountsDTO {
        try req.requireBrowse(.health)
        guard HealthAccess.maySeeCounts(try req.actor.role) else { throw Abort(.forbidden) }
        return try await req.scoped.healthCounts(
            unit: req.query[String.self, at: "unit"], today: RegistryService.today(req.now), try await HealthSettingsStore.load(on: req.db))
    }

    func due(req: Request) async throws -> ListPage<HealthDueDTO> {
        try req.requireBrowse(.health)
        guard HealthAccess.maySeeCounts(try req.actor.role) else { throw Abort(.forbidden) }
        let p = try PageParams(req)
        let programme = try Self.programme(req)
        let today = RegistryService.today(req.now)
        let all = try await req.scoped.healthDue(
            unit: req.query[String.self, at: "unit"], programme: programme, today: today, try await HealthSettingsStore.load(on: req.db))
        let page = Array(all.dropFirst((p.page - 1) * p.per).prefix(p.per))
        let units = try await req.scoped.unitNames(page.map(\.0.unitCode))
        return ListPage(
            items: page.map {
                HealthDueDTO($0.0, dueSince: $0.1, programme: programme, villageName: units[$0.0.unitCode] ?? "", today: today)
            },
            page: p.page, per: p.per, total: all.count)
    }

    /// The indicators read results' figures (follow-ups, diagnoses): the results' readers only.
    func indicators(req: Request) async throws -> HealthIndicatorsDTO {
        try req.requireBrowse(.health)
        guard HealthAccess.mayReadIndicators(try req.actor.role, duties: try req.actor.duties) else { throw Abort(.forbidden) }
        let today = RegistryService.today(req.now)
        let year = try req.query[String.self, at: "year"].map { raw -> Int in
            guard let y = Int(raw), (2000...2100).contains(y) else { throw Abort(.badRequest) }
            return y
        }
        return try await req.scoped.healthIndicators(
            unit: req.query[String.self, at: "unit"], year: year ?? today.year, today: today, try await HealthSettingsStore.load(on: req.db)
        )
    }

    /// `programme`, cervical when absent; another word is 400, never a silent default.
    static func programme(_ req: Request) throws -> HealthProgramme {
        guard let raw = req.query[String.self, at: "programme"] else { return .cervical }
        guard let p = HealthProgramme(rawValue: raw) else { throw Abort(.badRequest) }
        return p
    }

    func screenings(req: Request) async throws -> ListPage<HealthScreeningDTO> {
        try Self.requireResults(req)
        let p = try PageParams(req)
        let campaign = try req.query[String.self, at: "campaign"].map { raw -> UUID in
            guard let id = UUID(uuidString: raw) else { throw Abort(.badRequest) }
            return id
        }
        let (items, total) = try await req.scoped.healthScreenings(
            unit: req.query[String.self, at: "unit"], campaign: campaign, page: p.page, per: p.per)
        return ListPage(items: try await Self.screeningDTOs(items, req), page: p.page, per: p.per, total: total)
    }

    func screen(req: Request) async throws -> Response {
        try Self.requireRecorder(req)
        let (s, _) = try await HealthService.screen(
            try await req.json(HealthScreeningInput.self), scoped: try req.scoped, by: try req.actor, actor: req.auditActor, at: req.now)
        return try PairingAPIController().created(try await Self.screeningDTOs([s], req)[0])
    }

    func screening(req: Request) async throws -> HealthScreeningDTO {
        try Self.requireResults(req)
        guard let s = try await req.scoped.healthScreening(try req.parameters.id()) else { throw Abort(.notFound) }
        try await Self.viewed(s.recordID, unit: s.unitCode, req)
        return try await Self.screeningDTOs([s], req)[0]
    }

    func followups(req: Request) async throws -> ListPage<HealthFollowupDTO> {
        try Self.requireResults(req)
        let p = try PageParams(req)
        let open: Bool?
        switch req.query[String.self, at: "status"].map(ListStatus.init(rawValue:)) {
        case nil: open = nil
        case .some(.some(let st)): open = st == .open
        case .some(nil): throw Abort(.badRequest)
        }
        let overdue = req.query[String.self, at: "overdue"] == "true"
        let (items, total) = try await req.scoped.healthFollowups(
            unit: req.query[String.self, at: "unit"], open: open, overdue: overdue, today: RegistryService.today(req.now), page: p.page,
            per: p.per)
        return ListPage(items: try await Self.followupDTOs(items, req), page: p.page, per: p.per, total: total)
    }

    func followup(req: Request) async throws -> HealthFollowupDetailDTO {
        let f = try await Self.loadFollowup(req)
        try await Self.viewed(f.recordID, unit: f.unitCode, req)
        return try await Self.detail(f, req)
    }

    func step(req: Request) async throws -> HealthFollowupDetailDTO {
        let f = try await Self.loadFollowup(req)
        try Self.requireRecorder(req)
        let input = try await req.json(HealthStepInput.self)
        return try await Self.detail(
            try await HealthService.step(f, input, by: try req.actor, actor: req.auditActor, at: req.now, on: req.db), req)
    }

    func attempt(req: Request) async throws -> HealthFollowupDetailDTO {
        let f = try await Self.loadFollowup(req)
        try Self.requireRecorder(req)
        let input = try await req.json(HealthAttemptInput.self)
        return try await Self.detail(
            try await HealthService.attempt(f, input, by: try req.actor, actor: req.auditActor, at: req.now, on: req.db), req)
    }

    func lost(req: Request) async throws -> HealthFollowupDetailDTO {
        let f = try await Self.loadFollowup(req)
        try Self.requireRecorder(req)
        let input = try await req.json(HealthLostInput.self)
        return try await Self.detail(try await HealthService.lost(f, input, actor: req.auditActor, at: req.now, on: req.db), req)
    }
}
