import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// Issue 18, Training: courses, enrolments, suggestions, attendance, certificates and follow-ups over HTTP. The test
/// clock stands on Wednesday 2026-11-18.
@Suite(.serialized) struct TrainingTests {
    static func course(
        unit: String = Codes.shihuayan, topic: String = "ecommerce", from: String = "2026-11-02", to: String = "2026-11-06",
        capacity: Int = 30
    ) -> CourseInput {
        CourseInput(
            title: "电商培训班", topic: topic, organiser: "石首市妇联", partner: "市人社局", unitCode: unit, from: from, to: to,
            place: "村委会", capacity: capacity)
    }

    static func create(_ ctx: TestContext, _ token: String, _ input: CourseInput) async throws -> CourseDTO {
        let res = try await ctx.api(.POST, "/api/v1/courses", token: token, body: ctx.json(input))
        #expect(res.status == .created, "\(res.body.string)")
        return try res.content.decode(CourseDTO.self)
    }

    /// A left-behind woman registered through the API; her person's id.
    static func woman(
        _ ctx: TestContext, _ token: String, _ name: String, order: Int, village: String = Codes.shihuayan,
        needs: [String] = [], employment: Bool = true, topics: String? = nil
    ) async throws -> String {
        var body: [String: AnyEncodable] = [
            "name": .init(name), "idNumber": .init(Synthetic.id(1988, 4, 4, order: order)), "villageCode": .init(village),
            "hukou": .init("rural"),
            "husband": .init([
                "name": name + "夫", "idNumber": Synthetic.id(1986, 1, 1, order: order + 1), "situation": "working_away",
                "since": "2025-01-01",
            ]),
            "needs": .init(needs), "employmentInterest": .init(employment),
        ]
        if let topics { body["trainingTopics"] = .init(topics) }
        let res = try await ctx.api(.POST, "/api/v1/women", token: token, body: ctx.json(body))
        #expect(res.status == .created, "\(res.body.string)")
        return try res.content.decode(WomanDTO.self).personId
    }

    static func enrol(_ ctx: TestContext, _ token: String, _ course: String, _ person: String) async throws -> TestingHTTPResponse {
        try await ctx.api(
            .POST, "/api/v1/courses/\(course)/enrolments", token: token, body: ctx.json(TrainingEnrolmentInput(personId: person)))
    }

    static func mark(_ ctx: TestContext, _ token: String, _ course: String, _ day: String, _ entries: [(String, Bool)]) async throws
        -> TestingHTTPResponse
    {
        try await ctx.api(
            .PUT, "/api/v1/courses/\(course)/attendance/\(day)", token: token,
            body: ctx.json(CourseAttendanceInput(entries: entries.map { .init(personId: $0.0, present: $0.1) })))
    }

    @Test func coursesAreCheckedPerFieldScopedAndAudited() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("tiaoguan", .townshipStaff, Codes.tiaoguan)
            try await ctx.makeUser("insp", .inspector, Codes.county)
            try await ctx.makeUser("vol", .volunteer, Codes.shihuayan)
            try await ctx.makeUser("health", .partnerHealth, Codes.county)
            try await ctx.makeUser("renshe", .partnerHR, Codes.county)
            let t = try await ctx.token("cun"), far = try await ctx.token("tiaoguan")

            let empty = try await ctx.api(.POST, "/api/v1/courses", token: t, body: ByteBuffer(string: "{}"))
            #expect(empty.status == .unprocessableEntity)
            #expect(try StationTests.errorFields(empty) == ["title", "topic", "organiser", "unitCode", "from", "to", "capacity"])
            func refused(_ change: (inout CourseInput) -> Void) async throws -> Set<String> {
                var i = Self.course()
                change(&i)
                let r = try await ctx.api(.POST, "/api/v1/courses", token: t, body: ctx.json(i))
                #expect(r.status == .unprocessableEntity, "\(r.body.string)")
                return try StationTests.errorFields(r)
            }
            #expect(try await refused { $0.to = "2026-11-01" } == ["to"])
            #expect(try await refused { $0.from = "2026-11-31" } == ["from"])
            #expect(try await refused { $0.capacity = 0 } == ["capacity"])
            #expect(try await refused { $0.topic = "cooking" } == ["topic"])
            #expect(try await refused { $0.unitCode = "421081104999" } == ["unitCode"])
            #expect(try await Course.query(on: ctx.app.db).count() == 0, "nothing saved")
            // A unit outside her village does not exist for her.
            let outside = try await ctx.api(.POST, "/api/v1/courses", token: t, body: ctx.json(Self.course(unit: Codes.tiaoguanVillage)))
            #expect(outside.status == .notFound)

            let c = try await Self.create(ctx, t, Self.course(capacity: 1))
            #expect(c.capacity == 1 && c.enrolled == 0 && c.topic == "ecommerce" && c.partner == "市人社局")
            let patched = try await ctx.api(.PATCH, "/api/v1/courses/\(c.id)", token: t, body: ctx.json(CourseInput(capacity: 25)))
            #expect(try patched.content.decode(CourseDTO.self).capacity == 25 && patched.content.decode(CourseDTO.self).title == c.title)
            let bad = try await ctx.api(.PATCH, "/api/v1/courses/\(c.id)", token: t, body: ctx.json(CourseInput(to: "2026-10-01")))
            #expect(try StationTests.errorFields(bad) == ["to"])
            let trail = try await AuditEntry.query(on: ctx.app.db).filter(\.$recordID == c.id).all()
            #expect(trail.map(\.action).sorted() == ["create", "update"])

            #expect(try await ctx.api(.GET, "/api/v1/courses/\(c.id)", token: far).status == .notFound)
            #expect(try await ctx.api(.GET, "/api/v1/courses", token: far).content.decode(ListPage<CourseDTO>.self).total == 0)
            let insp = try await ctx.token("insp")
            #expect(try await ctx.api(.GET, "/api/v1/courses/\(c.id)", token: insp).status == .ok)
            #expect(try await ctx.api(.POST, "/api/v1/courses", token: insp, body: ctx.json(Self.course())).status == .forbidden)
            for who in ["vol", "health"] {
                #expect(try await ctx.api(.GET, "/api/v1/courses", token: try await ctx.token(who)).status == .forbidden, "\(who)")
            }
            // The labour department's partner runs courses for the city.
            let hr = try await ctx.token("renshe")
            // The city typed short is stored as the registry writes it.
            let city = try await Self.create(ctx, hr, Self.course(unit: "421081", topic: "domestic_service"))
            #expect(city.unitCode == Codes.county)
            // ?unit= outside the caller's jurisdiction answers for her own.
            let mine = try await ctx.api(.GET, "/api/v1/courses?unit=\(Codes.tiaoguan)", token: t).content.decode(ListPage<CourseDTO>.self)
            #expect(Set(mine.items.map(\.id)) == [c.id, city.id], "her village's course and the city's, which serves her")
        }
    }

    @Test func enrolmentsKeepPlacesOncePerWomanAndTheVillageWorkersReach() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("cun2", .villageWorker, Codes.xiaoshiqiao)
            try await ctx.makeUser("xiang", .townshipStaff, Codes.taohuashan)
            let t = try await ctx.token("cun"), t2 = try await ctx.token("cun2"), x = try await ctx.token("xiang")
            let a = try await Self.woman(ctx, t, "安秀英", order: 402)
            let b = try await Self.woman(ctx, t, "白秀英", order: 412)
            let c = try await Self.woman(ctx, t, "程秀英", order: 422)
            let other = try await Self.woman(ctx, t2, "丁秀英", order: 432, village: Codes.xiaoshiqiao)
            let small = try await Self.create(ctx, t, Self.course(capacity: 2))

            #expect(try await Self.enrol(ctx, t, small.id, a).status == .created)
            let twice = try await Self.enrol(ctx, t, small.id, a)
            #expect(twice.status == .conflict)
            let first = try #require(try await TrainingEnrolment.query(on: ctx.app.db).first())
            #expect(try twice.content.decode(APIErrorBody.self).error.existingId == first.id!.uuidString)
            #expect(try await Self.enrol(ctx, t, small.id, b).status == .created)
            let full = try await Self.enrol(ctx, t, small.id, c)
            #expect(full.status == .unprocessableEntity)
            #expect(try StationTests.errorFields(full) == ["personId"])
            #expect(try StationTests.errorFields(try await Self.enrol(ctx, t, small.id, "")) == ["personId"])
            // A woman of another village is no one she reaches; the husband is no woman.
            #expect(try StationTests.errorFields(try await Self.enrol(ctx, t, small.id, other)) == ["personId"])
            let husband = try #require(try await Person.query(on: ctx.app.db).filter(\.$sex == "male").first())
            let big = try await Self.create(ctx, t, Self.course())
            #expect(try StationTests.errorFields(try await Self.enrol(ctx, t, big.id, husband.id!.uuidString)) == ["personId"])
            #expect(try await TrainingEnrolment.query(on: ctx.app.db).count() == 2)
            #expect(try await ctx.api(.GET, "/api/v1/courses/\(small.id)", token: t).content.decode(CourseDTO.self).enrolled == 2)

            // A township course: each village worker sees it and enrols her own women; each sees only hers.
            let township = try await Self.create(ctx, x, Self.course(unit: Codes.taohuashan, capacity: 10))
            #expect(try await Self.enrol(ctx, t, township.id, c).status == .created)
            #expect(try await Self.enrol(ctx, t2, township.id, other).status == .created)
            #expect(try StationTests.errorFields(try await Self.enrol(ctx, t2, township.id, a)) == ["personId"])
            func names(_ token: String) async throws -> [String] {
                try await ctx.api(.GET, "/api/v1/courses/\(township.id)/enrolments", token: token).content.decode(CourseEnrolmentsDTO.self)
                    .items.map(\.name).sorted()
            }
            #expect(try await names(t) == ["程秀英"])
            #expect(try await names(t2) == ["丁秀英"])
            #expect(try await names(x) == ["丁秀英", "程秀英"])
            // She may not change the township's course.
            let patch = try await ctx.api(.PATCH, "/api/v1/courses/\(township.id)", token: t, body: ctx.json(CourseInput(capacity: 3)))
            #expect(patch.status == .notFound)
            // Nor mark another village's woman.
            let marked = try await Self.mark(ctx, t, township.id, "2026-11-02", [(other, true)])
            #expect(try StationTests.errorFields(marked) == ["entries[0].personId"])
        }
    }

    @Test func suggestionsPutTheTopicFirstThenPoorHouseholds() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let t = try await ctx.token("cun")
            let plain = try await Self.woman(ctx, t, "甲秀", order: 502)
            let poor = try await Self.woman(ctx, t, "乙秀", order: 512, needs: ["development"], employment: false)
            let topic = try await Self.woman(ctx, t, "丙秀", order: 522, topics: "手工、ecommerce")
            _ = try await Self.woman(ctx, t, "丁秀", order: 532, needs: ["safety"], employment: false)
            let enrolled = try await Self.woman(ctx, t, "戊秀", order: 542)
            let w = try #require(try await Woman.query(on: ctx.app.db).filter(\.$personID == UUID(uuidString: poor)!).first())
            let h = try #require(try await Household.find(w.householdID, on: ctx.app.db))
            h.poverty = PovertyStatus.dibao.rawValue
            try await h.save(on: ctx.app.db)
            let c = try await Self.create(ctx, t, Self.course())
            #expect(try await Self.enrol(ctx, t, c.id, enrolled).status == .created)
            let s = try await ctx.api(.GET, "/api/v1/courses/\(c.id)/suggestions", token: t).content.decode(CourseSuggestionsDTO.self)
            #expect(s.items.map(\.personId) == [topic, poor, plain], "丁秀 wants neither work nor development; 戊秀 is enrolled")
            #expect(s.items[0].topicMatch && s.items[0].trainingTopics == ["ecommerce", "handicrafts"] && s.items[1].poor)
            // Her topics are known tokens, kept in Core's order; an unknown one is named.
            let refused = try await ctx.api(
                .POST, "/api/v1/women", token: t,
                body: ctx.json([
                    "name": AnyEncodable("己秀"), "idNumber": .init(Synthetic.id(1988, 4, 4, order: 552)),
                    "villageCode": .init(Codes.shihuayan),
                    "hukou": .init("rural"), "trainingTopics": .init("烹饪"),
                ]))
            #expect(try StationTests.errorFields(refused).contains("trainingTopics"))
        }
    }

    @Test func attendanceCertificatesAtEightyPercentAndFollowUpsOnce() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("root", .cityAdmin, Codes.county)
            let t = try await ctx.token("cun"), root = try await ctx.token("root")
            let a = try await Self.woman(ctx, t, "安春兰", order: 602)
            let b = try await Self.woman(ctx, t, "白春兰", order: 612)
            let c = try await Self.create(ctx, t, Self.course())
            _ = try await Self.enrol(ctx, t, c.id, a)
            _ = try await Self.enrol(ctx, t, c.id, b)
            let rows = try await ctx.api(.GET, "/api/v1/courses/\(c.id)/enrolments", token: t).content.decode(CourseEnrolmentsDTO.self)
                .items
            let ea = try #require(rows.first { $0.personId == a }).id, eb = try #require(rows.first { $0.personId == b }).id
            func complete(_ e: String, _ no: String = "SS-2026-001") async throws -> TestingHTTPResponse {
                try await ctx.api(
                    .POST, "/api/v1/training-enrolments/\(e)/complete", token: t, body: ctx.json(TrainingCompleteInput(certificateNo: no)))
            }
            // No day held yet: no certificate.
            #expect(try StationTests.errorFields(try await complete(ea)) == ["attendance"])
            // Five days: she is there four (exactly 80 %), the other three.
            for (i, day) in ["2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06"].enumerated() {
                let r = try await Self.mark(ctx, t, c.id, day, [(a, i != 2), (b, i < 3)])
                #expect(r.status == .ok, "\(r.body.string)")
            }
            #expect(try StationTests.errorFields(try await Self.mark(ctx, t, c.id, "2026-11-07", [(a, true)])) == ["date"])
            #expect(
                try StationTests.errorFields(try await Self.mark(ctx, t, c.id, "2026-11-02", [(a, true), (a, false)])) == [
                    "entries[1].personId"
                ])
            let sheet = try await ctx.api(.GET, "/api/v1/courses/\(c.id)/attendance/2026-11-04", token: t).content.decode(
                CourseAttendanceDTO.self)
            #expect(Set(sheet.entries.map { "\($0.name)\($0.present == true)" }) == ["安春兰false", "白春兰true"])

            let done = try await complete(ea)
            #expect(done.status == .ok, "\(done.body.string)")
            let d = try done.content.decode(TrainingEnrolmentDTO.self)
            #expect(d.stage == "completed" && d.presentDays == 4 && d.heldDays == 5 && d.certificateNo == "SS-2026-001")
            // Completed on 2026-11-18: the 3-month follow-up is due 2027-02-18, late from a week after.
            #expect(d.completedOn == "2026-11-18" && d.followupCheckOn == "2027-02-25")
            let short = try await complete(eb)
            #expect(short.status == .unprocessableEntity)
            #expect(try StationTests.errorFields(short) == ["attendance"])
            #expect(try StationTests.errorFields(try await complete(ea, "again")) == ["certificateNo"])

            // A follow-up before completion is refused; the threshold is the city's to change.
            func followup(_ e: String, _ month: Int, _ outcome: String = "employed") async throws -> TestingHTTPResponse {
                try await ctx.api(
                    .POST, "/api/v1/training-enrolments/\(e)/followups", token: t,
                    body: ctx.json(TrainingFollowupInput(month: month, outcome: outcome, note: "在县城服装厂上班")))
            }
            #expect(try StationTests.errorFields(try await followup(eb, 3)) == ["month"])
            #expect(
                try await ctx.api(.PUT, "/api/v1/training-rules", token: t, body: ctx.json(["completionPercent": 60])).status == .forbidden)
            let rules = try await ctx.api(.PUT, "/api/v1/training-rules", token: root, body: ctx.json(["completionPercent": 60]))
            #expect(try rules.content.decode(TrainingRules.self).completionPercent == 60)
            #expect(try await complete(eb, "SS-2026-002").status == .ok)

            let three = try await followup(ea, 3)
            #expect(three.status == .created, "\(three.body.string)")
            let again = try await followup(ea, 3, "not_working")
            #expect(again.status == .conflict)
            #expect(try again.content.decode(APIErrorBody.self).error.existingId == (try three.content.decode(TrainingFollowupDTO.self).id))
            #expect(try StationTests.errorFields(try await followup(ea, 4)) == ["month"])
            func checkOn() async throws -> String? {
                try await ctx.api(.GET, "/api/v1/courses/\(c.id)/enrolments", token: t).content.decode(CourseEnrolmentsDTO.self).items
                    .first { $0.id == ea }?.followupCheckOn
            }
            #expect(try await checkOn() == "2027-05-25")
            #expect(try await followup(ea, 6, "self_employed").status == .created)
            #expect(try await checkOn() == nil)
            #expect(try await TrainingFollowup.query(on: ctx.app.db).count() == 2)
        }
    }

    @Test func thePagesWorkOnAPhoneForm() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("insp", .inspector, Codes.county)
            let t = try await ctx.token("cun")
            let a = try await Self.woman(ctx, t, "安兰芳", order: 702)
            var b = Browser(ctx)
            try await b.login("cun")
            #expect(try await b.get("/courses").status == .ok)
            let refused = try await b.post(
                "/courses/new", ["title": "", "topic": "ecommerce", "unitCode": Codes.shihuayan, "from": "2026-11-06", "to": "2026-11-02"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("结束日期不能早于开始日期"))
            let made = try await b.post(
                "/courses/new",
                [
                    "title": "家政服务培训班", "topic": "domestic_service", "organiser": "石首市妇联", "unitCode": Codes.shihuayan,
                    "from": "2026-11-02", "to": "2026-11-06", "capacity": "20",
                ])
            let location = try #require(made.headers.first(name: .location), "\(made.status) \(made.body.string.prefix(400))")
            let page = try await b.get(location).body.string
            #expect(page.contains("家政服务培训班") && page.contains("安兰芳"), "she is suggested")
            let id = String(location.split(separator: "/").last ?? "")
            let enrolForm = "action=\"/courses/\(id)/enrolments\""
            #expect(page.contains(enrolForm))
            #expect(try await b.post("/courses/\(id)/enrolments", ["personId": a]).status == .seeOther)
            let sheet = try await b.get("/courses/\(id)/attendance?date=2026-11-02")
            #expect(sheet.status == .ok && sheet.body.string.contains("安兰芳"))
            let saved = try await b.post("/courses/\(id)/attendance", ["date": "2026-11-02", "personId": a, "present": a])
            #expect(saved.status == .seeOther)
            #expect(try await TrainingAttendance.query(on: ctx.app.db).filter(\.$present == true).count() == 1)
            var i = Browser(ctx)
            try await i.login("insp")
            let read = try await i.get(location).body.string
            #expect(read.contains("安兰芳") && !read.contains(enrolForm), "the inspector reads, with no form to send")
        }
    }
}
