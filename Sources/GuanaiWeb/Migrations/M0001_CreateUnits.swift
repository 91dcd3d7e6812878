import Fluent
import SQLKit

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
