import Fluent
import Vapor
import GuanaiCore

/// The time-based part of classification: a child turning 16 or 18, a husband's absence reaching six months.
/// Incremental (only records whose `next_review` has arrived, found through its index) and idempotent (a second run
/// at the same instant finds nothing due, because each reclassification moves `next_review` forward).
/// The safety-net sweep of a later slice calls this first.
public enum RegistrySweep {
    public struct Result: Sendable, Equatable { public var children = 0; public var women = 0; public var changed = 0 }

    public static func run(on db: any Database, at: Date) async throws -> Result {
        let today = RegistryService.today(at).iso
        var r = Result()
        let actor = AuditActor.system("sweep")
        let settings = try await SafetyService.settings(on: db)
        while true {
            let due = try await Child.query(on: db).filter(\.$nextReview <= today).filter(\.$status != "voided").sort(\.$nextReview).limit(500).all()
            if due.isEmpty { break }
            let changed = try await db.transaction { tx -> Int in
                var n = 0
                let context = try await ChildContext.load(due, settings: settings, on: tx)
                // Each village's tally once per batch, not once per child that changed category.
                context.deferTally = true
                for c in due {
                    if try await RegistryService.reclassify(c, on: tx, actor: actor, at: at, context: context) { n += 1 }
                    // A record whose review date did not move (should not happen) must not loop forever.
                    if let d = c.nextReview, d <= today { c.nextReview = nil; c.tallyUnchanged = true; try await c.save(on: tx) }
                }
                try await context.flush(by: actor, at: at, on: tx)
                try await context.refreshTallies(on: tx)
                return n
            }
            r.children += due.count
            r.changed += changed
        }
        let women = try await Woman.query(on: db).filter(\.$nextReview <= today).filter(\.$voidedReason == nil).all()
        for w in women {
            r.women += 1
            let me = try await Person.find(w.personID, on: db)
            let before = w.auditFields
            WomenService.classify(w, hukou: Hukou(rawValue: me?.hukou ?? "") ?? .rural, today: RegistryService.today(at))
            if let n = w.nextReview, n <= today { w.nextReview = nil }
            let diff = AuditLog.diff(before, w.auditFields)
            if !diff.isEmpty { r.changed += 1 }
            try await db.transaction { tx in
                try await w.save(on: tx)
                if !diff.isEmpty {
                    try await AuditLog.append(AuditEvent(AuditAction.update, "woman", w.id!.uuidString, unit: w.unitCode, fields: diff, detail: ["by": "classification"]), by: actor, at: at, on: tx)
                }
            }
        }
        try await DatabaseStatistics.refresh(db)
        return r
    }
}
