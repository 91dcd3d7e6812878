import Fluent
import Vapor
import GuanaiCore

/// 强制报告 → 应急处置 → 评估帮扶 → 监护干预: a mandatory report about one child and the response case it opens.
final class Report: Model, @unchecked Sendable {
    static let schema = "reports"
    @ID(key: .id) var id: UUID?
    @Field(key: "child_id") var childID: UUID
    @Field(key: "unit_code") var unitCode: String
    /// Who reported (a teacher, a neighbour, a doctor …) and how to reach them.
    @Field(key: "reporter") var reporter: String
    @Field(key: "reporter_contact") var reporterContact: String
    @Field(key: "reported_at") var reportedAt: Date
    @Field(key: "seen") var seen: String
    @Field(key: "police_called") var policeCalled: Bool
    @OptionalField(key: "police_report_no") var policeReportNo: String?
    @Field(key: "filed_by") var filedBy: String
    @Field(key: "filed_at") var filedAt: Date
    @Field(key: "status") var status: ReportStatus
    @OptionalField(key: "closed_at") var closedAt: Date?
    @OptionalField(key: "closed_by") var closedBy: String?
    init() {}
}

/// One entry in a step of the response; each shows who did it and when.
final class ReportStep: Model, @unchecked Sendable {
    static let schema = "report_steps"
    @ID(key: .id) var id: UUID?
    @Field(key: "report_id") var reportID: UUID
    @Field(key: "step") var step: ReportStepKind
    /// For `emergency`: what was done (`ReportAction`); for `intervention`: `needed` or `not_needed`.
    @OptionalField(key: "action") var action: String?
    @Field(key: "note") var note: String
    @Field(key: "done_at") var doneAt: Date
    @Field(key: "by_name") var byName: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

struct ReportInput: Content, Sendable {
    var childId: String?
    var reporter: String?
    var reporterContact: String?
    var reportedAt: String?
    var seen: String?
    var policeCalled: Bool?
    var policeReportNo: String?
}

struct ReportStepInput: Content, Sendable {
    var step: String?
    var action: String?
    var note: String?
    var doneAt: String?
}

enum ReportService {
    /// Filing makes the child critical at once (an open report is a critical reason) and puts an alert in the
    /// village's and township's inboxes, in the same transaction.
    static func file(_ c: Child, _ input: ReportInput, filedBy: String, scoped: Scoped, actor: AuditActor, at: Date) async throws -> Report
    {
        let f = try ReportWorkflow.filing(
            .init(
                reporter: input.reporter, reporterContact: input.reporterContact, reportedAt: input.reportedAt, seen: input.seen,
                policeCalled: input.policeCalled, policeReportNo: input.policeReportNo), now: at
        ).get()
        let r = Report()
        r.childID = c.id!
        r.unitCode = c.unitCode
        r.reporter = f.reporter
        r.reporterContact = f.reporterContact
        r.reportedAt = f.reportedAt
        r.seen = f.seen
        r.policeCalled = f.policeCalled
        r.policeReportNo = f.policeReportNo
        r.filedBy = filedBy
        r.filedAt = at
        r.status = .open
        try await scoped.db.transaction { tx in
            try await r.create(on: tx)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.create, r.recordID, unit: r.unitCode,
                    fields: AuditLog.created([
                        "childId": c.id!.uuidString, "reporter": f.reporter, "seen": f.seen, "policeCalled": String(r.policeCalled),
                        "policeReportNo": f.policeReportNo ?? "",
                    ])),
                by: actor, at: at, on: tx)
            let tierBefore = c.tier
            c.openReport = true
            let (facts, _) = try await RegistryService.facts(for: c, on: tx)
            try await SafetyService.assess(c, facts: facts, on: tx, at: at, settings: try await SafetyService.settings(on: tx))
            c.updatedAt = at
            try await c.save(on: tx)
            // Filed about a child already critical: still an alert, unless one is open.
            try await SafetyService.raiseIfCritical(c, before: tierBefore == .critical ? nil : tierBefore, on: tx, actor: actor, at: at)
        }
        return r
    }

    static func addStep(_ r: Report, _ input: ReportStepInput, by name: String, actor: AuditActor, at: Date, on db: any Database)
        async throws -> ReportStep
    {
        let e = try ReportWorkflow.entry(
            step: input.step, action: input.action, note: input.note, doneAt: input.doneAt, status: r.status, now: at
        ).get()
        let s = ReportStep()
        s.reportID = r.id!
        s.step = e.step
        s.action = e.action
        s.note = e.note
        s.doneAt = e.doneAt
        s.byName = name
        s.createdAt = at
        let summary = [e.action, e.note].compactMap { $0 }.joined(separator: " · ")
        try await db.transaction { tx in
            try await s.create(on: tx)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.update, r.recordID, unit: r.unitCode,
                    fields: ["step." + s.step.rawValue: FieldChange(before: nil, after: summary)]), by: actor, at: at, on: tx)
        }
        return s
    }

    static func steps(_ r: Report, on db: any Database) async throws -> [ReportStep] {
        try await ReportStep.query(on: db).filter(\.$reportID == r.id!).sort(\.$createdAt).all()
    }

    /// Closed only when every step has an entry; the child's tier then follows the rules again.
    static func close(_ r: Report, by name: String, actor: AuditActor, at: Date, on db: any Database) async throws {
        let missing = ReportWorkflow.closeProblems(stepsWithEntries: Set(try await steps(r, on: db).map(\.step)))
        if !missing.isEmpty { throw FieldErrors(missing) }
        guard r.status == .open else { return }
        r.status = .closed
        r.closedAt = at
        r.closedBy = name
        try await db.transaction { tx in
            try await r.save(on: tx)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.update, r.recordID, unit: r.unitCode,
                    fields: ["status": FieldChange(before: ReportStatus.open.rawValue, after: ReportStatus.closed.rawValue)]), by: actor,
                at: at, on: tx)
            if let c = try await Child.find(r.child, on: tx) {
                let stillOpen = try await Report.query(on: tx).filter(\.$childID == c.id!).filter(\.$status == .open).count()
                c.openReport = stillOpen > 0
                try await RegistryService.reclassify(c, on: tx, actor: actor, at: at)
                try await c.save(on: tx)
            }
        }
    }
}

/// The foreign keys, typed: the columns stay `UUID` (no schema change); code between reads and sets these.
extension Report {
    var child: ChildID {
        get { ChildID(childID) }
        set { childID = newValue.uuid }
    }
}

extension ReportStep {
    var report: ReportID {
        get { ReportID(reportID) }
        set { reportID = newValue.uuid }
    }
}
