import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// Campaigns (issue 20, item 2) and the indicators (item 6) through the API: a township's campaign, invitations of due
/// women through the outbox, bookings on the campaign's days, attendance by the village, the progress; and each
/// indicator's numerator and denominator on hand-built data.
@Suite(.serialized) struct HealthCampaignWebTests {
    static let sites = [HealthCampaignInput.Site(name: "桃花山镇卫生院", dates: ["2026-11-10", "2026-11-18", "2026-12-01"])]

    static func campaign(_ ctx: TestContext, _ token: String, target: Int = 300, programme: String = "both") async throws
        -> TestingHTTPResponse
    {
        try await ctx.api(
            .POST, "/api/v1/health/campaigns", token: token,
            body: ctx.json(HealthCampaignInput(year: 2026, unitCode: Codes.taohuashan, programme: programme, target: target, sites: sites)))
    }

    @Test func aCampaignInvitesBooksAndCountsEachWomanAtHerFurthestStage() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("far", .townshipStaff, Codes.tiaoguan)
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("weijian", .partnerHealth, Codes.county)
            let town = try await ctx.token("town"), cun = try await ctx.token("cun"), health = try await ctx.token("weijian")

            // Refusals name each field; a village is no township; another township's staff cannot run it.
            let bad = try await ctx.api(
                .POST, "/api/v1/health/campaigns", token: town,
                body: ctx.json(
                    HealthCampaignInput(
                        year: 2030, unitCode: Codes.shihuayan, programme: "lungs", target: 0,
                        sites: [.init(name: "卫生院", dates: ["2027-01-01"])])))
            #expect(bad.status == .unprocessableEntity)
            #expect(try Set(StationTests.errorFields(bad)) == ["year", "unitCode", "programme", "target"])
            let lateDay = try await ctx.api(
                .POST, "/api/v1/health/campaigns", token: town,
                body: ctx.json(
                    HealthCampaignInput(
                        year: 2026, unitCode: Codes.taohuashan, programme: "both", target: 10,
                        sites: [.init(name: "卫生院", dates: ["2027-01-01"])])))
            #expect(try StationTests.errorFields(lateDay) == ["sites[0].dates"])
            #expect(try await Self.campaign(ctx, try await ctx.token("far")).status == .notFound)
            #expect(try await Self.campaign(ctx, cun).status == .forbidden)
            let made = try await Self.campaign(ctx, town)
            #expect(made.status == .created, "\(made.body.string)")
            let c = try made.content.decode(HealthCampaignDTO.self)
            #expect(c.progress.target == 300 && c.progress.invited == 0 && c.progress.rate == "0.0000")

            let a = try await HealthWeb.woman(ctx, town, "甘秀兰", born: "1970-03-03", order: 802, phone: "13912340001").person
            let b = try await HealthWeb.woman(ctx, town, "甘春梅", born: "1972-05-05", order: 804).person
            let young = try await HealthWeb.woman(ctx, town, "甘小芳", born: "2000-05-05", order: 806).person
            let path = "/api/v1/health/campaigns/\(c.id)"
            // Only due women are invited; the one too young is named by id.
            let refused = try await ctx.api(
                .POST, path + "/invitations", token: town, body: ctx.json(HealthInvitationInput(personIds: [a, young])))
            #expect(try refused.status == .unprocessableEntity && StationTests.errorFields(refused) == ["personIds"])
            #expect(refused.body.string.contains(young))
            let invited = try await ctx.api(
                .POST, path + "/invitations", token: town, body: ctx.json(HealthInvitationInput(personIds: [a, b])))
            #expect(invited.status == .ok, "\(invited.body.string)")
            #expect(try invited.content.decode(HealthInvitedDTO.self).invited == 2)
            // Again: nobody is invited twice.
            let again = try await ctx.api(.POST, path + "/invitations", token: town, body: ctx.json(HealthInvitationInput(personIds: [a])))
            #expect(try again.content.decode(HealthInvitedDTO.self).invited == 0)
            // Each invitation is in the outbox for a woman without an account: no user, her name and phone.
            let sent = try await OutboxMessage.query(on: ctx.app.db).filter(\.$userID == nil).all()
            #expect(sent.count == 2)
            let payload = try JSONDecoder().decode(OutboxPayload.self, from: Data(sent.first { $0.payload.contains("甘秀兰") }!.payload.utf8))
            #expect(payload.kind == HealthOutboxKind.screeningInvitation.rawValue && payload.to.username == nil)
            #expect(payload.to.phone == "13912340001" && payload.reasons[0].contains("桃花山镇卫生院"))

            // Bookings on the campaign's days only.
            let wrongSite = try await ctx.api(
                .POST, path + "/appointments", token: town,
                body: ctx.json(HealthAppointmentInput(personId: a, date: "2026-12-01", site: "别处")))
            #expect(try StationTests.errorFields(wrongSite) == ["site"])
            let wrongDay = try await ctx.api(
                .POST, path + "/appointments", token: town,
                body: ctx.json(HealthAppointmentInput(personId: a, date: "2026-12-02", site: "桃花山镇卫生院")))
            #expect(try StationTests.errorFields(wrongDay) == ["date"])
            let booked = try await ctx.api(
                .POST, path + "/appointments", token: town,
                body: ctx.json(HealthAppointmentInput(personId: a, date: "2026-12-01", site: "桃花山镇卫生院")))
            #expect(try booked.content.decode(HealthInvitationDTO.self).stage == "booked")
            #expect(
                try await ctx.api(.POST, path + "/appointments", token: cun, body: ctx.json(HealthAppointmentInput())).status == .forbidden)
            // The village worker records that b came (on a campaign day, not ahead of today); the department screens a.
            let ahead = try await ctx.api(
                .POST, path + "/attendance", token: cun, body: ctx.json(HealthAttendanceInput(personId: b, date: "2026-12-01")))
            #expect(try StationTests.errorFields(ahead) == ["date"])
            let came = try await ctx.api(
                .POST, path + "/attendance", token: cun, body: ctx.json(HealthAttendanceInput(personId: b, date: "2026-11-18")))
            #expect(try came.content.decode(HealthInvitationDTO.self).stage == "attended")
            var input = HealthWeb.cervical(a, "2026-11-10")
            input.campaignId = c.id
            _ = try await HealthWeb.screen(ctx, health, input)
            // A breast-only campaign refuses a cervical screen at `programme`.
            let breastOnly = try await Self.campaign(ctx, town, programme: "breast").content.decode(HealthCampaignDTO.self)
            input.campaignId = breastOnly.id
            input.date = "2026-11-11"
            #expect(try StationTests.errorFields(try await HealthWeb.post(ctx, health, input)) == ["programme"])

            let now = try await ctx.api(.GET, path, token: cun).content.decode(HealthCampaignDTO.self)
            #expect(now.progress.invited == 2 && now.progress.booked == 2 && now.progress.attended == 2 && now.progress.screened == 1)
            #expect(now.progress.rate == "0.0033" && now.progress.remaining == 299 && now.progress.turnout == "1.0000")
            let women = try await ctx.api(.GET, path + "/invitations", token: cun).content.decode(ListPage<HealthInvitationDTO>.self)
            #expect(Dictionary(uniqueKeysWithValues: women.items.map { ($0.personId, $0.stage) }) == [a: "screened", b: "attended"])
            #expect(women.items.first { $0.personId == a }?.phone != "13912340001")
            // The campaign is the village worker's township's: she reads it; another township's staff does not.
            #expect(try await ctx.api(.GET, path, token: try await ctx.token("far")).status == .notFound)
            let listed = try await ctx.api(.GET, "/api/v1/health/campaigns?year=2026", token: cun).content.decode(
                ListPage<HealthCampaignDTO>.self)
            #expect(listed.total == 2)
        }
    }

    /// Every numerator and denominator on data built by hand: a campaign of 10 for both programmes; three women screened
    /// for the cervix, one with ASC-US followed to CIN2 (a precancer); one for the breast with BI-RADS 4 followed to a
    /// cancer of stage IIB (not early); a fourth woman eligible and never screened.
    @Test func theIndicatorsAreTheirFormulasOnHandBuiltData() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("weijian", .partnerHealth, Codes.county)
            let town = try await ctx.token("town"), health = try await ctx.token("weijian")
            _ = try await Self.campaign(ctx, town, target: 10)
            var people: [String] = []
            for (i, born) in ["1970-01-01", "1971-01-01", "1972-01-01", "1973-01-01"].enumerated() {
                people.append(try await HealthWeb.woman(ctx, town, "指标\(i)", born: born, order: 900 + 2 * i).person)
            }
            let abnormal = try await HealthWeb.screen(ctx, health, HealthWeb.cervical(people[0], "2026-09-01", cytology: "asc_us"))
            _ = try await HealthWeb.screen(ctx, health, HealthWeb.cervical(people[1], "2026-09-02"))
            _ = try await HealthWeb.screen(ctx, health, HealthWeb.cervical(people[2], "2026-09-03"))
            let lump = try await HealthWeb.screen(ctx, health, HealthWeb.breast(people[0], "2026-09-01", ultrasound: "birads_4"))
            let f1 = try #require(abnormal.followUp?.id), f2 = try #require(lump.followUp?.id)
            _ = try await HealthWeb.stepped(ctx, health, f1, "colposcopy", "2026-09-20", result: "abnormal")
            _ = try await HealthWeb.stepped(ctx, health, f1, "histopathology", "2026-09-25")
            _ = try await HealthWeb.stepped(ctx, health, f1, "diagnosis", "2026-10-05", result: "cin2")
            _ = try await HealthWeb.stepped(ctx, health, f2, "biopsy", "2026-09-15")
            _ = try await HealthWeb.stepped(ctx, health, f2, "pathology", "2026-09-25")
            _ = try await HealthWeb.stepped(ctx, health, f2, "diagnosis", "2026-10-01", result: "cancer", stage: "IIB")

            let r = try await ctx.api(.GET, "/api/v1/health/indicators?year=2026&unit=\(Codes.taohuashan)", token: health)
            #expect(r.status == .ok, "\(r.body.string)")
            let d = try r.content.decode(HealthIndicatorsDTO.self)
            func item(_ code: HealthIndicatorCode, _ p: HealthProgramme) -> (Int, Int, String?) {
                let i = d.items.first { $0.code == code && $0.programme == p }!
                return (i.numerator, i.denominator, i.value)
            }
            #expect(item(.screeningRate, .cervical) == (3, 10, "0.3000") && item(.screeningRate, .breast) == (1, 10, "0.1000"))
            // Four eligible women; three screened for the cervix within the interval, one for the breast.
            #expect(item(.coverage, .cervical) == (3, 4, "0.7500") && item(.coverage, .breast) == (1, 4, "0.2500"))
            #expect(item(.abnormalRate, .cervical) == (1, 3, "0.3333") && item(.abnormalRate, .breast) == (1, 1, "1.0000"))
            #expect(item(.followupCompletion, .cervical) == (1, 1, "1.0000") && item(.followupCompletion, .breast) == (1, 1, "1.0000"))
            #expect(item(.earlyDiagnosisRate, .cervical) == (1, 1, "1.0000") && item(.earlyDiagnosisRate, .breast) == (0, 1, "0.0000"))
            #expect(d.rows.map(\.unitCode) == [Codes.shihuayan])
            // Last year had no campaign and no screen: those values are null, never a division by zero.
            let empty = try await ctx.api(.GET, "/api/v1/health/indicators?year=2025", token: health)
            let none = try empty.content.decode(HealthIndicatorsDTO.self)
            // Coverage is read on the day whatever the year; the year's figures have nothing to divide.
            #expect(none.items.filter { $0.code != .coverage }.allSatisfy { $0.value == nil && $0.denominator == 0 })
            #expect(empty.body.string.contains("\"value\":null"))
            // The figures come from results: the township's staff are refused.
            #expect(try await ctx.api(.GET, "/api/v1/health/indicators", token: town).status == .forbidden)
            #expect(try await ctx.api(.GET, "/api/v1/health/indicators?year=abc", token: health).status == .badRequest)
        }
    }
}
