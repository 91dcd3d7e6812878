import Foundation
import Testing
@testable import GuanaiCore

/// Schedules, overdue days and quarterly subsidies against 1,000 loans computed by Python's `decimal`
/// (Fixtures/loans/make_loans.py, an independent implementation of the rules in docs/employment.md), to the fen.
@Suite struct LoanArithmeticTests {
    struct Case: Decodable {
        struct Row: Decodable { let due: String, principal: String, interest: String }
        struct Pay: Decodable { let on: String, principal: String, interest: String }
        struct Quarter: Decodable {
            let from: String, to: String, days: Int, outstanding: String, interest: String, borrowerInterest: String, subsidy: String
        }
        let amount: String, disbursedOn: String, termMonths: Int, method: String, rateBP: Int, borrowerBP: Int, through: String
        let schedule: [Row]
        let repayments: [Pay]
        let overdue: [[String]]
        let quarters: [Quarter]
    }

    static func day(_ s: String) -> CivilDate { CivilDate(iso: s)! }
    static func yuan(_ s: String) -> Yuan { Yuan(s)! }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/loans/loans_decimal.json")
        struct File: Decodable { let cases: [Case] }
        return (try? JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases) ?? []
    }()

    @Test func theIssuesExampleQuarter() {
        // 200,000.00 at 460 BP, LPR 310 BP (the borrower pays 160 BP), 90 days: 2,300.00, 800.00 and 1,500.00.
        let q = LoanSubsidy.quarters(
            amount: Yuan("200000.00")!, disbursedOn: Self.day("2027-01-01"), repayments: [], rateBP: 460,
            borrowerBP: LoanPolicy.standard.borrowerRate(loanRateBP: 460, lprBP: 310), overdue: [], through: Self.day("2027-03-31"))
        #expect(q.count == 1 && q[0].days == 90)
        #expect(q[0].interest == Yuan("2300.00")! && q[0].borrowerInterest == Yuan("800.00")! && q[0].subsidy == Yuan("1500.00")!)
    }

    @Test func overdueDaysEarnNoSubsidyAndARepaymentLowersThePrincipalFromItsDay() {
        let q = LoanSubsidy.quarters(
            amount: Yuan("100000.00")!, disbursedOn: Self.day("2027-03-31"),
            repayments: [Repayment(on: Self.day("2027-04-11"), principal: Yuan("50000.00")!, interest: .zero)], rateBP: 360, borrowerBP: 0,
            overdue: [Self.day("2027-04-02").dayNumber...Self.day("2027-04-05").dayNumber], through: Self.day("2027-04-30"))
        #expect(q.map(\.days) == [1, 26])
        // April: 10 − 4 overdue = 6 days at 100,000.00, then 20 days at 50,000.00: 1,600,000 yuan-days × 3.6 % / 360.
        #expect(q[1].interest == Yuan("160.00")! && q[1].outstanding == Yuan("50000.00")!)
        #expect(LoanInterest.roundHalfUp(5, 10) == 1 && LoanInterest.roundHalfUp(4, 10) == 0 && LoanInterest.roundHalfUp(15, 10) == 2)
    }

    @Test func aThousandLoansAgreeWithPythonsDecimalToTheFen() {
        #expect(Self.cases.count == 1000)
        var compared = 0
        for (n, c) in Self.cases.enumerated() {
            let method = RepaymentMethod(rawValue: c.method)!
            let rows = LoanSchedule.rows(
                amount: Self.yuan(c.amount), disbursedOn: Self.day(c.disbursedOn), termMonths: c.termMonths, borrowerBP: c.borrowerBP,
                method: method)
            let want = c.schedule.map {
                ScheduleRow(due: Self.day($0.due), principal: Self.yuan($0.principal), interest: Self.yuan($0.interest))
            }
            #expect(rows == want, "case \(n): schedule")
            let pays = c.repayments.map {
                Repayment(on: Self.day($0.on), principal: Self.yuan($0.principal), interest: Self.yuan($0.interest))
            }
            let through = Self.day(c.through)
            let overdue = LoanSubsidy.overdue(schedule: rows, repayments: pays, through: through)
            #expect(overdue == c.overdue.map { Self.day($0[0]).dayNumber...Self.day($0[1]).dayNumber }, "case \(n): overdue")
            let q = LoanSubsidy.quarters(
                amount: Self.yuan(c.amount), disbursedOn: Self.day(c.disbursedOn), repayments: pays, rateBP: c.rateBP,
                borrowerBP: c.borrowerBP, overdue: overdue, through: through)
            #expect(q.count == c.quarters.count, "case \(n): quarters")
            for (got, w) in zip(q, c.quarters) {
                #expect(
                    got.from == Self.day(w.from) && got.to == Self.day(w.to) && got.days == w.days
                        && got.outstanding == Self.yuan(w.outstanding) && got.interest == Self.yuan(w.interest)
                        && got.borrowerInterest == Self.yuan(w.borrowerInterest) && got.subsidy == Self.yuan(w.subsidy),
                    "case \(n): \(got) vs \(w)")
                compared += 1
            }
        }
        #expect(compared > 3000)
    }
}
