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
        // Plain rows in batches, the model path's rules on each (`ChildSweep`).
        let children = try await ChildSweep.run(.classification, on: db, at: at, settings: settings, actor: actor)
        r.children = children.children
        r.changed = children.changed
        let women = try await Woman.query(on: db).filter(\.$nextReview <= today).filter(\.$voidedReason == nil).all()
        for w in women {
            r.women += 1
            let me = try await Person.find(w.person, on: db)
            let before = w.auditFields
            WomenService.classify(w, hukou: Hukou(rawValue: me?.hukou ?? "") ?? .rural, today: RegistryService.today(at))
            if let n = w.nextReview, n <= today { w.nextReview = nil }
            let diff = AuditLog.diff(before, w.auditFields)
            if !diff.isEmpty { r.changed += 1 }
            try await db.transaction { tx in
                try await w.save(on: tx)
                if !diff.isEmpty {
                    let event = AuditEvent(
                        AuditAction.update, w.recordID, unit: w.unitCode, fields: diff, detail: ["by": ChangeCause.classification.rawValue])
                    try await AuditLog.append(event, by: actor, at: at, on: tx)
                }
            }
        }
        try await DatabaseStatistics.refresh(db)
        return r
    }
}
