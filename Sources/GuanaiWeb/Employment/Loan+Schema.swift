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
