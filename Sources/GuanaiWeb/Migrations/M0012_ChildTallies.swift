import Fluent
import SQLKit

/// How many children each village has, by status and exact category and need bits: the count under a list of a
/// million children, and the home page's figures, read from a few thousand rows instead of the register.
/// Never adjusted by increments (which drift): a village's rows are recomputed from its children whenever one of
/// them is saved, in the same transaction, so the tally is exactly as right as the register.
struct M0012_ChildTallies: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.sql.create(table: "child_tallies")
            .column("unit_code", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("category_bits", type: .bigint, .notNull)
            .column("need_bits", type: .bigint, .notNull)
            .column("n", type: .bigint, .notNull)
            .run()
        try await db.sql.create(index: "child_tallies_unit").on("child_tallies").column("unit_code").column("status").run()
        let units = try await db.sql.select().distinct().column("unit_code").from("children").all().map {
            try $0.decode(column: "unit_code", as: String.self)
        }
        try await ChildTally.refresh(Set(units), markCoverage: false, on: db)
    }

    func revert(on db: any Database) async throws {
        try await db.sql.drop(table: "child_tallies").run()
    }
}
