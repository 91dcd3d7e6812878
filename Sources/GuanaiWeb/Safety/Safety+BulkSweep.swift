import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// The sweep's two loops over children whose time has come — classification (`next_review`) and tier
/// (`risk_review`) — in batches read and written with plain SQL (`ChildRows`). The rules are the model path's:
/// `RegistryService.recompute` runs the same `RegistryService.facts`, `ChildClassifier.classify`, `RegistryService.apply`,
/// `copyGuardian` and `SafetyService.assess` (`RiskRules.assess`) on each child as `RegistryService.reclassify`
/// does; only the save is different (one `UPDATE … FROM (VALUES …)` for the batch's changed children). Audit
/// entries go to the trail in the batch's transaction, `SafetyService.raiseIfCritical` opens the alerts, and each
/// village's tally is recomputed once per batch. `BulkSweepTests` checks the result is the model path's, row for row.
enum ChildSweep {
    /// Which due marker a loop reads; each child it reads leaves with the marker after today or cleared.
    enum Marker: String, Sendable { case classification = "next_review", risk = "risk_review" }

    static let batch = 2000

    struct Outcome: Sendable, Equatable { var children = 0; var changed = 0 }

    /// Every child (not voided) whose marker is today or earlier, oldest first, batch by batch.
    static func run(_ marker: Marker, on db: any Database, at: Date, settings: RiskSettings, actor: AuditActor) async throws -> Outcome {
        let today = RegistryService.today(at).iso
        var out = Outcome()
        while true {
            let due = try await ChildRows.all(
                ChildRows.select(on: db).where(SQLColumn(marker.rawValue), .lessThanOrEqual, SQLBind(today))
                    .where("status", .notEqual, ChildStatus.voided.rawValue).orderBy(marker.rawValue).limit(batch))
            if due.isEmpty { break }
            out.changed += try await db.transaction { tx in try await sweep(due, marker, on: tx, at: at, settings: settings, actor: actor) }
            out.children += due.count
        }
        return out
    }

    /// One batch, inside the caller's transaction. Returns how many children's classification or tier changed.
    static func sweep(_ due: [Child], _ marker: Marker, on tx: any Database, at: Date, settings: RiskSettings, actor: AuditActor)
        async throws -> Int
    {
        let today = RegistryService.today(at).iso
        let context = try await ChildContext.load(due, settings: settings, on: tx)
        context.deferTally = true
        var writes: [Child] = [], raised: [(Child, RiskTier?)] = []
        writes.reserveCapacity(due.count)
        for c in due {
            let tierBefore = c.tier
            let tallyBefore = c.tallyKey
            let change = try await RegistryService.recompute(c, on: tx, at: at, context: context)
            var write = change != nil
            if let change {
                raised.append((c, tierBefore))
                if tallyBefore != c.tallyKey { context.touched(c.unitCode) }
                if let e = change.audit { context.audit(e) }
            }
            // A record whose marker did not move (should not happen) must not loop forever.
            switch marker {
            case .classification: if let d = c.nextReview, d <= today { c.nextReview = nil; write = true }
            case .risk: if let d = c.riskReview, d <= today { c.riskReview = nil; write = true }
            }
            if write { writes.append(c) }
        }
        try await ChildRows.writeSweep(writes, on: tx)
        // After the rows are written, in the children's order, as `reclassify` does after its save.
        for a in try await AlertBatch(on: tx, actor: actor, at: at).raise(raised) {
            if let a { context.opened(a) }
        }
        try await context.flush(by: actor, at: at, on: tx)
        try await context.refreshTallies(on: tx)
        return raised.count
    }
}
