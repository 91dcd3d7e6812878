import Testing
import VaporTesting
import Fluent
import GuanaiCore
@testable import GuanaiWeb

/// The children's list at scale reads counts from `child_tallies` and filters from copied guardian facts; both must
/// agree with the register itself after every kind of change.
@Suite struct RegistryListTests {
    static let filters: [ChildFilter] =
        [ChildFilter(), ChildFilter(exited: "1"), ChildFilter(exited: "all"), ChildFilter(category: "difficulty")]
        + ChildCategory.allCases.map { ChildFilter(category: $0.rawValue) }
        + ChildNeed.allCases.map { ChildFilter(need: $0.rawValue) }
        + [ChildFilter(category: "left_behind", need: "safety"), ChildFilter(category: "orphan", exited: "all")]

    /// Every tally-answered count equals a count of the register, in every unit the test touches.
    static func expectTalliesMatch(_ ctx: TestContext, _ step: String) async throws {
        let today = RegistryService.today(ctx.app.now)
        for unit in [Codes.county, Codes.taohuashan, Codes.shihuayan, Codes.xiaoshiqiao, Codes.tiaoguan] {
            let scoped = Scoped(db: ctx.app.db, jurisdiction: Jurisdiction(root: DivisionCode(unit)!))
            for f in filters {
                #expect(ChildTally.answers(f))
                let fast = try await scoped.children(matching: f, today: today, page: 1, per: 1).total
                let slow = try await scoped.childQuery(f, today: today).count()
                #expect(fast == slow, "\(step): \(unit) \(f)")
            }
        }
    }

    static func count(_ ctx: TestContext, _ unit: String, _ f: ChildFilter = ChildFilter()) async throws -> Int {
        let scoped = Scoped(db: ctx.app.db, jurisdiction: Jurisdiction(root: DivisionCode(unit)!))
        return try await scoped.children(matching: f, today: RegistryService.today(ctx.app.now), page: 1, per: 1).total
    }

    @Test func talliesFollowEveryChange() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            let t = try await ctx.token("town")
            let a = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(ChildBody())).content.decode(ChildDTO.self)
            var sib = ChildBody()
            sib.name = "王小军"
            sib.idNumber = Synthetic.id(2019, 7, 7, order: 131)
            sib.needs = ["study"]
            let b = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(sib)).content.decode(ChildDTO.self)
            var orphan = ChildBody()
            orphan.name = "刘小燕"
            orphan.idNumber = Synthetic.id(2016, 4, 4, order: 142)
            orphan.father = ["name": "刘大海", "idNumber": Synthetic.id(1980, 1, 1, order: 311), "situation": "deceased"]
            orphan.mother = ["name": "陈小梅", "idNumber": Synthetic.id(1982, 2, 2, order: 322), "situation": "deceased"]
            _ = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(orphan)).content.decode(ChildDTO.self)
            #expect(try await Self.count(ctx, Codes.county) == 3)
            #expect(try await Self.count(ctx, Codes.shihuayan, ChildFilter(category: "orphan")) == 1)
            #expect(try await Self.count(ctx, Codes.shihuayan, ChildFilter(need: "study")) == 1)
            try await Self.expectTalliesMatch(ctx, "registered")

            // The mother comes home: both siblings leave left_behind (exited), through a person-linked reclassification.
            let motherID = try #require(a.mother?.id)
            #expect(
                try await ctx.api(.PATCH, "/api/v1/children/\(a.id)", token: t, body: ctx.json(["mother": ["situation": "at_home"]])).status
                    == .ok)
            #expect(try await Self.count(ctx, Codes.shihuayan, ChildFilter(exited: "1")) == 1)
            try await Self.expectTalliesMatch(ctx, "mother home")
            #expect(
                try await ctx.api(.PATCH, "/api/v1/people/\(motherID)", token: t, body: ctx.json(["vitalStatus": "deceased"])).status == .ok
            )
            try await Self.expectTalliesMatch(ctx, "mother deceased")

            // Moving a child to another village moves her count with her.
            #expect(
                try await ctx.api(.PATCH, "/api/v1/children/\(b.id)", token: t, body: ctx.json(["villageCode": Codes.xiaoshiqiao])).status
                    == .ok)
            #expect(try await Self.count(ctx, Codes.xiaoshiqiao, ChildFilter(exited: "all")) == 1)
            try await Self.expectTalliesMatch(ctx, "moved")

            // Voided: gone from every count, and a later reclassification does not bring it back.
            #expect(
                try await ctx.api(.POST, "/api/v1/children/\(b.id)/void", token: t, body: ctx.json(["reason": "误登记"])).status == .noContent)
            #expect(try await Self.count(ctx, Codes.xiaoshiqiao, ChildFilter(exited: "all")) == 0)
            let fatherID = try #require(a.father?.id)
            #expect(
                try await ctx.api(.PATCH, "/api/v1/people/\(fatherID)", token: t, body: ctx.json(["health": "hospitalised"])).status == .ok)
            let voided = try #require(try await Child.find(UUID(uuidString: b.id), on: ctx.app.db))
            #expect(voided.status == .voided)
            try await Self.expectTalliesMatch(ctx, "voided")

            // A unit merge moves the village's children and recomputes both tallies.
            let admin = Scoped(db: ctx.app.db, jurisdiction: Jurisdiction(root: DivisionCode(Codes.county)!))
            _ = try await UnitService.merge(
                Codes.shihuayan, into: Codes.xiaoshiqiao, reason: "合村并组", scoped: admin, actor: .system("test"), at: ctx.app.now)
            #expect(try await Self.count(ctx, Codes.shihuayan, ChildFilter(exited: "all")) == 0)
            #expect(try await Self.count(ctx, Codes.xiaoshiqiao, ChildFilter(exited: "all")) == 2)
            try await Self.expectTalliesMatch(ctx, "units merged")
        }
    }

    /// A sweep recomputes each village's tally once per batch; the counts must still follow every child it changed.
    @Test func talliesFollowTheSweep() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let t = try await ctx.token("town")
            for (i, (name, born, village)) in [
                ("赵小一", (2010, 11, 20), Codes.shihuayan), ("赵小二", (2010, 11, 24), Codes.shihuayan),
                ("钱小三", (2010, 11, 22), Codes.xiaoshiqiao), ("孙小四", (2015, 1, 1), Codes.shihuayan),
            ].enumerated() {
                var b = ChildBody()
                b.name = name
                b.idNumber = Synthetic.id(born.0, born.1, born.2, order: 150 + i * 2)
                b.villageCode = village
                #expect(try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(b)).status == .created)
            }
            try await Self.expectTalliesMatch(ctx, "registered")
            #expect(try await Self.count(ctx, Codes.taohuashan, ChildFilter(exited: "1")) == 0)
            // All three pass 16 by the 26th: the sweep exits them from left_behind in one batch.
            let later = Date(timeIntervalSince1970: Double(CivilDate(iso: "2026-11-26")!.dayNumber) * 86400 + 3600)
            ctx.clock.set(later)
            let r = try await SafetySweep.run(on: ctx.app.db, at: later)
            #expect(r.registry.changed >= 3)
            #expect(try await Self.count(ctx, Codes.taohuashan, ChildFilter(exited: "1")) == 3)
            #expect(try await Self.count(ctx, Codes.shihuayan, ChildFilter(exited: "1")) == 2)
            try await Self.expectTalliesMatch(ctx, "after the sweep")
        }
    }

    @Test func guardianFiltersAndSorts() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            var t = try await ctx.token("cun")
            // Today is 2026-11-18. Born 1956-11-17: 70 周岁 today. Born 1956-11-18: 70 only tomorrow (the day after).
            func child(_ name: String, _ born: (Int, Int, Int), order: Int, guardian: (String, Int, Int, Int, String)?) async throws
                -> ChildDTO
            {
                var body = ChildBody()
                body.name = name
                body.idNumber = Synthetic.id(born.0, born.1, born.2, order: order)
                body.guardian = guardian.map {
                    [
                        "name": $0.0, "idNumber": Synthetic.id($0.1, $0.2, $0.3, order: order + 400), "relation": "grandmother",
                        "health": $0.4,
                    ]
                }
                if guardian == nil { body.livingArrangement = "with_siblings_only" }
                let res = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(body))
                #expect(res.status == .created, "\(res.body.string)")
                ctx.clock.advance(by: 60)
                return try res.content.decode(ChildDTO.self)
            }
            let seventy = try await child("甲小一", (2015, 5, 5), order: 102, guardian: ("甲奶奶", 1956, 11, 17, "healthy"))
            let sixtyNine = try await child("乙小二", (2012, 6, 6), order: 104, guardian: ("乙奶奶", 1956, 11, 18, "chronic_illness"))
            let young = try await child("丙小三", (2020, 7, 7), order: 106, guardian: ("丙奶奶", 1975, 1, 1, "healthy"))
            let none = try await child("丁小四", (2013, 8, 8), order: 108, guardian: nil)

            func names(_ query: String) async throws -> [String] {
                try await ctx.api(.GET, "/api/v1/children?" + query, token: t).content.decode(ListPage<ChildSummaryDTO>.self).items.map(
                    \.name)
            }
            #expect(try await names("guardianAge=70%2B") == [seventy.name])
            #expect(try await names("guardianAge=60-69") == [sixtyNine.name])
            #expect(try await names("guardianAge=under60") == [young.name])
            #expect(try await names("guardianAge=none") == [none.name])
            #expect(try await names("guardianHealth=poor") == [sixtyNine.name])

            // The guardian's record changes: the copy on each child follows in the same transaction.
            let gid = try #require(seventy.guardian?.id)
            #expect(try await ctx.api(.PATCH, "/api/v1/people/\(gid)", token: t, body: ctx.json(["health": "hospitalised"])).status == .ok)
            #expect(Set(try await names("guardianHealth=poor")) == [seventy.name, sixtyNine.name])
            #expect(try await names("guardianHealth=hospitalised&guardianAge=70%2B") == [seventy.name])
            // Tomorrow the 1956-11-18 grandmother is 70 too.
            ctx.clock.advance(by: 86_400)
            t = try await ctx.token("cun")
            #expect(Set(try await names("guardianAge=70%2B")) == [seventy.name, sixtyNine.name])

            // Links carry "70+" intact (a bare "+" would arrive as a space and drop the filter).
            var b = Browser(ctx)
            try await b.login("cun")
            let html = try await b.get("/children?guardianAge=70%2B&q=%E5%B0%8F+").body.string
            #expect(html.contains("guardianAge=70%2B"), "print link keeps the filter")
            #expect(
                SiteURL.link("/children", [("q", "王 小"), ("guardianAge", "70+"), ("page", "2")])
                    == "/children?q=%E7%8E%8B%20%E5%B0%8F&guardianAge=70%2B&page=2")

            // Orders: village then youngest first (the default), oldest first, most recently registered first.
            #expect(try await names("") == [young.name, seventy.name, none.name, sixtyNine.name])
            #expect(try await names("sort=oldest") == [sixtyNine.name, none.name, seventy.name, young.name])
            #expect(try await names("sort=recent") == [none.name, young.name, sixtyNine.name, seventy.name])
        }
    }

    @Test func printableLedgerIsScopedAndAudited() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("other", .villageWorker, Codes.xiaoshiqiao)
            try await ctx.makeUser("aixin", .volunteer, Codes.shihuayan)
            let t = try await ctx.token("cun")
            #expect(try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(ChildBody())).status == .created)
            var b = Browser(ctx)
            try await b.login("cun")
            let page = try await b.get("/children/print?category=left_behind")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("留守儿童台账") && html.contains("王小花") && html.contains("张桂兰"))
            #expect(html.contains("421081********"), "ID numbers stay masked on paper")
            #expect(!html.contains(Synthetic.id(2024, 1, 10, order: 122)))
            #expect(try await ctx.auditCount(AuditAction.export, recordID: "list") == 1)
            var o = Browser(ctx)
            try await o.login("other")
            #expect(!(try await o.get("/children/print").body.string.contains("王小花")))
            var v = Browser(ctx)
            try await v.login("aixin")
            #expect(try await v.get("/children/print").status == .forbidden)
        }
    }

    @Test func correctionsFromTheDetailPage() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let t = try await ctx.token("cun")
            let a = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(ChildBody())).content.decode(ChildDTO.self)
            var dupBody = ChildBody()
            dupBody.name = "王小化"
            dupBody.idNumber = Synthetic.id(2024, 1, 11, order: 122)
            let dup = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(dupBody)).content.decode(ChildDTO.self)

            // The village worker sees no correction forms and may not post them.
            var v = Browser(ctx)
            try await v.login("cun")
            #expect(!(try await v.get("/children/\(dup.id)").body.string.contains(">更正档案<")))
            #expect(try await v.post("/children/\(dup.id)/void", ["reason": "误登记"]).status == .forbidden)

            var b = Browser(ctx)
            try await b.login("town")
            #expect(try await b.get("/children/\(dup.id)").body.string.contains(">更正档案<"))
            // Missing reason: the page comes back naming the field; a wrong target: told so.
            let noReason = try await b.post("/children/\(dup.id)/merge", ["into": ChildBody().idNumber, "mergeReason": ""])
            #expect(noReason.status == .unprocessableEntity && noReason.body.string.contains("此项必须填写"))
            let wrong = try await b.post("/children/\(dup.id)/merge", ["into": dupBody.idNumber, "mergeReason": "重复"])
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("没有找到要保留的档案"))
            // Merged by the surviving child's ID number, as a person has it at hand.
            let merged = try await b.post("/children/\(dup.id)/merge", ["into": ChildBody().idNumber, "mergeReason": "重复登记"])
            #expect(merged.status == .seeOther && merged.headers.first(name: .location) == "/children/\(a.id)")
            #expect(try await Child.find(UUID(uuidString: dup.id), on: ctx.app.db)?.mergedInto?.uuidString == a.id)

            #expect(try await b.post("/children/\(a.id)/void", ["reason": " "]).status == .unprocessableEntity)
            let voided = try await b.post("/children/\(a.id)/void", ["reason": "误登记"])
            #expect(voided.status == .seeOther)
            #expect(try await b.get("/children/\(a.id)").status == .notFound)
            #expect(try await Child.query(on: ctx.app.db).count() == 2, "nothing is deleted")
        }
    }
}
