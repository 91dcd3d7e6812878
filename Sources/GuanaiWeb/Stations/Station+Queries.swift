import Fluent
import Vapor
import GuanaiCore

extension Scoped {
    /// Stations in the jurisdiction, or within `unit` when it lies inside it, by unit then name.
    func stations(unit: String?, page: Int, per: Int) async throws -> (items: [Station], total: Int) {
        let q = Station.query(on: db).within(unit.map(narrowed) ?? jurisdiction, \.$unitCode)
        return (
            try await q.copy().sort(\.$unitCode).sort(\.$name).range(((page - 1) * per)..<(page * per)).all(),
            try await q.count()
        )
    }

    /// nil outside the jurisdiction: the caller answers 404 either way.
    func station(_ id: StationID) async throws -> Station? {
        guard let s = try await Station.find(id, on: db), inScope(s.unitCode) else { return nil }
        return s
    }

    /// The station's volunteers' ids, in the station's order.
    func stationVolunteers(_ s: Station) async throws -> [String] {
        try await StationVolunteer.query(on: db).filter(\.$stationID == s.id!).sort(\.$position).all(\.$volunteerID).map(\.uuidString)
    }

    /// Of `ids`, those naming a volunteer in the jurisdiction: the facts `StationForm` checks `volunteerIds` against.
    func knownVolunteers(_ ids: [String]?) async throws -> Set<String> {
        let uuids = (ids ?? []).compactMap { UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)) }
        guard !uuids.isEmpty else { return [] }
        let found = try await Volunteer.query(on: db).filter(\.$id ~~ uuids).within(jurisdiction, \.$unitCode).all(\.$id)
        let set = Set(found)
        return Set((ids ?? []).filter { UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)).map(set.contains) ?? false })
    }

    /// A unit that exists but lies outside the jurisdiction: a write for it is 404, as for a record there.
    func unitOutside(_ code: String?) async throws -> Bool {
        guard let code, let c = DivisionCode(code), !jurisdiction.contains(c) else { return false }
        return try await Unit.find(c.value, on: db) != nil
    }

    /// The facts Core's form checks read of the unit a write names (trimmed; nil when blank or unknown here). A unit
    /// that exists outside the jurisdiction answers 404 before any check.
    func unitFactsForWrite(_ raw: String?) async throws -> UnitFacts? {
        let code = FormChecker().text(raw)
        if try await unitOutside(code) { throw Abort(.notFound) }
        return try await code.asyncFlatMap { try await unit($0) }?.formFacts
    }
}

extension Scoped {
    /// Active volunteers the form offers as helpers, plus those already listed (a withdrawn one stays until unticked).
    func stationVolunteerChoices(keeping listed: [String]) async throws -> [Volunteer] {
        let active = try await Volunteer.query(on: db).within(jurisdiction, \.$unitCode).filter(\.$status == .active)
            .sort(\.$unitCode).sort(\.$name).limit(300).all()
        let have = Set(active.compactMap(\.id))
        let extra = listed.compactMap(UUID.init(uuidString:)).filter { !have.contains($0) }
        guard !extra.isEmpty else { return active }
        return active + (try await Volunteer.query(on: db).filter(\.$id ~~ extra).within(jurisdiction, \.$unitCode).all())
    }

    /// Names of the volunteers a station lists, for its page.
    func volunteerNames(_ ids: [String]) async throws -> [String: String] {
        let uuids = ids.compactMap(UUID.init(uuidString:))
        guard !uuids.isEmpty else { return [:] }
        let rows = try await Volunteer.query(on: db).filter(\.$id ~~ uuids).within(jurisdiction, \.$unitCode).all()
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.id!.uuidString, $0.name) })
    }
}
