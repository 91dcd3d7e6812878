import Fluent
import Vapor
import GuanaiCore

/// What a module's sweep step asks to be said once.
struct ReminderNote: Sendable {
    let subject: ReminderSubject
    let subjectID: UUID
    let subjectName: String
    let unitCode: String
    let dueOn: CivilDate
    let level: String
    let roles: [Role]
    /// Accounts told by name besides the roles (active ones that reach the unit).
    var accounts: [String] = []
    let text: ReminderText
    let daysOverdue: Int
    /// The record the trail files the reminder under.
    let audit: (AuditSubject, String)
}

enum Reminders {
    /// The reminder once: its row (the unique (subject, due day, level) key makes a second sweep a no-op), an outbox
    /// message to each account of the roles that reaches the unit, an audit entry on the subject. False when it was
    /// sent before.
    static func send(_ n: ReminderNote, directory: RecipientDirectory, on db: any Database, at: Date) async throws -> Bool {
        let sent = try await Reminder.query(on: db).filter(\.$subjectType == n.subject).filter(\.$subjectID == n.subjectID)
            .filter(\.$dueOn == n.dueOn.iso).filter(\.$level == n.level).first()
        if sent != nil { return false }
        let r = Reminder()
        r.id = TimeOrderedID.next()
        r.subjectType = n.subject
        r.subjectID = n.subjectID
        r.subjectName = n.subjectName
        r.unitCode = n.unitCode
        r.dueOn = n.dueOn.iso
        r.level = n.level
        r.roles = "," + n.roles.map(\.rawValue).joined(separator: ",") + ","
        r.usernames = n.accounts.isEmpty ? "" : "," + n.accounts.joined(separator: ",") + ","
        r.message = RegistryService.json(n.text)
        r.daysOverdue = n.daysOverdue
        r.createdAt = at
        try await r.create(on: db)
        let named = Set(n.accounts)
        let users =
            directory.recipients(unit: n.unitCode, roles: n.roles)
            + directory.users.filter { u in
                named.contains(u.username) && !n.roles.contains(u.role)
                    && (DivisionCode(u.unitCode).map { Jurisdiction(root: $0).contains(n.unitCode) } ?? false)
            }
        let message = UILanguage.zh.t(n.text.key, args: n.text.args)
        let payloads = users.map { u in
            OutboxPayload(
                key: "reminder:\(r.id!.uuidString):\(u.id!.uuidString)", alertId: r.id!.uuidString, childId: nil, childName: nil,
                unitCode: n.unitCode, kind: n.subject.outboxKind, level: n.level, reasons: [message], reason: "reminder",
                to: .init(username: u.username, name: u.displayName, phone: u.phone), createdAt: AuditLog.timestamp(at),
                subjectType: n.subject.rawValue, subjectId: n.subjectID.uuidString, subjectName: n.subjectName)
        }
        if !users.isEmpty { try await Outbox.write(payloads, about: users.map { _ in r.id! }, to: users, on: db, at: at) }
        try await AuditLog.append(
            AuditEvent(
                AuditAction.update, n.audit.0, n.audit.1, unit: n.unitCode,
                detail: [
                    "reminder": n.level, "dueOn": n.dueOn.iso, "daysOverdue": String(n.daysOverdue), "recipients": String(users.count),
                ]),
            by: .system("sweep"), at: at, on: db)
        return true
    }

    /// The subject was put right: its reminders leave 我的提醒.
    static func resolve(_ subject: ReminderSubject, _ id: UUID, on db: any Database, at: Date) async throws {
        try await Reminder.query(on: db).filter(\.$subjectType == subject).filter(\.$subjectID == id).filter(\.$resolvedAt == nil)
            .set(\.$resolvedAt, to: at).update()
    }
}

extension Scoped {
    /// Open reminders addressed to this role, or to this account by name, inside the jurisdiction, newest first.
    func openSubjectReminders(role: Role, username: String, limit: Int) async throws -> (items: [Reminder], total: Int) {
        let q = Reminder.query(on: db).filter(\.$resolvedAt == nil).within(jurisdiction, \.$unitCode).group(.or) {
            $0.filter(\.$roles, .contains(inverse: false, .anywhere), ",\(role.rawValue),")
                .filter(\.$usernames, .contains(inverse: false, .anywhere), ",\(username),")
        }
        return (try await q.copy().sort(\.$createdAt, .descending).limit(limit).all(), try await q.count())
    }
}

extension Scoped {
    /// Where each reminder's subject is seen: the loan's page, the course of an enrolment, the fair of a hire.
    func reminderLinks(_ items: [Reminder]) async throws -> [UUID: String] {
        var out: [UUID: String] = [:]
        let ids = { (s: ReminderSubject) in items.filter { $0.subjectType == s }.map(\.subjectID) }
        for id in ids(.loan) { out[id] = "/loans/" + id.uuidString }
        for id in ids(.rightsCase) { out[id] = "/rights/" + id.uuidString }
        for id in ids(.healthFollowup) { out[id] = HealthURL.followup(id.uuidString) }
        let enrolments = ids(.trainingEnrolment)
        if !enrolments.isEmpty {
            for e in try await TrainingEnrolment.query(on: db).filter(\.$id ~~ enrolments).all() {
                out[e.id!] = SiteURL.course(CourseID(e.courseID)).path
            }
        }
        let hires = ids(.jobFairHire)
        if !hires.isEmpty {
            for h in try await FairHire.query(on: db).filter(\.$id ~~ hires).all() { out[h.id!] = FairURL.fair(h.fairID) }
        }
        return out
    }
}
