import Fluent
import SQLKit

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
