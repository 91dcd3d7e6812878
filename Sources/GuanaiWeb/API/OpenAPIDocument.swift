import Foundation
import GuanaiCore

/// The OpenAPI 3 description of /api/v1. Tests check that every registered API route is here and that real
/// responses match the schemas, so this file cannot quietly fall behind the code.
enum OpenAPIDocument {
    typealias J = [String: Any]

    static func ref(_ name: String) -> J { ["$ref": "#/components/schemas/\(name)"] }
    static func str(_ nullable: Bool = false, enumValues: [String]? = nil) -> J {
        var s: J = ["type": "string"]
        if nullable { s["nullable"] = true }
        if let e = enumValues { s["enum"] = e }
        return s
    }
    nonisolated(unsafe) static let int: J = ["type": "integer"]
    nonisolated(unsafe) static let bool: J = ["type": "boolean"]
    /// A Core enum's tokens, in its own order: the document lists what the server's types accept.
    static func tokens<E: CaseIterable & RawRepresentable>(_: E.Type) -> [String] where E.RawValue == String {
        E.allCases.map(\.rawValue)
    }

    /// A record's plain fields (`ChildDetail` …): text a string, a flag a boolean.
    static func details<F: RecordDetail>(_: F.Type, nullable: Bool) -> [String: J] {
        Dictionary(
            uniqueKeysWithValues: F.allCases.map { f in
                switch f.kind {
                case .text: (f.rawValue, str(nullable))
                case .flag: (f.rawValue, bool)
                case .count: (f.rawValue, int)
                }
            })
    }
    static func obj(_ props: [String: J], required: [String]? = nil) -> J {
        ["type": "object", "properties": props, "required": required ?? Array(props.keys).sorted(), "additionalProperties": false]
    }
    static func array(_ items: J) -> J { ["type": "array", "items": items] }
    static func page(_ item: String) -> J {
        obj(["items": array(ref(item)), "page": int, "per": int, "total": int])
    }

    static func nullable(_ s: J) -> J { ["allOf": [s], "nullable": true] }

    static func errors(_ codes: [Int]) -> J {
        var out: J = [:]
        let text = [
            400: "Malformed JSON or wrong types", 401: "Not signed in", 403: "Role may not do this",
            404: "Not found or outside jurisdiction",
            409: "Already exists (existingId)", 413: "Body too large", 422: "Validation failed (fields)", 423: "Account locked",
        ]
        for c in codes { out[String(c)] = ["description": text[c] ?? "Error", "content": ["application/json": ["schema": ref("Error")]]] }
        return out
    }

    /// `produces`: a file response of these media types; `consumes`: a raw file request body of these media types.
    static func op(
        _ summary: String, body: String? = nil, bodyOptional: Bool = false, ok: Int = 200, schema: String? = nil, csv: Bool = false,
        produces: [String]? = nil, consumes: [String]? = nil,
        params: [J] = [], errs: [Int] = [400, 401, 403, 404], secured: Bool = true
    ) -> J {
        var responses = errors(errs)
        if let types = produces {
            responses[String(ok)] = [
                "description": "File",
                "content": Dictionary(uniqueKeysWithValues: types.map { ($0, ["schema": ["type": "string", "format": "binary"]] as J) }),
            ]
        } else if csv {
            responses[String(ok)] = ["description": "CSV (UTF-8 with BOM)", "content": ["text/csv": ["schema": ["type": "string"]]]]
        } else if let s = schema {
            responses[String(ok)] = ["description": "OK", "content": ["application/json": ["schema": ref(s)]]]
        } else {
            responses[String(ok)] = ["description": "No content"]
        }
        var o: J = ["summary": summary, "responses": responses]
        if let b = body { o["requestBody"] = ["required": !bodyOptional, "content": ["application/json": ["schema": ref(b)]]] }
        if let types = consumes {
            o["requestBody"] = [
                "required": true,
                "content": Dictionary(uniqueKeysWithValues: types.map { ($0, ["schema": ["type": "string", "format": "binary"]] as J) }),
            ]
        }
        if !params.isEmpty { o["parameters"] = params }
        if !secured { o["security"] = [J]() }
        return o
    }

    static func q(_ name: String, _ type: String = "string") -> J {
        var schema: J = ["type": type]
        // What the server accepts (`PageParams`; `TextRules` for free text): the document says it.
        if name == "page" { schema["minimum"] = 1; schema["maximum"] = 1_000_000 }
        if name == "per" { schema["minimum"] = 1; schema["maximum"] = 200 }
        if type == "string" { schema["maxLength"] = TextRules.max(name); schema["pattern"] = TextRules.pattern(name) }
        return ["name": name, "in": "query", "required": false, "schema": schema]
    }

    /// Number ranges the services check, written into request bodies by property name.
    static let ranges: [String: (Double, Double)] = detailRanges(WomanDetail.self).merging([
        "latitude": (-90, 90), "longitude": (-180, 180), "disabilityGrade": (1, 4), "capacity": (1, 5),
        // a contact's minutes (`PairingService`), the cadence (`ContactCadenceRules`)
        "minutes": (1, 720), "firstMonthContacts": (1, 8), "monthlyContacts": (1, 8), "volunteerDays": (0, 31), "villageDays": (1, 31),
        "townshipDays": (1, 62),
    ]) { a, _ in a }

    /// The range of each counted plain field, as its declaration states it.
    static func detailRanges<F: RecordDetail>(_: F.Type) -> [String: (Double, Double)] {
        var out: [String: (Double, Double)] = [:]
        for f in F.allCases { if let r = f.range { out[f.rawValue] = (Double(r.lowerBound), Double(r.upperBound)) } }
        return out
    }
    static func path(_ name: String) -> J { ["name": name, "in": "path", "required": true, "schema": ["type": "string"]] }
    nonisolated(unsafe) static let paging = [q("page", "integer"), q("per", "integer")]

    nonisolated(unsafe) static let document: J = [
        "openapi": "3.0.3",
        "info": [
            "title": "Guanai API", "version": "1.0.0",
            "description": "Care action for rural left-behind women and children. Errors: {\"error\": {code, "
                + "message, fields, existingId}}.",
        ],
        "servers": [["url": "/"]],
        "security": [["bearer": [String]()]],
        "components": ["schemas": constrained(schemas), "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]]],
        "paths": paths,
    ]

    static let json: Data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])) ?? Data("{}".utf8)
}
