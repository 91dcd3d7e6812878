import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// Who sees what (issue 20, item 5, and "Privacy for every role"): results to the health department and the health
/// officers only; counts and due lists to the staff who call women; nothing to volunteers and the other partners; a
/// record of another county is not there; the trail says a result changed, never what it is.
@Suite(.serialized) struct HealthPrivacyWebTests {
    static let site = "石华堰村卫生室（测试）"

    @Test func resultsAreTheDepartmentsAndTheOfficersAndCountsTheStaffs() async throws {
        try await withTestApp { ctx in
            _ = try await UnitService.ensureLoaded(county: "421002", on: ctx.app.db, at: ctx.clock.now())
            let accounts: [(String, Role, String)] = [
                ("admin", .cityAdmin, Codes.county), ("town", .townshipStaff, Codes.taohuashan), ("cun", .villageWorker, Codes.shihuayan),
                ("insp", .inspector, Codes.county), ("aixin", .volunteer, Codes.shihuayan), ("renshe", .partnerHR, Codes.county),
                ("sifa", .partnerJustice, Codes.county), ("weijian", .partnerHealth, Codes.county),
                ("shashi", .partnerHealth, "421002000000"), ("far", .townshipStaff, Codes.tiaoguan),
            ]
            for (u, r, unit) in accounts { try await ctx.makeUser(u, r, unit) }
            let guan = try await ctx.makeUser("guan", .cityAdmin, Codes.county)
            let duty = try await ctx.api(
                .PUT, "/api/v1/accounts/\(guan.id!.uuidString)/duties", token: try await ctx.token("admin"),
                body: ctx.json(DutiesInput(duties: ["health_officer"])))
            #expect(duty.status == .ok, "\(duty.body.string)")
            var token: [String: String] = [:]
            for u in accounts.map(\.0) + ["guan"] { token[u] = try await ctx.token(u) }
            let health = token["weijian"]!
            let her = try await HealthWeb.woman(ctx, token["town"]!, "冯秀梅", born: "1974-04-04", order: 702).person
            let other = try await HealthWeb.woman(ctx, token["town"]!, "陈玉兰", born: "1966-06-06", order: 704).person
            var input = HealthWeb.cervical(her, "2026-11-02", method: "cotest", cytology: "asc_us", hpv: "other_high_risk")
            input.site = Self.site
            let s = try await HealthWeb.screen(ctx, health, input)
            let f = try #require(s.followUp?.id)
            _ = try await HealthWeb.stepped(ctx, health, f, "colposcopy", "2026-11-05", result: "abnormal")
            _ = try await HealthWeb.stepped(ctx, health, f, "histopathology", "2026-11-10")
            _ = try await HealthWeb.stepped(ctx, health, f, "diagnosis", "2026-11-12", result: "cin2")
            let words = [Self.site, "asc_us", "other_high_risk", "colposcopy", "histopathology", "cin2"]

            let reads = [
                "/api/v1/health/screenings", "/api/v1/health/screenings/\(s.id)", "/api/v1/health/followups",
                "/api/v1/health/followups/\(f)",
            ]
            let writes: [(String, ByteBuffer)] = [
                ("/api/v1/health/screenings", ctx.json(HealthWeb.cervical(other, "2026-11-03"))),
                ("/api/v1/health/followups/\(f)/steps", ctx.json(HealthStepInput(step: "treatment", date: "2026-11-18"))),
                ("/api/v1/health/followups/\(f)/attempts", ctx.json(HealthAttemptInput(on: "2026-11-18", channel: "phone"))),
                ("/api/v1/health/followups/\(f)/lost", ctx.json(HealthLostInput(reason: "refused"))),
            ]
            let views = { (id: String) in try await ctx.auditCount(.view, recordID: id) }
            for u in ["admin", "town", "cun", "insp", "aixin", "renshe", "sifa"] {
                for path in reads {
                    let r = try await ctx.api(.GET, path, token: token[u])
                    #expect(r.status == .forbidden, "\(u) GET \(path)")
                    for w in words { #expect(!r.body.string.contains(w), "\(u) reads \(w)") }
                }
                for (path, body) in writes {
                    #expect(try await ctx.api(.POST, path, token: token[u], body: body).status == .forbidden, "\(u) POST \(path)")
                }
            }
            #expect(try await views(s.id) == 0)
            #expect(try await views(f) == 0)
            #expect(try await HealthScreening.query(on: ctx.app.db).count() == 1)
            #expect(try await HealthStepRow.query(on: ctx.app.db).count() == 3)

            // The department and the officer read; each opening is a `view` on the trail. The officer records nothing.
            for u in ["weijian", "guan"] {
                for path in reads {
                    let r = try await ctx.api(.GET, path, token: token[u])
                    #expect(r.status == .ok, "\(u) GET \(path): \(r.body.string.prefix(200))")
                    #expect(r.body.string.contains("cin2") || path.contains("screenings"), "\(u) GET \(path)")
                }
            }
            #expect(try await views(s.id) == 2)
            #expect(try await views(f) == 2)
            let detail = try await ctx.api(.GET, reads[3], token: token["guan"]).content.decode(HealthFollowupDetailDTO.self)
            #expect(
                detail.followUp.nextStep == "treatment" && detail.screening.hpv == "other_high_risk" && detail.screening.site == Self.site)
            for (path, body) in writes {
                #expect(try await ctx.api(.POST, path, token: token["guan"], body: body).status == .forbidden, "guan POST \(path)")
            }
            #expect(try await HealthStepRow.query(on: ctx.app.db).count() == 3)

            // Another county's health department: the records are not there, the woman unknown.
            let shashi = token["shashi"]!
            #expect(try await ctx.api(.GET, reads[1], token: shashi).status == .notFound)
            #expect(try await ctx.api(.GET, reads[3], token: shashi).status == .notFound)
            #expect(try await ctx.api(.POST, writes[1].0, token: shashi, body: writes[1].1).status == .notFound)
            for path in [reads[0], reads[2]] {
                let list = try await ctx.api(.GET, path, token: shashi)
                #expect(list.status == .ok && !list.body.string.contains(Self.site) && !list.body.string.contains("冯秀梅"), "\(path)")
            }
            try LoanTests.expectRefused(try await HealthWeb.post(ctx, shashi, HealthWeb.cervical(other, "2026-11-03")), ["personId"])
            #expect(try await views(s.id) == 2)

            // Counts and due lists: the staff who call women, and the department; no result in them.
            for u in ["admin", "guan", "town", "cun", "insp", "weijian", "aixin", "renshe", "sifa"] {
                let allowed = !["aixin", "renshe", "sifa"].contains(u)
                for path in ["/api/v1/health/counts", "/api/v1/health/due", "/api/v1/health/settings"] {
                    let r = try await ctx.api(.GET, path, token: token[u])
                    #expect(r.status == (allowed ? .ok : .forbidden), "\(u) GET \(path)")
                    // The settings name diagnoses (the early-diagnosis lists), but no woman's.
                    for w in words where !path.hasSuffix("settings") || w == Self.site {
                        #expect(!r.body.string.contains(w), "\(u) \(path) shows \(w)")
                    }
                }
            }
            let counts = try await ctx.api(.GET, "/api/v1/health/counts", token: token["town"]).content.decode(HealthCountsDTO.self)
            #expect(counts.unit == Codes.taohuashan && counts.year == 2026)
            #expect(counts.screened == 1 && counts.due == 2 && counts.followupsOpen == 1, "\(counts)")
            let row = try #require(counts.rows.first { $0.unitCode == Codes.shihuayan })
            #expect(row.screened == 1 && row.due == 2 && row.followupsOpen == 1)
            #expect(counts.rows.filter { $0.unitCode != Codes.shihuayan }.allSatisfy { $0.screened + $0.due + $0.followupsOpen == 0 })
            let city = try await ctx.api(.GET, "/api/v1/health/counts?unit=\(Codes.taohuashan)", token: token["admin"])
            #expect(try city.content.decode(HealthCountsDTO.self).rows.first { $0.unitCode == Codes.shihuayan }?.due == 2)
            let county = try await ctx.api(.GET, "/api/v1/health/counts", token: token["insp"]).content.decode(HealthCountsDTO.self)
            #expect(county.unit == Codes.county && county.rows.first { $0.unitCode == Codes.taohuashan }?.followupsOpen == 1)
            let far = try await ctx.api(.GET, "/api/v1/health/counts?unit=\(Codes.county)", token: token["far"])
            let farCounts = try far.content.decode(HealthCountsDTO.self)
            #expect(farCounts.unit == Codes.tiaoguan && farCounts.screened == 0 && farCounts.followupsOpen == 0)
            // She was screened for the cervix, not yet for the breast: on the breast list only.
            let cervicalDue = try await HealthWeb.due(ctx, token["cun"]!, "cervical")
            #expect(cervicalDue.items.map(\.personId) == [other])
            #expect(Set(try await HealthWeb.due(ctx, token["cun"]!, "breast").items.map(\.personId)) == [her, other])

            // `/api/v1/me`: the duty opens the kind for the officer alone.
            for (u, reads) in [("guan", true), ("weijian", true), ("admin", false), ("town", false), ("insp", false)] {
                let me = try await ctx.api(.GET, "/api/v1/me", token: token[u]).content.decode(MeResponse.self)
                #expect(me.readable.contains("health_result") == reads, "\(u)")
            }
        }
    }

    /// The trail of a result: what changed and who looked, never a value; the whole trail hides it from a city admin
    /// without the duty.
    @Test func theTrailNeverHoldsAResultAndOnlyReadersSeeIt() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            try await ctx.makeUser("weijian", .partnerHealth, Codes.county)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let guan = try await ctx.makeUser("guan", .cityAdmin, Codes.county)
            _ = try await ctx.api(
                .PUT, "/api/v1/accounts/\(guan.id!.uuidString)/duties", token: try await ctx.token("admin"),
                body: ctx.json(DutiesInput(duties: ["health_officer"])))
            let health = try await ctx.token("weijian")
            let her = try await HealthWeb.woman(ctx, try await ctx.token("town"), "冯秀梅", born: "1974-04-04", order: 702).person
            let s = try await HealthWeb.screen(ctx, health, HealthWeb.cervical(her, "2026-11-02", cytology: "asc_us"))
            let f = try #require(s.followUp?.id)
            _ = try await HealthWeb.stepped(ctx, health, f, "colposcopy", "2026-11-05", result: "abnormal")
            _ = try await HealthWeb.stepped(ctx, health, f, "histopathology", "2026-11-10")
            _ = try await HealthWeb.stepped(ctx, health, f, "diagnosis", "2026-11-12", result: "cin2")
            _ = try await ctx.api(
                .POST, "/api/v1/health/followups/\(f)/attempts", token: health,
                body: ctx.json(HealthAttemptInput(on: "2026-11-13", channel: "phone", note: "约好下周治疗 cin2")))
            _ = try await ctx.api(.GET, "/api/v1/health/followups/\(f)", token: health)
            let words = ["asc_us", "colposcopy", "histopathology", "cin2", "nilm", "约好下周治疗"]

            let officer = try await ctx.token("guan")
            let trail = try await ctx.api(.GET, "/api/v1/audit?per=200&type=health_result", token: officer)
            #expect(trail.status == .ok)
            let entries = try trail.content.decode(ListPage<AuditEntryDTO>.self).items
            // The screen and the follow-up created, three steps and an attempt, the view: seven entries.
            #expect(entries.count == 7 && entries.allSatisfy { $0.recordType == "health_result" }, "\(entries.map(\.action))")
            #expect(entries.filter { $0.action == "view" }.map(\.recordId) == [f])
            #expect(trail.body.string.contains(HealthService.withheld))
            let whole = try await ctx.api(.GET, "/api/v1/audit?per=200", token: officer)
            for w in words { #expect(!trail.body.string.contains(w) && !whole.body.string.contains(w), "the trail holds \(w)") }
            #expect(try await AuditEntry.query(on: ctx.app.db).all().allSatisfy { e in !words.contains { e.changes.contains($0) } })

            // A city admin without the duty: the whole trail leaves results out, a result's history is closed.
            let admin = try await ctx.token("admin")
            let plain = try await ctx.api(.GET, "/api/v1/audit?per=200", token: admin).content.decode(ListPage<AuditEntryDTO>.self)
            #expect(!plain.items.isEmpty && !plain.items.contains { $0.recordType == "health_result" })
            let typed = try await ctx.api(.GET, "/api/v1/audit?type=health_result", token: admin)
            #expect(try typed.content.decode(ListPage<AuditEntryDTO>.self).total == 0)
            #expect(try await ctx.api(.GET, "/api/v1/audit", token: health).status == .forbidden, "the department reads no trail")

            for (user, status) in [("guan", HTTPStatus.ok), ("weijian", .ok), ("admin", .forbidden), ("town", .forbidden)] {
                var b = Browser(ctx)
                try await b.login(user)
                for path in ["/history/health_result/\(f)", "/history/health_result/\(s.id)"] {
                    let page = try await b.get(path)
                    #expect(page.status == status, "\(user) \(path)")
                    for w in words { #expect(!page.body.string.contains(w), "\(user) \(path) shows \(w)") }
                }
            }
        }
    }

    /// `GET/PUT /api/v1/health/settings`: the city's to change (`edit_rules`); every bad field named and nothing saved;
    /// a change of the deadlines and the imaging rule reaches the next screen.
    @Test func settingsAreTheCitysAndReachTheNextScreen() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("insp", .inspector, Codes.county)
            try await ctx.makeUser("weijian", .partnerHealth, Codes.county)
            let admin = try await ctx.token("admin"), town = try await ctx.token("town")
            func put(_ token: String, _ input: HealthSettingsInput) async throws -> TestingHTTPResponse {
                try await ctx.api(.PUT, "/api/v1/health/settings", token: token, body: ctx.json(input))
            }
            func current() async throws -> HealthSettingsDTO {
                try await ctx.api(.GET, "/api/v1/health/settings", token: town).content.decode(HealthSettingsDTO.self)
            }
            let defaults = try await current()
            #expect(defaults.ageFrom == 35 && defaults.ageTo == 64 && defaults.cytologyIntervalYears == 3 && defaults.hpvIntervalYears == 5)
            #expect(defaults.breastIntervalYears == 2 && defaults.examinationDays == 30 && defaults.escalateAfterDays == 14)
            #expect(
                defaults.earlyDiagnosis.cervicalDiagnoses == ["cin2", "cin3", "ais"]
                    && defaults.earlyDiagnosis.breastStages == ["I", "IIA"])

            var change = HealthSettingsInput()
            change.examinationDays = 10
            for u in ["town", "insp", "weijian"] {
                #expect(try await put(try await ctx.token(u), change).status == .forbidden, "\(u)")
            }
            var bad = HealthSettingsInput()
            (bad.ageFrom, bad.escalateAfterDays, bad.examinationDays) = (10, 91, 10)
            bad.earlyDiagnosis = EarlyDiagnosisInput(cervicalDiagnoses: ["normal", "cin3"], breastStages: ["I", "VI"])
            try LoanTests.expectRefused(
                try await put(admin, bad),
                ["ageFrom", "escalateAfterDays", "earlyDiagnosis.cervicalDiagnoses[0]", "earlyDiagnosis.breastStages[1]"])
            var cancer = HealthSettingsInput()
            cancer.earlyDiagnosis = EarlyDiagnosisInput(cervicalDiagnoses: ["cin3", "cancer"], breastDiagnoses: ["benign"])
            try LoanTests.expectRefused(
                try await put(admin, cancer), ["earlyDiagnosis.cervicalDiagnoses[1]", "earlyDiagnosis.breastDiagnoses[0]"])
            var order = HealthSettingsInput()
            (order.ageFrom, order.ageTo) = (40, 39)
            try LoanTests.expectRefused(try await put(admin, order), ["ageTo"])
            let unchanged = try await current()
            #expect(unchanged.examinationDays == 30 && unchanged.ageFrom == 35 && unchanged.earlyDiagnosis == defaults.earlyDiagnosis)

            change.biopsyNeedsMammography = 1
            change.earlyDiagnosis = EarlyDiagnosisInput(cervicalDiagnoses: ["ais", "cin3"], breastStages: ["I", "IIA", "IIB"])
            let ok = try await put(admin, change)
            #expect(ok.status == .ok, "\(ok.body.string)")
            let saved = try await current()
            #expect(saved.examinationDays == 10 && saved.biopsyNeedsMammography == 1 && saved.ageFrom == 35 && saved.pathologyDays == 30)
            #expect(saved.earlyDiagnosis.cervicalDiagnoses == ["cin3", "ais"] && saved.earlyDiagnosis.breastStages == ["I", "IIA", "IIB"])
            #expect(saved.earlyDiagnosis.breastDiagnoses == ["dcis"], "a list not sent stays")
            let trail = try await AuditEntry.query(on: ctx.app.db).filter(\.$action == "update").all().map(\.changes).joined()
            #expect(trail.contains("examinationDays") && trail.contains("earlyDiagnosis"))

            // The next BI-RADS 4 goes to mammography first, due in ten days.
            let her = try await HealthWeb.woman(ctx, town, "冯秀梅", born: "1974-04-04", order: 702).person
            let s = try await HealthWeb.screen(
                ctx, try await ctx.token("weijian"), HealthWeb.breast(her, "2026-11-18", ultrasound: "birads_4"))
            #expect(s.followUp?.nextStep == "mammography" && s.followUp?.due == "2026-11-28")
        }
    }
}
