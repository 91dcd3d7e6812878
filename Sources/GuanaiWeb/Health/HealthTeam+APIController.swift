import OpenAPIKit30
import Vapor
import GuanaiCore

extension HealthTeamInput: Content {}
extension HealthTeamActivityInput: Content {}

/// A team as read: its people by name, its activities newest first.
struct HealthTeamDTO: Content {
    struct Member: Content { let personId: String, name: String }
    struct Activity: Content { let date: String, place: String, participants: Int, personIds: [String]?, by: String }
    let id: String, name: String, kind: String, unitCode: String, unitName: String
    let leader: Member
    let members: [Member]
    let activities: [Activity]
}

/// `/api/v1/teams` (issue 20, item 7): read by the staff who see the module's counts, run by the city, the township and
/// the village.
struct HealthTeamAPIController {
    func register(_ r: any RoutesBuilder) {
        r.get("teams", use: list)
        r.post("teams", use: create)
        r.get("teams", ":id", use: show)
        r.post("teams", ":id", "activities", use: activity)
    }

    static func requireManager(_ req: Request) throws {
        try HealthPagesController.requireCounts(req)
        guard HealthAccess.mayManageTeams(try req.actor.role) else { throw Abort(.forbidden) }
    }

    static func load(_ req: Request) async throws -> HealthTeam {
        try HealthPagesController.requireCounts(req)
        guard let t = try await req.scoped.healthTeam(try req.parameters.id()) else { throw Abort(.notFound) }
        return t
    }

    static func dtos(_ teams: [HealthTeam], _ req: Request) async throws -> [HealthTeamDTO] {
        let scoped = try req.scoped
        let people = try await scoped.people(teams.flatMap(\.members).map(PersonID.init))
        let units = try await scoped.unitNames(teams.map(\.unitCode))
        let activities = try await scoped.healthTeamActivities(teams.compactMap(\.id))
        func member(_ id: UUID) -> HealthTeamDTO.Member { .init(personId: id.uuidString, name: people[PersonID(id)]?.name ?? "") }
        return teams.map { t in
            HealthTeamDTO(
                id: t.id!.uuidString, name: t.name, kind: t.kind.rawValue, unitCode: t.unitCode, unitName: units[t.unitCode] ?? t.unitCode,
                leader: member(t.leaderPersonID), members: t.members.map(member),
                activities: (activities[t.id!] ?? []).map { a in
                    .init(
                        date: a.date, place: a.place, participants: a.participants,
                        personIds: a.participantIDs.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) }, by: a.byName)
                })
        }
    }

    func list(req: Request) async throws -> ListPage<HealthTeamDTO> {
        try HealthPagesController.requireCounts(req)
        let p = try PageParams(req)
        let all = try await req.scoped.healthTeams(unit: req.query[String.self, at: "unit"])
        let page = Array(all.dropFirst((p.page - 1) * p.per).prefix(p.per))
        return ListPage(items: try await Self.dtos(page, req), page: p.page, per: p.per, total: all.count)
    }

    func create(req: Request) async throws -> Response {
        try Self.requireManager(req)
        let t = try await HealthTeamService.create(
            try await req.json(HealthTeamInput.self), scoped: try req.scoped, by: try req.actor, actor: req.auditActor, at: req.now)
        return try PairingAPIController().created(try await Self.dtos([t], req)[0])
    }

    func show(req: Request) async throws -> HealthTeamDTO { try await Self.dtos([try await Self.load(req)], req)[0] }

    func activity(req: Request) async throws -> HealthTeamDTO {
        let t = try await Self.load(req)
        try Self.requireManager(req)
        try await HealthTeamService.activity(
            t, try await req.json(HealthTeamActivityInput.self), scoped: try req.scoped, by: try req.actor, actor: req.auditActor,
            at: req.now)
        return try await Self.dtos([t], req)[0]
    }
}

extension HealthTeamInput: APISchema {
    enum Keys: String, CodingKey { case name, kind, unitCode, leaderPersonId, members }
    static let apiName = "HealthTeamInput"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.name: .string, .kind: .tokens(HealthTeamKind.self), .unitCode: .string, .leaderPersonId: .string,
                .members: .array(maxItems: HealthTeamForm.maxMembers, items: .string),
            ], required: [.name, .kind, .unitCode, .leaderPersonId])
    }
}

extension HealthTeamActivityInput: APISchema {
    enum Keys: String, CodingKey { case date, place, participants }
    static let apiName = "HealthTeamActivityInput"
    /// A head count or the women by id.
    static var apiSchema: JSONSchema {
        let r = HealthTeamForm.participantsRange
        return .closed(
            [
                Keys.date: .string(format: .date), .place: .string,
                .participants: .one(of: [
                    .integer(maximum: (r.upperBound, false), minimum: (r.lowerBound, false)),
                    .array(minItems: 1, maxItems: r.upperBound, items: .string),
                ]),
            ], required: [.date, .place, .participants])
    }
}

extension HealthTeamDTO: APISchema {
    static let apiName = "HealthTeam"
    static var apiSchema: JSONSchema {
        let member = JSONSchema.closed([("personId", .string), ("name", .string)], required: nil)
        let activity = JSONSchema.closed(
            [
                ("date", .string(format: .date)), ("place", .string), ("participants", .integer),
                ("personIds", .array(nullable: true, items: .string)), ("by", .string),
            ], required: ["date", "place", "participants", "by"])
        return .closed(
            [
                ("id", .string), ("name", .string), ("kind", .tokens(HealthTeamKind.self)), ("unitCode", .string), ("unitName", .string),
                ("leader", member), ("members", .list(member)), ("activities", .list(activity)),
            ], required: nil)
    }
}
