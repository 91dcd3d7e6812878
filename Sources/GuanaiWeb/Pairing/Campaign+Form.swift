import GuanaiCore

/// Launching a recruitment campaign.
struct CampaignPageForm: Decodable {
    var name: String?
    var unitCode: String?
    var launchedOn: String?
    var note: String?

    enum CodingKeys: String, CodingKey { case name, unitCode, launchedOn, note }

    var input: CampaignInput { CampaignInput(name: name, unitCode: unitCode, launchedOn: launchedOn, note: note) }
}

/// A volunteer signed up in a campaign.
struct CampaignVolunteerForm: Decodable {
    var volunteerId: String?
    var signedOn: String?

    enum CodingKeys: String, CodingKey { case volunteerId, signedOn }

    var input: CampaignVolunteerInput { CampaignVolunteerInput(volunteerId: volunteerId, signedOn: signedOn) }
}
