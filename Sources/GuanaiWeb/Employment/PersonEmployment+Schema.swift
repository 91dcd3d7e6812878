import GuanaiCore
import OpenAPIKit30

/// The OpenAPI shape of a woman's employment record (`GET /api/v1/people/{id}/employment`).
extension PersonEmploymentDTO: APISchema {
    enum Keys: String, CodingKey { case personId, name, trainings, fairs, loans }
    static let apiName = "PersonEmployment"
    static var apiSchema: JSONSchema {
        let followup = JSONSchema.closed(
            [("month", .integer), ("outcome", .tokens(FollowupOutcome.self)), ("note", .nullableString)], required: ["month", "outcome"])
        let training = JSONSchema.closed(
            [
                ("enrolmentId", .string), ("courseId", .string), ("course", .string), ("topic", .tokens(CourseTopic.self)),
                ("from", .string(format: .date)), ("to", .string(format: .date)), ("stage", .tokens(EnrolmentStage.self)),
                ("daysHeld", .integer), ("daysPresent", .integer), ("certificateNo", .nullableString), ("completedOn", .nullableString),
                ("followups", .list(followup)),
            ],
            required: ["enrolmentId", "courseId", "course", "topic", "from", "to", "stage", "daysHeld", "daysPresent", "followups"])
        let hire = JSONSchema.closed(
            [
                ("postingId", .string), ("posting", .string), ("hiredOn", .string(format: .date)), ("followupDue", .nullableString),
                ("followup", .nullableString), ("followupNote", .nullableString),
            ], required: ["postingId", "posting", "hiredOn"])
        let fair = JSONSchema.closed(
            [
                ("fairId", .string), ("fair", .string), ("date", .string(format: .date)), ("attended", .boolean),
                ("intents", .list(.string)), ("hires", .list(hire)),
            ], required: nil)
        let loan = JSONSchema.closed(
            [
                ("id", .string), ("role", .string), ("kind", .tokens(LoanKind.self)), ("project", .string),
                ("status", .tokens(LoanStatus.self)), ("amount", .string), ("outstanding", .string), ("overdue", .boolean),
                ("appliedOn", .string(format: .date)), ("disbursedOn", .nullableString), ("settledOn", .nullableString),
            ],
            required: ["id", "role", "kind", "project", "status", "amount", "outstanding", "overdue", "appliedOn"])
        return .closed(
            [Keys.personId: .string, .name: .string, .trainings: .list(training), .fairs: .list(fair), .loans: .list(loan)])
    }
}
