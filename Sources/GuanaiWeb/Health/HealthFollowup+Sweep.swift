import Fluent
import Vapor
import GuanaiCore

/// Follow-up deadlines (issue 20, item 4): the follow-ups whose indexed `check_on` has come, each level said once
/// (`Reminders.send`: unique on follow-up, due day, level) — the health department the day after the due day, the
/// health officers `escalateAfterDays` later — and the next check day set. What reaches the outbox is her name and
/// village and the due day, never a step or a result.
enum HealthSweep {
    static func run(on db: any Database, at: Date) async throws -> Int {
        let today = RegistryService.today(at)
        let due = try await HealthFollowup.query(on: db).filter(\.$checkOn <= today.iso).sort(\.$checkOn).limit(5000).all()
        if due.isEmpty { return 0 }
        let settings = try await HealthSettingsStore.load(on: db)
        let directory = try await RecipientDirectory.load(on: db)
        let scoped = Scoped.system(db)
        let names = try await scoped.unitNames(Array(Set(due.map(\.unitCode))))
        let people = try await scoped.people(due.map { PersonID($0.personID) })
        var sent = 0
        for chunk in due.chunked(200) {
            sent += try await db.transaction { tx -> Int in
                var n = 0
                for f in chunk {
                    let position = f.position
                    if let dueOn = position.dueOn {
                        for level in HealthDeadlines.levels(status: position.status, due: dueOn, today: today, settings) {
                            let note = Self.note(
                                f, level, due: dueOn, today: today, name: people[PersonID(f.personID)]?.name ?? "",
                                village: names[f.unitCode] ?? f.unitCode, directory: directory)
                            if try await Reminders.send(note, directory: directory, on: tx, at: at) { n += 1 }
                        }
                    }
                    f.checkOn = HealthDeadlines.nextCheck(status: position.status, due: position.dueOn, today: today, settings)?.iso
                    try await f.save(on: tx)
                }
                return n
            }
        }
        return sent
    }

    /// Who each level tells: the health department's accounts by role, then the health officers by name, those whose
    /// jurisdiction holds her village.
    static func note(
        _ f: HealthFollowup, _ level: HealthReminderLevel, due: CivilDate, today: CivilDate, name: String, village: String,
        directory: RecipientDirectory
    ) -> ReminderNote {
        let officers = directory.users.filter { u in
            level.duty.map { u.duties.contains($0) } == true && HealthAccess.isOfficer(u.role, duties: u.duties)
                && (DivisionCode(u.unitCode).map { Jurisdiction(root: $0).contains(f.unitCode) } ?? false)
        }
        let days = today.dayNumber - due.dayNumber
        return ReminderNote(
            subject: .healthFollowup, subjectID: f.id!, subjectName: name, unitCode: f.unitCode, dueOn: due, level: level.rawValue,
            roles: level.role.map { [$0] } ?? [], accounts: officers.map(\.username),
            text: ReminderText(key: "health.reminder.\(level.rawValue)", args: [name, village, due.iso, String(max(0, days))]),
            daysOverdue: max(0, days), audit: (.healthResult, f.id!.uuidString))
    }
}
