import Fluent
import Vapor
import GuanaiCore

extension Scoped {
    /// Events in the jurisdiction (or within `unit`), latest first.
    func childrenEvents(unit: String?, page: Int, per: Int) async throws -> (items: [ChildrenEvent], total: Int) {
        let q = ChildrenEvent.query(on: db).within(unit.map(narrowed) ?? jurisdiction, \.$unitCode)
        return (
            try await q.copy().sort(\.$date, .descending).sort(\.$id, .descending).range(((page - 1) * per)..<(page * per)).all(),
            try await q.count()
        )
    }

    func childrenEvent(_ id: ChildrenEventID) async throws -> ChildrenEvent? {
        guard let e = try await ChildrenEvent.find(id, on: db), inScope(e.unitCode) else { return nil }
        return e
    }

    /// Of `ids`, those naming a child in the jurisdiction: the facts `ChildrenEventForm` checks participants against.
    func knownChildren(_ ids: [String]?) async throws -> Set<String> {
        let uuids = Array(Set((ids ?? []).compactMap { UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)) }))
        guard !uuids.isEmpty else { return [] }
        let found = Set(try await Child.query(on: db).filter(\.$id ~~ uuids).within(jurisdiction, \.$unitCode).all(\.$id))
        return Set(
            (ids ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { UUID(uuidString: $0).map(found.contains) ?? false })
    }
}
