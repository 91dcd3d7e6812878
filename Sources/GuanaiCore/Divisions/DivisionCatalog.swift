import Foundation

/// One unit as the statistics bureau's list gives it.
public struct DivisionRecord: Sendable, Equatable {
    public let code: DivisionCode
    public let officialName: String
    public let shortName: String
    public let kind: DivisionKind
    public var level: DivisionLevel { code.level }
    public var parent: DivisionCode? { code.parent }

    public init(code: DivisionCode, officialName: String, kind: DivisionKind) {
        self.code = code
        self.officialName = officialName
        self.kind = kind
        self.shortName = DivisionName.short(for: officialName, kind: kind)
    }
}

public enum DivisionCatalogError: Error, Equatable, CustomStringConvertible {
    /// Not a division code at all: digits only, 2, 4, 6, 9 or 12 of them.
    case malformed(String)
    case notHubei(String)
    /// A township or a village: the list is loaded by county, prefecture or province.
    case belowCounty(String)
    case unknownCity(String)
    case unknownCounty(String)
    case resourceMissing(String)
    public var description: String {
        switch self {
        case .malformed(let c): return "not a division code (2, 4, 6, 9 or 12 digits): \(c)"
        case .notHubei(let c): return "only Hubei (42) divisions are bundled; got \(c)"
        case .belowCounty(let c): return "\(c) is a township- or village-level code; load its county, prefecture or the province"
        case .unknownCity(let c): return "no city-level unit \(c) in the bundled 2021 list"
        case .unknownCounty(let c): return "no county-level unit \(c) in the bundled 2021 list"
        case .resourceMissing(let f): return "bundled division file missing: \(f)"
        }
    }
}

/// The bundled 2021 统计用区划代码 of Hubei, copied from the shared data set into the product.
public enum DivisionCatalog {
    public static let defaultCounty = "421081"  // 石首市
    public static let province = "42"
    /// Recorded as the reason when the bundled list is loaded.
    public static let editionNote = "2021年统计用区划代码"

    static func resourceURL(_ file: String) -> URL? {
        Bundle.module.url(forResource: file, withExtension: nil, subdirectory: "divisions")
    }

    static func decode<T: Decodable>(_ file: String, as: T.Type) throws -> T {
        guard let url = resourceURL(file) else { throw DivisionCatalogError.resourceMissing(file) }
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    static func load(_ file: String) throws -> [String: [String: String]] { try decode(file, as: [String: [String: String]].self) }

    static func provinceName() throws -> String { try decode("province-\(province).json", as: [String: String].self)[province] ?? "湖北省" }
    static func cities() throws -> [String: String] { try decode("cities-\(province).json", as: [String: String].self) }

    /// Appends one unit of the list; its kind comes from the code's digits, else from the name's ending.
    static func add(_ raw: String, _ name: String, to out: inout [DivisionRecord]) {
        guard let c = DivisionCode(raw) else { return }
        out.append(
            DivisionRecord(code: c, officialName: name, kind: c.statisticalKind ?? DivisionKind.guess(fromName: name, level: c.level)))
    }

    /// Every unit the list holds for the code, parents first (province → city → county → township → village), so
    /// they can be inserted in order. The code names a county (421081 or 421081000000), a city-level unit (4210 or
    /// 421000000000) or the province (42 or 420000000000). A county-level entry with nothing under it is the
    /// statistics' 市辖区 placeholder, not a place anyone lives: a city's or the province's load leaves it out.
    public static func records(_ rawCode: String) throws -> [DivisionRecord] {
        let raw = rawCode.trimmingCharacters(in: .whitespaces)
        guard let code = DivisionCode(raw) else { throw DivisionCatalogError.malformed(raw) }
        guard code.value.hasPrefix(province) else { throw DivisionCatalogError.notHubei(raw) }
        let cities = try cities()
        var out: [DivisionRecord] = []
        add(province, try provinceName(), to: &out)
        switch code.level {
        case .province:
            for c in cities.keys.sorted() { try addCity(c, named: cities[c] ?? c, to: &out) }
        case .city:
            guard let name = cities[code.prefix] else { throw DivisionCatalogError.unknownCity(raw) }
            try addCity(code.prefix, named: name, to: &out)
        case .county:
            let cityCode = String(code.prefix.prefix(4))
            guard let cityName = cities[cityCode] else { throw DivisionCatalogError.unknownCounty(raw) }
            let tree = try load("345-\(cityCode).json")
            add(cityCode, cityName, to: &out)
            guard let name = tree[cityCode]?[code.prefix], addCounty(code.prefix, named: name, in: tree, to: &out) else {
                throw DivisionCatalogError.unknownCounty(raw)
            }
        case .township, .village:
            throw DivisionCatalogError.belowCounty(raw)
        }
        return out
    }

    static func addCity(_ cityCode: String, named name: String, to out: inout [DivisionRecord]) throws {
        let tree = try load("345-\(cityCode).json")
        add(cityCode, name, to: &out)
        for (code, county) in (tree[cityCode] ?? [:]).sorted(by: { $0.key < $1.key }) {
            _ = addCounty(code, named: county, in: tree, to: &out)
        }
    }

    /// The county, its townships, then their villages; false, adding nothing, when the list has nothing under it (市辖区).
    static func addCounty(_ code: String, named name: String, in tree: [String: [String: String]], to out: inout [DivisionRecord]) -> Bool {
        guard let townships = tree[code], !townships.isEmpty else { return false }
        add(code, name, to: &out)
        let sorted = townships.keys.sorted()
        for t in sorted { add(t, townships[t] ?? t, to: &out) }
        for t in sorted {
            for (v, vName) in (tree[t] ?? [:]).sorted(by: { $0.key < $1.key }) { add(v, vName, to: &out) }
        }
        return true
    }

    /// Province, city, the county itself and every township- and village-level unit under it, parents first.
    public static func county(_ rawCode: String) throws -> [DivisionRecord] {
        let raw = rawCode.trimmingCharacters(in: .whitespaces)
        if let code = DivisionCode(raw), code.value.hasPrefix(province), code.level != .county {
            throw DivisionCatalogError.unknownCounty(raw)
        }
        return try records(raw)
    }

    /// All county-level units of Hubei in the bundle, for `--county` help and validation.
    public static func counties() throws -> [(code: String, name: String)] {
        var out: [(String, String)] = []
        for city in try cities().keys.sorted() {
            let tree = try load("345-\(city).json")
            for (c, n) in (tree[city] ?? [:]).sorted(by: { $0.key < $1.key }) { out.append((c, n)) }
        }
        return out
    }
}
