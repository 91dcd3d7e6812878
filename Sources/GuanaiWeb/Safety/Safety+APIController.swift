import Fluent
import Vapor
import GuanaiCore

/// /api/v1/children/{id}/visits and /api/v1/alerts.
struct SafetyAPIController {
    func register(_ r: any RoutesBuilder) {
        r.post("children", ":id", "visits", use: recordVisit)
        r.get("children", ":id", "visits", use: visits)
        r.on(.POST, "visits", ":id", "photos", body: .collect(maxSize: ByteCount(value: VisitPhotoRules.maxBytes + 1)), use: addPhoto)
        r.get("visits", ":id", "photos", ":n") { req in
            try await VisitPhotos.serve(req, visitID: try req.parameters.id(), n: Int(req.parameters.get("n") ?? "") ?? 0)
        }
        r.get("alerts", use: inbox)
        r.post("alerts", ":id", "acknowledge", use: acknowledge)
        r.post("alerts", ":id", "plan", use: plan)
        r.post("alerts", ":id", "resolve", use: resolve)
    }

    /// Who works the safety net: the staff who can edit children (city, township, village).

    func recordVisit(req: Request) async throws -> Response {
        let c = try await RegistryAPIController().load(req)
        guard Policy.actsOnAlerts(try req.actor.role) else { throw Abort(.forbidden) }
        let input = try await req.json(VisitInput.self)
        let scoped = try req.scoped
        let v = try await SafetyService.recordVisit(
            c, input, user: try req.actor, scoped: scoped, actor: req.auditActor, at: req.now,
            settings: try await SafetyService.settings(on: scoped.db))
        let res = Response(status: .created)
        try res.content.encode(VisitDTO(v), as: .json)
        return res
    }

    /// A photo sent after the visit was recorded (the API records the visit as JSON first).
    func addPhoto(req: Request) async throws -> Response {
        guard let v = try await Visit.find(try req.parameters.id(), on: req.db),
            try req.scoped.inScope(v.unitCode)
        else { throw Abort(.notFound) }
        guard Policy.actsOnAlerts(try req.actor.role) else { throw Abort(.forbidden) }
        let bytes = req.body.data.map { Data(buffer: $0) } ?? Data()
        let uploads = try VisitPhotoRules.check([(name: "photo", bytes: bytes)], already: v.photos)
        let at = req.now, actor = req.auditActor
        try await req.db.transaction { tx in
            try await VisitPhotos.store(uploads, visit: v, on: tx, at: at)
            try await v.save(on: tx)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.update, v.recordID, unit: v.unitCode,
                    fields: ["photos": FieldChange(before: String(v.photos - uploads.count), after: String(v.photos))]), by: actor, at: at,
                on: tx)
        }
        let res = Response(status: .created)
        try res.content.encode(VisitDTO(v), as: .json)
        return res
    }

    func visits(req: Request) async throws -> ListPage<VisitDTO> {
        let c = try await RegistryAPIController().load(req)
        let p = try PageParams(req)
        let all = try await req.scoped.visits(of: c.recordID, limit: p.page * p.per)
        return ListPage(items: all.dropFirst((p.page - 1) * p.per).map(VisitDTO.init), page: p.page, per: p.per, total: all.count)
    }

    func inbox(req: Request) async throws -> ListPage<AlertDTO> {
        let actor = try req.actor
        guard let rule = actor.inboxRule else { throw Abort(.forbidden) }
        let p = try PageParams(req)
        let scoped = try req.scoped
        // The open alerts by default (`status=open` says the same); `status=all` adds the resolved ones.
        let (items, total) = try await scoped.inbox(
            rule: rule, openOnly: req.query[String.self, at: "status"] != "all", page: p.page, per: p.per)
        let names = try await scoped.childNames(items.map(\.child))
        return ListPage(
            items: items.map { AlertDTO($0, childName: names[$0.child] ?? "", lang: req.lang) }, page: p.page, per: p.per, total: total)
    }

    func loadAlert(_ req: Request) async throws -> Alert {
        guard let a = try await req.scoped.alert(try req.parameters.id()) else { throw Abort(.notFound) }
        guard Policy.actsOnAlerts(try req.actor.role) else { throw Abort(.forbidden) }
        return a
    }

    func dto(_ req: Request, _ a: Alert) async throws -> AlertDTO {
        AlertDTO(a, childName: try await req.scoped.childNames([a.child])[a.child] ?? "", lang: req.lang)
    }

    func acknowledge(req: Request) async throws -> AlertDTO {
        let a = try await loadAlert(req)
        try await SafetyService.acknowledge(a, by: try req.actor.displayName, actor: req.auditActor, at: req.now, on: try req.scoped.db)
        return try await dto(req, a)
    }

    func plan(req: Request) async throws -> AlertDTO {
        let a = try await loadAlert(req)
        let body = try await req.json([String: String].self)
        let db = try req.scoped.db
        try await SafetyService.recordPlan(
            a, plan: body["plan"] ?? "", by: try req.actor.displayName, actor: req.auditActor, at: req.now, on: db,
            settings: try await SafetyService.settings(on: db))
        return try await dto(req, a)
    }

    func resolve(req: Request) async throws -> AlertDTO {
        let a = try await loadAlert(req)
        let body = try await req.json([String: String].self)
        try await SafetyService.resolve(
            a, note: body["note"] ?? "", by: try req.actor.displayName, actor: req.auditActor, at: req.now, on: try req.scoped.db)
        return try await dto(req, a)
    }
}
