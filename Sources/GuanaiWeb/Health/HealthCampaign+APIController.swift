import Vapor
import GuanaiCore

extension HealthCampaignInput: Content {}
extension HealthInvitationInput: Content {}
extension HealthAppointmentInput: Content {}
extension HealthAttendanceInput: Content {}

/// `/api/v1/health/campaigns…`: campaigns and their progress for every staff role that sees counts; run (created,
/// women invited and booked) by the city, the township and the health department; attendance also by the village.
struct HealthCampaignAPIController {
    func register(_ r: any RoutesBuilder) {
        r.get("health", "campaigns", use: list)
        r.post("health", "campaigns", use: create)
        r.get("health", "campaigns", ":id", use: show)
        r.get("health", "campaigns", ":id", "invitations", use: invitations)
        r.post("health", "campaigns", ":id", "invitations", use: invite)
        r.post("health", "campaigns", ":id", "appointments", use: book)
        r.post("health", "campaigns", ":id", "attendance", use: attend)
    }

    static func load(_ req: Request) async throws -> HealthCampaign {
        try HealthPagesController.requireCounts(req)
        guard let c = try await req.scoped.healthCampaign(try req.parameters.id()) else { throw Abort(.notFound) }
        return c
    }

    static func requireRunner(_ req: Request) throws {
        guard HealthAccess.mayRunCampaigns(try req.actor.role) else { throw Abort(.forbidden) }
    }

    static func dto(_ c: HealthCampaign, _ req: Request) async throws -> HealthCampaignDTO {
        let name = try await req.scoped.unitNames([c.unitCode])[c.unitCode] ?? c.unitCode
        return HealthCampaignDTO(c, unitName: name, progress: try await HealthCampaignQueries.progress(c, on: req.db))
    }

    static func invitationDTOs(_ c: HealthCampaign, _ items: [HealthInvitation], _ req: Request) async throws -> [HealthInvitationDTO] {
        let scoped = try req.scoped
        let people = try await scoped.people(items.map { PersonID($0.personID) })
        let names = try await scoped.unitNames(items.map(\.unitCode))
        let screened = try await HealthCampaignQueries.screened(c.id!, on: req.db)
        return items.map {
            HealthInvitationDTO(
                $0, person: people[PersonID($0.personID)], villageName: names[$0.unitCode] ?? $0.unitCode,
                screened: screened.contains($0.personID))
        }
    }

    func list(req: Request) async throws -> ListPage<HealthCampaignDTO> {
        try HealthPagesController.requireCounts(req)
        let p = try PageParams(req)
        let year = try req.query[String.self, at: "year"].map { raw -> Int in
            guard let y = Int(raw) else { throw Abort(.badRequest) }
            return y
        }
        let all = try await req.scoped.healthCampaigns(unit: req.query[String.self, at: "unit"], year: year)
        var out: [HealthCampaignDTO] = []
        for c in all.dropFirst((p.page - 1) * p.per).prefix(p.per) { out.append(try await Self.dto(c, req)) }
        return ListPage(items: out, page: p.page, per: p.per, total: all.count)
    }

    func create(req: Request) async throws -> Response {
        try HealthPagesController.requireCounts(req)
        try Self.requireRunner(req)
        let c = try await HealthCampaignService.create(
            try await req.json(HealthCampaignInput.self), scoped: try req.scoped, by: try req.actor, actor: req.auditActor, at: req.now)
        return try PairingAPIController().created(try await Self.dto(c, req))
    }

    func show(req: Request) async throws -> HealthCampaignDTO { try await Self.dto(try await Self.load(req), req) }

    func invitations(req: Request) async throws -> ListPage<HealthInvitationDTO> {
        let c = try await Self.load(req)
        let p = try PageParams(req)
        let all = try await req.scoped.healthInvitations(c)
        let page = Array(all.dropFirst((p.page - 1) * p.per).prefix(p.per))
        return ListPage(items: try await Self.invitationDTOs(c, page, req), page: p.page, per: p.per, total: all.count)
    }

    func invite(req: Request) async throws -> HealthInvitedDTO {
        let c = try await Self.load(req)
        try Self.requireRunner(req)
        let n = try await HealthCampaignService.invite(
            c, try await req.json(HealthInvitationInput.self), scoped: try req.scoped, actor: req.auditActor, at: req.now)
        return HealthInvitedDTO(invited: n, campaign: try await Self.dto(c, req))
    }

    func book(req: Request) async throws -> HealthInvitationDTO {
        let c = try await Self.load(req)
        try Self.requireRunner(req)
        let inv = try await HealthCampaignService.book(
            c, try await req.json(HealthAppointmentInput.self), scoped: try req.scoped, actor: req.auditActor, at: req.now)
        return try await Self.invitationDTOs(c, [inv], req)[0]
    }

    func attend(req: Request) async throws -> HealthInvitationDTO {
        let c = try await Self.load(req)
        guard HealthAccess.mayWorkDueLists(try req.actor.role) else { throw Abort(.forbidden) }
        let inv = try await HealthCampaignService.attend(
            c, try await req.json(HealthAttendanceInput.self), scoped: try req.scoped, actor: req.auditActor, at: req.now)
        return try await Self.invitationDTOs(c, [inv], req)[0]
    }
}
