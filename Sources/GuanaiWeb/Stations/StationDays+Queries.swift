import Fluent
import SQLKit
import Vapor
import GuanaiCore

// Enrolments, rosters and activities of one station. The station has been found through `Scoped` first, so these
// read by its id alone.
extension Scoped {
    /// Open enrolments, and with `all` the ended ones too, newest first after the open ones.
    func enrolments(_ s: Station, all: Bool = false) async throws -> [StationEnrolment] {
        let q = StationEnrolment.query(on: db).filter(\.$stationID == s.id!)
        if !all { q.filter(\.$toOn == nil) }
        return try await q.sort(\.$fromOn, .descending).all().sorted { ($0.toOn == nil ? 0 : 1) < ($1.toOn == nil ? 0 : 1) }
    }

    func enrolment(_ s: Station, _ id: UUID) async throws -> StationEnrolment? {
        try await StationEnrolment.query(on: db).filter(\.$stationID == s.id!).filter(\.$id == id).first()
    }

    /// Open enrolments per station, for the list and the station's `enrolled`.
    func enrolledCounts(_ stations: [Station]) async throws -> [UUID: Int] {
        let ids = stations.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let rows = try await StationEnrolment.query(on: db).filter(\.$stationID ~~ ids).filter(\.$toOn == nil).all(\.$stationID)
        return rows.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    /// Enrolments at the station whose period covers `day`: the children its roster lists that day.
    func enrolments(_ s: Station, on day: CivilDate) async throws -> [StationEnrolment] {
        try await StationEnrolment.query(on: db).filter(\.$stationID == s.id!).filter(\.$fromOn <= day.iso)
            .group(.or) { $0.filter(\.$toOn == nil).filter(\.$toOn >= day.iso) }.all()
    }

    /// Periods at the station of the children named, for the rules that ask "enrolled that day?".
    func periods(_ s: Station, children: [String]) async throws -> [String: [EnrolmentPeriod]] {
        let ids = children.compactMap { UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)) }
        guard !ids.isEmpty else { return [:] }
        var out: [String: [EnrolmentPeriod]] = [:]
        for e in try await StationEnrolment.query(on: db).filter(\.$stationID == s.id!).filter(\.$childID ~~ ids).all() {
            if let p = e.period { out[e.childID.uuidString, default: []].append(p) }
        }
        return out
    }

    /// Each enrolled child's village, for a station's list.
    func villages(of children: [UUID]) async throws -> [UUID: String] {
        guard !children.isEmpty else { return [:] }
        let kids = try await Child.query(on: db).filter(\.$id ~~ children).all()
        return Dictionary(uniqueKeysWithValues: kids.map { ($0.id!, $0.unitCode) })
    }

    func marks(_ s: Station, on day: CivilDate) async throws -> [StationAttendance] {
        try await StationAttendance.query(on: db).filter(\.$stationID == s.id!).filter(\.$day == day.iso).all()
    }

    func activities(_ s: Station, limit: Int = 100) async throws -> [StationActivity] {
        try await StationActivity.query(on: db).filter(\.$stationID == s.id!).sort(\.$day, .descending).sort(\.$createdAt, .descending)
            .limit(limit).all()
    }

    /// Active children of the station's unit not enrolled anywhere, matching `q` (name, or the end of an ID
    /// number), for the form that enrols one: at most `limit`, by name.
    func enrolmentCandidates(_ s: Station, q: String, limit: Int = 20) async throws -> [(ChildID, String)] {
        guard let unit = DivisionCode(s.unitCode) else { return [] }
        let term = q.trimmingCharacters(in: .whitespaces)
        let kids = Child.query(on: db).within(narrowed(unit.value), \.$unitCode).filter(\.$status == .active)
            .join(Person.self, on: \Child.$personID == \Person.$id)
        if !term.isEmpty {
            kids.group(.or) { $0.filter(Person.self, \.$name =~ term).filter(Person.self, \.$idNumber =~ term) }
        }
        let open = DatabaseQuery.Filter.sql(
            embed: "NOT EXISTS (SELECT 1 FROM station_enrolments e WHERE e.child_id = \(ident: Child.schema).id AND e.to_on IS NULL)")
        let rows = try await kids.filter(open).sort(Person.self, \.$name).limit(limit).all()
        return try rows.map { ($0.recordID, try $0.joined(Person.self).name) }
    }
}

/// Writes that must see each other: a station's places are counted with its row held, so two staff enrolling at
/// once cannot both take the last place.
enum StationLocks {
    static func hold(_ s: Station, on db: any Database) async throws {
        try await db.sql.update(Station.schema).set("updated_at", to: SQLColumn("updated_at")).where("id", .equal, s.id!).run()
    }
}
