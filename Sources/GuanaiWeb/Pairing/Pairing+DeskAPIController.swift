import Vapor
import GuanaiCore

/// /api/v1/my/…: the volunteer's own desk. Nothing else of the API answers a volunteer account.
struct DeskAPIController {
    func register(_ r: any RoutesBuilder) {
        r.get("my", "children", use: children)
        r.post("my", "pairs", ":id", "contacts", use: addContact)
        r.post("my", "pairs", ":id", "concerns", use: concern)
    }

    func requireVolunteer(_ req: Request) throws -> Signer {
        let a = try req.actor
        guard Policy.hasDesk(a.role) else { throw Abort(.forbidden) }
        return a
    }

    func children(req: Request) async throws -> ListPage<DeskChild> {
        let a = try requireVolunteer(req)
        let items = try await VolunteerDesk.children(for: a, on: req.db, today: RegistryService.today(req.now))
        for k in items { try await req.audit(AuditEvent(AuditAction.view, .pair, k.pairId, unit: k.unitCode)) }
        return ListPage(items: items, page: 1, per: max(items.count, 1), total: items.count)
    }

    func addContact(req: Request) async throws -> Response {
        let a = try requireVolunteer(req)
        guard let (p, _) = try await VolunteerDesk.pair(try req.parameters.id(), for: a, on: req.db) else { throw Abort(.notFound) }
        let k = try await PairingService.recordContact(
            p, try await req.json(ContactInput.self), by: a.displayName, onBehalf: false, actor: req.auditActor, at: req.now, on: req.db)
        let res = Response(status: .created)
        try res.content.encode(ContactDTO(k), as: .json)
        return res
    }

    struct ConcernInput: Content { var seen: String? }
    struct ConcernDTO: Content { let reportId: String; let status: String }

    func concern(req: Request) async throws -> Response {
        let a = try requireVolunteer(req)
        try req.require(.fileReport)
        guard let (p, v) = try await VolunteerDesk.pair(try req.parameters.id(), for: a, on: req.db) else { throw Abort(.notFound) }
        let r = try await VolunteerDesk.raiseConcern(
            p, volunteer: v, seen: try await req.json(ConcernInput.self).seen, actor: a, audit: req.auditActor, at: req.now, on: req.db)
        let res = Response(status: .created)
        try res.content.encode(ConcernDTO(reportId: r.id!.uuidString, status: r.status.rawValue), as: .json)
        return res
    }
}
