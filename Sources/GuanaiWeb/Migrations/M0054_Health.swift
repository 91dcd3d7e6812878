import Fluent
import SQLKit

/// 两癌 screening results and their follow-ups (issue 20). A screening keeps the village the woman belonged to that
/// day; `health_histories` keeps her last screen of each kind, so due lists and coverage read one row per woman
/// instead of her every screen. `health_followups.check_on` is the next day the sweep looks at a follow-up (indexed,
/// as `rights_cases.check_on`).
struct M0054_Health: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("health_screenings")
            .id()
            .field("person_id", .uuid, .required)
            .field("unit_code", .string, .required)
            .field("campaign_id", .uuid)
            .field("programme", .string, .required)
            .field("date", .string, .required)
            .field("site", .string, .required)
            .field("gynaec_exam", .string)
            .field("method", .string)
            .field("cytology", .string)
            .field("hpv", .string)
            .field("clinical_exam", .string)
            .field("ultrasound", .string)
            .field("abnormal", .bool, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "health_screenings_unit").on("health_screenings").column("unit_code").column("date").run()
        try await db.sql.create(index: "health_screenings_person").on("health_screenings").column("person_id").run()
        try await db.sql.create(index: "health_screenings_campaign").on("health_screenings").column("campaign_id").run()
        try await db.schema("health_followups")
            .id()
            .field("screening_id", .uuid, .required)
            .field("person_id", .uuid, .required)
            .field("unit_code", .string, .required)
            .field("programme", .string, .required)
            .field("status", .string, .required)
            .field("next_steps", .string, .required)
            .field("due_on", .string)
            .field("since", .string, .required)
            .field("opened_on", .string, .required)
            .field("first_due_on", .string, .required)
            .field("ended_on", .string)
            .field("diagnosis", .string)
            .field("stage", .string)
            .field("lost_reason", .string)
            .field("attempts", .int, .required)
            .field("check_on", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "screening_id")
            .create()
        try await db.sql.create(index: "health_followups_unit").on("health_followups").column("unit_code").column("status").run()
        try await db.sql.create(index: "health_followups_check").on("health_followups").column("check_on").run()
        for table in ["health_steps", "health_attempts"] {
            var b = db.schema(table).id().field("followup_id", .uuid, .required)
            if table == "health_steps" {
                b = b.field("step", .string, .required).field("date", .string, .required).field("result", .string).field("stage", .string)
            } else {
                b = b.field("on", .string, .required).field("channel", .string, .required).field("note", .string)
            }
            try await b.field("by_name", .string, .required).field("created_at", .datetime, .required).create()
            try await db.sql.create(index: SQLIdentifier("\(table)_followup")).on(table).column("followup_id").run()
        }
        try await db.schema("health_histories")
            .field("person_id", .uuid, .identifier(auto: false))
            .field("unit_code", .string, .required)
            .field("last_cytology", .string)
            .field("last_hpv", .string)
            .field("last_breast", .string)
            .create()
        try await db.sql.create(index: "health_histories_unit").on("health_histories").column("unit_code").run()
    }

    func revert(on db: any Database) async throws {
        for t in ["health_histories", "health_attempts", "health_steps", "health_followups", "health_screenings"] {
            try await db.schema(t).delete()
        }
    }
}
