import Fluent
import Vapor
import GuanaiCore

struct ReportStepDTO: Content {
    let id: String, step: String, action: String?, note: String, doneAt: String, by: String, createdAt: String
    init(_ s: ReportStep) {
        id = s.id!.uuidString; step = s.step.rawValue; action = s.action; note = s.note; doneAt = AuditLog.timestamp(s.doneAt);
        by = s.byName; createdAt = AuditLog.timestamp(s.createdAt)
    }
}

struct ReportDTO: Content {
    let id: String, childId: String, villageCode: String, reporter: String, reporterContact: String, reportedAt: String, seen: String
    let policeCalled: Bool, policeReportNo: String?, filedBy: String, filedAt: String, status: String, closedAt: String?,
        steps: [ReportStepDTO]
    init(_ r: Report, steps: [ReportStep]) {
        id = r.id!.uuidString; childId = r.childID.uuidString; villageCode = r.unitCode; reporter = r.reporter;
        reporterContact = r.reporterContact
        reportedAt = AuditLog.timestamp(r.reportedAt); seen = r.seen; policeCalled = r.policeCalled; policeReportNo = r.policeReportNo
        filedBy = r.filedBy; filedAt = AuditLog.timestamp(r.filedAt); status = r.status.rawValue;
        closedAt = r.closedAt.map(AuditLog.timestamp)
        self.steps = steps.map(ReportStepDTO.init)
    }
}

/// /api/v1/reports: file a mandatory report, record the response steps, close the case.
struct ReportAPIController {
    func register(_ r: any RoutesBuilder) {
        r.post("reports", use: file)
        r.get("reports", ":id", use: show)
        r.post("reports", ":id", "steps", use: addStep)
        r.post("reports", ":id", "close", use: close)
    }

    func file(req: Request) async throws -> Response {
        try req.require(.fileReport)
        try req.requireRead(.child)
        let input = try await req.json(ReportInput.self)
        let scoped = try req.scoped
        guard let cid = ChildID(input.childId ?? ""), let c = try await scoped.child(cid) else {
            throw FieldErrors([FieldError(field: "childId", key: "report.error.child")])
        }
        let r = try await ReportService.file(
            c, input, filedBy: try req.actor.displayName, scoped: scoped, actor: req.auditActor, at: req.now)
        let res = Response(status: .created)
        try res.content.encode(ReportDTO(r, steps: []), as: .json)
        return res
    }

    /// `read`: the inspector reads a case and acts on none.
    func load(_ req: Request, read: Bool = false) async throws -> Report {
        guard let r = try await req.scoped.report(try req.parameters.id()) else { throw Abort(.notFound) }
        let a = try req.actor
        guard read ? Policy.browses(a.role, .report) : Policy.actsOnAlerts(a.role) else { throw Abort(.forbidden) }
        return r
    }

    func show(req: Request) async throws -> ReportDTO {
        let r = try await load(req, read: true)
        try await req.audit(AuditEvent(AuditAction.view, r.recordID, unit: r.unitCode))
        return ReportDTO(r, steps: try await ReportService.steps(r, on: try req.scoped.db))
    }

    func addStep(req: Request) async throws -> ReportDTO {
        let r = try await load(req)
        let input = try await req.json(ReportStepInput.self)
        let db = try req.scoped.db
        _ = try await ReportService.addStep(r, input, by: try req.actor.displayName, actor: req.auditActor, at: req.now, on: db)
        return ReportDTO(r, steps: try await ReportService.steps(r, on: db))
    }

    func close(req: Request) async throws -> ReportDTO {
        let r = try await load(req)
        let db = try req.scoped.db
        try await ReportService.close(r, by: try req.actor.displayName, actor: req.auditActor, at: req.now, on: db)
        return ReportDTO(r, steps: try await ReportService.steps(r, on: db))
    }
}
