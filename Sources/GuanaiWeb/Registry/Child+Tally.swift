import Fluent
import SQLKit
import GuanaiCore

enum ChildTally {
    static let counted: [ChildStatus] = [.active, .exited]

    /// Recomputes the tallies of these villages from the register, atomically, and marks their station coverage for
    /// the sweep. `markCoverage: false` is for M0012, which runs before the marks' table exists (M0041 counts every
    /// village itself).
    static func refresh(_ units: Set<String>, markCoverage: Bool = true, on db: any Database) async throws {
        guard !units.isEmpty else { return }
        if markCoverage { try await StationCoverageTally.mark(units, on: db) }
        if db.inTransaction { try await recompute(units, db) } else { try await db.transaction { try await recompute(units, $0) } }
    }

    private static func recompute(_ units: Set<String>, _ db: any Database) async throws {
        let sql = db.sql
        if sql.dialect.name == "postgresql" {
            // Two transactions recomputing one village would otherwise both delete and both insert. The lock is the
            // audit chain's, which every writing transaction takes anyway: a lock of its own, taken in the other
            // order by a transaction that appended to the trail first, deadlocked.
            try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: AuditLog.advisoryLockKey))").run()
        }
        for unit in units.sorted() {
            try await sql.delete(from: "child_tallies").where("unit_code", .equal, unit).run()
            try await sql.raw(
                """
                INSERT INTO child_tallies (unit_code, status, category_bits, need_bits, n)
                SELECT unit_code, status, category_bits, need_bits, COUNT(*) FROM children
                WHERE status IN (\(bind: ChildStatus.active.rawValue), \(bind: ChildStatus.exited.rawValue)) AND unit_code = \(bind: unit)
                GROUP BY unit_code, status, category_bits, need_bits
                """
            ).run()
        }
    }

    /// Whether the filter can be counted from the tallies: only unit, status, category and need.
    static func answers(_ f: ChildFilter) -> Bool {
        f.q.trimmingCharacters(in: .whitespaces).isEmpty && f.ageBand.isEmpty && f.guardianAge.isEmpty && f.guardianHealth.isEmpty
            && f.tier.isEmpty
    }

    static func count(_ scope: Jurisdiction, statuses: [ChildStatus], categoryBits: Int?, needBits: Int?, on db: any Database) async throws
        -> Int
    {
        let r = scope.range
        // COALESCE: SUM over no rows is NULL; CAST: on PostgreSQL SUM of bigint is numeric.
        var q = db.sql.select().column(SQLRaw("CAST(COALESCE(SUM(n), 0) AS BIGINT)"), as: "total").from("child_tallies")
            .where("unit_code", .greaterThanOrEqual, r.lowerBound).where("unit_code", .lessThanOrEqual, r.upperBound)
            .where("status", .in, statuses.map(\.rawValue))
        if let b = categoryBits { q = q.where(SQLRaw("(category_bits & \(b)) <> 0")) }
        if let b = needBits { q = q.where(SQLRaw("(need_bits & \(b)) <> 0")) }
        return try await q.first()?.decode(column: "total", as: Int.self) ?? 0
    }
}

/// Every save of a child recomputes its village's tally in the same transaction; a move also recomputes the village
/// it left (`RegistryService.patchChild`), and a unit merge both units (`UnitService.absorb`).
struct ChildTallyMiddleware: AsyncModelMiddleware {
    func create(model: Child, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.create(model, on: db)
        // A bulk import recomputes each village it touched once, at its end (`ChildContext.deferTally`).
        if model.tallyUnchanged { model.tallyUnchanged = false; return }
        try await ChildTally.refresh([model.unitCode], on: db)
    }

    func update(model: Child, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.update(model, on: db)
        if model.tallyUnchanged { model.tallyUnchanged = false; return }
        try await ChildTally.refresh([model.unitCode], on: db)
    }
}
