import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// 结对帮扶试点: recording a campaign, who signed up at its launch meeting, and its progress from pairs and contacts.
@Suite(.serialized) struct CampaignTests {
    static func volunteer(_ ctx: TestContext, _ token: String, name: String, unit: String, order: Int, capacity: Int = 2) async throws
        -> VolunteerDTO
    {
        let body = VolunteerInput(name: name, idNumber: Synthetic.id(1978, 8, 8, order: order), unitCode: unit, capacity: capacity)
        let res = try await ctx.api(.POST, "/api/v1/volunteers", token: token, body: ctx.json(body))
        #expect(res.status == .created, "\(res.body.string)")
        return try res.content.decode(VolunteerDTO.self)
    }

    static func screen(_ ctx: TestContext, _ token: String, _ v: VolunteerDTO) async throws {
        for s in ScreeningStep.allCases {
            #expect(
                try await ctx.api(
                    .POST, "/api/v1/volunteers/\(v.id)/screening", token: token, body: ctx.json(ScreeningInput(step: s.rawValue))
                ).status == .ok)
        }
    }

    /// A pair proposed, approved and started by contacts on the given days.
    static func pair(_ ctx: TestContext, _ tt: String, child: ChildDTO, volunteer: VolunteerDTO, contacts: [String]) async throws -> PairDTO
    {
        let p = try await ctx.api(
            .POST, "/api/v1/pairs", token: tt, body: ctx.json(PairInput(childId: child.id, volunteerId: volunteer.id)))
        #expect(p.status == .created, "\(p.body.string)")
        let pair = try p.content.decode(PairDTO.self)
        #expect(try await ctx.api(.POST, "/api/v1/pairs/\(pair.id)/approve", token: tt).status == .ok)
        for d in contacts {
            let k = try await ctx.api(
                .POST, "/api/v1/pairs/\(pair.id)/contacts", token: tt,
                body: ctx.json(ContactInput(date: d, mode: "visit", minutes: 60, notes: "")))
            #expect(k.status == .created, "\(k.body.string)")
        }
        return pair
    }

    @Test func recordingACampaignIsCheckedScopedAndAudited() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("tiaoguan", .townshipStaff, Codes.tiaoguan)
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            let t = try await ctx.token("cun"), tt = try await ctx.token("town"), other = try await ctx.token("tiaoguan"),
                admin = try await ctx.token("admin")
            let good = CampaignInput(name: "石华堰村结对帮扶试点", unitCode: Codes.shihuayan, launchedOn: "2026-10-01", note: "启动会在村委会")

            // Launching is the township's: a village worker may not record one.
            #expect(try await ctx.api(.POST, "/api/v1/campaigns", token: t, body: ctx.json(good)).status == .forbidden)
            // Every field checked at once, each error naming its field in Chinese.
            let bad = try await ctx.api(
                .POST, "/api/v1/campaigns", token: tt,
                body: ctx.json(CampaignInput(name: " ", unitCode: Codes.county, launchedOn: "2030-01-01")))
            #expect(bad.status == .unprocessableEntity)
            let body = try bad.content.decode(APIErrorBody.self)
            let fields = Dictionary(uniqueKeysWithValues: (body.error.fields ?? []).map { ($0.field, $0.message) })
            #expect(fields["name"] == "此项必须填写" && fields["unitCode"] == "请从列表中选择" && fields["launchedOn"] == "启动会日期不能晚于今天", "\(fields)")
            #expect(
                try await ctx.api(
                    .POST, "/api/v1/campaigns", token: tt,
                    body: ctx.json(CampaignInput(name: "x", unitCode: Codes.shihuayan, launchedOn: "2026-13-01"))
                ).status == .unprocessableEntity)
            // Another township's village is outside the caller's jurisdiction.
            let elsewhere = try await ctx.api(.POST, "/api/v1/campaigns", token: other, body: ctx.json(good))
            #expect(elsewhere.status == .unprocessableEntity && elsewhere.body.string.contains("\"unitCode\""))

            let res = try await ctx.api(.POST, "/api/v1/campaigns", token: tt, body: ctx.json(good))
            #expect(res.status == .created, "\(res.body.string)")
            let k = try res.content.decode(CampaignDTO.self)
            #expect(k.unitCode == Codes.shihuayan && k.launchedOn == "2026-10-01" && k.createdBy == "town" && k.volunteerCount == 0)
            #expect(try await ctx.api(.GET, "/api/v1/campaigns/\(k.id)", token: other).status == .notFound)
            #expect(try await ctx.api(.GET, "/api/v1/campaigns", token: other).content.decode(ListPage<CampaignDTO>.self).total == 0)
            #expect(try await ctx.api(.GET, "/api/v1/campaigns", token: t).content.decode(ListPage<CampaignDTO>.self).total == 1)

            // Sign-ups: from the campaign's township only, once each.
            let a = try await Self.volunteer(ctx, t, name: "刘爱华", unit: Codes.shihuayan, order: 224)
            let far = try await Self.volunteer(ctx, admin, name: "周远方", unit: Codes.tiaoguanVillage, order: 244)
            let signed = try await ctx.api(
                .POST, "/api/v1/campaigns/\(k.id)/volunteers", token: t, body: ctx.json(CampaignVolunteerInput(volunteerId: a.id)))
            #expect(signed.status == .created, "\(signed.body.string)")
            let detail = try signed.content.decode(CampaignDetailDTO.self)
            #expect(
                detail.volunteers.map(\.name) == ["刘爱华"] && detail.volunteers.first?.signedOn == "2026-10-01", "the launch day by default")
            let again = try await ctx.api(
                .POST, "/api/v1/campaigns/\(k.id)/volunteers", token: t, body: ctx.json(CampaignVolunteerInput(volunteerId: a.id)))
            #expect(again.status == .unprocessableEntity && again.body.string.contains("已经报过名"))
            #expect(
                try await ctx.api(
                    .POST, "/api/v1/campaigns/\(k.id)/volunteers", token: tt, body: ctx.json(CampaignVolunteerInput(volunteerId: far.id))
                ).body.string.contains("找不到这位爱心妈妈"))
            let notHere = try await ctx.api(
                .POST, "/api/v1/campaigns/\(k.id)/volunteers", token: admin, body: ctx.json(CampaignVolunteerInput(volunteerId: far.id)))
            #expect(notHere.status == .unprocessableEntity && notHere.body.string.contains("不在试点所在的乡镇"))
            let future = try await ctx.api(
                .POST, "/api/v1/campaigns/\(k.id)/volunteers", token: admin,
                body: ctx.json(CampaignVolunteerInput(volunteerId: a.id, signedOn: "2031-01-01")))
            #expect(future.status == .unprocessableEntity && future.body.string.contains("signedOn"))

            // The trail: the creation and the one sign-up, on the campaign's record.
            #expect(try await ctx.auditCount(AuditAction.create, recordID: k.id) == 1)
            #expect(try await ctx.auditCount(AuditAction.update, recordID: k.id) == 1)

            // The answers are what openapi.json says.
            let v = SchemaValidator(document: try APITests.document())
            for (path, url, status, answer) in [
                ("/api/v1/campaigns", "/api/v1/campaigns", 201, res),
                ("/api/v1/campaigns/{id}/volunteers", "/api/v1/campaigns/\(k.id)/volunteers", 201, signed),
                ("/api/v1/campaigns", "/api/v1/campaigns", 422, bad),
            ] {
                let schema = try #require(v.responseSchema(path: path, method: "POST", status: status), "\(url)")
                #expect(v.validate(try JSONValue.parse(Data(buffer: answer.body)), schema).isEmpty, "\(url)")
            }
            for (path, url) in [("/api/v1/campaigns", "/api/v1/campaigns"), ("/api/v1/campaigns/{id}", "/api/v1/campaigns/\(k.id)")] {
                let r = try await ctx.api(.GET, url, token: tt)
                #expect(r.status == .ok)
                #expect(
                    v.validate(
                        try JSONValue.parse(Data(buffer: r.body)), try #require(v.responseSchema(path: path, method: "GET", status: 200))
                    ).isEmpty, "\(url)")
            }
            #expect(try await HistoryWordsTests.trailLeaks(ctx) == [], "the trail reads in words")
        }
    }

    @Test func progressCountsPairedChildrenContactsOnTimeAndClosedPairs() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let t = try await ctx.token("cun"), tt = try await ctx.token("town")
            let k = try await ctx.api(
                .POST, "/api/v1/campaigns", token: tt,
                body: ctx.json(CampaignInput(name: "试点", unitCode: Codes.shihuayan, launchedOn: "2026-10-01"))
            ).content.decode(CampaignDTO.self)
            let a = try await Self.volunteer(ctx, tt, name: "刘爱华", unit: Codes.shihuayan, order: 224)
            let b = try await Self.volunteer(ctx, tt, name: "张秀兰", unit: Codes.xiaoshiqiao, order: 264)
            let idle = try await Self.volunteer(ctx, tt, name: "陈桂香", unit: Codes.shihuayan, order: 284)
            for v in [a, b] {
                try await Self.screen(ctx, tt, v)
                #expect(
                    try await ctx.api(
                        .POST, "/api/v1/campaigns/\(k.id)/volunteers", token: tt, body: ctx.json(CampaignVolunteerInput(volunteerId: v.id))
                    ).status == .created)
            }
            // Three listed children in the village; a fourth in the next village is not the campaign's.
            let c1 = try await PairingTests.child(ctx, t, order: 122, name: "王一")
            let c2 = try await PairingTests.child(ctx, t, order: 132, name: "王二")
            let c3 = try await PairingTests.child(ctx, t, order: 142, name: "王三")
            var outside = ChildBody(); outside.name = "李四"; outside.idNumber = Synthetic.id(2016, 3, 3, order: 152);
            outside.villageCode = Codes.xiaoshiqiao
            #expect(try await ctx.api(.POST, "/api/v1/children", token: tt, body: ctx.json(outside)).status == .created)

            // c1: started 5 October with one contact — October asked for two, November has none yet: overdue.
            let p1 = try await Self.pair(ctx, tt, child: c1, volunteer: a, contacts: ["2026-10-05"])
            // c2: two contacts in its first month: on time.
            _ = try await Self.pair(ctx, tt, child: c2, volunteer: a, contacts: ["2026-10-03", "2026-10-10"])
            // c3: paired with b, then closed because a parent came home.
            let p3 = try await Self.pair(ctx, tt, child: c3, volunteer: b, contacts: ["2026-10-20"])
            #expect(
                try await ctx.api(
                    .POST, "/api/v1/pairs/\(p3.id)/close", token: tt,
                    body: ctx.json(PairActionInput(note: "妈妈回来了", closeReason: "parent_returned"))
                ).status == .ok)
            _ = idle

            func progress(_ token: String) async throws -> CampaignProgress {
                let r = try await ctx.api(.GET, "/api/v1/campaigns/\(k.id)", token: token)
                #expect(r.status == .ok, "\(r.body.string)")
                return try r.content.decode(CampaignDetailDTO.self).progress
            }
            var p = try await progress(t)
            #expect(p.volunteers == 2 && p.childrenListed == 3 && p.childrenPaired == 2, "\(p)")
            #expect(p.openPairs == 2 && p.activePairs == 2 && p.contactsOnTime == 1 && p.contactsOverdue == 1, "\(p)")
            #expect(p.closedSinceLaunch == 1 && p.closedByReason == ["parent_returned": 1], "\(p)")

            // A contact today puts c1 back in step.
            #expect(
                try await ctx.api(
                    .POST, "/api/v1/pairs/\(p1.id)/contacts", token: t, body: ctx.json(ContactInput(mode: "call", minutes: 20, notes: ""))
                ).status == .created)
            p = try await progress(t)
            #expect(p.contactsOnTime == 2 && p.contactsOverdue == 0, "\(p)")
            // Into December: c1 had its November contact, c2 none.
            ctx.clock.advance(by: 14 * 86_400)
            let tt2 = try await ctx.token("town")
            p = try await progress(tt2)
            #expect(p.contactsOnTime == 1 && p.contactsOverdue == 1, "\(p)")

            let detail = try await ctx.api(.GET, "/api/v1/campaigns/\(k.id)", token: tt2).content.decode(CampaignDetailDTO.self)
            let rows = Dictionary(uniqueKeysWithValues: detail.volunteers.map { ($0.name, $0) })
            #expect(
                rows["刘爱华"]?.openPairs == 2 && rows["刘爱华"]?.activePairs == 2 && rows["张秀兰"]?.closedPairs == 1 && rows["张秀兰"]?.openPairs == 0
            )
            #expect(rows["陈桂香"] == nil, "only those who signed up")
            #expect(try await HistoryWordsTests.trailLeaks(ctx) == [], "the trail reads in words")
        }
    }

    @Test func pagesListShowAndKeepWhatWasTyped() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("aixin", .volunteer, Codes.shihuayan)
            let tt = try await ctx.token("town")
            let v = try await Self.volunteer(ctx, tt, name: "刘爱华", unit: Codes.shihuayan, order: 224)
            var b = Browser(ctx)
            try await b.login("town")
            let list = try await b.get("/campaigns")
            #expect(list.status == .ok && list.body.string.contains("结对帮扶试点") && list.body.string.contains("登记新试点"))

            // Errors beside the fields and above the form, naming the field; what was typed stays.
            let bad = try await b.post(
                "/campaigns", ["name": "", "unitCode": Codes.shihuayan, "launchedOn": "2031-05-01", "note": "村委会二楼"])
            #expect(bad.status == .unprocessableEntity)
            let html = bad.body.string
            #expect(html.contains("试点名称：此项必须填写") && html.contains("启动会日期：启动会日期不能晚于今天"), "\(html)")
            #expect(
                html.contains("value=\"2031-05-01\"") && html.contains("value=\"村委会二楼\"")
                    && html.contains("value=\"\(Codes.shihuayan)\" selected"))

            let ok = try await b.post(
                "/campaigns", ["name": "石华堰村试点", "unitCode": Codes.shihuayan, "launchedOn": "2026-11-01", "note": ""])
            #expect(ok.status == .seeOther)
            let page = try #require(ok.headers.first(name: .location))
            let shown = try await b.get(page)
            #expect(
                shown.status == .ok && shown.body.string.contains("石华堰村试点") && shown.body.string.contains("已结对儿童")
                    && shown.body.string.contains("刘爱华"))
            let add = try await b.post(page + "/volunteers", ["volunteerId": v.id, "signedOn": ""])
            #expect(add.status == .seeOther)
            let after = try await b.get(page)
            #expect(after.body.string.contains("2026-11-01") && after.body.string.contains("本乡镇没有可以添加的爱心妈妈了"))
            let twice = try await b.post(page + "/volunteers", ["volunteerId": v.id, "signedOn": ""])
            #expect(twice.status == .unprocessableEntity && twice.body.string.contains("爱心妈妈：这位爱心妈妈已经报过名了"))

            _ = try await b.get("/lang/en?back=/")
            b.cookies["guanai_lang"] = "en"
            let en = try await b.get(page)
            #expect(en.status == .ok && en.body.string.contains("Children paired") && en.body.string.contains("Volunteers who signed up"))
            #expect(try await b.get("/campaigns").body.string.contains("Pilot campaigns"))

            // A village worker sees the page but cannot record a campaign; a volunteer sees neither.
            var c = Browser(ctx)
            try await c.login("cun")
            let village = try await c.get("/campaigns")
            #expect(village.status == .ok && !village.body.string.contains("name=\"launchedOn\""))
            #expect(
                try await c.post("/campaigns", ["name": "x", "unitCode": Codes.shihuayan, "launchedOn": "2026-11-01"]).status == .forbidden)
            var m = Browser(ctx)
            try await m.login("aixin")
            #expect(try await m.get("/campaigns").status == .forbidden)
        }
    }
}
