import Fluent
import Vapor
import GuanaiCore

struct NeighbourMemberDTO: Content {
    let householdId: String, consentedOn: String
    /// An active left-behind child or woman lives there.
    let leftBehind: Bool
}

struct NeighbourActivityDTO: Content {
    let id: String, kind: String, date: String, note: String?, recordedBy: String, createdAt: String
    init(_ a: NeighbourActivity) {
        id = a.id!.uuidString; kind = a.kind.rawValue; date = a.date; note = a.note; recordedBy = a.recordedBy
        createdAt = AuditLog.timestamp(a.createdAt)
    }
}

struct NeighbourGroupDTO: Content {
    let id: String, villageCode: String, name: String, leaderPersonId: String, status: String
    let members: [NeighbourMemberDTO]
    /// On one group's answer only, newest first.
    let activities: [NeighbourActivityDTO]?
    let createdAt: String, updatedAt: String

    init(_ g: NeighbourGroup, members: [NeighbourGroupMember], leftBehind: Set<UUID>, activities: [NeighbourActivity]? = nil) {
        id = g.recordID.description; villageCode = g.villageCode; name = g.name; leaderPersonId = g.leaderPersonID.uuidString
        status = g.status.rawValue
        self.members = members.map {
            NeighbourMemberDTO(
                householdId: $0.householdID.uuidString, consentedOn: $0.consentedOn, leftBehind: leftBehind.contains($0.householdID))
        }
        self.activities = activities.map { $0.map(NeighbourActivityDTO.init) }
        createdAt = AuditLog.timestamp(g.createdAt); updatedAt = AuditLog.timestamp(g.updatedAt)
    }
}

struct GroupingSuggestionDTO: Content {
    let householdIds: [String], leaderHouseholdId: String, reasons: [ReasonDTO]
}

struct GroupingSuggestionsDTO: Content {
    let villageCode: String, groups: [GroupingSuggestionDTO], ungrouped: [String]
}

struct NeighbourCoverageRowDTO: Content {
    let unitCode: String, name: String, leftBehindHouseholds: Int, grouped: Int, rate: Double
    init(_ r: NeighbourCoverage.Row, names: [String: String]) {
        unitCode = r.unitCode; name = names[r.unitCode] ?? r.unitCode; leftBehindHouseholds = r.leftBehindHouseholds; grouped = r.grouped
        rate = r.rate
    }
}

struct NeighbourCoverageDTO: Content {
    let unit: NeighbourCoverageRowDTO, rows: [NeighbourCoverageRowDTO]
}

/// /api/v1/neighbour-groups: neighbour groups (邻里互助组) in the jurisdiction, suggestions for a village, a group's
/// activities and concerns, and the share of left-behind households in a group.
struct NeighbourGroupAPIController {
    struct SuggestionsInput: Content { var villageCode: String? }
    struct ConcernInput: Content { var childId: String?; var seen: String? }

    func register(_ r: any RoutesBuilder) {
        r.get("neighbour-groups", use: list)
        r.post("neighbour-groups", use: create)
        r.get("neighbour-groups", "coverage", use: coverage)
        r.post("neighbour-groups", "suggestions", use: suggestions)
        r.get("neighbour-groups", ":id", use: show)
        r.patch("neighbour-groups", ":id", use: update)
        r.post("neighbour-groups", ":id", "activities", use: addActivity)
        r.post("neighbour-groups", ":id", "concerns", use: concern)
    }

    /// Staff write groups in their jurisdiction; the inspector reads them; volunteers and partners do neither.
    static func requireWrite(_ req: Request) throws {
        try req.requireBrowse(.group)
        guard Policy.writes(try req.actor.role, .group) else { throw Abort(.forbidden) }
    }

    static func dto(_ scoped: Scoped, _ g: NeighbourGroup, activities: Bool = false) async throws -> NeighbourGroupDTO {
        NeighbourGroupDTO(
            g, members: try await scoped.groupMembers(g), leftBehind: try await scoped.leftBehind(village: g.villageCode),
            activities: activities ? try await scoped.groupActivities(g) : nil)
    }

    func list(req: Request) async throws -> ListPage<NeighbourGroupDTO> {
        try req.requireBrowse(.group)
        let p = try PageParams(req)
        let scoped = try req.scoped
        let (items, total) = try await scoped.neighbourGroups(unit: req.query[String.self, at: "unit"], page: p.page, per: p.per)
        var out: [NeighbourGroupDTO] = []
        for g in items { out.append(try await Self.dto(scoped, g)) }
        return ListPage(items: out, page: p.page, per: p.per, total: total)
    }

    func create(req: Request) async throws -> Response {
        try Self.requireWrite(req)
        let scoped = try req.scoped
        let g = try await NeighbourGroupService.create(
            try await req.json(NeighbourGroupInput.self), scoped: scoped, actor: req.auditActor, at: req.now)
        return try PairingAPIController().created(try await Self.dto(scoped, g))
    }

    static func load(_ req: Request) async throws -> NeighbourGroup {
        guard let g = try await req.scoped.neighbourGroup(try req.parameters.id()) else { throw Abort(.notFound) }
        return g
    }

    func show(req: Request) async throws -> NeighbourGroupDTO {
        try req.requireBrowse(.group)
        return try await Self.dto(try req.scoped, try await Self.load(req), activities: true)
    }

    func update(req: Request) async throws -> NeighbourGroupDTO {
        try Self.requireWrite(req)
        let scoped = try req.scoped
        let g = try await NeighbourGroupService.update(
            try await Self.load(req), try await req.json(NeighbourGroupInput.self), scoped: scoped, actor: req.auditActor, at: req.now)
        return try await Self.dto(scoped, g)
    }

    func addActivity(req: Request) async throws -> Response {
        try Self.requireWrite(req)
        let g = try await Self.load(req)
        let a = try await NeighbourGroupService.addActivity(
            g, try await req.json(NeighbourActivityInput.self), by: try req.actor.displayName, actor: req.auditActor, at: req.now,
            on: req.db)
        return try PairingAPIController().created(NeighbourActivityDTO(a))
    }

    /// Files a mandatory report (the leader named as reporter): whoever writes the group and may file reports.
    func concern(req: Request) async throws -> Response {
        try Self.requireWrite(req)
        try req.require(.fileReport)
        let g = try await Self.load(req)
        let input = try await req.json(ConcernInput.self)
        let r = try await NeighbourGroupService.raiseConcern(
            g, childId: input.childId, seen: input.seen, scoped: try req.scoped, filedBy: try req.actor.displayName,
            actor: req.auditActor, at: req.now)
        return try PairingAPIController().created(DeskAPIController.ConcernDTO(reportId: r.id!.uuidString, status: r.status.rawValue))
    }

    func suggestions(req: Request) async throws -> GroupingSuggestionsDTO {
        try Self.requireWrite(req)
        let village = try await req.json(SuggestionsInput.self).villageCode?.trimmingCharacters(in: .whitespaces) ?? ""
        return try await Self.suggest(req, village: village)
    }

    /// The village must be one of the jurisdiction (outside: 404, as a record there); nothing is written.
    static func suggest(_ req: Request, village: String) async throws -> GroupingSuggestionsDTO {
        let scoped = try req.scoped
        if try await scoped.unitOutside(village) { throw Abort(.notFound) }
        guard let u = try await scoped.unit(village), u.divisionLevel == .village, u.status == .active else {
            throw FieldErrors([FieldError(field: "villageCode", key: village.isEmpty ? "field.error.required" : "field.error.choice")])
        }
        let s = NeighbourGrouping.suggest(try await scoped.groupingHouseholds(village: u.code), limits: NeighbourGroupService.limits)
        let l = req.lang
        return GroupingSuggestionsDTO(
            villageCode: u.code,
            groups: s.groups.map { g in
                GroupingSuggestionDTO(
                    householdIds: g.householdIds, leaderHouseholdId: g.leaderHouseholdId,
                    reasons: g.reasons.map { ReasonDTO(code: $0.code, message: l.t($0.code, $0.arg)) })
            }, ungrouped: s.ungrouped)
    }

    func coverage(req: Request) async throws -> NeighbourCoverageDTO {
        try req.requireBrowse(.group)
        return try await Self.coverage(try req.scoped, unit: req.query[String.self, at: "unit"])
    }

    /// For the unit (a unit above or outside: the whole jurisdiction) and each unit one level below it.
    static func coverage(_ scoped: Scoped, unit: String?) async throws -> NeighbourCoverageDTO {
        let j = unit.map(scoped.narrowed) ?? scoped.jurisdiction
        guard let root = j.root else { throw Abort(.notFound) }
        let rows = try await scoped.children(of: root.value).map(\.code)
        let lb = try await scoped.leftBehindHouseholds(within: j)
        let live = Set(try await scoped.liveMembers(within: j))
        let c = NeighbourCoverage.of(unit: root.value, rows: rows, households: lb.map { ($0.value, live.contains($0.key)) })
        let names = try await scoped.unitNames([root.value] + rows)
        return NeighbourCoverageDTO(
            unit: NeighbourCoverageRowDTO(c.total, names: names), rows: c.rows.map { NeighbourCoverageRowDTO($0, names: names) })
    }
}
