import Fluent
import Vapor
import GuanaiCore

/// What issue 17's ledgers look up while reading in: the records a row names by what a ledger has (a name in a unit,
/// an ID number), never by id, and only inside the jurisdiction.
extension Scoped {
    /// Stations named `name` under `unit` (the import's unit: its own stations, or its villages' for a township).
    func stations(named name: String, under unit: String) async throws -> [Station] {
        try await Station.query(on: db).within(narrowed(unit), \.$unitCode).filter(\.$name == name).sort(\.$unitCode).all()
    }

    func openStations(under unit: String) async throws -> [Station] {
        try await Station.query(on: db).within(narrowed(unit), \.$unitCode).filter(\.$status == .open).limit(2).all()
    }

    /// A station (or site) of that name already in that unit: the same ledger read twice finds every row there.
    func stationExists(name: String, unit: String) async throws -> Bool {
        try await Station.query(on: db).filter(\.$unitCode == unit).filter(\.$name == name).first() != nil && inScope(unit)
    }

    func siteExists(name: String, unit: String) async throws -> Bool {
        try await Site.query(on: db).filter(\.$unitCode == unit).filter(\.$name == name).first() != nil && inScope(unit)
    }

    /// The registry child with this ID number, and her name, when the caller reads her.
    func child(idNumber: String) async throws -> (Child, String)? {
        guard let p = try await Person.query(on: db).filter(\.$idNumber == idNumber).first(), let pid = p.id,
            let c = try await Child.query(on: db).filter(\.$personID == pid).filter(\.$status != .voided).first(), inScope(c.unitCode)
        else { return nil }
        return (c, p.name)
    }

    /// The station where the child holds a place now, if any.
    func openEnrolment(of child: Child) async throws -> StationEnrolment? {
        try await StationEnrolment.query(on: db).filter(\.$childID == child.id!).filter(\.$toOn == nil).first()
    }

    /// The household whose head has this ID number, and the head, when both are in the jurisdiction.
    func household(headIDNumber: String) async throws -> (household: UUID, head: UUID, unit: String)? {
        guard let p = try await Person.query(on: db).filter(\.$idNumber == headIDNumber).first(), let h = p.householdID,
            let household = try await Household.find(h, on: db), household.voidedReason == nil, inScope(household.unitCode)
        else { return nil }
        return (h, p.id!, household.unitCode)
    }

    func groupExists(name: String, village: String) async throws -> Bool {
        try await NeighbourGroup.query(on: db).filter(\.$villageCode == village).filter(\.$name == name).first() != nil
    }
}

extension Scoped {
    func stationName(_ id: UUID) async throws -> String? { try await Station.find(id, on: db)?.name }
}
