import Fluent
import Vapor
import GuanaiCore

struct ChildrenEventDTO: Content {
    let id: String, kind: String, date: String, unitCode: String, title: String, participants: [String]
    /// `active`, or `cancelled` with its `cancelReason`.
    let status: String, cancelReason: String?
    let createdAt: String, updatedAt: String?

    init(_ e: ChildrenEvent) {
        id = e.recordID.description; kind = e.kind.rawValue; date = e.date; unitCode = e.unitCode; title = e.title
        participants = e.participants; status = e.status.rawValue; cancelReason = e.cancelReason
        createdAt = AuditLog.timestamp(e.createdAt); updatedAt = e.updatedAt.map(AuditLog.timestamp)
    }
}

/// /api/v1/events: children's events in the jurisdiction, under the station's rule (staff write, the inspector reads).
struct ChildrenEventAPIController {
    func register(_ r: any RoutesBuilder) {
        r.get("events", use: list)
        r.post("events", use: create)
        r.get("events", ":id", use: show)
        r.patch("events", ":id", use: update)
        r.post("events", ":id", "cancel", use: cancel)
    }

    func list(req: Request) async throws -> ListPage<ChildrenEventDTO> {
        try req.requireBrowse(.station)
        let p = try PageParams(req)
        let (items, total) = try await req.scoped.childrenEvents(unit: req.query[String.self, at: "unit"], page: p.page, per: p.per)
        return ListPage(items: items.map(ChildrenEventDTO.init), page: p.page, per: p.per, total: total)
    }

    func create(req: Request) async throws -> Response {
        try StationAPIController.requireWrite(req)
        let e = try await ChildrenEventService.create(
            try await req.json(ChildrenEventInput.self), scoped: try req.scoped, actor: req.auditActor, at: req.now)
        return try PairingAPIController().created(ChildrenEventDTO(e))
    }

    static func load(_ req: Request) async throws -> ChildrenEvent {
        guard let e = try await req.scoped.childrenEvent(try req.parameters.id()) else { throw Abort(.notFound) }
        return e
    }

    func show(req: Request) async throws -> ChildrenEventDTO {
        try req.requireBrowse(.station)
        return ChildrenEventDTO(try await Self.load(req))
    }

    func update(req: Request) async throws -> ChildrenEventDTO {
        try StationAPIController.requireWrite(req)
        let e = try await Self.load(req)
        return ChildrenEventDTO(
            try await ChildrenEventService.update(
                e, try await req.json(ChildrenEventInput.self), scoped: try req.scoped, actor: req.auditActor, at: req.now))
    }

    func cancel(req: Request) async throws -> ChildrenEventDTO {
        try StationAPIController.requireWrite(req)
        let e = try await Self.load(req)
        return ChildrenEventDTO(
            try await ChildrenEventService.cancel(
                e, reason: try await req.json(ChildrenEventCancelInput.self).reason, scoped: try req.scoped, actor: req.auditActor,
                at: req.now))
    }
}
