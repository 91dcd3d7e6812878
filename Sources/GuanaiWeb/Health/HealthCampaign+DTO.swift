import Vapor
import GuanaiCore
import OpenAPIKit30

/// A campaign with its progress: counts only, read by every staff role.
struct HealthCampaignDTO: Content {
    struct Site: Content { let name: String, dates: [String] }
    struct Progress: Content {
        let target: Int, invited: Int, booked: Int, attended: Int, screened: Int, remaining: Int
        let rate: String?, turnout: String?
    }
    let id: String, year: Int, unitCode: String, unitName: String, programme: String, target: Int
    let sites: [Site]
    let progress: Progress

    init(_ c: HealthCampaign, unitName: String, progress p: HealthCampaignProgress) {
        (id, year, unitCode, self.unitName, programme, target) = (
            c.id!.uuidString, c.year, c.unitCode, unitName, c.programme.rawValue, c.target
        )
        sites = c.sites.map { Site(name: $0.name, dates: $0.dates.map(\.iso)) }
        progress = Progress(
            target: p.target, invited: p.invited, booked: p.booked, attended: p.attended, screened: p.screened, remaining: p.remaining,
            rate: p.rate, turnout: p.turnout)
    }
}

/// One woman of a campaign: how far she got. Her phone masked as in every list.
struct HealthInvitationDTO: Content {
    let personId: String, name: String, villageCode: String, villageName: String, phone: String?
    let invitedOn: String, appointmentOn: String?, appointmentSite: String?, attendedOn: String?, stage: String

    init(_ i: HealthInvitation, person: Person?, villageName: String, screened: Bool) {
        (personId, name, villageCode, self.villageName) = (i.personID.uuidString, person?.name ?? "", i.unitCode, villageName)
        phone = person?.phone.map(Masking.phone)
        (invitedOn, appointmentOn, appointmentSite, attendedOn) = (i.invitedOn, i.appointmentOn, i.appointmentSite, i.attendedOn)
        stage = HealthCampaignStage.of(booked: i.appointmentOn != nil, attended: i.attendedOn != nil, screened: screened).rawValue
    }
}

/// What an invitation round did: how many were invited now, and the campaign as it stands.
struct HealthInvitedDTO: Content {
    let invited: Int
    let campaign: HealthCampaignDTO
}

extension HealthCampaignInput: APISchema {
    enum Keys: String, CodingKey { case year, unitCode, programme, target, sites }
    enum SiteKeys: String, CodingKey { case name, dates }
    static let apiName = "HealthCampaignInput"
    static var apiSchema: JSONSchema {
        let site = JSONSchema.closed(
            [SiteKeys.name: .string, .dates: .array(minItems: 1, maxItems: HealthCampaignForm.maxDates, items: .string(format: .date))],
            required: [.name, .dates])
        let t = HealthCampaignForm.targetRange
        return .closed(
            [
                Keys.year: .integer(maximum: (2100, false), minimum: (2000, false)), .unitCode: .string,
                .programme: .tokens(HealthCampaignProgramme.self),
                .target: .integer(maximum: (t.upperBound, false), minimum: (t.lowerBound, false)),
                .sites: .array(minItems: 1, maxItems: HealthCampaignForm.maxSites, items: site),
            ], required: [.year, .unitCode, .programme, .target, .sites])
    }
}

extension HealthInvitationInput: APISchema {
    enum Keys: String, CodingKey { case personIds }
    static let apiName = "HealthInvitationInput"
    static var apiSchema: JSONSchema {
        .closed([Keys.personIds: .array(minItems: 1, maxItems: HealthCampaignForm.maxInvitations, items: .string)], required: [.personIds])
    }
}

extension HealthAppointmentInput: APISchema {
    enum Keys: String, CodingKey { case personId, date, site }
    static let apiName = "HealthAppointmentInput"
    static var apiSchema: JSONSchema {
        .closed([Keys.personId: .string, .date: .string(format: .date), .site: .string], required: [.personId, .date, .site])
    }
}

extension HealthAttendanceInput: APISchema {
    enum Keys: String, CodingKey { case personId, date }
    static let apiName = "HealthAttendanceInput"
    static var apiSchema: JSONSchema { .closed([Keys.personId: .string, .date: .string(format: .date)], required: [.personId, .date]) }
}

extension HealthCampaignDTO: APISchema {
    enum ProgressKeys: String, CodingKey { case target, invited, booked, attended, screened, remaining, rate, turnout }
    static let apiName = "HealthCampaign"
    static var apiSchema: JSONSchema {
        let site = JSONSchema.closed([("name", .string), ("dates", .list(.string(format: .date)))], required: nil)
        let progress = JSONSchema.closed(
            [
                ProgressKeys.target: .integer, .invited: .integer, .booked: .integer, .attended: .integer, .screened: .integer,
                .remaining: .integer, .rate: .nullableString, .turnout: .nullableString,
            ], required: [.target, .invited, .booked, .attended, .screened, .remaining])
        return .closed(
            [
                ("id", .string), ("year", .integer), ("unitCode", .string), ("unitName", .string),
                ("programme", .tokens(HealthCampaignProgramme.self)), ("target", .integer), ("sites", .list(site)), ("progress", progress),
            ], required: nil)
    }
}

extension HealthInvitationDTO: APISchema {
    static let apiName = "HealthInvitation"
    static var apiSchema: JSONSchema {
        .closed(
            [
                ("personId", .string), ("name", .string), ("villageCode", .string), ("villageName", .string), ("phone", .nullableString),
                ("invitedOn", .string(format: .date)), ("appointmentOn", .nullableString), ("appointmentSite", .nullableString),
                ("attendedOn", .nullableString), ("stage", .tokens(HealthCampaignStage.self)),
            ], required: ["personId", "name", "villageCode", "villageName", "invitedOn", "stage"])
    }
}

extension HealthInvitedDTO: APISchema {
    static let apiName = "HealthInvited"
    static var apiSchema: JSONSchema { .closed([("invited", .integer), ("campaign", .ref(HealthCampaignDTO.self))], required: nil) }
}
