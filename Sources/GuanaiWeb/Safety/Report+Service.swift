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
    @Field(key: "status") var status: String
    @OptionalField(key: "closed_at") var closedAt: Date?
    @OptionalField(key: "closed_by") var closedBy: String?
    init() {}
}

/// One entry in a step of the response; each shows who did it and when.
final class ReportStep: Model, @unchecked Sendable {
    static let schema = "report_steps"
    @ID(key: .id) var id: UUID?
    @Field(key: "report_id") var reportID: UUID
    @Field(key: "step") var step: String
    /// For `emergency`: what was done (`ReportAction`); for `intervention`: `needed` or `not_needed`.
    @OptionalField(key: "action") var action: String?
    @Field(key: "note") var note: String
    @Field(key: "done_at") var doneAt: Date
    @Field(key: "by_name") var byName: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

enum ReportStepKind: String, CaseIterable, Sendable { case emergency, assessment, plan, intervention }
enum ReportAction: String, CaseIterable, Sendable {
    case parentsContacted = "parents_contacted", relativesCare = "relatives_care", villageCare = "village_care", institutionCare = "institution_care"
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
    /// "2026-11-18T19:30" (China time, as a phone's datetime-local field sends it), or a full ISO-8601 instant.
    static func instant(_ s: String?, default d: Date) -> Date? {
        guard let s = s?.trimmingCharacters(in: .whitespaces), !s.isEmpty else { return d }
        if let x = ISO8601DateFormatter().date(from: s) { return x }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        for p in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"] {
            f.dateFormat = p
            if let x = f.date(from: s) { return x }
        }
        return nil
    }

    /// Filing makes the child critical at once (an open report is a critical reason) and puts an alert in the
    /// village's and township's inboxes, in the same transaction.
    static func file(_ c: Child, _ input: ReportInput, filedBy: String, scoped: Scoped, actor: AuditActor, at: Date) async throws -> Report {
        var errors: [FieldError] = []
        func text(_ v: String?, _ field: String, required: Bool) -> String {
            let t = (v ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if required && t.isEmpty { errors.append(FieldError(field: field, key: "field.error.required")) }
            return t
        }
        let reporter = text(input.reporter, "reporter", required: true)
        let seen = text(input.seen, "seen", required: true)
        let when = instant(input.reportedAt, default: at)
        if when == nil { errors.append(FieldError(field: "reportedAt", key: "report.error.when")) }
        if let w = when, w > at.addingTimeInterval(300) { errors.append(FieldError(field: "reportedAt", key: "report.error.future")) }
        let policeNo = text(input.policeReportNo, "policeReportNo", required: false)
        if input.policeCalled == true && policeNo.isEmpty { errors.append(FieldError(field: "policeReportNo", key: "report.error.policeNo")) }
        if !errors.isEmpty { throw FieldErrors(errors) }
        let r = Report()
        r.childID = c.id!
        r.unitCode = c.unitCode
        r.reporter = reporter
        r.reporterContact = text(input.reporterContact, "reporterContact", required: false)
        r.reportedAt = when!
        r.seen = seen
        r.policeCalled = input.policeCalled ?? false
        r.policeReportNo = policeNo.isEmpty ? nil : policeNo
        r.filedBy = filedBy
        r.filedAt = at
        r.status = "open"
        try await scoped.db.transaction { tx in
            try await r.create(on: tx)
            try await AuditLog.append(AuditEvent(AuditAction.create, "report", r.id!.uuidString, unit: r.unitCode,
                                                 fields: AuditLog.created(["childId": c.id!.uuidString, "reporter": reporter, "seen": seen, "policeCalled": String(r.policeCalled), "policeReportNo": policeNo])),
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

    static func addStep(_ r: Report, _ input: ReportStepInput, by name: String, actor: AuditActor, at: Date, on db: any Database) async throws -> ReportStep {
        var errors: [FieldError] = []
        let kind = ReportStepKind(rawValue: input.step ?? "")
        if kind == nil { errors.append(FieldError(field: "step", key: "field.error.choice")) }
        var action = (input.action ?? "").isEmpty ? nil : input.action
        switch kind {
        case .emergency:
            if ReportAction(rawValue: action ?? "") == nil { errors.append(FieldError(field: "action", key: "field.error.choice")) }
        case .intervention:
            if action != "needed" && action != "not_needed" { errors.append(FieldError(field: "action", key: "field.error.choice")) }
        default: action = nil
        }
        let note = (input.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if note.isEmpty { errors.append(FieldError(field: "note", key: "field.error.required")) }
        let when = instant(input.doneAt, default: at)
        if when == nil { errors.append(FieldError(field: "doneAt", key: "report.error.when")) }
        if r.status != "open" { errors.append(FieldError(field: "step", key: "report.error.closed")) }
        if !errors.isEmpty { throw FieldErrors(errors) }
        let s = ReportStep()
        s.reportID = r.id!
        s.step = kind!.rawValue
        s.action = action
        s.note = note
        s.doneAt = when!
        s.byName = name
        s.createdAt = at
        let summary = [action, note].compactMap { $0 }.joined(separator: " · ")
        try await db.transaction { tx in
            try await s.create(on: tx)
            try await AuditLog.append(AuditEvent(AuditAction.update, "report", r.id!.uuidString, unit: r.unitCode,
                                                 fields: ["step." + s.step: FieldChange(before: nil, after: summary)]), by: actor, at: at, on: tx)
        }
        return s
    }

    static func steps(_ r: Report, on db: any Database) async throws -> [ReportStep] {
        try await ReportStep.query(on: db).filter(\.$reportID == r.id!).sort(\.$createdAt).all()
    }

    /// Closed only when every step has an entry; the child's tier then follows the rules again.
    static func close(_ r: Report, by name: String, actor: AuditActor, at: Date, on db: any Database) async throws {
        let have = Set(try await steps(r, on: db).map(\.step))
        let missing = ReportStepKind.allCases.filter { !have.contains($0.rawValue) }
        if !missing.isEmpty { throw FieldErrors(missing.map { FieldError(field: "step." + $0.rawValue, key: "report.error.missing." + $0.rawValue) }) }
        guard r.status == "open" else { return }
        r.status = "closed"
        r.closedAt = at
        r.closedBy = name
        try await db.transaction { tx in
            try await r.save(on: tx)
            try await AuditLog.append(AuditEvent(AuditAction.update, "report", r.id!.uuidString, unit: r.unitCode, fields: ["status": FieldChange(before: "open", after: "closed")]), by: actor, at: at, on: tx)
            if let c = try await Child.find(r.childID, on: tx) {
                let stillOpen = try await Report.query(on: tx).filter(\.$childID == c.id!).filter(\.$status == "open").count()
                c.openReport = stillOpen > 0
                try await RegistryService.reclassify(c, on: tx, actor: actor, at: at)
                try await c.save(on: tx)
            }
        }
    }
}
