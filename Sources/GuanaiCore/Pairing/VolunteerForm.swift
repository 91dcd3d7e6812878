import Foundation

extension VolunteerInput {
    enum CodingKeys: String, CodingKey {
        case name, idNumber, phone, unitCode, skills, capacity, latitude, longitude, status, account
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func s(_ k: CodingKeys) throws -> String? { try c.decodeIfPresent(String.self, forKey: k) }
        func d(_ k: CodingKeys) throws -> Double? { try c.decodeIfPresent(Double.self, forKey: k) }
        self.init(
            name: try s(.name), idNumber: try s(.idNumber), phone: try s(.phone), unitCode: try s(.unitCode),
            details: try Details(from: decoder), skills: try c.decodeIfPresent([String].self, forKey: .skills),
            capacity: try c.decodeIfPresent(Int.self, forKey: .capacity), latitude: try d(.latitude), longitude: try d(.longitude),
            status: try s(.status), account: try s(.account))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        for (k, v) in [
            (CodingKeys.name, name), (.idNumber, idNumber), (.phone, phone), (.unitCode, unitCode), (.status, status), (.account, account),
        ] {
            try c.encodeIfPresent(v, forKey: k)
        }
        try c.encodeIfPresent(skills, forKey: .skills)
        try c.encodeIfPresent(capacity, forKey: .capacity)
        try c.encodeIfPresent(latitude, forKey: .latitude)
        try c.encodeIfPresent(longitude, forKey: .longitude)
        try details.encode(to: encoder)
    }
}

/// A volunteer (爱心妈妈) as typed: registration, a change, or a ledger row.
public struct VolunteerInput: Codable, Sendable {
    public var name: String?
    public var idNumber: String?
    public var phone: String?
    public var unitCode: String?
    /// Her plain fields as typed (`VolunteerDetail`), flat in the same object.
    public var details = Details<VolunteerDetail>()
    public var skills: [String]?
    public var capacity: Int?
    public var latitude: Double?
    public var longitude: Double?
    public var status: String?
    /// The username of her own volunteer account, to link (an empty string unlinks).
    public var account: String?

    public init(
        name: String? = nil, idNumber: String? = nil, phone: String? = nil, unitCode: String? = nil,
        details: Details<VolunteerDetail> = Details(), skills: [String]? = nil, capacity: Int? = nil,
        latitude: Double? = nil, longitude: Double? = nil, status: String? = nil, account: String? = nil
    ) {
        self.name = name
        self.idNumber = idNumber
        self.phone = phone
        self.unitCode = unitCode
        self.details = details
        self.skills = skills
        self.capacity = capacity
        self.latitude = latitude
        self.longitude = longitude
        self.status = status
        self.account = account
    }
}

/// The volunteer form's own checks, with no database: the unit she belongs to and her own account are looked up by
/// the caller, and handed in as facts.
public enum VolunteerForm {
    /// The most children one volunteer is paired with at once.
    public static let maxCapacity = 5

    public typealias UnitFacts = GuanaiCore.UnitFacts

    public struct Checked: Sendable {
        public let name: String
        public let id: IDNumber
        public let unitCode: String
        public let record: Record
    }

    /// Her own fields as stored: what registration sets and a change merges onto.
    public struct Record: Sendable, Equatable {
        public var phone: String?
        public var details: Details<VolunteerDetail>
        /// Comma-separated `VolunteerSkill` tokens.
        public var skills: String
        public var capacity: Int
        public var latitude: Double?
        public var longitude: Double?
        public var status: VolunteerStatus

        public init(
            phone: String?, details: Details<VolunteerDetail>, skills: String, capacity: Int,
            latitude: Double?, longitude: Double?, status: VolunteerStatus
        ) {
            self.phone = phone
            self.details = details
            self.skills = skills
            self.capacity = capacity
            self.latitude = latitude
            self.longitude = longitude
            self.status = status
        }
    }

    /// The unit code as the form reads it (trimmed; nil when blank): the one the caller looks up.
    public static func unitCode(_ input: VolunteerInput) -> String? { FormChecker().text(input.unitCode) }

    /// A registration: she belongs to an active village or township (a township's federation, a school, a clinic).
    public static func check(_ input: VolunteerInput, unit: UnitFacts?, _ c: inout FormChecker) -> Checked? {
        let name = c.required(input.name, "name")
        let id = c.idNumber(input.idNumber, "idNumber", required: true)
        let phone = c.phone(input.phone, "phone")
        let code = c.required(input.unitCode, "unitCode")
        if code != nil, !(unit.map { $0.isActive && ($0.level == .village || $0.level == .township) } ?? false) {
            c.errors.append(FieldError(field: "unitCode", key: "field.error.choice"))
        }
        let skills = self.skills(input.skills, &c)
        let capacity = input.capacity ?? 1
        _ = self.capacity(capacity, &c)
        point(input.latitude, input.longitude, &c)
        guard c.errors.isEmpty, let name, let id, let code else { return nil }
        let record = Record(
            phone: phone, details: input.details.normalised.complete,
            skills: skills.map(\.rawValue).joined(separator: ","), capacity: capacity, latitude: input.latitude, longitude: input.longitude,
            status: .active)
        return Checked(name: name, id: id, unitCode: code, record: record)
    }

    /// A change: what was sent merges onto `record`, what fails is in `c`. `openLoad` is her pairs that hold a place
    /// (asked for only when a capacity is sent): lowering capacity below them would silently overbook her.
    public static func change(_ record: inout Record, _ input: VolunteerInput, openLoad: Int, _ c: inout FormChecker) {
        if input.phone != nil { record.phone = c.phone(input.phone, "phone") }
        if input.skills != nil { record.skills = skills(input.skills, &c).map(\.rawValue).joined(separator: ",") }
        if let cap = input.capacity, capacity(cap, &c) {
            if openLoad > cap {
                c.errors.append(FieldError(field: "capacity", key: "pairing.error.capacityBelowLoad"))
            } else {
                record.capacity = cap
            }
        }
        record.details = record.details.merging(input.details.normalised)
        if input.latitude != nil || input.longitude != nil {
            point(input.latitude, input.longitude, &c)
            record.latitude = input.latitude
            record.longitude = input.longitude
        }
        if let s = input.status {
            if let status = VolunteerStatus(rawValue: s) {
                record.status = status
            } else {
                c.errors.append(FieldError(field: "status", key: "field.error.choice"))
            }
        }
    }

    /// Within 1…maxCapacity, or an error naming the most.
    public static func capacity(_ n: Int, _ c: inout FormChecker) -> Bool {
        guard (1...maxCapacity).contains(n) else {
            c.errors.append(FieldError(field: "capacity", key: "pairing.error.capacity", args: [String(maxCapacity)]))
            return false
        }
        return true
    }

    /// Known skills, each once, in the order given.
    public static func skills(_ raw: [String]?, _ c: inout FormChecker) -> [VolunteerSkill] {
        var out: [VolunteerSkill] = []
        for s in raw ?? [] {
            if let k = VolunteerSkill(rawValue: s) {
                if !out.contains(k) { out.append(k) }
            } else {
                c.errors.append(FieldError(field: "skills", key: "field.error.choice"))
            }
        }
        return out
    }

    /// Where she lives, for distances: both coordinates or neither, each on the globe.
    public static func point(_ lat: Double?, _ lon: Double?, _ c: inout FormChecker) {
        if (lat == nil) != (lon == nil) {
            c.errors.append(FieldError(field: lat == nil ? "latitude" : "longitude", key: "field.error.required"))
        }
        if let lat, !(-90...90).contains(lat) { c.errors.append(FieldError(field: "latitude", key: "field.error.choice")) }
        if let lon, !(-180...180).contains(lon) { c.errors.append(FieldError(field: "longitude", key: "field.error.choice")) }
    }

    /// The link to her own account: the account found by username must be a volunteer's, in the jurisdiction, and not
    /// linked to another volunteer. `found`: the account's role, whether it is in scope, and whether another
    /// volunteer holds it; nil when no such username.
    public static func accountProblem(found: (role: Role, inScope: Bool, linkedElsewhere: Bool)?) -> FieldError? {
        guard let found, found.role == .volunteer, found.inScope else { return FieldError(field: "account", key: "pairing.error.account") }
        return found.linkedElsewhere ? FieldError(field: "account", key: "pairing.error.accountTaken") : nil
    }

    /// A date something was done: today when left empty, never in the future.
    public static func pastDate(_ raw: String?, _ field: String, today: CivilDate, _ c: inout FormChecker) -> CivilDate? {
        let d = (raw ?? "").isEmpty ? today : c.date(raw, field)
        if let d, d > today { c.errors.append(FieldError(field: field, key: "pairing.error.future")) }
        return d
    }
}
