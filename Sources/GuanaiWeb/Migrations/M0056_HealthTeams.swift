import Fluent
import SQLKit

/// 文体健身团队 (issue 20, item 7): a township's or a village's fitness and culture teams, their members, and each
/// activity with its head count (and the women by id when they were named).
struct M0056_HealthTeams: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("health_teams")
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("unit_code", .string, .required)
            .field("leader_person_id", .uuid, .required)
            .field("members", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "health_teams_unit").on("health_teams").column("unit_code").run()
        try await db.schema("health_team_activities")
            .id()
            .field("team_id", .uuid, .required)
            .field("date", .string, .required)
            .field("place", .string, .required)
            .field("participants", .int, .required)
            .field("participant_ids", .string)
            .field("by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "health_team_activities_team").on("health_team_activities").column("team_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("health_team_activities").delete()
        try await db.schema("health_teams").delete()
    }
}
