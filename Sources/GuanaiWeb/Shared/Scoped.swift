import Fluent
import Vapor
import GuanaiCore

/// The only door to records: every query starts here and is already narrowed to a jurisdiction.
/// Requests get one from the signed-in actor; only the CLI, jobs and demo seeding build a `.system` one.
public struct Scoped: Sendable {
    let db: any Database
    public let jurisdiction: Jurisdiction

    init(db: any Database, jurisdiction: Jurisdiction) {
        self.db = db
        self.jurisdiction = jurisdiction
    }

    static func system(_ db: any Database) -> Scoped { Scoped(db: db, jurisdiction: .system) }

    func on(_ db: any Database) -> Scoped { Scoped(db: db, jurisdiction: jurisdiction) }

    func inScope(_ code: String) -> Bool { jurisdiction.contains(code) }
}

extension Request {
    public var scoped: Scoped {
        get throws { Scoped(db: db, jurisdiction: try actor.jurisdiction) }
    }
}

extension QueryBuilder {
    /// Keeps rows whose unit column falls inside the jurisdiction's code range.
    func within(_ j: Jurisdiction, _ key: KeyPath<Model, FieldProperty<Model, String>>) -> Self {
        let r = j.range
        return filter(key >= r.lowerBound).filter(key <= r.upperBound)
    }
}
