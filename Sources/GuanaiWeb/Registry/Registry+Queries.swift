import Fluent
import FluentSQL
import SQLKit
import Vapor
import GuanaiCore

// The filter and its rules are Core's (ChildFilter); here it becomes a query.
extension Scoped {
    /// Every record in the jurisdiction that has not been voided.
    func children() -> QueryBuilder<Child> {
        Child.query(on: db).within(jurisdiction, \.$unitCode).filter(\.$status != .voided)
    }

    func child(_ id: ChildID) async throws -> Child? {
        guard let c = try await Child.find(id, on: db), inScope(c.unitCode), c.voidedReason == nil else {
            return nil
        }
        return c
    }

    func person(_ id: PersonID) async throws -> Person? {
        guard let p = try await Person.find(id, on: db), inScope(p.unitCode) else { return nil }
        return p
    }

    func people(_ ids: some Collection<PersonID>) async throws -> [PersonID: Person] {
        let set = Set(ids).map(\.uuid)
        guard !set.isEmpty else { return [:] }
        var out: [PersonID: Person] = [:]
        // In slices: a printed 台账 names up to 20,000 people, beyond what one statement may bind.
        for start in stride(from: 0, to: set.count, by: 5000) {
            for p in try await Person.query(on: db).filter(\.$id ~~ Array(set[start..<min(start + 5000, set.count)])).all() {
                out[p.recordID] = p
            }
        }
        return out
    }

    static func bitSet(_ column: String, _ bits: Int) -> DatabaseQuery.Filter {
        .sql(embed: "(\(ident: Child.schema).\(ident: column) & \(literal: bits)) <> 0")
    }

    /// The unit the filter names when it lies inside the jurisdiction, else the whole jurisdiction.
    func scope(_ f: ChildFilter) -> Jurisdiction {
        DivisionCode(f.unit).flatMap { jurisdiction.contains($0) ? Jurisdiction(root: $0) : nil } ?? jurisdiction
    }

    /// The list's query without order or paging, shared by the page, its count, the API and the print view.
    func childQuery(_ f: ChildFilter, today: CivilDate) async throws -> QueryBuilder<Child> {
        // One unit range only: given two, SQLite bounds the index scan by the wider one.
        var q = Child.query(on: db).within(scope(f), \.$unitCode).filter(\.$status != .voided)
        let statuses = f.statuses
        q = statuses.count == 1 ? q.filter(\.$status == statuses[0]) : q.filter(\.$status ~~ statuses)
        if let bits = f.categoryBits { q = q.filter(Self.bitSet("category_bits", bits)) }
        if let bits = f.needBits { q = q.filter(Self.bitSet("need_bits", bits)) }
        if let b = f.birthBounds(today: today) {
            if let v = b.atLeast { q = q.filter(\.$birthDate >= v) }
            if let v = b.below { q = q.filter(\.$birthDate < v) }
            if let v = b.atMost { q = q.filter(\.$birthDate <= v) }
        }
        if f.withoutGuardian {
            q = q.filter(\.$guardianID == nil)
        } else if let b = f.guardianBirthBounds(today: today) {
            if let v = b.atLeast { q = q.filter(\.$guardianBirth >= v) }
            if let v = b.below { q = q.filter(\.$guardianBirth < v) }
            if b.known { q = q.filter(\.$guardianBirth != nil) }
        }
        let healths = f.guardianHealths
        if !healths.isEmpty { q = q.filter(\.$guardianHealth ~~ healths.map(\.rawValue)) }
        if let t = f.riskTier { q = q.filter(\.$riskTier == t.rawValue) }
        if let ids = try await personIDs(matching: f.q) { q = q.filter(\.$personID ~~ ids.map(\.uuid)) }
        return q
    }

    static func sorted(_ q: QueryBuilder<Child>, _ s: ChildSort) -> QueryBuilder<Child> {
        switch s {
        case .village: q.sort(\.$unitCode).sort(\.$birthDate, .descending).sort(\.$id)
        case .oldest: q.sort(\.$birthDate).sort(\.$unitCode).sort(\.$id)
        case .recent: q.sort(\.$createdAt, .descending).sort(\.$id)
        }
    }

    func children(matching f: ChildFilter, today: CivilDate, page: Int, per: Int) async throws -> (items: [Child], total: Int) {
        let q = try await childQuery(f, today: today)
        let total: Int
        if ChildTally.answers(f) {
            total = try await ChildTally.count(scope(f), statuses: f.statuses, categoryBits: f.categoryBits, needBits: f.needBits, on: db)
        } else {
            total = try await q.copy().count()
        }
        let items = try await Self.sorted(q, f.sort).range((page - 1) * per..<page * per).all()
        return (items, total)
    }

    struct ChildCounts: Sendable { var active = 0; var leftBehind = 0; var difficulty = 0; var exited = 0 }

    func childCounts() async throws -> ChildCounts {
        var c = ChildCounts()
        c.active = try await ChildTally.count(jurisdiction, statuses: [.active], categoryBits: nil, needBits: nil, on: db)
        c.leftBehind = try await ChildTally.count(
            jurisdiction, statuses: [.active], categoryBits: ChildCategory.leftBehind.bit, needBits: nil, on: db)
        c.exited = try await ChildTally.count(jurisdiction, statuses: [.exited], categoryBits: nil, needBits: nil, on: db)
        c.difficulty = try await ChildTally.count(
            jurisdiction, statuses: [.active], categoryBits: ChildCategory.difficultyBits, needBits: nil, on: db)
        return c
    }
}
