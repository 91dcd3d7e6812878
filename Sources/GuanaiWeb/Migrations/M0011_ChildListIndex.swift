import Fluent
import SQLKit
import GuanaiCore

/// The children's list at city scale (a million rows): category and need bits beside the csv columns, voided
/// records given their own status, and indexes whose column order is the list's filter and sort order, so the
/// first page and its count are read from an index alone on both engines.
struct M0011_ChildListIndex: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // One column per ALTER: SQLite cannot add two in one statement.
        try await db.schema("children").field("category_bits", .int, .required, .sql(.default(0))).update()
        try await db.schema("children").field("need_bits", .int, .required, .sql(.default(0))).update()
        // The entrusted guardian's birth date and health, copied from her person record whenever the child is
        // reclassified, so "guardian aged 70 or over" is a filter on the children's index and not a join.
        try await db.schema("children").field("guardian_birth", .string).update()
        try await db.schema("children").field("guardian_health", .string).update()
        try await db.sql.raw(
            "UPDATE children SET guardian_birth = (SELECT birth_date FROM people WHERE people.id "
                + "= children.guardian_id), guardian_health = (SELECT health FROM people WHERE people.id "
                + "= children.guardian_id) WHERE guardian_id IS NOT NULL"
        ).run()
        func bits<T: StoredBits>(_ column: String, _ type: T.Type) -> String {
            T.allCases.map { "(CASE WHEN ',' || \(column) || ',' LIKE '%,\($0.rawValue),%' THEN \($0.bit) ELSE " + "0 END)" }.joined(
                separator: " + ")
        }
        try await db.sql.raw(
            "UPDATE children SET category_bits = \(unsafeRaw: bits("categories", ChildCategory.self)), "
                + "need_bits = \(unsafeRaw: bits("needs", ChildNeed.self))"
        ).run()
        try await db.sql.raw("UPDATE children SET status = 'voided' WHERE voided_reason IS NOT NULL").run()
        try await db.sql.raw(
            "CREATE INDEX children_list ON children (status, unit_code, birth_date DESC, id, "
                + "category_bits, need_bits, guardian_birth, guardian_health)"
        ).run()
        try await db.sql.raw("CREATE INDEX children_age ON children (status, birth_date, unit_code, category_bits)").run()
        try await db.sql.raw("CREATE INDEX children_recent ON children (status, created_at)").run()
    }

    func revert(on db: any Database) async throws {
        for i in ["children_list", "children_age", "children_recent"] { try await db.sql.drop(index: SQLIdentifier(i)).run() }
        try await db.sql.raw("UPDATE children SET status = 'exited' WHERE status = 'voided'").run()
        for f in ["category_bits", "need_bits", "guardian_birth", "guardian_health"] {
            try await db.schema("children").deleteField(.string(f)).update()
        }
    }
}
