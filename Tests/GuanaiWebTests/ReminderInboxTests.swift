import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// Reminders that are not about a child (issue 18): a late repayment and a missing follow-up reach 我的提醒 and
/// the home page count of each account they are addressed to, accounts made after the reminder included, and leave
/// when the subject is put right.
@Suite(.serialized) struct ReminderInboxTests {
    @Test func aLateLoanIsInTheLabourDepartmentsAndTheVillageWorkersInbox() async throws {
        try await withTestApp { ctx in
            for (u, r, unit) in [
                ("cun", Role.villageWorker, Codes.shihuayan), ("xiangzhen", .townshipStaff, Codes.taohuashan),
                ("renshe", .partnerHR, Codes.county), ("renshe2", .partnerHR, Codes.county), ("far", .villageWorker, Codes.tiaoguanVillage),
            ] {
                try await ctx.makeUser(u, r, unit)
            }
            let cun = try await ctx.token("cun")
            let her = try await LoanTests.woman(ctx, cun, "邓月娥", village: Codes.shihuayan, born: (1981, 1, 21), order: 2)
            let id = try await LoanTests.disbursed(ctx, cun, her, amount: "30000.00", term: 12, rateBP: 400)
            // The first interest instalment (due 2026-12-18) unpaid on 2026-12-26.
            #expect(try await LoanSweep.run(on: ctx.app.db, at: ctx.app.now.addingTimeInterval(38 * 86_400)) == 1)
            // An account made after the reminder sees it too: 我的提醒 is read by role and unit, not from the outbox.
            try await ctx.makeUser("renshe3", .partnerHR, Codes.county)

            for (user, sees) in [("renshe", true), ("renshe3", true), ("cun", true), ("xiangzhen", false), ("far", false)] {
                var b = Browser(ctx)
                try await b.login(user)
                let inbox = try await b.get("/inbox")
                #expect(inbox.status == .ok, "\(user): \(inbox.status)")
                #expect(
                    inbox.body.string.contains("邓月娥") == sees,
                    "\(user) \(sees ? "sees" : "does not see") the late loan: \(inbox.body.string.split(separator: "</nav>").last ?? "")")
                if sees {
                    #expect(inbox.body.string.contains("/loans/\(id)"), "\(user): the reminder links to the loan")
                    let home = try await b.get("/")
                    #expect(home.body.string.contains("/inbox"), "\(user): the home page counts it")
                }
            }
            var hr = Browser(ctx)
            try await hr.login("renshe")
            let home = try await hr.get("/")
            #expect(home.body.string.contains(UILanguage.zh.t("home.reminders", "1")), "\(home.body.string.prefix(600))")
            // partner_hr has no alert inbox, but 我的提醒 is in her navigation.
            #expect(home.body.string.contains(#"href="/inbox""#))

            // Paid up: the reminder leaves at once.
            let dto = try await ctx.api(.GET, "/api/v1/loans/\(id)", token: try await ctx.token("renshe")).content.decode(LoanDTO.self)
            let first = try #require(dto.schedule.first)
            let paid = try await ctx.api(
                .POST, "/api/v1/loans/\(id)/repayments", token: try await ctx.token("renshe"),
                body: ctx.json(LoanRepaymentInput(on: "2026-11-18", principal: "0", interest: first.interest)))
            #expect(paid.status == .created, "\(paid.body.string)")
            #expect(!(try await hr.get("/inbox")).body.string.contains("邓月娥"))
        }
    }

    @Test func aLateFairFollowUpRemindsTheTownshipOnceAndLeavesWhenRecorded() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("xiangzhen", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("tiaoguan", .townshipStaff, Codes.tiaoguan)
            let town = try await ctx.token("xiangzhen")
            let her = try await JobFairTests.woman(ctx, town, "覃春花", village: Codes.shihuayan, order: 2)
            let fair = try await JobFairTests.post(
                ctx, "/api/v1/job-fairs", town, JobFairInput(name: "桃花山镇春风送岗位", unitCode: Codes.taohuashan, date: "2026-11-18")
            ).content.decode(JobFairDTO.self)
            let base = "/api/v1/job-fairs/\(fair.id)"
            let employer = try await JobFairTests.post(ctx, base + "/employers", town, FairEmployerInput(name: "石首服装厂")).content.decode(
                FairEmployerDTO.self)
            let posting = try await JobFairTests.post(
                ctx, base + "/postings", town, FairPostingInput(employerId: employer.id, title: "缝纫工", openings: 3)
            ).content.decode(FairPostingDTO.self)
            _ = try await JobFairTests.post(ctx, base + "/attendees", town, FairPersonInput(personId: her))
            let hire = try await JobFairTests.post(ctx, base + "/hires", town, FairPersonInput(personId: her, postingId: posting.id))
                .content.decode(FairPersonDTO.self)
            let h = try #require(try await FairHire.find(UUID(uuidString: hire.id), on: ctx.app.db))
            let check = try #require(h.followupCheckOn.flatMap(CivilDate.init(iso:)))
            let db = ctx.app.db
            let day = { (d: CivilDate) in
                ctx.app.now.addingTimeInterval(Double(d.dayNumber - RegistryService.today(ctx.app.now).dayNumber) * 86_400)
            }
            #expect(try await FollowupSweep.run(on: db, at: day(check.adding(days: -1))) == 0, "within the grace days")
            #expect(try await FollowupSweep.run(on: db, at: day(check)) == 1)
            #expect(try await FollowupSweep.run(on: db, at: day(check.adding(days: 3))) == 0, "once")
            let r = try #require(try await Reminder.query(on: db).first())
            #expect(r.subjectType == .jobFairHire && r.roles == ",township_staff," && r.daysOverdue == 7 && r.unitCode == Codes.shihuayan)
            let sent = try await OutboxMessage.query(on: db).all()
            #expect(sent.count == 1, "to the township staff of her township only")

            var b = Browser(ctx)
            try await b.login("xiangzhen")
            let inbox = try await b.get("/inbox")
            #expect(
                inbox.body.string.contains("覃春花") && inbox.body.string.contains("/job-fairs/\(fair.id)"),
                "\(inbox.body.string.split(separator: "</nav>").last ?? "")")
            var other = Browser(ctx)
            try await other.login("tiaoguan")
            #expect(!(try await other.get("/inbox")).body.string.contains("覃春花"))

            let done = try await JobFairTests.post(
                ctx, "/api/v1/job-fair-hires/\(hire.id)/followups", town, FairFollowupInput(outcome: "employed", note: "在厂里做缝纫"))
            #expect(done.status == .created, "\(done.body.string)")
            #expect(!(try await b.get("/inbox")).body.string.contains("覃春花"))
            #expect(try await Reminder.query(on: db).filter(\.$resolvedAt == nil).count() == 0)
        }
    }
}
