import Fluent
import Vapor
import GuanaiCore

struct CampaignDTO: Content {
    let id: String, name: String, unitCode: String, launchedOn: String, note: String, createdBy: String, createdAt: String,
        volunteerCount: Int
    init(_ k: Campaign, volunteers: Int) {
        id = k.id!.uuidString; name = k.name; unitCode = k.unitCode; launchedOn = k.launchedOn; note = k.note; createdBy = k.createdBy
        createdAt = AuditLog.timestamp(k.createdAt); volunteerCount = volunteers
    }
}

struct CampaignSignupDTO: Content {
    let volunteerId: String, name: String, unitCode: String, signedOn: String, openPairs: Int, activePairs: Int, closedPairs: Int
    init(_ s: CampaignSignup) {
        volunteerId = s.volunteer.id!.uuidString; name = s.volunteer.name; unitCode = s.volunteer.unitCode; signedOn = s.row.signedOn
        openPairs = s.openPairs; activePairs = s.activePairs; closedPairs = s.closedPairs
    }
}

struct CampaignDetailDTO: Content {
    let campaign: CampaignDTO, progress: CampaignProgress, volunteers: [CampaignSignupDTO]
}

/// /api/v1/campaigns: pilot campaigns, who signed up, and their progress.
struct CampaignAPIController {
    func register(_ r: any RoutesBuilder) {
        r.get("campaigns", use: list)
        r.post("campaigns", use: create)
        r.get("campaigns", ":id", use: show)
        r.post("campaigns", ":id", "volunteers", use: addVolunteer)
    }

    func list(req: Request) async throws -> ListPage<CampaignDTO> {
        try PairingAPIController().requireStaffRead(req)
        let p = try PageParams(req)
        let scoped = try req.scoped
        let (items, total) = try await scoped.campaigns(page: p.page, per: p.per)
        let counts = try await scoped.signupCounts(items.map(\.recordID))
        return ListPage(items: items.map { CampaignDTO($0, volunteers: counts[$0.recordID] ?? 0) }, page: p.page, per: p.per, total: total)
    }

    /// Launching a campaign is the township's or the city's decision (`approve`), as approving pairs is.
    func create(req: Request) async throws -> Response {
        try PairingAPIController().requireStaff(req)
        try req.require(.approve)
        let k = try await CampaignService.create(
            try await req.json(CampaignInput.self), scoped: try req.scoped, by: try req.actor.displayName, actor: req.auditActor,
            at: req.now)
        return try PairingAPIController().created(CampaignDTO(k, volunteers: 0))
    }

    func load(_ req: Request, read: Bool = false) async throws -> Campaign {
        if read { try PairingAPIController().requireStaffRead(req) } else { try PairingAPIController().requireStaff(req) }
        guard let k = try await req.scoped.campaign(try req.parameters.id()) else { throw Abort(.notFound) }
        return k
    }

    static func detail(_ req: Request, _ k: Campaign) async throws -> CampaignDetailDTO {
        let scoped = try req.scoped
        let signups = try await scoped.signups(k)
        return CampaignDetailDTO(
            campaign: CampaignDTO(k, volunteers: signups.count),
            progress: try await scoped.progress(k, today: RegistryService.today(req.now)),
            volunteers: signups.map(CampaignSignupDTO.init))
    }

    func show(req: Request) async throws -> CampaignDetailDTO {
        try await Self.detail(req, try await load(req, read: true))
    }

    func addVolunteer(req: Request) async throws -> Response {
        let k = try await load(req)
        _ = try await CampaignService.addVolunteer(
            k, try await req.json(CampaignVolunteerInput.self), scoped: try req.scoped, actor: req.auditActor, at: req.now)
        return try PairingAPIController().created(try await Self.detail(req, k))
    }
}
