/// A guaranteed start-up loan (创业担保贷款) to one woman, or to partners who run one business together.
public enum LoanKind: String, Sendable, Codable, CaseIterable {
    case individual, partnership
}

/// Where a loan stands. Each step of `LoanStep` moves it one place on, or to `rejected`; `settled` once repaid.
public enum LoanStatus: String, Sendable, Codable, CaseIterable {
    case applied, recommended
    case hrApproved = "hr_approved"
    case guaranteed
    case bankApproved = "bank_approved"
    case disbursed, settled, rejected
}

/// The decisions a loan passes, in order: the women's federation recommends (妇联推荐), the labour department checks
/// eligibility (人社资格审核), the guarantee agency guarantees (担保机构审核), the bank approves, the bank disburses.
public enum LoanStep: String, Sendable, Codable, CaseIterable {
    case recommend
    case hrReview = "hr_review"
    case guarantee
    case bankApproval = "bank_approval"
    case disburse
}

public enum LoanDecision: String, Sendable, Codable, CaseIterable {
    case approved, rejected
}

/// How the principal comes back: all at the end with interest monthly (the usual 按月付息、到期还本), or in equal
/// monthly parts.
public enum RepaymentMethod: String, Sendable, Codable, CaseIterable {
    case interestOnly = "interest_only"
    case equalPrincipal = "equal_principal"
}

/// A quarter's interest subsidy: computed by the system, claimed from the treasury, paid (by another account).
public enum SubsidyStatus: String, Sendable, Codable, CaseIterable {
    case computed, claimed, paid
}

/// The path word of `POST /api/v1/loans/{id}/subsidies/{from}/{action}`.
public enum SubsidyAction: String, Sendable, Codable, CaseIterable {
    case claim, pay
    public var status: SubsidyStatus { self == .claim ? .claimed : .paid }
}
