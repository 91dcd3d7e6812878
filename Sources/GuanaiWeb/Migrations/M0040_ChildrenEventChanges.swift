import Fluent
import SQLKit
import GuanaiCore

/// Events may be changed and cancelled (issue 17, item 7): a status, the reason given, and when it last changed.
struct M0040_ChildrenEventChanges: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("children_events").field("status", .string, .required, .sql(.default(ChildrenEventStatus.active.rawValue)))
            .update()
        try await db.schema("children_events").field("cancel_reason", .string).update()
        try await db.schema("children_events").field("updated_at", .datetime).update()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("children_events").deleteField("updated_at").update()
        try await db.schema("children_events").deleteField("cancel_reason").update()
        try await db.schema("children_events").deleteField("status").update()
    }
}
