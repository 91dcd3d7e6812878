/// A repayment as booked: principal and interest paid on a day.
public struct Repayment: Sendable, Equatable {
    public let on: CivilDate
    public let principal: Yuan
    public let interest: Yuan
    public init(on: CivilDate, principal: Yuan, interest: Yuan) {
        self.on = on
        self.principal = principal
        self.interest = interest
    }
}

/// One calendar quarter's interest subsidy (贴息): the days it counts, what was outstanding at its end, the interest at
/// the loan's rate and at the borrower's, each rounded half up to the fen, and the subsidy, their difference exactly.
public struct SubsidyPeriod: Sendable, Equatable {
    public let from: CivilDate
    public let to: CivilDate
    public let days: Int
    public let outstanding: Yuan
    public let interest: Yuan
    public let borrowerInterest: Yuan
    public var subsidy: Yuan { interest - borrowerInterest }
}

public enum LoanSubsidy {
    /// Days (as day numbers) on which some instalment was unpaid after its due day: instalment i is overdue from the
    /// day after it fell due until the day the repayments, counted in order, cover all principal and all interest due
    /// up to it (that day is not overdue).
    public static func overdue(schedule: [ScheduleRow], repayments: [Repayment], through: CivilDate) -> [ClosedRange<Int>] {
        let paid = repayments.sorted { $0.on < $1.on }
        var cumP: [Int64] = [], cumI: [Int64] = []
        var p: Int64 = 0, i: Int64 = 0
        for r in paid {
            p += r.principal.fen
            i += r.interest.fen
            cumP.append(p)
            cumI.append(i)
        }
        var spans: [ClosedRange<Int>] = []
        var dueP: Int64 = 0, dueI: Int64 = 0
        for row in schedule {
            dueP += row.principal.fen
            dueI += row.interest.fen
            let start = row.due.dayNumber + 1
            guard start <= through.dayNumber else { break }
            // The first repayment by which everything due so far is paid.
            let k = cumP.indices.first { cumP[$0] >= dueP && cumI[$0] >= dueI }
            let end = k.map { paid[$0].on.dayNumber - 1 } ?? through.dayNumber
            if end >= start { spans.append(start...min(end, through.dayNumber)) }
        }
        // Merged, so a day counts once.
        var merged: [ClosedRange<Int>] = []
        for s in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, s.lowerBound <= last.upperBound + 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, s.upperBound)
            } else {
                merged.append(s)
            }
        }
        return merged
    }

    /// The calendar quarters from the disbursement through `through` (inclusive). Interest accrues each day on the
    /// principal outstanding that day (a repayment lowers it from its own day); days overdue and days with nothing
    /// outstanding count for nothing.
    public static func quarters(
        amount: Yuan, disbursedOn: CivilDate, repayments: [Repayment], rateBP: Int, borrowerBP: Int, overdue: [ClosedRange<Int>],
        through: CivilDate
    ) -> [SubsidyPeriod] {
        guard through >= disbursedOn else { return [] }
        let paid = repayments.sorted { $0.on < $1.on }
        var out: [SubsidyPeriod] = []
        var start = disbursedOn
        var next = 0
        var outstanding = amount.fen
        while start <= through {
            let quarterEnd = quarterLastDay(start)
            let end = min(quarterEnd, through)
            var fenDays: Int64 = 0, days = 0
            var day = start.dayNumber
            while day <= end.dayNumber {
                // Repayments on or before this day lower the principal.
                while next < paid.count, paid[next].on.dayNumber <= day {
                    outstanding -= paid[next].principal.fen
                    next += 1
                }
                // The principal is constant until the next repayment: a run of days at once.
                let runEnd = min(end.dayNumber, next < paid.count ? paid[next].on.dayNumber - 1 : end.dayNumber)
                let counted = countedDays(day...runEnd, excluding: overdue)
                if outstanding > 0 {
                    fenDays += outstanding * Int64(counted)
                    days += counted
                }
                day = runEnd + 1
            }
            while next < paid.count, paid[next].on.dayNumber <= end.dayNumber {
                outstanding -= paid[next].principal.fen
                next += 1
            }
            out.append(
                SubsidyPeriod(
                    from: start, to: end, days: days, outstanding: Yuan(fen: max(0, outstanding)),
                    interest: LoanInterest.interest(fenDays: fenDays, rateBP: rateBP),
                    borrowerInterest: LoanInterest.interest(fenDays: fenDays, rateBP: borrowerBP)))
            start = quarterEnd.adding(days: 1)
        }
        return out
    }

    /// The last day of the calendar quarter a day falls in.
    public static func quarterLastDay(_ d: CivilDate) -> CivilDate {
        let m = ((d.month - 1) / 3) * 3 + 3
        return CivilDate(year: d.year, month: m, day: CivilDate.daysIn(year: d.year, month: m))!
    }

    static func countedDays(_ r: ClosedRange<Int>, excluding spans: [ClosedRange<Int>]) -> Int {
        var n = r.count
        for s in spans where s.overlaps(r) { n -= s.clamped(to: r).count }
        return n
    }
}

/// What a disbursed loan's schedule and subsidies follow from: the terms the bank approved and the day it was paid
/// out (and settled, when it was). One place for the loan page, the sweep and a quarter's run over many loans.
public struct LoanTerms: Sendable, Equatable {
    public let amount: Yuan
    public let disbursedOn: CivilDate
    public let termMonths: Int
    public let rateBP: Int
    public let borrowerBP: Int
    public let method: RepaymentMethod
    public let settledOn: CivilDate?

    public init(
        amount: Yuan, disbursedOn: CivilDate, termMonths: Int, rateBP: Int, borrowerBP: Int, method: RepaymentMethod, settledOn: CivilDate?
    ) {
        self.amount = amount
        self.disbursedOn = disbursedOn
        self.termMonths = termMonths
        self.rateBP = rateBP
        self.borrowerBP = borrowerBP
        self.method = method
        self.settledOn = settledOn
    }

    public var schedule: [ScheduleRow] {
        LoanSchedule.rows(amount: amount, disbursedOn: disbursedOn, termMonths: termMonths, borrowerBP: borrowerBP, method: method)
    }

    /// The quarters from the disbursement through today (or the settlement, if earlier), overdue days left out.
    public func subsidies(repayments: [Repayment], today: CivilDate) -> [SubsidyPeriod] {
        let through = settledOn.map { min($0, today) } ?? today
        let overdue = LoanSubsidy.overdue(schedule: schedule, repayments: repayments, through: through)
        return LoanSubsidy.quarters(
            amount: amount, disbursedOn: disbursedOn, repayments: repayments, rateBP: rateBP, borrowerBP: borrowerBP, overdue: overdue,
            through: through)
    }

    /// The subsidy of the calendar quarter ending `quarterEnd`, if the loan lived through it.
    public func subsidy(quarterEnding quarterEnd: CivilDate, repayments: [Repayment], today: CivilDate) -> SubsidyPeriod? {
        subsidies(repayments: repayments, today: today).first { $0.to == quarterEnd }
    }
}
