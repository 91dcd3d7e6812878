import Fluent
import SQLKit

struct M0030_Stations: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // A unit's point on the map (a village committee's), from which coverage and siting measure reach. SQLite adds
        // one column a statement.
        try await db.schema("units").field("latitude", .double).update()
        try await db.schema("units").field("longitude", .double).update()
        try await db.schema("stations")
            .id()
            .field("name", .string, .required)
            .field("unit_code", .string, .required)
            .field("host", .string, .required)
            .field("address", .string)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("capacity", .int, .required)
            // The sessions in Core's order, joined by commas: a closed set of four tokens, read whole.
            .field("schedule", .string, .required)
            // Staff as a JSON list of {name, phone}: names on a notice board, not accounts.
            .field("staff", .string, .required)
            .field("facilities", .string)
            .field("status", .string, .required)
            .field("opened_on", .string)
            .field("closed_on", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "stations_unit").on("stations").column("unit_code").run()
        // Volunteers who help at a station: rows, so a volunteer's stations can be found from her side.
        try await db.schema("station_volunteers")
            .id()
            .field("station_id", .uuid, .required)
            .field("volunteer_id", .uuid, .required)
            .field("position", .int, .required)
            .unique(on: "station_id", "volunteer_id")
            .create()
        try await db.sql.create(index: "station_volunteers_volunteer").on("station_volunteers").column("volunteer_id").run()
    }
    func revert(on db: any Database) async throws {
        for t in ["station_volunteers", "stations"] { try await db.schema(t).delete() }
        try await db.schema("units").deleteField("longitude").update()
        try await db.schema("units").deleteField("latitude").update()
    }
}
