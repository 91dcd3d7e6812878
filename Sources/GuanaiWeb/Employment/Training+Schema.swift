import GuanaiCore
import OpenAPIKit30

// Training's shapes for the OpenAPI document (issue 18). `Keys` names each type's JSON properties; APISchemaTests
// checks each against what its type reads.

extension CourseInput: APISchema {
    enum Keys: String, CodingKey { case title, topic, organiser, partner, unitCode, from, to, place, capacity }
    static let apiName = "CourseInput"
    static var apiSchema: JSONSchema {
        let range = CourseForm.capacityRange
        return .closed(
            [
                Keys.title: .string, .topic: .tokens(CourseTopic.self), .organiser: .string, .partner: .string, .unitCode: .string,
                .from: .string(format: .date), .to: .string(format: .date), .place: .string,
                .capacity: .integer(maximum: (range.upperBound, exclusive: false), minimum: (range.lowerBound, exclusive: false)),
            ], required: [.title, .topic, .organiser, .unitCode, .from, .to, .capacity])
    }
}

extension CourseDTO: APISchema {
    enum Keys: String, CodingKey {
        case id, title, topic, organiser, partner, unitCode, from, to, place, capacity, enrolled, createdAt, updatedAt
    }
    static let apiName = "Course"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .title: .string, .topic: .tokens(CourseTopic.self), .organiser: .string, .partner: .string,
                .unitCode: .string, .from: .string(format: .date), .to: .string(format: .date), .place: .string, .capacity: .integer,
                .enrolled: .integer, .createdAt: .string, .updatedAt: .string,
            ],
            required: [.id, .title, .topic, .organiser, .unitCode, .from, .to, .capacity, .enrolled, .createdAt, .updatedAt])
    }
}

extension TrainingFollowupDTO: APISchema {
    enum Keys: String, CodingKey { case id, month, outcome, note, recordedAt, recordedBy }
    static let apiName = "TrainingFollowup"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .month: .integer, .outcome: .tokens(FollowupOutcome.self), .note: .string, .recordedAt: .string,
                .recordedBy: .string,
            ], required: [.id, .month, .outcome, .recordedAt, .recordedBy])
    }
}

extension TrainingEnrolmentDTO: APISchema {
    enum Keys: String, CodingKey {
        case id, courseId, personId, name, unitCode, stage, presentDays, heldDays, certificateNo, completedOn, followupCheckOn, followups,
            createdAt
    }
    static let apiName = "TrainingEnrolment"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .courseId: .string, .personId: .string, .name: .string, .unitCode: .string,
                .stage: .tokens(EnrolmentStage.self), .presentDays: .integer, .heldDays: .integer, .certificateNo: .string,
                .completedOn: .string(format: .date), .followupCheckOn: .string(format: .date), .followups: .list(TrainingFollowupDTO.self),
                .createdAt: .string,
            ],
            required: [.id, .courseId, .personId, .name, .unitCode, .stage, .presentDays, .heldDays, .followups, .createdAt])
    }
}

extension CourseEnrolmentsDTO: APISchema {
    enum Keys: String, CodingKey { case items }
    static let apiName = "CourseEnrolments"
    static var apiSchema: JSONSchema { .closed([Keys.items: .list(TrainingEnrolmentDTO.self)]) }
}

extension CourseSuggestionDTO: APISchema {
    enum Keys: String, CodingKey { case personId, name, unitCode, trainingTopics, topicMatch, poor }
    static let apiName = "CourseSuggestion"
    static var apiSchema: JSONSchema {
        .closed([
            Keys.personId: .string, .name: .string, .unitCode: .string, .trainingTopics: .list(.tokens(CourseTopic.self)),
            .topicMatch: .boolean, .poor: .boolean,
        ])
    }
}

extension CourseSuggestionsDTO: APISchema {
    enum Keys: String, CodingKey { case items }
    static let apiName = "CourseSuggestions"
    static var apiSchema: JSONSchema { .closed([Keys.items: .list(CourseSuggestionDTO.self)]) }
}

extension TrainingEnrolmentInput: APISchema {
    enum Keys: String, CodingKey { case personId }
    static let apiName = "TrainingEnrolmentInput"
    static var apiSchema: JSONSchema { .closed([Keys.personId: .string]) }
}

extension CourseAttendanceInput: APISchema {
    enum Keys: String, CodingKey { case entries }
    enum EntryKeys: String, CodingKey { case personId, present }
    static let apiName = "CourseAttendanceInput"
    static var apiSchema: JSONSchema {
        .closed([Keys.entries: .list(.closed([EntryKeys.personId: .string, .present: .boolean]))])
    }
}

extension CourseAttendanceDTO: APISchema {
    enum Keys: String, CodingKey { case date, entries }
    enum EntryKeys: String, CodingKey { case personId, name, present }
    static let apiName = "CourseAttendance"
    static var apiSchema: JSONSchema {
        .closed([
            Keys.date: .string(format: .date),
            .entries: .list(.closed([EntryKeys.personId: .string, .name: .string, .present: .boolean], required: [.personId, .name])),
        ])
    }
}

extension TrainingCompleteInput: APISchema {
    enum Keys: String, CodingKey { case certificateNo }
    static let apiName = "TrainingCompleteInput"
    static var apiSchema: JSONSchema { .closed([Keys.certificateNo: .string]) }
}

extension TrainingFollowupInput: APISchema {
    enum Keys: String, CodingKey { case month, outcome, note }
    static let apiName = "TrainingFollowupInput"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.month: .integer(allowedValues: TrainingCheck.followupMonths.map { AnyCodable($0) }),
                .outcome: .tokens(FollowupOutcome.self), .note: .string,
            ],
            required: [.month, .outcome])
    }
}

extension TrainingRules: APISchema {
    enum Keys: String, CodingKey { case completionPercent }
    static let apiName = "TrainingRules"
    static var apiSchema: JSONSchema {
        .closed([Keys.completionPercent: .integer(maximum: (100, exclusive: false), minimum: (1, exclusive: false))])
    }
}

extension CourseEnrolmentsDTO: APIParts { static var parts: [any APISchema.Type] { [TrainingEnrolmentDTO.self] } }
extension TrainingEnrolmentDTO: APIParts { static var parts: [any APISchema.Type] { [TrainingFollowupDTO.self] } }
extension CourseSuggestionsDTO: APIParts { static var parts: [any APISchema.Type] { [CourseSuggestionDTO.self] } }
