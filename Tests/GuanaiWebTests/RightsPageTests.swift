import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// The rights pages (issue 19): a village worker takes a case through the form (a refused one comes back as typed with a
/// message by each field); township staff without access read the summary and a notice but no name, break the glass
/// and read; a mediator named with a reason takes the case to a written agreement, whose printed 人民调解协议书 carries
/// the terms and is on the trail as an export.
@Suite(.serialized) struct RightsPageTests {
    static func users(_ ctx: TestContext) async throws {
        try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
        try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
        try await ctx.makeUser("insp", .inspector, Codes.county)
        try await ctx.makeUser("sifa", .partnerJustice, Codes.county)
    }

    static func browser(_ ctx: TestContext, _ user: String) async throws -> Browser {
        var b = Browser(ctx)
        try await b.login(user)
        return b
    }

    static func views(_ ctx: TestContext, _ id: String, _ action: String = "view") async throws -> Int {
        try await AuditEntry.query(on: ctx.app.db).filter(\.$recordID == id.lowercased()).filter(\.$action == action).count()
            + AuditEntry.query(on: ctx.app.db).filter(\.$recordID == id.uppercased()).filter(\.$action == action).count()
    }

    @Test func aVillageWorkerTakesACaseThroughTheForm() async throws {
        try await withTestApp { ctx in
            try await Self.users(ctx)
            let today = RegistryService.today(ctx.clock.now())
            var cun = try await Self.browser(ctx, "cun")
            let form = try await cun.get("/rights/new")
            #expect(form.status == .ok && form.body.string.contains("name=\"name0\"") && form.body.string.contains(today.iso))
            #expect(try await cun.get("/rights").body.string.contains("href=\"/rights/new\""))

            // Only the other side given, no story, a day still to come: each named at its field, everything typed kept.
            var typed = [
                "villageCode": Codes.shihuayan, "channel": "walk_in", "category": "support", "role0": "respondent", "name0": "王大强（测试）",
                "relation0": "儿子", "role1": "other", "name1": "", "narrative": " ", "request": "每月给生活费（测试）",
                "receivedOn": today.adding(days: 1).iso, "womensHome": "1",
            ]
            let bad = try await cun.post("/rights/new", typed)
            #expect(bad.status == .unprocessableEntity)
            let body = bad.body.string
            #expect(body.contains("id=\"parties-error\"") && body.contains("至少要有一名申请人"))
            #expect(body.contains("id=\"narrative-error\"") && body.contains("id=\"receivedOn-error\"") && body.contains("日期不能晚于今天"))
            #expect(body.contains("value=\"王大强（测试）\"") && body.contains("每月给生活费（测试）") && body.contains("value=\"儿子\""))
            #expect(try await RightsCase.query(on: ctx.app.db).count() == 0)
            // A bad phone on the second row is named on that row.
            typed.merge(["role1": "applicant", "name1": "李秀英（测试）", "phone1": "12345", "narrative": "儿子不给赡养费（测试）"]) { _, b in b }
            let phone = try await cun.post("/rights/new", typed)
            #expect(phone.status == .unprocessableEntity && phone.body.string.contains("id=\"phone1-error\""))

            typed["phone1"] = "13812345678"
            typed["receivedOn"] = today.iso
            let made = try await cun.post("/rights/new", typed)
            #expect(made.status == .seeOther)
            let page = try #require(made.headers.first(name: .location))
            let c = try #require(try await RightsCase.query(on: ctx.app.db).first())
            #expect(page == "/rights/" + c.id!.uuidString && c.womensHome && c.status == .received)
            let mine = try await cun.get(page).body.string
            #expect(mine.contains("李秀英（测试）") && mine.contains("儿子不给赡养费（测试）") && mine.contains("action=\"\(page)/accept\""))
            // The list says the case, never a name.
            let list = try await cun.get("/rights").body.string
            #expect(list.contains(c.caseNo) && !list.contains("李秀英") && !list.contains("王大强"))
            // The inspector reads the list and is offered no intake.
            var insp = try await Self.browser(ctx, "insp")
            #expect(!(try await insp.get("/rights").body.string.contains("href=\"/rights/new\"")))
            #expect(try await insp.get("/rights/new").status == .forbidden)
        }
    }

    @Test func townshipStaffWithoutAccessSeesTheSummaryThenBreaksGlass() async throws {
        try await withTestApp { ctx in
            try await Self.users(ctx)
            let c = try await RightsTests.take(ctx, try await ctx.token("cun"))
            let page = "/rights/" + c.id
            var town = try await Self.browser(ctx, "town")
            let before = try await Self.views(ctx, c.id)
            let shut = try await town.get(page)
            #expect(shut.status == .ok)
            let body = shut.body.string
            #expect(body.contains(c.caseNo) && body.contains("id=\"restricted\"") && body.contains("action=\"\(page)/access\""))
            for secret in [RightsTests.applicant, RightsTests.respondent, RightsTests.narrative, "每月给付生活费"] {
                #expect(!body.contains(secret), "shows \(secret)")
            }
            #expect(!body.contains("action=\"\(page)/accept\""))
            #expect(try await Self.views(ctx, c.id) == before)
            // The inspector reads the same summary and is offered no way in.
            var insp = try await Self.browser(ctx, "insp")
            let inspPage = try await insp.get(page).body.string
            #expect(inspPage.contains("id=\"restricted\"") && !inspPage.contains("/access\""))
            #expect(try await insp.post(page + "/access", ["reason": "看看"]).status == .forbidden)

            let noReason = try await town.post(page + "/access", ["reason": " "])
            #expect(noReason.status == .unprocessableEntity && noReason.body.string.contains("id=\"access-reason-error\""))
            #expect(!noReason.body.string.contains(RightsTests.applicant))
            let opened = try await town.post(page + "/access", ["reason": "镇里核实赡养纠纷（测试）"])
            #expect(opened.status == .seeOther)
            let read = try await town.get(page).body.string
            #expect(read.contains(RightsTests.applicant) && read.contains(RightsTests.narrative) && read.contains("id=\"read-until\""))
            #expect(read.contains("临时查阅至") && read.contains("镇里核实赡养纠纷（测试）"))
            // Break-glass reads and changes nothing: no step is offered, and one sent is refused.
            #expect(!read.contains("action=\"\(page)/accept\"") && !read.contains("action=\"\(page)/meetings\""))
            #expect(try await town.post(page + "/accept", ["applicant": "yes", "respondent": "yes"]).status == .forbidden)
            #expect(try await Self.views(ctx, c.id) > before)
        }
    }

    @Test func aNamedMediatorReachesAWrittenAgreementAndPrintsIt() async throws {
        try await withTestApp { ctx in
            try await Self.users(ctx)
            let today = RegistryService.today(ctx.clock.now()).iso
            let c = try await RightsTests.take(ctx, try await ctx.token("cun"))
            let page = "/rights/" + c.id
            var town = try await Self.browser(ctx, "town")
            let townID = try #require(try await User.query(on: ctx.app.db).filter(\.$username == "town").first()?.id).uuidString
            #expect(try await town.get(page).body.string.contains("value=\"\(townID)\""))
            let noReason = try await town.post(page + "/mediators", ["userId": townID])
            #expect(noReason.status == .unprocessableEntity && noReason.body.string.contains("id=\"mediators-reason-error\""))
            #expect(try await town.post(page + "/mediators", ["userId": townID, "reason": "村里请镇里调解（测试）"]).status == .seeOther)

            var cun = try await Self.browser(ctx, "cun")
            #expect(try await cun.get(page + "/agreement/print").status == .notFound)
            let refused = try await town.post(page + "/accept", ["applicant": "yes", "respondent": "no"])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("id=\"accept-advice-error\""))
            #expect(try await town.post(page + "/accept", ["applicant": "yes", "respondent": "yes"]).status == .seeOther)
            let met = try await town.post(
                page + "/meetings", ["date": today, "place": "石华堰村妇女之家", "attendeeLines": "李秀英\n王大强\n", "minutes": "双方同意每月给付（测试）"])
            #expect(met.status == .seeOther)

            var written = [
                "kind": "written_agreement", "facts": "赡养费争议（测试事实）", "terms": "", "performance": "每月五日前转账",
                "signerLines": "李秀英\n王大强", "signedOn": today,
            ]
            let missing = try await town.post(page + "/outcome", written)
            #expect(missing.status == .unprocessableEntity)
            #expect(
                missing.body.string.contains("id=\"outcome-written_agreement-terms-error\"") && missing.body.string.contains("赡养费争议（测试事实）"))
            written["terms"] = "王大强每月给付母亲生活费六百元（测试条款）"
            #expect(try await town.post(page + "/outcome", written).status == .seeOther)
            #expect(try await RightsCase.find(UUID(uuidString: c.id), on: ctx.app.db)?.status == .agreed)

            let exports = try await Self.views(ctx, c.id, "export")
            let printed = try await town.get(page + "/agreement/print")
            #expect(printed.status == .ok)
            let sheet = printed.body.string
            #expect(sheet.contains("人民调解协议书") && sheet.contains("王大强每月给付母亲生活费六百元（测试条款）") && sheet.contains(c.caseNo))
            #expect(sheet.contains("每月五日前转账") && sheet.contains("人民调解员") && sheet.contains(RightsTests.applicant))
            #expect(try await Self.views(ctx, c.id, "export") == exports + 1)
            // Who has no access gets no paper.
            var insp = try await Self.browser(ctx, "insp")
            #expect(try await insp.get(page + "/agreement/print").status == .forbidden)
            #expect(try await Self.views(ctx, c.id, "export") == exports + 1)
        }
    }

    /// A domestic-violence case on its page: the child of the household offered the report, a refused decline kept as
    /// typed, then filed; the safety plan's form refused with the field named and what was typed kept, then saved.
    @Test func aDomesticViolenceCasePageOffersTheChildReportAndTheSafetyPlan() async throws {
        try await withTestApp { ctx in
            try await Self.users(ctx)
            let cunToken = try await ctx.token("cun")
            let (c, kid) = try await RightsChildReportWebTests.householdCase(ctx, cunToken, order: 142)
            let page = "/rights/" + c.id
            var cun = try await Self.browser(ctx, "cun")
            let shown = try await cun.get(page).body.string
            #expect(
                shown.contains("action=\"\(page)/child-reports\"") && shown.contains("王小雨") && shown.contains("action=\"\(page)/safety\""))

            let noReason = try await cun.post(page + "/child-reports", ["childId": kid.id, "decision": "decline", "reason": " "])
            #expect(noReason.status == .unprocessableEntity)
            let k = String(kid.id.prefix(8))
            #expect(noReason.body.string.contains("id=\"child-\(k)-reason-error\"") && noReason.body.string.contains("open=\"open\""))
            let seen = "（测试）孩子躲在床下，手臂有淤青"
            let filed = try await cun.post(page + "/child-reports", ["childId": kid.id, "seen": seen])
            #expect(filed.status == .seeOther)
            #expect(try await Report.query(on: ctx.app.db).filter(\.$childID == UUID(uuidString: kid.id)!).count() == 1)
            #expect(try await cun.get(page).body.string.contains("已提交强制报告"))

            let typed = [
                "risk": "high", "plan": "（测试）暂住娘家", "orderApplied": "2026-11-01", "orderCourt": "石首市人民法院", "orderStatus": "pending",
                "orderExpires": "2027-05-01",
            ]
            let bad = try await cun.post(page + "/safety", typed)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("id=\"safety-order-expires-error\"") && bad.body.string.contains("（测试）暂住娘家"))
            var good = typed
            good["orderExpires"] = ""
            #expect(try await cun.post(page + "/safety", good).status == .seeOther)
            let saved = try await cun.get(page).body.string
            #expect(saved.contains("id=\"safety-shown\"") && saved.contains("审查中") && saved.contains("value=\"石首市人民法院\""))
        }
    }

    /// The list filtered by unit, and its export: the summaries' columns, never a party or a word of the case; audited.
    @Test func theListFiltersByUnitAndExportsSummariesOnly() async throws {
        try await withTestApp { ctx in
            try await Self.users(ctx)
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            let c = try await RightsTests.take(ctx, try await ctx.token("cun"))
            var admin = try await Self.browser(ctx, "admin")
            let list = try await admin.get("/rights?unit=\(Codes.taohuashan)").body.string
            #expect(list.contains(c.caseNo) && list.contains("id=\"export-csv\""))
            #expect(!(try await admin.get("/rights?unit=\(Codes.tiaoguan)").body.string.contains(c.caseNo)))
            let before = try await AuditEntry.query(on: ctx.app.db).filter(\.$action == "export").count()
            let csv = try await admin.get("/rights/export?format=csv&unit=\(Codes.taohuashan)")
            #expect(csv.status == .ok)
            let text = csv.body.string
            #expect(text.contains(c.caseNo) && text.contains("石华堰"))
            for secret in [RightsTests.applicant, RightsTests.respondent, RightsTests.narrative, "每月给付生活费"] {
                #expect(!text.contains(secret), "exports \(secret)")
            }
            #expect(try await AuditEntry.query(on: ctx.app.db).filter(\.$action == "export").count() == before + 1)
            let xlsx = try await admin.get("/rights/export?unit=\(Codes.taohuashan)")
            #expect(xlsx.status == .ok && xlsx.headers.contentType?.subType.contains("spreadsheet") == true)
            #expect(!(try await admin.get("/rights/export?format=csv&unit=\(Codes.tiaoguan)").body.string.contains(c.caseNo)))
            // The justice bureau takes its summaries away too; a volunteer reads no rights records at all.
            var sifa = try await Self.browser(ctx, "sifa")
            #expect(try await sifa.get("/rights/export?format=csv").body.string.contains(c.caseNo))
            try await ctx.makeUser("vol", .volunteer, Codes.shihuayan)
            var vol = try await Self.browser(ctx, "vol")
            #expect(try await vol.get("/rights/export?format=csv").status == .forbidden)
        }
    }
}
