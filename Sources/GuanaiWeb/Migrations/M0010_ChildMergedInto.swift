import Fluent
import SQLKit

struct M0010_ChildMergedInto: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("children").field("merged_into", .uuid).update()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("children").deleteField("merged_into").update()
    }
}
