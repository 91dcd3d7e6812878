import Fluent
import SQLKit

struct M0014_SweepLease: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.sql.create(table: "sweep_lease").column("name", type: .text, .primaryKey(autoIncrement: false)).column(
            "lease_until", type: .custom(SQLRaw("DOUBLE PRECISION")), .notNull
        ).run()
        try await db.sql.raw("INSERT INTO sweep_lease (name, lease_until) VALUES ('sweep', 0)").run()
    }
    func revert(on db: any Database) async throws { try await db.sql.drop(table: "sweep_lease").run() }
}
