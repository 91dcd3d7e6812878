import Testing
import Foundation
import VaporTesting
import Fluent
import GuanaiCore
@testable import GuanaiWeb

/// What a cadre met in real use (issue 14): a quick update that erased an illness, a volunteer reading histories,
/// inboxes that missed new accounts, text from the address shown as a success message, and the smaller things.
@Suite struct RealUseTests {
    static func register(_ ctx: TestContext, _ token: String, _ body: ChildBody = ChildBody()) async throws -> ChildDTO {
        let res = try await ctx.api(.POST, "/api/v1/children", token: token, body: ctx.json(body))
        #expect(res.status == .created, "\(res.body.string)")
        return try res.content.decode(ChildDTO.self)
    }

    static func ids(_ html: String) -> [String] { html.matches(of: /\sid="([^"]+)"/).map { String($0.1) } }

    /// The `<select>` with this element id, as drawn.
    static func select(_ html: String, id: String) -> String? {
        guard let start = html.range(of: "<select id=\"\(id)\"") else { return nil }
        guard let end = html.range(of: "</select>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func aQuickUpdateKeepsWhatItDoesNotChange() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let t = try await ctx.token("cun")
            let c = try await Self.register(ctx, t)
            let g = try #require(c.guardian?.id)
            #expect(c.guardian?.health == "chronic_illness")
            var b = Browser(ctx)
            try await b.login("cun")
            let page = try await b.get("/children/\(c.id)").body.string
            // The guardian's form shows what is stored, and no two elements of the page share an id.
            let health = try #require(Self.select(page, id: "guardian-health"))
            #expect(health.contains("<option value=\"chronic_illness\" selected>"), "\(health)")
            let vital = try #require(Self.select(page, id: "guardian-vitalStatus"))
            #expect(vital.contains("<option value=\"alive\" selected>"))
            let ids = Self.ids(page)
            #expect(
                Set(ids).count == ids.count,
                "duplicate ids: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
            #expect(page.contains("<label for=\"guardian-health\">"))

            // Only 是否健在 changed: the illness stays.
            let r = try await b.post(
                "/people/\(g)/update",
                [
                    "back": "/children/\(c.id)", "vitalStatus": "missing", "vitalStatus.was": "alive",
                    "health": "chronic_illness", "health.was": "chronic_illness",
                ])
            #expect(r.status == .seeOther)
            var p = try #require(try await Person.find(UUID(uuidString: g), on: ctx.app.db))
            #expect(p.vitalStatus == "missing" && p.health == "chronic_illness")
            // A form drawn before the illness was recorded sends 健康 as it was shown: nothing is written back over.
            _ = try await ctx.api(.PATCH, "/api/v1/people/\(g)", token: t, body: ctx.json(["health": "hospitalised"]))
            _ = try await b.post(
                "/people/\(g)/update",
                [
                    "back": "/children/\(c.id)", "vitalStatus": "alive", "vitalStatus.was": "missing",
                    "health": "healthy", "health.was": "healthy",
                ])
            p = try #require(try await Person.find(UUID(uuidString: g), on: ctx.app.db))
            #expect(p.vitalStatus == "alive" && p.health == "hospitalised")
            // The father's situation form: changing the work place leaves the situation as stored.
            _ = try await b.post(
                "/children/\(c.id)/update",
                [
                    "father.situation": "working_away", "father.situation.was": "working_away",
                    "father.workPlace": "湖南长沙", "father.workPlace.was": "广东东莞",
                ])
            let after = try await ctx.api(.GET, "/api/v1/children/\(c.id)", token: t).content.decode(ChildDTO.self)
            #expect(after.father?.situation == "working_away" && after.father?.workPlace == "湖南长沙")
            #expect(after.guardian?.health == "hospitalised")
        }
    }

    @Test func patchChangesOnlyWhatIsSent() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let t = try await ctx.token("cun")
            let c = try await Self.register(ctx, t)
            func patch(_ json: String) async throws -> TestingHTTPResponse {
                try await ctx.api(.PATCH, "/api/v1/children/\(c.id)", token: t, body: ByteBuffer(string: json))
            }
            // A nested key merges onto the stored guardian: her illness, name and relation stay.
            var res = try await patch(#"{"guardian": {"phone": "13900000009"}}"#)
            #expect(res.status == .ok, "\(res.body.string)")
            var d = try res.content.decode(ChildDTO.self)
            #expect(
                d.guardian?.id == c.guardian?.id && d.guardian?.health == "chronic_illness" && d.guardian?.name == "张桂兰"
                    && d.guardian?.relation == "grandmother")
            // The father's work place alone: the situation stays.
            res = try await patch(#"{"father": {"workPlace": "湖南长沙"}}"#)
            d = try res.content.decode(ChildDTO.self)
            #expect(d.father?.situation == "working_away" && d.father?.workPlace == "湖南长沙")
            // Name, school and address; then null clears the school and nothing else.
            res = try await patch(#"{"name": "王小华", "school": "石华堰小学", "address": "石华堰村三组12号"}"#)
            #expect(res.status == .ok, "\(res.body.string)")
            d = try res.content.decode(ChildDTO.self)
            #expect(d.name == "王小华" && d.details[text: .school] == "石华堰小学")
            let hid = try #require(d.householdId)
            let household = try #require(try await Household.find(UUID(uuidString: hid), on: ctx.app.db))
            #expect(household.address == "石华堰村三组12号")
            res = try await patch(#"{"school": null}"#)
            d = try res.content.decode(ChildDTO.self)
            #expect(d.details[text: .school] == nil && d.name == "王小华" && d.needs == ["daily_care", "safety"])
            res = try await patch(#"{"father": {"workPlace": null}}"#)
            d = try res.content.decode(ChildDTO.self)
            #expect(d.father?.workPlace == nil && d.father?.situation == "working_away")
            // A required field cannot be cleared: the answer names it.
            res = try await patch(#"{"livingArrangement": null}"#)
            #expect(res.status == .unprocessableEntity && res.body.string.contains("\"livingArrangement\""))
            // A person's phone: null clears it, absent keys keep health.
            let g = try #require(c.guardian?.id)
            let pr = try await ctx.api(.PATCH, "/api/v1/people/\(g)", token: t, body: ByteBuffer(string: #"{"phone": null}"#))
            #expect(pr.status == .ok, "\(pr.body.string)")
            let person = try #require(try await Person.find(UUID(uuidString: g), on: ctx.app.db))
            #expect(person.phone == nil && person.health == "chronic_illness")
            // Naming someone else as guardian starts from her own details, not the last guardian's illness.
            res = try await patch(#"{"guardian": {"name": "王秀英", "relation": "relative"}}"#)
            #expect(res.status == .ok, "\(res.body.string)")
            d = try res.content.decode(ChildDTO.self)
            #expect(d.guardian?.id != c.guardian?.id && d.guardian?.health == "healthy" && d.guardian?.name == "王秀英")
        }
    }

    @Test func theEditPageChangesWhatWasChanged() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let t = try await ctx.token("cun")
            let c = try await Self.register(ctx, t)
            var b = Browser(ctx)
            try await b.login("cun")
            let form = try await b.get("/children/\(c.id)/edit")
            #expect(form.status == .ok)
            #expect(form.body.string.contains("value=\"王小花\""))
            // Someone else sets the school meanwhile; this form still shows it empty and changes only the name.
            _ = try await ctx.api(.PATCH, "/api/v1/children/\(c.id)", token: t, body: ctx.json(["school": "石华堰小学"]))
            let r = try await b.post(
                "/children/\(c.id)/edit",
                [
                    "name": "王小华", "name.was": "王小花", "school": "", "school.was": "", "grade": "", "grade.was": "",
                    "address": "", "address.was": "", "boarding": "", "boarding.was": "", "needs": "daily_care",
                    "needs.was": "daily_care,safety",
                ])
            #expect(r.status == .seeOther, "\(r.body.string)")
            let d = try await ctx.api(.GET, "/api/v1/children/\(c.id)", token: t).content.decode(ChildDTO.self)
            #expect(d.name == "王小华" && d.details[text: .school] == "石华堰小学" && d.needs == ["daily_care"])
            // An empty name is refused, naming the field, and what was typed stays.
            let bad = try await b.post("/children/\(c.id)/edit", ["name": "", "name.was": "王小华", "school": "新学校", "school.was": "石华堰小学"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("field-error") && bad.body.string.contains("value=\"新学校\""))
            // Out of reach for a volunteer and for another village.
            try await ctx.makeUser("next", .villageWorker, Codes.xiaoshiqiao)
            var o = Browser(ctx)
            try await o.login("next")
            #expect(try await o.get("/children/\(c.id)/edit").status == .notFound)
        }
    }

    /// Every role against the history of a child in and out of its jurisdiction, and a volunteer against her own
    /// paired child and another child of her village.
    @Test(arguments: Role.allCases)
    func historyFollowsTheRecordsOwnRule(_ role: Role) async throws {
        try await withTestApp { ctx in
            let s = try await PairingFollowupTests.setup(ctx)
            let unpaired = try await PairingTests.child(ctx, s.t, order: 132, name: "李明明")
            try await ctx.makeUser("far", .villageWorker, Codes.tiaoguanVillage)
            var far = ChildBody()
            far.idNumber = Synthetic.id(2017, 2, 2, order: 152)
            far.villageCode = Codes.tiaoguanVillage
            far.father = nil; far.mother = nil
            far.guardian = ["name": "周奶奶", "relation": "grandmother"]
            let outside = try await Self.register(ctx, try await ctx.token("far"), far)
            let (unit, _) = AccessTests.placement(role)
            let username = role == .volunteer ? "aixin" : "actor"
            if role != .volunteer {
                try await ctx.makeUser(
                    "actor", role, role == .villageWorker ? Codes.shihuayan : (role == .townshipStaff ? Codes.taohuashan : unit))
            }
            var b = Browser(ctx)
            try await b.login(username)
            let guardianID = try #require(s.child.guardian?.id)
            let allowed = role != .volunteer && (Policy.canRead(role, .audit) || Policy.canRead(role, .child))
            let allowedPerson = role != .volunteer && (Policy.canRead(role, .audit) || Policy.canRead(role, .child))
            for (label, path, ok) in [
                ("paired", "/history/child/\(s.child.id)", allowed), ("unpaired", "/history/child/\(unpaired.id)", allowed),
                ("person", "/history/person/\(guardianID)", allowedPerson),
                ("pair", "/history/pair/\(s.pair.id)", role != .volunteer && (Policy.canRead(role, .audit) || Policy.canRead(role, .pair))),
            ] {
                let res = try await b.get(path)
                #expect(res.status == (ok ? .ok : .forbidden), "\(role) \(label): \(res.status)")
                if !ok { #expect(!res.body.string.contains("张桂兰") && !res.body.string.contains("working_away")) }
            }
            // Outside the jurisdiction nothing is there: 404 for those who could read it, 403 for those who never could.
            let out = try await b.get("/history/child/\(outside.id)")
            let outExpected: HTTPStatus =
                !allowed
                ? .forbidden
                : (role == .cityAdmin || role == .inspector || role == .partnerHealth || role == .partnerHR || role == .partnerJustice
                    ? .ok : .notFound)
            #expect(out.status == outExpected, "\(role) outside: \(out.status)")
            // The audit search is the trail's own page.
            #expect(try await b.get("/audit").status == (Policy.canRead(role, .audit) ? .ok : .forbidden), "\(role) /audit")
        }
    }

    @Test func anInboxIsReadWhenItIsOpened() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            let t = try await ctx.token("cun")
            var alone = ChildBody()
            alone.livingArrangement = "alone"
            let c = try await Self.register(ctx, t, alone)
            #expect(c.riskTier == "critical")
            // Accounts created after the alert was raised see it at once, in the list and on the home page.
            try await ctx.makeUser("newcun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("newtown", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("towninspector", .inspector, Codes.taohuashan)
            for u in ["newcun", "newtown", "towninspector"] {
                let inbox = try await SafetyNetTests.inbox(ctx, try await ctx.token(u))
                #expect(inbox.total == 1 && inbox.items.first?.childId == c.id, "\(u)")
            }
            var b = Browser(ctx)
            try await b.login("newcun")
            #expect(try await b.get("/inbox").body.string.contains(c.name))
            #expect(try await b.get("/").body.string.contains(c.name))
            // The city sees what is escalated to the city, not before.
            #expect(try await SafetyNetTests.inbox(ctx, try await ctx.token("admin")).total == 0)
            ctx.clock.advance(by: 2 * 3600 + 1)
            _ = try await SafetySweep.run(on: ctx.app.db, at: ctx.app.now)
            try await ctx.makeUser("newadmin", .cityAdmin, Codes.county)
            try await ctx.makeUser("cityinspector", .inspector, Codes.county)
            for u in ["admin", "newadmin", "cityinspector"] {
                #expect(try await SafetyNetTests.inbox(ctx, try await ctx.token(u)).total == 1, "\(u)")
            }
            var a = Browser(ctx)
            try await a.login("newadmin")
            #expect(try await a.get("/inbox").body.string.contains(c.name))
            // A volunteer's inbox is her desk; partners have none.
            try await ctx.makeUser("aixin", .volunteer, Codes.shihuayan)
            try await ctx.makeUser("weijian", .partnerHealth, Codes.county)
            for u in ["aixin", "weijian"] {
                #expect(try await ctx.api(.GET, "/api/v1/alerts", token: try await ctx.token(u)).status == .forbidden)
            }
            // The inspector reads it and cannot act on it.
            let id = try #require(try await SafetyNetTests.inbox(ctx, try await ctx.token("cityinspector")).items.first?.id)
            #expect(
                try await ctx.api(.POST, "/api/v1/alerts/\(id)/acknowledge", token: try await ctx.token("cityinspector")).status
                    == .forbidden)
            // Another village's worker, and a township elsewhere, see nothing of it.
            try await ctx.makeUser("next", .villageWorker, Codes.xiaoshiqiao)
            try await ctx.makeUser("othertown", .townshipStaff, Codes.tiaoguan)
            for u in ["next", "othertown"] { #expect(try await SafetyNetTests.inbox(ctx, try await ctx.token(u)).total == 0, "\(u)") }
        }
    }

    @Test func successMessagesComeFromTheCatalogue() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            var b = Browser(ctx)
            try await b.login("town")
            let forged = try await b.get("/pairing?unit=\(Codes.shihuayan)&done=%E8%AF%B7%E6%8B%A8%E6%89%93%E7%94%B5%E8%AF%9D12345")
            #expect(forged.status == .ok)
            #expect(!forged.body.string.contains("请拨打电话12345"))
            let crafted = try await b.get("/pairing?unit=\(Codes.shihuayan)&done=approved&count=3&failed=\(UUID().uuidString):%3Cscript%3E")
            #expect(crafted.body.string.contains("已批准 3 对结对"))
            #expect(!crafted.body.string.contains("<script>") && !crafted.body.string.contains("以下没有批准"))
        }
    }

    @Test func aVillageChairsHomeIsHerVillagesWork() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            var b = Browser(ctx)
            try await b.login("cun")
            let home = try await b.get("/").body.string
            #expect(!home.contains("陆续上线") && !home.contains("区划与账号"))
            #expect(home.contains("本村本月工作") && home.contains("走访逾期"))
            var a = Browser(ctx)
            try await a.login("admin")
            let city = try await a.get("/").body.string
            #expect(!city.contains("陆续上线") && city.contains("乡镇（街道、开发区）"))
        }
    }

    @Test func theChildrenListFiltersByTier() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let t = try await ctx.token("cun")
            var alone = ChildBody()
            alone.livingArrangement = "alone"
            let a = try await Self.register(ctx, t, alone)
            var other = ChildBody()
            other.name = "王小军"
            other.idNumber = Synthetic.id(2015, 7, 7, order: 131)
            _ = try await Self.register(ctx, t, other)
            let critical = try await ctx.api(.GET, "/api/v1/children?tier=critical", token: t).content.decode(
                ListPage<ChildSummaryDTO>.self)
            #expect(critical.total == 1 && critical.items.first?.id == a.id)
            var b = Browser(ctx)
            try await b.login("cun")
            let page = try await b.get("/children?tier=critical").body.string
            #expect(page.contains("风险等级") && page.contains("tag tier-critical") && !page.contains("王小军"))
        }
    }

    /// Five children and three volunteers in one village, without GPS points: every pair costs the same, so the
    /// solver has many optima. Approving one suggestion must leave the other suggestions as they were shown.
    @Test func approvingOneSuggestionLeavesTheOthersAsShown() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let t = try await ctx.token("cun"), tt = try await ctx.token("town")
            for (i, order) in [224, 234, 244].enumerated() {
                let v = try await PairingTests.volunteer(ctx, t, capacity: i == 0 ? 2 : 1, order: order)
                for st in ScreeningStep.allCases {
                    _ = try await ctx.api(
                        .POST, "/api/v1/volunteers/\(v.id)/screening", token: tt, body: ctx.json(ScreeningInput(step: st.rawValue)))
                }
            }
            for (i, name) in ["甲小一", "乙小二", "丙小三", "丁小四", "戊小五"].enumerated() {
                var b = ChildBody()
                b.name = name
                b.idNumber = Synthetic.id(2014 + i, 3, 3, order: 132 + 10 * i)
                b.needs = []
                _ = try await Self.register(ctx, t, b)
            }
            func suggestions() async throws -> SuggestionsDTO {
                try await ctx.api(.POST, "/api/v1/pairing/suggestions", token: tt, body: ctx.json(["unit": Codes.shihuayan])).content
                    .decode(SuggestionsDTO.self)
            }
            let before = try await suggestions()
            #expect(before.suggestions.count == 4 && before.unpaired.count == 1)
            #expect(
                try await suggestions().suggestions.map { $0.childId + $0.volunteerId }
                    == before.suggestions.map { $0.childId + $0.volunteerId }, "the same answer twice")
            var approved = Set<String>()
            for pick in before.suggestions.prefix(2) {
                let p = try await ctx.api(
                    .POST, "/api/v1/pairs", token: tt, body: ctx.json(PairInput(childId: pick.childId, volunteerId: pick.volunteerId))
                ).content.decode(PairDTO.self)
                #expect(try await ctx.api(.POST, "/api/v1/pairs/\(p.id)/approve", token: tt).status == .ok)
                approved.insert(pick.childId)
                let after = try await suggestions()
                #expect(
                    Set(after.suggestions.map { $0.childId + $0.volunteerId })
                        == Set(before.suggestions.filter { !approved.contains($0.childId) }.map { $0.childId + $0.volunteerId }),
                    "after approving \(approved.count): the others as shown")
            }
            let final = try await suggestions()
            #expect(
                Set(final.suggestions.map { $0.childId + $0.volunteerId })
                    == Set(before.suggestions.dropFirst(2).map { $0.childId + $0.volunteerId }))
            #expect(final.unpaired == before.unpaired)
        }
    }

    @Test func aWomansDetailsAreEditedFromHerPage() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("weijian", .partnerHealth, Codes.county)
            let t = try await ctx.token("cun")
            let body: [String: AnyEncodable] = [
                "name": .init("陈秀梅"), "idNumber": .init(Synthetic.id(1988, 4, 4, order: 222)), "villageCode": .init(Codes.shihuayan),
                "hukou": .init("rural"),
                "phone": .init("13900000011"),
                "husband": .init(["name": "刘志强", "situation": "working_away", "workPlace": "广东佛山", "since": "2026-05-10"]),
                "childrenInCare": .init(2), "eldersInCare": .init(1), "farming": .init(true), "needs": .init(["development", "safety"]),
            ]
            let w = try await ctx.api(.POST, "/api/v1/women", token: t, body: ctx.json(body)).content.decode(WomanDTO.self)
            var b = Browser(ctx)
            try await b.login("cun")
            let page = try await b.get("/women/\(w.id)/edit")
            #expect(page.status == .ok && page.body.string.contains("value=\"陈秀梅\""))
            // Only the name and the skills change; a stale page's other values are not written back.
            _ = try await ctx.api(.PATCH, "/api/v1/women/\(w.id)", token: t, body: ctx.json(["eldersInCare": 3]))
            let r = try await b.post(
                "/women/\(w.id)/edit",
                [
                    "name": "陈秀美", "name.was": "陈秀梅", "skills": "缝纫", "skills.was": "", "eldersInCare": "1", "eldersInCare.was": "1",
                    "childrenInCare": "2", "childrenInCare.was": "2", "farming": "1", "farming.was": "1", "needs": "development",
                    "needs.was": "development,safety",
                ])
            #expect(r.status == .seeOther, "\(r.body.string)")
            let d = try await ctx.api(.GET, "/api/v1/women/\(w.id)", token: t).content.decode(WomanDTO.self)
            #expect(
                d.name == "陈秀美" && d.details[text: .skills] == "缝纫" && d.details[count: .eldersInCare] == 3
                    && d.details[count: .childrenInCare] == 2 && d.details[flag: .farming]
                    && d.needs == ["development"])
            #expect(d.husband?.situation == "working_away" && d.husband?.workPlace == "广东佛山")
            // A bad count names the field and keeps what was typed.
            let bad = try await b.post(
                "/women/\(w.id)/edit", ["childrenInCare": "两个", "childrenInCare.was": "2", "skills": "种植", "skills.was": "缝纫"])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("请填写数字") && bad.body.string.contains("value=\"种植\""))
            // The API takes her name and phone too.
            let p = try await ctx.api(.PATCH, "/api/v1/women/\(w.id)", token: t, body: ctx.json(["name": "陈秀梅", "phone": "13900000012"]))
            #expect(p.status == .ok, "\(p.body.string)")
            #expect(try p.content.decode(WomanDTO.self).name == "陈秀梅")
            // A partner reads her and cannot edit.
            var h = Browser(ctx)
            try await h.login("weijian")
            #expect(try await h.get("/women/\(w.id)/edit").status == .forbidden)
        }
    }
}
