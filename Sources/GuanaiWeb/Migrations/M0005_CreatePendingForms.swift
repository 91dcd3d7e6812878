import Fluent
import SQLKit

struct M0005_CreatePendingForms: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("pending_forms")
            .id()
            .field("user_id", .uuid, .required)
            .field("path", .string, .required)
            .field("fields", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("pending_forms").delete() }
}
