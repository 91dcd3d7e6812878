import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// Job fairs (issue 18, item 4): fairs, employers, postings, attendees, intents, hires and the hire's follow-up,
/// each refusal naming its field, each repeat a 409, each write scoped and audited.
@Suite(.serialized) struct JobFairTests {
    /// A woman registered through the API in `village`; returns her person id.
    static func woman(_ ctx: TestContext, _ token: String, _ name: String, village: String, order: Int) async throws -> String {
        let body: [String: AnyEncodable] = [
            "name": .init(name), "idNumber": .init(Synthetic.id(1990, 3, 3, order: order)), "villageCode": .init(village),
            "hukou": .init("rural"),
        ]
        let r = try await ctx.api(.POST, "/api/v1/women", token: token, body: ctx.json(body))
        #expect(r.status == .created, "\(r.body.string)")
        return try r.content.decode(WomanDTO.self).personId
    }

    static func post(_ ctx: TestContext, _ path: String, _ token: String, _ body: some Encodable) async throws -> TestingHTTPResponse {
        try await ctx.api(.POST, path, token: token, body: ctx.json(body))
    }

    @Test func aFairIsCheckedScopedAndItsPostingsPayRunsUpwards() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("far", .townshipStaff, Codes.tiaoguan)
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("renshe", .partnerHR, Codes.county)
            try await ctx.makeUser("insp", .inspector, Codes.county)
            try await ctx.makeUser("weijian", .partnerHealth, Codes.county)
            let town = try await ctx.token("town"), far = try await ctx.token("far"), cun = try await ctx.token("cun")
            let hr = try await ctx.token("renshe"), insp = try await ctx.token("insp")

            let empty = try await Self.post(ctx, "/api/v1/job-fairs", town, JobFairInput())
            #expect(empty.status == .unprocessableEntity)
            #expect(try StationTests.errorFields(empty) == ["name", "unitCode", "date"])
            let bad = try await Self.post(
                ctx, "/api/v1/job-fairs", town, JobFairInput(name: "x", unitCode: Codes.taohuashan, date: "2027-02-30"))
            #expect(try StationTests.errorFields(bad) == ["date"])
            let spring = JobFairInput(name: "桃花山镇春风送岗位", unitCode: Codes.taohuashan, date: "2027-02-20", place: "镇文化广场")
            #expect(try await Self.post(ctx, "/api/v1/job-fairs", far, spring).status == .notFound)
            #expect(try await Self.post(ctx, "/api/v1/job-fairs", cun, spring).status == .notFound)
            #expect(try await Self.post(ctx, "/api/v1/job-fairs", insp, spring).status == .forbidden)
            let made = try await Self.post(ctx, "/api/v1/job-fairs", town, spring)
            #expect(made.status == .created, "\(made.body.string)")
            let fair = try made.content.decode(JobFairDTO.self)
            let path = "/api/v1/job-fairs/\(fair.id)"

            #expect(try await ctx.api(.GET, path, token: far).status == .notFound)
            #expect(try await ctx.api(.GET, path, token: insp).status == .ok)
            #expect(try await ctx.api(.GET, path, token: try await ctx.token("weijian")).status == .forbidden)
            let moved = try await ctx.api(.PATCH, path, token: hr, body: ctx.json(JobFairInput(place: "镇政府礼堂")))
            let movedFair = try moved.content.decode(JobFairDTO.self)
            #expect(moved.status == .ok && movedFair.place == "镇政府礼堂" && movedFair.name == spring.name)

            #expect(try await Self.post(ctx, path + "/employers", insp, FairEmployerInput(name: "某厂")).status == .forbidden)
            let noName = try await Self.post(ctx, path + "/employers", hr, FairEmployerInput(phone: "12"))
            #expect(try StationTests.errorFields(noName) == ["name", "phone"])
            let employer = try await Self.post(ctx, path + "/employers", hr, FairEmployerInput(name: "荆州某服装厂", industry: "制造"))
            #expect(employer.status == .created)
            let eid = try employer.content.decode(FairEmployerDTO.self).id

            func posting(_ min: String?, _ max: String?, openings: Int?, employer: String? = nil) async throws -> TestingHTTPResponse {
                try await Self.post(
                    ctx, path + "/postings", town,
                    FairPostingInput(
                        employerId: employer ?? eid, title: "缝纫工", payMin: min, payMax: max, hours: "8:00-17:00", suitsCarers: true,
                        openings: openings))
            }
            let upside = try await posting("4000.01", "4000.00", openings: 2)
            #expect(upside.status == .unprocessableEntity)
            #expect(try StationTests.errorFields(upside) == ["payMin", "payMax"])
            #expect(try StationTests.errorFields(try await posting("3000", "4000", openings: 0)) == ["openings"])
            #expect(try StationTests.errorFields(try await posting("3000", "4000", openings: nil)) == ["openings"])
            #expect(try StationTests.errorFields(try await posting("3k", "4000", openings: 1)) == ["payMin"])
            #expect(try StationTests.errorFields(try await posting("1", "2", openings: 1, employer: UUID().uuidString)) == ["employerId"])
            let ok = try await posting("3000", "4500.5", openings: 1)
            #expect(ok.status == .created, "\(ok.body.string)")
            let p = try ok.content.decode(FairPostingDTO.self)
            #expect(p.payMin == "3000.00" && p.payMax == "4500.50" && p.suitsCarers && p.openings == 1)
            #expect(try await FairPosting.query(on: ctx.app.db).count() == 1)

            let trail = try await AuditEntry.query(on: ctx.app.db).filter(\.$recordType == AuditSubject.employment.rawValue).all()
            #expect(trail.count == 4)
            #expect(trail.contains { $0.recordID == fair.id && $0.action == AuditAction.update.rawValue })

            let list = try await ctx.api(.GET, "/api/v1/job-fairs?unit=\(Codes.tiaoguan)", token: town)
            let page = try list.content.decode(ListPage<JobFairDTO>.self)
            #expect(page.total == 1 && page.items.first?.employers == 1 && page.items.first?.postings == 1)
            #expect(try await ctx.api(.GET, "/api/v1/job-fairs", token: far).content.decode(ListPage<JobFairDTO>.self).total == 0)
        }
    }

    @Test func attendeesIntentsHiresAndTheFollowupEachOnce() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("far", .townshipStaff, Codes.tiaoguan)
            try await ctx.makeUser("insp", .inspector, Codes.county)
            try await ctx.makeUser("vol", .volunteer, Codes.shihuayan)
            let admin = try await ctx.token("admin"), town = try await ctx.token("town"), cun = try await ctx.token("cun")
            let a = try await Self.woman(ctx, admin, "周春兰", village: Codes.shihuayan, order: 402)
            let b = try await Self.woman(ctx, admin, "吴秋菊", village: Codes.xiaoshiqiao, order: 404)
            let far = try await Self.woman(ctx, admin, "郑冬梅", village: Codes.tiaoguanVillage, order: 406)
            let man = try await Self.post(ctx, "/api/v1/children", admin, ChildBody())
            #expect(man.status == .created)
            let father = try #require(try await Person.query(on: ctx.app.db).filter(\.$name == "王大山").first()).id!.uuidString

            // A fair in 石华堰村: the village worker works on it, for her own village's women.
            let fair = try await Self.post(
                ctx, "/api/v1/job-fairs", cun, JobFairInput(name: "石华堰村春风送岗位", unitCode: Codes.shihuayan, date: "2026-11-18")
            ).content.decode(JobFairDTO.self)
            let path = "/api/v1/job-fairs/\(fair.id)"
            let e = try await Self.post(ctx, path + "/employers", town, FairEmployerInput(name: "石首某电商")).content.decode(
                FairEmployerDTO.self)
            let one = try await Self.post(ctx, path + "/postings", town, FairPostingInput(employerId: e.id, title: "客服", openings: 1))
                .content.decode(FairPostingDTO.self)
            let two = try await Self.post(ctx, path + "/postings", town, FairPostingInput(employerId: e.id, title: "打包", openings: 2))
                .content.decode(FairPostingDTO.self)

            #expect(try StationTests.errorFields(try await Self.post(ctx, path + "/attendees", cun, FairPersonInput())) == ["personId"])
            #expect(
                try StationTests.errorFields(try await Self.post(ctx, path + "/attendees", cun, FairPersonInput(personId: b))) == [
                    "personId"
                ])
            #expect(
                try StationTests.errorFields(try await Self.post(ctx, path + "/attendees", town, FairPersonInput(personId: far))) == [
                    "personId"
                ])
            #expect(
                try StationTests.errorFields(try await Self.post(ctx, path + "/attendees", admin, FairPersonInput(personId: father))) == [
                    "personId"
                ])
            #expect(
                try await Self.post(ctx, path + "/attendees", try await ctx.token("vol"), FairPersonInput(personId: a)).status == .forbidden
            )
            #expect(
                try await Self.post(ctx, path + "/attendees", try await ctx.token("far"), FairPersonInput(personId: a)).status == .notFound)
            let came = try await Self.post(ctx, path + "/attendees", cun, FairPersonInput(personId: a))
            #expect(came.status == .created, "\(came.body.string)")
            #expect(try came.content.decode(FairPersonDTO.self).personName == "周春兰")
            let again = try await Self.post(ctx, path + "/attendees", town, FairPersonInput(personId: a))
            #expect(again.status == .conflict)
            let cameID = try came.content.decode(FairPersonDTO.self).id
            #expect(try again.content.decode(APIErrorBody.self).error.existingId == cameID)
            #expect(try await Self.post(ctx, path + "/attendees", town, FairPersonInput(personId: b)).status == .created)

            // An intent: an attendee, a posting of this fair.
            let other = try await Self.post(
                ctx, "/api/v1/job-fairs", town, JobFairInput(name: "另一场", unitCode: Codes.taohuashan, date: "2026-11-19")
            ).content.decode(JobFairDTO.self)
            let otherE = try await Self.post(ctx, "/api/v1/job-fairs/\(other.id)/employers", town, FairEmployerInput(name: "别家"))
                .content.decode(FairEmployerDTO.self)
            let otherP = try await Self.post(
                ctx, "/api/v1/job-fairs/\(other.id)/postings", town, FairPostingInput(employerId: otherE.id, title: "x", openings: 1)
            ).content.decode(FairPostingDTO.self)
            let stranger = try await Self.post(ctx, path + "/intents", admin, FairPersonInput(personId: far, postingId: otherP.id))
            #expect(try StationTests.errorFields(stranger) == ["personId", "postingId"])
            #expect(try await Self.post(ctx, path + "/intents", cun, FairPersonInput(personId: a, postingId: one.id)).status == .created)
            #expect(try await Self.post(ctx, path + "/intents", cun, FairPersonInput(personId: a, postingId: one.id)).status == .conflict)

            // Hires: within the openings, once per woman and posting; a follow-up asked three months on.
            let hired = try await Self.post(ctx, path + "/hires", cun, FairPersonInput(personId: a, postingId: one.id))
            #expect(hired.status == .created, "\(hired.body.string)")
            let hire = try hired.content.decode(FairPersonDTO.self)
            #expect(hire.hiredOn == "2026-11-18" && hire.followupDue == "2027-02-18" && hire.followupCheckOn == "2027-02-25")
            #expect(try await Self.post(ctx, path + "/hires", cun, FairPersonInput(personId: a, postingId: one.id)).status == .conflict)
            let full = try await Self.post(ctx, path + "/hires", town, FairPersonInput(personId: b, postingId: one.id))
            #expect(full.status == .unprocessableEntity)
            #expect(try StationTests.errorFields(full) == ["postingId"])
            #expect(try await Self.post(ctx, path + "/hires", town, FairPersonInput(personId: b, postingId: two.id)).status == .created)

            let fpath = "/api/v1/job-fair-hires/\(hire.id)/followups"
            #expect(
                try await Self.post(ctx, fpath, try await ctx.token("insp"), FairFollowupInput(outcome: "employed")).status == .forbidden)
            #expect(try await Self.post(ctx, fpath, try await ctx.token("far"), FairFollowupInput(outcome: "employed")).status == .notFound)
            #expect(try StationTests.errorFields(try await Self.post(ctx, fpath, cun, FairFollowupInput(outcome: "rich"))) == ["outcome"])
            let done = try await Self.post(ctx, fpath, cun, FairFollowupInput(outcome: "employed", note: "在电商公司做客服"))
            #expect(done.status == .created, "\(done.body.string)")
            #expect(try await Self.post(ctx, fpath, town, FairFollowupInput(outcome: "not_working")).status == .conflict)
            let row = try #require(try await FairHire.find(UUID(uuidString: hire.id), on: ctx.app.db))
            #expect(row.followupCheckOn == nil)

            let detail = try await ctx.api(.GET, path, token: town).content.decode(JobFairDetailDTO.self)
            #expect(detail.attendees.count == 2 && detail.intents.count == 1 && detail.hires.count == 2)
            #expect(detail.hires.first?.followup?.outcome == "employed" && detail.hires.last?.followupCheckOn == "2027-02-25")
            #expect(detail.postings.map(\.hired) == [1, 1] && detail.fair.hires == 2 && detail.fair.attendees == 2)
            // The village worker reads the fair of her village; the other village's woman stays unnamed for her.
            let hers = try await ctx.api(.GET, path, token: cun).content.decode(JobFairDetailDTO.self)
            #expect(hers.attendees.map(\.personName) == ["周春兰", nil])
            let hersBody = try await ctx.api(.GET, path, token: cun).body.string
            #expect(!hersBody.contains("吴秋菊"))
        }
    }
}

/// The fairs' pages: a refused form comes back with what was typed and a message by the field; the fair's page, the
/// phone page and the follow-up form record what the API records; the exports take the list away.
@Suite(.serialized) struct JobFairPageTests {
    @Test func theFairIsRunFromItsPages() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("insp", .inspector, Codes.county)
            let admin = try await ctx.token("admin")
            let a = try await JobFairTests.woman(ctx, admin, "孙春燕", village: Codes.shihuayan, order: 412)
            var b = Browser(ctx)
            try await b.login("town")
            #expect(try await b.get("/job-fairs").status == .ok)
            #expect(try await b.get("/job-fairs/new").status == .ok)
            let refused = try await b.post("/job-fairs/new", ["name": "桃花山春风送岗位", "unitCode": Codes.taohuashan, "date": "2027-13-01"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("桃花山春风送岗位") && refused.body.string.contains("field-error"))
            #expect(try await JobFair.query(on: ctx.app.db).count() == 0)
            let made = try await b.post("/job-fairs/new", ["name": "桃花山春风送岗位", "unitCode": Codes.taohuashan, "date": "2026-11-18"])
            #expect(made.status == .seeOther)
            let page = try #require(made.headers.first(name: .location))
            #expect(try await b.post(page + "/employers", ["name": "演示制衣厂", "industry": "服装"]).status == .seeOther)
            let employer = try #require(try await FairEmployer.query(on: ctx.app.db).first()).id!.uuidString
            let upside = try await b.post(
                page + "/postings",
                ["employerId": employer, "title": "车工", "payMin": "5000", "payMax": "4000", "openings": "2", "suitsCarers": "1"])
            #expect(upside.status == .unprocessableEntity)
            #expect(upside.body.string.contains("车工") && upside.body.string.contains("最低工资不能高于最高工资"))
            #expect(
                try await b.post(
                    page + "/postings",
                    ["employerId": employer, "title": "车工", "payMin": "3500", "payMax": "4000", "openings": "2", "suitsCarers": "1"]
                ).status == .seeOther)
            let posting = try #require(try await FairPosting.query(on: ctx.app.db).first())
            #expect(posting.suitsCarers && posting.payMaxFen == 400_000)

            // The phone page finds her by name and records her with one button; a second time she shows as attending.
            let found = try await b.get(page + "/attend?q=" + "孙春".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)
            #expect(found.status == .ok && found.body.string.contains("孙春燕") && found.body.string.contains(a))
            #expect(try await b.post(page + "/attendees", ["personId": a]).status == .seeOther)
            let twice = try await b.post(page + "/attendees", ["personId": a])
            #expect(twice.status == .conflict && twice.body.string.contains("她已登记参加这场招聘会"))
            #expect(try await b.post(page + "/intents", ["personId": a, "postingId": posting.id!.uuidString]).status == .seeOther)
            #expect(try await b.post(page + "/hires", ["personId": a, "postingId": posting.id!.uuidString]).status == .seeOther)
            let hire = try #require(try await FairHire.query(on: ctx.app.db).first())
            let shown = try await b.get(page)
            #expect(shown.body.string.contains("适合照顾家庭") && shown.body.string.contains("3,500.00–4,000.00"))
            #expect(shown.body.string.contains("/job-fair-hires/\(hire.id!.uuidString)/followups"))

            // Hired 2026-11-18: due 2027-02-18, late from 2027-02-25 (99 days on); recording it clears the check day.
            ctx.clock.advance(by: 98 * 86_400)
            b = Browser(ctx)
            try await b.login("town")
            #expect(!(try await b.get(page).body.string.contains("回访已逾期")))
            ctx.clock.advance(by: 86_400)
            try await b.login("town")
            #expect(try await b.get(page).body.string.contains("回访已逾期"))
            let noOutcome = try await b.post("/job-fair-hires/\(hire.id!.uuidString)/followups", ["note": "电话回访"])
            #expect(noOutcome.status == .unprocessableEntity && noOutcome.body.string.contains("电话回访"))
            let done = try await b.post("/job-fair-hires/\(hire.id!.uuidString)/followups", ["outcome": "employed"])
            #expect(done.status == .seeOther)
            #expect(try await FairHire.find(hire.id, on: ctx.app.db)?.followupCheckOn == nil)
            #expect(!(try await b.get(page).body.string.contains("回访已逾期")))

            var inspector = Browser(ctx)
            try await inspector.login("insp")
            let read = try await inspector.get(page)
            #expect(read.status == .ok && read.body.string.contains("孙春燕") && !read.body.string.contains("method=\"post\" action=\"/job"))
            let csv = try await inspector.get(page + "/export?format=csv")
            #expect(csv.status == .ok && csv.body.string.contains("孙春燕") && csv.body.string.contains("车工"))
            let list = try await inspector.get("/job-fairs/export?format=csv")
            #expect(list.status == .ok && list.body.string.contains("桃花山春风送岗位"))
            #expect(try await inspector.get(page + "/attend").status == .forbidden)
        }
    }
}
