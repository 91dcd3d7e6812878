import Fluent
import Foundation
import SQLKit
import GuanaiCore

/// Per-village coverage counts (`station_coverage`, M0041), read by the coverage endpoint and page instead of
/// counting every left-behind child of a county on each request. Recounted, never incremented: a writer that
/// changes an input files a mark naming the village (`station_coverage_marks`, in its own transaction), and the
/// sweep takes the marks and recounts those villages from the register. Marks are plain inserts, so writers never
/// wait on one another or on the sweep; the sweep deletes the marks in the transaction that writes the counts, so a
/// failed recount leaves them for the next sweep, and a mark filed while it runs stays for the next one too.
enum StationCoverageTally {
    static let table = "station_coverage"
    static let marks = "station_coverage_marks"
    /// A kept row's four counts, in `VillageCoverage`'s order.
    static let countColumns = [SQLColumn("left_behind"), SQLColumn("enrolled"), SQLColumn("reachable"), SQLColumn("covered")]
    /// Past this many villages one read of every left-behind child is cheaper than one query per village.
    static let wholeReadAbove = 40

    // MARK: Marks

    /// Files a mark for each village: its counts are recounted at the next sweep.
    static func mark(_ units: Set<String>, on db: any Database) async throws {
        guard !units.isEmpty else { return }
        let at = iso(Date())
        var ins = db.sql.insert(into: marks).columns("unit_code", "marked_at")
        for u in units.sorted() { ins = ins.values(SQLBind(u), SQLBind(at)) }
        try await ins.run()
    }

    /// Marks the villages of the active left-behind children a station at `point` may reach: those with a household
    /// in the box around it (a box a little wider than the reach; the sweep measures exactly).
    static func mark(near points: [GeoPoint], on db: any Database) async throws {
        guard !points.isEmpty else { return }
        let reach = Double(try await SettingsStore.load(StationRules.self, on: db).reachMetres) * 1.01 + 10
        var units: Set<String> = []
        for p in points {
            let dLat = reach / 111_000, dLon = reach / (111_000 * max(cos(p.latitude * Double.pi / 180), 0.01))
            let rows = try await db.sql.raw(
                """
                SELECT DISTINCT c.unit_code FROM children c JOIN households h ON h.id = c.household_id
                WHERE c.status = \(bind: ChildStatus.active.rawValue) AND c.left_behind = \(bind: true)
                AND h.latitude BETWEEN \(bind: p.latitude - dLat) AND \(bind: p.latitude + dLat)
                AND h.longitude BETWEEN \(bind: p.longitude - dLon) AND \(bind: p.longitude + dLon)
                """
            ).all()
            for r in rows { units.insert(try r.decode(column: "unit_code", as: String.self)) }
        }
        try await mark(units, on: db)
    }

    /// Villages of the active left-behind children living in this household.
    static func mark(household id: UUID, on db: any Database) async throws {
        let rows = try await db.sql.raw(
            """
            SELECT DISTINCT unit_code FROM children WHERE household_id = \(bind: id)
            AND status = \(bind: ChildStatus.active.rawValue) AND left_behind = \(bind: true)
            """
        ).all()
        try await mark(Set(try rows.map { try $0.decode(column: "unit_code", as: String.self) }), on: db)
    }

    /// The villages of these children (a place taken or given up changes her village's `enrolled`).
    static func mark(children ids: [UUID], on db: any Database) async throws {
        guard !ids.isEmpty else { return }
        let rows = try await db.sql.select().distinct().column("unit_code").from(Child.schema).where("id", .in, ids).all()
        try await mark(Set(try rows.map { try $0.decode(column: "unit_code", as: String.self) }), on: db)
    }

    /// The villages of the children holding a place at this station now (closing it takes their places away).
    static func mark(enrolledAt station: UUID, on db: any Database) async throws {
        let rows = try await db.sql.raw(
            """
            SELECT DISTINCT c.unit_code FROM station_enrolments e JOIN children c ON c.id = e.child_id
            WHERE e.station_id = \(bind: station) AND e.to_on IS NULL
            """
        ).all()
        try await mark(Set(try rows.map { try $0.decode(column: "unit_code", as: String.self) }), on: db)
    }

    // MARK: Recount

    /// The sweep's step: takes every mark and recounts the villages they name; everything when the reach in the
    /// settings is not the one the kept counts were made with. Returns how many villages were recounted.
    static func sweep(on db: any Database, at: Date) async throws -> Int {
        try await db.transaction { tx in
            let taken = try await tx.sql.raw("DELETE FROM \(ident: marks) RETURNING unit_code").all()
            let units = Set(try taken.map { try $0.decode(column: "unit_code", as: String.self) })
            let reach = try await SettingsStore.load(StationRules.self, on: tx).reachMetres
            let stale = try await tx.sql.select().column("unit_code").from(table).where("reach_metres", .notEqual, reach).limit(1).all()
            if !stale.isEmpty {
                return try await recountAll(on: tx, at: at)
            }
            guard !units.isEmpty else { return 0 }
            return try await recount(units, reach: reach, on: tx, at: at)
        }
    }

    /// Recounts every village: those with an active left-behind child and those with kept counts (which may have
    /// lost their last one). For a first fill, a bulk load, or a change of reach; also `guanai sweep --full-coverage`.
    @discardableResult
    static func recountAll(on db: any Database, at: Date) async throws -> Int {
        let reach = try await SettingsStore.load(StationRules.self, on: db).reachMetres
        let kept = try await db.sql.select().column("unit_code").from(table).all().map {
            try $0.decode(column: "unit_code", as: String.self)
        }
        let all = Scoped(db: db, jurisdiction: .system)
        let children = try await all.coverageChildren(.system)
        let stations = try await all.openStationsForCoverage()
        let counts = Coverage.villages(children: children, stations: stations, reachMetres: reach)
        try await write(counts, emptied: Set(kept).subtracting(counts.map(\.unitCode)), reach: reach, on: db, at: at)
        return Set(kept).union(counts.map(\.unitCode)).count
    }

    /// Recounts these villages from the register: their children against every open station.
    static func recount(_ units: Set<String>, reach: Int, on db: any Database, at: Date) async throws -> Int {
        let stations = try await Scoped(db: db, jurisdiction: .system).openStationsForCoverage()
        let counts = try await count(units, reach: reach, stations: stations, on: db)
        try await write(counts, emptied: units.subtracting(counts.map(\.unitCode)), reach: reach, on: db, at: at)
        return units.count
    }

    /// These villages' counts from the register; a village with no active left-behind child has none.
    static func count(_ units: Set<String>, reach: Int, stations: [CoverageStation], on db: any Database) async throws -> [VillageCoverage]
    {
        let scoped = Scoped(db: db, jurisdiction: .system)
        var children: [CoverageChild] = []
        if units.count > wholeReadAbove, let first = units.min(), let last = units.max() {
            children = try await scoped.coverageChildren(in: first...last).filter { units.contains($0.villageCode) }
        } else {
            for u in units.sorted() { children += try await scoped.coverageChildren(in: u...u) }
        }
        return Coverage.villages(children: children, stations: stations, reachMetres: reach)
    }

    /// Upserts the counts in code order (two recounts of one village then queue rather than deadlock) and drops the
    /// rows of villages left without a left-behind child: no row reads as nobody to cover.
    static func write(_ counts: [VillageCoverage], emptied: Set<String>, reach: Int, on db: any Database, at: Date) async throws {
        let stamp = iso(at)
        for chunk in counts.chunked(500) {
            var ins = db.sql.insert(into: table).columns(["unit_code", "reach_metres", "computed_at"].map { SQLColumn($0) } + countColumns)
            for v in chunk {
                ins = ins.values(
                    SQLBind(v.unitCode), SQLBind(reach), SQLBind(stamp), SQLBind(v.leftBehind), SQLBind(v.enrolled), SQLBind(v.reachable),
                    SQLBind(v.covered))
            }
            try await ins.onConflict(with: ["unit_code"]) { u in
                (countColumns + [SQLColumn("reach_metres"), SQLColumn("computed_at")]).reduce(u) { $0.set(excludedValueOf: $1) }
            }.run()
        }
        for chunk in emptied.sorted().chunked(500) {
            try await db.sql.delete(from: table).where("unit_code", .in, Array(chunk)).run()
        }
    }

    // MARK: Reads

    /// Every village's counts in `range` as of now: the kept rows, except the villages the sweep has yet to recount
    /// (a mark waiting, or kept with another reach), which are counted from the register here. Reads write nothing.
    static func current(in range: ClosedRange<String>, reach: Int, stations: [CoverageStation], on db: any Database) async throws
        -> [VillageCoverage]
    {
        let rows = try await db.sql.select().columns([SQLColumn("unit_code"), SQLColumn("reach_metres")] + countColumns)
            .from(table).where("unit_code", .greaterThanOrEqual, range.lowerBound).where("unit_code", .lessThanOrEqual, range.upperBound)
            .all()
        var stale = Set(
            try await db.sql.select().distinct().column("unit_code").from(marks).where("unit_code", .greaterThanOrEqual, range.lowerBound)
                .where("unit_code", .lessThanOrEqual, range.upperBound).all().map { try $0.decode(column: "unit_code", as: String.self) })
        var kept: [VillageCoverage] = []
        for r in rows {
            let v = VillageCoverage(
                unitCode: try r.decode(column: "unit_code", as: String.self), leftBehind: try r.decode(column: "left_behind", as: Int.self),
                enrolled: try r.decode(column: "enrolled", as: Int.self), reachable: try r.decode(column: "reachable", as: Int.self),
                covered: try r.decode(column: "covered", as: Int.self))
            if try r.decode(column: "reach_metres", as: Int.self) != reach { stale.insert(v.unitCode) } else { kept.append(v) }
        }
        kept.removeAll { stale.contains($0.unitCode) }
        return kept + (try await count(stale, reach: reach, stations: stations, on: db))
    }

    static func iso(_ d: Date) -> String { d.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)) }
}

extension SafetySweep {
    /// `guanai sweep --full-coverage`: every village's coverage recounted, marks or not. Returns how many villages.
    public static func fullCoverage(on db: any Database, at: Date) async throws -> Int {
        try await StationCoverageTally.recountAll(on: db, at: at)
    }
}
