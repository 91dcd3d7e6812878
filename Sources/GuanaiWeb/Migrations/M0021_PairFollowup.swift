import Fluent
import SQLKit

struct M0021_PairFollowup: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // When the sweep should look at an active pair again (the next day its contact standing can change), the
        // day it came back from a pause, and its latest contact: indexed so the sweep reads only what is due.
        try await db.schema("pairs").field("contact_check_on", .string).update()
        try await db.schema("pairs").field("resumed_on", .string).update()
        try await db.schema("pairs").field("last_contact_on", .string).update()
        try await db.sql.create(index: "pairs_contact_check").on("pairs").column("status").column("contact_check_on").run()
        try await db.schema("pair_reminders")
            .id()
            .field("pair_id", .uuid, .required)
            .field("unit_code", .string, .required)
            .field("month", .string, .required)
            .field("level", .string, .required)
            .field("days_overdue", .int, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "pair_id", "month", "level")
            .create()
        try await db.schema("pair_checkins")
            .id()
            .field("pair_id", .uuid, .required)
            .field("unit_code", .string, .required)
            .field("with_whom", .string, .required)
            .field("on_date", .string, .required)
            .field("notes", .string, .required)
            .field("by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "pair_checkins_pair").on("pair_checkins").column("pair_id").column("on_date").run()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("pair_checkins").delete()
        try await db.schema("pair_reminders").delete()
    }
}
