import Fluent
import SQLKit

/// The query planner chooses between the children's indexes by their statistics. PostgreSQL keeps them itself
/// (autovacuum); SQLite has none until asked, and without them it can pick the birth-date index for a village's
/// list and read a million rows. Run at start-up and after every sweep; cheap when nothing changed.
enum DatabaseStatistics {
    static func refresh(_ db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        // 0x10000: every table, not only those this connection queried; analysis_limit keeps it to milliseconds.
        try await sql.raw("PRAGMA analysis_limit=2000").run()
        try await sql.raw("PRAGMA optimize=0x10002").run()
    }
}
