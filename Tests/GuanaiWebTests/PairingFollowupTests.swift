import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// The volunteer's own view, her contacts and concerns, the contact cadence and its reminders, staff check-ins,
/// and the staff pages.
@Suite(.serialized) struct PairingFollowupTests {
    /// A day in 石首 at 10:00 (02:00 UTC), for moving the clock and running sweeps.
    static func day(_ iso: String) -> Date {
        let d = CivilDate(iso: iso)!
        return Date(timeIntervalSince1970: Double(d.dayNumber) * 86400 + 2 * 3600)
    }

    struct Setup { let t: String; let tt: String; let a: String; let v: VolunteerDTO; let child: ChildDTO; let pair: PairDTO }

    /// A village worker, township staff, a volunteer account linked to a screened volunteer, and one approved pair.
    static func setup(_ ctx: TestContext) async throws -> Setup {
        try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
        try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
        try await ctx.makeUser("aixin", .volunteer, Codes.shihuayan)
        let t = try await ctx.token("cun"), tt = try await ctx.token("town"), a = try await ctx.token("aixin")
        let body = VolunteerInput(
            name: "刘爱华", idNumber: Synthetic.id(1978, 8, 8, order: 224), phone: "13912345678", unitCode: Codes.shihuayan,
            skills: ["tutoring"], capacity: 2, account: "aixin")
        let created = try await ctx.api(.POST, "/api/v1/volunteers", token: t, body: ctx.json(body))
        #expect(created.status == .created, "\(created.body.string)")
        let v = try created.content.decode(VolunteerDTO.self)
        for s in ScreeningStep.allCases {
            _ = try await ctx.api(
                .POST, "/api/v1/volunteers/\(v.id)/screening", token: tt, body: ctx.json(ScreeningInput(step: s.rawValue)))
        }
        let c = try await PairingTests.child(ctx, t, order: 122, name: "欧阳小雨")
        let p = try await ctx.api(.POST, "/api/v1/pairs", token: t, body: ctx.json(PairInput(childId: c.id, volunteerId: v.id))).content
            .decode(PairDTO.self)
        _ = try await ctx.api(.POST, "/api/v1/pairs/\(p.id)/approve", token: tt)
        return Setup(t: t, tt: tt, a: a, v: v, child: c, pair: p)
    }

    @Test func aVolunteerSeesOnlyHerChildrenAndOnlyTheseFields() async throws {
        try await withTestApp { ctx in
            let s = try await Self.setup(ctx)
            // Another child, unpaired; and another volunteer's pair.
            let other = try await PairingTests.child(ctx, s.t, order: 132, name: "李明明")
            let v2 = try await ctx.api(
                .POST, "/api/v1/volunteers", token: s.t,
                body: ctx.json(VolunteerInput(name: "陈秀梅", idNumber: Synthetic.id(1980, 1, 2, order: 244), unitCode: Codes.shihuayan))
            ).content.decode(VolunteerDTO.self)
            for st in ScreeningStep.allCases {
                _ = try await ctx.api(
                    .POST, "/api/v1/volunteers/\(v2.id)/screening", token: s.tt, body: ctx.json(ScreeningInput(step: st.rawValue)))
            }
            let third = try await PairingTests.child(ctx, s.t, order: 142, name: "赵小军")
            let p3 = try await ctx.api(.POST, "/api/v1/pairs", token: s.t, body: ctx.json(PairInput(childId: third.id, volunteerId: v2.id)))
                .content.decode(PairDTO.self)
            _ = try await ctx.api(.POST, "/api/v1/pairs/\(p3.id)/approve", token: s.tt)
            // A pair of hers only proposed is not hers to see yet.
            _ = try await ctx.api(.POST, "/api/v1/pairs", token: s.t, body: ctx.json(PairInput(childId: other.id, volunteerId: s.v.id)))

            let res = try await ctx.api(.GET, "/api/v1/my/children", token: s.a)
            #expect(res.status == .ok, "\(res.body.string)")
            let json = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as! [String: Any]
            let items = json["items"] as! [[String: Any]]
            #expect(items.count == 1)
            let allowed: Set<String> = [
                "pairId", "status", "givenName", "age", "school", "guardianPhone", "needs", "recentContacts", "contactsThisMonth",
                "contactsDueThisMonth", "overdue",
            ]
            #expect(
                Set(items[0].keys).isSubset(of: allowed) && Set(items[0].keys).isSuperset(of: allowed.subtracting(["school"])),
                "\(items[0].keys)")
            #expect(items[0]["givenName"] as? String == "小雨", "a compound surname is dropped whole")
            #expect(items[0]["guardianPhone"] as? String == "13900000002", "she needs the guardian's number in full to call")
            #expect(items[0]["age"] as? Int == 10)
            for leak in ["欧阳", "李明明", "赵小军", "421081", "张桂兰", "王大山", "13900000001", s.child.id, "riskTier", "householdId"] {
                #expect(!res.body.string.contains(leak), "\(leak) must not reach a volunteer")
            }
            // Everything else of the API is closed to her; another volunteer's pair does not exist for her.
            for path in [
                "/api/v1/children/\(s.child.id)", "/api/v1/children", "/api/v1/pairs/\(s.pair.id)", "/api/v1/pairs/\(s.pair.id)/contacts",
                "/api/v1/pairs",
                "/api/v1/volunteers", "/api/v1/volunteers/\(s.v.id)", "/api/v1/women", "/api/v1/households", "/api/v1/pairing/cadence",
            ] {
                let r = try await ctx.api(.GET, path, token: s.a)
                let status = r.status
                #expect(status == .forbidden || status == .notFound, "\(path): \(status)")
            }
            // Her desk is her inbox: the alert list is not hers to read.
            #expect(try await ctx.api(.GET, "/api/v1/alerts", token: s.a).status == .forbidden)
            #expect(
                try await ctx.api(.POST, "/api/v1/my/pairs/\(p3.id)/contacts", token: s.a, body: ctx.json(ContactInput(mode: "call")))
                    .status == .notFound)
            #expect(
                try await ctx.api(
                    .POST, "/api/v1/children/\(other.id)/visits", token: s.a, body: ctx.json(["date": "2026-11-18", "mode": "home"])
                ).status != .created)
            // Staff cannot use her desk.
            #expect(try await ctx.api(.GET, "/api/v1/my/children", token: s.t).status == .forbidden)

            // Her first contact starts the pair; it is hers, not on her behalf.
            let k = try await ctx.api(
                .POST, "/api/v1/my/pairs/\(s.pair.id)/contacts", token: s.a,
                body: ctx.json(ContactInput(mode: "call", minutes: 20, notes: "问了作业")))
            #expect(k.status == .created, "\(k.body.string)")
            #expect(try k.content.decode(ContactDTO.self).onBehalf == false)
            let bad = try await ctx.api(
                .POST, "/api/v1/my/pairs/\(s.pair.id)/contacts", token: s.a,
                body: ctx.json(ContactInput(date: "2099-01-01", mode: "letter")))
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("\"date\"") && bad.body.string.contains("\"mode\""))
            let after = try await ctx.api(.GET, "/api/v1/my/children", token: s.a).content.decode(ListPage<DeskChild>.self)
            #expect(
                after.items.first?.status == "active" && after.items.first?.recentContacts.first?.notes == "问了作业"
                    && after.items.first?.contactsThisMonth == 1)
            #expect(try await ctx.auditCount(AuditAction.view, recordID: s.pair.id) >= 2, "each look at her child is audited")

            // Closed: out of her sight at once.
            _ = try await ctx.api(
                .POST, "/api/v1/pairs/\(s.pair.id)/close", token: s.t, body: ctx.json(PairActionInput(note: "搬家", closeReason: "moved")))
            #expect(try await ctx.api(.GET, "/api/v1/my/children", token: s.a).content.decode(ListPage<DeskChild>.self).total == 0)
            #expect(
                try await ctx.api(.POST, "/api/v1/my/pairs/\(s.pair.id)/contacts", token: s.a, body: ctx.json(ContactInput(mode: "call")))
                    .status == .notFound)
        }
    }

    @Test func linkingHerAccount() async throws {
        try await withTestApp { ctx in
            let s = try await Self.setup(ctx)
            let v2 = try await ctx.api(
                .POST, "/api/v1/volunteers", token: s.t,
                body: ctx.json(VolunteerInput(name: "陈秀梅", idNumber: Synthetic.id(1980, 1, 2, order: 244), unitCode: Codes.shihuayan))
            ).content.decode(VolunteerDTO.self)
            let taken = try await ctx.api(
                .PATCH, "/api/v1/volunteers/\(v2.id)", token: s.t, body: ctx.json(VolunteerInput(account: "aixin")))
            #expect(taken.status == .unprocessableEntity && taken.body.string.contains("已经关联"))
            let staff = try await ctx.api(.PATCH, "/api/v1/volunteers/\(v2.id)", token: s.t, body: ctx.json(VolunteerInput(account: "cun")))
            #expect(
                staff.status == .unprocessableEntity && staff.body.string.contains("\"account\""), "only a volunteer account can be linked")
            // Unlinking: she then sees nothing, and her page says why.
            #expect(
                try await ctx.api(.PATCH, "/api/v1/volunteers/\(s.v.id)", token: s.t, body: ctx.json(VolunteerInput(account: ""))).status
                    == .ok)
            #expect(try await ctx.api(.GET, "/api/v1/my/children", token: s.a).content.decode(ListPage<DeskChild>.self).total == 0)
            var b = Browser(ctx)
            try await b.login("aixin")
            #expect(try await b.get("/my").body.string.contains("还没有和爱心妈妈登记关联"))
        }
    }

    @Test func aConcernEntersTheSafetyNetAsAReport() async throws {
        try await withTestApp { ctx in
            let s = try await Self.setup(ctx)
            let empty = try await ctx.api(.POST, "/api/v1/my/pairs/\(s.pair.id)/concerns", token: s.a, body: ctx.json(["seen": " "]))
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("\"seen\""))
            let res = try await ctx.api(
                .POST, "/api/v1/my/pairs/\(s.pair.id)/concerns", token: s.a, body: ctx.json(["seen": "孩子说奶奶住院了，家里只有她一个人"]))
            #expect(res.status == .created, "\(res.body.string)")
            let report = try await Report.query(on: ctx.app.db).filter(\.$childID == UUID(uuidString: s.child.id)!).first()
            #expect(report?.reporter.hasPrefix("刘爱华") == true && report?.status == .open)
            let child = try await ctx.api(.GET, "/api/v1/children/\(s.child.id)", token: s.t).content.decode(ChildDTO.self)
            #expect(child.riskTier == "critical", "an open report makes the child critical")
            let inbox = try await ctx.api(.GET, "/api/v1/alerts", token: s.t)
            #expect(inbox.body.string.contains(s.child.id), "the village worker has the alert")
            #expect(try await HistoryWordsTests.trailLeaks(ctx) == [], "the trail reads in words")
        }
    }

    @Test func remindersFollowTheCadenceOncePerLevel() async throws {
        try await withTestApp { ctx in
            let s = try await Self.setup(ctx)
            // First contact on 2026-11-18 (on her behalf): November asks for two, so December starts overdue.
            _ = try await ctx.api(.POST, "/api/v1/pairs/\(s.pair.id)/contacts", token: s.t, body: ctx.json(ContactInput(mode: "visit")))
            func sweep(_ iso: String) async throws -> Int {
                ctx.clock.set(Self.day(iso))
                return try await SafetySweep.run(on: ctx.app.db, at: Self.day(iso)).contactReminders
            }
            func reminders() async throws -> [String] {
                try await PairReminder.query(on: ctx.app.db).sort(\.$createdAt).all().map { $0.month + ":" + $0.level.rawValue }
            }
            func outbox() async throws -> [OutboxPayload] {
                try await OutboxMessage.query(on: ctx.app.db).all().compactMap {
                    try? JSONDecoder().decode(OutboxPayload.self, from: Data($0.payload.utf8))
                }.filter { $0.kind == "contact_reminder" }
            }
            #expect(try await sweep("2026-11-30") == 0)
            #expect(try await sweep("2026-12-03") == 0, "two days late is not yet a reminder")
            #expect(try await sweep("2026-12-04") == 1)
            #expect(try await sweep("2026-12-04") == 0, "a second sweep sends nothing again")
            #expect(try await reminders() == ["2026-11:volunteer"])
            let first = try await outbox()
            #expect(
                first.count == 1 && first[0].to.username == "aixin" && first[0].childName == "小雨",
                "her message names the child by given name")
            #expect(try await sweep("2026-12-07") == 0)
            #expect(try await sweep("2026-12-08") == 1)
            #expect(try await outbox().contains { $0.to.username == "cun" && $0.level == "village" && $0.childName == "欧阳小雨" })
            #expect(try await sweep("2026-12-15") == 1)
            #expect(try await reminders() == ["2026-11:volunteer", "2026-11:village", "2026-11:township"])
            #expect(try await outbox().contains { $0.to.username == "town" && $0.level == "township" })
            #expect(try await sweep("2026-12-20") == 0)

            // A contact puts the pair back in step; December then has its one contact.
            ctx.clock.set(Self.day("2026-12-21"))
            let dec = try await ctx.api(
                .POST, "/api/v1/my/pairs/\(s.pair.id)/contacts", token: try await ctx.token("aixin"),
                body: ctx.json(ContactInput(mode: "video")))
            #expect(dec.status == .created, "\(dec.body.string)")
            let jan = try await sweep("2027-01-10")
            let after = try await reminders()
            #expect(jan == 0, "\(after)")
            // January passes without one: February's reminders are a new episode.
            #expect(try await sweep("2027-02-04") == 1)
            #expect(try await reminders().last == "2027-01:volunteer")
            // Paused pairs are never reminded; resuming gives the month of resuming as grace.
            let paused = try await ctx.api(
                .POST, "/api/v1/pairs/\(s.pair.id)/pause", token: try await ctx.token("cun"),
                body: ctx.json(PairActionInput(note: "寒假去父母那里")))
            #expect(paused.status == .ok)
            #expect(try await sweep("2027-02-20") == 0)
            ctx.clock.set(Self.day("2027-03-10"))
            #expect(try await ctx.api(.POST, "/api/v1/pairs/\(s.pair.id)/resume", token: try await ctx.token("cun")).status == .ok)
            #expect(try await sweep("2027-03-31") == 0)
            #expect(try await sweep("2027-04-03") == 0, "March, the month of resuming, asks nothing")
            #expect(try await sweep("2027-05-04") == 1, "April does")
            #expect(try await HistoryWordsTests.trailLeaks(ctx) == [], "the trail reads in words")
        }
    }

    @Test func theCadenceIsTheCitysToChange() async throws {
        try await withTestApp { ctx in
            let s = try await Self.setup(ctx)
            try await ctx.makeUser("shi", .cityAdmin, Codes.county)
            let admin = try await ctx.token("shi")
            #expect(
                try await ctx.api(.GET, "/api/v1/pairing/cadence", token: s.t).content.decode(ContactCadenceRules.self)
                    == ContactCadenceRules())
            #expect(
                try await ctx.api(.PUT, "/api/v1/pairing/cadence", token: s.tt, body: ctx.json(["volunteerDays": 1])).status == .forbidden)
            let wrong = try await ctx.api(.PUT, "/api/v1/pairing/cadence", token: admin, body: ctx.json(["villageDays": 20]))
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("villageDays"), "the levels must stay in order")
            let ok = try await ctx.api(
                .PUT, "/api/v1/pairing/cadence", token: admin, body: ctx.json(["firstMonthContacts": 1, "volunteerDays": 1]))
            #expect(try ok.content.decode(ContactCadenceRules.self).firstMonthContacts == 1)
            #expect(try await ctx.auditCount(AuditAction.update, recordID: CadenceSettingsStore.key) == 1)
            // With one contact enough in the first month, November is in step: nothing in December.
            _ = try await ctx.api(.POST, "/api/v1/pairs/\(s.pair.id)/contacts", token: s.t, body: ctx.json(ContactInput(mode: "visit")))
            #expect(try await SafetySweep.run(on: ctx.app.db, at: Self.day("2026-12-10")).contactReminders == 0)
            #expect(try await HistoryWordsTests.trailLeaks(ctx) == [], "the trail reads in words")
        }
    }

    @Test func aPairCanStartOnASetDay() async throws {
        try await withTestApp { ctx in
            let s = try await Self.setup(ctx)
            let c2 = try await PairingTests.child(ctx, s.t, order: 132, name: "李明明")
            let c3 = try await PairingTests.child(ctx, s.t, order: 142, name: "赵小军")
            _ = try await ctx.api(.PATCH, "/api/v1/volunteers/\(s.v.id)", token: s.t, body: ctx.json(VolunteerInput(capacity: 3)))
            let p2 = try await ctx.api(.POST, "/api/v1/pairs", token: s.t, body: ctx.json(PairInput(childId: c2.id, volunteerId: s.v.id)))
                .content.decode(PairDTO.self)
            let bad = try await ctx.api(
                .POST, "/api/v1/pairs/\(p2.id)/approve", token: s.tt, body: ctx.json(PairActionInput(startOn: "2026-13-01")))
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("startOn"))
            let planned = try await ctx.api(
                .POST, "/api/v1/pairs/\(p2.id)/approve", token: s.tt, body: ctx.json(PairActionInput(startOn: "2026-11-25"))
            ).content.decode(PairDTO.self)
            #expect(planned.status == "approved" && planned.startedOn == "2026-11-25")
            #expect(try await SafetySweep.run(on: ctx.app.db, at: Self.day("2026-11-24")).skipped == false)
            #expect(try await PairingService.openPair(child: ChildID(c2.id)!, on: ctx.app.db)?.status == .approved)
            _ = try await SafetySweep.run(on: ctx.app.db, at: Self.day("2026-11-25"))
            let started = try await PairingService.openPair(child: ChildID(c2.id)!, on: ctx.app.db)
            #expect(started?.status == .active && started?.startedOn == "2026-11-25", "the sweep starts it on the day")
            // A day already come starts the pair at once.
            let p3 = try await ctx.api(.POST, "/api/v1/pairs", token: s.t, body: ctx.json(PairInput(childId: c3.id, volunteerId: s.v.id)))
                .content.decode(PairDTO.self)
            let now = try await ctx.api(
                .POST, "/api/v1/pairs/\(p3.id)/approve", token: s.tt, body: ctx.json(PairActionInput(startOn: "2026-11-18"))
            ).content.decode(PairDTO.self)
            #expect(now.status == "active" && now.history.map(\.to) == ["proposed", "approved", "active"])
        }
    }

    @Test func checkinsAreKeptApartFromContacts() async throws {
        try await withTestApp { ctx in
            let s = try await Self.setup(ctx)
            let bad = try await ctx.api(
                .POST, "/api/v1/pairs/\(s.pair.id)/checkins", token: s.t, body: ctx.json(CheckinInput(with: "neighbour", notes: "")))
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("\"with\"") && bad.body.string.contains("\"notes\""))
            let ok = try await ctx.api(
                .POST, "/api/v1/pairs/\(s.pair.id)/checkins", token: s.t,
                body: ctx.json(CheckinInput(with: "guardian", notes: "奶奶说爱心妈妈每周来")))
            #expect(ok.status == .created)
            #expect(
                try await ctx.api(.GET, "/api/v1/pairs/\(s.pair.id)/checkins", token: s.tt).content.decode(ListPage<CheckinDTO>.self).items
                    .map(\.with) == ["guardian"])
            #expect(
                try await ctx.api(.GET, "/api/v1/volunteers/\(s.v.id)", token: s.t).content.decode(VolunteerDTO.self).serviceHours == 0,
                "a check-in is not her service")
            #expect(
                try await ctx.api(
                    .POST, "/api/v1/pairs/\(s.pair.id)/checkins", token: s.a, body: ctx.json(CheckinInput(with: "guardian", notes: "x"))
                ).status == .forbidden)
            #expect(try await HistoryWordsTests.trailLeaks(ctx) == [], "the trail reads in words")
        }
    }

    @Test func staffPagesInBothLanguagesAndFormsThatForgive() async throws {
        try await withTestApp { ctx in
            let s = try await Self.setup(ctx)
            var b = Browser(ctx)
            try await b.login("town")
            for path in [
                "/volunteers", "/volunteers/new", "/volunteers/\(s.v.id)", "/volunteers/\(s.v.id)/print", "/pairs", "/pairs/\(s.pair.id)",
                "/pairing", "/pairing?unit=\(Codes.shihuayan)", "/children/\(s.child.id)",
            ] {
                let zh = try await b.get(path)
                #expect(zh.status == .ok, "\(path)")
                _ = try await b.get("/lang/en?back=/")
                let en = try await b.get(path)
                #expect(
                    en.status == .ok && !en.body.string.contains("pairStatus.") && !en.body.string.contains("volunteer."),
                    "\(path) in English")
                _ = try await b.get("/lang/zh-Hans?back=/")
            }
            #expect(try await b.get("/children/\(s.child.id)").body.string.contains("刘爱华"), "the pair shows on the child's page")
            // A bad registration keeps what was typed and names each field in Chinese.
            let form = try await b.post(
                "/volunteers/new",
                [
                    "name": "黄桂香", "idNumber": "42108119800101123", "phone": "1391234", "unitCode": Codes.shihuayan, "capacity": "9",
                    "organisation": "村妇联",
                ])
            #expect(form.status == .unprocessableEntity)
            for text in ["黄桂香", "村妇联", "42108119800101123", "居民身份证号码", "可同时结对人数"] { #expect(form.body.string.contains(text), "\(text)") }
            // Closing without a reason, from the pair's page.
            let close = try await b.post("/pairs/\(s.pair.id)/close", ["note": "搬走了"])
            #expect(close.status == .unprocessableEntity && close.body.string.contains("结束原因") && close.body.string.contains("搬走了"))
            // A contact recorded for her by staff.
            #expect(
                try await b.post("/pairs/\(s.pair.id)/contacts", ["date": "", "mode": "visit", "minutes": "45", "notes": "代记"]).status
                    == .seeOther)
            let page = try await b.get("/pairs/\(s.pair.id)").body.string
            #expect(page.contains("代记") && page.contains("（代记）") && page.contains("结对中"))
        }
    }

    @Test func approvingSuggestionsFromThePage() async throws {
        try await withTestApp { ctx in
            let s = try await Self.setup(ctx)
            let c2 = try await PairingTests.child(ctx, s.t, order: 132, name: "李明明")
            var b = Browser(ctx)
            try await b.login("town")
            let page = try await b.get("/pairing?unit=\(Codes.shihuayan)").body.string
            guard let m = page.firstMatch(of: /name="pick" value="([^"]+)"/) else { Issue.record("no suggestion on the page"); return }
            #expect(String(m.1).hasPrefix(c2.id + ":" + s.v.id), "the one unpaired child, to the volunteer with room")
            let res = try await b.post("/pairing/approve", ["unit": Codes.shihuayan, "pick": String(m.1)])
            #expect(res.status == .seeOther)
            let pair = try await PairingService.openPair(child: ChildID(c2.id)!, on: ctx.app.db)
            #expect(pair?.status == .approved && pair?.cost != nil)
            // The same suggestion again (someone was quicker): named, not approved twice.
            let again = try await b.post("/pairing/approve", ["unit": Codes.shihuayan, "pick": String(m.1)])
            let location = again.headers.first(name: .location) ?? ""
            #expect(
                location.contains("done=approved") && location.contains("count=0") && !location.contains("%E6"), "tokens only: \(location)")
            let told = try await b.get(location).body.string
            #expect(told.contains("以下没有批准") && told.contains("李明明") && told.contains("已经有结对"), "\(told)")
            // A village worker sees suggestions but cannot approve them.
            var v = Browser(ctx)
            try await v.login("cun")
            #expect(try await v.post("/pairing/approve", ["unit": Codes.shihuayan, "pick": String(m.1)]).status == .forbidden)
        }
    }
}
