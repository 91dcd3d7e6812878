import Fluent
import Vapor
import GuanaiCore

/// Rights deadlines (issue 19, item 6): the cases whose indexed `check_on` has come, each stage of its current deadline
/// said once (`Reminders.send`: unique on case, due day, level) — the mediators before, the township when overdue,
/// the rights officers when it stays overdue — and the next check day set. What reaches the outbox is the case
/// number and its village, never a name or a word of the case.
enum RightsSweep {
    static func run(on db: any Database, at: Date) async throws -> Int {
        let today = RegistryService.today(at)
        let cases = try await RightsCase.query(on: db).filter(\.$checkOn <= today.iso).sort(\.$checkOn).limit(5000).all()
        let settings = try await RightsSettingsStore.load(on: db)
        let directory = try await RecipientDirectory.load(on: db)
        var sent = try await orderExpiries(on: db, at: at, settings: settings, directory: directory)
        if cases.isEmpty { return sent }
        let assigned = try await RightsQueries.assignments(of: cases.compactMap(\.id), on: db)
        let names = try await Scoped.system(db).unitNames(Array(Set(cases.map(\.unitCode))))
        for chunk in cases.chunked(200) {
            sent += try await db.transaction { tx -> Int in
                var n = 0
                for rc in chunk {
                    let current = RightsDeadlines.current(
                        status: rc.status, deadlineOn: rc.deadlineOn.flatMap(CivilDate.init(iso:)),
                        followupDueOn: rc.followupDueOn.flatMap(CivilDate.init(iso:)))
                    if let c = current {
                        for stage in RightsDeadlines.stages(due: c.due, today: today, settings) {
                            let note = Self.note(
                                rc, c.kind, stage, due: c.due, today: today, village: names[rc.unitCode] ?? rc.unitCode,
                                assigned: assigned[rc.id!] ?? [], directory: directory)
                            if try await Reminders.send(note, directory: directory, on: tx, at: at) { n += 1 }
                        }
                    }
                    rc.checkOn = current.flatMap { RightsDeadlines.nextCheck(due: $0.due, today: today, settings)?.iso }
                    try await rc.save(on: tx)
                }
                return n
            }
        }
        return sent
    }

    /// Who each stage tells: the mediators (the assigned accounts while none is named), the township's staff, the
    /// rights officers whose jurisdiction holds the case.
    static func note(
        _ rc: RightsCase, _ kind: RightsDeadlineKind, _ stage: RightsReminderLevel.Stage, due: CivilDate, today: CivilDate,
        village: String, assigned: [RightsAssignment], directory: RecipientDirectory
    ) -> ReminderNote {
        let level = RightsReminderLevel(kind, stage)
        var roles: [Role] = []
        var accounts: [String] = []
        switch stage {
        case .soon:
            let mediators = assigned.filter { $0.kind == .mediator }
            accounts = (mediators.isEmpty ? assigned : mediators).map(\.username)
        case .overdue:
            roles = ReminderSubject.rightsCase.recipients
        case .escalated:
            accounts = directory.users.filter { u in
                RightsAccess.Viewer(username: u.username, role: u.role, duties: u.duties).isOfficer
                    && (DivisionCode(u.unitCode).map { Jurisdiction(root: $0).contains(rc.unitCode) } ?? false)
            }.map(\.username)
        }
        let days = today.dayNumber - due.dayNumber
        return ReminderNote(
            subject: .rightsCase, subjectID: rc.id!, subjectName: rc.caseNo, unitCode: rc.unitCode, dueOn: due, level: level.rawValue,
            roles: roles, accounts: accounts,
            text: ReminderText(key: "rights.reminder.\(level.rawValue)", args: [rc.caseNo, village, due.iso, String(abs(days))]),
            daysOverdue: max(0, days), audit: (.rights, rc.id!.uuidString))
    }
}
