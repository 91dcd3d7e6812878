import Foundation

/// A pilot campaign as typed.
public struct CampaignInput: Codable, Sendable {
    public var name: String?
    public var unitCode: String?
    public var launchedOn: String?
    public var note: String?

    public init(name: String? = nil, unitCode: String? = nil, launchedOn: String? = nil, note: String? = nil) {
        self.name = name
        self.unitCode = unitCode
        self.launchedOn = launchedOn
        self.note = note
    }
}

/// A volunteer signing up for a campaign, as typed.
public struct CampaignVolunteerInput: Codable, Sendable {
    public var volunteerId: String?
    /// The day she signed up; the launch day when not given (most sign up at the meeting itself).
    public var signedOn: String?

    public init(volunteerId: String? = nil, signedOn: String? = nil) {
        self.volunteerId = volunteerId
        self.signedOn = signedOn
    }
}

/// The checks of a pilot campaign and of signing a volunteer up, with no database: the unit and the volunteer are
/// looked up by the caller and handed in as facts.
public enum CampaignForm {
    public static let maxName = 100
    public static let maxNote = 2000

    /// The township whose volunteers may sign up: a village campaign draws on its whole township, as pairing does.
    public static func township(of unitCode: String) -> String {
        DivisionCode(unitCode)?.level == .village ? String(unitCode.prefix(9)) + "000" : unitCode
    }

    public typealias UnitFacts = GuanaiCore.UnitFacts

    public struct Checked: Sendable, Equatable {
        public let name: String
        public let unitCode: String
        public let launchedOn: CivilDate
        public let note: String
    }

    /// The unit code the caller looks up (nil when blank).
    public static func unitCode(_ input: CampaignInput) -> String? { FormChecker().text(input.unitCode) }

    /// A campaign is recorded after its launch meeting, never planned ahead, in a place that runs pairs: a village,
    /// or a township piloting across its villages.
    public static func check(_ input: CampaignInput, unit: UnitFacts?, today: CivilDate, _ c: inout FormChecker) -> Checked? {
        let title = c.required(input.name, "name")
        if let t = title, t.count > maxName { c.errors.append(FieldError(field: "name", key: "field.error.tooLong")) }
        var place: UnitFacts? = nil
        if c.required(input.unitCode, "unitCode") != nil {
            if let u = unit, u.isActive, u.level == .village || u.level == .township {
                place = u
            } else {
                c.errors.append(FieldError(field: "unitCode", key: "field.error.choice"))
            }
        }
        let launched: CivilDate?
        if (input.launchedOn ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            launched = nil
            c.errors.append(FieldError(field: "launchedOn", key: "field.error.required"))
        } else {
            launched = c.date(input.launchedOn, "launchedOn")
        }
        if let d = launched, d > today { c.errors.append(FieldError(field: "launchedOn", key: "campaign.error.future")) }
        let note = c.text(input.note) ?? ""
        if note.count > maxNote { c.errors.append(FieldError(field: "note", key: "field.error.tooLong")) }
        guard c.errors.isEmpty, let title, let place, let launched else { return nil }
        return Checked(name: title, unitCode: place.code, launchedOn: launched, note: note)
    }

    /// The volunteer asked for, as the caller found her in its scope (nil: none).
    public struct VolunteerFacts: Sendable {
        public let status: VolunteerStatus
        public let unitCode: String
        public init(status: VolunteerStatus, unitCode: String) {
            self.status = status
            self.unitCode = unitCode
        }
    }

    /// Signing up: she must be found, active, and from the campaign's township; the day is the launch day when not
    /// given, never in the future. Returns the day she signed up.
    public static func signUp(
        _ input: CampaignVolunteerInput, volunteer: VolunteerFacts?, campaignUnit: String, launchedOn: String,
        today: CivilDate, _ c: inout FormChecker
    ) -> CivilDate? {
        if let v = volunteer {
            if v.status != .active {
                c.errors.append(FieldError(field: "volunteerId", key: "pairing.error.withdrawn"))
            } else if !(DivisionCode(township(of: campaignUnit)).map { Jurisdiction(root: $0).contains(v.unitCode) } ?? false) {
                c.errors.append(FieldError(field: "volunteerId", key: "campaign.error.elsewhere"))
            }
        } else {
            c.errors.append(
                FieldError(
                    field: "volunteerId",
                    key: (input.volunteerId ?? "").isEmpty ? "field.error.required" : "pairing.error.volunteer"))
        }
        let blank = (input.signedOn ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        let signed = blank ? CivilDate(iso: launchedOn) : c.date(input.signedOn, "signedOn")
        if let d = signed, d > today { c.errors.append(FieldError(field: "signedOn", key: "visit.error.future")) }
        return c.errors.isEmpty ? signed : nil
    }
}
