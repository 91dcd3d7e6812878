import Fluent
import SQLKit

/// The critical escalations' own index (`SafetySweep.criticalDue`): by kind first, so that open missed-visit
/// alerts, and resolved alerts of every kind, are never read on the way to the critical ones.
struct M0026_AlertsDueIndex: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.sql.create(index: "alerts_due").on("alerts").column("kind").column("status").column("created_at").run()
    }
    func revert(on db: any Database) async throws { try await db.sql.drop(index: "alerts_due").run() }
}
