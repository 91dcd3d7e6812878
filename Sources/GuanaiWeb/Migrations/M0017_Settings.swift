import Fluent
import SQLKit

/// The safety net's numbers, stored in the database so every instance applies the same ones; changed by a city
/// admin (`edit_rules`), audited field by field, applied to every monitored child at the next sweep.
struct M0017_Settings: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.sql.create(table: "settings")
            .column("key", type: .text, .primaryKey(autoIncrement: false))
            .column("value", type: .text, .notNull)
            .column("updated_at", type: .text, .notNull)
            .column("updated_by", type: .text, .notNull)
            .run()
    }
    func revert(on db: any Database) async throws { try await db.sql.drop(table: "settings").run() }
}
