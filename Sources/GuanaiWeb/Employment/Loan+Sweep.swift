import Fluent
import Vapor
import GuanaiCore

/// The loans' part of the one sweep: disbursed loans whose check day has come (an indexed column), their standing
/// worked out again, and a reminder to the labour department and the village worker at 7 and at 30 days late — once
/// each, by the unique (loan, due day, level) key.
enum LoanSweep {
    static func run(on db: any Database, at: Date) async throws -> Int {
        let today = RegistryService.today(at)
        let directory = try await RecipientDirectory.load(on: db)
        var sent = 0
        while true {
            let due = try await Loan.query(on: db).filter(\.$status == .disbursed).filter(\.$overdueCheckOn <= today.iso)
                .sort(\.$overdueCheckOn).limit(500).all()
            if due.isEmpty { break }
            let paid = try await LoanQueries.repayments(of: due.map { $0.id! }, on: db)
            let names = try await LoanQueries.borrowerNames(due, on: db)
            sent += try await db.transaction { tx -> Int in
                var n = 0
                for l in due {
                    LoanService.refresh(l, repayments: paid[l.id!] ?? [], today: today)
                    let s = LoanStanding.on(
                        today, amount: Yuan(fen: l.disbursedFen ?? 0), schedule: l.schedule, repayments: paid[l.id!] ?? [])
                    if let since = s.lateSince {
                        for level in s.levels {
                            let note = ReminderNote(
                                subject: .loan, subjectID: l.id!, subjectName: names[l.id!] ?? "", unitCode: l.unitCode, dueOn: since,
                                level: level.rawValue, roles: ReminderSubject.loan.recipients,
                                text: ReminderText(key: "loan.reminder.message", args: [since.iso, String(s.daysOverdue)]),
                                daysOverdue: s.daysOverdue, audit: (.employment, l.recordID.description))
                            if try await Reminders.send(note, directory: directory, on: tx, at: at) { n += 1 }
                        }
                    }
                    // Never today or earlier again, so the loop ends.
                    if let next = l.overdueCheckOn, next <= today.iso { l.overdueCheckOn = today.adding(days: 1).iso }
                    l.updatedAt = at
                    try await l.save(on: tx)
                }
                return n
            }
        }
        return sent
    }
}
