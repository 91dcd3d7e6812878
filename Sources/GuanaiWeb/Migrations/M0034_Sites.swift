import Fluent
import SQLKit

struct M0034_Sites: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // Places a station could open besides the village committees: schools and other buildings, with a point.
        try await db.schema("sites")
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("unit_code", .string, .required)
            .field("latitude", .double, .required)
            .field("longitude", .double, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "sites_unit").on("sites").column("unit_code").run()
    }
    func revert(on db: any Database) async throws { try await db.schema("sites").delete() }
}
