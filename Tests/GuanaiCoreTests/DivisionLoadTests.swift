import Testing
@testable import GuanaiCore

@Suite struct DivisionCatalogLevelsTests {
    func perLevel(_ records: [DivisionRecord]) -> [DivisionLevel: Int] {
        records.reduce(into: [:]) { $0[$1.level, default: 0] += 1 }
    }

    /// Every record's parent comes before it, and every one but the province has one.
    func expectParentsFirst(_ records: [DivisionRecord]) {
        var seen: Set<DivisionCode> = []
        for r in records {
            if r.level == .province {
                #expect(r.parent == nil)
            } else {
                #expect(r.parent.map { seen.contains($0) } == true, "\(r.code) before its parent")
                #expect(r.parent?.level.rawValue == r.level.rawValue - 1)
            }
            #expect(!seen.contains(r.code), "\(r.code) twice")
            seen.insert(r.code)
        }
    }

    @Test func jingzhouPrefectureByEitherCode() throws {
        let all = try DivisionCatalog.records("4210")
        #expect(try DivisionCatalog.records("421000000000") == all)
        #expect(perLevel(all) == [.province: 1, .city: 1, .county: 9, .township: 129, .village: 1969])
        #expect(all.first?.code.value == "420000000000" && all.first?.officialName == "湖北省")
        #expect(all.first { $0.level == .city }?.officialName == "荆州市")
        // 421001 市辖区 is a statistical placeholder with nothing under it.
        #expect(!all.contains { $0.officialName == "市辖区" })
        let shishou = all.filter { DivisionCode("421081")!.contains($0.code) }
        #expect(perLevel(shishou) == [.county: 1, .township: 15, .village: 204])
        #expect(all.allSatisfy { DivisionCode("42")!.contains($0.code) })
        let v = try #require(all.first { $0.code.value == "421081104200" })
        #expect(v.level == .village && v.parent?.value == "421081104000" && v.kind == .villageCommittee)
        expectParentsFirst(all)
    }

    @Test func wholeProvince() throws {
        let all = try DivisionCatalog.records("42")
        #expect(try DivisionCatalog.records("420000000000").count == all.count)
        // The README's totals: 14 city-level, 1,487 township-level, 27,713 village-level units; 105 county-level units
        // once the 12 市辖区 placeholders are left out.
        #expect(perLevel(all) == [.province: 1, .city: 14, .county: 105, .township: 1487, .village: 27713])
        #expect(!all.contains { $0.officialName == "市辖区" })
        expectParentsFirst(all)
    }

    @Test func countyByEitherCode() throws {
        let all = try DivisionCatalog.records("421081")
        #expect(try DivisionCatalog.records("421081000000") == all)
        #expect(try DivisionCatalog.county("421081") == all)
        #expect(perLevel(all) == [.province: 1, .city: 1, .county: 1, .township: 15, .village: 204])
        expectParentsFirst(all)
    }

    @Test func badCodesAreRefusedSayingWhy() {
        let cases: [(String, DivisionCatalogError)] = [
            ("", .malformed("")), ("4210a", .malformed("4210a")), ("42108", .malformed("42108")),
            ("4210810000000", .malformed("4210810000000")), ("11", .notHubei("11")), ("110101", .notHubei("110101")),
            ("4299", .unknownCity("4299")), ("429900000000", .unknownCity("429900000000")), ("421099", .unknownCounty("421099")),
            ("421001", .unknownCounty("421001")), ("421081104", .belowCounty("421081104")),
            ("421081104200", .belowCounty("421081104200")),
        ]
        for (code, error) in cases {
            #expect(throws: error, "\(code)") { try DivisionCatalog.records(code) }
        }
        #expect(throws: DivisionCatalogError.unknownCounty("4210")) { try DivisionCatalog.county("4210") }
        #expect(DivisionCatalogError.belowCounty("421081104").description.contains("421081104"))
    }
}

@Suite struct DivisionLoadPlanTests {
    typealias T = DivisionLoadPlan.Tally
    let records = try! DivisionCatalog.records("421081")
    let root = DivisionCode("421081")!

    @Test func emptyDatabaseGetsEverything() throws {
        let plan = try #require(DivisionLoadPlan(root: root, records: records, stored: [:]))
        #expect(plan.toInsert == records)
        #expect(plan.root.officialName == "石首市")
        #expect(plan.tally[.village] == T(inserted: 204))
        #expect(plan.present == 0 && plan.skipped == 0)
    }

    @Test func storedUnitsAreLeftAndASecondLoadAddsNothing() throws {
        // The province and city are there from another county's load; one village was renamed (its status is all
        // the plan reads, so a renamed unit is simply present).
        let stored = ["420000000000": UnitStatus.active, "421000000000": .active, "421081104200": .active]
        let plan = try #require(DivisionLoadPlan(root: root, records: records, stored: stored))
        #expect(plan.inserted == records.count - 3)
        #expect(!plan.toInsert.contains { stored[$0.code.value] != nil })
        #expect(plan.tally[.province] == T(present: 1) && plan.tally[.village] == T(inserted: 203, present: 1))
        let all = Dictionary(uniqueKeysWithValues: records.map { ($0.code.value, UnitStatus.active) })
        let again = try #require(DivisionLoadPlan(root: root, records: records, stored: all))
        #expect(again.toInsert.isEmpty && again.present == records.count)
    }

    @Test func nothingIsAddedUnderARetiredUnit() throws {
        // 桃花山镇 was merged away (retired) and its villages are missing: they stay missing.
        let taohuashan = "421081104000"
        let villages = records.filter { $0.parent?.value == taohuashan }
        #expect(!villages.isEmpty)
        var stored = Dictionary(uniqueKeysWithValues: records.filter { $0.level <= .township }.map { ($0.code.value, UnitStatus.active) })
        stored[taohuashan] = .retired
        let plan = try #require(DivisionLoadPlan(root: root, records: records, stored: stored))
        #expect(plan.tally[.village] == T(inserted: 204 - villages.count, skipped: villages.count))
        #expect(!plan.toInsert.contains { $0.parent?.value == taohuashan })
    }

    @Test func rootMustBeAmongTheRecords() {
        #expect(DivisionLoadPlan(root: DivisionCode("4210")!, records: records, stored: [:]) != nil)
        #expect(DivisionLoadPlan(root: DivisionCode("421083")!, records: records, stored: [:]) == nil)
    }
}
