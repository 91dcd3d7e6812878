import Fluent
import SQLKit
import Vapor
import GuanaiCore

extension Scoped {
    /// Active left-behind children in `j` as coverage reads them: village, household point, tier. One statement,
    /// no models: a county holds some 48,000. `tiers` narrows to those tiers (the live priority list).
    func coverageChildren(_ j: Jurisdiction, tiers: [RiskTier]? = nil) async throws -> [CoverageChild] {
        try await coverageChildren(in: j.range, tiers: tiers)
    }

    /// The same children by a range of village codes (the villages a recount needs, from the first to the last).
    func coverageChildren(in r: ClosedRange<String>, tiers: [RiskTier]? = nil) async throws -> [CoverageChild] {
        var q = db.sql.select()
            .column(SQLColumn("id", table: Child.schema)).column(SQLColumn("unit_code", table: Child.schema))
            .column(SQLColumn("risk_tier", table: Child.schema))
            .column(SQLColumn("latitude", table: Household.schema)).column(SQLColumn("longitude", table: Household.schema))
            .from(Child.schema)
            .join(
                Household.schema, method: SQLJoinMethod.left, on: SQLColumn("household_id", table: Child.schema), .equal,
                SQLColumn("id", table: Household.schema)
            )
            .where(SQLColumn("status", table: Child.schema), .equal, SQLBind(ChildStatus.active.rawValue))
            .where(SQLColumn("left_behind", table: Child.schema), .equal, SQLBind(true))
            .where(SQLColumn("unit_code", table: Child.schema), .greaterThanOrEqual, SQLBind(r.lowerBound))
            .where(SQLColumn("unit_code", table: Child.schema), .lessThanOrEqual, SQLBind(r.upperBound))
        if let tiers { q = q.where(SQLColumn("risk_tier", table: Child.schema), .in, SQLBind.group(tiers.map(\.rawValue))) }
        let rows = try await q.all()
        return try rows.map { row in
            let lat = try row.decode(column: "latitude", as: Double?.self), lon = try row.decode(column: "longitude", as: Double?.self)
            return CoverageChild(
                id: try row.decode(column: "id", as: UUID.self).uuidString,
                villageCode: try row.decode(column: "unit_code", as: String.self),
                point: lat.flatMap { la in lon.map { GeoPoint(latitude: la, longitude: $0) } },
                tier: (try row.decode(column: "risk_tier", as: String?.self)).flatMap(RiskTier.init(rawValue:)) ?? .normal)
        }
    }

    /// Every open station, whatever its jurisdiction (one across a township border still reaches the children near
    /// it), with the children holding a place there. Only counts leave this function's callers.
    func openStationsForCoverage() async throws -> [CoverageStation] {
        let stations = try await Station.query(on: db).filter(\.$status == .open).all()
        let ids = stations.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        var places: [UUID: Set<String>] = [:]
        for e in try await StationEnrolment.query(on: db).filter(\.$stationID ~~ ids).filter(\.$toOn == nil).all() {
            places[e.stationID, default: []].insert(e.childID.uuidString)
        }
        return stations.map { s in
            CoverageStation(
                unitCode: s.unitCode, point: s.latitude.flatMap { la in s.longitude.map { GeoPoint(latitude: la, longitude: $0) } },
                enrolled: places[s.id!] ?? [])
        }
    }
}
