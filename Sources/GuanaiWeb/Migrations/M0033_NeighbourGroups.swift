import Fluent
import SQLKit

struct M0033_NeighbourGroups: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("neighbour_groups")
            .id()
            .field("unit_code", .string, .required)
            .field("name", .string, .required)
            .field("leader_person_id", .uuid, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "neighbour_groups_unit").on("neighbour_groups").column("unit_code").run()
        try await db.schema("neighbour_group_members")
            .id()
            .field("group_id", .uuid, .required)
            .field("household_id", .uuid, .required)
            .field("consented_on", .string, .required)
            .field("position", .int, .required)
            // The household while its group is active, else null: unique, so no household is in two active groups
            // even when two staff save at once (nulls do not collide, on SQLite as on PostgreSQL).
            .field("live_household_id", .uuid)
            .unique(on: "group_id", "household_id")
            .unique(on: "live_household_id")
            .create()
        try await db.sql.create(index: "neighbour_group_members_household").on("neighbour_group_members").column("household_id").run()
        try await db.schema("neighbour_activities")
            .id()
            .field("group_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("date", .string, .required)
            .field("note", .string)
            .field("recorded_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "neighbour_activities_group").on("neighbour_activities").column("group_id").run()
    }
    func revert(on db: any Database) async throws {
        for t in ["neighbour_activities", "neighbour_group_members", "neighbour_groups"] { try await db.schema(t).delete() }
    }
}
