import Fluent
import SQLKit

/// The overdue loops' own index (see `SafetySweep.lateQuery`); `children_overdue` stays for the boards, which count
/// critical children too.
struct M0025_OverdueSweepIndex: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.sql.raw(
            "CREATE INDEX children_overdue_sweep ON children (overdue_step, next_visit_due) "
                + "WHERE risk_tier <> 'critical' AND status <> 'voided'"
        ).run()
    }
    func revert(on db: any Database) async throws { try await db.sql.drop(index: "children_overdue_sweep").run() }
}
