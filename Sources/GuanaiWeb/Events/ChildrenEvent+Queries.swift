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

/// A child an event's form offers: her name and village, for the list grouped by village.
struct EventChildOption: Sendable {
    let id: ChildID, name: String, village: String
}

extension Scoped {
    /// The active children of the event's unit (within the jurisdiction) the form offers to tick, those matching `q`
    /// by name, at most `limit`; and always those already `chosen`, wherever they live now. `more`: some were left out.
    func eventChildOptions(unit: String?, q: String?, chosen: [String], limit: Int) async throws
        -> (options: [EventChildOption], more: Bool)
    {
        let picked = Array(Set(chosen.compactMap { UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)) }))
        var kids = try await Child.query(on: db).within(unit.map(narrowed) ?? jurisdiction, \.$unitCode).filter(\.$status == .active)
            .limit(20_000).all().filter { $0.mergedInto == nil && !picked.contains($0.id!) }
        let mine = picked.isEmpty ? [] : try await Child.query(on: db).filter(\.$id ~~ picked).within(jurisdiction, \.$unitCode).all()
        let people = try await self.people((kids + mine).map(\.person))
        func option(_ c: Child) -> EventChildOption {
            EventChildOption(id: c.recordID, name: people[c.person]?.name ?? "", village: c.unitCode)
        }
        let needle = q?.trimmingCharacters(in: .whitespaces) ?? ""
        if !needle.isEmpty { kids = kids.filter { (people[$0.person]?.name ?? "").contains(needle) } }
        let order: (EventChildOption, EventChildOption) -> Bool = { ($0.village, $0.name) < ($1.village, $1.name) }
        let offered = kids.map(option).sorted(by: order)
        return ((mine.map(option) + offered.prefix(limit)).sorted(by: order), offered.count > limit)
    }
}
