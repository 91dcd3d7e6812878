import GuanaiCore

/// A record's plain fields as posted: one optional text per case of its Core enum, which is the decoding key, so the
/// names in the form and in the decoder are the same declaration. A form struct reads them from its own decoder
/// (`PostedDetails(from: decoder)`) since they sit beside its other fields, not under a name of their own.
struct PostedDetails<F: RecordDetail>: Decodable, Sendable {
    var values: [F: String]

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: F.self)
        var values: [F: String] = [:]
        for f in F.allCases { values[f] = try c.decodeIfPresent(String.self, forKey: f) }
        self.values = values
    }

    /// Text as typed, a flag on when its box was ticked, a count as a number (or named by `problems` when it is none).
    var details: Details<F> { .typed(Dictionary(uniqueKeysWithValues: F.allCases.map { ($0, values[$0] ?? "") })) }
}

/// A name composed at run time from declared parts (`father` + `.` + `phone`), for forms whose names Core's field
/// errors also use.
struct FormKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where K == FormKey {
    func value(_ name: String) throws -> String? { try decodeIfPresent(String.self, forKey: FormKey(name)) }

    /// The posted value when it differs from its hidden twin (`Forms.was`): a field without a twin counts as changed,
    /// one not posted is not there.
    func changed(_ name: String) throws -> String? {
        guard let v = try value(name) else { return nil }
        return try value(name + Forms.wasSuffix) == v ? nil : v
    }
}

/// An edit page's fields with the values the page showed (`Forms.was`), by name; only what the person changed is
/// saved, and a refused save shows what they typed over what was stored.
struct Twins: Sendable {
    var now: [String: String] = [:]
    var was: [String: String] = [:]
    let names: [String]

    init(_ c: KeyedDecodingContainer<FormKey>, _ names: [String]) throws {
        self.names = names
        for n in names {
            now[n] = try c.value(n)
            was[n] = try c.value(n + Forms.wasSuffix)
        }
    }

    /// Changed: what is posted differs from what was shown (both blank when absent).
    var changed: [String: String] {
        var out: [String: String] = [:]
        for n in names where (now[n] ?? "") != (was[n] ?? "") { out[n] = now[n] ?? "" }
        return out
    }

    var typed: [String: [String]] { now.mapValues { [$0] } }
    var shown: [String: [String]] { Dictionary(uniqueKeysWithValues: names.map { ($0, [was[$0] ?? ""]) }) }
}
