import Fluent
import SQLKit

struct M0018_VisitPhotos: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("visit_photos")
            .id()
            .field("visit_id", .uuid, .required)
            .field("child_id", .uuid, .required)
            .field("n", .int, .required)
            .field("content_type", .string, .required)
            .field("bytes", .data, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "visit_id", "n")
            .create()
        try await db.sql.alter(table: "visits").column("photos", type: .int, .notNull, .default(0)).run()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("visit_photos").delete()
    }
}
