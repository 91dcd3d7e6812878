import Fluent
import Foundation
import GuanaiCore

/// A township's screening campaign of one year (`health`: every staff role reads it).
final class HealthCampaign: Model, @unchecked Sendable {
    static let schema = "health_campaigns"
    @ID(key: .id) var id: UUID?
    @Field(key: "year") var year: Int
    /// The township.
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "programme") var programme: HealthCampaignProgramme
    @Field(key: "target") var target: Int
    /// `[CheckedHealthCampaign.Site]` as JSON.
    @Field(key: "sites") var sitesText: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    var sites: [CheckedHealthCampaign.Site] {
        (try? JSONDecoder().decode([CheckedHealthCampaign.Site].self, from: Data(sitesText.utf8))) ?? []
    }

    var checked: CheckedHealthCampaign {
        CheckedHealthCampaign(
            year: year, unitCode: DivisionCode(unitCode) ?? DivisionCode("421081000000")!, programme: programme, target: target,
            sites: sites)
    }

    var auditFields: [String: String] {
        ["year": String(year), "unitCode": unitCode, "programme": programme.rawValue, "target": String(target), "sites": sitesText]
    }
}

extension HealthCampaign: TypedRecord { typealias Kind = RecordTag.HealthCampaign }

/// One woman in a campaign: invited, perhaps booked on a site's day, perhaps come.
final class HealthInvitation: Model, @unchecked Sendable {
    static let schema = "health_invitations"
    @ID(key: .id) var id: UUID?
    @Field(key: "campaign_id") var campaignID: UUID
    @Field(key: "person_id") var personID: UUID
    /// Her village: who may see her on the campaign's list.
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "invited_on") var invitedOn: String
    @OptionalField(key: "appointment_on") var appointmentOn: String?
    @OptionalField(key: "appointment_site") var appointmentSite: String?
    @OptionalField(key: "attended_on") var attendedOn: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    init() {}
}
