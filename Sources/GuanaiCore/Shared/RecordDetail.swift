import Foundation

/// How a plain field is held: free text (one line, its length in `TextRules`) or a yes/no flag.
public enum DetailKind: Sendable, Equatable {
    case text
    case flag
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
}

/// A record's plain fields and their values. A field that is absent was not given (a patch keeps the stored value,
/// a new record takes the default: no text, no); text sent as `null` or blank is present and empty (it clears).
public struct Details<Field: RecordDetail>: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case text(String?)
        case flag(Bool)
    }

    public private(set) var values: [Field: Value] = [:]

    public init() {}

    public subscript(text field: Field) -> String? {
        get { if case .text(let s)? = values[field] { s } else { nil } }
        set { values[field] = .text(newValue) }
    }

    public subscript(flag field: Field) -> Bool {
        get { if case .flag(let b)? = values[field] { b } else { false } }
        set { values[field] = .flag(newValue) }
    }

    public func has(_ field: Field) -> Bool { values[field] != nil }

    /// Every field with a value: what a new record stores.
    public var complete: Details {
        var d = self
        for f in Field.allCases where d.values[f] == nil { d.values[f] = f.kind == .text ? .text(nil) : .flag(false) }
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
        return d
    }

    /// As one string, for the audit trail and the export: text as typed (none: ""), a flag `true`/`false`.
    public func string(_ field: Field) -> String {
        switch values[field] {
        case .text(let s)?: s ?? ""
        case .flag(let b)?: String(b)
        case nil: ""
        }
    }

    /// The value bound to its column: `String?` or `Bool`.
    public func bind(_ field: Field) -> any Encodable & Sendable {
        field.kind == .text ? self[text: field] : self[flag: field]
    }

    /// From a form or a ledger, where every value is text: a flag is on for `1`, `true` or `on` (the ledger reader
    /// has made 是 and √ `true`).
    public static func typed(_ strings: [Field: String]) -> Details {
        var d = Details()
        for (f, s) in strings {
            switch f.kind {
            case .text: d[text: f] = s
            case .flag: d[flag: f] = Self.truthy(s)
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
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Field.self)
        for f in Field.allCases {
            switch values[f] {
            case .text(let s)?: try c.encodeIfPresent(s, forKey: f)
            case .flag(let b)?: try c.encode(b, forKey: f)
            case nil: break
            }
        }
    }
}
