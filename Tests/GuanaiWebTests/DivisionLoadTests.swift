import Testing
import VaporTesting
import Fluent
import GuanaiCore
@testable import GuanaiWeb

@Suite struct DivisionLoadWebTests {
    typealias T = DivisionLoadPlan.Tally
    static let jingzhou = "421000000000"  // 荆州市
    static let honghu = "421083000000"  // 洪湖市
    static let longtan = "421083100200"  // 洪湖市 螺山镇 龙潭村村民委员会

    /// Every stored unit under a code, as an administrator could have changed it.
    static func snapshot(_ db: any Database, under code: String) async throws -> [String: String] {
        let r = DivisionCode(code)!.range
        let units = try await Unit.query(on: db).filter(\.$id >= r.lowerBound).filter(\.$id <= r.upperBound).all()
        return Dictionary(
            uniqueKeysWithValues: units.map {
                (
                    $0.code,
                    [$0.officialName, $0.shortName, $0.status.rawValue, $0.mergedInto ?? "-", "\($0.statistical)"].joined(separator: "|")
                )
            })
    }

    static func count(_ db: any Database, under code: String, _ level: DivisionLevel) async throws -> Int {
        let r = DivisionCode(code)!.range
        return try await Unit.query(on: db).filter(\.$id >= r.lowerBound).filter(\.$id <= r.upperBound)
            .filter(\.$level == level.rawValue).count()
    }

    @Test func prefectureLoadsOnceAndLeavesWhatAnAdministratorChanged() async throws {
        try await withTestApp { ctx in
            let db = ctx.app.db
            let admin = Scoped(db: db, jurisdiction: Jurisdiction(root: DivisionCode(Codes.county)!))
            let at = ctx.app.now
            // The app's own county, changed by an administrator before the load: a rename, a merge, an added village.
            _ = try await UnitService.rename(
                Codes.tiaoguanVillage, to: "调关新村", reason: "村民会议决定更名", scoped: admin, actor: .system("test"), at: at)
            _ = try await UnitService.merge(
                Codes.xiaoshiqiao, into: Codes.shihuayan, reason: "合村并组", scoped: admin, actor: .system("test"), at: at)
            let added = try await UnitService.add(
                name: "王李场村", under: Codes.taohuashan, reason: "试点村", scoped: admin, actor: .system("test"), at: at)
            let shishouBefore = try await Self.snapshot(db, under: Codes.county)
            #expect(shishouBefore.count == 221)  // the county, 15 township-level and 204 village-level units, 王李场村

            let first = try await DivisionLoader.load(ctx.app, code: "4210").plan
            #expect(first.root.officialName == "荆州市")
            #expect(first.tally[.province] == T(present: 1) && first.tally[.city] == T(present: 1))
            #expect(first.tally[.county] == T(inserted: 8, present: 1))
            #expect(first.tally[.township] == T(inserted: 114, present: 15))
            #expect(first.tally[.village] == T(inserted: 1765, present: 204))
            #expect(try await Self.count(db, under: Self.jingzhou, .county) == 9)
            #expect(try await Self.count(db, under: Self.jingzhou, .township) == 129)
            #expect(try await Self.count(db, under: Self.jingzhou, .village) == 1970)  // 1,969 and 王李场村

            // 石首市 is exactly as the administrator left it.
            #expect(try await Self.snapshot(db, under: Codes.county) == shishouBefore)
            let renamed = try #require(try await Unit.find(Codes.tiaoguanVillage, on: db))
            #expect(renamed.shortName == "调关新村")
            let merged = try #require(try await Unit.find(Codes.xiaoshiqiao, on: db))
            #expect(merged.status == .retired && merged.mergedInto == Codes.shihuayan)
            #expect(try await Unit.find(added.code, on: db)?.statistical == false)

            // A loaded unit is a statistical unit like those the county's own load made.
            let loaded = try #require(try await Unit.find(Self.longtan, on: db))
            #expect(loaded.officialName == "龙潭村村民委员会" && loaded.kind == .villageCommittee && loaded.divisionLevel == .village)
            #expect(loaded.parentCode == "421083100000" && loaded.statistical && loaded.status == .active)
            #expect(abs(loaded.createdAt.timeIntervalSince(at)) < 1)

            let history = try await UnitChange.query(on: db).filter(\.$unitCode == Self.jingzhou).all()
            #expect(history.map(\.change) == [UnitChangeKind.loaded.rawValue])
            #expect(history.first?.detail.contains("\"units\":\"\(first.inserted)\"") == true)

            // A second load finds everything and writes nothing, not even history.
            let all = try await Self.snapshot(db, under: Self.jingzhou)
            let second = try await DivisionLoader.load(ctx.app, code: Self.jingzhou).plan
            #expect(second.inserted == 0 && second.present == 2109)  // 2 + 9 + 129 + 1,969
            #expect(try await Self.snapshot(db, under: Self.jingzhou) == all)
            #expect(try await UnitChange.query(on: db).filter(\.$unitCode == Self.jingzhou).count() == 1)
        }
    }

    @Test func aCountyLoadedAndRenamedEarlierKeepsItsNames() async throws {
        try await withTestApp { ctx in
            let db = ctx.app.db
            let county = try await DivisionLoader.load(ctx.app, code: "421083").plan
            #expect(county.tally[.county] == T(inserted: 1) && county.tally[.township] == T(inserted: 20))
            let village = try #require(try await Unit.find(Self.longtan, on: db))
            let admin = Scoped(db: db, jurisdiction: Jurisdiction(root: DivisionCode(Self.honghu)!))
            _ = try await UnitService.rename(
                village.code, to: "新合村", reason: "村民会议决定更名", scoped: admin, actor: .system("test"), at: ctx.app.now)
            let honghuBefore = try await Self.snapshot(db, under: Self.honghu)

            let plan = try await DivisionLoader.load(ctx.app, code: Self.jingzhou).plan
            #expect(plan.tally[.county] == T(inserted: 7, present: 2))
            #expect(try await Self.snapshot(db, under: Self.honghu) == honghuBefore)
            #expect(try await Unit.find(village.code, on: db)?.shortName == "新合村")
        }
    }

    @Test func aBadCodeIsRefusedBeforeAnythingIsWritten() async throws {
        try await withTestApp { ctx in
            let before = try await Unit.query(on: ctx.app.db).count()
            await #expect(throws: DivisionCatalogError.belowCounty("421081104")) {
                try await DivisionLoader.load(ctx.app, code: "421081104")
            }
            await #expect(throws: DivisionCatalogError.unknownCity("4299")) { try await DivisionLoader.load(ctx.app, code: "4299") }
            await #expect(throws: DivisionCatalogError.malformed("42-10")) { try await DivisionLoader.load(ctx.app, code: "42-10") }
            #expect(try await Unit.query(on: ctx.app.db).count() == before)
        }
    }
}
