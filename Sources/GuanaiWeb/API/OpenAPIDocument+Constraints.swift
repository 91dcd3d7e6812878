import Foundation
import GuanaiCore
import OpenAPIKit30

/// The server's input rules written into the request schemas (lengths, patterns, ranges, date shapes).
extension OpenAPIDocument {
    /// Request bodies carry the server's rules, so the document says what the server accepts: every free string
    /// property gets its `maxLength` (`TextRules`) and a `pattern` that refuses control characters; dates, phone
    /// numbers, usernames and ID numbers get their shape; numbers their range. Schemas reached from a body
    /// (`ParentInput` inside `ChildInput`) are constrained too. Responses are left as they are.
    static func constrained(_ schema: JSONSchema, name: String) -> JSONSchema {
        guard case .object(let core, let object) = schema.value else { return schema }
        var properties = object.properties
        for (k, v) in object.properties {
            // A required text cannot be blank: the services trim it and answer "此项必须填写". A PATCH that sends a
            // name must send one too.
            let nonBlank = v.required || (k == nameKey && name.hasSuffix("Patch"))
            properties[k] = constrain(v, k, nonBlank: nonBlank)
        }
        return .object(core, .init(properties: properties, additionalProperties: object.additionalProperties))
    }

    /// Every record's name property: the one a PATCH may not blank.
    static let nameKey = ChildPatch.CodingKeys.name.stringValue

    static func constrain(_ s: JSONSchema, _ name: String, nonBlank: Bool) -> JSONSchema {
        switch s.value {
        case .string(let core, let text):
            if name == ethnicityKey && core.allowedValues == nil {  // the 56 names the form offers
                return .string(
                    required: core.required, nullable: core.nullable ? true : nil, allowedValues: Ethnicity.all.map { AnyCodable($0) })
            }
            guard core.allowedValues == nil else { return s }
            let shape = shapes[name]
            return .string(
                format: shape != nil && dates.contains(name) ? .date : core.format, required: core.required,
                nullable: core.nullable ? true : nil, minLength: nonBlank ? 1 : JSONSchema.StringContext._minLength(text),
                maxLength: text.maxLength ?? TextRules.max(name),
                pattern: shape ?? text.pattern ?? (nonBlank ? nonBlankPattern(name) : TextRules.pattern(name)))
        case .array(let core, let list):
            guard let items = list.items else { return s }
            // A list of objects (a station's staff) has its fields constrained as a body's are.
            let item = items.jsonTypeFormat?.jsonType == .object ? constrained(items, name: name) : constrain(items, name, nonBlank: false)
            return .array(core, .init(items: item, maxItems: list.maxItems, minItems: list.minItems))
        case .integer(let core, let number) where number.minimum == nil:
            guard let r = ranges[name] else { return s }
            return .integer(core, .init(maximum: (Int(r.1), exclusive: false), minimum: (Int(r.0), exclusive: false)))
        case .number(let core, let number) where number.minimum == nil:
            guard let r = ranges[name] else { return s }
            return .number(core, .init(maximum: (r.1, exclusive: false), minimum: (r.0, exclusive: false)))
        default: return s
        }
    }

    static let ethnicityKey = ChildInput.Keys.ethnicity.stringValue

    /// `TextRules.pattern` with at least one character that is neither a space nor a control character.
    static func nonBlankPattern(_ name: String) -> String {
        let any = String(TextRules.pattern(name).dropFirst().dropLast(2))  // "[^…]"
        let visible = "[^\\s" + any.dropFirst(2)
        return "^" + any + "*" + visible + any + "*$"
    }

    /// Number ranges the services check, written into request bodies by property name.
    static let ranges: [String: (Double, Double)] = detailRanges(WomanDetail.self).merging([
        "latitude": (-90, 90), "longitude": (-180, 180), "disabilityGrade": (1, 4), "capacity": (1, 5),
        // a contact's minutes, as `PairRecords` checks them
        ContactInput.Keys.minutes.stringValue: (Double(PairRecords.minutes.lowerBound), Double(PairRecords.minutes.upperBound)),
    ]) { a, _ in a }

    /// The range of each counted plain field, as its declaration states it.
    static func detailRanges<F: RecordDetail>(_: F.Type) -> [String: (Double, Double)] {
        var out: [String: (Double, Double)] = [:]
        for f in F.allCases { if let r = f.range { out[f.rawValue] = (Double(r.lowerBound), Double(r.upperBound)) } }
        return out
    }

    /// Calendar dates the services read as `CivilDate` (年-月-日).
    static let dates: Set<String> = [
        "birthDate", "since", "informedOn", "startOn", "launchedOn", "signedOn", "healthSince", "date", "on", "openedOn", "closedOn",
        // a neighbour group member's consent
        "consentedOn",
    ]
    /// Text with a fixed shape, by property name. An ID number's check digit and the date inside it cannot be said
    /// here: the server answers 422 on them (docs/security.md).
    static let shapes: [String: String] = {
        let minute = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])([T ]([01][0-9]|2[0-3]):[0-5][0-9])?$"
        var s: [String: String] = [
            PersonPatch.CodingKeys.phone.stringValue: "^1[0-9]{10}$", "idNumber": "^[0-9]{17}[0-9X]$",
            "username": "^[A-Za-z0-9._-]{3,32}$", "reportedAt": minute, "doneAt": minute,
        ]
        for d in dates { s[d] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" }
        return s
    }()
}
