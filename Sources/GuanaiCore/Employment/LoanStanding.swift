/// How late a loan's repayments may run before the people responsible hear of it: a week, then a month.
public enum LoanReminderLevel: String, Sendable, Codable, CaseIterable {
    case week = "overdue_7"
    case month = "overdue_30"

    public var days: Int { self == .week ? 7 : 30 }
}

/// Where a disbursed loan stands on a day: what principal is still out, whether an instalment is unpaid after its due
/// day (and since which instalment), which reminders that lateness has earned, and when the sweep should look again.
public struct LoanStanding: Sendable, Equatable {
    public let outstanding: Yuan
    /// The due day of the earliest instalment not covered by what was repaid up to the day; nil when none is late.
    public let lateSince: CivilDate?
    public let daysOverdue: Int
    public let levels: [LoanReminderLevel]
    /// Every principal fen back and nothing late: the loan is settled.
    public let settled: Bool
    /// The next day the standing can change without a repayment (an instalment falling late, a reminder's day);
    /// nil when only a repayment can change it.
    public let nextCheck: CivilDate?

    public var overdue: Bool { lateSince != nil }

    /// Instalment i is covered once the repayments made up to the day add up to all principal and all interest due
    /// up to and including it; the first one not covered whose due day has passed makes the loan overdue.
    public static func on(_ today: CivilDate, amount: Yuan, schedule: [ScheduleRow], repayments: [Repayment]) -> LoanStanding {
        let paid = repayments.filter { $0.on <= today }
        let paidP = paid.reduce(Int64(0)) { $0 + $1.principal.fen }
        let paidI = paid.reduce(Int64(0)) { $0 + $1.interest.fen }
        var dueP: Int64 = 0, dueI: Int64 = 0
        var firstUncovered: ScheduleRow? = nil
        for row in schedule {
            dueP += row.principal.fen
            dueI += row.interest.fen
            if paidP < dueP || paidI < dueI {
                firstUncovered = row
                break
            }
        }
        let outstanding = Yuan(fen: max(0, amount.fen - paidP))
        guard let row = firstUncovered else {
            return LoanStanding(
                outstanding: outstanding, lateSince: nil, daysOverdue: 0, levels: [], settled: outstanding.fen == 0, nextCheck: nil)
        }
        if row.due >= today {
            // Not late yet: the day after it falls due is the first it can be.
            return LoanStanding(
                outstanding: outstanding, lateSince: nil, daysOverdue: 0, levels: [], settled: false, nextCheck: row.due.adding(days: 1))
        }
        let days = today.dayNumber - row.due.dayNumber
        let reached = LoanReminderLevel.allCases.filter { days >= $0.days }
        let next = LoanReminderLevel.allCases.first { days < $0.days }.map { row.due.adding(days: $0.days) }
        return LoanStanding(
            outstanding: outstanding, lateSince: row.due, daysOverdue: days, levels: reached, settled: false, nextCheck: next)
    }
}
