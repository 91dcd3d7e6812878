import Fluent
import SQLKit

struct M0031_StationDays: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("station_enrolments")
            .id()
            .field("station_id", .uuid, .required)
            .field("child_id", .uuid, .required)
            .field("from_on", .string, .required)
            .field("to_on", .string)
            .field("end_reason", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "station_enrolments_station").on("station_enrolments").column("station_id").column("from_on").run()
        // One open enrolment per child, whichever station: kept by the database too, so two staff enrolling her at
        // once cannot both succeed. A partial index, which both engines know.
        try await db.sql.raw("CREATE UNIQUE INDEX station_enrolments_open ON station_enrolments (child_id) WHERE to_on IS NULL").run()
        try await db.sql.create(index: "station_enrolments_child").on("station_enrolments").column("child_id").run()
        // One mark per child a day at a station; the day as ISO text, as every civil date is stored.
        try await db.schema("station_attendance")
            .id()
            .field("station_id", .uuid, .required)
            .field("child_id", .uuid, .required)
            .field("day", .string, .required)
            .field("status", .string, .required)
            .field("note", .string)
            .field("marked_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "station_id", "day", "child_id")
            .create()
        // A child's latest present day, for her last contact.
        try await db.sql.create(index: "station_attendance_child").on("station_attendance").column("child_id").column("day").run()
        try await db.schema("station_activities")
            .id()
            .field("station_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("day", .string, .required)
            .field("title", .string)
            .field("note", .string)
            // The children taking part, as a JSON list of ids: read whole with the activity.
            .field("participants", .string, .required)
            .field("participant_count", .int, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "station_activities_station").on("station_activities").column("station_id").column("day").run()
    }
    func revert(on db: any Database) async throws {
        for t in ["station_activities", "station_attendance", "station_enrolments"] { try await db.schema(t).delete() }
    }
}
