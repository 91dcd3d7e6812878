import Fluent
import SQLKit

struct M0006_CreateAuditLog: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("audit_log")
            .field("seq", .int64, .identifier(auto: false))
            .field("at", .string, .required)
            .field("actor_id", .string)
            .field("actor_name", .string, .required)
            .field("ip", .string, .required)
            .field("unit_code", .string, .required)
            .field("action", .string, .required)
            .field("record_type", .string, .required)
            .field("record_id", .string, .required)
            .field("changes", .string, .required)
            .field("prev_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "prev_hash")
            .create()
        for (name, cols) in [
            ("audit_actor", ["actor_id"]), ("audit_record", ["record_type", "record_id"]), ("audit_action", ["action"]),
            ("audit_at", ["at"]), ("audit_unit", ["unit_code"]),
        ] {
            var b = db.sql.create(index: SQLIdentifier(name)).on("audit_log")
            for c in cols { b = b.column(c) }
            try await b.run()
        }
    }
    func revert(on db: any Database) async throws { try await db.schema("audit_log").delete() }
}
