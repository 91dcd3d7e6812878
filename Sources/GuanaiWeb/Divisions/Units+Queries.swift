import Fluent
import Vapor
import GuanaiCore

extension Scoped {
    func units() -> QueryBuilder<Unit> {
        let r = jurisdiction.range
        return Unit.query(on: db).filter(\.$id >= r.lowerBound).filter(\.$id <= r.upperBound)
    }

    /// nil when the unit does not exist or lies outside the jurisdiction: callers answer 404 either way.
    func unit(_ code: String) async throws -> Unit? {
        guard let c = DivisionCode(code), jurisdiction.contains(c) else { return nil }
        return try await Unit.find(c.value, on: db)
    }

    func children(of code: String, includeRetired: Bool = false) async throws -> [Unit] {
        var q = units().filter(\.$parentCode == code)
        if !includeRetired { q = q.filter(\.$status == .active) }
        return try await q.sort(\.$id).all()
    }

    /// Matches the official name (石华堰村委会), the short name (石华堰村) or the bare stem (石华堰).
    func units(named name: String) async throws -> [Unit] {
        let q = name.trimmingCharacters(in: .whitespaces)
        guard !q.isEmpty else { return [] }
        let exact = try await units().group(.or) { $0.filter(\.$officialName == q).filter(\.$shortName == q) }.all()
        if !exact.isEmpty { return exact }
        let key = DivisionName.matchKey(q)
        return try await units().all().filter {
            DivisionName.matchKey($0.shortName) == key || DivisionName.matchKey($0.officialName) == key
        }
    }

    func unitHistory(_ code: String) async throws -> [UnitChange] {
        guard inScope(code) else { return [] }
        return try await UnitChange.query(on: db).filter(\.$unitCode == code).sort(\.$at, .descending).all()
    }

    struct UnitCounts: Sendable { var townships = 0; var villages = 0; var added = 0 }

    func unitCounts() async throws -> UnitCounts {
        let rows = try await units().filter(\.$status == .active).all()
        var c = UnitCounts()
        for u in rows {
            if u.divisionLevel == .township { c.townships += 1 }
            if u.divisionLevel == .village { c.villages += 1 }
            if !u.statistical { c.added += 1 }
        }
        return c
    }

    /// The chain from the jurisdiction's root down to a unit, for breadcrumbs.
    func ancestry(of unit: Unit) async throws -> [Unit] {
        var out: [Unit] = []
        var next = unit.parentCode
        while let code = next, inScope(code), let u = try await Unit.find(code, on: db) {
            out.insert(u, at: 0)
            next = u.parentCode
        }
        return out
    }

    /// Short names for display of codes that records in scope already carry.
    func unitNames(_ codes: [String]) async throws -> [String: String] {
        let set = Array(Set(codes))
        guard !set.isEmpty else { return [:] }
        let units = try await Unit.query(on: db).filter(\.$id ~~ set).all()
        return Dictionary(uniqueKeysWithValues: units.map { ($0.code, $0.shortName) })
    }
}
