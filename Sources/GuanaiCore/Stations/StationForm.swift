import Foundation

/// A station as typed for `POST`/`PUT /api/v1/stations` or a ledger row.
public struct StationInput: Codable, Sendable {
    public struct Staff: Codable, Sendable, Equatable {
        public var name: String?, phone: String?
        public init(name: String? = nil, phone: String? = nil) { self.name = name; self.phone = phone }
    }
    public var name: String?
    public var unitCode: String?
    public var host: String?
    public var address: String?
    public var latitude: Double?
    public var longitude: Double?
    public var capacity: Int?
    public var schedule: [String]?
    public var staff: [Staff]?
    public var volunteerIds: [String]?
    public var facilities: String?
    public var status: String?
    public var openedOn: String?
    public var closedOn: String?

    public init(
        name: String? = nil, unitCode: String? = nil, host: String? = nil, address: String? = nil, latitude: Double? = nil,
        longitude: Double? = nil, capacity: Int? = nil, schedule: [String]? = nil, staff: [Staff]? = nil, volunteerIds: [String]? = nil,
        facilities: String? = nil, status: String? = nil, openedOn: String? = nil, closedOn: String? = nil
    ) {
        self.name = name
        self.unitCode = unitCode
        self.host = host
        self.address = address
        self.latitude = latitude
        self.longitude = longitude
        self.capacity = capacity
        self.schedule = schedule
        self.staff = staff
        self.volunteerIds = volunteerIds
        self.facilities = facilities
        self.status = status
        self.openedOn = openedOn
        self.closedOn = closedOn
    }
}

/// A station that passed every check: what the web layer stores.
public struct CheckedStation: Sendable, Equatable {
    public struct Staff: Sendable, Equatable {
        public let name: String, phone: String?
    }
    public let name: String
    public let unitCode: String
    public let host: StationHost
    public let address: String?
    public let point: GeoPoint?
    public let capacity: Int
    /// In the order of `StationSession.allCases`, so a stored list reads the same however it was typed.
    public let schedule: [StationSession]
    public let staff: [Staff]
    public let volunteerIds: [String]
    public let facilities: String?
    public let status: StationStatus
    public let openedOn: CivilDate?
    public let closedOn: CivilDate?
}

/// The station form's own checks, with no database: the unit it names and which volunteers exist are looked up by
/// the caller and handed in as facts.
public enum StationForm {
    /// More than a village school's hall holds is a typing slip, not a station.
    public static let capacityRange = 1...500

    /// The unit code as the form reads it (trimmed; nil when blank): the one the caller looks up.
    public static func unitCode(_ input: StationInput) -> String? { FormChecker().text(input.unitCode) }

    /// `unit`: the named unit's facts (nil when unknown). `knownVolunteers`: those of `volunteerIds` that exist in
    /// the caller's jurisdiction; nil leaves them unchecked. `today` bounds the opening and closing dates.
    public static func check(
        _ input: StationInput, unit: UnitFacts?, knownVolunteers: Set<String>?, today: CivilDate, _ c: inout FormChecker
    )
        -> CheckedStation?
    {
        let name = c.required(input.name, "name")
        text(name, "name", &c)
        let code = c.required(input.unitCode, "unitCode")
        if code != nil, !(unit.map { $0.isActive && ($0.level == .village || $0.level == .township) } ?? false) {
            c.errors.append(FieldError(field: "unitCode", key: "field.error.choice"))
        }
        let host = c.token(input.host, "host", StationHost.self)
        let address = c.text(input.address)
        text(address, "address", &c)
        let point = self.point(input.latitude, input.longitude, &c)
        let capacity = input.capacity
        if let capacity {
            if !capacityRange.contains(capacity) {
                c.errors.append(
                    FieldError(
                        field: "capacity", key: "stations.error.capacity",
                        args: [String(capacityRange.lowerBound), String(capacityRange.upperBound)]))
            }
        } else {
            c.errors.append(FieldError(field: "capacity", key: "field.error.required"))
        }
        let schedule = self.schedule(input.schedule, &c)
        let staff = self.staff(input.staff, &c)
        let volunteers = self.volunteers(input.volunteerIds, known: knownVolunteers, &c)
        let facilities = c.text(input.facilities)
        text(facilities, "facilities", &c)
        let status = (input.status ?? "").isEmpty ? StationStatus.open : c.token(input.status, "status", StationStatus.self)
        let opened = c.date(input.openedOn, "openedOn"), closed = c.date(input.closedOn, "closedOn")
        if let opened, opened > today { c.errors.append(FieldError(field: "openedOn", key: "pairing.error.future")) }
        if let closed, closed > today { c.errors.append(FieldError(field: "closedOn", key: "pairing.error.future")) }
        if let opened, let closed, closed < opened { c.errors.append(FieldError(field: "closedOn", key: "stations.error.rangeOrder")) }
        if status == .open, closed != nil { c.errors.append(FieldError(field: "closedOn", key: "stations.error.closedOnOpen")) }
        guard c.errors.isEmpty, let name, let code, let host, let capacity, let status else { return nil }
        return CheckedStation(
            name: name, unitCode: code, host: host, address: address, point: point, capacity: capacity, schedule: schedule,
            staff: staff, volunteerIds: volunteers, facilities: facilities, status: status, openedOn: opened, closedOn: closed)
    }

    /// Within `TextRules`' length for the field and free of control characters.
    static func text(_ v: String?, _ field: String, _ c: inout FormChecker) {
        guard let v, let p = TextRules.problem(field: field, value: v) else { return }
        switch p {
        case .tooLong(let max): c.errors.append(FieldError(field: field, key: "field.error.textTooLong", args: [String(max)]))
        case .control: c.errors.append(FieldError(field: field, key: "field.error.control"))
        }
    }

    /// Both coordinates or neither, each on the globe.
    public static func point(_ lat: Double?, _ lon: Double?, _ c: inout FormChecker) -> GeoPoint? {
        let before = c.errors.count
        VolunteerForm.point(lat, lon, &c)
        if let lat, !lat.isFinite { c.errors.append(FieldError(field: "latitude", key: "field.error.choice")) }
        if let lon, !lon.isFinite { c.errors.append(FieldError(field: "longitude", key: "field.error.choice")) }
        guard c.errors.count == before, let lat, let lon else { return nil }
        return GeoPoint(latitude: lat, longitude: lon)
    }

    /// A non-empty set of known sessions; a session typed twice counts once.
    public static func schedule(_ raw: [String]?, _ c: inout FormChecker) -> [StationSession] {
        var set: Set<StationSession> = []
        var bad = false
        for s in raw ?? [] {
            if let k = StationSession(rawValue: s.trimmingCharacters(in: .whitespaces)) { set.insert(k) } else { bad = true }
        }
        if bad {
            c.errors.append(FieldError(field: "schedule", key: "field.error.choice"))
        } else if set.isEmpty {
            c.errors.append(FieldError(field: "schedule", key: "field.error.required"))
        }
        return StationSession.allCases.filter(set.contains)
    }

    static func staff(_ raw: [StationInput.Staff]?, _ c: inout FormChecker) -> [CheckedStation.Staff] {
        var out: [CheckedStation.Staff] = []
        for (i, s) in (raw ?? []).enumerated() {
            let name = c.required(s.name, "staff[\(i)].name")
            text(name, "staff[\(i)].name", &c)
            let phone = c.phone(s.phone, "staff[\(i)].phone")
            if let name { out.append(.init(name: name, phone: phone)) }
        }
        return out
    }

    /// Each once, in the order given; an id the caller did not find is refused.
    static func volunteers(_ raw: [String]?, known: Set<String>?, _ c: inout FormChecker) -> [String] {
        var out: [String] = []
        for (i, id) in (raw ?? []).enumerated() {
            let t = id.trimmingCharacters(in: .whitespaces)
            if t.isEmpty || (known.map { !$0.contains(t) } ?? false) {
                c.errors.append(FieldError(field: "volunteerIds[\(i)]", key: "field.error.choice"))
            } else if !out.contains(t) {
                out.append(t)
            }
        }
        return out
    }
}
