import GuanaiCore
import OpenAPIKit30

// Pilot campaigns' shapes for the OpenAPI document. `Keys` names each type's JSON properties (the coding keys Swift
// makes are private to the type's file, Core's internal to Core); APISchemaTests checks each `Keys` against what its
// type reads.

extension CampaignInput: APISchema {
    enum Keys: String, CodingKey { case name, unitCode, launchedOn, note }
    static let apiName = "CampaignInput"
    static var apiSchema: JSONSchema {
        .closed([Keys.name: .string, .unitCode: .string, .launchedOn: .string, .note: .string], required: [.name, .unitCode, .launchedOn])
    }
}

extension CampaignVolunteerInput: APISchema {
    enum Keys: String, CodingKey { case volunteerId, signedOn }
    static let apiName = "CampaignVolunteerInput"
    static var apiSchema: JSONSchema { .closed([Keys.volunteerId: .string, .signedOn: .string], required: [.volunteerId]) }
}

extension CampaignDTO: APISchema {
    enum Keys: String, CodingKey { case id, name, unitCode, launchedOn, note, createdBy, createdAt, volunteerCount }
    static let apiName = "Campaign"
    static var apiSchema: JSONSchema {
        .closed([
            Keys.id: .string, .name: .string, .unitCode: .string, .launchedOn: .string, .note: .string, .createdBy: .string,
            .createdAt: .string, .volunteerCount: .integer,
        ])
    }
}

extension CampaignProgress: APISchema {
    enum Keys: String, CodingKey {
        case volunteers, childrenListed, childrenPaired, openPairs, activePairs, contactsOnTime, contactsOverdue, closedSinceLaunch,
            closedByReason
    }
    static let apiName = "CampaignProgress"
    static var apiSchema: JSONSchema {
        .closed([
            Keys.volunteers: .integer, .childrenListed: .integer, .childrenPaired: .integer, .openPairs: .integer,
            .activePairs: .integer, .contactsOnTime: .integer, .contactsOverdue: .integer, .closedSinceLaunch: .integer,
            .closedByReason: .map(.integer),
        ])
    }
}

extension CampaignDetailDTO: APISchema {
    enum Keys: String, CodingKey { case campaign, progress, volunteers }
    static let apiName = "CampaignDetail"
    static var apiSchema: JSONSchema {
        .closed([
            Keys.campaign: .ref(CampaignDTO.self), .progress: .ref(CampaignProgress.self),
            .volunteers: .list(CampaignSignupDTO.apiSchema),
        ])
    }
}

extension CampaignSignupDTO {
    enum Keys: String, CodingKey { case volunteerId, name, unitCode, signedOn, openPairs, activePairs, closedPairs }
    static var apiSchema: JSONSchema {
        .closed([
            Keys.volunteerId: .string, .name: .string, .unitCode: .string, .signedOn: .string, .openPairs: .integer,
            .activePairs: .integer, .closedPairs: .integer,
        ])
    }
}
