import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

import GuanaiCore
@testable import GuanaiWeb

/// The kept per-village coverage counts (`station_coverage`): writers mark, the sweep recounts, the answer equals
/// Core's live count over the register at every step, before the sweep as after it.
@Suite struct StationCoverageTallyTests {
    /// The counts kept, by village.
    static func kept(_ db: any Database) async throws -> [VillageCoverage] {
        try await db.sql.select().columns("unit_code", "left_behind", "enrolled", "reachable", "covered").from("station_coverage")
            .orderBy("unit_code").all().map { r in
                VillageCoverage(
                    unitCode: try r.decode(column: "unit_code", as: String.self),
                    leftBehind: try r.decode(column: "left_behind", as: Int.self),
                    enrolled: try r.decode(column: "enrolled", as: Int.self), reachable: try r.decode(column: "reachable", as: Int.self),
                    covered: try r.decode(column: "covered", as: Int.self))
            }
    }

    /// Core's count of the register as it is now.
    static func live(_ db: any Database) async throws -> [VillageCoverage] {
        let all = Scoped.system(db)
        return Coverage.villages(
            children: try await all.coverageChildren(.system), stations: try await all.openStationsForCoverage(),
            reachMetres: try await SettingsStore.load(StationRules.self, on: db).reachMetres)
    }

    static func marks(_ db: any Database) async throws -> Int {
        try await db.sql.select().column(SQLRaw("COUNT(*)"), as: "n").from("station_coverage_marks").first()!.decode(
            column: "n", as: Int.self)
    }

    static func v(_ unit: String, _ counts: (Int, Int, Int, Int)) -> VillageCoverage {
        VillageCoverage(unitCode: unit, leftBehind: counts.0, enrolled: counts.1, reachable: counts.2, covered: counts.3)
    }

    /// A left-behind child of `village`; `north` puts her home that many degrees north of the station (29.65, 112.48).
    static func child(_ ctx: TestContext, _ token: String, _ order: Int, village: String, north: Double?, born: Int = 2014) async throws
        -> ChildDTO
    {
        var b = ChildBody()
        b.idNumber = Synthetic.id(born, born == 2010 ? 12 : 1 + order % 12, born == 2010 ? 1 : 5, order: order)
        b.villageCode = village
        let res = try await ctx.api(.POST, "/api/v1/children", token: token, body: ctx.json(b))
        #expect(res.status == .created, "\(res.body.string)")
        let k = try res.content.decode(ChildDTO.self)
        if let north { try await StationDaysTests.home(ctx, k, village: village, order: order, north: north) }
        return k
    }

    static func answer(_ ctx: TestContext, _ token: String, _ unit: String) async throws -> CoverageDTO {
        try await ctx.api(.GET, "/api/v1/stations/coverage?unit=\(unit)", token: token).content.decode(CoverageDTO.self)
    }

    @Test func theSweepRecountsAfterAnEnrolmentAStationOpeningAndAChildLeaving() async throws {
        try await withTestApp { ctx in
            let db = ctx.app.db
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let t = try await ctx.token("town")
            _ = try await Self.child(ctx, t, 401, village: Codes.shihuayan, north: nil)
            _ = try await Self.child(ctx, t, 402, village: Codes.xiaoshiqiao, north: 0.02)  // about 2.2 km from the station
            _ = try await Self.child(ctx, t, 403, village: Codes.xiaoshiqiao, north: 0.05)  // about 5.6 km
            let old = try await Self.child(ctx, t, 404, village: Codes.xiaoshiqiao, north: 0.2, born: 2010)  // 16 on 2026-12-01

            // Registering marks her village; nothing is counted until the sweep.
            #expect(try await Self.marks(db) > 0)
            #expect(try await Self.kept(db).isEmpty)
            #expect(try await StationCoverageTally.sweep(on: db, at: ctx.clock.now()) == 2)
            #expect(try await Self.marks(db) == 0)
            #expect(try await Self.kept(db) == [Self.v(Codes.shihuayan, (1, 0, 0, 0)), Self.v(Codes.xiaoshiqiao, (3, 0, 0, 0))])

            // A station opens in 石华堰村: its own child and the one 2.2 km away are within reach.
            let s = try await StationDaysTests.station(ctx, t, capacity: 10)
            #expect(try await Self.kept(db) != Self.live(db), "kept counts wait for the sweep")
            let before = try await Self.answer(ctx, t, Codes.taohuashan)
            #expect((before.leftBehind, before.reachable, before.covered) == (4, 2, 2), "the answer counts a marked village now")
            _ = try await StationCoverageTally.sweep(on: db, at: ctx.clock.now())
            #expect(try await Self.kept(db) == [Self.v(Codes.shihuayan, (1, 0, 1, 1)), Self.v(Codes.xiaoshiqiao, (3, 0, 1, 1))])
            #expect(try await Self.kept(db) == Self.live(db))

            // A place at the station for the child 22 km away.
            #expect(try await StationDaysTests.enrol(ctx, t, s.id, old.id).status == .created)
            _ = try await StationCoverageTally.sweep(on: db, at: ctx.clock.now())
            #expect(try await Self.kept(db) == [Self.v(Codes.shihuayan, (1, 0, 1, 1)), Self.v(Codes.xiaoshiqiao, (3, 1, 1, 2))])

            // Idempotent: nothing marked, nothing recounted, nothing rewritten.
            let stamps = try await db.sql.select().column("computed_at").from("station_coverage").orderBy("unit_code").all().map {
                try $0.decode(column: "computed_at", as: String.self)
            }
            ctx.clock.advance(by: 60)
            #expect(try await StationCoverageTally.sweep(on: db, at: ctx.clock.now()) == 0)
            #expect(try await Self.kept(db) == Self.live(db))
            #expect(
                try await db.sql.select().column("computed_at").from("station_coverage").orderBy("unit_code").all().map {
                    try $0.decode(column: "computed_at", as: String.self)
                } == stamps)

            // She turns 16 and leaves the register's left-behind children: the one sweep reclassifies and recounts.
            ctx.clock.set(Date(timeIntervalSince1970: 1_796_515_200))  // 2026-12-06
            let r = try await SafetySweep.run(on: db, at: ctx.clock.now())
            #expect(r.registry.changed >= 1 && r.coverage >= 1, "\(r)")
            #expect(try await Self.kept(db) == [Self.v(Codes.shihuayan, (1, 0, 1, 1)), Self.v(Codes.xiaoshiqiao, (2, 0, 1, 1))])
            #expect(try await Self.kept(db) == Self.live(db))
        }
    }

    /// The answer at county, township and village level is Core's live report over the register, field by field,
    /// whether the villages were swept or not, and after the reach changes (every kept row then counted anew).
    @Test func theAnswerEqualsTheLiveComputationAtEveryLevel() async throws {
        try await withTestApp { ctx in
            let db = ctx.app.db
            try await ctx.makeUser("city", .cityAdmin, Codes.county)
            let city = try await ctx.token("city")
            for (i, north) in [nil, 0.01, 0.02, 0.03, 0.04, 0.06, 0.3].enumerated() {
                _ = try await Self.child(ctx, city, 410 + i, village: i % 2 == 0 ? Codes.shihuayan : Codes.xiaoshiqiao, north: north)
            }
            _ = try await StationDaysTests.station(ctx, city, capacity: 10)
            func check(_ note: String) async throws {
                let reach = try await SettingsStore.load(StationRules.self, on: db).reachMetres
                for unit in [Codes.county, Codes.taohuashan, Codes.xiaoshiqiao] {
                    let code = DivisionCode(unit)!
                    let all = Scoped.system(db)
                    let live = Coverage.report(
                        children: try await all.coverageChildren(Jurisdiction(root: code)),
                        stations: try await all.openStationsForCoverage(),
                        reachMetres: reach, rowUnit: { Coverage.rowUnit(scope: code, village: $0) })
                    let a = try await Self.answer(ctx, city, unit)
                    #expect(
                        (a.leftBehind, a.enrolled, a.reachable, a.covered, a.rate)
                            == (live.leftBehind, live.enrolled, live.reachable, live.covered, live.rate), "\(note) \(unit)")
                    #expect(
                        a.rows.map { "\($0.unitCode) \($0.leftBehind) \($0.covered)" }
                            == live.rows.map {
                                "\($0.unitCode) \($0.leftBehind) \($0.covered)"
                            }, "\(note) \(unit)")
                    #expect(a.priority.map(\.childId) == live.priority.map(\.childId), "\(note) \(unit)")
                    #expect(live.leftBehind > 0)
                }
            }
            try await check("marked, not swept")
            _ = try await StationCoverageTally.sweep(on: db, at: ctx.clock.now())
            #expect(try await Self.marks(db) == 0)
            try await check("swept")
            #expect(try await ctx.api(.PUT, "/api/v1/stations/rules", token: city, body: ctx.json(["reachMetres": 4000])).status == .ok)
            try await check("reach changed, not swept")
            #expect(try await StationCoverageTally.sweep(on: db, at: ctx.clock.now()) == 2, "every kept village recounted")
            try await check("reach changed, swept")
            #expect(try await Self.kept(db) == Self.live(db))
            // The full recount finds the kept counts right.
            let kept = try await Self.kept(db)
            _ = try await SafetySweep.fullCoverage(on: db, at: ctx.clock.now())
            #expect(try await Self.kept(db) == kept)
        }
    }

    /// A household's point moving, a station closing: the villages they touch are marked and recounted.
    @Test func aHomeMovedAndAStationClosedAreRecounted() async throws {
        try await withTestApp { ctx in
            let db = ctx.app.db
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let t = try await ctx.token("town")
            let near = try await Self.child(ctx, t, 421, village: Codes.xiaoshiqiao, north: 0.01)
            let s = try await StationDaysTests.station(ctx, t, capacity: 10)
            _ = try await StationCoverageTally.sweep(on: db, at: ctx.clock.now())
            #expect(try await Self.kept(db) == [Self.v(Codes.xiaoshiqiao, (1, 0, 1, 1))])

            let c = try await Child.find(UUID(uuidString: near.id), on: db)!
            let h = try await Household.find(c.householdID!, on: db)!
            h.latitude = 29.65 + 0.1
            try await h.save(on: db)
            #expect(try await Self.marks(db) == 1)
            _ = try await StationCoverageTally.sweep(on: db, at: ctx.clock.now())
            #expect(try await Self.kept(db) == [Self.v(Codes.xiaoshiqiao, (1, 0, 0, 0))])

            h.latitude = 29.65
            try await h.save(on: db)
            #expect(try await StationDaysTests.enrol(ctx, t, s.id, near.id).status == .created)
            _ = try await StationCoverageTally.sweep(on: db, at: ctx.clock.now())
            #expect(try await Self.kept(db) == [Self.v(Codes.xiaoshiqiao, (1, 1, 1, 1))])

            // Closing it takes the reach and the place away; renaming it changes nobody's coverage and marks nothing.
            let station = try await Station.find(UUID(uuidString: s.id), on: db)!
            station.name = "改名后的服务站"
            try await station.save(on: db)
            #expect(try await Self.marks(db) == 0)
            station.status = .closed
            try await station.save(on: db)
            _ = try await StationCoverageTally.sweep(on: db, at: ctx.clock.now())
            #expect(try await Self.kept(db) == [Self.v(Codes.xiaoshiqiao, (1, 0, 0, 0))])
            #expect(try await Self.kept(db) == Self.live(db))
        }
    }
}
