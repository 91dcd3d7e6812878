import Testing
@testable import GuanaiCore

/// Eligibility at each boundary of 财金〔2020〕21号, the loan's steps in order and by two hands, and the policy's checks.
@Suite struct LoanRulesTests {
    static let today = CivilDate(year: 2027, month: 3, day: 15)!
    static let policy = LoanPolicy.standard

    /// A woman aged `age` 周岁 today, with these loans behind her.
    static func woman(age: Int = 35, loans: [Borrower.PriorLoan] = []) -> Borrower {
        Borrower(female: true, alive: true, birthDate: today.anniversary(-age).adding(days: -1), loans: loans)
    }

    static func apply(_ amount: String, term: Int = 24, kind: String = "individual", partners: Int = 0) -> LoanApplicationInput {
        LoanApplicationInput(
            personId: "W", kind: kind, amount: amount, termMonths: term, partnerIds: (0..<partners).map { "P\($0)" }, project: "养殖")
    }

    static func codes(_ i: LoanApplicationInput, _ b: Borrower = woman(), partners: [Borrower?] = []) -> [String] {
        LoanRules.eligibility(i, applicant: b, partners: partners, policy: policy, today: today).reasons.map(\.code)
    }

    @Test func amountAndTermAtTheirLimits() {
        #expect(Self.codes(Self.apply("200000.00")).isEmpty)
        let over = LoanRules.eligibility(
            Self.apply("200000.01"), applicant: Self.woman(), partners: [], policy: Self.policy, today: Self.today)
        #expect(!over.eligible && over.reasons == [LoanReason("loan.amount_over", "amount", ["200000.00"])])
        #expect(over.maxAmount == Yuan("200000.00"))
        let two = [Self.woman(), Self.woman()]
        #expect(Self.codes(Self.apply("660000.00", kind: "partnership", partners: 2), partners: two).isEmpty)
        #expect(Self.codes(Self.apply("660000.01", kind: "partnership", partners: 2), partners: two) == ["loan.amount_over"])
        #expect(Self.codes(Self.apply("1000.00", term: 36)).isEmpty)
        #expect(Self.codes(Self.apply("1000.00", term: 37)) == ["loan.term"])
        #expect(Self.codes(Self.apply("0.00")) == ["loan.amount"] && Self.codes(Self.apply("12.345")) == ["loan.amount"])
    }

    @Test func theBorrowersAgeAndLoansBehindHer() {
        #expect(Self.codes(Self.apply("1000.00"), Self.woman(age: 60)).isEmpty)
        #expect(Self.codes(Self.apply("1000.00"), Self.woman(age: 61)) == ["loan.age"])
        #expect(
            Self.codes(Self.apply("1000.00"), Self.woman(age: 18)).isEmpty
                && Self.codes(Self.apply("1000.00"), Self.woman(age: 17)) == ["loan.age"])
        let d = CivilDate(year: 2025, month: 1, day: 1)!
        let settled = Borrower.PriorLoan(status: .settled, everOverdue: false, on: d)
        #expect(Self.codes(Self.apply("1000.00"), Self.woman(loans: [settled, settled])).isEmpty)
        #expect(Self.codes(Self.apply("1000.00"), Self.woman(loans: [settled, settled, settled])) == ["loan.too_many"])
        let rejected = Borrower.PriorLoan(status: .rejected, everOverdue: false, on: d)
        #expect(Self.codes(Self.apply("1000.00"), Self.woman(loans: [settled, settled, rejected])).isEmpty)
        #expect(
            Self.codes(Self.apply("1000.00"), Self.woman(loans: [.init(status: .disbursed, everOverdue: false, on: d)])) == ["loan.open"])
        let lateLast = Borrower.PriorLoan(status: .settled, everOverdue: true, on: d.adding(days: 400))
        #expect(Self.codes(Self.apply("1000.00"), Self.woman(loans: [settled, lateLast])) == ["loan.last_overdue"])
        #expect(
            Self.codes(
                Self.apply("1000.00"),
                Self.woman(loans: [lateLast, Borrower.PriorLoan(status: .settled, everOverdue: false, on: d.adding(days: 800))])
            ).isEmpty)
    }

    @Test func partnersAreEachJudgedAndNamedByTheirPlace() {
        let r = LoanRules.eligibility(
            Self.apply("300000.00", kind: "partnership", partners: 2), applicant: Self.woman(), partners: [Self.woman(age: 65), nil],
            policy: Self.policy, today: Self.today)
        #expect(r.reasons.map(\.field) == ["partnerIds[0]", "partnerIds[1]"])
        #expect(Self.codes(Self.apply("1000.00", kind: "partnership")) == ["loan.partners_required"])
        #expect(Self.codes(Self.apply("1000.00", partners: 1), partners: [Self.woman()]) == ["loan.partners_individual"])
        var twice = Self.apply("1000.00", kind: "partnership", partners: 1)
        twice.partnerIds = ["W"]
        #expect(Self.codes(twice, partners: [Self.woman()]) == ["loan.partner_twice"])
    }

    static func step(_ step: String, _ facts: LoanStepRules.Facts, actor: String = "B", _ extra: (inout LoanStepInput) -> Void = { _ in })
        -> (CheckedLoanStep?, [String])
    {
        var i = LoanStepInput(step: step, decision: "approved", documentNo: "人社审〔2027〕8号", on: "2027-03-10")
        extra(&i)
        var c = FormChecker()
        let out = LoanStepRules.check(i, facts: facts, actor: actor, policy: policy, today: today, &c)
        return (out, c.errors.map { $0.field + ":" + $0.key })
    }

    static func facts(_ status: LoanStatus, last: String = "A", approved: String? = nil) -> LoanStepRules.Facts {
        .init(
            status: status, lastActor: last, applied: Yuan("150000.00")!, approved: approved.flatMap(Yuan.init),
            appliedOn: CivilDate(year: 2027, month: 3, day: 1)!, lastStepOn: nil)
    }

    @Test func stepsGoInOrderAndNeverByTheHandThatMadeTheLast() {
        #expect(Self.step("recommend", Self.facts(.applied)).0?.status == .recommended)
        #expect(Self.step("recommend", Self.facts(.applied), actor: "A").1 == ["step:loan.error.makerChecker"])
        #expect(Self.step("guarantee", Self.facts(.recommended)).1 == ["step:loan.error.order"])
        #expect(Self.step("hr_review", Self.facts(.recommended)).0?.status == .hrApproved)
        #expect(Self.step("hr_review", Self.facts(.recommended)) { $0.documentNo = " " }.1 == ["documentNo:field.error.required"])
        #expect(Self.step("disburse", Self.facts(.settled)).1 == ["step:loan.error.order", "amount:field.error.required"])
        let no = Self.step("guarantee", Self.facts(.hrApproved)) { $0.decision = "rejected" }
        #expect(no.1 == ["reason:field.error.required"])
        let rejected = Self.step("guarantee", Self.facts(.hrApproved)) {
            $0.decision = "rejected"
            $0.reason = "反担保不足"
        }
        #expect(rejected.0?.status == .rejected)
        #expect(Self.step("recommend", Self.facts(.applied)) { $0.on = "2027-02-01" }.1 == ["on:loan.error.beforeLast"])
        #expect(Self.step("recommend", Self.facts(.applied)) { $0.on = "2027-03-16" }.1 == ["on:pairing.error.future"])
    }

    @Test func theBankKeepsUnderTheRateCapAndPaysOutNoMoreThanApproved() {
        // LPR 300 BP since 2025-05-20: the cap is 450 BP.
        func bank(_ rate: Int, amount: String = "150000.00", term: Int = 36) -> (CheckedLoanStep?, [String]) {
            Self.step("bank_approval", Self.facts(.guaranteed)) {
                $0.rateBP = rate
                $0.amount = amount
                $0.termMonths = term
            }
        }
        let ok = bank(450)
        #expect(ok.0?.rateBP == 450 && ok.0?.lprBP == 300 && ok.0?.method == .interestOnly && ok.0?.amount == Yuan("150000.00"))
        #expect(bank(451).1 == ["rateBP:loan.error.rateCap"])
        #expect(bank(400, amount: "150000.01").1 == ["amount:loan.amount_over"])
        #expect(bank(400, term: 37).1 == ["termMonths:loan.term"])
        #expect(
            Self.step("disburse", Self.facts(.bankApproved, approved: "120000.00")) { $0.amount = "120000.01" }.1 == [
                "amount:loan.amount_over"
            ])
        #expect(Self.step("disburse", Self.facts(.bankApproved, approved: "120000.00")) { $0.amount = "120000.00" }.0?.status == .disbursed)
        #expect(
            Self.policy.borrowerRate(loanRateBP: 450, lprBP: 300) == 150 && Self.policy.borrowerRate(loanRateBP: 100, lprBP: 300) == 100)
        #expect(LoanStep.recommend.recordedBy == [.townshipStaff, .cityAdmin] && LoanStep.disburse.recordedBy == [.partnerHR])
    }

    @Test func aPolicyNamesEachBadLimit() {
        var i = Self.policy.input
        var c = FormChecker()
        #expect(LoanPolicy.check(i, &c) == Self.policy && c.errors.isEmpty)
        i.individualMax = "-5"
        i.maxTermMonths = nil
        i.partnershipPercent = -1
        i.lpr = [.init(from: "2025-05-20", rateBP: 300), .init(from: "2025-05-20", rateBP: 310)]
        c = FormChecker()
        #expect(LoanPolicy.check(i, &c) == nil)
        #expect(c.errors.map(\.field) == ["individualMax", "partnershipPercent", "maxTermMonths", "lpr[1].from"])
        #expect(
            Self.policy.lpr(on: CivilDate(year: 2025, month: 5, day: 19)!) == 310
                && Self.policy.lpr(on: CivilDate(year: 2024, month: 1, day: 1)!) == nil)
    }
}
