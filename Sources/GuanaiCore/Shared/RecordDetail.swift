import Foundation

/// How a plain field is held: free text (one line, its length in `TextRules`), a yes/no flag, or a whole number
/// within a range (how many people she cares for).
public enum DetailKind: Sendable, Equatable {
    case text
    case flag
    case count(ClosedRange<Int>)
}

/// The plain fields of one kind of record: stored, shown, edited, imported, exported and audited as typed, with no
/// rule reading them. Each is one case of a `RecordDetail` enum; its column, form control, ledger header, export
/// column, audit field and OpenAPI property all follow from the case and its kind, so adding such a field is a case,
/// a migration adding its column, and its label in the catalogues (docs/decisions.md, "One declaration per shape").
public protocol RecordDetail: RawRepresentable, CaseIterable, Hashable, Sendable, CodingKey
where RawValue == String, AllCases == [Self] {
    var kind: DetailKind { get }
    /// The catalogue key of the field's label (`children.school`).
    var labelKey: String { get }
}

extension RecordDetail {
    /// The column: the JSON name in snake case (`villageGroup` → `village_group`).
    public var column: String {
        var out = ""
        for ch in rawValue {
            if ch.isUppercase { out += "_" + ch.lowercased() } else { out.append(ch) }
        }
        return out
    }

    public static var flags: [Self] { allCases.filter { $0.kind == .flag } }
    public static var texts: [Self] { allCases.filter { $0.kind == .text } }

    /// The range of a count; nil for text and flags.
    public var range: ClosedRange<Int>? { if case .count(let r) = kind { r } else { nil } }
}

/// A record's plain fields and their values. A field that is absent was not given (a patch keeps the stored value,
/// a new record takes the default: no text, no); text sent as `null` or blank is present and empty (it clears).
public struct Details<Field: RecordDetail>: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case text(String?)
        case flag(Bool)
        case count(Int)
    }

    public private(set) var values: [Field: Value] = [:]
    /// Counts typed as something that is not a whole number: kept to be named in `problems`, never stored.
    public private(set) var unreadable: Set<Field> = []

    public init() {}

    public subscript(text field: Field) -> String? {
        get { if case .text(let s)? = values[field] { s } else { nil } }
        set { values[field] = .text(newValue) }
    }

    public subscript(flag field: Field) -> Bool {
        get { if case .flag(let b)? = values[field] { b } else { false } }
        set { values[field] = .flag(newValue) }
    }

    public subscript(count field: Field) -> Int {
        get { if case .count(let n)? = values[field] { n } else { field.range?.lowerBound ?? 0 } }
        set { values[field] = .count(newValue) }
    }

    public func has(_ field: Field) -> Bool { values[field] != nil }

    /// What cannot be stored: a count that is not a whole number, or outside its range.
    public func problems() -> [FieldError] {
        Field.allCases.compactMap { f in
            if unreadable.contains(f) { return FieldError(field: f.rawValue, key: "field.error.number") }
            if let r = f.range, case .count(let n)? = values[f], !r.contains(n) {
                return FieldError(field: f.rawValue, key: "field.error.choice")
            }
            return nil
        }
    }

    /// Every field with a value: what a new record stores.
    public var complete: Details {
        var d = self
        for f in Field.allCases where d.values[f] == nil {
            switch f.kind {
            case .text: d.values[f] = .text(nil)
            case .flag: d.values[f] = .flag(false)
            case .count(let r): d.values[f] = .count(r.lowerBound)
            }
        }
        return d
    }

    /// Text trimmed, blank text none.
    public var normalised: Details {
        var d = self
        for (f, v) in values {
            if case .text(let s) = v {
                let t = s?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                d.values[f] = .text(t.isEmpty ? nil : t)
            }
        }
        return d
    }

    /// This record with what `change` gives laid over it.
    public func merging(_ change: Details) -> Details {
        var d = self
        d.values.merge(change.values) { $1 }
        d.unreadable.formUnion(change.unreadable)
        return d
    }

    /// As one string, for the audit trail and the export: text as typed (none: ""), a flag `true`/`false`.
    public func string(_ field: Field) -> String {
        switch values[field] {
        case .text(let s)?: s ?? ""
        case .flag(let b)?: String(b)
        case .count(let n)?: String(n)
        case nil: ""
        }
    }

    /// The value bound to its column: `String?`, `Bool` or `Int`.
    public func bind(_ field: Field) -> any Encodable & Sendable {
        switch field.kind {
        case .text: self[text: field]
        case .flag: self[flag: field]
        case .count: self[count: field]
        }
    }

    /// The plain fields among posted values keyed by field name (what an edit form changed); other names are ignored.
    public static func typed(named strings: [String: String]) -> Details {
        typed(Dictionary(uniqueKeysWithValues: Field.allCases.compactMap { f in strings[f.rawValue].map { (f, $0) } }))
    }

    /// From a form or a ledger, where every value is text: a flag is on for `1`, `true` or `on` (the ledger reader
    /// has made 是 and √ `true`).
    public static func typed(_ strings: [Field: String]) -> Details {
        var d = Details()
        for (f, s) in strings {
            switch f.kind {
            case .text: d[text: f] = s
            case .flag: d[flag: f] = Self.truthy(s)
            case .count:
                let t = s.trimmingCharacters(in: .whitespaces)
                if let n = Int(t) { d[count: f] = n } else if !t.isEmpty { d.unreadable.insert(f) }
            }
        }
        return d.normalised
    }

    public static func truthy(_ s: String) -> Bool {
        ["1", "true", "on"].contains(s.trimmingCharacters(in: .whitespaces).lowercased())
    }
}

/// Flat in the record's own JSON object: `{"school": "…", "grade": null, …}`. Absent text is left out (as Swift's
/// own optionals are); a flag is always written.
extension Details: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Field.self)
        for f in Field.allCases where c.contains(f) {
            switch f.kind {
            case .text: values[f] = .text(try c.decodeIfPresent(String.self, forKey: f))
            case .flag: if let b = try c.decodeIfPresent(Bool.self, forKey: f) { values[f] = .flag(b) }
            case .count: if let n = try c.decodeIfPresent(Int.self, forKey: f) { values[f] = .count(n) }
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Field.self)
        for f in Field.allCases {
            switch values[f] {
            case .text(let s)?: try c.encodeIfPresent(s, forKey: f)
            case .flag(let b)?: try c.encode(b, forKey: f)
            case .count(let n)?: try c.encode(n, forKey: f)
            case nil: break
            }
        }
    }
}
