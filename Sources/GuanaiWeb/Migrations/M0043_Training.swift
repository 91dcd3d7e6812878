import Fluent
import SQLKit

struct M0043_Training: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // The course topics a woman wants (`WomanDetail.trainingTopics`), tokens joined by commas.
        try await db.schema("women").field("training_topics", .string).update()
        try await db.schema("courses")
            .id()
            .field("title", .string, .required)
            .field("topic", .string, .required)
            .field("organiser", .string, .required)
            .field("partner", .string)
            .field("unit_code", .string, .required)
            .field("from_on", .string, .required)
            .field("to_on", .string, .required)
            .field("place", .string)
            .field("capacity", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "courses_unit").on("courses").column("unit_code").column("from_on").run()
        // One woman once per course; `unit_code` is hers, so a village worker's reach is one range on it.
        try await db.schema("training_enrolments")
            .id()
            .field("course_id", .uuid, .required)
            .field("person_id", .uuid, .required)
            .field("unit_code", .string, .required)
            .field("stage", .string, .required)
            .field("certificate_no", .string)
            .field("completed_on", .string)
            // The day the next missing follow-up is late (due + 7 days); nil when none is missing. The sweep reads it.
            .field("followup_check_on", .string)
            .field("created_at", .datetime, .required)
            .field("created_by", .string, .required)
            .unique(on: "course_id", "person_id")
            .create()
        try await db.sql.create(index: "training_enrolments_person").on("training_enrolments").column("person_id").run()
        try await db.sql.create(index: "training_enrolments_check").on("training_enrolments").column("followup_check_on").run()
        try await db.schema("training_attendance")
            .id()
            .field("course_id", .uuid, .required)
            .field("enrolment_id", .uuid, .required)
            .field("day", .string, .required)
            .field("present", .bool, .required)
            .unique(on: "enrolment_id", "day")
            .create()
        try await db.sql.create(index: "training_attendance_course").on("training_attendance").column("course_id").column("day").run()
        try await db.schema("training_followups")
            .id()
            .field("enrolment_id", .uuid, .required)
            .field("month", .int, .required)
            .field("outcome", .string, .required)
            .field("note", .string)
            .field("recorded_at", .datetime, .required)
            .field("recorded_by", .string, .required)
            .unique(on: "enrolment_id", "month")
            .create()
    }
    func revert(on db: any Database) async throws {
        for t in ["training_followups", "training_attendance", "training_enrolments", "courses"] { try await db.schema(t).delete() }
        try await db.schema("women").deleteField("training_topics").update()
    }
}
