import GuanaiCore
import OpenAPIKit30

extension LoanApplicationInput: APISchema {
    enum Keys: String, CodingKey { case personId, kind, amount, termMonths, partnerIds, project }
    static let apiName = "LoanApplication"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.personId: .string, .kind: .tokens(LoanKind.self), .amount: .string(pattern: #"^[0-9]{1,13}(\.[0-9]{1,2})?$"#),
                .termMonths: .integer(maximum: (360, false), minimum: (1, false)), .partnerIds: .list(.string), .project: .string,
            ], required: [.personId, .kind, .amount, .termMonths])
    }
}

extension LoanEligibilityDTO: APISchema {
    enum Keys: String, CodingKey { case eligible, maxAmount, reasons }
    enum ReasonKeys: String, CodingKey { case code, field, message }
    static let apiName = "LoanEligibility"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.eligible: .boolean, .maxAmount: .nullableString,
                .reasons: .list(
                    .closed([ReasonKeys.code: .string, .field: .string, .message: .string], required: [.code, .field, .message])),
            ], required: [.eligible, .reasons])
    }
}

extension LoanPolicyInput: APISchema {
    enum Keys: String, CodingKey {
        case individualMax, partnershipPercent, maxTermMonths, rateCapOverLprBP, borrowerBelowLprBP, maxLoans, minAge, maxAge, lpr
    }
    enum LPRKeys: String, CodingKey { case from, rateBP }
    static let apiName = "LoanPolicy"
    /// What no schema states stays Core's (a positive amount within ten billion, ages in order, an LPR dated once).
    static var apiSchema: JSONSchema {
        let lpr = JSONSchema.closed(
            [LPRKeys.from: .string(format: .date), .rateBP: .integer(maximum: (5000, false), minimum: (0, false))],
            required: [.from, .rateBP])
        return .closed(
            [
                Keys.individualMax: .string(pattern: #"^[0-9]{1,13}(\.[0-9]{1,2})?$"#),
                .partnershipPercent: .integer(maximum: (1000, false), minimum: (0, false)),
                .maxTermMonths: .integer(maximum: (360, false), minimum: (1, false)),
                .rateCapOverLprBP: .integer(maximum: (2000, false), minimum: (0, false)),
                .borrowerBelowLprBP: .integer(maximum: (2000, false), minimum: (0, false)),
                .maxLoans: .integer(maximum: (100, false), minimum: (1, false)),
                .minAge: .integer(maximum: (100, false), minimum: (16, false)),
                .maxAge: .integer(maximum: (100, false), minimum: (16, false)),
                .lpr: .array(minItems: 1, items: lpr),
            ],
            required: [
                .individualMax, .partnershipPercent, .maxTermMonths, .rateCapOverLprBP, .borrowerBelowLprBP, .maxLoans, .minAge, .maxAge,
                .lpr,
            ])
    }
}

extension LoanStepInput: APISchema {
    enum Keys: String, CodingKey { case step, decision, reason, documentNo, on, amount, rateBP, termMonths, method }
    static let apiName = "LoanStepInput"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.step: .tokens(LoanStep.self), .decision: .tokens(LoanDecision.self), .reason: .string, .documentNo: .string,
                .on: .string(format: .date), .amount: .string(pattern: #"^[0-9]{1,13}(\.[0-9]{1,2})?$"#),
                .rateBP: .integer(maximum: (5000, false), minimum: (1, false)),
                .termMonths: .integer(maximum: (360, false), minimum: (1, false)), .method: .tokens(RepaymentMethod.self),
            ], required: [.step, .decision])
    }
}

extension LoanRepaymentInput: APISchema {
    enum Keys: String, CodingKey { case on, principal, interest }
    static let apiName = "LoanRepaymentInput"
    static var apiSchema: JSONSchema {
        let money = JSONSchema.string(pattern: #"^[0-9]{0,13}(\.[0-9]{1,2})?$"#)
        return .closed([Keys.on: .string(format: .date), .principal: money, .interest: money], required: [.on])
    }
}

extension LoanDTO: APISchema {
    enum Keys: String, CodingKey {
        case id, personId, borrowerName, unitCode, kind, partnerIds, project, amount, termMonths, status, appliedOn, approvedAmount
        case rateBP, lprBP, borrowerRateBP, approvedTermMonths, method, disbursedOn, disbursedAmount, outstanding, overdue, settledOn
        case nextStep, steps, schedule, repayments, subsidies
    }
    static let apiName = "Loan"
    static var apiSchema: JSONSchema {
        let step = JSONSchema.closed(
            [
                ("step", .tokens(LoanStep.self)), ("decision", .tokens(LoanDecision.self)), ("by", .string), ("at", .string),
                ("on", .string(format: .date)), ("documentNo", .nullableString), ("reason", .nullableString),
            ], required: ["step", "decision", "by", "at", "on"])
        let row = JSONSchema.closed(
            [("due", .string(format: .date)), ("principal", .string), ("interest", .string), ("overdue", .boolean)],
            required: ["due", "principal", "interest", "overdue"])
        let paid = JSONSchema.closed(
            [("on", .string(format: .date)), ("principal", .string), ("interest", .string), ("source", .string)],
            required: ["on", "principal", "interest", "source"])
        let subsidy = JSONSchema.closed(
            [
                ("from", .string(format: .date)), ("to", .string(format: .date)), ("days", .integer), ("outstanding", .string),
                ("interest", .string), ("borrowerInterest", .string), ("subsidy", .string), ("status", .tokens(SubsidyStatus.self)),
            ], required: ["from", "to", "days", "outstanding", "interest", "borrowerInterest", "subsidy", "status"])
        return .closed(
            [
                Keys.id: .string, .personId: .string, .borrowerName: .string, .unitCode: .string, .kind: .tokens(LoanKind.self),
                .partnerIds: .list(.string), .project: .string, .amount: .string, .termMonths: .integer,
                .status: .tokens(LoanStatus.self), .appliedOn: .string(format: .date), .approvedAmount: .nullableString,
                .rateBP: .nullableInteger, .lprBP: .nullableInteger, .borrowerRateBP: .nullableInteger,
                .approvedTermMonths: .nullableInteger, .method: .nullableString, .disbursedOn: .nullableString,
                .disbursedAmount: .nullableString, .outstanding: .string, .overdue: .boolean, .settledOn: .nullableString,
                .nextStep: .nullableString, .steps: .list(step), .schedule: .list(row), .repayments: .list(paid),
                .subsidies: .list(subsidy),
            ],
            required: [
                .id, .personId, .borrowerName, .unitCode, .kind, .partnerIds, .project, .amount, .termMonths, .status, .appliedOn,
                .outstanding, .overdue, .steps, .schedule, .repayments, .subsidies,
            ])
    }
}

extension LoanPortfolioDTO: APISchema {
    enum Keys: String, CodingKey { case unitCode, count, amount, outstanding, overdueAmount, overdueRate, subsidyPaid, women, rows }
    static let apiName = "LoanPortfolio"
    static var apiSchema: JSONSchema {
        let figures: [(String, JSONSchema)] = [
            ("unitCode", .string), ("count", .integer), ("amount", .string), ("outstanding", .string), ("overdueAmount", .string),
            ("women", .integer), ("overdueRate", .nullableString), ("subsidyPaid", .string),
        ]
        // Every figure is always there; the rate alone may be null (nothing outstanding).
        let required = Set(figures.map(\.0)).subtracting(["overdueRate"])
        return .closed(
            figures + [("rows", .list(.closed(figures + [("name", .string)], required: required.union(["name"]))))],
            required: required.union(["rows"]))
    }
}
