import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// What the health tests share (issue 20, slice 1): women registered through the API with synthetic ID numbers, screens
/// and steps posted as the health department, the test clock moved to a given day.
enum HealthWeb {
    /// The test clock's first day (2026-11-18 in 石首).
    static let today = CivilDate(iso: "2026-11-18")!

    /// The moment of the test clock on `iso`, at the same time of day as the test's start.
    static func at(_ iso: String) -> Date {
        testStart.addingTimeInterval(Double(CivilDate(iso: iso)!.dayNumber - today.dayNumber) * 86_400)
    }

    /// A woman of `village` (rural unless said) born on `born`, registered through the women API; her person id and household id.
    /// An even sequence number makes the synthetic ID number a woman's.
    static func woman(
        _ ctx: TestContext, _ token: String, _ name: String, born: String, order: Int, village: String = Codes.shihuayan,
        phone: String? = nil, hukou: String = "rural"
    ) async throws -> (person: String, household: String) {
        #expect(order % 2 == 0, "an even sequence number is a woman's")
        let b = CivilDate(iso: born)!
        var body: [String: AnyEncodable] = [
            "name": .init(name), "idNumber": .init(Synthetic.id(b.year, b.month, b.day, order: order)),
            "villageCode": .init(village), "hukou": .init(hukou),
        ]
        if let phone { body["phone"] = .init(phone) }
        let r = try await ctx.api(.POST, "/api/v1/women", token: token, body: ctx.json(body))
        #expect(r.status == .created, "\(name): \(r.body.string)")
        let dto = try r.content.decode(WomanDTO.self)
        return (dto.personId, try #require(dto.householdId))
    }

    /// Her household's poverty status, as the township records it.
    static func poverty(_ ctx: TestContext, _ token: String, household: String, _ status: PovertyStatus) async throws {
        let r = try await ctx.api(
            .PATCH, "/api/v1/households/\(household)", token: token, body: ctx.json(HouseholdInput(poverty: status.rawValue)))
        #expect(r.status == .ok, "\(r.body.string)")
    }

    static func cervical(
        _ person: String, _ date: String, method: String = "cytology", cytology: String? = "nilm", hpv: String? = nil,
        exam: String = "normal"
    ) -> HealthScreeningInput {
        HealthScreeningInput(
            personId: person, programme: "cervical", date: date, site: "桃花山镇卫生院", gynaecExam: exam, method: method,
            cytology: cytology, hpv: hpv)
    }

    static func breast(_ person: String, _ date: String, ultrasound: String = "birads_1", exam: String = "normal")
        -> HealthScreeningInput
    {
        HealthScreeningInput(
            personId: person, programme: "breast", date: date, site: "桃花山镇卫生院", clinicalExam: exam, ultrasound: ultrasound)
    }

    static func post(_ ctx: TestContext, _ token: String, _ input: HealthScreeningInput) async throws -> TestingHTTPResponse {
        try await ctx.api(.POST, "/api/v1/health/screenings", token: token, body: ctx.json(input))
    }

    /// A screen that must be recorded: the answer.
    static func screen(
        _ ctx: TestContext, _ token: String, _ input: HealthScreeningInput, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> HealthScreeningDTO {
        let r = try await post(ctx, token, input)
        #expect(r.status == .created, "\(r.body.string)", sourceLocation: sourceLocation)
        return try r.content.decode(HealthScreeningDTO.self)
    }

    static func step(
        _ ctx: TestContext, _ token: String, _ followup: String, _ step: String, _ date: String, result: String? = nil,
        stage: String? = nil
    ) async throws -> TestingHTTPResponse {
        try await ctx.api(
            .POST, "/api/v1/health/followups/\(followup)/steps", token: token,
            body: ctx.json(HealthStepInput(step: step, date: date, result: result, stage: stage)))
    }

    /// A step that must be recorded: where the follow-up stands after it.
    static func stepped(
        _ ctx: TestContext, _ token: String, _ followup: String, _ step: String, _ date: String, result: String? = nil,
        stage: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> HealthFollowupDTO {
        let r = try await Self.step(ctx, token, followup, step, date, result: result, stage: stage)
        #expect(r.status == .ok, "\(step): \(r.body.string)", sourceLocation: sourceLocation)
        return try r.content.decode(HealthFollowupDetailDTO.self).followUp
    }

    static func due(_ ctx: TestContext, _ token: String, _ programme: String, unit: String? = nil) async throws
        -> ListPage<HealthDueDTO>
    {
        let r = try await ctx.api(
            .GET, "/api/v1/health/due?programme=\(programme)&per=200" + (unit.map { "&unit=\($0)" } ?? ""), token: token)
        #expect(r.status == .ok, "\(r.body.string)")
        return try r.content.decode(ListPage<HealthDueDTO>.self)
    }

    /// The due list as (person id, due since), in its order.
    static func dueRows(_ ctx: TestContext, _ token: String, _ programme: String) async throws -> [(String, String)] {
        try await due(ctx, token, programme).items.map { ($0.personId, $0.dueSince) }
    }
}

/// Who is due (issue 20, item 1, "Done when": eligibility on the days around the 35th and 65th birthdays and each
/// interval boundary), read through `GET /api/v1/health/due` by the staff who call the women.
@Suite(.serialized) struct HealthDueWebTests {
    /// 周岁 as Core counts them: she is 35 the day after her 35th birthday, and still 64 on her 65th birthday.
    @Test func eligibilityTurnsOnTheDayAfterThe35thBirthdayAndEndsAfterThe65th() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let town = try await ctx.token("town")
            // The test clock's today is 2026-11-18.
            let women: [(String, String)] = [
                ("turned35", "1991-11-17"), ("birthday35", "1991-11-18"), ("tomorrow35", "1991-11-19"),
                ("turned65", "1961-11-17"), ("birthday65", "1961-11-18"), ("tomorrow65", "1961-11-19"),
            ]
            var id: [String: String] = [:]
            for (i, w) in women.enumerated() {
                id[w.0] = try await HealthWeb.woman(ctx, town, "测试" + ["甲", "乙", "丙", "丁", "戊", "己"][i], born: w.1, order: 200 + 2 * i)
                    .person
            }
            // An urban woman of the same age is never on the list (the totals below count exactly the rural ones).
            _ = try await HealthWeb.woman(ctx, town, "测试庚", born: "1991-11-17", order: 220, hukou: "urban")
            func expectDue(_ day: String, _ want: [String: String], _ ages: [String: Int] = [:]) async throws {
                let token = try await ctx.token("town")
                for programme in ["cervical", "breast"] {
                    let list = try await HealthWeb.due(ctx, token, programme)
                    let got = Dictionary(uniqueKeysWithValues: list.items.map { ($0.personId, $0.dueSince) })
                    let named = Dictionary(uniqueKeysWithValues: want.map { (id[$0.key]!, $0.value) })
                    #expect(got == named, "\(day) \(programme): \(list.items.map(\.name))")
                    #expect(list.total == want.count)
                    for (who, age) in ages {
                        #expect(list.items.first { $0.personId == id[who] }?.age == age, "\(day): \(who)")
                    }
                }
            }
            // Never screened: due since the day she became eligible. The oldest due first.
            try await expectDue(
                "2026-11-18", ["turned35": "2026-11-18", "birthday65": "1996-11-19", "tomorrow65": "1996-11-20"],
                ["turned35": 35, "birthday65": 64, "tomorrow65": 64])
            let order = try await HealthWeb.dueRows(ctx, town, "cervical").map(\.0)
            #expect(order == [id["birthday65"]!, id["tomorrow65"]!, id["turned35"]!])

            ctx.clock.set(HealthWeb.at("2026-11-19"))
            try await expectDue(
                "2026-11-19", ["turned35": "2026-11-18", "birthday35": "2026-11-19", "tomorrow65": "1996-11-20"],
                ["birthday35": 35, "tomorrow65": 64])
            ctx.clock.set(HealthWeb.at("2026-11-20"))
            try await expectDue(
                "2026-11-20", ["turned35": "2026-11-18", "birthday35": "2026-11-19", "tomorrow35": "2026-11-20"])
        }
    }

    /// Cervical: due when no cytology in 3 years and no HPV test in 5 (a co-test counts as both); breast: 2 years. A test
    /// counts until its anniversary: due on it, not the day before.
    @Test func eachIntervalRunsOutOnItsAnniversary() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("weijian", .partnerHealth, Codes.county)
            let town = try await ctx.token("town"), health = try await ctx.token("weijian")
            var id: [String: String] = [:]
            let names = ["cyto", "cytoNext", "hpv", "hpvNext", "cotest", "cotestNext", "mixedDue", "mixedCovered", "breast", "breastNext"]
            for (i, n) in names.enumerated() {
                id[n] = try await HealthWeb.woman(ctx, town, "检查对象\(i)号", born: "1976-05-1\(i % 10)", order: 300 + 2 * i).person
            }
            let screens: [HealthScreeningInput] = [
                HealthWeb.cervical(id["cyto"]!, "2023-11-18"), HealthWeb.cervical(id["cytoNext"]!, "2023-11-19"),
                HealthWeb.cervical(id["hpv"]!, "2021-11-18", method: "hpv", cytology: nil, hpv: "negative"),
                HealthWeb.cervical(id["hpvNext"]!, "2021-11-19", method: "hpv", cytology: nil, hpv: "negative"),
                HealthWeb.cervical(id["cotest"]!, "2021-11-18", method: "cotest", hpv: "negative"),
                // A co-test's cytology ran out in 2024, but its HPV test counts five years.
                HealthWeb.cervical(id["cotestNext"]!, "2021-11-19", method: "cotest", hpv: "negative"),
                // Separate tests: both ran out (cytology 2026-06-01, HPV 2026-06-01) …
                HealthWeb.cervical(id["mixedDue"]!, "2023-06-01"),
                HealthWeb.cervical(id["mixedDue"]!, "2021-06-01", method: "hpv", cytology: nil, hpv: "negative"),
                // … or the cytology ran out (2023-01-10) but the HPV test holds until 2027-06-01.
                HealthWeb.cervical(id["mixedCovered"]!, "2020-01-10"),
                HealthWeb.cervical(id["mixedCovered"]!, "2022-06-01", method: "hpv", cytology: nil, hpv: "negative"),
                HealthWeb.breast(id["breast"]!, "2024-11-18"), HealthWeb.breast(id["breastNext"]!, "2024-11-19"),
            ]
            for s in screens { _ = try await HealthWeb.screen(ctx, health, s) }

            let cervical = try await HealthWeb.due(ctx, town, "cervical")
            let got = Dictionary(uniqueKeysWithValues: cervical.items.map { ($0.personId, $0.dueSince) })
            #expect(got[id["cyto"]!] == "2026-11-18" && got[id["hpv"]!] == "2026-11-18" && got[id["cotest"]!] == "2026-11-18")
            #expect(got[id["mixedDue"]!] == "2026-06-01")
            for n in ["cytoNext", "hpvNext", "cotestNext", "mixedCovered"] { #expect(got[id[n]!] == nil, "\(n) is not due yet") }
            // Women never screened for the cervix are due since they turned 35.
            #expect(got[id["breast"]!] == "2011-05-19" && got[id["breastNext"]!] == "2011-05-20")
            #expect(cervical.total == 6)
            let mixed = try #require(cervical.items.first { $0.personId == id["mixedDue"] })
            #expect(mixed.lastScreenedOn == "2023-06-01" && mixed.age == 50 && mixed.villageCode == Codes.shihuayan)

            let breast = try await HealthWeb.due(ctx, town, "breast")
            let b = Dictionary(uniqueKeysWithValues: breast.items.map { ($0.personId, $0.dueSince) })
            #expect(b[id["breast"]!] == "2026-11-18" && b[id["breastNext"]!] == nil && breast.total == 9)
            #expect(breast.items.first { $0.personId == id["breast"] }?.lastScreenedOn == "2024-11-18")
            #expect(b[id["cyto"]!] == "2011-05-11", "a cervical screen does not count for the breast")

            // A day later each "next" woman is due, since that day (the co-test by its HPV test's five years).
            ctx.clock.set(HealthWeb.at("2026-11-19"))
            let later = try await ctx.token("town")
            let next = Dictionary(uniqueKeysWithValues: try await HealthWeb.dueRows(ctx, later, "cervical"))
            for n in ["cytoNext", "hpvNext", "cotestNext"] { #expect(next[id[n]!] == "2026-11-19", "\(n)") }
            #expect(next[id["mixedCovered"]!] == nil, "its HPV test holds until 2027-06-01")
            #expect(Dictionary(uniqueKeysWithValues: try await HealthWeb.dueRows(ctx, later, "breast"))[id["breastNext"]!] == "2026-11-19")
        }
    }

    /// 低保 and 特困 first (not 防返贫监测户), then the longest due; phones masked; who may read the list.
    @Test func thePoorComeFirstThenTheLongestDue() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("far", .townshipStaff, Codes.tiaoguan)
            try await ctx.makeUser("weijian", .partnerHealth, Codes.county)
            let town = try await ctx.token("town"), health = try await ctx.token("weijian")
            let never = try await HealthWeb.woman(ctx, town, "周春兰", born: "1970-03-01", order: 402, phone: "13812345678")
            let dibao = try await HealthWeb.woman(ctx, town, "吴桂芝", born: "1972-04-02", order: 404)
            let tekun = try await HealthWeb.woman(ctx, town, "郑金凤", born: "1968-07-07", order: 406)
            let monitored = try await HealthWeb.woman(ctx, town, "钱素芬", born: "1969-08-08", order: 408)
            let recent = try await HealthWeb.woman(ctx, town, "孙冬梅", born: "1980-09-09", order: 410)
            let farToken = try await ctx.token("far")
            let other = try await HealthWeb.woman(ctx, farToken, "李翠花", born: "1975-10-10", order: 412, village: Codes.tiaoguanVillage)
            try await HealthWeb.poverty(ctx, town, household: dibao.household, .dibao)
            try await HealthWeb.poverty(ctx, farToken, household: other.household, .tekun)
            try await HealthWeb.poverty(ctx, town, household: tekun.household, .tekun)
            try await HealthWeb.poverty(ctx, town, household: monitored.household, .monitored)
            // The 低保 woman is due since her cytology ran out (2026-11-10), the 特困 one since turning 35 (2003).
            _ = try await HealthWeb.screen(ctx, health, HealthWeb.cervical(dibao.person, "2023-11-10"))
            _ = try await HealthWeb.screen(ctx, health, HealthWeb.cervical(monitored.person, "2023-01-05"))
            _ = try await HealthWeb.screen(ctx, health, HealthWeb.cervical(recent.person, "2026-03-01"))

            let list = try await HealthWeb.due(ctx, town, "cervical")
            #expect(list.items.map(\.personId) == [tekun.person, dibao.person, never.person, monitored.person])
            #expect(list.items.map(\.poverty) == ["tekun", "dibao", "none", "monitored"])
            #expect(list.items.map(\.dueSince) == ["2003-07-08", "2026-11-10", "2005-03-02", "2026-01-05"])
            let first = try #require(list.items.first { $0.personId == never.person })
            #expect(first.phone == "138****5678" && first.villageName != "" && first.lastScreenedOn == nil)
            #expect(!(try await ctx.api(.GET, "/api/v1/health/due", token: town)).body.string.contains("13812345678"))
            // Paging keeps the order and the total.
            let page2 = try await ctx.api(.GET, "/api/v1/health/due?programme=cervical&per=2&page=2", token: town)
            let p2 = try page2.content.decode(ListPage<HealthDueDTO>.self)
            #expect(p2.items.map(\.personId) == [never.person, monitored.person] && p2.total == 4)
            #expect(try await ctx.api(.GET, "/api/v1/health/due?programme=lung", token: town).status == .badRequest)

            // A unit above her jurisdiction answers for her own; the woman of 调关镇 is only the other township's.
            let wide = try await HealthWeb.due(ctx, town, "cervical", unit: Codes.county)
            #expect(wide.total == 4)
            let far = try await HealthWeb.due(ctx, try await ctx.token("far"), "cervical", unit: Codes.county)
            #expect(far.items.map(\.personId) == [other.person])
            let narrowed = try await HealthWeb.due(ctx, town, "cervical", unit: Codes.xiaoshiqiao)
            #expect(narrowed.total == 0)
        }
    }
}
