import Fluent
import SQLKit

/// Approved pairs with a planned start day are found by the sweep through this index.
struct M0023_PairStartIndex: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.sql.create(index: "pairs_start").on("pairs").column("status").column("started_on").run()
    }
    func revert(on db: any Database) async throws { try await db.sql.drop(index: "pairs_start").run() }
}
