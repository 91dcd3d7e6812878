import Fluent
import SQLKit

struct M0028_IntakeLease: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("intake_uploads").field("claimed_until", .datetime).update()
        try await db.schema("intake_uploads").field("claimed_by", .string).update()
        // One live import per account, whichever instance claims it.
        try await db.sql.raw("CREATE UNIQUE INDEX intake_uploads_one_claim ON intake_uploads (user_id) WHERE claimed_until IS NOT NULL")
            .run()
    }
    func revert(on db: any Database) async throws {
        try await db.sql.raw("DROP INDEX intake_uploads_one_claim").run()
        try await db.schema("intake_uploads").deleteField("claimed_by").update()
        try await db.schema("intake_uploads").deleteField("claimed_until").update()
    }
}
