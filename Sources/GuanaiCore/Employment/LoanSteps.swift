/// `POST /api/v1/loans/{id}/steps`: one decision on a loan, in order, never by the account that made the previous one.
public struct LoanStepInput: Codable, Sendable, Equatable {
    public var step: String?
    public var decision: String?
    public var reason: String?
    public var documentNo: String?
    public var on: String?
    /// `bank_approval`: the loan as the bank approves it; `disburse`: the amount paid out.
    public var amount: String?
    public var rateBP: Int?
    public var termMonths: Int?
    public var method: String?
    public init(
        step: String? = nil, decision: String? = nil, reason: String? = nil, documentNo: String? = nil, on: String? = nil,
        amount: String? = nil, rateBP: Int? = nil, termMonths: Int? = nil, method: String? = nil
    ) {
        self.step = step
        self.decision = decision
        self.reason = reason
        self.documentNo = documentNo
        self.on = on
        self.amount = amount
        self.rateBP = rateBP
        self.termMonths = termMonths
        self.method = method
    }
}

extension LoanStep {
    /// The step a loan in `status` waits for; nil once disbursed, settled or rejected.
    public static func next(after status: LoanStatus) -> LoanStep? {
        switch status {
        case .applied: return .recommend
        case .recommended: return .hrReview
        case .hrApproved: return .guarantee
        case .guaranteed: return .bankApproval
        case .bankApproved: return .disburse
        case .disbursed, .settled, .rejected: return nil
        }
    }

    /// Where an approval moves the loan.
    public var approvedStatus: LoanStatus {
        switch self {
        case .recommend: return .recommended
        case .hrReview: return .hrApproved
        case .guarantee: return .guaranteed
        case .bankApproval: return .bankApproved
        case .disburse: return .disbursed
        }
    }

    /// Who records it: the federation recommends; the labour department (`partner_hr`) records its own review and
    /// enters the agency's and the bank's written decisions with their document number (they have no accounts).
    public var recordedBy: Set<Role> {
        self == .recommend ? [.townshipStaff, .cityAdmin] : [.partnerHR]
    }

    /// Steps whose decision is a document of another body: its number is required.
    public var needsDocument: Bool { self != .recommend }
}

/// A step that passed every check: what the web layer stores.
public struct CheckedLoanStep: Sendable, Equatable {
    public let step: LoanStep
    public let decision: LoanDecision
    public let status: LoanStatus
    public let on: CivilDate
    public let reason: String?
    public let documentNo: String?
    /// Set by `bank_approval` (the terms) and `disburse` (the amount paid out).
    public let amount: Yuan?
    public let rateBP: Int?
    public let lprBP: Int?
    public let termMonths: Int?
    public let method: RepaymentMethod?
}

public enum LoanStepRules {
    /// What the rules look at about the loan.
    public struct Facts: Sendable, Equatable {
        public let status: LoanStatus
        /// The account that recorded the application or the last step: it may not record the next one.
        public let lastActor: String
        public let applied: Yuan
        public let approved: Yuan?
        public let appliedOn: CivilDate
        public let lastStepOn: CivilDate?
        public init(status: LoanStatus, lastActor: String, applied: Yuan, approved: Yuan?, appliedOn: CivilDate, lastStepOn: CivilDate?) {
            self.status = status
            self.lastActor = lastActor
            self.applied = applied
            self.approved = approved
            self.appliedOn = appliedOn
            self.lastStepOn = lastStepOn
        }
    }

    /// Every bad field named: the step out of order or by the account that made the last one (`step`), a rejection
    /// without a reason, a missing document number, a date in the future or before the last step, and for the bank
    /// its terms (rate above LPR + cap → `rateBP`, term above the policy's, amount above what was applied for), for the
    /// disbursement an amount above the approved one.
    public static func check(
        _ i: LoanStepInput, facts: Facts, actor: String, policy: LoanPolicy, today: CivilDate, _ c: inout FormChecker
    ) -> CheckedLoanStep? {
        let step = c.token(i.step, "step", LoanStep.self)
        let decision = c.token(i.decision, "decision", LoanDecision.self)
        let on = (i.on ?? "").isEmpty ? today : c.date(i.on, "on")
        if let step {
            if LoanStep.next(after: facts.status) != step {
                c.errors.append(
                    FieldError(field: "step", key: "loan.error.order", args: [LoanStep.next(after: facts.status)?.rawValue ?? ""]))
            } else if actor == facts.lastActor {
                c.errors.append(FieldError(field: "step", key: "loan.error.makerChecker"))
            }
        }
        let reason = FormChecker().text(i.reason)
        if decision == .rejected, reason == nil { c.errors.append(FieldError(field: "reason", key: "field.error.required")) }
        let document = FormChecker().text(i.documentNo)
        if let step, step.needsDocument, document == nil { c.errors.append(FieldError(field: "documentNo", key: "field.error.required")) }
        if let on {
            if on > today { c.errors.append(FieldError(field: "on", key: "pairing.error.future")) }
            if on < (facts.lastStepOn ?? facts.appliedOn) { c.errors.append(FieldError(field: "on", key: "loan.error.beforeLast")) }
        }
        var amount: Yuan? = nil, rate: Int? = nil, lpr: Int? = nil, term: Int? = nil, method: RepaymentMethod? = nil
        if decision == .approved, step == .bankApproval {
            amount = money(i.amount, "amount", most: facts.applied, &c)
            lpr = on.flatMap { policy.lpr(on: $0) }
            if let r = i.rateBP {
                if let lpr, r > lpr + policy.rateCapOverLprBP {
                    c.errors.append(FieldError(field: "rateBP", key: "loan.error.rateCap", args: [String(lpr + policy.rateCapOverLprBP)]))
                } else if r <= 0 {
                    c.errors.append(
                        FieldError(
                            field: "rateBP", key: "employment.error.range", args: ["1", String((lpr ?? 0) + policy.rateCapOverLprBP)]))
                }
                rate = r
            } else {
                c.errors.append(FieldError(field: "rateBP", key: "field.error.required"))
            }
            if on != nil, lpr == nil { c.errors.append(FieldError(field: "on", key: "loan.error.noLpr")) }
            if let t = i.termMonths {
                if t < 1 || t > policy.maxTermMonths {
                    c.errors.append(FieldError(field: "termMonths", key: "loan.term", args: [String(policy.maxTermMonths)]))
                }
                term = t
            } else {
                c.errors.append(FieldError(field: "termMonths", key: "field.error.required"))
            }
            method = (i.method ?? "").isEmpty ? .interestOnly : c.token(i.method, "method", RepaymentMethod.self)
        }
        if decision == .approved, step == .disburse { amount = money(i.amount, "amount", most: facts.approved ?? facts.applied, &c) }
        guard c.errors.isEmpty, let step, let decision, let on else { return nil }
        return CheckedLoanStep(
            step: step, decision: decision, status: decision == .rejected ? .rejected : step.approvedStatus, on: on, reason: reason,
            documentNo: document, amount: amount, rateBP: rate, lprBP: lpr, termMonths: term, method: method)
    }

    static func money(_ raw: String?, _ field: String, most: Yuan, _ c: inout FormChecker) -> Yuan? {
        guard let raw, !raw.trimmingCharacters(in: .whitespaces).isEmpty else {
            c.errors.append(FieldError(field: field, key: "field.error.required"))
            return nil
        }
        guard let y = Yuan(raw), y.fen > 0 else {
            c.errors.append(FieldError(field: field, key: "employment.error.amount"))
            return nil
        }
        if y > most { c.errors.append(FieldError(field: field, key: "loan.amount_over", args: [most.description])) }
        return y
    }
}
