import Foundation

/// A 12-digit 统计用区划代码. Shorter codes from the source data (2, 4, 6, 9 digits) are padded with zeros,
/// so every level shares one column type and a unit's jurisdiction is a contiguous range of codes.
public struct DivisionCode: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let value: String

    public init?(_ raw: String) {
        let digits = raw.trimmingCharacters(in: .whitespaces)
        guard [2, 4, 6, 9, 12].contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        value = digits + String(repeating: "0", count: 12 - digits.count)
    }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let code = DivisionCode(raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a division code"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }

    public var description: String { value }
    public static func < (a: Self, b: Self) -> Bool { a.value < b.value }

    private func part(_ from: Int, _ to: Int) -> Substring {
        let s = value.index(value.startIndex, offsetBy: from), e = value.index(value.startIndex, offsetBy: to)
        return value[s..<e]
    }

    public var level: DivisionLevel {
        if part(2, 12).allSatisfy({ $0 == "0" }) { return .province }
        if part(4, 12).allSatisfy({ $0 == "0" }) { return .city }
        if part(6, 12).allSatisfy({ $0 == "0" }) { return .county }
        if part(9, 12).allSatisfy({ $0 == "0" }) { return .township }
        return .village
    }

    /// The significant digits: 42, 4210, 421081, 421081104, 421081104200.
    public var prefix: String { String(value.prefix(level.significantDigits)) }

    /// The first and last code inside this unit's jurisdiction (itself and everything below).
    public var range: ClosedRange<String> {
        let p = prefix
        return (p + String(repeating: "0", count: 12 - p.count))...(p + String(repeating: "9", count: 12 - p.count))
    }

    public func contains(_ other: DivisionCode) -> Bool { other.value.hasPrefix(prefix) }

    public var parent: DivisionCode? {
        switch level {
        case .province: return nil
        case .city: return DivisionCode(String(value.prefix(2)))
        case .county: return DivisionCode(String(value.prefix(4)))
        case .township: return DivisionCode(String(value.prefix(6)))
        case .village: return DivisionCode(String(value.prefix(9)))
        }
    }

    /// The digits that number this unit within its parent (3 for townships and villages, 2 above).
    public var localNumber: Int { Int(part(level.significantDigits - (level.rawValue >= 3 ? 3 : 2), level.significantDigits)) ?? 0 }

    /// Kind as the code's digits encode it (see the data README). `nil` for numbers outside the official ranges,
    /// which is what units added by an administrator use.
    public var statisticalKind: DivisionKind? {
        let n = localNumber
        switch level {
        case .province: return .province
        case .city: return .city
        case .county: return .county
        case .township:
            switch n {
            case 1...99: return .subdistrict
            case 100...199: return .town
            case 200...399: return .township
            case 400...599: return .developmentZone
            default: return nil
            }
        case .village:
            switch n {
            case 0...99: return .residentsCommittee
            case 200...399: return .villageCommittee
            case 400...599: return .livingArea
            default: return nil
            }
        }
    }

    /// Numbers an administrator-added unit may take: above every range the statistics bureau uses,
    /// so a later official edition never collides with them.
    public static let nonStatisticalRange = 900...999

    public func child(number: Int) -> DivisionCode? {
        guard level == .county || level == .township, (0...999).contains(number) else { return nil }
        let n = String(number)
        return DivisionCode(prefix + String(repeating: "0", count: 3 - n.count) + n)
    }
}

public enum DivisionLevel: Int, Sendable, Codable, CaseIterable, Comparable {
    case province = 0, city, county, township, village
    public var significantDigits: Int { [2, 4, 6, 9, 12][rawValue] }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var token: String { ["province", "city", "county", "township", "village"][rawValue] }
}

/// A unit's standing: `active`, or `retired` (撤销/并入) and kept so that history and old records still resolve.
public enum UnitStatus: String, Sendable, Codable, CaseIterable { case active, retired }

public enum DivisionKind: String, Sendable, Codable, CaseIterable {
    case province, city, county
    case subdistrict  // 街道
    case town  // 镇
    case township  // 乡
    case developmentZone = "development_zone"  // 开发区 and other township-level units
    case residentsCommittee = "residents_committee"  // 居委会 / 社区
    case villageCommittee = "village_committee"  // 村委会
    case livingArea = "living_area"  // 农场、林场生活区

    public var level: DivisionLevel {
        switch self {
        case .province: return .province
        case .city: return .city
        case .county: return .county
        case .subdistrict, .town, .township, .developmentZone: return .township
        case .residentsCommittee, .villageCommittee, .livingArea: return .village
        }
    }

    /// Kind from a name's ending, for units whose code does not encode it.
    public static func guess(fromName name: String, level: DivisionLevel) -> DivisionKind {
        switch level {
        case .province: return .province
        case .city: return .city
        case .county: return .county
        case .township:
            if name.hasSuffix("街道") || name.hasSuffix("街道办事处") { return .subdistrict }
            if name.hasSuffix("镇") { return .town }
            if name.hasSuffix("乡") { return .township }
            return .developmentZone
        case .village:
            if name.hasSuffix("居委会") || name.hasSuffix("社区") || name.hasSuffix("居民委员会") { return .residentsCommittee }
            if name.hasSuffix("生活区") || name.hasSuffix("林场") || name.hasSuffix("农场") { return .livingArea }
            return .villageCommittee
        }
    }
}

/// What happened to a unit, as its change log (`unit_changes.change`) records it.
public enum UnitChangeKind: String, Sendable, Codable, CaseIterable {
    case loaded, added, renamed, recoded, merged, absorbed, retired
}
