import GuanaiCore
import OpenAPIKit30

/// A type the API reads or writes, with its JSON shape for the OpenAPI document. The shape is written beside the
/// type (`Registry+Schema.swift` …) from its coding keys, so a renamed property breaks the build, not the document.
protocol APISchema: SendableMetatype {
    /// Its name under `components/schemas`.
    static var apiName: String { get }
    static var apiSchema: JSONSchema { get }
    /// The name of a page of these (`ListPage`).
    static var pageName: String { get }
}

extension APISchema {
    static var pageName: String { apiName + "Page" }
}

extension JSONSchema {
    /// An object with these properties and no others: all of them required unless `required` names some.
    static func closed<K: CodingKey>(
        _ properties: KeyValuePairs<K, JSONSchema>, required: [K]? = nil, description: String? = nil
    ) -> JSONSchema {
        closed(
            properties.map { ($0.key.stringValue, $0.value) }, required: required.map { Set($0.map(\.stringValue)) },
            description: description)
    }

    static func closed(_ properties: [(String, JSONSchema)], required: Set<String>?, description: String? = nil) -> JSONSchema {
        .object(
            description: description,
            properties: OrderedDictionary(
                properties.map { k, v in (k, required?.contains(k) ?? true ? v.requiredSchemaObject() : v.optionalSchemaObject()) },
                uniquingKeysWith: { a, _ in a }),
            additionalProperties: .init(false))
    }

    /// The same object with more properties, required or not.
    func adding(_ more: [(String, JSONSchema)], required: Bool) -> JSONSchema {
        guard case .object(let core, let object) = value else { return self }
        var properties = object.properties
        for (k, v) in more where properties[k] == nil { properties[k] = required ? v.requiredSchemaObject() : v.optionalSchemaObject() }
        return .object(core, .init(properties: properties, additionalProperties: object.additionalProperties))
    }

    /// A record's plain fields (`ChildDetail` …): text a string, a flag a boolean, a count an integer.
    static func details<F: RecordDetail>(_: F.Type, nullable: Bool) -> [(String, JSONSchema)] {
        F.allCases.map { f in
            switch f.kind {
            case .text: (f.rawValue, .string(nullable: nullable ? true : nil))
            case .flag: (f.rawValue, .boolean)
            case .count: (f.rawValue, .integer)
            }
        }
    }

    /// The same object with a record's plain fields; a response always carries its flags and counts.
    func adding<F: RecordDetail>(details: F.Type, nullable: Bool, response: Bool) -> JSONSchema {
        let all = Self.details(F.self, nullable: nullable)
        let given = Set(F.allCases.filter { response && $0.kind != .text }.map(\.rawValue))
        return adding(all.filter { given.contains($0.0) }, required: true).adding(all, required: false)
    }

    /// A Core enum's tokens, in its own order: the document lists what the server's types accept.
    static func tokens<E: CaseIterable & RawRepresentable>(_: E.Type, nullable: Bool = false) -> JSONSchema
    where E.RawValue == String {
        oneOf(E.allCases.map(\.rawValue), nullable: nullable)
    }

    static func oneOf(_ values: [String], nullable: Bool = false) -> JSONSchema {
        .string(nullable: nullable ? true : nil, allowedValues: values.map { AnyCodable($0) })
    }

    static func ref<T: APISchema>(_: T.Type) -> JSONSchema { .reference(.component(named: T.apiName)) }
    /// A reference that may be `null` (OpenAPI 3.0 cannot put `nullable` beside a `$ref`).
    static func nullable<T: APISchema>(_: T.Type) -> JSONSchema { .all(of: [ref(T.self)], core: .init(nullable: true)) }
    static func list(_ items: JSONSchema) -> JSONSchema { .array(items: items) }
    /// A list that must not be empty.
    static func nonEmptyList(_ items: JSONSchema) -> JSONSchema { .array(minItems: 1, items: items) }
    static func list<T: APISchema>(_: T.Type) -> JSONSchema { .array(items: ref(T.self)) }
    /// An object keyed by free names, each value of this shape.
    static func map(_ values: JSONSchema) -> JSONSchema { .object(additionalProperties: .init(values)) }
    static let nullableString = JSONSchema.string(nullable: true)
    static let nullableInteger = JSONSchema.integer(nullable: true)
    static let nullableNumber = JSONSchema.number(nullable: true)
}

/// `{"items": [...], "page", "per", "total"}`: one schema per listed type.
extension ListPage: APISchema where T: APISchema {
    enum Keys: String, CodingKey { case items, page, per, total }
    static var apiName: String { T.pageName }
    static var apiSchema: JSONSchema {
        .closed([Keys.items: .list(T.self), .page: .integer, .per: .integer, .total: .integer])
    }
}

/// A record with its plain fields flat beside its own (`ChildDTO` …).
extension WithDetails: APISchema where Main: APISchema {
    static var apiName: String { Main.apiName }
    static var apiSchema: JSONSchema { Main.apiSchema.adding(details: F.self, nullable: true, response: true) }
}

/// A PATCH body: the registering body's fields, none of them required (an absent key keeps the stored value).
enum PatchOf<Input: APISchema>: APISchema {
    static var apiName: String { String(Input.apiName.dropLast(Input.apiName.hasSuffix("Input") ? 5 : 0)) + "Patch" }
    static var apiSchema: JSONSchema {
        guard case .object(let core, let object) = Input.apiSchema.value else { return Input.apiSchema }
        return .object(
            core,
            .init(properties: object.properties.mapValues { $0.optionalSchemaObject() }, additionalProperties: object.additionalProperties))
    }
}
