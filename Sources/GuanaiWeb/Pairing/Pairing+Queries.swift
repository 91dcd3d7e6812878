import Fluent
import Vapor
import GuanaiCore

extension Scoped {
    func volunteer(_ id: String) async throws -> Volunteer? {
        guard let uuid = UUID(uuidString: id), let v = try await Volunteer.find(uuid, on: db), inScope(v.unitCode) else { return nil }
        return v
    }

    func volunteers(unit: String, page: Int, per: Int) async throws -> (items: [Volunteer], total: Int) {
        let q = Volunteer.query(on: db).within(narrowed(unit), \.$unitCode)
        return (try await q.copy().sort(\.$unitCode).sort(\.$name).range(((page - 1) * per)..<(page * per)).all(), try await q.count())
    }

    func pair(_ id: String) async throws -> Pair? {
        guard let uuid = UUID(uuidString: id), let p = try await Pair.find(uuid, on: db), inScope(p.unitCode) else { return nil }
        return p
    }

    func pairs(unit: String, status: String?, page: Int, per: Int) async throws -> (items: [Pair], total: Int) {
        var q = Pair.query(on: db).within(narrowed(unit), \.$unitCode)
        if let s = status, PairStatus(rawValue: s) != nil { q = q.filter(\.$status == s) }
        return (try await q.copy().sort(\.$createdAt, .descending).range(((page - 1) * per)..<(page * per)).all(), try await q.count())
    }

    func pairEvents(_ pair: UUID) async throws -> [PairEvent] {
        try await PairEvent.query(on: db).filter(\.$pairID == pair).sort(\.$at).all()
    }

    func contacts(_ pair: UUID) async throws -> [PairContact] {
        try await PairContact.query(on: db).filter(\.$pairID == pair).sort(\.$onDate, .descending).all()
    }

    func load(_ volunteers: [UUID]) async throws -> [UUID: Int] {
        guard !volunteers.isEmpty else { return [:] }
        let open = try await Pair.query(on: db).filter(\.$volunteerID ~~ volunteers).filter(\.$status != PairStatus.closed.rawValue).all(\.$volunteerID)
        return open.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    func checkins(_ pair: UUID) async throws -> [PairCheckin] {
        try await PairCheckin.query(on: db).filter(\.$pairID == pair).sort(\.$onDate, .descending).all()
    }
}
