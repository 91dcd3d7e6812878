import Foundation

/// A neighbour group (邻里互助组) as typed: households that agreed to look out for each other, one of them led by
/// a 联户长.
public struct NeighbourGroupInput: Codable, Sendable {
    public struct Member: Codable, Sendable, Equatable {
        public var householdId: String?
        public var consentedOn: String?
        public init(householdId: String? = nil, consentedOn: String? = nil) {
            self.householdId = householdId
            self.consentedOn = consentedOn
        }
    }
    public var villageCode: String?
    public var name: String?
    public var leaderPersonId: String?
    public var members: [Member]?
    /// `active` when absent.
    public var status: String?

    public init(
        villageCode: String? = nil, name: String? = nil, leaderPersonId: String? = nil, members: [Member]? = nil, status: String? = nil
    ) {
        self.villageCode = villageCode
        self.name = name
        self.leaderPersonId = leaderPersonId
        self.members = members
        self.status = status
    }
}

/// How large a group may be: big enough to share the watching, small enough that each knows the others.
public struct NeighbourGroupLimits: Sendable, Equatable, Codable {
    public var minHouseholds = 3
    public var maxHouseholds = 10
    public init(minHouseholds: Int = 3, maxHouseholds: Int = 10) {
        self.minHouseholds = minHouseholds
        self.maxHouseholds = maxHouseholds
    }
}

public struct CheckedNeighbourGroup: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        public let householdId: String
        public let consentedOn: CivilDate
    }
    public let villageCode: String
    public let name: String
    public let leaderPersonId: String
    public let members: [Member]
    public let status: NeighbourGroupStatus
}

/// The group form's checks, with no database: what the caller found about the village, the households and the leader.
public enum NeighbourGroupForm {
    public struct Facts: Sendable {
        /// The village is an active village in the caller's jurisdiction.
        public let villageActive: Bool
        /// Each named household's village, for those that exist (absent: no such household).
        public let householdVillage: [String: String]
        /// Households already in another active group (not this one, on a change).
        public let inOtherGroup: Set<String>
        /// The leader's household, when the person exists.
        public let leaderHousehold: String?

        public init(villageActive: Bool, householdVillage: [String: String], inOtherGroup: Set<String>, leaderHousehold: String?) {
            self.villageActive = villageActive
            self.householdVillage = householdVillage
            self.inOtherGroup = inOtherGroup
            self.leaderHousehold = leaderHousehold
        }
    }

    /// Joining is voluntary, so each member household's consent date is required (and not in the future). A
    /// household in another active group, or in another village, or named twice, is refused at `members`; so is a
    /// size outside the limits. The leader lives in one of the member households. A dissolved group (`status`) may name
    /// households that have since joined another.
    public static func check(
        _ input: NeighbourGroupInput, facts: Facts, limits: NeighbourGroupLimits = NeighbourGroupLimits(), today: CivilDate,
        _ c: inout FormChecker
    ) -> CheckedNeighbourGroup? {
        let village = c.required(input.villageCode, "villageCode")
        if village != nil, !facts.villageActive { c.errors.append(FieldError(field: "villageCode", key: "field.error.choice")) }
        let name = c.required(input.name, "name")
        StationForm.text(name, "name", &c)
        let leader = c.required(input.leaderPersonId, "leaderPersonId")
        let status = c.token(input.status, "status", NeighbourGroupStatus.self, required: false) ?? .active
        var members: [CheckedNeighbourGroup.Member] = []
        var seen: Set<String> = []
        for (i, m) in (input.members ?? []).enumerated() {
            let f = "members[\(i)]"
            let id = c.required(m.householdId, f + ".householdId")
            if let id {
                if !seen.insert(id).inserted {
                    c.errors.append(FieldError(field: "members", key: "neighbours.error.duplicateHousehold"))
                } else if let v = facts.householdVillage[id], v == village {
                    // A dissolved group keeps its list as it was; only an active one holds its households.
                    if facts.inOtherGroup.contains(id), status == .active {
                        c.errors.append(FieldError(field: "members", key: "neighbours.error.inOtherGroup", args: [id]))
                    }
                } else {
                    c.errors.append(FieldError(field: f + ".householdId", key: "field.error.choice"))
                }
            }
            let consent = c.date(m.consentedOn, f + ".consentedOn")
            if (m.consentedOn ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                c.errors.append(FieldError(field: f + ".consentedOn", key: "neighbours.error.consentRequired"))
            }
            if let consent, consent > today { c.errors.append(FieldError(field: f + ".consentedOn", key: "pairing.error.future")) }
            if let id, let consent { members.append(.init(householdId: id, consentedOn: consent)) }
        }
        if !(limits.minHouseholds...limits.maxHouseholds).contains(seen.count) {
            c.errors.append(
                FieldError(
                    field: "members", key: "neighbours.error.size", args: [String(limits.minHouseholds), String(limits.maxHouseholds)]))
        }
        if leader != nil, !(facts.leaderHousehold.map(seen.contains) ?? false) {
            c.errors.append(FieldError(field: "leaderPersonId", key: "neighbours.error.leaderNotMember"))
        }
        guard c.errors.isEmpty, let village, let name, let leader else { return nil }
        return CheckedNeighbourGroup(villageCode: village, name: name, leaderPersonId: leader, members: members, status: status)
    }
}
