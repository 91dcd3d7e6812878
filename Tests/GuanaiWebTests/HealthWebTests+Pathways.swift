import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// Screens and every pathway through the API (issue 20, items 3-4): what opens a follow-up and with which step, each
/// step in order with the result it takes, and each refusal naming its field with nothing saved.
@Suite(.serialized) struct HealthPathwayWebTests {
    /// The health department's token and `count` women of 石华堰村 (ages 40-something), by person id.
    static func setUp(_ ctx: TestContext, count: Int) async throws -> (health: String, women: [String]) {
        try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
        try await ctx.makeUser("weijian", .partnerHealth, Codes.county)
        let town = try await ctx.token("town")
        var women: [String] = []
        for i in 0..<count {
            women.append(try await HealthWeb.woman(ctx, town, "随访对象\(i)号", born: "1980-02-1\(i % 10)", order: 500 + 2 * i).person)
        }
        return (try await ctx.token("weijian"), women)
    }

    @Test func aScreenIsCheckedPerFieldAndNothingHalfUnderstoodIsStored() async throws {
        try await withTestApp { ctx in
            let (health, women) = try await Self.setUp(ctx, count: 1)
            let her = women[0]
            let refused: [(HealthScreeningInput, Set<String>)] = [
                (HealthWeb.cervical(her, "2026-11-01", cytology: nil), ["cytology"]),
                (HealthWeb.cervical(her, "2026-11-01", method: "hpv", cytology: "nilm", hpv: nil), ["cytology", "hpv"]),
                (HealthWeb.cervical(her, "2026-11-01", method: "cotest", hpv: nil), ["hpv"]),
                (HealthWeb.cervical(her, "2026-11-01", cytology: "asc_x"), ["cytology"]),
                (HealthWeb.cervical(her, "2026-11-19"), ["date"]),
                (HealthWeb.cervical(UUID().uuidString, "2026-11-01"), ["personId"]),
                (HealthWeb.breast(her, "2026-11-01", ultrasound: "birads_6"), ["ultrasound"]),
                (
                    HealthScreeningInput(personId: her, programme: "breast", date: "2026-11-01", site: "卫生院"),
                    ["clinicalExam", "ultrasound"]
                ),
                (HealthScreeningInput(personId: her, programme: "lung", date: "2026-11-01", site: "卫生院"), ["programme"]),
                (HealthScreeningInput(programme: "cervical"), ["personId", "date", "site", "gynaecExam", "method"]),
            ]
            for (input, fields) in refused {
                try LoanTests.expectRefused(try await HealthWeb.post(ctx, health, input), fields, "\(input)")
            }
            var mixed = HealthWeb.cervical(her, "2026-11-01")
            mixed.ultrasound = "birads_1"
            try LoanTests.expectRefused(
                try await HealthWeb.post(ctx, health, mixed), ["ultrasound"], "a breast result on a cervical screen")
            // Campaigns come in a later slice: no id names one yet.
            var campaign = HealthWeb.cervical(her, "2026-11-01")
            campaign.campaignId = UUID().uuidString
            try LoanTests.expectRefused(try await HealthWeb.post(ctx, health, campaign), ["campaignId"])
            #expect(try await HealthScreening.query(on: ctx.app.db).count() == 0)
            #expect(try await HealthHistoryRow.query(on: ctx.app.db).count() == 0)

            // A normal screen opens nothing; the same screen typed twice is refused at `date`, another programme is not.
            let normal = try await HealthWeb.screen(ctx, health, HealthWeb.cervical(her, "2026-11-01"))
            #expect(normal.followUp == nil && !normal.abnormal && normal.cytology == "nilm" && normal.hpv == nil)
            #expect(normal.name == "随访对象0号" && normal.villageCode == Codes.shihuayan && normal.programme == "cervical")
            let twice = try await HealthWeb.post(ctx, health, HealthWeb.cervical(her, "2026-11-01", cytology: "hsil"))
            try LoanTests.expectRefused(twice, ["date"])
            _ = try await HealthWeb.screen(ctx, health, HealthWeb.breast(her, "2026-11-01"))
            _ = try await HealthWeb.screen(ctx, health, HealthWeb.cervical(her, "2026-11-02"))
            #expect(try await HealthScreening.query(on: ctx.app.db).count() == 3)
            #expect(try await HealthFollowup.query(on: ctx.app.db).count() == 0)
            let got = try await ctx.api(.GET, "/api/v1/health/screenings/\(normal.id)", token: health)
            #expect(try got.content.decode(HealthScreeningDTO.self).date == "2026-11-01")
        }
    }

    /// What opens a follow-up, and with which step, as the answer's `followUp` says.
    @Test func eachAbnormalScreenOpensItsFirstStep() async throws {
        try await withTestApp { ctx in
            let (health, women) = try await Self.setUp(ctx, count: 9)
            let cases: [(HealthScreeningInput, String?)] = [
                (HealthWeb.cervical(women[0], "2026-11-01", cytology: "asc_us"), "colposcopy"),
                (HealthWeb.cervical(women[1], "2026-11-01", method: "hpv", cytology: nil, hpv: "hpv16_18"), "colposcopy"),
                (HealthWeb.cervical(women[2], "2026-11-01", method: "hpv", cytology: nil, hpv: "other_high_risk"), "cytology_triage"),
                (HealthWeb.cervical(women[3], "2026-11-01", method: "cotest", hpv: "other_high_risk"), "cytology_triage"),
                (HealthWeb.cervical(women[4], "2026-11-01", method: "cotest", cytology: "lsil", hpv: "other_high_risk"), "colposcopy"),
                (HealthWeb.cervical(women[5], "2026-11-01", exam: "abnormal"), "review"),
                (HealthWeb.breast(women[6], "2026-11-01", ultrasound: "birads_4"), "biopsy"),
                (HealthWeb.breast(women[7], "2026-11-01", ultrasound: "birads_0"), "mammography"),
                (HealthWeb.breast(women[8], "2026-11-01", ultrasound: "birads_2", exam: "abnormal"), "review"),
                (HealthWeb.breast(women[0], "2026-11-01", ultrasound: "birads_2"), nil),
            ]
            for (input, first) in cases {
                let s = try await HealthWeb.screen(ctx, health, input)
                #expect(s.followUp?.nextStep == first && s.abnormal == (first != nil), "\(input)")
                // The next examination is due 30 days after the screen.
                if first != nil { #expect(s.followUp?.due == "2026-12-01") }
            }
            let list = try await ctx.api(.GET, "/api/v1/health/followups?status=open", token: health)
            #expect(try list.content.decode(ListPage<HealthFollowupDTO>.self).total == 9)
            let screens = try await ctx.api(.GET, "/api/v1/health/screenings?unit=\(Codes.shihuayan)", token: health)
            #expect(try screens.content.decode(ListPage<HealthScreeningDTO>.self).total == 10)
            // Narrowed to another village, or to a campaign (none yet): nothing; a campaign that is no id is 400.
            for query in ["unit=\(Codes.xiaoshiqiao)", "campaign=\(UUID().uuidString)"] {
                let none = try await ctx.api(.GET, "/api/v1/health/screenings?\(query)", token: health)
                #expect(try none.content.decode(ListPage<HealthScreeningDTO>.self).total == 0, "\(query)")
            }
            #expect(try await ctx.api(.GET, "/api/v1/health/screenings?campaign=spring", token: health).status == .badRequest)
        }
    }

    /// Cervical, the whole way: ASC-US → colposcopy → histopathology → diagnosis CIN2 → treatment → treated; and each
    /// refusal on the way.
    @Test func aCervicalFollowUpRunsToTreatmentAndRefusesEachWrongStep() async throws {
        try await withTestApp { ctx in
            let (health, women) = try await Self.setUp(ctx, count: 1)
            let s = try await HealthWeb.screen(ctx, health, HealthWeb.cervical(women[0], "2026-10-01", cytology: "asc_us"))
            let f = try #require(s.followUp?.id)
            func refused(_ step: String, _ date: String, _ result: String?, _ stage: String?, _ fields: Set<String>) async throws {
                let r = try await HealthWeb.step(ctx, health, f, step, date, result: result, stage: stage)
                try LoanTests.expectRefused(r, fields, "\(step) \(date) \(result ?? "-") \(stage ?? "-")")
            }
            try await refused("histopathology", "2026-10-05", nil, nil, ["step"])
            try await refused("treatment", "2026-10-05", nil, nil, ["step"])
            try await refused("laser", "2026-10-05", nil, nil, ["step"])
            try await refused("colposcopy", "2026-10-05", nil, nil, ["result"])
            try await refused("colposcopy", "2026-10-05", "cin2", nil, ["result"])
            try await refused("colposcopy", "2026-09-30", "abnormal", nil, ["date"])
            try await refused("colposcopy", "2026-11-19", "abnormal", nil, ["date"])
            try await refused("colposcopy", "2026-10-05", "abnormal", "IA", ["stage"])
            #expect(try await HealthStepRow.query(on: ctx.app.db).count() == 0)

            var at = try await HealthWeb.stepped(ctx, health, f, "colposcopy", "2026-10-10", result: "abnormal")
            #expect(at.nextStep == "histopathology" && at.due == "2026-11-09" && at.status == "open")
            try await refused("histopathology", "2026-10-09", nil, nil, ["date"])
            try await refused("histopathology", "2026-10-20", "abnormal", nil, ["result"])
            try await refused("diagnosis", "2026-10-20", "cin2", nil, ["step"])
            at = try await HealthWeb.stepped(ctx, health, f, "histopathology", "2026-10-20")
            #expect(at.nextStep == "diagnosis" && at.due == "2026-11-19")
            try await refused("diagnosis", "2026-10-25", nil, nil, ["result"])
            try await refused("diagnosis", "2026-10-25", "dcis", nil, ["result"])
            try await refused("diagnosis", "2026-10-25", "cin2", "IA", ["stage"])
            try await refused("diagnosis", "2026-10-25", "cancer", nil, ["stage"])
            at = try await HealthWeb.stepped(ctx, health, f, "diagnosis", "2026-10-25", result: "cin2")
            #expect(at.nextStep == "treatment" && at.due == "2026-12-24" && at.status == "open" && at.diagnosis == "cin2")
            try await refused("treatment", "2026-10-24", nil, nil, ["date"])
            try await refused("treatment", "2026-11-01", "cured", nil, ["result"])
            at = try await HealthWeb.stepped(ctx, health, f, "treatment", "2026-11-01")
            #expect(at.status == "treated" && at.nextStep == nil && at.nextSteps.isEmpty && at.due == nil && at.endedOn == "2026-11-01")
            // Ended: nothing more may be recorded.
            try await refused("treatment", "2026-11-02", nil, nil, ["step"])

            let detail = try await ctx.api(.GET, "/api/v1/health/followups/\(f)", token: health).content.decode(
                HealthFollowupDetailDTO.self)
            #expect(detail.steps.map(\.step) == ["colposcopy", "histopathology", "diagnosis", "treatment"])
            #expect(detail.steps.map(\.result) == ["abnormal", nil, "cin2", nil] && detail.steps.allSatisfy { $0.by == "weijian" })
            #expect(detail.screening.cytology == "asc_us" && detail.screening.followUp?.nextStep == nil)
            #expect(detail.followUp.openedOn == "2026-10-01" && detail.followUp.diagnosis == "cin2" && !detail.followUp.overdue)
            let closed = try await ctx.api(.GET, "/api/v1/health/followups?status=closed", token: health)
            #expect(try closed.content.decode(ListPage<HealthFollowupDTO>.self).items.map(\.id) == [f])
        }
    }

    /// The other cervical ways: a triage, a colposcopy that finds nothing, an abnormal gynaecological examination alone.
    @Test func triageReviewAndANormalColposcopyCloseOrLeadOn() async throws {
        try await withTestApp { ctx in
            let (health, women) = try await Self.setUp(ctx, count: 4)
            let opened = { (i: Int, input: HealthScreeningInput) async throws -> String in
                try #require(try await HealthWeb.screen(ctx, health, input).followUp?.id, "woman \(i)")
            }
            let triage = try await opened(
                0, HealthWeb.cervical(women[0], "2026-11-01", method: "hpv", cytology: nil, hpv: "other_high_risk"))
            try LoanTests.expectRefused(
                try await HealthWeb.step(ctx, health, triage, "colposcopy", "2026-11-05", result: "normal"), ["step"])
            try LoanTests.expectRefused(
                try await HealthWeb.step(ctx, health, triage, "cytology_triage", "2026-11-05", result: "abnormal"), ["result"])
            let clean = try await HealthWeb.stepped(ctx, health, triage, "cytology_triage", "2026-11-05", result: "nilm")
            #expect(clean.status == "closed_normal" && clean.endedOn == "2026-11-05" && clean.nextStep == nil)

            let worse = try await opened(
                1, HealthWeb.cervical(women[1], "2026-11-01", method: "hpv", cytology: nil, hpv: "other_high_risk"))
            let led = try await HealthWeb.stepped(ctx, health, worse, "cytology_triage", "2026-11-05", result: "asc_us")
            #expect(led.nextStep == "colposcopy" && led.due == "2026-12-05")
            let nothing = try await HealthWeb.stepped(ctx, health, worse, "colposcopy", "2026-11-10", result: "normal")
            #expect(nothing.status == "closed_normal")

            let review = try await opened(2, HealthWeb.cervical(women[2], "2026-11-01", exam: "abnormal"))
            #expect(try await HealthWeb.stepped(ctx, health, review, "review", "2026-11-03", result: "normal").status == "closed_normal")
            let again = try await opened(3, HealthWeb.cervical(women[3], "2026-11-01", exam: "abnormal"))
            let onward = try await HealthWeb.stepped(ctx, health, again, "review", "2026-11-03", result: "abnormal")
            #expect(onward.nextSteps == ["colposcopy"] && onward.status == "open")
        }
    }

    /// Breast: BI-RADS 4 → biopsy → pathology → diagnosis cancer with its stage → treatment; BI-RADS 3 → mammography →
    /// biopsy → pathology → a benign diagnosis ends it; a review may go either way.
    @Test func breastFollowUpsRunThroughImagingBiopsyAndPathology() async throws {
        try await withTestApp { ctx in
            let (health, women) = try await Self.setUp(ctx, count: 4)
            let b4 = try #require(
                try await HealthWeb.screen(ctx, health, HealthWeb.breast(women[0], "2026-10-01", ultrasound: "birads_4")).followUp)
            #expect(b4.nextStep == "biopsy" && b4.due == "2026-10-31")
            try LoanTests.expectRefused(
                try await HealthWeb.step(ctx, health, b4.id, "mammography", "2026-10-05", result: "birads_4"), ["step"])
            try LoanTests.expectRefused(
                try await HealthWeb.step(ctx, health, b4.id, "biopsy", "2026-10-05", result: "birads_4"), ["result"])
            #expect(try await HealthWeb.stepped(ctx, health, b4.id, "biopsy", "2026-10-05").nextStep == "pathology")
            let path = try await HealthWeb.stepped(ctx, health, b4.id, "pathology", "2026-10-12")
            #expect(path.nextStep == "diagnosis" && path.due == "2026-11-11")
            try LoanTests.expectRefused(
                try await HealthWeb.step(ctx, health, b4.id, "diagnosis", "2026-10-15", result: "cin3"), ["result"], "a cervical diagnosis")
            try LoanTests.expectRefused(
                try await HealthWeb.step(ctx, health, b4.id, "diagnosis", "2026-10-15", result: "cancer"), ["stage"])
            try LoanTests.expectRefused(
                try await HealthWeb.step(ctx, health, b4.id, "diagnosis", "2026-10-15", result: "cancer", stage: "VI"), ["stage"])
            let cancer = try await HealthWeb.stepped(ctx, health, b4.id, "diagnosis", "2026-10-15", result: "cancer", stage: "IIA")
            #expect(cancer.nextStep == "treatment" && cancer.diagnosis == "cancer" && cancer.stage == "IIA" && cancer.due == "2026-12-14")
            #expect(try await HealthWeb.stepped(ctx, health, b4.id, "treatment", "2026-11-10").status == "treated")
            let d = try await ctx.api(.GET, "/api/v1/health/followups/\(b4.id)", token: health).content.decode(HealthFollowupDetailDTO.self)
            #expect(d.steps.map(\.step) == ["biopsy", "pathology", "diagnosis", "treatment"] && d.steps[2].stage == "IIA")

            let b3 = try #require(
                try await HealthWeb.screen(ctx, health, HealthWeb.breast(women[1], "2026-10-01", ultrasound: "birads_3")).followUp)
            #expect(b3.nextStep == "mammography")
            try LoanTests.expectRefused(try await HealthWeb.step(ctx, health, b3.id, "mammography", "2026-10-08"), ["result"])
            try LoanTests.expectRefused(
                try await HealthWeb.step(ctx, health, b3.id, "mammography", "2026-10-08", result: "abnormal"), ["result"])
            #expect(try await HealthWeb.stepped(ctx, health, b3.id, "mammography", "2026-10-08", result: "birads_4").nextStep == "biopsy")
            _ = try await HealthWeb.stepped(ctx, health, b3.id, "biopsy", "2026-10-09")
            _ = try await HealthWeb.stepped(ctx, health, b3.id, "pathology", "2026-10-16")
            try LoanTests.expectRefused(
                try await HealthWeb.step(ctx, health, b3.id, "diagnosis", "2026-10-20", result: "benign", stage: "I"), ["stage"])
            let benign = try await HealthWeb.stepped(ctx, health, b3.id, "diagnosis", "2026-10-20", result: "benign")
            #expect(benign.status == "diagnosed" && benign.nextStep == nil && benign.diagnosis == "benign" && benign.stage == nil)

            // A mammogram that needs another look goes to a review, and an abnormal review offers both next steps.
            let b0 = try #require(
                try await HealthWeb.screen(ctx, health, HealthWeb.breast(women[2], "2026-10-01", ultrasound: "birads_0")).followUp)
            #expect(try await HealthWeb.stepped(ctx, health, b0.id, "mammography", "2026-10-08", result: "birads_3").nextStep == "review")
            let both = try await HealthWeb.stepped(ctx, health, b0.id, "review", "2026-10-09", result: "abnormal")
            #expect(both.nextSteps == ["mammography", "biopsy"])
            #expect(try await HealthWeb.stepped(ctx, health, b0.id, "biopsy", "2026-10-10").nextStep == "pathology")
            let clear = try #require(
                try await HealthWeb.screen(ctx, health, HealthWeb.breast(women[3], "2026-10-01", ultrasound: "birads_0")).followUp)
            #expect(
                try await HealthWeb.stepped(ctx, health, clear.id, "mammography", "2026-10-08", result: "birads_1").status
                    == "closed_normal")
        }
    }
}
