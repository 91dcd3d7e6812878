import GuanaiCore
import OpenAPIKit30

// Sites and siting in the OpenAPI document; APISchemaTests checks each `Keys`.

extension SiteInput: APISchema {
    enum Keys: String, CodingKey { case name, kind, unitCode, latitude, longitude }
    static let apiName = "SiteInput"
    static var apiSchema: JSONSchema {
        .closed(
            [Keys.name: .string, .kind: .tokens(SiteKind.self), .unitCode: .string, .latitude: .number, .longitude: .number],
            required: [.name, .kind, .unitCode, .latitude, .longitude])
    }
}

extension SiteDTO: APISchema {
    enum Keys: String, CodingKey { case id, name, kind, unitCode, latitude, longitude }
    static let apiName = "Site"
    static var apiSchema: JSONSchema {
        .closed(
            [Keys.id: .string, .name: .string, .kind: .tokens(SiteKind.self), .unitCode: .string, .latitude: .number, .longitude: .number],
            required: [.id, .name, .kind, .unitCode, .latitude, .longitude])
    }
}

extension SitingInput: APISchema {
    enum Keys: String, CodingKey { case unit, count, reachMetres, siteIds }
    static let apiName = "SitingInput"
    static var apiSchema: JSONSchema {
        let count = SitingForm.countRange, reach = StationRules.fields.first { $0.name == "reachMetres" }!.range
        return .closed(
            [
                Keys.unit: .string,
                .count: .integer(maximum: (count.upperBound, exclusive: false), minimum: (count.lowerBound, exclusive: false)),
                .reachMetres: .integer(maximum: (reach.upperBound, exclusive: false), minimum: (reach.lowerBound, exclusive: false)),
                .siteIds: .list(.string),
            ], required: [.count])
    }
}

extension SitingDTO: APISchema {
    enum Keys: String, CodingKey { case sites, objective, upperBound, optimal }
    enum SiteKeys: String, CodingKey { case siteId, name, unitCode, newlyCovered, weight }
    static let apiName = "Siting"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.sites: .list(
                    .closed(
                        [SiteKeys.siteId: .string, .name: .string, .unitCode: .string, .newlyCovered: .integer, .weight: .integer],
                        required: [.siteId, .name, .unitCode, .newlyCovered, .weight])),
                .objective: .integer, .upperBound: .integer, .optimal: .boolean,
            ], required: [.sites, .objective, .upperBound, .optimal])
    }
}
