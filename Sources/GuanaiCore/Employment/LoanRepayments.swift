/// `POST /api/v1/loans/{id}/repayments` and a bank statement's row: what was paid on a day.
public struct LoanRepaymentInput: Codable, Sendable, Equatable {
    public var on: String?
    public var principal: String?
    public var interest: String?
    public init(on: String? = nil, principal: String? = nil, interest: String? = nil) {
        self.on = on
        self.principal = principal
        self.interest = interest
    }
}

public enum LoanRepaymentRules {
    /// A repayment on a disbursed loan: dated between the disbursement and today, amounts of at least zero (one of
    /// them above), and no more principal than is still out. Every bad field named.
    public static func check(
        _ i: LoanRepaymentInput, status: LoanStatus, disbursedOn: CivilDate?, outstanding: Yuan, today: CivilDate, _ c: inout FormChecker
    ) -> Repayment? {
        if status != .disbursed || disbursedOn == nil {
            c.errors.append(FieldError(field: "status", key: "loan.error.notDisbursed"))
        }
        let on = c.date(c.required(i.on, "on"), "on")
        if let on {
            if on > today { c.errors.append(FieldError(field: "on", key: "pairing.error.future")) }
            if let d = disbursedOn, on < d { c.errors.append(FieldError(field: "on", key: "loan.error.beforeDisbursed", args: [d.iso])) }
        }
        let principal = amount(i.principal, "principal", &c)
        let interest = amount(i.interest, "interest", &c)
        if let principal, principal > outstanding {
            c.errors.append(FieldError(field: "principal", key: "loan.amount_over", args: [outstanding.description]))
        }
        if let principal, let interest, principal.fen == 0, interest.fen == 0 {
            c.errors.append(FieldError(field: "principal", key: "loan.error.nothingPaid"))
        }
        guard c.errors.isEmpty, let on, let principal, let interest else { return nil }
        return Repayment(on: on, principal: principal, interest: interest)
    }

    /// Empty is zero (a statement's interest-only month leaves the principal blank).
    static func amount(_ raw: String?, _ field: String, _ c: inout FormChecker) -> Yuan? {
        let t = raw?.trimmingCharacters(in: .whitespaces) ?? ""
        if t.isEmpty { return Yuan(fen: 0) }
        guard let y = Yuan(t), y.fen >= 0 else {
            c.errors.append(FieldError(field: field, key: "employment.error.amount"))
            return nil
        }
        return y
    }
}

/// What an application saves once every rule has passed.
public struct CheckedLoanApplication: Sendable, Equatable {
    public let kind: LoanKind
    public let amount: Yuan
    public let termMonths: Int
    public let project: String
    public let maxAmount: Yuan
}

extension LoanRules {
    /// The eligibility rules plus what only an application needs (what the money is for); nil with every reason as a
    /// field error when anything fails.
    public static func application(
        _ input: LoanApplicationInput, applicant: Borrower?, partners: [Borrower?], policy: LoanPolicy, today: CivilDate,
        _ c: inout FormChecker
    ) -> CheckedLoanApplication? {
        let e = eligibility(input, applicant: applicant, partners: partners, policy: policy, today: today)
        for r in e.reasons { c.errors.append(FieldError(field: r.field, key: r.code, args: r.args)) }
        let project = c.required(input.project, "project")
        guard c.errors.isEmpty, let project, let max = e.maxAmount,
            let kind = input.kind.flatMap({ LoanKind(rawValue: $0.trimmingCharacters(in: .whitespaces)) }),
            let amount = input.amount.flatMap(Yuan.init), let term = input.termMonths
        else { return nil }
        return CheckedLoanApplication(kind: kind, amount: amount, termMonths: term, project: project, maxAmount: max)
    }
}
