import Fluent
import Vapor
import GuanaiCore

extension Scoped {
    func volunteer(_ id: VolunteerID) async throws -> Volunteer? {
        guard let v = try await Volunteer.find(id, on: db), inScope(v.unitCode) else { return nil }
        return v
    }

    func volunteers(unit: String, page: Int, per: Int) async throws -> (items: [Volunteer], total: Int) {
        let q = Volunteer.query(on: db).within(narrowed(unit), \.$unitCode)
        return (try await q.copy().sort(\.$unitCode).sort(\.$name).range(((page - 1) * per)..<(page * per)).all(), try await q.count())
    }

    func pair(_ id: PairID) async throws -> Pair? {
        guard let p = try await Pair.find(id, on: db), inScope(p.unitCode) else { return nil }
        return p
    }

    func pairs(unit: String, status: String?, page: Int, per: Int) async throws -> (items: [Pair], total: Int) {
        var q = Pair.query(on: db).within(narrowed(unit), \.$unitCode)
        if let s = status.flatMap(PairStatus.init(rawValue:)) { q = q.filter(\.$status == s) }
        return (try await q.copy().sort(\.$createdAt, .descending).range(((page - 1) * per)..<(page * per)).all(), try await q.count())
    }

    func pairEvents(_ pair: PairID) async throws -> [PairEvent] {
        try await PairEvent.query(on: db).filter(\.$pairID == pair.uuid).sort(\.$at).all()
    }

    func contacts(_ pair: PairID) async throws -> [PairContact] {
        try await PairContact.query(on: db).filter(\.$pairID == pair.uuid).sort(\.$onDate, .descending).all()
    }

    func load(_ volunteers: [VolunteerID]) async throws -> [VolunteerID: Int] {
        guard !volunteers.isEmpty else { return [:] }
        let open = try await Pair.query(on: db).filter(\.$volunteerID ~~ volunteers.map(\.uuid)).filter(\.$status != .closed).all(
            \.$volunteerID)
        return open.reduce(into: [:]) { $0[VolunteerID($1), default: 0] += 1 }
    }

    func checkins(_ pair: PairID) async throws -> [PairCheckin] {
        try await PairCheckin.query(on: db).filter(\.$pairID == pair.uuid).sort(\.$onDate, .descending).all()
    }

    // The lookups below hang off a record the page already loaded through this scope (a volunteer, a pair, a
    // child), and read by its id without narrowing again, as the pages always have.

    func pairs(ofVolunteer volunteer: VolunteerID) async throws -> [Pair] {
        try await Pair.query(on: db).filter(\.$volunteerID == volunteer.uuid).sort(\.$createdAt, .descending).all()
    }

    func pairs(ofChild child: ChildID) async throws -> [Pair] {
        try await Pair.query(on: db).filter(\.$childID == child.uuid).sort(\.$createdAt, .descending).all()
    }

    /// Oldest first: the printed service record reads as a log.
    func contacts(ofPairs pairs: [PairID]) async throws -> [PairContact] {
        try await PairContact.query(on: db).filter(\.$pairID ~~ pairs.map(\.uuid)).sort(\.$onDate).all()
    }

    func volunteers(_ ids: some Collection<VolunteerID>) async throws -> [VolunteerID: Volunteer] {
        Dictionary(
            uniqueKeysWithValues: try await Volunteer.query(on: db).filter(\.$id ~~ Set(ids).map(\.uuid)).all().map { ($0.recordID, $0) })
    }

    func reminders(_ pair: PairID, limit: Int) async throws -> [PairReminder] {
        try await PairReminder.query(on: db).filter(\.$pairID == pair.uuid).sort(\.$createdAt, .descending).limit(limit).all()
    }
}
