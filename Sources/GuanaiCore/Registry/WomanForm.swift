import Foundation

/// A woman as typed (a form, the API, a ledger row).
public struct WomanInput: Codable, Sendable {
    public var name: String?
    public var idNumber: String?
    public var villageCode: String?
    public var hukou: String?
    public var phone: String?
    public var ethnicity: String?
    public var health: String?
    public var husband: ParentInput?
    /// Her plain fields as typed (`WomanDetail`), flat in the same object.
    public var details = Details<WomanDetail>()
    public var needs: [String]?
    public var confirmLinks: Bool?
    /// Her household's address (a change only; registration takes it from the household).
    public var address: String?

    public init(
        name: String? = nil, idNumber: String? = nil, villageCode: String? = nil, hukou: String? = nil, phone: String? = nil,
        ethnicity: String? = nil, health: String? = nil, husband: ParentInput? = nil,
        details: Details<WomanDetail> = Details(), needs: [String]? = nil, confirmLinks: Bool? = nil, address: String? = nil
    ) {
        self.name = name
        self.idNumber = idNumber
        self.villageCode = villageCode
        self.hukou = hukou
        self.phone = phone
        self.ethnicity = ethnicity
        self.health = health
        self.husband = husband
        self.details = details
        self.needs = needs
        self.confirmLinks = confirmLinks
        self.address = address
    }
}

extension WomanInput {
    enum CodingKeys: String, CodingKey {
        case name, idNumber, villageCode, hukou, phone, ethnicity, health, husband, needs, confirmLinks, address
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func s(_ k: CodingKeys) throws -> String? { try c.decodeIfPresent(String.self, forKey: k) }
        self.init(
            name: try s(.name), idNumber: try s(.idNumber), villageCode: try s(.villageCode), hukou: try s(.hukou),
            phone: try s(.phone), ethnicity: try s(.ethnicity), health: try s(.health),
            husband: try c.decodeIfPresent(ParentInput.self, forKey: .husband), details: try Details(from: decoder),
            needs: try c.decodeIfPresent([String].self, forKey: .needs),
            confirmLinks: try c.decodeIfPresent(Bool.self, forKey: .confirmLinks), address: try s(.address))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        for (k, v) in [
            (CodingKeys.name, name), (.idNumber, idNumber), (.villageCode, villageCode), (.hukou, hukou), (.phone, phone),
            (.ethnicity, ethnicity), (.health, health), (.address, address),
        ] {
            try c.encodeIfPresent(v, forKey: k)
        }
        try c.encodeIfPresent(husband, forKey: .husband)
        try c.encodeIfPresent(needs, forKey: .needs)
        try c.encodeIfPresent(confirmLinks, forKey: .confirmLinks)
        try details.encode(to: encoder)
    }
}

/// A change to a household as typed.
public struct HouseholdInput: Codable, Sendable {
    public var villageCode: String?
    public var villageGroup: String?
    public var address: String?
    public var latitude: Double?
    public var longitude: Double?
    public var poverty: String?

    public init(
        villageCode: String? = nil, villageGroup: String? = nil, address: String? = nil, latitude: Double? = nil,
        longitude: Double? = nil, poverty: String? = nil
    ) {
        self.villageCode = villageCode
        self.villageGroup = villageGroup
        self.address = address
        self.latitude = latitude
        self.longitude = longitude
        self.poverty = poverty
    }
}

/// The woman form's own checks and merge rules, with no database: the input as typed becomes a checked woman (or a
/// checked change), or the field errors that name what to fix. The village is looked up by the caller (it needs the
/// jurisdiction); her husband's and her own person records are found and linked by the caller too.
public enum WomanForm {
    /// How many children or elders one woman can be said to care for.
    public static let inCare = 0...20

    public struct Checked: Sendable {
        public let name: String
        public let id: IDNumber
        public let village: DivisionCode
        public let hukou: Hukou
        public let phone: String?
        public let health: Health
        public let ethnicity: String?
        public let husband: ChildForm.Parent?
        public let record: Record
    }

    /// Her own record's fields (the woman row), as stored: what a registration sets and a change merges onto.
    public struct Record: Sendable, Equatable {
        public var husbandSituation: String?
        public var husbandWorkPlace: String?
        public var husbandSince: String?
        public var details: Details<WomanDetail>
        /// Comma-separated `WomanNeed` tokens.
        public var needs: String

        public init(
            husbandSituation: String?, husbandWorkPlace: String?, husbandSince: String?, details: Details<WomanDetail>, needs: String
        ) {
            self.husbandSituation = husbandSituation
            self.husbandWorkPlace = husbandWorkPlace
            self.husbandSince = husbandSince
            self.details = details
            self.needs = needs
        }
    }

    /// A registration. `village` is the code the caller found in the jurisdiction; `villageErrors` what it found wrong
    /// with the one typed, reported in the form's order (after the ID number).
    public static func check(
        _ input: WomanInput, village: DivisionCode?, villageErrors: [FieldError] = [],
        _ c: inout FormChecker
    ) -> Checked? {
        let name = c.required(input.name, "name")
        let id = c.idNumber(input.idNumber, "idNumber", required: true)
        if let id, id.sex != .female { c.errors.append(FieldError(field: "idNumber", key: "women.error.notFemale")) }
        c.errors += villageErrors
        let hukou = c.token(input.hukou, "hukou", Hukou.self)
        let phone = c.phone(input.phone, "phone")
        let health = c.token(input.health, "health", Health.self, required: false) ?? .healthy
        let husband = ChildForm.parent(input.husband, "husband", &c)
        let needs = self.needs(input.needs ?? [], &c)
        c.errors += input.details.problems()
        var details = input.details.normalised
        // The course topics she wants, kept as known tokens in Core's order so suggestions can match them.
        if let t = details[text: .trainingTopics] {
            details[text: .trainingTopics] = CourseForm.topics([t], &c).map(\.rawValue).joined(separator: ",")
        }
        guard c.errors.isEmpty, let name, let id, let village, let hukou else { return nil }
        let record = Record(
            husbandSituation: husband?.situation?.rawValue, husbandWorkPlace: husband?.workPlace,
            husbandSince: husband?.since?.iso, details: details.normalised.complete,
            needs: needs.map(\.rawValue).joined(separator: ","))
        return Checked(
            name: name, id: id, village: village, hukou: hukou, phone: phone, health: health,
            ethnicity: input.ethnicity.flatMap { $0.isEmpty ? nil : $0 }, husband: husband, record: record)
    }

    static func needs(_ raw: [String], _ c: inout FormChecker) -> [WomanNeed] {
        var out: [WomanNeed] = []
        for n in raw {
            if let v = WomanNeed(rawValue: n) {
                out.append(v)
            } else {
                c.errors.append(FieldError(field: "needs", key: "field.error.choice"))
            }
        }
        return out
    }

    /// A partial change: a field not sent keeps what is stored. Her name and phone are her person record's, the
    /// address her household's: the caller writes those; the rest merges onto her own record (`apply`).
    public struct Change: Sendable {
        /// Her new name, trimmed, when one was sent.
        public let name: String?
        /// Her phone when one was sent: `.some(nil)` clears it.
        public let phone: String??
        /// The household's new address when one was sent (as typed: the household compares it trimmed).
        public let address: String?
        let input: WomanInput
        let husbandSituation: ParentSituation?
        let husbandSince: CivilDate?
        let needs: [WomanNeed]?

        public func apply(to r: inout Record) {
            let c = FormChecker()
            if let s = husbandSituation { r.husbandSituation = s.rawValue }
            if let d = husbandSince { r.husbandSince = d.iso }
            if let p = input.husband?.workPlace { r.husbandWorkPlace = c.text(p) }
            r.details = r.details.merging(input.details.normalised)
            if let n = needs { r.needs = n.map(\.rawValue).joined(separator: ",") }
        }
    }

    /// The checks of a change; nil (with the errors in `c`) when any fails.
    public static func change(_ input: WomanInput, _ c: inout FormChecker) -> Change? {
        let hs = input.husband.flatMap { c.token($0.situation, "husband.situation", ParentSituation.self, required: false) }
        let since = input.husband.flatMap { c.date($0.since, "husband.since") }
        let needs = input.needs.map { self.needs($0, &c) }
        if let n = input.name, n.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            c.errors.append(FieldError(field: "name", key: "field.error.required"))
        }
        let phone = input.phone.map { c.phone($0, "phone") }
        c.errors += input.details.problems()
        guard c.errors.isEmpty else { return nil }
        return Change(
            name: input.name?.trimmingCharacters(in: .whitespacesAndNewlines), phone: phone, address: input.address, input: input,
            husbandSituation: hs, husbandSince: since, needs: needs)
    }

    /// Her status once classified: left behind is active (again); otherwise she exits, dated the first day she is not.
    public static func status(
        _ current: WomanStatus, exitedOn: String?, leftBehind: Bool,
        today: CivilDate
    ) -> (WomanStatus, exitedOn: String?) {
        if leftBehind { return (.active, nil) }
        if current != .exited { return (.exited, today.iso) }
        return (current, exitedOn)
    }
}

/// A household change's checks, with no database.
public enum HouseholdForm {
    public struct Change: Sendable {
        public let poverty: PovertyStatus?
        let input: HouseholdInput

        /// The household's own fields as stored, merged with what was sent.
        public func apply(to r: inout Record) {
            let c = FormChecker()
            if let p = poverty { r.poverty = p.rawValue }
            if let a = input.address { r.address = a.trimmingCharacters(in: .whitespaces) }
            if let g = input.villageGroup { r.villageGroup = c.text(g) }
            if let la = input.latitude { r.latitude = la }
            if let lo = input.longitude { r.longitude = lo }
        }
    }

    public struct Record: Sendable, Equatable {
        public var poverty: String
        public var address: String
        public var villageGroup: String?
        public var latitude: Double?
        public var longitude: Double?

        public init(poverty: String, address: String, villageGroup: String?, latitude: Double?, longitude: Double?) {
            self.poverty = poverty
            self.address = address
            self.villageGroup = villageGroup
            self.latitude = latitude
            self.longitude = longitude
        }

        /// What the audit trail records of it.
        public var auditFields: [String: String] {
            [
                "poverty": poverty, "address": address, "villageGroup": villageGroup ?? "", "latitude": latitude.map { String($0) } ?? "",
                "longitude": longitude.map { String($0) } ?? "",
            ]
        }
    }

    public static func change(_ input: HouseholdInput, _ c: inout FormChecker) -> Change? {
        let poverty = c.token(input.poverty, "poverty", PovertyStatus.self, required: false)
        if let la = input.latitude, !(-90...90).contains(la) { c.errors.append(FieldError(field: "latitude", key: "field.error.choice")) }
        if let lo = input.longitude, !(-180...180).contains(lo) {
            c.errors.append(FieldError(field: "longitude", key: "field.error.choice"))
        }
        guard c.errors.isEmpty else { return nil }
        return Change(poverty: poverty, input: input)
    }
}
