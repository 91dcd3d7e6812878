import Testing
import Foundation
@testable import GuanaiCore

/// Issue 18's ledgers: amounts as statements write them, rows as the API's inputs, what counts as read twice, and
/// who may read which ledger in.
@Suite struct EmploymentIntakeTests {
    @Test func amountsAreReadToTheFenAsLedgersWriteThem() {
        #expect(Yuan.ledger("200,000.00") == Yuan(fen: 20_000_000))
        #expect(Yuan.ledger("200000元") == Yuan(fen: 20_000_000))
        #expect(Yuan.ledger("¥1,500.5") == Yuan(fen: 150_050))
        #expect(Yuan.ledger("￥ 800 元") == Yuan(fen: 80_000))
        #expect(Yuan.ledger("2300.0000000001") == Yuan(fen: 230_000))
        #expect(Yuan.ledger("0") == .zero)
        for bad in ["", "-5", "1.234", "十万", "1.2.3", "12a", "-0.001"] { #expect(Yuan.ledger(bad) == nil, "\(bad)") }
    }

    @Test func rowsBecomeTheAPIsInputs() {
        let a = LedgerRow.loanApplication(["project": "电商", "amount": "50000.00", "termMonths": "24"], personId: "p", partnerIds: [])
        #expect(a == LoanApplicationInput(personId: "p", kind: "individual", amount: "50000.00", termMonths: 24, project: "电商"))
        let b = LedgerRow.loanApplication(["amount": "1.00"], personId: "p", partnerIds: ["q"])
        #expect(b.kind == "partnership" && b.partnerIds == ["q"])
        #expect(LedgerRow.loanApplication(["kind": "individual"], personId: "p", partnerIds: ["q"]).kind == "individual")
        #expect(
            LedgerRow.repayment(["on": "2026-10-05", "interest": "12.00"])
                == LoanRepaymentInput(on: "2026-10-05", principal: "0.00", interest: "12.00"))
        #expect(LedgerRow.idNumbers("42108119880404123X、421081198804041241；x") == ["42108119880404123X", "421081198804041241", "X"])
        #expect(LedgerRow.idNumbers(nil).isEmpty)
    }

    @Test func aRowReadTwiceIsTheRecordAlreadyThere() {
        let input = LoanApplicationInput(personId: "p", kind: "individual", amount: "50000.00", termMonths: 24, project: " 电商 ")
        let same = LedgerSameness.Application(
            kind: .individual, project: "电商", amount: Yuan(fen: 5_000_000), termMonths: 24, status: .disbursed)
        #expect(LedgerSameness.applied(input, among: [same]))
        let turnedDown = LedgerSameness.Application(
            kind: .individual, project: "电商", amount: Yuan(fen: 5_000_000), termMonths: 24, status: .rejected)
        #expect(!LedgerSameness.applied(input, among: [turnedDown]))
        let longer = LedgerSameness.Application(
            kind: .individual, project: "电商", amount: Yuan(fen: 5_000_000), termMonths: 36, status: .applied)
        #expect(!LedgerSameness.applied(input, among: [longer]))

        let paid = Repayment(on: CivilDate(iso: "2026-10-05")!, principal: Yuan(fen: 100_000), interest: Yuan(fen: 2_000))
        #expect(LedgerSameness.repaid(LoanRepaymentInput(on: "2026-10-05", principal: "1000.00", interest: "20.00"), among: [paid]))
        #expect(!LedgerSameness.repaid(LoanRepaymentInput(on: "2026-10-05", principal: "1000.00", interest: "20.01"), among: [paid]))
        #expect(!LedgerSameness.repaid(LoanRepaymentInput(on: "2026-10-06", principal: "1000.00", interest: "20.00"), among: [paid]))

        #expect(LedgerSameness.repaymentLoan([.settled, .disbursed, .applied]) == .one(1))
        #expect(LedgerSameness.repaymentLoan([.settled, .applied]) == .none)
        #expect(LedgerSameness.repaymentLoan([.disbursed, .disbursed]) == .several)
    }

    /// Who reads which ledger in: whoever makes the same change through the API, and only she.
    @Test func eachLedgerIsReadInByWhoMakesItsChange() {
        for role in Role.allCases {
            #expect(Policy.mayImport(role, .loans) == (Policy.allows(role, .import) && LoanAccess.mayApply(role)), "\(role)")
            #expect(
                Policy.mayImport(role, .repayments) == (Policy.allows(role, .import) && LoanAccess.mayRecordRepayment(role)), "\(role)")
            #expect(Policy.mayImport(role, .trainingEnrolments) == (Policy.allows(role, .import) && TrainingAccess.writes(role)))
            #expect(Policy.mayImport(role, .fairAttendees) == (Policy.allows(role, .import) && Policy.worksOnEmployment(role)))
            #expect(Policy.importsAny(role) == IntakeKind.allCases.contains { Policy.mayImport(role, $0) })
        }
        // The labour department books the bank's statements though it registers no child.
        #expect(Policy.mayImport(.partnerHR, .repayments) && !Policy.mayImport(.partnerHR, .children) && Policy.importsAny(.partnerHR))
        #expect(!Policy.mayImport(.partnerHR, .loans) && Policy.mayImport(.villageWorker, .loans))
        #expect(!Policy.mayImport(.villageWorker, .repayments) && Policy.mayImport(.cityAdmin, .repayments))
        #expect(!Policy.importsAny(.inspector) && !Policy.importsAny(.volunteer) && !Policy.importsAny(.partnerJustice))
        // The health department reads in its sites' result sheets (issue 20) and nothing of the registry's.
        #expect(Policy.importsAny(.partnerHealth) && !Policy.mayImport(.partnerHealth, .women))
        #expect(!Policy.mayImport(.inspector, .trainingEnrolments) && Policy.mayImport(.partnerHR, .fairAttendees))
        for k in [IntakeKind.trainingEnrolments, .fairAttendees, .loans, .repayments] {
            #expect(k.placedByRecord && !k.placedByStation && k.recordKind == .employment && Policy.historyKind(k.rawValue) == .employment)
        }
    }
}
