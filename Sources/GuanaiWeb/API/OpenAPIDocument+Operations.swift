import Foundation
import GuanaiCore
import OpenAPIKit30

/// The route table (`routes`) as OpenAPI path items and operations.
extension OpenAPIDocument {
    static var paths: OpenAPI.PathItem.Map {
        var items: OrderedDictionary<String, OpenAPI.PathItem> = [:]
        for r in routes { items[r.path, default: OpenAPI.PathItem()].set(operation: operation(r), for: r.method) }
        return OrderedDictionary(items.map { (OpenAPI.Path(rawValue: $0.key), .init($0.value)) }, uniquingKeysWith: { a, _ in a })
    }

    static let errorText: [Int: String] = [
        400: "Malformed JSON or wrong types", 401: "Not signed in", 403: "Role may not do this", 404: "Not found or outside jurisdiction",
        409: "Already exists (existingId)", 413: "Body too large", 422: "Validation failed (fields)", 423: "Account locked",
    ]

    static func operation(_ r: APIRoute) -> OpenAPI.Operation {
        var responses = OpenAPI.Response.Map()
        for code in r.errors {
            responses[.status(code: code)] = .init(
                OpenAPI.Response(
                    description: errorText[code] ?? "Error",
                    content: [.json: .init(schemaReference: .component(named: APIErrorBody.apiName))]
                ))
        }
        responses[.status(code: r.status)] = .init(answer(r.answer))
        return OpenAPI.Operation(
            summary: r.summary, parameters: parameters(r), requestBody: requestBody(r), responses: responses,
            security: r.secured ? nil : [])
    }

    static func answer(_ a: APIRoute.Answer) -> OpenAPI.Response {
        switch a {
        case .json(let t): OpenAPI.Response(description: "OK", content: [.json: .init(schemaReference: .component(named: t.apiName))])
        case .empty: OpenAPI.Response(description: "No content")
        case .csv: OpenAPI.Response(description: "CSV (UTF-8 with BOM)", content: [.csv: .init(schema: .string)])
        case .file(let types): OpenAPI.Response(description: "File", content: binary(types))
        case .document: OpenAPI.Response(description: "OpenAPI 3 document", content: [.json: .init(schema: .object)])
        }
    }

    static func binary(_ types: [String]) -> OpenAPI.Content.Map {
        OrderedDictionary(
            types.compactMap { OpenAPI.ContentType(rawValue: $0) }.map { ($0, OpenAPI.Content(schema: .string(format: .binary))) },
            uniquingKeysWith: { a, _ in a })
    }

    static func requestBody(_ r: APIRoute) -> OpenAPI.Request? {
        if let b = r.body {
            return OpenAPI.Request(content: [.json: .init(schemaReference: .component(named: b.apiName))], required: !r.bodyOptional)
        }
        return r.upload.isEmpty ? nil : OpenAPI.Request(content: binary(r.upload), required: true)
    }

    /// The path's own parameters (`{id}`), then the query's. What the server accepts (`PageParams`; `TextRules` for
    /// free text), the document says.
    static func parameters(_ r: APIRoute) -> OpenAPI.Parameter.Array {
        let names = r.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
        let inPath = names.map { name -> OpenAPI.Parameter.Array.Element in
            // A day in the path is a date; the subsidy's move is one of Core's tokens; ids and codes are strings.
            let schema: JSONSchema =
                switch name {
                case "date", "from": .string(format: .date)
                case "action": .tokens(SubsidyAction.self)
                default: .string
                }
            return .parameter(name: name, context: .path, schema: schema)
        }
        return inPath
            + r.query.map { q in
                let schema: JSONSchema =
                    switch q {
                    case .page: .integer(maximum: (PageParams.maxPage, false), minimum: (1, false))
                    case .per: .integer(maximum: (PageParams.maxPer, false), minimum: (1, false))
                    case .year: .integer(maximum: (2100, false), minimum: (2000, false))
                    case .date: .string(format: .date)
                    case .all, .overdue: .boolean
                    case .programme: .tokens(HealthProgramme.self)
                    // A record's id: anything else is 400.
                    case .campaign: .string(pattern: "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$")
                    default: .string(maxLength: TextRules.max(q.rawValue), pattern: TextRules.pattern(q.rawValue))
                    }
                return .parameter(name: q.rawValue, context: .query, schema: schema)
            }
    }
}
