import Fluent
import Vapor
import GuanaiCore

/// Adds the units of the bundled 2021 list under a county, a city-level unit or the province that the database does
/// not hold yet (`guanai divisions load CODE`, and the configured county at start-up). Core's plan decides what is
/// missing; a stored unit is never written, so what an administrator renamed, merged or retired stays so.
public enum DivisionLoader {
    /// What one load did, per level, and how long its transaction took.
    public struct Outcome: Sendable {
        public let plan: DivisionLoadPlan
        public let seconds: Double
    }

    public static func load(_ app: Application, code: String) async throws -> Outcome {
        let outcome = try await load(code, on: app.db, at: app.guanai.clock.now())
        // SQLite plans by statistics it only has when asked; a province adds some 29,000 units at once.
        try await DatabaseStatistics.refresh(app.db)
        return outcome
    }

    static func load(_ code: String, on db: any Database, at: Date) async throws -> Outcome {
        let records = try DivisionCatalog.records(code)
        guard let root = DivisionCode(code) else { throw DivisionCatalogError.malformed(code) }
        let started = ContinuousClock.now
        let plan = try await db.transaction { tx -> DivisionLoadPlan in
            let stored = try await storedStatuses(under: root, on: tx)
            guard let plan = DivisionLoadPlan(root: root, records: records, stored: stored) else {
                throw DivisionCatalogError.unknownCounty(code)
            }
            guard plan.inserted > 0 else { return plan }
            try await insertUnits(plan.toInsert, at: at, on: tx)
            let (unit, detail) = (plan.root.code.value, ["edition": "2021", "units": String(plan.inserted)])
            try await UnitChange(
                unitCode: unit, change: .loaded, detail: UnitService.detail(detail), reason: DivisionCatalog.editionNote, actor: .system(),
                at: at
            ).create(on: tx)
            try await AuditLog.append(
                AuditEvent(AuditAction.import, .divisions, unit, unit: unit, detail: detail), by: .system(), at: at, on: tx)
            return plan
        }
        let elapsed = ContinuousClock.now - started
        return Outcome(plan: plan, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
