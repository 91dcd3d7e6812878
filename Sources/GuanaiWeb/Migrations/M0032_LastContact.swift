import Fluent
import SQLKit

struct M0032_LastContact: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("children").field("last_contact_on", .string).update()
        // From what is already known: the last visit, then a volunteer's later contact. Station days start with M0031.
        try await db.sql.raw("UPDATE children SET last_contact_on = last_visit_on").run()
        try await db.sql.raw(
            """
            UPDATE children SET last_contact_on = (SELECT MAX(p.last_contact_on) FROM pairs p WHERE p.child_id = children.id)
            WHERE EXISTS (SELECT 1 FROM pairs p WHERE p.child_id = children.id AND p.last_contact_on IS NOT NULL
              AND (children.last_contact_on IS NULL OR p.last_contact_on > children.last_contact_on))
            """
        ).run()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("children").deleteField("last_contact_on").update()
    }
}
