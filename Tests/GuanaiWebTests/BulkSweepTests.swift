import Foundation
import Testing
import VaporTesting
import Fluent
import SQLKit
import GuanaiCore
@testable import GuanaiWeb

/// The sweep's plain-SQL path (`ChildRows`, `ChildSweep`) against the model path it replaced: the same rows read,
/// the same rows written, the same audit trail, alerts and tallies.
@Suite struct BulkSweepTests {
    /// What a sweep leaves behind, in a form two runs can be compared by.
    struct Snapshot: Equatable {
        var children: [String] = []
        var alerts: [String] = []
        var deliveries = 0
        var outbox = 0
        var audit: [String] = []
        var tallies: [String] = []

        static func take(_ db: any Database) async throws -> Snapshot {
            var s = Snapshot()
            let enc = JSONEncoder()
            enc.outputFormatting = [.sortedKeys]
            s.children = try await Child.query(on: db).sort(\.$id).all().map { String(decoding: try enc.encode($0), as: UTF8.self) }
            s.alerts = try await Alert.query(on: db).all().map {
                "\($0.childID)|\($0.kind)|\($0.episode)|\($0.level)|\($0.status)|\($0.reasons)|\($0.createdAt.timeIntervalSince1970)|\($0.escalatedTo)"
            }.sorted()
            s.deliveries = try await AlertDelivery.query(on: db).count()
            s.outbox = try await db.sql.raw("SELECT COUNT(*) AS n FROM outbox").first()?.decode(column: "n", as: Int.self) ?? 0
            // An alert's id is random: its entries are compared by what they say.
            s.audit = try await db.sql.raw(
                "SELECT seq, at, action, record_type, record_id, unit_code, changes FROM audit_log " + "ORDER BY seq"
            ).all().map { r in
                let type = try r.decode(column: "record_type", as: String.self)
                let id = type == "alert" ? "alert" : try r.decode(column: "record_id", as: String.self)
                return [
                    String(try r.decode(column: "seq", as: Int.self)), try r.decode(column: "at", as: String.self),
                    try r.decode(column: "action", as: String.self), type, id,
                    try r.decode(column: "unit_code", as: String.self), try r.decode(column: "changes", as: String.self),
                ].joined(separator: "|")
            }
            s.tallies = try await db.sql.raw("SELECT unit_code, status, category_bits, need_bits, n FROM child_tallies").all().map { r in
                "\(try r.decode(column: "unit_code", as: String.self))|\(try r.decode(column: "status", as: String.self))|\(try r.decode(column: "category_bits", as: Int.self))|\(try r.decode(column: "need_bits", as: Int.self))|\(try r.decode(column: "n", as: Int.self))"
            }.sorted()
            return s
        }
    }

    final class Box: @unchecked Sendable { var snapshot: Snapshot? }
    struct Rollback: Error {}

    /// Runs `body` in a transaction, takes the snapshot, and rolls it all back unless `keep`.
    static func capture(_ db: any Database, keep: Bool = false, _ body: @escaping @Sendable (any Database) async throws -> Void)
        async throws -> Snapshot
    {
        let box = Box()
        do {
            try await db.transaction { tx in
                try await body(tx)
                box.snapshot = try await Snapshot.take(tx)
                if !keep { throw Rollback() }
            }
        } catch is Rollback {}
        return try #require(box.snapshot)
    }

    /// The model path as the sweep ran it before `ChildSweep`: Fluent models, `RegistryService.reclassify`, a save each.
    static func modelPath(_ marker: ChildSweep.Marker, on tx: any Database, at: Date, settings s: RiskSettings) async throws {
        let today = RegistryService.today(at).iso
        let actor = AuditActor.system("sweep")
        let due =
            marker == .classification
            ? try await Child.query(on: tx).filter(\.$nextReview <= today).filter(\.$status != .voided).sort(\.$id).all()
            : try await Child.query(on: tx).filter(\.$riskReview <= today).filter(\.$status != .voided).sort(\.$id).all()
        let context = try await ChildContext.load(due, settings: s, on: tx)
        context.deferTally = true
        for c in due {
            try await RegistryService.reclassify(c, on: tx, actor: actor, at: at, context: context)
            switch marker {
            case .classification:
                if let d = c.nextReview, d <= today { c.nextReview = nil; c.tallyUnchanged = true; try await c.save(on: tx) }
            case .risk: if let d = c.riskReview, d <= today { c.riskReview = nil; c.tallyUnchanged = true; try await c.save(on: tx) }
            }
        }
        try await context.flush(by: actor, at: at, on: tx)
        try await context.refreshTallies(on: tx)
    }

    static func bulkPath(_ marker: ChildSweep.Marker, on tx: any Database, at: Date, settings s: RiskSettings) async throws -> Int {
        let today = RegistryService.today(at).iso
        let due = try await ChildRows.all(
            ChildRows.select(on: tx).where(SQLColumn(marker.rawValue), .lessThanOrEqual, SQLBind(today))
                .where("status", .notEqual, "voided").orderBy("id"))
        return try await ChildSweep.sweep(due, marker, on: tx, at: at, settings: s, actor: .system("sweep"))
    }

    /// Synthetic children in two villages of 桃花山镇 with some households, guardians and living arrangements that
    /// the rules care about, everything due for classification and assessment.
    static func seed(_ ctx: TestContext, count: Int = 240) async throws {
        let db = ctx.app.db
        try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
        try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
        let today = RegistryService.today(ctx.app.now)
        try await RegistryBench.load(
            db, count: count, seed: 7, villages: [Codes.shihuayan, Codes.xiaoshiqiao], today: today, at: ctx.app.now)
        try await ChildTally.refresh([Codes.shihuayan, Codes.xiaoshiqiao], on: db)
        let kids = try await db.sql.raw("SELECT id, guardian_id, father_id FROM children ORDER BY id").all()
        let poor = UUID(), poorer = UUID()
        for (id, poverty) in [(poor, PovertyStatus.dibao), (poorer, PovertyStatus.tekun)] {
            try await db.sql.insert(into: "households").columns("id", "unit_code", "address", "poverty", "created_at")
                .values(SQLBind(id), SQLBind(Codes.shihuayan), SQLBind("一组"), SQLBind(poverty.rawValue), SQLBind(ctx.app.now)).run()
        }
        for (i, r) in kids.enumerated() {
            let id = try r.decode(column: "id", as: UUID.self)
            let guardian = try r.decode(column: "guardian_id", as: UUID?.self)
            switch i % 12 {
            case 1: try await db.sql.update("children").set("household_id", to: poor).where("id", .equal, id).run()
            case 2: try await db.sql.update("children").set("household_id", to: poorer).where("id", .equal, id).run()
            case 3:
                if let g = guardian {
                    try await db.sql.update("people").set("vital_status", to: VitalStatus.deceased.rawValue).where("id", .equal, g).run()
                }
            case 4:
                if let g = guardian {
                    try await db.sql.update("people").set("health", to: Health.hospitalised.rawValue).where("id", .equal, g).run()
                }
            case 5:
                try await db.sql.update("children").set("living_arrangement", to: LivingArrangement.alone.rawValue).where("id", .equal, id)
                    .run()
            case 6: try await db.sql.update("children").set("last_visit_on", to: today.adding(days: -70).iso).where("id", .equal, id).run()
            case 7:
                try await db.sql.update("children").set("needs", to: ChildNeed.allCases.first!.rawValue).set(
                    "need_bits", to: ChildNeed.bits([ChildNeed.allCases.first!])
                ).where("id", .equal, id).run()
            default: break
            }
        }
        try await markAllDue(ctx)
    }

    static func markAllDue(_ ctx: TestContext) async throws {
        let today = RegistryService.today(ctx.app.now).iso
        try await ctx.app.db.sql.raw(
            "UPDATE children SET next_review = \(bind: today), risk_review = \(bind: today) " + "WHERE status <> 'voided'"
        ).run()
    }

    static func compare(_ ctx: TestContext) async throws -> Snapshot {
        let db = ctx.app.db, at = ctx.app.now
        let s = try await SafetyService.settings(on: db)
        let model = try await capture(db) { tx in
            try await modelPath(.classification, on: tx, at: at, settings: s)
            try await modelPath(.risk, on: tx, at: at, settings: s)
        }
        let bulk = try await capture(db, keep: true) { tx in
            _ = try await bulkPath(.classification, on: tx, at: at, settings: s)
            _ = try await bulkPath(.risk, on: tx, at: at, settings: s)
        }
        #expect(model.children == bulk.children)
        #expect(model.alerts == bulk.alerts)
        #expect(model.audit == bulk.audit)
        #expect(model.tallies == bulk.tallies)
        #expect(model.deliveries == bulk.deliveries && model.outbox == bulk.outbox)
        return bulk
    }

    @Test func plainRowsAreTheModels() async throws {
        try await withTestApp { ctx in
            try await Self.seed(ctx, count: 60)
            let db = ctx.app.db
            #expect(Set(ChildRows.columns) == Set(Child.keys.map(\.description)))
            #expect(Set(PersonRows.columns) == Set(Person.keys.map(\.description)))
            #expect(Set(HouseholdRows.columns) == Set(Household.keys.map(\.description)))
            // Some optional columns filled, so that both decoders see values and NULLs.
            try await db.sql.raw(
                "UPDATE children SET school = '石华堰小学', grade = '三年级', informed_on = '2026-01-02', "
                    + "improper_note = 'x', merged_into = guardian_id WHERE needs <> ''"
            ).run()
            let enc = JSONEncoder()
            enc.outputFormatting = [.sortedKeys]
            let models = try await Child.query(on: db).sort(\.$id).all().map { try enc.encode($0) }
            let rows = try await ChildRows.all(ChildRows.select(on: db).orderBy("id")).map { try enc.encode($0) }
            #expect(models.count == 60 && models == rows)
            let ids = try await Person.query(on: db).all().map(\.recordID)
            let people = Dictionary(uniqueKeysWithValues: try await PersonRows.people(ids, on: db).map { ($0.id!, try enc.encode($0)) })
            for p in try await Person.query(on: db).all() { #expect(people[p.id!] == (try enc.encode(p))) }
            let households = try await HouseholdRows.households(try await Household.query(on: db).all().map(\.recordID), on: db).map {
                try enc.encode($0)
            }.sorted { $0.lexicographicallyPrecedes($1) }
            #expect(households.count == 2)
            #expect(
                households
                    == (try await Household.query(on: db).all().map { try enc.encode($0) }.sorted { $0.lexicographicallyPrecedes($1) }))
            // Built as fetched: `assess` looks for the child's alert, and a Fluent save would update, not insert.
            #expect(try await ChildRows.all(ChildRows.select(on: db).limit(1)).first?._$idExists == true)
        }
    }

    @Test func theBulkSweepIsTheModelSweep() async throws {
        try await withTestApp { ctx in
            try await Self.seed(ctx)
            let first = try await Self.compare(ctx)
            #expect(first.alerts.contains { $0.contains("|critical|") }, "some children became critical")
            #expect(first.audit.contains { $0.contains("|update|child|") && $0.contains("riskTier") })
            #expect(first.deliveries > 0)

            // Later: birthdays (16 leaves the list, 6 changes the tier), 60 days without contact, a guardian recovers.
            ctx.clock.advance(by: 400 * 86_400)
            try await ctx.app.db.sql.raw("UPDATE people SET health = 'healthy' WHERE health = 'hospitalised'").run()
            try await Self.markAllDue(ctx)
            let later = try await Self.compare(ctx)
            #expect(later.audit.count > first.audit.count)
            #expect(later.children.contains { $0.contains("registry.exit.aged16") })

            // The real sweep at the same instant finds nothing due and writes nothing.
            let r = try await SafetySweep.run(on: ctx.app.db, at: ctx.app.now)
            #expect(r.registry.children == 0 && r.risk == 0)
            let again = try await SafetySweep.run(on: ctx.app.db, at: ctx.app.now)
            #expect(again.registry.children == 0 && again.risk == 0 && again.overdue == 0 && again.escalations == 0)
        }
    }

    @Test func theSweepMovesEveryMarkerForward() async throws {
        try await withTestApp { ctx in
            try await Self.seed(ctx, count: 120)
            let db = ctx.app.db
            let before = try await db.sql.raw("SELECT COUNT(*) AS n FROM audit_log").first()!.decode(column: "n", as: Int.self)
            let r = try await SafetySweep.run(on: db, at: ctx.app.now)
            #expect(r.registry.children == 120, "the risk loop then finds them assessed already")
            let today = RegistryService.today(ctx.app.now).iso
            let stuck = try await db.sql.raw(
                "SELECT COUNT(*) AS n FROM children WHERE next_review <= \(bind: today) OR risk_review " + "<= \(bind: today)"
            ).first()!.decode(column: "n", as: Int.self)
            #expect(stuck == 0)
            let tiered = try await db.sql.raw("SELECT COUNT(*) AS n FROM children WHERE status = 'active' AND risk_tier IS NULL").first()!
                .decode(column: "n", as: Int.self)
            #expect(tiered == 0)
            let after = try await db.sql.raw("SELECT COUNT(*) AS n FROM audit_log").first()!.decode(column: "n", as: Int.self)
            #expect(after > before)
            // Critical children have their alert, in the village worker's inbox, with an entry in the trail.
            let critical = try await Child.query(on: db).filter(\.$riskTier == RiskTier.critical.rawValue).all()
            #expect(!critical.isEmpty)
            for c in critical { #expect(try await SafetyService.openCritical(c.recordID, on: db) != nil) }
            #expect(try await ctx.auditCount(AuditAction.create) >= critical.count)
            // A second sweep at the same instant changes nothing.
            let rows = try await Snapshot.take(db)
            _ = try await SafetySweep.run(on: db, at: ctx.app.now)
            #expect(try await Snapshot.take(db) == rows)
        }
    }

    @Test func benchVisitsSetEachChildsLastVisit() async throws {
        try await withTestApp { ctx in
            let db = ctx.app.db
            let today = RegistryService.today(ctx.app.now)
            try await RegistryBench.load(db, count: 50, seed: 3, villages: [Codes.shihuayan], today: today, at: ctx.app.now)
            try await SweepBench.loadVisits(db, perChild: 4, today: today, at: ctx.app.now)
            #expect(try await Visit.query(on: db).count() == 200)
            for c in try await Child.query(on: db).all() {
                let newest = try await Visit.query(on: db).filter(\.$childID == c.id!).all().map(\.visitedOn).max()
                #expect(c.lastVisitOn != nil && c.lastVisitOn == newest)
            }
        }
    }

    /// Critical children overdue for a visit stay at step 0 (their alert escalates them): the overdue loop reads a
    /// partial index that leaves them out, or every sweep would read each of them again.
    @Test func theOverdueLoopReadsOnlyWhatItEscalates() async throws {
        try await withTestApp { ctx in
            let db = ctx.app.db
            let q = SafetySweep.lateQuery(step: 0, cutoff: "2026-11-26", on: db)
            if db.isPostgres {
                let def = try await db.sql.raw(
                    "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'children_overdue_sweep'"
                ).first()?
                .decode(column: "indexdef", as: String.self)
                #expect(def?.contains("WHERE") == true)
            } else {
                let plan = try await db.sql.raw("EXPLAIN QUERY PLAN \(q.select)").all().map {
                    try $0.decode(column: "detail", as: String.self)
                }.joined(separator: "\n")
                #expect(plan.contains("children_overdue_sweep"), "\(plan)")
                // The critical escalations read the live critical alerts only, by kind and status.
                for step in EscalationStep.critical {
                    let plan = try await db.sql.raw("EXPLAIN QUERY PLAN " + SafetySweep.criticalDueQuery(step, before: ctx.app.now)).all()
                        .map { try $0.decode(column: "detail", as: String.self) }.joined(separator: "\n")
                    #expect(plan.contains("alerts_due (kind=? AND status"), "\(step): \(plan)")
                }
            }
            #expect(try await ChildRows.all(q).isEmpty)
        }
    }
}
