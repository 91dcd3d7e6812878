import Testing
@testable import GuanaiCore

/// A disbursed loan's standing day by day: late from the day after an instalment falls due, reminders at 7 and 30
/// days, back in order when paid, settled when every fen is back.
@Suite struct LoanStandingTests {
    let on = CivilDate(iso: "2026-01-15")!
    var schedule: [ScheduleRow] {
        LoanSchedule.rows(amount: Yuan("12000.00")!, disbursedOn: on, termMonths: 3, borrowerBP: 160, method: .equalPrincipal)
    }

    func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    @Test func notLateOnTheDueDayLateTheDayAfter() {
        let first = schedule[0]
        let due = LoanStanding.on(first.due, amount: Yuan("12000.00")!, schedule: schedule, repayments: [])
        #expect(!due.overdue)
        #expect(due.nextCheck == first.due.adding(days: 1))
        let after = LoanStanding.on(first.due.adding(days: 1), amount: Yuan("12000.00")!, schedule: schedule, repayments: [])
        #expect(after.overdue)
        #expect(after.daysOverdue == 1)
        #expect(after.levels.isEmpty)
        #expect(after.nextCheck == first.due.adding(days: 7))
    }

    @Test func remindersAtSevenAndThirtyDays() {
        let due = schedule[0].due
        let six = LoanStanding.on(due.adding(days: 6), amount: Yuan("12000.00")!, schedule: schedule, repayments: [])
        #expect(six.levels.isEmpty)
        let seven = LoanStanding.on(due.adding(days: 7), amount: Yuan("12000.00")!, schedule: schedule, repayments: [])
        #expect(seven.levels == [.week])
        #expect(seven.nextCheck == due.adding(days: 30))
        let thirty = LoanStanding.on(due.adding(days: 30), amount: Yuan("12000.00")!, schedule: schedule, repayments: [])
        #expect(thirty.levels == [.week, .month])
        #expect(thirty.nextCheck == nil)
    }

    @Test func paidInstalmentIsNotLateAndPartPaymentIs() {
        let first = schedule[0]
        let full = Repayment(on: first.due, principal: first.principal, interest: first.interest)
        let ok = LoanStanding.on(first.due.adding(days: 3), amount: Yuan("12000.00")!, schedule: schedule, repayments: [full])
        #expect(!ok.overdue)
        #expect(ok.outstanding == Yuan("8000.00")!)
        let short = Repayment(on: first.due, principal: first.principal, interest: first.interest - Yuan(fen: 1))
        let late = LoanStanding.on(first.due.adding(days: 3), amount: Yuan("12000.00")!, schedule: schedule, repayments: [short])
        #expect(late.overdue)
        #expect(late.lateSince == first.due)
    }

    @Test func settledWhenEveryInstalmentIsCovered() {
        let paid = schedule.map { Repayment(on: $0.due, principal: $0.principal, interest: $0.interest) }
        let s = LoanStanding.on(schedule[2].due, amount: Yuan("12000.00")!, schedule: schedule, repayments: paid)
        #expect(s.settled)
        #expect(s.outstanding == Yuan(fen: 0))
        #expect(s.nextCheck == nil)
        // A repayment dated after the day does not count yet.
        let early = LoanStanding.on(schedule[2].due.adding(days: -1), amount: Yuan("12000.00")!, schedule: schedule, repayments: paid)
        #expect(!early.settled)
    }

    @Test func subsidyMovesInOrderByTwoAccounts() {
        let amount = Yuan("1500.00")!
        #expect(SubsidyRules.check(to: .claimed, current: .computed, claimedBy: nil, actor: "a", quarterOver: true, amount: amount) == nil)
        #expect(
            SubsidyRules.check(to: .claimed, current: .computed, claimedBy: nil, actor: "a", quarterOver: false, amount: amount)?.key
                == "subsidy.error.running")
        #expect(
            SubsidyRules.check(to: .paid, current: .claimed, claimedBy: "a", actor: "a", quarterOver: true, amount: amount)?.key
                == "loan.error.makerChecker")
        #expect(SubsidyRules.check(to: .paid, current: .claimed, claimedBy: "a", actor: "b", quarterOver: true, amount: amount) == nil)
        #expect(
            SubsidyRules.check(to: .paid, current: .computed, claimedBy: nil, actor: "b", quarterOver: true, amount: amount)?.field
                == "status")
    }

    @Test func portfolioRollsUpAndRoundsTheRate() {
        var a = LoanFigures()
        a.count = 2
        a.outstanding = Yuan("30000.00")!
        a.overdueAmount = Yuan("1000.00")!
        #expect(a.overdueRate == "0.0333")
        var b = a
        b.overdueAmount = Yuan("30000.00")!
        #expect(b.overdueRate == "1.0000")
        #expect(LoanFigures().overdueRate == nil)
        let county = DivisionCode("421081")!
        let rows = LoanPortfolio.rows(["421081104200": a, "421081104201": a, "421081105200": b], under: county)
        #expect(rows.map(\.code) == ["421081104000", "421081105000"])
        #expect(rows[0].figures.count == 4)
    }
}
