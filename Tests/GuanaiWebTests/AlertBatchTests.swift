import Foundation
import Testing
import VaporTesting
import Fluent
import SQLKit
import GuanaiCore
@testable import GuanaiWeb

/// `AlertBatch` against the one-alert-at-a-time code it replaced (kept here, verbatim in what it does, as the
/// reference): the same alerts, escalation steps, inbox deliveries, outbox messages and audit trail.
@Suite struct AlertBatchTests {
    /// The sweep's escalations as they were written before `AlertBatch`: Fluent models, one alert at a time.
    enum Reference {
        static func recipients(unit: String, roles: [Role], on db: any Database) async throws -> [User] {
            guard let code = DivisionCode(unit) else { return [] }
            let users = try await User.query(on: db).filter(\.$role ~~ roles).filter(\.$disabled == false).all()
            return users.filter { u in
                guard let own = DivisionCode(u.unitCode), Jurisdiction(root: own).contains(code) else { return false }
                switch u.role {
                case .villageWorker: return u.unitCode == unit
                case .townshipStaff: return own.level == .township
                default: return true
                }
            }
        }

        static func deliver(_ a: Alert, to users: [User], reason: String, on db: any Database, at: Date) async throws {
            let already = Set(try await AlertDelivery.query(on: db).filter(\.$alertID == a.id!).all(\.$userID))
            for u in users where !already.contains(u.id!) {
                let d = AlertDelivery()
                d.alertID = a.id!
                d.userID = u.id!
                d.reason = reason
                d.createdAt = at
                try await d.create(on: db)
                let childName =
                    try await Child.find(a.childID, on: db).asyncFlatMap { try await Person.find($0.personID, on: db)?.name } ?? ""
                let p = OutboxPayload(
                    key: "alert:\(a.id!.uuidString):\(u.id!.uuidString):\(reason)", alertId: a.id!.uuidString,
                    childId: a.childID.uuidString,
                    childName: childName, unitCode: a.unitCode, kind: a.kind.rawValue, level: a.level, reasons: a.reasonList.map(\.message),
                    reason: reason,
                    to: .init(username: u.username, name: u.displayName, phone: u.phone), createdAt: AuditLog.timestamp(at))
                let m = OutboxMessage()
                m.channel = .webhook; m.dedupeKey = p.key; m.alertID = a.id!; m.userID = u.id; m.payload = RegistryService.json(p)
                m.status = .pending; m.attempts = 0; m.nextAttemptAt = at; m.createdAt = at
                try await m.create(on: db)
            }
        }

        static func escalate(_ a: Alert, step: String, to level: String, on db: any Database, actor: AuditActor, at: Date) async throws
            -> Bool
        {
            if try await AlertEscalation.query(on: db).filter(\.$alertID == a.id!).filter(\.$step == step).first() != nil { return false }
            let e = AlertEscalation()
            e.alertID = a.id!; e.step = step; e.toLevel = level; e.at = at
            try await e.create(on: db)
            let roles: [Role] = level == "city" ? [.cityAdmin] : [.townshipStaff]
            try await deliver(a, to: try await recipients(unit: a.unitCode, roles: roles, on: db), reason: "escalated", on: db, at: at)
            let before = a.escalatedTo
            if !a.escalations.map(\.rawValue).contains(level) {
                a.escalatedTo = (a.escalations.map(\.rawValue) + [level]).joined(separator: ",")
            }
            try await a.save(on: db)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.update, .alert, a.id!.uuidString, unit: a.unitCode,
                    fields: before == a.escalatedTo ? [:] : ["escalatedTo": FieldChange(before: before, after: a.escalatedTo)],
                    detail: ["escalation": step, "to": level]), by: actor, at: at, on: db)
            return true
        }

        static func overdueAlert(_ c: Child, on db: any Database, at: Date) async throws -> Alert {
            let episode = c.nextVisitDue ?? ""
            if let a = try await Alert.query(on: db).filter(\.$childID == c.id!).filter(\.$kind == .overdueVisit).filter(
                \.$episode == episode
            ).first() {
                return a
            }
            let a = Alert()
            a.childID = c.id!; a.unitCode = c.unitCode; a.kind = .overdueVisit; a.episode = episode
            a.level = c.riskTier ?? RiskTier.normal.rawValue; a.status = .open
            a.reasons = RegistryService.json([RiskRules.overdueReason(due: episode)]); a.createdAt = at; a.escalatedTo = ""
            try await a.create(on: db)
            try await deliver(
                a, to: try await recipients(unit: c.unitCode, roles: [.villageWorker], on: db), reason: "assigned", on: db, at: at)
            return a
        }

        static func escalations(on db: any Database, at: Date, settings s: RiskSettings, actor: AuditActor) async throws -> (Int, Int) {
            var escalated = 0, overdue = 0
            let today = RegistryService.today(at)
            let ackBefore = at.addingTimeInterval(-Double(s.acknowledgeHours) * 3600)
            for a in try await Alert.query(on: db).filter(\.$kind == .critical).filter(\.$status == .open).filter(\.$createdAt <= ackBefore)
                .all()
            {
                if try await escalate(a, step: "acknowledge_timeout", to: "city", on: db, actor: actor, at: at) { escalated += 1 }
            }
            let visitBefore = at.addingTimeInterval(-Double(s.firstVisitHours) * 3600)
            for a in try await Alert.query(on: db).filter(\.$kind == .critical).filter(\.$status != .resolved).filter(
                \.$createdAt <= visitBefore
            ).all()
            where try await !SafetyService.visitedSince(a, on: db) {
                if try await escalate(a, step: "no_visit", to: "city", on: db, actor: actor, at: at) { escalated += 1 }
            }
            for (step, days, level) in [(0, s.overdueTownshipDays, "township"), (1, s.overdueCityDays, "city")] {
                let cutoff = today.adding(days: -days).iso
                let late = try await Child.query(on: db).filter(\.$overdueStep == step).filter(\.$nextVisitDue <= cutoff)
                    .filter(\.$riskTier != RiskTier.critical.rawValue).filter(\.$status != .voided).all()
                for c in late {
                    let a = try await overdueAlert(c, on: db, at: at)
                    _ = try await escalate(a, step: "overdue_" + level, to: level, on: db, actor: actor, at: at)
                    c.overdueStep = step + 1
                    c.tallyUnchanged = true
                    try await c.save(on: db)
                }
                overdue += late.count
            }
            return (escalated, overdue)
        }
    }

    /// What escalations leave behind, with random ids replaced by what they stand for (child, kind, episode).
    struct Snapshot: Equatable {
        var counts = (0, 0)
        var steps: [String] = []
        var alerts: [String] = []
        var deliveries: [String] = []
        var outbox: [String] = []
        var audit: [String] = []
        var children: [String] = []

        static func == (l: Snapshot, r: Snapshot) -> Bool {
            l.counts == r.counts && l.steps == r.steps && l.alerts == r.alerts && l.deliveries == r.deliveries && l.outbox == r.outbox
                && l.audit == r.audit && l.children == r.children
        }

        static func take(_ db: any Database, counts: (Int, Int)) async throws -> Snapshot {
            var s = Snapshot(counts: counts)
            var name: [String: String] = [:]
            for a in try await Alert.query(on: db).all() {
                let n = "\(a.childID)|\(a.kind)|\(a.episode)"
                name[a.id!.uuidString] = n
                s.alerts.append("\(n)|\(a.level)|\(a.status)|\(a.reasons)|\(a.createdAt.timeIntervalSince1970)|\(a.escalatedTo)")
            }
            s.alerts.sort()
            let users = Dictionary(uniqueKeysWithValues: try await User.query(on: db).all().map { ($0.id!, $0.username) })
            s.steps = try await AlertEscalation.query(on: db).all().map {
                "\(name[$0.alertID.uuidString]!)|\($0.step)|\($0.toLevel)|\($0.at.timeIntervalSince1970)"
            }.sorted()
            s.deliveries = try await AlertDelivery.query(on: db).all().map {
                "\(name[$0.alertID.uuidString]!)|\(users[$0.userID]!)|\($0.reason)|\($0.createdAt.timeIntervalSince1970)"
            }.sorted()
            s.outbox = try await OutboxMessage.query(on: db).all().map { m in
                var text =
                    "\(m.channel)|\(m.dedupeKey)|\(m.alertID)|\(users[m.userID!]!)|\(m.payload)|\(m.status)|\(m.attempts)|\(m.nextAttemptAt.timeIntervalSince1970)"
                for (id, n) in name { text = text.replacingOccurrences(of: id, with: n) }
                return text
            }.sorted()
            s.audit = try await db.sql.raw(
                "SELECT seq, at, action, record_type, record_id, unit_code, changes FROM audit_log " + "ORDER BY seq"
            ).all().map { r in
                let id = try r.decode(column: "record_id", as: String.self)
                // Without the sequence number: the order of alerts escalated at one instant is not a rule.
                return [
                    try r.decode(column: "at", as: String.self), try r.decode(column: "action", as: String.self),
                    try r.decode(column: "record_type", as: String.self), name[id] ?? id,
                    try r.decode(column: "unit_code", as: String.self),
                    try r.decode(column: "changes", as: String.self),
                ].joined(separator: "|")
            }.sorted()
            s.children = try await db.sql.raw("SELECT id, overdue_step, next_visit_due FROM children ORDER BY id").all().map { r in
                "\(try r.decode(column: "id", as: UUID.self))|\(try r.decode(column: "overdue_step", as: Int.self))|\(try r.decode(column: "next_visit_due", as: String?.self) ?? "")"
            }
            return s
        }
    }

    final class Box: @unchecked Sendable { var snapshot: Snapshot? }
    struct Rollback: Error {}

    static func capture(_ db: any Database, keep: Bool, _ body: @escaping @Sendable (any Database) async throws -> (Int, Int)) async throws
        -> Snapshot
    {
        let box = Box()
        do {
            try await db.transaction { tx in
                let counts = try await body(tx)
                box.snapshot = try await Snapshot.take(tx, counts: counts)
                if !keep { throw Rollback() }
            }
        } catch is Rollback {}
        return try #require(box.snapshot)
    }

    /// Both paths from the same state; the batch's result is kept for the next round.
    static func compare(_ ctx: TestContext) async throws -> Snapshot {
        let db = ctx.app.db, at = ctx.app.now, actor = AuditActor.system("sweep")
        let s = try await SafetyService.settings(on: db)
        let reference = try await capture(db, keep: false) { try await Reference.escalations(on: $0, at: at, settings: s, actor: actor) }
        let batch = try await capture(db, keep: true) { try await SafetySweep.escalations(on: $0, at: at, settings: s, actor: actor) }
        #expect(reference.counts == batch.counts)
        #expect(reference.steps == batch.steps)
        #expect(reference.alerts == batch.alerts)
        #expect(reference.deliveries == batch.deliveries)
        #expect(reference.outbox == batch.outbox)
        #expect(reference.audit == batch.audit)
        #expect(reference.children == batch.children)
        return batch
    }

    @Test func escalationsInBatchesAreTheOneAtATimeEscalations() async throws {
        try await withTestApp { ctx in
            try await BulkSweepTests.seed(ctx, count: 120)
            // Accounts at every level, and in the second village too, so deliveries have to go to the right ones.
            try await ctx.makeUser("cun2", .villageWorker, Codes.xiaoshiqiao)
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            try await ctx.makeUser("far", .villageWorker, Codes.tiaoguanVillage)
            let db = ctx.app.db
            // Tiers and critical alerts through the real sweep; then the clock moves on so that they escalate.
            _ = try await SafetySweep.run(on: db, at: ctx.app.now)
            #expect(try await Alert.query(on: db).filter(\.$kind == .critical).count() > 0)

            ctx.clock.advance(by: 3 * 3600)
            let ack = try await Self.compare(ctx)
            let critical = try await Alert.query(on: db).filter(\.$kind == .critical).count()
            #expect(ack.counts.0 == critical && ack.steps.filter { $0.contains("|acknowledge_timeout|city|") }.count == critical)

            // A visit for one critical child: her alert does not escalate for want of a visit.
            let visited = try #require(try await Alert.query(on: db).filter(\.$kind == .critical).first())
            let child = try #require(try await Child.find(visited.childID, on: db))
            _ = try await SafetyService.recordVisit(
                child, VisitInput(date: nil, mode: "home", checklist: [:], notes: ""), user: nil, scoped: Scoped.system(db),
                actor: .system("test"), at: ctx.app.now, settings: try await SafetyService.settings(on: db))
            ctx.clock.advance(by: 40 * 86_400)
            let later = try await Self.compare(ctx)
            #expect(later.counts.1 > 0, "children overdue for the township")
            #expect(
                later.steps.contains { $0.contains("|no_visit|") }
                    && !later.steps.contains { $0.hasPrefix("\(visited.childID)|critical|") && $0.contains("|no_visit|") })
            #expect(
                later.deliveries.contains { $0.contains("|cun2|assigned|") }
                    && later.deliveries.contains { $0.contains("|admin|escalated|") })
            #expect(!later.deliveries.contains { $0.contains("|far|") })
            #expect(later.outbox.count == later.deliveries.count)

            // Four days on, the same overdue children go to the city; then nothing is left to do.
            ctx.clock.advance(by: 4 * 86_400)
            let city = try await Self.compare(ctx)
            #expect(city.steps.contains { $0.contains("|overdue_city|city|") })
            #expect(city.alerts.contains { $0.hasSuffix("|township,city") })
            let again = try await Self.compare(ctx)
            #expect(again.counts == (0, 0) && again.steps == city.steps && again.audit == city.audit)
        }
    }
}
