import Fluent
import SQLKit
import Vapor

/// A pilot campaign (结对帮扶试点): a unit, the day of its launch meeting (启动会) and the volunteers who signed up
/// there. Its progress is computed from pairs and contacts, never stored, so it cannot drift from them.
final class Campaign: Model, @unchecked Sendable {
    static let schema = "campaigns"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "unit_code") var unitCode: String
    /// YYYY-MM-DD, the day of the launch meeting; "closed since launch" counts from it.
    @Field(key: "launched_on") var launchedOn: String
    @Field(key: "note") var note: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    init() {}

    var auditFields: [String: String] { ["name": name, "unitCode": unitCode, "launchedOn": launchedOn, "note": note] }
}

/// A volunteer who signed up for a campaign, and on which day. One row per volunteer and campaign.
final class CampaignVolunteer: Model, @unchecked Sendable {
    static let schema = "campaign_volunteers"
    @ID(key: .id) var id: UUID?
    @Field(key: "campaign_id") var campaignID: UUID
    @Field(key: "volunteer_id") var volunteerID: UUID
    @Field(key: "signed_on") var signedOn: String
    init() {}
}

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
