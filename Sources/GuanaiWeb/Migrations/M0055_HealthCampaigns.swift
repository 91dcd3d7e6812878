import Fluent
import SQLKit

/// 两癌 screening campaigns of a township and year (issue 20, item 2), and each woman's way through one: invited,
/// booked on a site's day, attended. Screened is read from the screenings that name the campaign.
struct M0055_HealthCampaigns: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("health_campaigns")
            .id()
            .field("year", .int, .required)
            .field("unit_code", .string, .required)
            .field("programme", .string, .required)
            .field("target", .int, .required)
            .field("sites", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "health_campaigns_unit").on("health_campaigns").column("unit_code").column("year").run()
        try await db.schema("health_invitations")
            .id()
            .field("campaign_id", .uuid, .required)
            .field("person_id", .uuid, .required)
            .field("unit_code", .string, .required)
            .field("invited_on", .string, .required)
            .field("appointment_on", .string)
            .field("appointment_site", .string)
            .field("attended_on", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "campaign_id", "person_id")
            .create()
        try await db.sql.create(index: "health_invitations_person").on("health_invitations").column("person_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("health_invitations").delete()
        try await db.schema("health_campaigns").delete()
    }
}
