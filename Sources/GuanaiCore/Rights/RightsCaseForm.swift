import Foundation

/// One party to a case as typed. Entering a party never creates a registry person: `personId` only links one who is
/// already registered.
public struct RightsPartyInput: Codable, Sendable, Equatable {
    public var role: String?
    public var name: String?
    public var personId: String?
    public var relation: String?
    public var phone: String?
    public init(role: String? = nil, name: String? = nil, personId: String? = nil, relation: String? = nil, phone: String? = nil) {
        self.role = role
        self.name = name
        self.personId = personId
        self.relation = relation
        self.phone = phone
    }
}

/// `POST /api/v1/rights/cases` (issue 19, item 1).
public struct RightsCaseInput: Codable, Sendable, Equatable {
    public var villageCode: String?
    public var channel: String?
    public var category: String?
    public var parties: [RightsPartyInput]?
    public var narrative: String?
    public var request: String?
    public var receivedOn: String?
    public var womensHome: Bool?
    public init(
        villageCode: String? = nil, channel: String? = nil, category: String? = nil, parties: [RightsPartyInput]? = nil,
        narrative: String? = nil, request: String? = nil, receivedOn: String? = nil, womensHome: Bool? = nil
    ) {
        self.villageCode = villageCode
        self.channel = channel
        self.category = category
        self.parties = parties
        self.narrative = narrative
        self.request = request
        self.receivedOn = receivedOn
        self.womensHome = womensHome
    }
}

public struct RightsParty: Codable, Sendable, Equatable {
    public let role: PartyRole
    public let name: String
    public let personId: String?
    public let relation: String?
    public let phone: String?
    public init(role: PartyRole, name: String, personId: String?, relation: String?, phone: String?) {
        self.role = role
        self.name = name
        self.personId = personId
        self.relation = relation
        self.phone = phone
    }
}

public struct CheckedRightsCase: Sendable, Equatable {
    public let villageCode: String
    public let channel: RightsChannel
    public let category: RightsCategory
    public let parties: [RightsParty]
    public let narrative: String
    public let request: String?
    public let receivedOn: CivilDate
    public let womensHome: Bool
}

public enum RightsCaseForm {
    /// A family's quarrel has few sides; more is a paste gone wrong.
    public static let maxParties = 20

    /// A party's fields, in the order a form's row and a table's columns show them.
    public static let partyFields = ["role", "name", "relation", "phone"]

    public static func villageCode(_ input: RightsCaseInput) -> String? { FormChecker().text(input.villageCode) }

    /// Each field checked, each bad one named: an active village (facts read by the caller), a known channel and
    /// category, one applicant at least, each party's role and name (a registered person by a well-formed id, a
    /// mobile number), the woman's account of it, the day it came in (not after `today`).
    public static func check(_ input: RightsCaseInput, village: UnitFacts?, today: CivilDate, _ c: inout FormChecker)
        -> CheckedRightsCase?
    {
        let code = c.required(input.villageCode, "villageCode")
        if code != nil, !(village.map { $0.isActive && $0.level == .village } ?? false) {
            c.errors.append(FieldError(field: "villageCode", key: "rights.error.village"))
        }
        let channel = c.token(input.channel, "channel", RightsChannel.self)
        let category = c.token(input.category, "category", RightsCategory.self)
        let parties = Self.parties(input.parties, &c)
        let narrative = c.required(input.narrative, "narrative")
        StationForm.text(narrative, "narrative", &c)
        let request = c.text(input.request)
        StationForm.text(request, "request", &c)
        let received = CourseForm.requiredDate(input.receivedOn, "receivedOn", &c)
        if let received, received > today {
            c.errors.append(FieldError(field: "receivedOn", key: "rights.error.future"))
        }
        guard c.errors.isEmpty, let code, let channel, let category, let parties, let narrative, let received else { return nil }
        return CheckedRightsCase(
            villageCode: village?.code ?? code, channel: channel, category: category, parties: parties, narrative: narrative,
            request: request, receivedOn: received, womensHome: input.womensHome ?? false)
    }

    static func parties(_ raw: [RightsPartyInput]?, _ c: inout FormChecker) -> [RightsParty]? {
        guard let raw, !raw.isEmpty else {
            c.errors.append(FieldError(field: "parties", key: "rights.error.applicant"))
            return nil
        }
        if raw.count > maxParties {
            c.errors.append(FieldError(field: "parties", key: "rights.error.parties", args: [String(maxParties)]))
            return nil
        }
        let before = c.errors.count
        var out: [RightsParty] = []
        for (i, p) in raw.enumerated() {
            let f = "parties[\(i)]"
            let role = c.token(p.role, f + ".role", PartyRole.self)
            let name = c.required(p.name, f + ".name")
            StationForm.text(name, f + ".name", &c)
            let relation = c.text(p.relation)
            StationForm.text(relation, f + ".relation", &c)
            let phone = c.phone(p.phone, f + ".phone")
            let person = c.text(p.personId)
            if let person, UUID(uuidString: person) == nil {
                c.errors.append(FieldError(field: f + ".personId", key: "field.error.choice"))
            }
            if let role, let name {
                out.append(RightsParty(role: role, name: name, personId: person?.lowercased(), relation: relation, phone: phone))
            }
        }
        guard c.errors.count == before else { return nil }
        guard out.contains(where: { $0.role == .applicant }) else {
            c.errors.append(FieldError(field: "parties", key: "rights.error.applicant"))
            return nil
        }
        return out
    }

    /// A case number as written on the papers: the year and its running number, `2027-0001`.
    public static func caseNumber(year: Int, sequence: Int) -> String {
        let n = String(sequence)
        return "\(year)-" + String(repeating: "0", count: max(0, 4 - n.count)) + n
    }
}
