import Foundation
import GuanaiCore

/// The server's input rules written into the request schemas (lengths, patterns, ranges, date shapes).
extension OpenAPIDocument {
    /// Request bodies carry the server's rules, so the document says what the server accepts: every free string
    /// property gets its `maxLength` (`TextRules`) and a `pattern` that refuses control characters; dates, phone
    /// numbers, usernames and ID numbers get their shape; numbers their range. Schemas reached from a body
    /// (`ParentInput` inside `ChildInput`) are constrained too. Responses are left as they are.
    static func constrained(_ schemas: J) -> J {
        var inputs = Set(
            paths.values.compactMap { $0 as? J }.flatMap { $0.values }.compactMap { ($0 as? J)?["requestBody"] as? J }
                .compactMap { (($0["content"] as? J)?["application/json"] as? J)?["schema"] as? J }.compactMap {
                    ($0["$ref"] as? String)?.split(separator: "/").last.map(String.init)
                })
        func refs(_ v: Any) -> [String] {
            if let d = v as? J {
                if let r = d["$ref"] as? String { return [String(r.split(separator: "/").last ?? "")] }
                return d.values.flatMap(refs)
            }
            if let a = v as? [Any] { return a.flatMap(refs) }
            return []
        }
        var todo = Array(inputs)
        while let name = todo.popLast() {
            for r in refs(schemas[name] ?? [:]) where !inputs.contains(r) { inputs.insert(r); todo.append(r) }
        }
        var out = schemas
        for name in inputs {
            guard var schema = out[name] as? J, let props = schema["properties"] as? J else { continue }
            let required = Set(schema["required"] as? [String] ?? [])
            schema["properties"] = Dictionary(
                uniqueKeysWithValues: props.map { k, v in
                    // A required text cannot be blank: the services trim it and answer "此项必须填写". A PATCH that sends
                    // a name must send one too.
                    let nonBlank = required.contains(k) || (k == "name" && name.hasSuffix("Patch"))
                    return (k, (v as? J).map { constrain($0, k, nonBlank: nonBlank) } ?? v)
                })
            out[name] = schema
        }
        return out
    }

    static func constrain(_ prop: J, _ name: String, nonBlank: Bool) -> J {
        var p = prop
        if name == "ethnicity", p["type"] as? String == "string" { p["enum"] = Ethnicity.all }  // the 56 names the form offers
        if p["type"] as? String == "string", p["enum"] == nil {
            if p["maxLength"] == nil { p["maxLength"] = TextRules.max(name) }
            if let shape = shapes[name] {
                p["pattern"] = shape
                if dates.contains(name) { p["format"] = "date" }
            } else if p["pattern"] == nil {
                p["pattern"] = nonBlank ? nonBlankPattern(name) : TextRules.pattern(name)
            }
            if nonBlank { p["minLength"] = 1 }
        }
        if p["type"] as? String == "array", let items = p["items"] as? J { p["items"] = constrain(items, name, nonBlank: false) }
        if ["integer", "number"].contains(p["type"] as? String ?? ""), let r = ranges[name], p["minimum"] == nil {
            p["minimum"] = r.0; p["maximum"] = r.1
        }
        return p
    }

    /// `TextRules.pattern` with at least one character that is neither a space nor a control character.
    static func nonBlankPattern(_ name: String) -> String {
        let any = String(TextRules.pattern(name).dropFirst().dropLast(2))  // "[^…]"
        let visible = "[^\\s" + any.dropFirst(2)
        return "^" + any + "*" + visible + any + "*$"
    }

    /// Calendar dates the services read as `CivilDate` (年-月-日).
    static let dates: Set<String> = ["birthDate", "since", "informedOn", "startOn", "launchedOn", "signedOn", "healthSince", "date", "on"]
    /// Text with a fixed shape, by property name. An ID number's check digit and the date inside it cannot be said
    /// here: the server answers 422 on them (docs/security.md).
    static let shapes: [String: String] = {
        var s: [String: String] = [
            "phone": "^1[0-9]{10}$",
            "idNumber": "^[0-9]{17}[0-9X]$",
            "username": "^[A-Za-z0-9._-]{3,32}$",
            "reportedAt": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])([T ]([01][0-9]|2[0-3]):[0-5][0-9])?$",
            "doneAt": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])([T ]([01][0-9]|2[0-3]):[0-5][0-9])?$",
        ]
        for d in dates { s[d] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" }
        return s
    }()
}
