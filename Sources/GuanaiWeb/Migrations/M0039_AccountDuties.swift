import Fluent
import SQLKit

/// Accounts' duties beyond their role (`rights_officer`, `health_officer`): comma-joined tokens, "" for none.
struct M0039_AccountDuties: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(User.schema).field("duties", .string, .required, .sql(.default(""))).update()
    }
    func revert(on db: any Database) async throws {
        try await db.schema(User.schema).deleteField("duties").update()
    }
}
