/// `POST /api/v1/teams` (issue 20, item 7): a fitness or culture team (文体健身团队) of a village or township.
public struct HealthTeamInput: Codable, Sendable, Equatable {
    public var name: String?
    public var kind: String?
    public var unitCode: String?
    public var leaderPersonId: String?
    public var members: [String]?
    public init(name: String? = nil, kind: String? = nil, unitCode: String? = nil, leaderPersonId: String? = nil, members: [String]? = nil)
    {
        self.name = name
        self.kind = kind
        self.unitCode = unitCode
        self.leaderPersonId = leaderPersonId
        self.members = members
    }
}

public struct CheckedHealthTeam: Codable, Sendable, Equatable {
    public let name: String
    public let kind: HealthTeamKind
    public let unitCode: DivisionCode
    public let leaderPersonId: PersonID
    /// The leader first, then the others as typed, each once.
    public let members: [PersonID]
}

/// An activity's participants: a head count, or the women by id. JSON gives either a number or an array of ids;
/// anything else decodes as `.unreadable`, so the form names `participants` instead of the whole body failing.
public enum HealthParticipantsInput: Codable, Sendable, Equatable {
    case count(Int)
    case personIds([String])
    case unreadable

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(Int.self) {
            self = .count(n)
        } else if let ids = try? c.decode([String].self) {
            self = .personIds(ids)
        } else {
            self = .unreadable
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .count(let n): try c.encode(n)
        case .personIds(let ids): try c.encode(ids)
        case .unreadable: try c.encodeNil()
        }
    }
}

/// `…/{id}/activities`.
public struct HealthTeamActivityInput: Codable, Sendable, Equatable {
    public var date: String?
    public var place: String?
    public var participants: HealthParticipantsInput?
    public init(date: String? = nil, place: String? = nil, participants: HealthParticipantsInput? = nil) {
        self.date = date
        self.place = place
        self.participants = participants
    }
}

public enum HealthParticipants: Codable, Sendable, Equatable {
    case count(Int)
    case people([PersonID])

    /// The head count either way, for the figures.
    public var count: Int {
        switch self {
        case .count(let n): return n
        case .people(let ids): return ids.count
        }
    }
}

public struct HealthTeamActivity: Codable, Sendable, Equatable {
    public let date: CivilDate
    public let place: String
    public let participants: HealthParticipants
}

public enum HealthTeamForm {
    /// A square-dance team of a big village has dozens; a list past this is a paste gone wrong.
    public static let maxMembers = 300
    /// An activity's head count: a village's evening dance to a township's festival.
    public static let participantsRange = 1...5_000

    /// Every field checked, each bad one named: a name, a kind, a township's or village's code by its shape (that it
    /// exists and is the caller's is the web's), the leader's id, and the members' ids (`members[i]`), each once.
    public static func check(_ input: HealthTeamInput, _ c: inout FormChecker) -> CheckedHealthTeam? {
        let name = c.required(input.name, "name")
        StationForm.text(name, "name", &c)
        let kind = c.token(input.kind, "kind", HealthTeamKind.self)
        var unit: DivisionCode? = nil
        if let raw = c.required(input.unitCode, "unitCode") {
            unit = DivisionCode(raw).flatMap { $0.level >= .township ? $0 : nil }
            if unit == nil { c.errors.append(FieldError(field: "unitCode", key: "field.error.choice")) }
        }
        let leader: PersonID? = HealthScreeningForm.id(input.leaderPersonId, "leaderPersonId", required: true, &c)
        let others = HealthScreeningForm.ids(input.members ?? [], "members", max: maxMembers, &c)
        guard c.errors.isEmpty, let name, let kind, let unit, let leader, let others else { return nil }
        return CheckedHealthTeam(
            name: name, kind: kind, unitCode: unit, leaderPersonId: leader, members: [leader] + others.filter { $0 != leader })
    }

    /// A day not after `today`, a place, and the participants: a count of 1–5,000 or one id at least.
    public static func activity(_ input: HealthTeamActivityInput, today: CivilDate, _ c: inout FormChecker) -> HealthTeamActivity? {
        let date = RightsMediationForm.day(input.date, "date", after: nil, today: today, &c)
        let place = c.required(input.place, "place")
        StationForm.text(place, "place", &c)
        var participants: HealthParticipants? = nil
        switch input.participants {
        case .count(let n):
            participants = HealthCampaignForm.count(n, "participants", participantsRange, &c).map { .count($0) }
        case .personIds(let raw) where !raw.isEmpty:
            participants = HealthScreeningForm.ids(raw, "participants", max: participantsRange.upperBound, &c).map { .people($0) }
        case .personIds, nil:
            c.errors.append(FieldError(field: "participants", key: "field.error.required"))
        case .unreadable:
            c.errors.append(FieldError(field: "participants", key: "field.error.choice"))
        }
        guard c.errors.isEmpty, let date, let place, let participants else { return nil }
        return HealthTeamActivity(date: date, place: place, participants: participants)
    }
}

extension HealthTeamForm {
    /// One line of a team form's members box.
    public struct MemberLine: Sendable, Equatable {
        public let line: Int
        public let name: String?
        public let idNumber: String?
        public init(line: Int, name: String?, idNumber: String?) { (self.line, self.name, self.idNumber) = (line, name, idNumber) }
    }

    /// The members a form's box lists, one a line as people copy them from a list: a name and an ID number in either
    /// order, with spaces, commas, 、 or tabs between (blank lines skipped). The ID number is the part of digits (and a
    /// final X) 15 characters or longer; what is left is the name.
    public static func memberLines(_ text: String) -> [MemberLine] {
        let separators: Set<Character> = [" ", "　", "\t", ",", "，", "、", ";", "；", ":", "："]
        var out: [MemberLine] = []
        for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let parts = raw.split(whereSeparator: { separators.contains($0) }).map(String.init)
            guard !parts.isEmpty else { continue }
            let digit = { (c: Character) in c.isASCII && c.isNumber }
            let isID = { (s: String) in s.count >= 15 && s.dropLast().allSatisfy(digit) && (digit(s.last!) || "xX".contains(s.last!)) }
            let id = parts.first(where: isID)
            let name = parts.filter { !isID($0) }.joined()
            out.append(MemberLine(line: i + 1, name: name.isEmpty ? nil : name, idNumber: id?.uppercased()))
        }
        return out
    }
}
