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
    case notHubei(String)
    case unknownCounty(String)
    case resourceMissing(String)
    public var description: String {
        switch self {
        case .notHubei(let c): return "only Hubei (42) divisions are bundled; got \(c)"
        case .unknownCounty(let c): return "no county-level unit \(c) in the bundled 2021 list"
        case .resourceMissing(let f): return "bundled division file missing: \(f)"
        }
    }
}

/// The bundled 2021 统计用区划代码 of Hubei, copied from the shared data set into the product.
public enum DivisionCatalog {
    public static let defaultCounty = "421081"  // 石首市
    /// Recorded as the reason when the bundled list is loaded.
    public static let editionNote = "2021年统计用区划代码"

    static func resourceURL(_ file: String) -> URL? {
        Bundle.module.url(forResource: file, withExtension: nil, subdirectory: "divisions")
    }

    static func load(_ file: String) throws -> [String: [String: String]] {
        guard let url = resourceURL(file) else { throw DivisionCatalogError.resourceMissing(file) }
        let data = try Data(contentsOf: url)
        return try JSONDecoder().decode([String: [String: String]].self, from: data)
    }

    /// Province, city, the county itself and every township- and village-level unit under it, parents first.
    public static func county(_ rawCode: String) throws -> [DivisionRecord] {
        let code = rawCode.trimmingCharacters(in: .whitespaces)
        guard code.count == 6, code.hasPrefix("42") else { throw DivisionCatalogError.notHubei(code) }
        let cityCode = String(code.prefix(4))
        let provinceFile = try JSONDecoder().decode(
            [String: String].self,
            from: Data(contentsOf: resourceURL("province-42.json") ?? { throw DivisionCatalogError.resourceMissing("province-42.json") }()))
        let cities = try JSONDecoder().decode(
            [String: String].self,
            from: Data(contentsOf: resourceURL("cities-42.json") ?? { throw DivisionCatalogError.resourceMissing("cities-42.json") }()))
        let tree = try load("345-\(cityCode).json")
        guard let countyName = tree[cityCode]?[code], let townships = tree[code] else { throw DivisionCatalogError.unknownCounty(code) }

        var out: [DivisionRecord] = []
        func add(_ raw: String, _ name: String) {
            guard let c = DivisionCode(raw) else { return }
            let kind = c.statisticalKind ?? DivisionKind.guess(fromName: name, level: c.level)
            out.append(DivisionRecord(code: c, officialName: name, kind: kind))
        }
        add("42", provinceFile["42"] ?? "湖北省")
        add(cityCode, cities[cityCode] ?? cityCode)
        add(code, countyName)
        for (tCode, tName) in townships.sorted(by: { $0.key < $1.key }) { add(tCode, tName) }
        for tCode in townships.keys.sorted() {
            for (vCode, vName) in (tree[tCode] ?? [:]).sorted(by: { $0.key < $1.key }) { add(vCode, vName) }
        }
        return out
    }

    /// All county-level units of Hubei in the bundle, for `--county` help and validation.
    public static func counties() throws -> [(code: String, name: String)] {
        let cities = try JSONDecoder().decode(
            [String: String].self,
            from: Data(contentsOf: resourceURL("cities-42.json") ?? { throw DivisionCatalogError.resourceMissing("cities-42.json") }()))
        var out: [(String, String)] = []
        for city in cities.keys.sorted() {
            let tree = try load("345-\(city).json")
            for (c, n) in (tree[city] ?? [:]).sorted(by: { $0.key < $1.key }) { out.append((c, n)) }
        }
        return out
    }
}
