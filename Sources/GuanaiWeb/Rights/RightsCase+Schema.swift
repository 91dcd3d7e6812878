import GuanaiCore
import OpenAPIKit30

/// A list's name: never blank (a blank one would be dropped and might leave the list empty).
private func name(_ key: some CodingKey) -> JSONSchema {
    .string(minLength: 1, pattern: OpenAPIDocument.nonBlankPattern(key.stringValue))
}

extension RightsCaseInput: APISchema {
    enum Keys: String, CodingKey { case villageCode, channel, category, parties, narrative, request, receivedOn, womensHome }
    static let apiName = "RightsCaseInput"
    static var apiSchema: JSONSchema {
        let party = JSONSchema.closed(
            [
                ("role", .tokens(PartyRole.self)), ("name", .string), ("personId", .string), ("relation", .string), ("phone", .string),
            ], required: ["role", "name"])
        return .closed(
            [
                Keys.villageCode: .string, .channel: .tokens(RightsChannel.self), .category: .tokens(RightsCategory.self),
                .parties: .array(minItems: 1, maxItems: RightsCaseForm.maxParties, items: party), .narrative: .string,
                .request: .string, .receivedOn: .string(format: .date), .womensHome: .boolean,
            ], required: [.villageCode, .channel, .category, .parties, .narrative, .receivedOn])
    }
}

extension RightsMediatorsInput: APISchema {
    enum Keys: String, CodingKey { case userIds, reason }
    static let apiName = "RightsMediatorsInput"
    static var apiSchema: JSONSchema {
        .closed(
            [Keys.userIds: .array(minItems: 1, maxItems: RightsMediationForm.maxNames, items: .string), .reason: .string],
            required: [.userIds])
    }
}

extension RightsAcceptInput: APISchema {
    enum Keys: String, CodingKey { case consents, advice }
    static let apiName = "RightsAcceptInput"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.consents: .closed(
                    [(PartyRole.applicant.rawValue, .boolean), (PartyRole.respondent.rawValue, .boolean)],
                    required: [PartyRole.applicant.rawValue, PartyRole.respondent.rawValue]),
                .advice: .string,
            ], required: [.consents])
    }
}

extension RightsReasonInput: APISchema {
    enum Keys: String, CodingKey { case reason }
    static let apiName = "RightsReasonInput"
    static var apiSchema: JSONSchema { .closed([Keys.reason: .string], required: [.reason]) }
}

extension RightsMeetingInput: APISchema {
    enum Keys: String, CodingKey { case date, place, attendees, minutes }
    static let apiName = "RightsMeetingInput"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.date: .string(format: .date), .place: .string,
                .attendees: .array(minItems: 1, maxItems: RightsMediationForm.maxNames, items: name(Keys.attendees)), .minutes: .string,
            ], required: [.date, .place, .attendees, .minutes])
    }
}

extension RightsOutcomeInput: APISchema {
    enum Keys: String, CodingKey { case kind, on, content, facts, terms, performance, signedBy, signedOn, referral, advice }
    static let apiName = "RightsOutcomeInput"
    /// Which parts each kind needs is Core's (422 naming each missing one), not the schema's.
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.kind: .tokens(RightsOutcomeKind.self), .on: .string(format: .date), .content: .string, .facts: .string,
                .terms: .string, .performance: .string,
                .signedBy: .array(maxItems: RightsMediationForm.maxNames, items: name(Keys.signedBy)),
                .signedOn: .string(format: .date), .referral: .tokens(RightsReferral.self), .advice: .string,
            ], required: [.kind])
    }
}

extension RightsSafetyInput: APISchema {
    enum Keys: String, CodingKey { case risk, plan, policeReportNo, warningLetter, protectionOrder }
    static let apiName = "RightsSafetyInput"
    /// Which dates each order status needs is Core's (422 naming each), not the schema's.
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.risk: .tokens(SafetyRisk.self), .plan: .string, .policeReportNo: .string,
                .warningLetter: .closed([("issuedOn", .string(format: .date)), ("by", .string)], required: ["issuedOn", "by"]),
                .protectionOrder: RightsCaseDTO.order(required: [.appliedOn, .court, .status]),
            ], required: [.risk])
    }
}

extension RightsFollowupInput: APISchema {
    enum Keys: String, CodingKey { case on, compliance, note }
    static let apiName = "RightsFollowupInput"
    static var apiSchema: JSONSchema {
        .closed(
            [Keys.on: .string(format: .date), .compliance: .tokens(RightsCompliance.self), .note: .string], required: [.on, .compliance])
    }
}

extension RightsSettingsInput: APISchema {
    static let apiName = "RightsSettings"
    static var apiSchema: JSONSchema {
        .closed(
            RightsSettings.fields.map {
                ($0.name, JSONSchema.integer(maximum: ($0.range.upperBound, false), minimum: ($0.range.lowerBound, false)))
            }, required: nil)
    }
}

extension RightsCaseSummaryDTO: APISchema {
    static let apiName = "RightsCaseSummary"
    static var properties: [(String, JSONSchema)] {
        let assigned = JSONSchema.closed(
            [
                ("userId", .string), ("username", .string), ("name", .string), ("role", .tokens(Role.self)),
                ("kind", .tokens(RightsAssignmentKind.self)),
            ], required: ["userId", "username", "name", "role", "kind"])
        return [
            ("id", .string), ("caseNo", .string), ("villageCode", .string), ("villageName", .string),
            ("channel", .tokens(RightsChannel.self)), ("category", .tokens(RightsCategory.self)), ("status", .tokens(RightsStatus.self)),
            ("womensHome", .boolean), ("receivedOn", .string(format: .date)), ("acceptedOn", .nullableString),
            ("deadlineOn", .nullableString), ("outcomeKind", .tokens(RightsOutcomeKind.self, nullable: true)),
            ("outcomeOn", .nullableString), ("followupDueOn", .nullableString), ("closedOn", .nullableString),
            ("assigned", .list(assigned)),
        ]
    }
    static var apiSchema: JSONSchema {
        .closed(
            properties,
            required: [
                "id", "caseNo", "villageCode", "villageName", "channel", "category", "status", "womensHome", "receivedOn", "assigned",
            ])
    }
}

extension RightsCaseDTO: APISchema {
    static let apiName = "RightsCase"
    enum OrderKeys: String, CodingKey { case appliedOn, court, status, decidedOn, expiresOn }
    enum ChildKeys: String, CodingKey, CaseIterable { case household, childReports }
    static func order(required: [OrderKeys]) -> JSONSchema {
        .closed(
            [
                OrderKeys.appliedOn: .string(format: .date), .court: .string, .status: .tokens(ProtectionOrderStatus.self),
                .decidedOn: .string(format: .date), .expiresOn: .string(format: .date),
            ], required: required)
    }
    static var apiSchema: JSONSchema {
        let safety = JSONSchema.closed(
            [
                ("risk", .tokens(SafetyRisk.self)), ("plan", .string), ("policeReportNo", .string),
                ("warningLetter", .closed([("issuedOn", .string(format: .date)), ("by", .string)], required: nil)),
                ("protectionOrder", order(required: [])),
            ], required: ["risk"])
        let party = JSONSchema.closed(
            [
                ("role", .tokens(PartyRole.self)), ("name", .string), ("personId", .nullableString), ("relation", .nullableString),
                ("phone", .nullableString),
            ], required: ["role", "name"])
        let meeting = JSONSchema.closed(
            [
                ("id", .string), ("date", .string(format: .date)), ("place", .string), ("attendees", .list(.string)), ("minutes", .string),
                ("by", .string),
            ], required: ["id", "date", "place", "attendees", "minutes", "by"])
        let followup = JSONSchema.closed(
            [
                ("id", .string), ("on", .string(format: .date)), ("compliance", .tokens(RightsCompliance.self)), ("note", .nullableString),
                ("by", .string),
            ], required: ["id", "on", "compliance", "by"])
        let outcome = JSONSchema.closed(
            [
                ("kind", .tokens(RightsOutcomeKind.self)), ("on", .string(format: .date)), ("content", .nullableString),
                ("facts", .nullableString), ("terms", .nullableString), ("performance", .nullableString),
                ("signedBy", .list(.string)), ("referral", .tokens(RightsReferral.self)),
                ("advice", .nullableString),
            ], required: ["kind", "on"])
        return .closed(
            [
                ("summary", .ref(RightsCaseSummaryDTO.self)),
                ("access", .oneOf([RightsAccess.Level.full.token, RightsAccess.Level.read.token])), ("accessUntil", .nullableString),
                ("parties", .list(party)), ("narrative", .string), ("request", .nullableString), ("advice", .nullableString),
                ("declineReason", .nullableString), ("closeReason", .nullableString), ("outcome", outcome),
                ("meetings", .list(meeting)), ("followups", .list(followup)), ("safety", safety),
                (
                    "reminders",
                    .list(
                        .closed(
                            [
                                ("level", .tokens(RightsReminderLevel.self)), ("dueOn", .string(format: .date)), ("sentAt", .string),
                                ("open", .boolean),
                            ], required: nil))
                ),
                (
                    ChildKeys.household.stringValue,
                    .list(.closed([("id", .string), ("name", .string), ("age", .integer)], required: ["id", "name"]))
                ),
                (ChildKeys.childReports.stringValue, .list(.ref(RightsChildReportDTO.self))),
            ],
            required: Set(
                ["summary", "access", "parties", "narrative", "meetings", "followups", "reminders"] + ChildKeys.allCases.map(\.stringValue))
        )
    }
}

extension RightsChildReportInput: APISchema {
    enum Keys: String, CodingKey { case childId, seen, declined, reason }
    static let apiName = "RightsChildReportInput"
    /// Which of `seen` and `reason` the decision needs is Core's (422 naming it), not the schema's.
    static var apiSchema: JSONSchema {
        .closed([Keys.childId: .string, .seen: .string, .declined: .boolean, .reason: .string], required: [.childId])
    }
}

extension RightsChildReportDTO: APISchema {
    enum Keys: String, CodingKey { case id, childId, childName, reportId, declined, reason, by, at }
    static let apiName = "RightsChildReport"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .childId: .string, .childName: .string, .reportId: .nullableString, .declined: .boolean,
                .reason: .nullableString, .by: .string, .at: .string,
            ], required: [.id, .childId, .childName, .declined, .by, .at])
    }
}

extension RightsGrantDTO: APISchema {
    static let apiName = "RightsAccessEntry"
    static var apiSchema: JSONSchema {
        .closed(
            [
                ("username", .string), ("role", .tokens(Role.self)), ("kind", .tokens(RightsAccessKind.self)), ("reason", .string),
                ("at", .string), ("until", .nullableString),
            ], required: ["username", "role", "kind", "reason", "at"])
    }
}

extension RightsAccessDTO: APISchema {
    static let apiName = "RightsAccessGrant"
    static var apiSchema: JSONSchema { .closed([("until", .string)], required: ["until"]) }
}

extension RightsStatsDTO: APISchema {
    enum Keys: String, CodingKey {
        case unitCode, name, from, to, cases, accepted, resolved, resolutionRate, followupsDue, followupsOnTime, byCategory, byChannel
        case medianDaysToResolve, rows
    }
    static let apiName = "RightsStats"
    static var apiSchema: JSONSchema {
        let counts: [(Keys, JSONSchema)] = [
            (.cases, .integer), (.accepted, .integer), (.resolved, .integer), (.resolutionRate, .nullableString), (.followupsDue, .integer),
        ]
        let row = JSONSchema.closed(
            ([(Keys.unitCode, .string), (.name, .string), (.followupsOnTime, .integer)] + counts).map { ($0.0.stringValue, $0.1) },
            required: nil)
        let top: [(Keys, JSONSchema)] =
            [
                (.unitCode, .string), (.from, .string(format: .date)), (.to, .string(format: .date)), (.byCategory, .map(.integer)),
                (.byChannel, .map(.integer)), (.medianDaysToResolve, .nullableNumber), (.followupsOnTime, .nullableString),
                (.rows, .list(row)),
            ] + counts
        let required: [Keys] = [.unitCode, .from, .to, .cases, .accepted, .resolved, .byCategory, .byChannel, .rows]
        return .closed(top.map { ($0.0.stringValue, $0.1) }, required: Set(required.map(\.stringValue)))
    }
}
