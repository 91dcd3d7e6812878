import Fluent
import SQLKit

struct M0016_Outbox: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("outbox").id()
            .field("channel", .string, .required).field("dedupe_key", .string, .required).field("alert_id", .uuid, .required)
            .field("user_id", .uuid).field("payload", .string, .required).field("status", .string, .required)
            .field("attempts", .int, .required).field("next_attempt_at", .datetime, .required).field("claimed_until", .datetime)
            .field("last_error", .string).field("created_at", .datetime, .required).field("sent_at", .datetime)
            .unique(on: "dedupe_key")
            .create()
        try await db.sql.create(index: "outbox_due").on("outbox").column("status").column("next_attempt_at").run()
        try await db.sql.create(index: "outbox_alert").on("outbox").column("alert_id").run()
    }
    func revert(on db: any Database) async throws { try await db.schema("outbox").delete() }
}
