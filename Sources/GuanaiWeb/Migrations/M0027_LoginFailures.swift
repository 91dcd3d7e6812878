import Fluent
import SQLKit

struct M0027_LoginFailures: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(LoginFailure.schema).id().field("name_hash", .string, .required).field("at", .datetime, .required).create()
        try await db.sql.create(index: "login_failures_name").on(LoginFailure.schema).column("name_hash").column("at").run()
    }
    func revert(on db: any Database) async throws { try await db.schema(LoginFailure.schema).delete() }
}
