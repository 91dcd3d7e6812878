import Foundation

/// A JSON value that keeps booleans and numbers apart (Foundation's bridging does not on Linux).
indirect enum JSONValue: Decodable {
    case null, bool(Bool), int(Int), double(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? c.decode(Int.self) {
            self = .int(i)
        } else if let d = try? c.decode(Double.self) {
            self = .double(d)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    static func parse(_ data: Data) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: data) }
}

/// Enough of OpenAPI 3.0 schema checking for our document: $ref, type, properties, required,
/// additionalProperties: false, nullable, enum, items. Returns the problems found, empty when the value conforms.
struct SchemaValidator {
    let document: [String: Any]

    func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String else { return schema }
        let name = ref.replacingOccurrences(of: "#/components/schemas/", with: "")
        return ((document["components"] as? [String: Any])?["schemas"] as? [String: Any])?[name] as? [String: Any] ?? [:]
    }

    func validate(_ value: JSONValue, _ rawSchema: [String: Any], at path: String = "$") -> [String] {
        let schema = resolve(rawSchema)
        if case .null = value { return (schema["nullable"] as? Bool) == true ? [] : ["\(path): null not allowed"] }
        var problems: [String] = []
        if let all = schema["allOf"] as? [[String: Any]] {
            for sub in all { problems += validate(value, sub, at: path) }
            return problems
        }
        switch schema["type"] as? String {
        case "object":
            guard case .object(let obj) = value else { return ["\(path): expected object"] }
            let props = schema["properties"] as? [String: Any] ?? [:]
            for r in schema["required"] as? [String] ?? [] where obj[r] == nil { problems.append("\(path).\(r): missing") }
            for (k, v) in obj {
                if let ps = props[k] as? [String: Any] {
                    problems += validate(v, ps, at: "\(path).\(k)")
                } else if (schema["additionalProperties"] as? Bool) == false {
                    problems.append("\(path).\(k): not in schema")
                }
            }
        case "array":
            guard case .array(let arr) = value else { return ["\(path): expected array"] }
            if let items = schema["items"] as? [String: Any] {
                for (i, v) in arr.enumerated() { problems += validate(v, items, at: "\(path)[\(i)]") }
            }
        case "string":
            guard case .string(let s) = value else { return ["\(path): expected string"] }
            if let e = schema["enum"] as? [String], !e.contains(s) { problems.append("\(path): \(s) not in enum") }
        case "integer":
            guard case .int = value else { return ["\(path): expected integer"] }
        case "boolean":
            guard case .bool = value else { return ["\(path): expected boolean"] }
        default:
            break
        }
        return problems
    }

    /// The response schema of an operation for a status code.
    func responseSchema(path: String, method: String, status: Int) -> [String: Any]? {
        let op = ((document["paths"] as? [String: Any])?[path] as? [String: Any])?[method.lowercased()] as? [String: Any]
        let resp = (op?["responses"] as? [String: Any])?[String(status)] as? [String: Any]
        return ((resp?["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
    }
}
