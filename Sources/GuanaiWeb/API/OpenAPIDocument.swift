import Foundation
import GuanaiCore
import OpenAPIKit30

/// The OpenAPI 3 description of /api/v1, built with OpenAPIKit from the route table (`routes`) and the types' own
/// schemas (`APISchema`). Tests check that every registered API route is here and that real responses match the
/// schemas, so this cannot quietly fall behind the code.
enum OpenAPIDocument {
    /// Schemas reached only through another schema's reference (pages reach their items by themselves).
    static let referenced: [any APISchema.Type] = [
        ReasonDTO.self, ClassificationDTO.self, ParentDTO.self, GuardianDTO.self, ParentInput.self, GuardianInput.self,
        ParentPatchBody.self, GuardianPatchBody.self, ReportStepDTO.self, CampaignProgress.self,
    ]

    static let document: OpenAPI.Document = OpenAPI.Document(
        openAPIVersion: .v3_0_3,
        info: .init(
            title: "Guanai API",
            description: "Care action for rural left-behind women and children. Errors: {\"error\": {code, message, fields, existingId}}.",
            version: "1.0.0"),
        servers: [.init(url: URL(string: "/")!)],
        paths: paths,
        components: .init(schemas: components, securitySchemes: ["bearer": .http(scheme: "bearer")]),
        security: [[.component(named: "bearer"): []]])

    static let json: Data = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(document)) ?? Data("{}".utf8)
    }()

    /// Every type a route or another schema names, by its schema's name.
    static let schemaTypes: [String: any APISchema.Type] = {
        var types: [String: any APISchema.Type] = [:]
        var todo: [any APISchema.Type] = [APIErrorBody.self] + referenced
        for r in routes {
            if let b = r.body { todo.append(b) }
            if case .json(let t) = r.answer { todo.append(t) }
        }
        while let t = todo.popLast() {
            guard types[t.apiName] == nil else { continue }
            types[t.apiName] = t
            todo += t.apiParts
        }
        return types
    }()

    /// Every schema, once; request bodies carry the server's input rules (`constrained`).
    static var components: OpenAPI.ComponentDictionary<JSONSchema> {
        let schemas = schemaTypes.mapValues { $0.apiSchema }
        let inputs = reachable(from: Set(routes.compactMap { $0.body?.apiName }), in: schemas)
        var out = OpenAPI.ComponentDictionary<JSONSchema>()
        for name in schemas.keys.sorted() {
            guard let key = OpenAPI.ComponentKey(rawValue: name), let schema = schemas[name] else { continue }
            out[key] = inputs.contains(name) ? constrained(schema, name: name) : schema
        }
        return out
    }

    /// The schemas named, and every schema they reference, to the end.
    static func reachable(from names: Set<String>, in schemas: [String: JSONSchema]) -> Set<String> {
        var seen = names
        var todo = Array(names)
        while let name = todo.popLast() {
            for r in schemas[name].map(references) ?? [] where !seen.contains(r) {
                seen.insert(r)
                todo.append(r)
            }
        }
        return seen
    }

    static func references(_ s: JSONSchema) -> [String] {
        switch s.value {
        case .reference(let r, _): return r.name.map { [$0] } ?? []
        case .object(_, let o):
            var out = o.properties.values.flatMap(references)
            if case .some(.b(let extra)) = o.additionalProperties { out += references(extra) }
            return out
        case .array(_, let a): return a.items.map(references) ?? []
        case .all(let xs, _), .one(let xs, _), .any(let xs, _): return xs.flatMap(references)
        default: return []
        }
    }
}

extension APISchema {
    /// The schemas this one's references name, when the type knows them (a page its items).
    static var apiParts: [any APISchema.Type] {
        (self as? any APIParts.Type)?.parts ?? []
    }
}

/// A generic schema that references its parameter's schema.
protocol APIParts { static var parts: [any APISchema.Type] { get } }

extension ListPage: APIParts where T: APISchema {
    static var parts: [any APISchema.Type] { [T.self] }
}
