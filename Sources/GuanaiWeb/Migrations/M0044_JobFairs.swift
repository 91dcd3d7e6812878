import Fluent
import SQLKit

/// Job fairs (issue 18): the fair, its employers and postings (pay in whole fen), who came, who wanted which job, who
/// was hired, and the hire's one follow-up. A woman attends a fair once and is hired once per posting: the database's
/// rule too, so two clerks typing at once cannot record her twice.
struct M0044_JobFairs: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("job_fairs")
            .id()
            .field("unit_code", .string, .required)
            .field("name", .string, .required)
            .field("date", .string, .required)
            .field("place", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "job_fairs_unit").on("job_fairs").column("unit_code").column("date").run()
        try await db.schema("job_fair_employers")
            .id()
            .field("fair_id", .uuid, .required)
            .field("name", .string, .required)
            .field("contact", .string)
            .field("phone", .string)
            .field("industry", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "job_fair_employers_fair").on("job_fair_employers").column("fair_id").run()
        try await db.schema("job_fair_postings")
            .id()
            .field("fair_id", .uuid, .required)
            .field("employer_id", .uuid, .required)
            .field("title", .string, .required)
            .field("pay_min_fen", .int64)
            .field("pay_max_fen", .int64)
            .field("place", .string)
            .field("hours", .string)
            .field("suits_carers", .bool, .required)
            .field("openings", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "job_fair_postings_fair").on("job_fair_postings").column("fair_id").run()
        try await db.schema("job_fair_attendees")
            .id()
            .field("fair_id", .uuid, .required)
            .field("person_id", .uuid, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "fair_id", "person_id")
            .create()
        try await db.sql.create(index: "job_fair_attendees_person").on("job_fair_attendees").column("person_id").run()
        try await db.schema("job_fair_intents")
            .id()
            .field("fair_id", .uuid, .required)
            .field("person_id", .uuid, .required)
            .field("posting_id", .uuid, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "posting_id", "person_id")
            .create()
        try await db.sql.create(index: "job_fair_intents_fair").on("job_fair_intents").column("fair_id").run()
        try await db.schema("job_fair_hires")
            .id()
            .field("fair_id", .uuid, .required)
            .field("person_id", .uuid, .required)
            .field("posting_id", .uuid, .required)
            .field("hired_on", .string, .required)
            // The day the 3-month follow-up counts as missing (due + 7 days); nil once recorded. Read by the sweep.
            .field("followup_check_on", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "posting_id", "person_id")
            .create()
        try await db.sql.create(index: "job_fair_hires_fair").on("job_fair_hires").column("fair_id").run()
        try await db.sql.create(index: "job_fair_hires_check").on("job_fair_hires").column("followup_check_on").run()
        try await db.schema("job_fair_followups")
            .id()
            .field("hire_id", .uuid, .required)
            .field("outcome", .string, .required)
            .field("note", .string)
            .field("recorded_on", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "hire_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        for t in [
            "job_fair_followups", "job_fair_hires", "job_fair_intents", "job_fair_attendees", "job_fair_postings", "job_fair_employers",
            "job_fairs",
        ] { try await db.schema(t).delete() }
    }
}
