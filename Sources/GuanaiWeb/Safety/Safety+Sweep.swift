import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// The one sweep: classification and tiers whose time has come, then escalations. Incremental (each step reads only
/// what is due, through an index) and idempotent (unique keys on alerts and escalation steps, and due markers that
/// move forward), so a second sweep at the same instant changes nothing and two sweepers cannot double anything.
public enum SafetySweep {
    public struct Result: Sendable, Equatable {
        public var registry = RegistrySweep.Result()
        public var risk = 0
        public var escalations = 0
        public var overdue = 0
        public var contactReminders = 0
        public var skipped = false
    }

    public static func run(on db: any Database, at: Date) async throws -> Result {
        guard try await SweepLease.acquire(on: db) else { return Result(skipped: true) }
        do {
            let r = try await sweep(on: db, at: at)
            try await SweepLease.release(on: db)
            return r
        } catch {
            try? await SweepLease.release(on: db)
            throw error
        }
    }

    static func sweep(on db: any Database, at: Date) async throws -> Result {
        var r = Result()
        r.registry = try await RegistrySweep.run(on: db, at: at)
        let today = RegistryService.today(at)
        let s = try await SafetyService.settings(on: db)
        let actor = AuditActor.system("sweep")

        // Tiers whose inputs change with time alone: a sixth birthday, a guardian turning 70, 60 days without contact.
        r.risk = try await ChildSweep.run(.risk, on: db, at: at, settings: s, actor: actor).children

        // Critical alerts: nobody acknowledged within 2 hours; no visit within 24 hours.
        let ackBefore = at.addingTimeInterval(-Double(s.acknowledgeHours) * 3600)
        for a in try await Alert.query(on: db).filter(\.$kind == SafetyService.critical).filter(\.$status == "open").filter(\.$createdAt <= ackBefore).all() {
            if try await db.transaction({ try await SafetyService.escalate(a, step: "acknowledge_timeout", to: "city", on: $0, actor: actor, at: at) }) { r.escalations += 1 }
        }
        let visitBefore = at.addingTimeInterval(-Double(s.firstVisitHours) * 3600)
        for a in try await Alert.query(on: db).filter(\.$kind == SafetyService.critical).filter(\.$status != "resolved").filter(\.$createdAt <= visitBefore).all()
        where try await !SafetyService.visitedSince(a, on: db) {
            if try await db.transaction({ try await SafetyService.escalate(a, step: "no_visit", to: "city", on: $0, actor: actor, at: at) }) { r.escalations += 1 }
        }

        // Overdue visits of the other tiers: to the township after 3 days, to the city after 7.
        for (step, days, level) in [(0, s.overdueTownshipDays, "township"), (1, s.overdueCityDays, "city")] {
            let cutoff = today.adding(days: -days).iso
            while true {
                // Plain rows (`ChildRows`): the step is written for the batch in one statement; the tally does not move.
                let late = try await ChildRows.all(ChildRows.select(on: db).where("overdue_step", .equal, step).where("next_visit_due", .lessThanOrEqual, cutoff)
                    .where("risk_tier", .notEqual, RiskTier.critical.rawValue).where("status", .notEqual, "voided").limit(500))
                if late.isEmpty { break }
                try await db.transaction { tx in
                    for c in late {
                        let a = try await overdueAlert(c, on: tx, at: at)
                        try await SafetyService.escalate(a, step: "overdue_" + level, to: level, on: tx, actor: actor, at: at)
                        c.overdueStep = step + 1
                    }
                    try await ChildRows.update(late, columns: ["overdue_step"], values: { [$0.overdueStep] }, on: tx)
                }
                r.overdue += late.count
            }
        }
        r.contactReminders = try await PairingSweep.run(on: db, at: at)
        try await DatabaseStatistics.refresh(db)
        return r
    }

    /// The alert for one missed due date, opened once (unique child, kind, due date).
    static func overdueAlert(_ c: Child, on db: any Database, at: Date) async throws -> Alert {
        let episode = c.nextVisitDue ?? ""
        if let a = try await Alert.query(on: db).filter(\.$childID == c.id!).filter(\.$kind == SafetyService.overdue).filter(\.$episode == episode).first() { return a }
        let a = Alert()
        a.childID = c.id!
        a.unitCode = c.unitCode
        a.kind = SafetyService.overdue
        a.episode = episode
        a.level = c.riskTier ?? RiskTier.normal.rawValue
        a.status = "open"
        a.reasons = RegistryService.json([RiskRules.overdueReason(due: episode)])
        a.createdAt = at
        a.escalatedTo = ""
        try await a.create(on: db)
        try await SafetyService.deliver(a, to: try await SafetyService.recipients(unit: c.unitCode, roles: [.villageWorker], on: db), reason: "assigned", on: db, at: at)
        return a
    }
}

/// One sweeper at a time across instances: a lease row taken with a conditional UPDATE (atomic on both engines),
/// released at the end, and expiring by itself if a sweeper dies.
enum SweepLease {
    static let seconds: Double = 600

    static func acquire(on db: any Database) async throws -> Bool {
        let now = Date()
        let rows = try await db.sql.raw("""
            UPDATE sweep_lease SET lease_until = \(bind: now.addingTimeInterval(seconds).timeIntervalSince1970)
            WHERE name = 'sweep' AND lease_until < \(bind: now.timeIntervalSince1970) RETURNING name
            """).all()
        return !rows.isEmpty
    }

    static func release(on db: any Database) async throws {
        try await db.sql.raw("UPDATE sweep_lease SET lease_until = 0 WHERE name = 'sweep'").run()
    }
}

struct M0014_SweepLease: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.sql.create(table: "sweep_lease").column("name", type: .text, .primaryKey(autoIncrement: false)).column("lease_until", type: .custom(SQLRaw("DOUBLE PRECISION")), .notNull).run()
        try await db.sql.raw("INSERT INTO sweep_lease (name, lease_until) VALUES ('sweep', 0)").run()
    }
    func revert(on db: any Database) async throws { try await db.sql.drop(table: "sweep_lease").run() }
}
