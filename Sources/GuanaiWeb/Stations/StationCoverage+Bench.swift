import Fluent
import Foundation
import SQLKit
import Vapor
import GuanaiCore

/// `bench/coverage.sh`: the 石首市 instance of the siting bench (204 villages, 48,000 left-behind children at
/// synthetic points, tiers) put into a database with some 100 open stations and their places; then the full recount,
/// one sweep step after a single change, and the coverage answer at county level, kept counts against live.
public enum StationCoverageBench {
    public struct Figures: Sendable {
        public let leftBehind: Int, stations: Int, enrolments: Int, villages: Int
        public let loadSeconds: Double, fullSeconds: Double, stepMs: Double, endpointMs: Double, liveMs: Double
        public let equal: Bool
    }

    static func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

    public static func run(_ app: Application, seed: UInt64 = 20_240_601, leftBehind target: Int = 48_000) async throws -> Figures {
        let db = app.db
        let county = DivisionCode(app.guanai.county)!
        let t0 = ContinuousClock.now
        if try await Station.query(on: db).count() == 0 {
            try await load(app, seed: seed, target: target)
        }
        let loadSeconds = seconds(ContinuousClock.now - t0)
        if db.sql.dialect.name == "sqlite" {
            try await DatabaseStatistics.refresh(db)
        } else {
            for t in [Child.schema, Household.schema, Station.schema, StationEnrolment.schema] {
                try await db.sql.raw("VACUUM ANALYZE \(ident: t)").run()
            }
        }

        // The full recount, three times: the median.
        var full: [Double] = []
        var villages = 0
        for _ in 0..<3 {
            let t = ContinuousClock.now
            villages = try await StationCoverageTally.recountAll(on: db, at: app.now)
            full.append(seconds(ContinuousClock.now - t))
        }
        // One sweep step after one change: a village marked, as an enrolment or a child's exit marks it.
        let oneVillage = try await db.sql.select().column("unit_code").from(StationCoverageTally.table).orderBy("unit_code").first()!
            .decode(column: "unit_code", as: String.self)
        let step = try await RegistryBench.ms {
            try await StationCoverageTally.mark([oneVillage], on: db)
            _ = try await StationCoverageTally.sweep(on: db, at: app.now)
        }

        let scoped = Scoped(db: db, jurisdiction: Jurisdiction(root: county))
        let endpoint = try await RegistryBench.ms {
            let f = try await StationCoverageFigures.load(scoped, unit: county.value)
            _ = try JSONEncoder().encode(CoverageDTO(f))
        }
        let reach = try await SettingsStore.load(StationRules.self, on: db).reachMetres
        let j = Jurisdiction(root: county)
        let rowUnit: (String) -> String? = { Coverage.rowUnit(scope: county, village: $0) }
        var live: CoverageReport? = nil
        let liveMs = try await RegistryBench.ms {
            live = Coverage.report(
                children: try await scoped.coverageChildren(j), stations: try await scoped.openStationsForCoverage(), reachMetres: reach,
                rowUnit: rowUnit)
        }
        let kept = try await StationCoverageFigures.load(scoped, unit: county.value).report
        return Figures(
            leftBehind: kept.leftBehind, stations: try await Station.query(on: db).count(),
            enrolments: try await StationEnrolment.query(on: db).filter(\.$toOn == nil).count(), villages: villages,
            loadSeconds: loadSeconds, fullSeconds: full.sorted()[1], stepMs: step, endpointMs: endpoint, liveMs: liveMs,
            equal: live == kept)
    }

    /// Synthetic children through the registry bench's loader (so every column is as the register writes it), then
    /// the first `target` active left-behind ones given the instance's villages, points (a household each) and
    /// tiers; the rest of the left-behind loaded are taken out of coverage (a fixture, not real activity: no audit).
    static func load(_ app: Application, seed: UInt64, target: Int) async throws {
        let db = app.db
        let instance = SitingBench.instance(seed: seed, children: target)
        let all = try await Unit.query(on: db).filter(\.$level == DivisionLevel.village.rawValue).filter(\.$status == .active).all()
            .map(\.code).sorted()
        let committees = instance.candidates.filter { $0.id.hasPrefix("vc-") }
        let codes = committees.map(\.unitCode).sorted()
        // Spread over the county's townships: every k-th village.
        let step = max(1, all.count / max(codes.count, 1))
        let real = stride(from: 0, to: all.count, by: step).map { all[$0] }
        let village = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, real[$0 % real.count]) })
        let today = RegistryService.today(app.now)
        let at = app.now
        var seedNext: UInt64 = seed
        while true {
            let lb = try await leftBehindIDs(db).count
            if lb >= target { break }
            try await RegistryBench.load(
                db, count: max(2_000, (target - lb) * 3), seed: seedNext, villages: Array(Set(village.values)).sorted(), today: today,
                at: at)
            seedNext += 1
        }
        let ids = try await leftBehindIDs(db)
        try await db.transaction { tx in
            for chunk in Array(ids.dropFirst(target)).chunked(500) {
                try await tx.sql.update(Child.schema).set(SQLColumn("left_behind"), to: SQLBind(false)).where("id", .in, Array(chunk)).run()
            }
            for chunk in Array(zip(ids, instance.children)).chunked(500) {
                var ins = tx.sql.insert(into: Household.schema).columns(
                    "id", "unit_code", "address", "latitude", "longitude", "poverty", "created_at")
                for (id, c) in chunk {
                    ins = ins.values(
                        SQLBind(id), SQLBind(village[c.villageCode]!), SQLBind("bench"), SQLBind(c.point?.latitude),
                        SQLBind(c.point?.longitude), SQLBind(PovertyStatus.none.rawValue), SQLBind(at))
                }
                try await ins.run()
            }
            for (id, c) in zip(ids, instance.children) {
                try await tx.sql.update(Child.schema).set("unit_code", to: village[c.villageCode]!).set("household_id", to: id)
                    .set("risk_tier", to: c.tier.rawValue).where("id", .equal, id).run()
            }
        }
        // About 100 open stations at every other village committee; ten places each from its village and ten from
        // the next one (a place counts whether or not the station reaches her).
        let kids = Dictionary(grouping: zip(ids, instance.children), by: { village[$0.1.villageCode]! }).mapValues { $0.map { $0.0 } }
        try await db.transaction { tx in
            var taken: Set<UUID> = []
            for (k, c) in committees.enumerated() where k % 2 == 0 {
                let id = TimeOrderedID.next(), unit = village[c.unitCode]!
                try await tx.sql.insert(into: Station.schema).columns(
                    "id", "name", "unit_code", "host", "latitude", "longitude", "capacity", "schedule", "staff", "status", "opened_on",
                    "created_at", "updated_at"
                ).values(
                    SQLBind(id), SQLBind("Station \(k)"), SQLBind(unit), SQLBind(StationHost.villageCommittee.rawValue),
                    SQLBind(c.point?.latitude),
                    SQLBind(c.point?.longitude), SQLBind(100), SQLBind(StationSession.afterSchool.rawValue), SQLBind("[]"),
                    SQLBind(StationStatus.open.rawValue), SQLBind(today.iso), SQLBind(at), SQLBind(at)
                ).run()
                let next = village[committees[(k + 1) % committees.count].unitCode]!
                let places =
                    (kids[unit] ?? []).filter { !taken.contains($0) }.prefix(10)
                    + (kids[next] ?? []).filter { !taken.contains($0) }.suffix(10)
                for child in places {
                    taken.insert(child)
                    try await tx.sql.insert(into: StationEnrolment.schema).columns(
                        "id", "station_id", "child_id", "from_on", "created_at", "updated_at"
                    ).values(SQLBind(TimeOrderedID.next()), SQLBind(id), SQLBind(child), SQLBind(today.iso), SQLBind(at), SQLBind(at)).run()
                }
            }
        }
    }

    static func leftBehindIDs(_ db: any Database) async throws -> [UUID] {
        try await db.sql.select().column("id").from(Child.schema).where("status", .equal, ChildStatus.active.rawValue)
            .where(SQLColumn("left_behind"), .equal, SQLBind(true)).orderBy("id").all().map { try $0.decode(column: "id", as: UUID.self) }
    }
}
