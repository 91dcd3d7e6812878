import GuanaiCore
import OpenAPIKit30

extension HealthScreeningInput: APISchema {
    enum Keys: String, CodingKey {
        case personId, campaignId, programme, date, site, gynaecExam, method, cytology, hpv, clinicalExam, ultrasound
    }
    static let apiName = "HealthScreeningInput"
    /// Which results each programme and method take is Core's (422 naming each missing or extra one), not the schema's.
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.personId: .string, .campaignId: .string, .programme: .tokens(HealthProgramme.self), .date: .string(format: .date),
                .site: .string, .gynaecExam: .tokens(HealthExamFinding.self), .method: .tokens(CervicalMethod.self),
                .cytology: .tokens(CytologyResult.self), .hpv: .tokens(HPVResult.self), .clinicalExam: .tokens(HealthExamFinding.self),
                .ultrasound: .tokens(BiRads.self),
            ], required: [.personId, .programme, .date, .site])
    }
}

extension HealthStepInput: APISchema {
    enum Keys: String, CodingKey { case step, date, result, stage }
    static let apiName = "HealthStepInput"
    /// The result's words depend on the step (a finding, a cytology, a BI-RADS category, a diagnosis).
    static var apiSchema: JSONSchema {
        .closed(
            [Keys.step: .tokens(FollowupStep.self), .date: .string(format: .date), .result: .string, .stage: .tokens(CancerStage.self)],
            required: [.step, .date])
    }
}

extension HealthAttemptInput: APISchema {
    enum Keys: String, CodingKey { case on, channel, note }
    static let apiName = "HealthAttemptInput"
    static var apiSchema: JSONSchema {
        .closed(
            [Keys.on: .string(format: .date), .channel: .tokens(HealthAttemptChannel.self), .note: .string], required: [.on, .channel])
    }
}

extension HealthLostInput: APISchema {
    enum Keys: String, CodingKey { case reason }
    static let apiName = "HealthLostInput"
    static var apiSchema: JSONSchema { .closed([Keys.reason: .tokens(HealthLostReason.self)], required: [.reason]) }
}

extension HealthSettingsInput: APISchema {
    enum Keys: String, CodingKey { case earlyDiagnosis }
    enum EarlyKeys: String, CodingKey { case cervicalDiagnoses, cervicalStages, breastDiagnoses, breastStages }
    static let apiName = "HealthSettingsInput"
    static var earlySchema: JSONSchema {
        .closed(
            [
                // A precancer is neither a normal finding nor a cancer (cancers count by stage).
                EarlyKeys.cervicalDiagnoses: .list(
                    .oneOf(CervicalDiagnosis.allCases.filter { ![.normal, .cancer].contains($0) }.map(\.rawValue))),
                .cervicalStages: .list(.tokens(CancerStage.self)),
                .breastDiagnoses: .list(.oneOf(BreastDiagnosis.allCases.filter { ![.benign, .cancer].contains($0) }.map(\.rawValue))),
                .breastStages: .list(.tokens(CancerStage.self)),
            ], required: [])
    }
    static var apiSchema: JSONSchema {
        .closed(
            HealthSettings.fields.map {
                ($0.name, JSONSchema.integer(maximum: ($0.range.upperBound, false), minimum: ($0.range.lowerBound, false)))
            } + [(Keys.earlyDiagnosis.stringValue, earlySchema)], required: [])
    }
}

extension HealthSettingsDTO: APISchema {
    static let apiName = "HealthSettings"
    static var apiSchema: JSONSchema {
        .closed(
            HealthSettings.fields.map { ($0.name, JSONSchema.integer) } + [
                (HealthSettingsInput.Keys.earlyDiagnosis.stringValue, HealthSettingsInput.earlySchema)
            ],
            required: nil)
    }
}

extension HealthScreeningDTO: APISchema {
    static let apiName = "HealthScreening"
    static var apiSchema: JSONSchema {
        // The follow-up an abnormal screen opened; an ended one has no next step and no due day.
        let followUp = JSONSchema.object(
            nullable: true,
            properties: [
                "id": .string, "nextStep": JSONSchema.tokens(FollowupStep.self, nullable: true).optionalSchemaObject(),
                "due": JSONSchema.nullableString.optionalSchemaObject(),
            ],
            additionalProperties: .init(false))
        return .closed(
            [
                ("id", .string), ("personId", .string), ("name", .string), ("villageCode", .string), ("villageName", .string),
                ("campaignId", .nullableString), ("programme", .tokens(HealthProgramme.self)), ("date", .string(format: .date)),
                ("site", .string), ("gynaecExam", .tokens(HealthExamFinding.self, nullable: true)),
                ("method", .tokens(CervicalMethod.self, nullable: true)), ("cytology", .tokens(CytologyResult.self, nullable: true)),
                ("hpv", .tokens(HPVResult.self, nullable: true)), ("clinicalExam", .tokens(HealthExamFinding.self, nullable: true)),
                ("ultrasound", .tokens(BiRads.self, nullable: true)), ("abnormal", .boolean), ("followUp", followUp),
            ],
            required: [
                "id", "personId", "name", "villageCode", "villageName", "programme", "date", "site", "abnormal", "followUp",
            ])
    }
}

extension HealthFollowupDTO: APISchema {
    static let apiName = "HealthFollowup"
    static var apiSchema: JSONSchema {
        .closed(
            [
                ("id", .string), ("screeningId", .string), ("personId", .string), ("name", .string), ("villageCode", .string),
                ("villageName", .string), ("programme", .tokens(HealthProgramme.self)), ("status", .tokens(HealthFollowupStatus.self)),
                ("nextStep", .tokens(FollowupStep.self, nullable: true)), ("nextSteps", .list(.tokens(FollowupStep.self))),
                ("due", .nullableString), ("overdue", .boolean), ("openedOn", .string(format: .date)), ("endedOn", .nullableString),
                ("diagnosis", .nullableString), ("stage", .tokens(CancerStage.self, nullable: true)),
                ("lostReason", .tokens(HealthLostReason.self, nullable: true)), ("attempts", .integer),
            ],
            required: [
                "id", "screeningId", "personId", "name", "villageCode", "villageName", "programme", "status", "nextSteps", "overdue",
                "openedOn", "attempts",
            ])
    }
}

extension HealthFollowupDetailDTO: APISchema {
    static let apiName = "HealthFollowupDetail"
    static var apiSchema: JSONSchema {
        let step = JSONSchema.closed(
            [
                ("step", .tokens(FollowupStep.self)), ("date", .string(format: .date)), ("result", .nullableString),
                ("stage", .tokens(CancerStage.self, nullable: true)), ("by", .string),
            ], required: ["step", "date", "by"])
        let attempt = JSONSchema.closed(
            [("on", .string(format: .date)), ("channel", .tokens(HealthAttemptChannel.self)), ("note", .nullableString), ("by", .string)],
            required: ["on", "channel", "by"])
        return .closed(
            [
                ("followUp", .ref(HealthFollowupDTO.self)), ("screening", .ref(HealthScreeningDTO.self)), ("steps", .list(step)),
                ("attemptLog", .list(attempt)),
            ], required: nil)
    }
}

extension HealthDueDTO: APISchema {
    static let apiName = "HealthDue"
    static var apiSchema: JSONSchema {
        .closed(
            [
                ("personId", .string), ("name", .string), ("age", .integer), ("villageCode", .string), ("villageName", .string),
                ("phone", .nullableString), ("lastScreenedOn", .nullableString), ("dueSince", .string(format: .date)),
                ("poverty", .tokens(PovertyStatus.self)),
            ],
            required: ["personId", "name", "age", "villageCode", "villageName", "dueSince", "poverty"])
    }
}

extension HealthCountsDTO: APISchema {
    static let apiName = "HealthCounts"
    static var apiSchema: JSONSchema {
        let row = JSONSchema.closed(
            [("unitCode", .string), ("name", .string), ("screened", .integer), ("due", .integer), ("followupsOpen", .integer)],
            required: nil)
        return .closed(
            [
                ("unit", .string), ("name", .string), ("year", .integer), ("screened", .integer), ("due", .integer),
                ("followupsOpen", .integer), ("rows", .list(row)),
            ], required: nil)
    }
}

extension HealthIndicatorsDTO: APISchema {
    static let apiName = "HealthIndicators"
    static var apiSchema: JSONSchema {
        let item = JSONSchema.closed(
            [
                ("code", .tokens(HealthIndicatorCode.self)), ("programme", .tokens(HealthProgramme.self)), ("numerator", .integer),
                ("denominator", .integer), ("value", .nullableString), ("formula", .string),
            ], required: ["code", "programme", "numerator", "denominator", "value", "formula"])
        let row = JSONSchema.closed([("unitCode", .string), ("name", .string), ("items", .list(item))], required: nil)
        return .closed(
            [("unit", .string), ("name", .string), ("year", .integer), ("items", .list(item)), ("rows", .list(row))], required: nil)
    }
}
