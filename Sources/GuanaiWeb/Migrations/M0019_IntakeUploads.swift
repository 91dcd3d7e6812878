import Fluent
import SQLKit

struct M0019_IntakeUploads: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("intake_uploads")
            .id()
            .field("user_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("unit_code", .string, .required)
            .field("file_name", .string, .required)
            .field("sheet", .string)
            .field("overrides", .string, .required)
            .field("bytes", .data)
            .field("status", .string, .required)
            .field("report", .string)
            .field("rejected", .data)
            .field("created_at", .datetime, .required)
            .field("committed_at", .datetime)
            .create()
        try await db.sql.create(index: "intake_uploads_user").on("intake_uploads").column("user_id").column("created_at").run()
    }
    func revert(on db: any Database) async throws { try await db.schema("intake_uploads").delete() }
}
