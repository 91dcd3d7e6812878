import Fluent
import SQLKit

struct M0002_CreateUnitChanges: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("unit_changes")
            .id()
            .field("unit_code", .string, .required)
            .field("change", .string, .required)
            .field("detail", .string, .required)
            .field("reason", .string, .required)
            .field("actor_id", .string)
            .field("actor_name", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await db.sql.create(index: "unit_changes_unit").on("unit_changes").column("unit_code").run()
    }
    func revert(on db: any Database) async throws { try await db.schema("unit_changes").delete() }
}
