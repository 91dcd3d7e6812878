import Fluent
import SQLKit

/// Numbered and append-only: a migration that has shipped is never edited, a change is a new number.
enum Migrations {
    static let all: [any AsyncMigration] = [
        M0001_CreateUnits(), M0002_CreateUnitChanges(), M0003_CreateUsers(), M0004_CreateSessions(),
        M0005_CreatePendingForms(), M0006_CreateAuditLog(), M0007_AuditAppendOnlyTriggers(),
        M0008_CreateRegistry(), M0009_CreateWomen(), M0010_ChildMergedInto(), M0011_ChildListIndex(), M0012_ChildTallies(), M0013_SafetyNet(), M0014_SweepLease(), M0015_Reports(), M0016_Outbox(), M0017_Settings(), M0018_VisitPhotos(), M0019_IntakeUploads(), M0020_Pairing(), M0021_PairFollowup(), M0022_Campaigns(), M0023_PairStartIndex(),
        M0024_LikelyDuplicateIndex(), M0025_OverdueSweepIndex(), M0026_AlertsDueIndex(), M0027_LoginFailures(),
        M0028_IntakeLease(),
    ]
}

extension Database {
    var sql: any SQLDatabase { self as! any SQLDatabase }
    var isPostgres: Bool { sql.dialect.name == "postgresql" }
}

struct M0001_CreateUnits: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("units")
            .field("code", .string, .identifier(auto: false))
            .field("official_name", .string, .required)
            .field("short_name", .string, .required)
            .field("kind", .string, .required)
            .field("level", .int, .required)
            .field("parent_code", .string)
            .field("statistical", .bool, .required)
            .field("status", .string, .required)
            .field("merged_into", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "units_parent").on("units").column("parent_code").run()
        try await db.sql.create(index: "units_short_name").on("units").column("short_name").run()
    }
    func revert(on db: any Database) async throws { try await db.schema("units").delete() }
}

struct M0002_CreateUnitChanges: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("unit_changes")
            .id()
            .field("unit_code", .string, .required)
            .field("change", .string, .required)
            .field("detail", .string, .required)
            .field("reason", .string, .required)
            .field("actor_id", .string)
            .field("actor_name", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await db.sql.create(index: "unit_changes_unit").on("unit_changes").column("unit_code").run()
    }
    func revert(on db: any Database) async throws { try await db.schema("unit_changes").delete() }
}

struct M0003_CreateUsers: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("users")
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("role", .string, .required)
            .field("unit_code", .string, .required)
            .field("phone", .string)
            .field("password_hash", .string, .required)
            .field("must_change_password", .bool, .required)
            .field("disabled", .bool, .required)
            .field("failed_logins", .int, .required)
            .field("locked_until", .datetime)
            .field("successor_id", .uuid)
            .field("created_at", .datetime, .required)
            .unique(on: "username")
            .create()
        try await db.sql.create(index: "users_unit").on("users").column("unit_code").run()
    }
    func revert(on db: any Database) async throws { try await db.schema("users").delete() }
}

struct M0004_CreateSessions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("sessions")
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("csrf", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("ended_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await db.sql.create(index: "sessions_user").on("sessions").column("user_id").run()
    }
    func revert(on db: any Database) async throws { try await db.schema("sessions").delete() }
}

struct M0005_CreatePendingForms: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("pending_forms")
            .id()
            .field("user_id", .uuid, .required)
            .field("path", .string, .required)
            .field("fields", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("pending_forms").delete() }
}

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
        for (name, cols) in [("audit_actor", ["actor_id"]), ("audit_record", ["record_type", "record_id"]), ("audit_action", ["action"]), ("audit_at", ["at"]), ("audit_unit", ["unit_code"])] {
            var b = db.sql.create(index: SQLIdentifier(name)).on("audit_log")
            for c in cols { b = b.column(c) }
            try await b.run()
        }
    }
    func revert(on db: any Database) async throws { try await db.schema("audit_log").delete() }
}

/// The trail is append-only in the database itself, not only in our code: UPDATE and DELETE are refused on both engines.
struct M0007_AuditAppendOnlyTriggers: AsyncMigration {
    func prepare(on db: any Database) async throws {
        if db.isPostgres {
            try await db.sql.raw("""
                CREATE OR REPLACE FUNCTION guanai_audit_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'audit_log is append-only'; END; $$ LANGUAGE plpgsql
                """).run()
            try await db.sql.raw("CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION guanai_audit_append_only()").run()
            try await db.sql.raw("CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION guanai_audit_append_only()").run()
        } else {
            try await db.sql.raw("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END").run()
            try await db.sql.raw("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END").run()
        }
    }
    func revert(on db: any Database) async throws {
        if db.isPostgres {
            try await db.sql.raw("DROP TRIGGER IF EXISTS audit_log_no_update ON audit_log").run()
            try await db.sql.raw("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log").run()
        } else {
            try await db.sql.raw("DROP TRIGGER IF EXISTS audit_log_no_update").run()
            try await db.sql.raw("DROP TRIGGER IF EXISTS audit_log_no_delete").run()
        }
    }
}
