import Vapor
import GuanaiCore

/// A record as the API gives it: its own fields, with its plain fields (`RecordDetail`) flat beside them in the same
/// JSON object; read as if they were one struct (`dto.name`, `dto.details[text: .school]`).
@dynamicMemberLookup
struct WithDetails<Main: Codable & Sendable, F: RecordDetail>: Content {
    var main: Main
    var details: Details<F>

    subscript<T>(dynamicMember kp: KeyPath<Main, T>) -> T { main[keyPath: kp] }

    init(main: Main, details: Details<F>) {
        self.main = main
        self.details = details
    }

    init(from decoder: any Decoder) throws {
        main = try Main(from: decoder)
        details = try Details(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
        try main.encode(to: encoder)
        try details.encode(to: encoder)
    }
}
