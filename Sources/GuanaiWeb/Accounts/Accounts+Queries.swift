import Fluent
import Vapor
import GuanaiCore

extension Scoped {
    func users() -> QueryBuilder<User> { User.query(on: db).within(jurisdiction, \.$unitCode) }

    func user(_ id: UserID) async throws -> User? {
        guard let u = try await User.find(id, on: db), inScope(u.unitCode) else { return nil }
        return u
    }

    struct UserFilter: Sendable {
        var q = ""
        var role: Role?
        var unit = ""
        var includeDisabled = true
    }

    func users(matching f: UserFilter, page: Int, per: Int) async throws -> (items: [User], total: Int) {
        var q = users()
        if let r = f.role { q = q.filter(\.$role == r) }
        if let c = DivisionCode(f.unit), jurisdiction.contains(c) { q = q.within(Jurisdiction(root: c), \.$unitCode) }
        if !f.q.isEmpty { q = q.group(.or) { $0.filter(\.$username ~~ f.q).filter(\.$displayName ~~ f.q) } }
        if !f.includeDisabled { q = q.filter(\.$disabled == false) }
        let total = try await q.count()
        let items = try await q.sort(\.$unitCode).sort(\.$username).range((page - 1) * per..<page * per).all()
        return (items, total)
    }
}

/// Users outside any request's scope: login looks up by username before anyone is signed in.
enum UserDirectory {
    static func byUsername(_ name: String, on db: any Database) async throws -> User? {
        try await User.query(on: db).filter(\.$username == name).first()
    }
}
