/// Interest in whole fen: `principal-fen × days × rateBP / (10,000 × 360)`, rounded half up once per period. The sums
/// are exact integers (a 660,000.00-yuan loan over a quarter at 2,000 BP is about 10¹³), so there is no rounding
/// but the one the rules name.
public enum LoanInterest {
    /// One basis point a year on a fen for a day, as the denominator: 10,000 BP × 360 days.
    public static let denominator: Int64 = 3_600_000

    /// `fenDays`: Σ over the days of the outstanding principal in fen.
    public static func interest(fenDays: Int64, rateBP: Int) -> Yuan {
        Yuan(fen: roundHalfUp(fenDays * Int64(rateBP), denominator))
    }

    /// n / d rounded half up, for n ≥ 0 and d > 0.
    public static func roundHalfUp(_ n: Int64, _ d: Int64) -> Int64 { (2 * n + d) / (2 * d) }
}

/// One instalment of a loan's schedule: due on a day, principal and the borrower's interest.
public struct ScheduleRow: Sendable, Equatable {
    public let due: CivilDate
    public let principal: Yuan
    public let interest: Yuan
    public init(due: CivilDate, principal: Yuan, interest: Yuan) {
        self.due = due
        self.principal = principal
        self.interest = interest
    }
}

public enum LoanSchedule {
    /// The same day `months` later, the month's last day when it has no such day (31 January → 28 February).
    public static func month(_ start: CivilDate, plus months: Int) -> CivilDate {
        let total = start.year * 12 + (start.month - 1) + months
        let y = total / 12, m = total % 12 + 1
        return CivilDate(year: y, month: m, day: min(start.day, CivilDate.daysIn(year: y, month: m)))!
    }

    /// Monthly instalments from the disbursement, one a month on its day: interest on what is outstanding over the
    /// month's actual days at the borrower's rate (what she pays), and the principal at the end (`interest_only`) or
    /// in equal parts, the fen left over in the last (`equal_principal`).
    public static func rows(amount: Yuan, disbursedOn: CivilDate, termMonths: Int, borrowerBP: Int, method: RepaymentMethod)
        -> [ScheduleRow]
    {
        guard termMonths > 0 else { return [] }
        var out: [ScheduleRow] = []
        var outstanding = amount.fen
        var from = disbursedOn
        let part = amount.fen / Int64(termMonths)
        for k in 1...termMonths {
            let due = month(disbursedOn, plus: k)
            let days = Int64(due.dayNumber - from.dayNumber)
            let interest = LoanInterest.interest(fenDays: outstanding * days, rateBP: borrowerBP)
            let principal: Int64
            switch method {
            case .interestOnly: principal = k == termMonths ? outstanding : 0
            case .equalPrincipal: principal = k == termMonths ? outstanding : part
            }
            out.append(ScheduleRow(due: due, principal: Yuan(fen: principal), interest: interest))
            outstanding -= principal
            from = due
        }
        return out
    }
}
