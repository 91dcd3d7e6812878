import Fluent
import SQLKit

struct M0004_CreateSessions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("sessions")
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("csrf", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("ended_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await db.sql.create(index: "sessions_user").on("sessions").column("user_id").run()
    }
    func revert(on db: any Database) async throws { try await db.schema("sessions").delete() }
}
