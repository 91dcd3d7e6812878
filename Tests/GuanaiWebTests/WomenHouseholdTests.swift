import Testing
import VaporTesting
import Fluent
import GuanaiCore
@testable import GuanaiWeb

@Suite struct WomenHouseholdTests {
    @Test func leftBehindWomanAfterSixMonths() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("weijian", .partnerHealth, Codes.county)
            let t = try await ctx.token("cun")
            // testStart is 2026-11-18; away since May 10 → more than six months.
            let body: [String: AnyEncodable] = [
                "name": .init("陈秀梅"), "idNumber": .init(Synthetic.id(1988, 4, 4, order: 222)), "villageCode": .init(Codes.shihuayan),
                "hukou": .init("rural"),
                "husband": .init(["name": "刘志强", "situation": "working_away", "workPlace": "广东佛山", "since": "2026-05-10"]),
                "childrenInCare": .init(2), "eldersInCare": .init(1), "farming": .init(true), "needs": .init(["development", "safety"]),
                "healthInterest": .init(true),
            ]
            let r = try await ctx.api(.POST, "/api/v1/women", token: t, body: ctx.json(body))
            #expect(r.status == .created, "\(r.body.string)")
            let w = try r.content.decode(WomanDTO.self)
            #expect(w.leftBehind && w.status == "active")
            #expect(w.husband?.situation == "working_away")
            let dup = try await ctx.api(.POST, "/api/v1/women", token: t, body: ctx.json(body))
            #expect(dup.status == .conflict && dup.body.string.contains(w.id))
            // A man's ID number is named as the problem.
            var male = body
            male["idNumber"] = .init(Synthetic.id(1988, 4, 4, order: 221))
            let m = try await ctx.api(.POST, "/api/v1/women", token: t, body: ctx.json(male))
            #expect(m.status == .unprocessableEntity && m.body.string.contains("男性"))
            // Husband comes home: she leaves the list of left-behind women.
            let back = try await ctx.api(.PATCH, "/api/v1/women/\(w.id)", token: t, body: ctx.json(["husband": ["situation": "at_home"]]))
                .content.decode(WomanDTO.self)
            #expect(!back.leftBehind && back.status == "exited")
            // The health partner reads women (her module's people) but may not change them.
            let h = try await ctx.token("weijian")
            #expect(try await ctx.api(.GET, "/api/v1/women?exited=all", token: h).content.decode(ListPage<WomanDTO>.self).total == 1)
            #expect(try await ctx.api(.PATCH, "/api/v1/women/\(w.id)", token: h, body: ctx.json(["farming": false])).status == .forbidden)
            #expect(try await ctx.api(.GET, "/api/v1/children", token: h).status == .forbidden)
        }
    }

    @Test func povertyChangeReclassifiesTheHouseholdsChildren() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let t = try await ctx.token("cun")
            let c = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(ChildBody())).content.decode(ChildDTO.self)
            let hid = try #require(c.householdId)
            let h = try await ctx.api(
                .PATCH, "/api/v1/households/\(hid)", token: t, body: ctx.json(["poverty": "dibao", "address": "石华堰村三组12号"]))
            #expect(h.status == .ok)
            let dto = try h.content.decode(HouseholdDTO.self)
            #expect(dto.members.count >= 3 && dto.poverty == "dibao")
            let after = try await ctx.api(.GET, "/api/v1/children/\(c.id)", token: t).content.decode(ChildDTO.self)
            #expect(after.classification.categories.contains("difficulty_poverty"))
            #expect(
                try await ctx.api(.PATCH, "/api/v1/households/\(hid)", token: t, body: ctx.json(["poverty": "rich"])).status
                    == .unprocessableEntity)
            try await ctx.makeUser("far", .villageWorker, Codes.xiaoshiqiao)
            #expect(try await ctx.api(.GET, "/api/v1/households/\(hid)", token: try await ctx.token("far")).status == .notFound)
            #expect(try await HistoryWordsTests.trailLeaks(ctx) == [], "the trail reads in words")
        }
    }
}

@Suite struct WomenPageTests {
    @Test func registerThroughTheFormAndChangeAHousehold() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            var b = Browser(ctx)
            try await b.login("cun")
            #expect(try await b.get("/women/new").status == .ok)
            let f = [
                "name": "陈秀梅", "idNumber": Synthetic.id(1988, 4, 4, order: 221), "villageCode": Codes.shihuayan, "hukou": "rural",
                "husband.name": "刘志强", "husband.situation": "working_away", "husband.since": "2026-01-01", "childrenInCare": "2",
            ]
            let bad = try await b.post("/women/new", f)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("男性") && bad.body.string.contains("value=\"刘志强\""))
            #expect(bad.body.string.contains("身份证号：身份证号码显示为男性"), "the summary names the field")
            var good = f
            good["idNumber"] = Synthetic.id(1988, 4, 4, order: 222)
            let ok = try await b.post("/women/new", good)
            #expect(ok.status == .seeOther)
            let page = try await b.get(ok.headers.first(name: .location)!)
            #expect(page.body.string.contains("留守妇女") && page.body.string.contains("丈夫外出务工6个月以上"))
            let list = try await b.get("/women")
            #expect(list.body.string.contains("陈秀梅"))
            let w = try #require(try await Woman.query(on: ctx.app.db).first())
            let hid = try #require(w.householdID)
            _ = try await b.get("/households/\(hid)")
            #expect(
                try await b.post("/households/\(hid)", ["poverty": "tekun", "address": "三组", "villageGroup": "三组"]).status == .seeOther)
            #expect(try await Household.find(hid, on: ctx.app.db)?.poverty == "tekun")
            #expect(try await HistoryWordsTests.trailLeaks(ctx) == [], "the trail reads in words")
        }
    }
}

/// Heterogeneous JSON bodies in tests.
struct AnyEncodable: Encodable {
    let encode: (any Encoder) throws -> Void
    init<T: Encodable>(_ v: T) { encode = { try v.encode(to: $0) } }
    func encode(to encoder: any Encoder) throws { try encode(encoder) }
}

@Suite struct WomenListTests {
    @Test func filtersPrintAndHouseholds() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let t = try await ctx.token("cun")
            func woman(_ name: String, order: Int, needs: [String], employment: Bool) async throws {
                let body: [String: AnyEncodable] = [
                    "name": .init(name), "idNumber": .init(Synthetic.id(1988, 4, 4, order: order)), "villageCode": .init(Codes.shihuayan),
                    "hukou": .init("rural"),
                    "husband": .init([
                        "name": name + "夫", "idNumber": Synthetic.id(1986, 1, 1, order: order + 1), "situation": "working_away",
                        "since": "2025-01-01",
                    ]),
                    "needs": .init(needs), "employmentInterest": .init(employment),
                ]
                #expect(try await ctx.api(.POST, "/api/v1/women", token: t, body: ctx.json(body)).status == .created)
            }
            try await woman("陈秀梅", order: 222, needs: ["development", "safety"], employment: true)
            try await woman("李春花", order: 242, needs: ["child_education"], employment: false)
            func names(_ q: String) async throws -> [String] {
                try await ctx.api(.GET, "/api/v1/women?" + q, token: t).content.decode(ListPage<WomanDTO>.self).items.map(\.name).sorted()
            }
            #expect(try await names("") == ["李春花", "陈秀梅"])
            #expect(try await names("need=safety") == ["陈秀梅"])
            #expect(try await names("need=child_education") == ["李春花"])
            #expect(try await names("interest=employment") == ["陈秀梅"])
            #expect(try await names("employmentInterest=true") == ["陈秀梅"])
            #expect(try await names("q=lch") == ["李春花"])

            var b = Browser(ctx)
            try await b.login("cun")
            let list = try await b.get("/women?need=safety").body.string
            #expect(list.contains("陈秀梅") && !list.contains("李春花"))
            #expect(list.contains("/women/print?need=safety"))
            let printed = try await b.get("/women/print?need=safety")
            #expect(printed.status == .ok && printed.body.string.contains("留守妇女台账") && printed.body.string.contains("陈秀梅夫"))
            #expect(try await ctx.auditCount(AuditAction.export, recordID: "list") == 1)

            // Households: the women's (created with them) listed with their registered people.
            #expect(try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(ChildBody())).status == .created)
            let households = try await b.get("/households")
            #expect(households.status == .ok && households.body.string.contains("共 3 条"), "two women's households and the child's")
            let hp = try await b.get("/households/print")
            #expect(hp.status == .ok && hp.body.string.contains("家庭台账"))
            #expect(try await ctx.auditCount(AuditAction.export, recordID: "list") == 2)
        }
    }
}
