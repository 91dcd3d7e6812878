import Foundation

/// What a candidate site is: a school (its rooms after class) or another building.
public enum SiteKind: String, Sendable, Codable, CaseIterable {
    case school, other
}

/// A place a station could open, as typed for `/api/v1/sites`. Village committees with a point are candidates
/// already; a site adds a school or another building. It needs a point: siting measures reach from it.
public struct SiteInput: Codable, Sendable, Equatable {
    public var name: String?
    public var kind: String?
    public var unitCode: String?
    public var latitude: Double?
    public var longitude: Double?
    public init(name: String? = nil, kind: String? = nil, unitCode: String? = nil, latitude: Double? = nil, longitude: Double? = nil) {
        self.name = name
        self.kind = kind
        self.unitCode = unitCode
        self.latitude = latitude
        self.longitude = longitude
    }
}

public struct CheckedSite: Sendable, Equatable {
    public let name: String
    public let kind: SiteKind
    public let unitCode: String
    public let point: GeoPoint
}

public enum SiteForm {
    /// Every bad field at once: a name, a kind, an active village or township of the caller's (`unit`, looked up by
    /// the caller), and both coordinates.
    public static func check(_ input: SiteInput, unit: UnitFacts?, _ c: inout FormChecker) -> CheckedSite? {
        let name = c.required(input.name, "name")
        StationForm.text(name, "name", &c)
        let kind = c.token(input.kind, "kind", SiteKind.self)
        let code = c.required(input.unitCode, "unitCode")
        if code != nil, !(unit.map { $0.isActive && ($0.level == .village || $0.level == .township) } ?? false) {
            c.errors.append(FieldError(field: "unitCode", key: "field.error.choice"))
        }
        let point = UnitPointForm.check(UnitPointInput(latitude: input.latitude, longitude: input.longitude), &c)
        guard c.errors.isEmpty, let name, let kind, let code, let point else { return nil }
        return CheckedSite(name: name, kind: kind, unitCode: code, point: point)
    }
}

/// `POST /api/v1/stations/siting`: where to open `count` stations in `unit`, reaching `reachMetres`, among the
/// village committees with a point and the sites (only `siteIds` when given).
public struct SitingInput: Codable, Sendable, Equatable {
    public var unit: String?
    public var count: Int?
    public var reachMetres: Int?
    public var siteIds: [String]?
    public init(unit: String? = nil, count: Int? = nil, reachMetres: Int? = nil, siteIds: [String]? = nil) {
        self.unit = unit
        self.count = count
        self.reachMetres = reachMetres
        self.siteIds = siteIds
    }
}

public enum SitingForm {
    /// More stations at once than a county plans in years is a slip, and the solver's bound grows with it.
    public static let countRange = 1...50

    /// The count and the reach (the rules' reach when left out; within the rules' own bounds).
    public static func check(_ input: SitingInput, defaultReach: Int, _ c: inout FormChecker) -> (count: Int, reach: Int)? {
        let count = input.count ?? 0
        if !countRange.contains(count) {
            c.errors.append(
                FieldError(field: "count", key: "settings.error.range", args: ["\(countRange.lowerBound)–\(countRange.upperBound)"]))
        }
        let range = StationRules.fields.first { $0.name == "reachMetres" }!.range
        let reach = input.reachMetres ?? defaultReach
        if !range.contains(reach) {
            c.errors.append(
                FieldError(field: "reachMetres", key: "settings.error.range", args: ["\(range.lowerBound)–\(range.upperBound)"]))
        }
        guard c.errors.isEmpty else { return nil }
        return (count, reach)
    }
}

extension StationRules {
    public var sitingWeights: SitingWeights {
        var w = SitingWeights()
        w.critical = criticalWeight
        w.high = highWeight
        w.medium = mediumWeight
        w.normal = normalWeight
        return w
    }
}
