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
        public var coverage = 0
        public var loanReminders = 0
        public var followupReminders = 0
        public var rightsReminders = 0
        public var healthReminders = 0
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
        let s = try await SafetyService.settings(on: db)
        let actor = AuditActor.system("sweep")

        // Tiers whose inputs change with time alone: a sixth birthday, a guardian turning 70, 60 days without contact.
        r.risk = try await ChildSweep.run(.risk, on: db, at: at, settings: s, actor: actor).children

        (r.escalations, r.overdue) = try await escalations(on: db, at: at, settings: s, actor: actor)
        r.contactReminders = try await PairingSweep.run(on: db, at: at)
        r.coverage = try await StationCoverageTally.sweep(on: db, at: at)
        r.loanReminders = try await LoanSweep.run(on: db, at: at)
        r.followupReminders = try await FollowupSweep.run(on: db, at: at)
        r.rightsReminders = try await RightsSweep.run(on: db, at: at)
        r.healthReminders = try await HealthSweep.run(on: db, at: at)
        // Failed sign-ins are remembered a day (LoginThrottle.memorySeconds), then forgotten.
        try await LoginFailure.query(on: db).filter(
            \.$at < at.addingTimeInterval(-LoginThrottle(threshold: 1, lockSeconds: 0).memorySeconds)
        ).delete()
        try await DatabaseStatistics.refresh(db)
        return r
    }

    /// Escalations whose time has come: critical alerts to the city, overdue visits to the township and the city.
    /// Returns how many escalation steps were taken and how many overdue children were handled.
    static func escalations(on db: any Database, at: Date, settings s: RiskSettings, actor: AuditActor) async throws -> (Int, Int) {
        let today = RegistryService.today(at)
        var escalated = 0, overdue = 0
        // Accounts read once: thousands of alerts may go to the same few hundred people.
        let directory = try await RecipientDirectory.load(on: db)

        // Critical alerts (`EscalationStep.critical`). Only alerts still without that step are read (NOT EXISTS
        // through the unique (alert, step) key), so old open alerts cost nothing.
        for step in EscalationStep.critical {
            let ids = try await criticalDue(step, before: step.raisedAtOrBefore(at, settings: s)!, on: db)
            for chunk in ids.chunked(500) {
                let byID = Dictionary(
                    uniqueKeysWithValues: try await Alert.query(on: db).filter(\.$id ~~ chunk.map(\.uuid)).all().map { ($0.recordID, $0) })
                let alerts = chunk.compactMap { byID[$0] }
                escalated += try await db.transaction { tx in
                    try await AlertBatch(on: tx, actor: actor, at: at, directory: directory).escalate(alerts, step: step)
                }
            }
        }

        // Missed visits of the other tiers (`EscalationStep.overdue`), each child's marker one step at a time.
        for step in EscalationStep.overdue {
            let index = step.overdueIndex!, cutoff = step.dueOnOrBefore(today, settings: s)!.iso
            while true {
                // Plain rows (`ChildRows`): the step is written for the batch in one statement; the tally does not move.
                let late = try await ChildRows.all(lateQuery(step: index, cutoff: cutoff, on: db))
                if late.isEmpty { break }
                try await db.transaction { tx in
                    let batch = AlertBatch(on: tx, actor: actor, at: at, directory: directory)
                    try await batch.escalate(try await batch.openOverdue(late), step: step)
                    for c in late { c.overdueStep = index + 1 }
                    try await ChildRows.update(late, columns: ["overdue_step"], values: { [$0.overdueStep] }, on: tx)
                }
                overdue += late.count
            }
        }
        return (escalated, overdue)
    }

    /// Children of the tiers below critical a step behind on a missed due date, 500 at a time. The tier and status
    /// conditions are written as constants so that both engines can use the partial index `children_overdue_sweep`
    /// (M0025): critical children overdue for a visit are escalated through their alert and stay at step 0, and
    /// without the partial index every sweep would read each of them again.
    static func lateQuery(step: Int, cutoff: String, on db: any Database) -> SQLSelectBuilder {
        ChildRows.select(on: db).where("overdue_step", .equal, step).where("next_visit_due", .lessThanOrEqual, cutoff).where(belowCritical)
            .limit(500)
    }

    /// The partial index's condition, as the queries that read it must spell it.
    static let belowCritical = SQLRaw("risk_tier <> '\(RiskTier.critical.rawValue)' AND status <> '\(ChildStatus.voided.rawValue)'")

    /// Open critical alerts old enough for this escalation step that do not have it yet, oldest first; for
    /// `no_visit`, only those with no visit recorded since the alert was raised.
    static func criticalDue(_ step: EscalationStep, before: Date, on db: any Database) async throws -> [AlertID] {
        try await db.sql.raw(criticalDueQuery(step, before: before)).all().map { AlertID(try $0.decode(column: "id", as: UUID.self)) }
    }

    static func criticalDueQuery(_ step: EscalationStep, before: Date) -> SQLQueryString {
        // Listed, not `<> 'resolved'`: resolved alerts pile up for ever, and an IN list keeps to the index ranges
        // of the live ones (`alerts_due`, M0026).
        let status = SQLRaw("status IN (" + step.waitingStatuses.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")")
        let noVisit =
            step.stoppedByVisit
            ? SQLRaw("AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.child_id = alerts.child_id AND v.created_at >= alerts.created_at)")
            : SQLRaw("")
        return """
            SELECT id FROM alerts WHERE kind = \(bind: step.kind.rawValue) AND \(status) AND created_at <= \(bind: before)
            AND NOT EXISTS (SELECT 1 FROM alert_escalations e WHERE e.alert_id = alerts.id AND e.step = \(bind: step.rawValue)) \(noVisit)
            ORDER BY created_at, id
            """
    }
}

/// One sweeper at a time across instances: a lease row taken with a conditional UPDATE (atomic on both engines),
/// released at the end, and expiring by itself if a sweeper dies.
enum SweepLease {
    static let seconds: Double = 600

    static func acquire(on db: any Database) async throws -> Bool {
        let now = Date()
        let rows = try await db.sql.raw(
            """
            UPDATE sweep_lease SET lease_until = \(bind: now.addingTimeInterval(seconds).timeIntervalSince1970)
            WHERE name = 'sweep' AND lease_until < \(bind: now.timeIntervalSince1970) RETURNING name
            """
        ).all()
        return !rows.isEmpty
    }

    static func release(on db: any Database) async throws {
        try await db.sql.raw("UPDATE sweep_lease SET lease_until = 0 WHERE name = 'sweep'").run()
    }
}
