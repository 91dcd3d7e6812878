import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// The loans' pages (issue 18, items 6-10): each reading role reads them, a refused form comes back as typed with a
/// message by the field, the next step's form is offered only to the roles that record it and never to the account
/// behind the last step, each view is audited, the export takes the list away.
@Suite(.serialized) struct LoanPageTests {
    static func users(_ ctx: TestContext) async throws {
        try await ctx.makeUser("admin", .cityAdmin, Codes.county)
        try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
        try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
        try await ctx.makeUser("hr1", .partnerHR, Codes.county)
        try await ctx.makeUser("hr2", .partnerHR, Codes.county)
        try await ctx.makeUser("insp", .inspector, Codes.county)
        try await ctx.makeUser("weijian", .partnerHealth, Codes.county)
    }

    static func browser(_ ctx: TestContext, _ user: String) async throws -> Browser {
        var b = Browser(ctx)
        try await b.login(user)
        return b
    }

    /// Whether the page offers a POST form to the loan's steps.
    static func offersStep(_ html: String, _ loanPath: String) -> Bool { html.contains("action=\"\(loanPath)/steps\"") }

    @Test func anApplicationAndItsStepsFromThePages() async throws {
        try await withTestApp { ctx in
            try await Self.users(ctx)
            let admin = try await ctx.token("admin")
            let woman = try await JobFairTests.woman(ctx, admin, "周秀英", village: Codes.shihuayan, order: 512)
            var cun = try await Self.browser(ctx, "cun")
            #expect(try await cun.get("/loans/new").status == .ok)
            let found = try await cun.get("/loans/new?q=" + "周秀".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)
            #expect(found.body.string.contains("周秀英") && found.body.string.contains("personId=" + woman))

            // Above the individual limit: 422, what was typed comes back, the message stands by the amount.
            let typed = ["personId": woman, "kind": "individual", "project": "养蜂合作（测试）", "amount": "200000.01", "termMonths": "24"]
            let over = try await cun.post("/loans/new", typed)
            #expect(over.status == .unprocessableEntity)
            let body = over.body.string
            #expect(body.contains("养蜂合作（测试）") && body.contains("value=\"200000.01\"") && body.contains("周秀英"))
            #expect(body.contains("id=\"amount-error\"") && body.contains("超过额度，最多 200000.00 元"))
            #expect(try await Loan.query(on: ctx.app.db).count() == 0)
            // 核对资格 judges without saving and says every reason.
            var checking = typed
            checking["check"] = "1"
            checking["termMonths"] = "37"
            let checked = try await cun.post("/loans/new", checking)
            #expect(checked.status == .ok && checked.body.string.contains("id=\"eligibility\""))
            #expect(checked.body.string.contains("期限最长 36 个月") && checked.body.string.contains("超过额度"))
            #expect(try await Loan.query(on: ctx.app.db).count() == 0)

            var fine = typed
            fine["amount"] = "200000.00"
            let made = try await cun.post("/loans/new", fine)
            #expect(made.status == .seeOther)
            let page = try #require(made.headers.first(name: .location))
            #expect(page.hasPrefix("/loans/"))
            let loanID = try #require(try await Loan.query(on: ctx.app.db).first()?.id)

            // The applicant reads it but records no step; the township recommends, then may not record the next.
            let mine = try await cun.get(page)
            #expect(mine.status == .ok && mine.body.string.contains("已申请") && !Self.offersStep(mine.body.string, page))
            var town = try await Self.browser(ctx, "town")
            #expect(Self.offersStep(try await town.get(page).body.string, page))
            #expect(try await town.post(page + "/steps", ["step": "recommend", "decision": "approved"]).status == .seeOther)
            let after = try await town.get(page).body.string
            #expect(after.contains("妇联已推荐") && !Self.offersStep(after, page) && after.contains("等待“人社资格审核”"))

            // The labour department: a missing document number is named, the reason typed is kept.
            var hr1 = try await Self.browser(ctx, "hr1")
            let hrPage = try await hr1.get(page).body.string
            #expect(Self.offersStep(hrPage, page) && hrPage.contains("name=\"documentNo\""))
            let noDoc = try await hr1.post(page + "/steps", ["step": "hr_review", "decision": "approved", "reason": "材料齐全（测试）"])
            #expect(noDoc.status == .unprocessableEntity)
            #expect(noDoc.body.string.contains("id=\"documentNo-error\"") && noDoc.body.string.contains("材料齐全（测试）"))
            #expect(try await Loan.find(loanID, on: ctx.app.db)?.status == .recommended)
            let reviewed = try await hr1.post(page + "/steps", ["step": "hr_review", "decision": "approved", "documentNo": "人社审〔2026〕1号"])
            #expect(reviewed.status == .seeOther)
            let maker = try await hr1.get(page).body.string
            #expect(!Self.offersStep(maker, page) && maker.contains("另一位同事"))
            var hr2 = try await Self.browser(ctx, "hr2")
            #expect(Self.offersStep(try await hr2.get(page).body.string, page))
            // The next step is the labour department's: the township and the inspector are offered no form.
            #expect(!Self.offersStep(try await town.get(page).body.string, page))
            var insp = try await Self.browser(ctx, "insp")
            let read = try await insp.get(page)
            #expect(
                read.status == .ok && read.body.string.contains("人社已审核") && !read.body.string.contains("method=\"post\" action=\"/loans"))

            // The bank's terms: a rate above LPR + 150 BP is named by its field, what was typed kept.
            #expect(
                try await hr2.post(page + "/steps", ["step": "guarantee", "decision": "approved", "documentNo": "担保1号"]).status == .seeOther
            )
            let capped = try await hr1.post(
                page + "/steps",
                [
                    "step": "bank_approval", "decision": "approved", "documentNo": "银行1号", "amount": "200000.00", "rateBP": "451",
                    "termMonths": "24",
                ])
            #expect(capped.status == .unprocessableEntity && capped.body.string.contains("id=\"rateBP-error\""))
            #expect(capped.body.string.contains("value=\"451\"") && capped.body.string.contains("银行1号"))

            // Each view of the page is on the trail.
            let views = try await AuditEntry.query(on: ctx.app.db).filter(\.$recordID == loanID.uuidString).filter(\.$action == "view")
                .count()
            _ = try await insp.get(page)
            #expect(
                try await AuditEntry.query(on: ctx.app.db).filter(\.$recordID == loanID.uuidString).filter(\.$action == "view").count()
                    == views + 1)
        }
    }

    @Test func everyReadingRoleReadsTheListAndTheExportTakesItAway() async throws {
        try await withTestApp { ctx in
            try await Self.users(ctx)
            let admin = try await ctx.token("admin")
            let woman = try await JobFairTests.woman(ctx, admin, "钱桂兰", village: Codes.shihuayan, order: 514)
            var cun = try await Self.browser(ctx, "cun")
            let made = try await cun.post(
                "/loans/new", ["personId": woman, "kind": "individual", "project": "农家乐（测试）", "amount": "50000", "termMonths": "12"])
            let page = try #require(made.headers.first(name: .location))
            for user in ["admin", "town", "cun", "hr1", "insp"] {
                var b = try await Self.browser(ctx, user)
                let list = try await b.get("/loans")
                #expect(list.status == .ok && list.body.string.contains("钱桂兰") && list.body.string.contains("id=\"portfolio\""), "\(user)")
                #expect(try await b.get(page).status == .ok, "\(user)")
                #expect(try await b.get("/loans?status=disbursed").body.string.contains("钱桂兰") == false, "\(user)")
                let mayApply = user == "town" || user == "cun"
                #expect(try await b.get("/loans/new").status == (mayApply ? .ok : .forbidden), "\(user)")
            }
            var weijian = try await Self.browser(ctx, "weijian")
            #expect(try await weijian.get("/loans").status == .forbidden)
            #expect(try await weijian.get(page).status == .forbidden)

            var insp = try await Self.browser(ctx, "insp")
            let csv = try await insp.get("/loans/export?format=csv")
            #expect(csv.status == .ok && csv.body.string.contains("钱桂兰") && csv.body.string.contains("农家乐（测试）"))
            let xlsx = try await insp.get("/loans/export?format=xlsx")
            #expect(xlsx.status == .ok && xlsx.body.readableBytes > 100)
            #expect(try await AuditEntry.query(on: ctx.app.db).filter(\.$action == "export").count() >= 2)
        }
    }

    /// A disbursed loan: the schedule, the repayment form for the labour department only, a refused repayment as typed.
    @Test func aDisbursedLoansRepaymentsFromThePage() async throws {
        try await withTestApp { ctx in
            try await Self.users(ctx)
            let admin = try await ctx.token("admin")
            let woman = try await JobFairTests.woman(ctx, admin, "吴翠萍", village: Codes.shihuayan, order: 516)
            let cunToken = try await ctx.token("cun")
            let applied = try await ctx.api(
                .POST, "/api/v1/loans", token: cunToken,
                body: ctx.json(
                    LoanApplicationInput(personId: woman, kind: "individual", amount: "100000.00", termMonths: 12, project: "网店")))
            let id = try applied.content.decode(LoanDTO.self).id
            let steps: [(String, LoanStepInput)] = [
                ("town", LoanStepInput(step: "recommend", decision: "approved")),
                ("hr1", LoanStepInput(step: "hr_review", decision: "approved", documentNo: "a1")),
                ("hr2", LoanStepInput(step: "guarantee", decision: "approved", documentNo: "a2")),
                (
                    "hr1",
                    LoanStepInput(
                        step: "bank_approval", decision: "approved", documentNo: "a3", amount: "100000.00", rateBP: 400, termMonths: 12)
                ),
                ("hr2", LoanStepInput(step: "disburse", decision: "approved", documentNo: "a4", amount: "100000.00")),
            ]
            for (user, s) in steps {
                let r = try await ctx.api(.POST, "/api/v1/loans/\(id)/steps", token: try await ctx.token(user), body: ctx.json(s))
                #expect(r.status == .ok, "\(s.step ?? ""): \(r.body.string)")
            }
            let page = "/loans/" + id
            var hr1 = try await Self.browser(ctx, "hr1")
            let shown = try await hr1.get(page).body.string
            #expect(shown.contains("已放款") && shown.contains("id=\"schedule\"") && shown.contains("action=\"\(page)/repayments\""))
            #expect(!Self.offersStep(shown, page))
            var town = try await Self.browser(ctx, "town")
            #expect(!(try await town.get(page).body.string.contains("/repayments\"")))
            let bad = try await hr1.post(page + "/repayments", ["on": "2026-11-18", "principal": "abc", "interest": "12.5"])
            #expect(
                bad.status == .unprocessableEntity && bad.body.string.contains("value=\"abc\"")
                    && bad.body.string.contains("id=\"repay-principal-error\""))
            let good = try await hr1.post(page + "/repayments", ["on": "2026-11-18", "principal": "1000.00", "interest": "0"])
            #expect(good.status == .seeOther)
            #expect(try await hr1.get(page).body.string.contains("1,000.00"))
            // The quarter is running: no claim offered yet.
            #expect(!(try await hr1.get(page).body.string.contains("/subsidies/")))

            // 45 days on: the quarter is over, the 2026-12-18 instalment unpaid (its row marked late). One clerk claims,
            // the same may not record the payment (the reason shown), the other does.
            ctx.clock.advance(by: 45 * 86_400)
            hr1 = try await Self.browser(ctx, "hr1")
            let late = try await hr1.get(page).body.string
            #expect(late.contains("<tr class=\"late\">") && late.contains("逾期"))
            let claim = try #require(late.firstMatch(of: /action="([^"]+\/subsidies\/[0-9-]+)\/claim"/)).1
            #expect(try await hr1.post(String(claim) + "/claim", [:]).status == .seeOther)
            let own = try await hr1.post(String(claim) + "/pay", [:])
            #expect(own.status == .unprocessableEntity && own.body.string.contains("另一位同事"))
            var hr2 = try await Self.browser(ctx, "hr2")
            #expect(try await hr2.post(String(claim) + "/pay", [:]).status == .seeOther)
            #expect(try await hr2.get(page).body.string.contains("已拨付"))
            let unknown = try await hr2.post(page + "/subsidies/2020-01-01/claim", [:])
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("这笔贷款没有从 2020-01-01 开始的贴息季度"))
            town = try await Self.browser(ctx, "town")
            #expect(!(try await town.get(page).body.string.contains("/subsidies/")))
        }
    }
}
