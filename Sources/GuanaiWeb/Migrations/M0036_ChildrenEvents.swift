import Fluent
import SQLKit

/// Children's events (issue 17, item 7); a donation's allocation may name one.
struct M0036_ChildrenEvents: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("children_events")
            .id()
            .field("unit_code", .string, .required)
            .field("kind", .string, .required)
            .field("date", .string, .required)
            .field("title", .string, .required)
            .field("participants", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "children_events_unit").on("children_events").column("unit_code").run()
    }
    func revert(on db: any Database) async throws { try await db.schema("children_events").delete() }
}
