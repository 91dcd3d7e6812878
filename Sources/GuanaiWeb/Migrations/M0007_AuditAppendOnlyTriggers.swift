import Fluent
import SQLKit

/// The trail is append-only in the database itself, not only in our code: UPDATE and DELETE are refused on both engines.
struct M0007_AuditAppendOnlyTriggers: AsyncMigration {
    func prepare(on db: any Database) async throws {
        if db.isPostgres {
            try await db.sql.raw(
                """
                CREATE OR REPLACE FUNCTION guanai_audit_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'audit_log is append-only'; END; $$ LANGUAGE plpgsql
                """
            ).run()
            try await db.sql.raw(
                "CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH "
                    + "ROW EXECUTE FUNCTION guanai_audit_append_only()"
            ).run()
            try await db.sql.raw(
                "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT "
                    + "EXECUTE FUNCTION guanai_audit_append_only()"
            ).run()
        } else {
            try await db.sql.raw(
                "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, "
                    + "'audit_log is append-only'); END"
            ).run()
            try await db.sql.raw(
                "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, "
                    + "'audit_log is append-only'); END"
            ).run()
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
