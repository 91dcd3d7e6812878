import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// `bench/sweep.sh`: children and visits loaded in bulk, then a full first sweep (every tier computed), a
/// steady-state sweep (nothing due), and for comparison one indexed count of the children overdue for the township
/// (three days late, below critical: what the sweep's overdue loop reads).
public enum SweepBench {
    public struct Figures: Sendable {
        public let children: Int, visits: Int, loadSeconds: Double, firstSweepSeconds: Double, steadySweepMs: Double,
            overdueCountMs: Double, overdue: Int
    }

    static func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

    public static func run(_ app: Application, children target: Int, visitsPerChild: Int) async throws -> Figures {
        let db = app.db
        let villages = try await Unit.query(on: db).filter(\.$level == DivisionLevel.village.rawValue).filter(\.$status == .active).all()
            .map(\.code)
        let today = RegistryService.today(app.now)
        let t0 = ContinuousClock.now
        let existing = try await Child.query(on: db).count()
        if existing < target {
            try await RegistryBench.load(
                db, count: target - existing, seed: UInt64(existing + 1), villages: villages, today: today, at: app.now)
            try await ChildTally.refresh(Set(villages), on: db)
            // Bulk-loaded children have no tier yet: due for assessment today, which the first sweep does.
            try await db.sql.raw(
                "UPDATE children SET risk_review = \(bind: today.iso) WHERE risk_tier IS NULL AND "
                    + "status = \(bind: ChildStatus.active.rawValue)"
            ).run()
            try await loadVisits(db, perChild: visitsPerChild, today: today, at: app.now)
        }
        let load = seconds(ContinuousClock.now - t0)
        if db.sql.dialect.name == "sqlite" {
            try await DatabaseStatistics.refresh(db)
        } else {
            for t in [Child.schema, Person.schema, Visit.schema] { try await db.sql.raw("VACUUM ANALYZE \(ident: t)").run() }
        }
        let s0 = ContinuousClock.now
        _ = try await SafetySweep.run(on: db, at: app.now)
        let first = seconds(ContinuousClock.now - s0)
        var steady: [Double] = []
        for _ in 0..<5 {
            let s1 = ContinuousClock.now
            _ = try await SafetySweep.run(on: db, at: app.now)
            steady.append(seconds(ContinuousClock.now - s1) * 1000)
        }
        let cutoff = today.adding(days: -3).iso
        var counts: [Double] = []
        var overdue = 0
        for _ in 0..<5 {
            let c0 = ContinuousClock.now
            overdue =
                try await db.sql.raw(
                    "SELECT COUNT(*) AS n FROM children WHERE overdue_step = 0 AND next_visit_due <= "
                        + "\(bind: cutoff) AND \(SafetySweep.belowCritical)"
                ).first()?.decode(column: "n", as: Int.self) ?? 0
            counts.append(seconds(ContinuousClock.now - c0) * 1000)
        }
        let children = try await Child.query(on: db).count(), visits = try await Visit.query(on: db).count()
        return Figures(
            children: children, visits: visits, loadSeconds: load, firstSweepSeconds: first,
            steadySweepMs: steady.sorted()[2], overdueCountMs: counts.sorted()[2], overdue: overdue)
    }

    /// Visits spread over the last 300 days; each child's `last_visit_on` is then set from them by one set-based
    /// UPDATE. Children are read as plain (id, village) rows and the visits written with multi-row inserts, a few
    /// hundred thousand a transaction.
    static func loadVisits(_ db: any Database, perChild: Int, today: CivilDate, at: Date) async throws {
        guard perChild > 0 else { return }
        var g = SplitMix64(seed: 99)
        var lastID: UUID? = nil
        let cols = ["id", "child_id", "unit_code", "visited_on", "mode", "checklist", "notes", "by_user", "by_name", "created_at"]
        let sqlite = db.sql.dialect.name == "sqlite"
        let noUser: UUID? = nil
        while true {
            var q = db.sql.select().column("id").column("unit_code").from("children").orderBy("id").limit(20_000)
            if let l = lastID { q = q.where("id", .greaterThan, l) }
            let kids = try await q.all().map {
                (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "unit_code", as: String.self))
            }
            guard let last = kids.last else { break }
            lastID = last.0
            var rows: [[any Encodable & Sendable]] = []
            rows.reserveCapacity(kids.count * perChild)
            for (id, unit) in kids {
                for _ in 0..<perChild {
                    let d = today.adding(days: -Int(g.next() % 300)).iso
                    rows.append([TimeOrderedID.next(), id, unit, d, VisitMode.home.rawValue, "{}", "", noUser, "bench", at])
                }
            }
            let batch = rows
            try await db.transaction { tx in
                // A bigger page cache for SQLite: random UUID keys otherwise make every insert a disk read.
                if sqlite { try await tx.sql.raw("PRAGMA cache_size=-1000000").run() }
                try await tx.sql.insert(into: "visits", columns: cols, rows: batch)
            }
        }
        // Each child's newest visit, in one statement on both engines (through the `visits_child` index).
        try await db.sql.raw(
            """
            UPDATE children SET last_visit_on = (SELECT MAX(visited_on) FROM visits WHERE visits.child_id = children.id)
            WHERE EXISTS (SELECT 1 FROM visits WHERE visits.child_id = children.id)
            """
        ).run()
    }
}
