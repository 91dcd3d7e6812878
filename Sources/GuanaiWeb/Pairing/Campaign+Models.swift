import Fluent
import SQLKit
import Vapor
import GuanaiCore

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

/// The foreign keys, typed: the columns stay `UUID` (no schema change); code between reads and sets these.
extension CampaignVolunteer {
    var campaign: CampaignID {
        get { CampaignID(campaignID) }
        set { campaignID = newValue.uuid }
    }
    var volunteer: VolunteerID {
        get { VolunteerID(volunteerID) }
        set { volunteerID = newValue.uuid }
    }
}
