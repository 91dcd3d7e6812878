/// `POST /api/v1/loans/eligibility` and the checks of an application: who may borrow how much for how long.
public struct LoanApplicationInput: Codable, Sendable, Equatable {
    public var personId: String?
    public var kind: String?
    public var amount: String?
    public var termMonths: Int?
    public var partnerIds: [String]?
    public var project: String?
    public init(
        personId: String? = nil, kind: String? = nil, amount: String? = nil, termMonths: Int? = nil, partnerIds: [String]? = nil,
        project: String? = nil
    ) {
        self.personId = personId
        self.kind = kind
        self.amount = amount
        self.termMonths = termMonths
        self.partnerIds = partnerIds
        self.project = project
    }
}

/// What the rules look at about one borrower, read by the caller.
public struct Borrower: Sendable, Equatable {
    public struct PriorLoan: Sendable, Equatable {
        public let status: LoanStatus
        /// Ever overdue (a flag that stays once raised).
        public let everOverdue: Bool
        /// When it was settled or applied for, to find the last one.
        public let on: CivilDate
        public init(status: LoanStatus, everOverdue: Bool, on: CivilDate) {
            self.status = status
            self.everOverdue = everOverdue
            self.on = on
        }
    }
    public let female: Bool
    public let alive: Bool
    public let birthDate: CivilDate?
    public let loans: [PriorLoan]
    public init(female: Bool, alive: Bool, birthDate: CivilDate?, loans: [PriorLoan]) {
        self.female = female
        self.alive = alive
        self.birthDate = birthDate
        self.loans = loans
    }
}

/// One reason an application fails, as `{"code","message"}` (the message is the web catalogue's for `code`), on the
/// field a 422 names.
public struct LoanReason: Sendable, Equatable {
    public let code: String
    public let field: String
    public let args: [String]
    public init(_ code: String, _ field: String, _ args: [String] = []) {
        self.code = code
        self.field = field
        self.args = args
    }
}

public struct LoanEligibility: Sendable, Equatable {
    public let eligible: Bool
    /// The most this kind of loan may be for these borrowers (nil when the kind is unknown).
    public let maxAmount: Yuan?
    public let reasons: [LoanReason]
}

public enum LoanRules {
    /// The applicant and each partner (by `partnerIds` order; nil when not found in the jurisdiction) judged against
    /// the policy on `today`. Every reason is given, not only the first.
    public static func eligibility(
        _ input: LoanApplicationInput, applicant: Borrower?, partners: [Borrower?], policy: LoanPolicy, today: CivilDate
    ) -> LoanEligibility {
        var reasons: [LoanReason] = []
        let kind = input.kind.flatMap { LoanKind(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
        if kind == nil { reasons.append(LoanReason(input.kind == nil ? "loan.kind_required" : "loan.kind", "kind")) }
        if let applicant {
            reasons += borrower(applicant, field: "personId", policy: policy, today: today)
        } else {
            reasons.append(LoanReason("loan.person", "personId"))
        }
        let ids = input.partnerIds ?? []
        if kind == .individual, !ids.isEmpty { reasons.append(LoanReason("loan.partners_individual", "partnerIds")) }
        if kind == .partnership, ids.isEmpty { reasons.append(LoanReason("loan.partners_required", "partnerIds")) }
        var seen: Set<String> = [input.personId ?? ""]
        for (i, id) in ids.enumerated() {
            let field = "partnerIds[\(i)]"
            if !seen.insert(id).inserted { reasons.append(LoanReason("loan.partner_twice", field)); continue }
            guard kind == .partnership else { continue }
            if let p = partners.indices.contains(i) ? partners[i] : nil {
                reasons += borrower(p, field: field, policy: policy, today: today)
            } else {
                reasons.append(LoanReason("loan.person", field))
            }
        }
        let maxAmount = kind.map { maximum($0, people: 1 + ids.count, policy: policy) }
        if let raw = input.amount {
            if let amount = Yuan(raw), amount.fen > 0 {
                if let maxAmount, amount > maxAmount { reasons.append(LoanReason("loan.amount_over", "amount", [maxAmount.description])) }
            } else {
                reasons.append(LoanReason("loan.amount", "amount"))
            }
        } else {
            reasons.append(LoanReason("loan.amount_required", "amount"))
        }
        if let term = input.termMonths {
            if term < 1 || term > policy.maxTermMonths {
                reasons.append(LoanReason("loan.term", "termMonths", [String(policy.maxTermMonths)]))
            }
        } else {
            reasons.append(LoanReason("loan.term_required", "termMonths"))
        }
        return LoanEligibility(eligible: reasons.isEmpty, maxAmount: maxAmount, reasons: reasons)
    }

    /// An individual's limit; partners together up to `partnershipPercent` of their individual limits summed.
    public static func maximum(_ kind: LoanKind, people: Int, policy: LoanPolicy) -> Yuan {
        switch kind {
        case .individual: return policy.individualMax
        case .partnership: return Yuan(fen: policy.individualMax.fen * Int64(people) * Int64(policy.partnershipPercent) / 100)
        }
    }

    /// A woman alive, aged `minAge`–`maxAge` (周岁), with fewer than `maxLoans` loans, none still open, and the last one
    /// settled without ever falling overdue.
    static func borrower(_ b: Borrower, field: String, policy: LoanPolicy, today: CivilDate) -> [LoanReason] {
        var out: [LoanReason] = []
        if !b.alive { out.append(LoanReason("loan.person", field)) }
        if !b.female { out.append(LoanReason("loan.female", field)) }
        if let born = b.birthDate {
            let age = Age.years(born: born, on: today)
            if age < policy.minAge || age > policy.maxAge {
                out.append(LoanReason("loan.age", field, [String(policy.minAge), String(policy.maxAge)]))
            }
        } else {
            out.append(LoanReason("loan.age_unknown", field))
        }
        let counted = b.loans.filter { $0.status != .rejected }
        if counted.count >= policy.maxLoans { out.append(LoanReason("loan.too_many", field, [String(policy.maxLoans)])) }
        if counted.contains(where: { $0.status != .settled }) {
            out.append(LoanReason("loan.open", field))
        } else if let last = counted.max(by: { $0.on < $1.on }), last.everOverdue {
            out.append(LoanReason("loan.last_overdue", field))
        }
        return out
    }
}
