import Fluent
import Vapor
import GuanaiCore

/// Training and job-fair follow-ups that are late: the rows whose indexed `followup_check_on` has come, a reminder
/// to the township federation of the woman's unit once per (row, due day). Recording the follow-up moves the check
/// day on and resolves the reminder.
enum FollowupSweep {
    struct Late: Sendable {
        let subject: ReminderSubject, id: UUID, woman: String, what: String, unitCode: String, checkOn: CivilDate
    }

    static func run(on db: any Database, at: Date) async throws -> Int {
        let today = RegistryService.today(at)
        let late = try await ReminderQueries.lateFollowups(today: today, on: db)
        if late.isEmpty { return 0 }
        let directory = try await RecipientDirectory.load(on: db)
        var sent = 0
        for chunk in late.chunked(200) {
            sent += try await db.transaction { tx -> Int in
                var n = 0
                for row in chunk {
                    guard let l = FollowupReminders.late(checkOn: row.checkOn, grace: FollowupReminders.grace(row.subject), today: today)
                    else { continue }
                    let note = ReminderNote(
                        subject: row.subject, subjectID: row.id, subjectName: row.woman, unitCode: row.unitCode, dueOn: l.due,
                        level: FollowupReminderLevel.late.rawValue, roles: row.subject.recipients,
                        text: ReminderText(key: "followup.reminder.\(row.subject.rawValue)", args: [row.what, String(l.days)]),
                        daysOverdue: l.days, audit: (.employment, row.id.uuidString))
                    if try await Reminders.send(note, directory: directory, on: tx, at: at) { n += 1 }
                }
                return n
            }
        }
        return sent
    }
}

enum ReminderQueries {
    /// Enrolments and hires whose follow-up check day has come and that were not reminded for that due day yet,
    /// with the woman's name and unit and the course's title or the fair's name.
    static func lateFollowups(today: CivilDate, on db: any Database) async throws -> [FollowupSweep.Late] {
        var out: [FollowupSweep.Late] = []
        let enrolments = try await TrainingEnrolment.query(on: db).filter(\.$followupCheckOn <= today.iso)
            .join(Person.self, on: \TrainingEnrolment.$personID == \Person.$id)
            .join(Course.self, on: \TrainingEnrolment.$courseID == \Course.$id).all()
        for e in enrolments {
            guard let check = e.followupCheckOn.flatMap(CivilDate.init(iso:)) else { continue }
            let p = try e.joined(Person.self), c = try e.joined(Course.self)
            out.append(.init(subject: .trainingEnrolment, id: e.id!, woman: p.name, what: c.title, unitCode: p.unitCode, checkOn: check))
        }
        let hires = try await FairHire.query(on: db).filter(\.$followupCheckOn <= today.iso)
            .join(Person.self, on: \FairHire.$personID == \Person.$id)
            .join(JobFair.self, on: \FairHire.$fairID == \JobFair.$id).all()
        for h in hires {
            guard let check = h.followupCheckOn.flatMap(CivilDate.init(iso:)) else { continue }
            let p = try h.joined(Person.self), f = try h.joined(JobFair.self)
            out.append(.init(subject: .jobFairHire, id: h.id!, woman: p.name, what: f.name, unitCode: p.unitCode, checkOn: check))
        }
        // Those already told about this due day are left out before any transaction opens.
        var keys = Set<String>()
        for chunk in out.map(\.id).chunked(500) {
            let told = try await Reminder.query(on: db).filter(\.$subjectType ~~ [.trainingEnrolment, .jobFairHire])
                .filter(\.$subjectID ~~ Array(chunk)).all()
            keys.formUnion(told.map { "\($0.subjectID)|\($0.dueOn)" })
        }
        return out.filter { r in
            let due = r.checkOn.adding(days: -FollowupReminders.grace(r.subject)).iso
            return !keys.contains("\(r.id)|\(due)")
        }
    }
}
