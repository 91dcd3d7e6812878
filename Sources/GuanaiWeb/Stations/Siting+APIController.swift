import Fluent
import Vapor
import GuanaiCore

extension SiteInput: Content {}
extension SitingInput: Content {}

struct SiteDTO: Content {
    let id: String, name: String, kind: String, unitCode: String, latitude: Double, longitude: Double
    init(_ s: Site) {
        id = s.id!.uuidString; name = s.name; kind = s.kind.rawValue; unitCode = s.unitCode; latitude = s.latitude
        longitude = s.longitude
    }
}

struct SitingSiteDTO: Content {
    /// A site's id, or the code of a village committee.
    let siteId: String
    let name: String, unitCode: String, newlyCovered: Int, weight: Int
}

struct SitingDTO: Content {
    let sites: [SitingSiteDTO]
    let objective: Int, upperBound: Int, optimal: Bool
    init(_ p: SitingPlan) {
        sites = p.sites.map {
            SitingSiteDTO(siteId: $0.candidateId, name: $0.name, unitCode: $0.unitCode, newlyCovered: $0.newlyCovered, weight: $0.weight)
        }
        objective = p.objective; upperBound = p.upperBound; optimal = p.optimal
    }
}

/// Candidate sites and siting: who approves (city, township) writes sites and asks where to open stations; staff
/// and the inspector read the sites.
struct SitingAPIController {
    func register(_ r: any RoutesBuilder) {
        r.get("sites", use: list)
        r.post("sites", use: create)
        r.get("sites", ":id", use: show)
        r.patch("sites", ":id", use: update)
        r.post("stations", "siting", use: siting)
    }

    static func requireApprove(_ req: Request) throws {
        try req.requireBrowse(.station)
        try req.require(.approve)
    }

    func list(req: Request) async throws -> ListPage<SiteDTO> {
        try req.requireBrowse(.station)
        let scoped = try req.scoped
        let all = try await scoped.sites(in: scoped.narrowed(req.query[String.self, at: APIQuery.unit.rawValue] ?? ""))
        return ListPage(items: all.map(SiteDTO.init), page: 1, per: max(all.count, 1), total: all.count)
    }

    func load(_ req: Request) async throws -> Site {
        guard let s = try await req.scoped.site(try req.parameters.id()) else { throw Abort(.notFound) }
        return s
    }

    func show(req: Request) async throws -> SiteDTO {
        try req.requireBrowse(.station)
        return SiteDTO(try await load(req))
    }

    func create(req: Request) async throws -> Response {
        try Self.requireApprove(req)
        let s = try await SitingService.create(
            try await req.json(SiteInput.self), scoped: try req.scoped, actor: req.auditActor, at: req.now)
        return try PairingAPIController().created(SiteDTO(s))
    }

    func update(req: Request) async throws -> SiteDTO {
        try Self.requireApprove(req)
        let s = try await load(req)
        return SiteDTO(
            try await SitingService.update(
                s, try await req.json(SiteInput.self), scoped: try req.scoped, actor: req.auditActor, at: req.now))
    }

    func siting(req: Request) async throws -> SitingDTO {
        try Self.requireApprove(req)
        return SitingDTO(try await SitingService.plan(try await req.json(SitingInput.self), scoped: try req.scoped).plan)
    }
}

/// Sites stored and audited, and the siting computed: Core's `SiteForm`, `SitingForm` and `Siting.plan` judge.
enum SitingService {
    static func check(_ input: SiteInput, scoped: Scoped) async throws -> CheckedSite {
        let unit = try await scoped.unitFactsForWrite(input.unitCode)
        var c = Checker()
        let checked = SiteForm.check(input, unit: unit, &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        return checked
    }

    static func create(_ input: SiteInput, scoped: Scoped, actor: AuditActor, at: Date) async throws -> Site {
        let checked = try await check(input, scoped: scoped)
        let s = Site()
        s.id = TimeOrderedID.next()
        s.apply(checked)
        s.createdAt = at
        s.updatedAt = at
        try await scoped.db.transaction { tx in
            try await s.create(on: tx)
            try await AuditLog.append(
                AuditEvent(AuditAction.create, s.recordID, unit: s.unitCode, fields: AuditLog.created(s.auditFields)), by: actor, at: at,
                on: tx)
        }
        return s
    }

    /// A PATCH: absent keys keep their value; the whole is checked again.
    static func update(_ s: Site, _ p: SiteInput, scoped: Scoped, actor: AuditActor, at: Date) async throws -> Site {
        var m = s.input
        if let v = p.name { m.name = v }
        if let v = p.kind { m.kind = v }
        if let v = p.unitCode { m.unitCode = v }
        if p.latitude != nil || p.longitude != nil { (m.latitude, m.longitude) = (p.latitude, p.longitude) }
        let checked = try await check(m, scoped: scoped)
        let before = s.auditFields
        s.apply(checked)
        let diff = AuditLog.diff(before, s.auditFields)
        guard !diff.isEmpty else { return s }
        s.updatedAt = at
        try await scoped.db.transaction { tx in
            try await s.update(on: tx)
            try await AuditLog.append(AuditEvent(AuditAction.update, s.recordID, unit: s.unitCode, fields: diff), by: actor, at: at, on: tx)
        }
        return s
    }

    /// The plan for a unit of the jurisdiction (a unit above or outside answers for her own), with the facts the
    /// page draws: the children and stations read, and the candidates.
    static func plan(_ input: SitingInput, scoped: Scoped) async throws -> (
        plan: SitingPlan, unit: String, reach: Int, children: [CoverageChild], stations: [CoverageStation], candidates: [SitingCandidate]
    ) {
        let rules = try await SettingsStore.load(StationRules.self, on: scoped.db)
        var c = Checker()
        let checked = SitingForm.check(input, defaultReach: rules.reachMetres, &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        let j = scoped.narrowed(input.unit ?? "")
        let children = try await scoped.coverageChildren(j)
        let stations = try await scoped.openStationsForCoverage()
        let candidates = try await scoped.sitingCandidates(j, siteIds: input.siteIds)
        let plan = Siting.plan(
            candidates: candidates, children: children, stations: stations, count: checked.count, reachMetres: checked.reach,
            weights: rules.sitingWeights)
        return (plan, j.root?.value ?? "", checked.reach, children, stations, candidates)
    }
}
