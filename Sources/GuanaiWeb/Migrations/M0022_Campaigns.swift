import Fluent
import SQLKit

struct M0022_Campaigns: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("campaigns")
            .id()
            .field("name", .string, .required)
            .field("unit_code", .string, .required)
            .field("launched_on", .string, .required)
            .field("note", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "campaigns_unit").on("campaigns").column("unit_code").run()
        try await db.schema("campaign_volunteers")
            .id()
            .field("campaign_id", .uuid, .required)
            .field("volunteer_id", .uuid, .required)
            .field("signed_on", .string, .required)
            .unique(on: "campaign_id", "volunteer_id")
            .create()
        try await db.sql.create(index: "campaign_volunteers_volunteer").on("campaign_volunteers").column("volunteer_id").run()
    }
    func revert(on db: any Database) async throws {
        for t in ["campaign_volunteers", "campaigns"] { try await db.schema(t).delete() }
    }
}
