import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// A woman's employment record (issue 18, item 10): `GET /api/v1/people/{id}/employment` and the 就业创业 section of
/// her page, with her course, fair and loan, for the roles that read employment, in their jurisdiction only.
@Suite(.serialized) struct PersonEmploymentTests {
    @Test func herTrainingsFairsAndLoansAreReadByWhoReadsEmployment() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("far", .townshipStaff, Codes.tiaoguan)
            try await ctx.makeUser("renshe", .partnerHR, Codes.county)
            try await ctx.makeUser("weijian", .partnerHealth, Codes.county)
            try await ctx.makeUser("vol", .volunteer, Codes.shihuayan)
            let cun = try await ctx.token("cun"), town = try await ctx.token("town")
            let made = try await ctx.api(
                .POST, "/api/v1/women", token: cun,
                body: ctx.json([
                    "name": AnyEncodable("周春兰"), "idNumber": AnyEncodable(Synthetic.id(1988, 4, 4, order: 702)),
                    "villageCode": AnyEncodable(Codes.shihuayan), "hukou": AnyEncodable("rural"),
                ]))
            #expect(made.status == .created, "\(made.body.string)")
            let woman = try made.content.decode(WomanDTO.self)
            let pid = woman.personId
            let empty = try await ctx.api(.GET, "/api/v1/people/\(pid)/employment", token: cun).content.decode(PersonEmploymentDTO.self)
            #expect(empty.trainings.isEmpty && empty.fairs.isEmpty && empty.loans.isEmpty && empty.name == "周春兰")

            // A course she finished, a fair where she was hired, a loan applied for.
            let c = try await TrainingTests.create(ctx, cun, TrainingTests.course())
            #expect(try await TrainingTests.enrol(ctx, cun, c.id, pid).status == .created)
            for day in ["2026-11-02", "2026-11-03"] {
                #expect(try await TrainingTests.mark(ctx, cun, c.id, day, [(pid, true)]).status == .ok)
            }
            let rows = try await ctx.api(.GET, "/api/v1/courses/\(c.id)/enrolments", token: cun).content.decode(CourseEnrolmentsDTO.self)
            let done = try await ctx.api(
                .POST, "/api/v1/training-enrolments/\(rows.items[0].id)/complete", token: cun,
                body: ctx.json(TrainingCompleteInput(certificateNo: "SS-2026-009")))
            #expect(done.status == .ok || done.status == .created, "\(done.body.string)")
            let fair = try await JobFairTests.post(
                ctx, "/api/v1/job-fairs", cun, JobFairInput(name: "石华堰村春风送岗位", unitCode: Codes.shihuayan, date: "2026-11-18")
            ).content.decode(JobFairDTO.self)
            let path = "/api/v1/job-fairs/\(fair.id)"
            let e = try await JobFairTests.post(ctx, path + "/employers", town, FairEmployerInput(name: "石首某电商")).content.decode(
                FairEmployerDTO.self)
            let job = try await JobFairTests.post(
                ctx, path + "/postings", town, FairPostingInput(employerId: e.id, title: "客服", openings: 1)
            )
            .content.decode(FairPostingDTO.self)
            #expect(try await JobFairTests.post(ctx, path + "/attendees", cun, FairPersonInput(personId: pid)).status == .created)
            #expect(
                try await JobFairTests.post(ctx, path + "/hires", cun, FairPersonInput(personId: pid, postingId: job.id)).status == .created
            )
            let loan = try await ctx.api(
                .POST, "/api/v1/loans", token: cun,
                body: ctx.json(LoanApplicationInput(personId: pid, kind: "individual", amount: "80000.00", termMonths: 24, project: "网店")))
            #expect(loan.status == .created, "\(loan.body.string)")

            let before = try await AuditEntry.query(on: ctx.app.db).filter(\.$recordType == "employment").filter(\.$action == "view")
                .filter(\.$recordID == pid).count()
            let res = try await ctx.api(.GET, "/api/v1/people/\(pid)/employment", token: try await ctx.token("renshe"))
            #expect(res.status == .ok, "\(res.body.string)")
            let d = try res.content.decode(PersonEmploymentDTO.self)
            let t = try #require(d.trainings.first)
            #expect(t.course == "电商培训班" && t.stage == "completed" && t.certificateNo == "SS-2026-009")
            #expect(t.daysHeld == 2 && t.daysPresent == 2 && t.from == "2026-11-02")
            let f = try #require(d.fairs.first)
            #expect(f.attended && f.fair == "石华堰村春风送岗位" && f.hires.map(\.posting) == ["客服"] && f.hires[0].followupDue != nil)
            let l = try #require(d.loans.first)
            #expect(l.status == "applied" && l.amount == "80000.00" && l.outstanding == "0.00" && !l.overdue && l.role == "borrower")
            let after = try await AuditEntry.query(on: ctx.app.db).filter(\.$recordType == "employment").filter(\.$action == "view")
                .filter(\.$recordID == pid).count()
            #expect(after == before + 1)

            // Roles that do not read employment: 403; outside the jurisdiction: 404.
            for who in ["weijian", "vol"] {
                let r = try await ctx.api(.GET, "/api/v1/people/\(pid)/employment", token: try await ctx.token(who))
                #expect(r.status == .forbidden, "\(who)")
            }
            #expect(try await ctx.api(.GET, "/api/v1/people/\(pid)/employment", token: try await ctx.token("far")).status == .notFound)
            #expect(try await ctx.api(.GET, "/api/v1/people/\(UUID())/employment", token: cun).status == .notFound)

            // Her page: the section for who reads employment, not for the health partner who reads women.
            var b = Browser(ctx)
            try await b.login("cun")
            let page = try await b.get("/women/\(woman.id)").body.string
            #expect(page.contains("就业创业") && page.contains("电商培训班") && page.contains("SS-2026-009"))
            #expect(page.contains("石华堰村春风送岗位") && page.contains("客服") && page.contains("网店") && page.contains("80,000.00"))
            var h = Browser(ctx)
            try await h.login("weijian")
            let theirs = try await h.get("/women/\(woman.id)")
            #expect(theirs.status == .ok && !theirs.body.string.contains("就业创业"))
        }
    }
}
