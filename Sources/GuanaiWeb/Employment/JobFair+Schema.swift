import GuanaiCore
import OpenAPIKit30

// Job fairs' shapes for the OpenAPI document; `Keys` names each type's JSON properties (APISchemaTests checks them).

private let yuanPattern = #"^[0-9]{1,13}(\.[0-9]{1,2})?$"#

extension JobFairInput: APISchema {
    enum Keys: String, CodingKey { case name, unitCode, date, place }
    static let apiName = "JobFairInput"
    static var apiSchema: JSONSchema {
        .closed(
            [Keys.name: .string, .unitCode: .string, .date: .string(format: .date), .place: .string], required: [.name, .unitCode, .date])
    }
}

extension FairEmployerInput: APISchema {
    enum Keys: String, CodingKey { case name, contact, phone, industry }
    static let apiName = "JobFairEmployerInput"
    static var apiSchema: JSONSchema {
        .closed([Keys.name: .string, .contact: .string, .phone: .string, .industry: .string], required: [.name])
    }
}

extension FairPostingInput: APISchema {
    enum Keys: String, CodingKey { case employerId, title, payMin, payMax, place, hours, suitsCarers, openings }
    static let apiName = "JobFairPostingInput"
    /// `payMin ≤ payMax` is Core's (422 naming both).
    static var apiSchema: JSONSchema {
        let r = JobFairRules.openingsRange
        return .closed(
            [
                Keys.employerId: .string, .title: .string, .payMin: .string(pattern: yuanPattern), .payMax: .string(pattern: yuanPattern),
                .place: .string, .hours: .string, .suitsCarers: .boolean,
                .openings: .integer(maximum: (r.upperBound, exclusive: false), minimum: (r.lowerBound, exclusive: false)),
            ], required: [.employerId, .title, .openings])
    }
}

extension FairPersonInput: APISchema {
    enum Keys: String, CodingKey { case personId, postingId }
    static let apiName = "JobFairPersonInput"
    /// `postingId` for intents and hires; an attendee names only the woman.
    static var apiSchema: JSONSchema { .closed([Keys.personId: .string, .postingId: .string], required: [.personId]) }
}

extension FairFollowupInput: APISchema {
    enum Keys: String, CodingKey { case outcome, note }
    static let apiName = "JobFairFollowupInput"
    static var apiSchema: JSONSchema { .closed([Keys.outcome: .tokens(FollowupOutcome.self), .note: .string], required: [.outcome]) }
}

extension JobFairDTO: APISchema {
    enum Keys: String, CodingKey {
        case id, name, unitCode, date, place, employers, postings, attendees, intents, hires, createdAt, updatedAt
    }
    static let apiName = "JobFair"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .name: .string, .unitCode: .string, .date: .string(format: .date), .place: .nullableString,
                .employers: .integer, .postings: .integer, .attendees: .integer, .intents: .integer, .hires: .integer,
                .createdAt: .string, .updatedAt: .string,
            ],
            required: [.id, .name, .unitCode, .date, .employers, .postings, .attendees, .intents, .hires, .createdAt, .updatedAt])
    }
}

extension FairEmployerDTO: APISchema {
    enum Keys: String, CodingKey { case id, fairId, name, contact, phone, industry }
    static let apiName = "JobFairEmployer"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .fairId: .string, .name: .string, .contact: .nullableString, .phone: .nullableString,
                .industry: .nullableString,
            ], required: [.id, .fairId, .name])
    }
}

extension FairPostingDTO: APISchema {
    enum Keys: String, CodingKey { case id, fairId, employerId, title, payMin, payMax, place, hours, suitsCarers, openings, hired }
    static let apiName = "JobFairPosting"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .fairId: .string, .employerId: .string, .title: .string,
                .payMin: .string(nullable: true, pattern: yuanPattern), .payMax: .string(nullable: true, pattern: yuanPattern),
                .place: .nullableString, .hours: .nullableString, .suitsCarers: .boolean, .openings: .integer, .hired: .integer,
            ], required: [.id, .fairId, .employerId, .title, .suitsCarers, .openings, .hired])
    }
}

extension FairFollowupDTO: APISchema {
    enum Keys: String, CodingKey { case id, hireId, outcome, note, recordedOn }
    static let apiName = "JobFairFollowup"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .hireId: .string, .outcome: .tokens(FollowupOutcome.self), .note: .nullableString,
                .recordedOn: .string(format: .date),
            ], required: [.id, .hireId, .outcome, .recordedOn])
    }
}

extension FairPersonDTO: APISchema, APIParts {
    enum Keys: String, CodingKey { case id, fairId, personId, personName, postingId, hiredOn, followupDue, followupCheckOn, followup }
    static let apiName = "JobFairPerson"
    static var parts: [any APISchema.Type] { [FairFollowupDTO.self] }
    /// An attendee, an intent (with `postingId`) or a hire (also `hiredOn`, the follow-up's due day, `followupCheckOn` until
    /// the follow-up is recorded, and the follow-up). `personName` is null for a woman the caller does not reach.
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .fairId: .string, .personId: .string, .personName: .nullableString, .postingId: .nullableString,
                .hiredOn: .nullableString, .followupDue: .nullableString, .followupCheckOn: .nullableString,
                .followup: .nullable(FairFollowupDTO.self),
            ], required: [.id, .fairId, .personId])
    }
}

extension JobFairDetailDTO: APISchema, APIParts {
    enum Keys: String, CodingKey { case fair, employers, postings, attendees, intents, hires }
    static let apiName = "JobFairDetail"
    static var parts: [any APISchema.Type] { [JobFairDTO.self, FairEmployerDTO.self, FairPostingDTO.self, FairPersonDTO.self] }
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.fair: .ref(JobFairDTO.self), .employers: .list(FairEmployerDTO.self), .postings: .list(FairPostingDTO.self),
                .attendees: .list(FairPersonDTO.self), .intents: .list(FairPersonDTO.self), .hires: .list(FairPersonDTO.self),
            ], required: [.fair, .employers, .postings, .attendees, .intents, .hires])
    }
}
