import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// Guaranteed start-up loans through the API (issue 18, items 5-10): the application judged at each boundary, the
/// steps in order and never by the hand behind the last one, the overdue reminders once, the subsidy by two accounts.
@Suite(.serialized) struct LoanTests {
    /// A woman of `village` born on the given day; returns her person id.
    static func woman(_ ctx: TestContext, _ token: String, _ name: String, village: String, born: (Int, Int, Int), order: Int)
        async throws -> String
    {
        let body: [String: AnyEncodable] = [
            "name": .init(name), "idNumber": .init(Synthetic.id(born.0, born.1, born.2, order: order)), "villageCode": .init(village),
            "hukou": .init("rural"),
        ]
        let r = try await ctx.api(.POST, "/api/v1/women", token: token, body: ctx.json(body))
        #expect(r.status == .created, "\(r.body.string)")
        return try r.content.decode(WomanDTO.self).personId
    }

    /// The fields a 422 names; a status other than 422 gives itself, so a wrong status never passes as a right field.
    static func refusal(_ r: TestingHTTPResponse) throws -> Set<String> {
        r.status == .unprocessableEntity ? try StationTests.errorFields(r) : ["status \(r.status.code): \(r.body.string.prefix(300))"]
    }

    static func expectRefused(
        _ r: TestingHTTPResponse, _ want: Set<String>, _ note: String = "", sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let got = try refusal(r)
        #expect(got == want, "\(note) \(got.sorted()) \(r.body.string.prefix(300))", sourceLocation: sourceLocation)
    }

    static func apply(_ ctx: TestContext, _ token: String, _ input: LoanApplicationInput) async throws -> TestingHTTPResponse {
        try await ctx.api(.POST, "/api/v1/loans", token: token, body: ctx.json(input))
    }

    static func step(_ ctx: TestContext, _ loan: String, _ token: String, _ input: LoanStepInput) async throws -> TestingHTTPResponse {
        try await ctx.api(.POST, "/api/v1/loans/\(loan)/steps", token: token, body: ctx.json(input))
    }

    /// A loan of the woman as if made long ago: how earlier loans count against a new one.
    static func earlier(_ ctx: TestContext, person: String, unit: String, status: LoanStatus, everOverdue: Bool = false) async throws {
        let l = Loan()
        l.id = TimeOrderedID.next()
        l.personID = UUID(uuidString: person)!
        l.unitCode = unit
        l.kind = .individual
        l.project = "旧项目"
        l.amountFen = 1_000_000
        l.termMonths = 12
        l.status = status
        l.appliedOn = "2020-01-01"
        l.appliedBy = "old"
        l.lastActor = "old"
        l.outstandingFen = 0
        l.overdue = false
        l.everOverdue = everOverdue
        l.subsidyPaidFen = 0
        l.createdAt = ctx.app.now
        l.updatedAt = ctx.app.now
        try await l.create(on: ctx.app.db)
        let p = LoanPerson()
        p.loanID = l.id!
        p.personID = l.personID
        p.role = "borrower"
        try await p.create(on: ctx.app.db)
    }

    @Test func anApplicationIsJudgedAtEachBoundary() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            try await ctx.makeUser("renshe", .partnerHR, Codes.county)
            let cun = try await ctx.token("cun")
            let v = Codes.shihuayan
            // The test day is 2026-11-18. 周岁 are reached the day after the birthday: born 1966-11-17 she is 60 today
            // (the last age that may borrow), born 1965-11-17 she is 61.
            let sixty = try await Self.woman(ctx, cun, "周六十", village: v, born: (1966, 11, 17), order: 2)
            let sixtyOne = try await Self.woman(ctx, cun, "吴六一", village: v, born: (1965, 11, 17), order: 4)
            let a = try await Self.woman(ctx, cun, "郑甲", village: v, born: (1988, 1, 1), order: 6)
            let b = try await Self.woman(ctx, cun, "郑乙", village: v, born: (1989, 2, 2), order: 8)

            let base = LoanApplicationInput(personId: sixty, kind: "individual", amount: "200000.00", termMonths: 36, project: "养鸡场")
            var over = base
            over.amount = "200000.01"
            try Self.expectRefused(try await Self.apply(ctx, cun, over), ["amount"])
            let body = try await Self.apply(ctx, cun, over).body.string
            #expect(body.contains("200000.00") || body.contains("200,000.00"), "the limit is named: \(body)")
            var long = base
            long.termMonths = 37
            try Self.expectRefused(try await Self.apply(ctx, cun, long), ["termMonths"])
            var old = base
            old.personId = sixtyOne
            try Self.expectRefused(try await Self.apply(ctx, cun, old), ["personId"])
            var noProject = base
            noProject.project = " "
            try Self.expectRefused(try await Self.apply(ctx, cun, noProject), ["project"])
            #expect(try await Loan.query(on: ctx.app.db).count() == 0, "nothing saved on a refusal")

            // Three partners together: 3 × 200,000.00 × 110 % = 660,000.00.
            var group = LoanApplicationInput(
                personId: a, kind: "partnership", amount: "660000.01", termMonths: 24, partnerIds: [b, sixty], project: "合作社")
            try Self.expectRefused(try await Self.apply(ctx, cun, group), ["amount"])
            group.amount = "660000.00"
            let made = try await Self.apply(ctx, cun, group)
            #expect(made.status == .created, "\(made.body.string)")
            let dto = try made.content.decode(LoanDTO.self)
            #expect(dto.status == "applied" && dto.partnerIds.sorted() == [b, sixty].sorted() && dto.nextStep == "recommend")
            // Neither the city nor the labour department applies: the federation that knows her does.
            #expect(try await Self.apply(ctx, try await ctx.token("admin"), base).status == .forbidden)
            #expect(try await Self.apply(ctx, try await ctx.token("renshe"), base).status == .forbidden)

            // Loans behind her: a running one, or one once overdue, bar a repeat; a fourth never.
            let c = try await Self.woman(ctx, cun, "郑丙", village: v, born: (1990, 3, 3), order: 10)
            var again = base
            again.personId = c
            try await Self.earlier(ctx, person: c, unit: v, status: .settled)
            try await Self.earlier(ctx, person: c, unit: v, status: .settled)
            #expect(try await Self.apply(ctx, cun, again).status == .created, "a third loan after two settled cleanly")
            try Self.expectRefused(try await Self.apply(ctx, cun, again), ["personId"], "the third is running")
            let d = try await Self.woman(ctx, cun, "郑丁", village: v, born: (1990, 4, 4), order: 12)
            again.personId = d
            for _ in 0..<3 { try await Self.earlier(ctx, person: d, unit: v, status: .settled) }
            try Self.expectRefused(try await Self.apply(ctx, cun, again), ["personId"], "a fourth loan")
            let e = try await Self.woman(ctx, cun, "郑戊", village: v, born: (1990, 5, 5), order: 14)
            again.personId = e
            try await Self.earlier(ctx, person: e, unit: v, status: .settled, everOverdue: true)
            try Self.expectRefused(try await Self.apply(ctx, cun, again), ["personId"], "the last one was overdue")
        }
    }

    @Test func stepsGoInOrderEachByItsRolesAndNeverByTheLastHand() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("xiangzhen", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("renshe", .partnerHR, Codes.county)
            try await ctx.makeUser("renshe2", .partnerHR, Codes.county)
            try await ctx.makeUser("insp", .inspector, Codes.county)
            let cun = try await ctx.token("cun"), town = try await ctx.token("xiangzhen")
            let hr = try await ctx.token("renshe"), hr2 = try await ctx.token("renshe2"), insp = try await ctx.token("insp")
            let her = try await Self.woman(ctx, cun, "陈秀梅", village: Codes.shihuayan, born: (1985, 6, 6), order: 2)
            let made = try await Self.apply(
                ctx, cun, .init(personId: her, kind: "individual", amount: "100000.00", termMonths: 24, project: "网店"))
            let id = try made.content.decode(LoanDTO.self).id

            // Out of order, and by roles that may not record the step.
            try Self.expectRefused(
                try await Self.step(ctx, id, hr, .init(step: "hr_review", decision: "approved", documentNo: "人社1")), ["step"])
            #expect(try await Self.step(ctx, id, cun, .init(step: "recommend", decision: "approved")).status == .forbidden)
            #expect(try await Self.step(ctx, id, hr, .init(step: "recommend", decision: "approved")).status == .forbidden)
            #expect(try await Self.step(ctx, id, insp, .init(step: "recommend", decision: "approved")).status == .forbidden)
            #expect(try await Self.step(ctx, id, town, .init(step: "recommend", decision: "approved")).status == .ok)

            // Each later step: the hand behind the last one is refused, another labour-department account is not.
            let review = LoanStepInput(step: "hr_review", decision: "approved", documentNo: "石人社〔2026〕1号")
            #expect(try await Self.step(ctx, id, town, review).status == .forbidden, "township staff only recommend")
            #expect(try await Self.step(ctx, id, hr, review).status == .ok)
            let guarantee = LoanStepInput(step: "guarantee", decision: "approved", documentNo: "担保〔2026〕2号")
            try Self.expectRefused(try await Self.step(ctx, id, hr, guarantee), ["step"], "renshe recorded the review")
            #expect(try await Self.step(ctx, id, hr2, guarantee).status == .ok)
            var bank = LoanStepInput(
                step: "bank_approval", decision: "approved", documentNo: "农商行3号", amount: "90000.00", rateBP: 450, termMonths: 24)
            try Self.expectRefused(try await Self.step(ctx, id, hr2, bank), ["step"], "renshe2 recorded the guarantee")
            // Above the cap (the LPR in force, 300 BP since 2025-05-20, + 150 = 450 BP): 451 is named.
            bank.rateBP = 451
            try Self.expectRefused(try await Self.step(ctx, id, hr, bank), ["rateBP"])
            bank.rateBP = 450
            let approved = try await Self.step(ctx, id, hr, bank)
            #expect(approved.status == .ok)
            #expect(try approved.content.decode(LoanDTO.self).status == "bank_approved")
            var pay = LoanStepInput(step: "disburse", decision: "approved", documentNo: "放款4号", amount: "90000.00")
            try Self.expectRefused(try await Self.step(ctx, id, hr, pay), ["step"], "renshe recorded the bank's approval")
            pay.amount = "90000.01"
            try Self.expectRefused(try await Self.step(ctx, id, hr2, pay), ["amount"], "no more than approved")
            pay.amount = "90000.00"
            let out = try await Self.step(ctx, id, hr2, pay)
            #expect(out.status == .ok)
            #expect(try out.content.decode(LoanDTO.self).status == "disbursed", "\(out.body.string)")
            try Self.expectRefused(try await Self.step(ctx, id, hr, pay), ["step"], "nothing after the disbursement")
            let done = try await ctx.api(.GET, "/api/v1/loans/\(id)", token: hr).content.decode(LoanDTO.self)
            #expect(done.steps.map(\.step) == ["recommend", "hr_review", "guarantee", "bank_approval", "disburse"])
            #expect(done.rateBP == 450 && done.lprBP == 300 && done.borrowerRateBP == 150 && done.disbursedAmount == "90000.00")
            #expect(done.schedule.count == 24 && done.schedule.last?.principal == "90000.00" && done.outstanding == "90000.00")
            #expect(done.steps.dropFirst().allSatisfy { $0.documentNo?.isEmpty == false })
        }
    }

    @Test func aRejectionNeedsItsReasonAndEndsTheLoan() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("xiangzhen", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("renshe", .partnerHR, Codes.county)
            let cun = try await ctx.token("cun"), town = try await ctx.token("xiangzhen"), hr = try await ctx.token("renshe")
            let her = try await Self.woman(ctx, cun, "林小燕", village: Codes.shihuayan, born: (1986, 7, 7), order: 2)
            let id = try await Self.apply(
                ctx, cun, .init(personId: her, kind: "individual", amount: "50000.00", termMonths: 12, project: "家政")
            ).content.decode(LoanDTO.self).id
            #expect(try await Self.step(ctx, id, town, .init(step: "recommend", decision: "approved")).status == .ok)
            // Township staff may apply and recommend, never both for one loan.
            let second = try await Self.woman(ctx, cun, "林二妹", village: Codes.shihuayan, born: (1987, 7, 7), order: 4)
            let own = try await Self.apply(
                ctx, town, .init(personId: second, kind: "individual", amount: "10000.00", termMonths: 12, project: "小卖部"))
            #expect(own.status == .created, "\(own.body.string)")
            let ownID = try own.content.decode(LoanDTO.self).id
            let same = try await Self.step(ctx, ownID, town, .init(step: "recommend", decision: "approved"))
            try Self.expectRefused(same, ["step"])
            let noReason = try await Self.step(ctx, id, hr, .init(step: "hr_review", decision: "rejected", documentNo: "人社5号"))
            try Self.expectRefused(noReason, ["reason"])
            let no = try await Self.step(
                ctx, id, hr, .init(step: "hr_review", decision: "rejected", reason: "项目不符合扶持范围", documentNo: "人社5号"))
            #expect(no.status == .ok)
            #expect(try no.content.decode(LoanDTO.self).status == "rejected")
            let after = try await Self.step(ctx, id, town, .init(step: "recommend", decision: "approved"))
            try Self.expectRefused(after, ["step"])
            let trail = try await AuditEntry.query(on: ctx.app.db).filter(\.$recordType == AuditSubject.employment.rawValue)
                .filter(\.$recordID == id).all()
            #expect(trail.count == 3, "applied, recommended, rejected")
        }
    }

    /// A disbursed loan: late repayments remind the labour department and the village worker at 7 and at 30 days,
    /// once each; a repayment on time clears the flag; the quarter's subsidy is claimed and paid by two accounts.
    @Test func overdueRemindersOnceEachAndTheSubsidyByTwoAccounts() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("xiangzhen", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("renshe", .partnerHR, Codes.county)
            try await ctx.makeUser("renshe2", .partnerHR, Codes.county)
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            try await ctx.makeUser("far", .villageWorker, Codes.tiaoguanVillage)
            let cun = try await ctx.token("cun"), hr = try await ctx.token("renshe"), hr2 = try await ctx.token("renshe2")
            let her = try await Self.woman(ctx, cun, "何春兰", village: Codes.shihuayan, born: (1984, 8, 8), order: 2)
            let id = try await Self.disbursed(ctx, cun, her, amount: "200000.00", term: 12, rateBP: 450)
            // Disbursed on the test day 2026-11-18: the first instalment (interest) is due 2026-12-18.
            let day = { (iso: String) in
                ctx.app.now.addingTimeInterval(Double(CivilDate(iso: iso)!.dayNumber - CivilDate(iso: "2026-11-18")!.dayNumber) * 86_400)
            }
            let db = ctx.app.db
            #expect(try await LoanSweep.run(on: db, at: day("2026-12-20")) == 0, "two days late: not yet")
            #expect(try await LoanSweep.run(on: db, at: day("2026-12-26")) == 1, "eight days late: the 7-day reminder")
            #expect(try await LoanSweep.run(on: db, at: day("2026-12-26")) == 0, "a second sweep sends nothing")
            #expect(try await LoanSweep.run(on: db, at: day("2026-12-30")) == 0)
            #expect(try await LoanSweep.run(on: db, at: day("2027-01-18")) == 1, "31 days late: the 30-day reminder")
            #expect(try await LoanSweep.run(on: db, at: day("2027-01-19")) == 0)
            let sent = try await OutboxMessage.query(on: db).all()
            let to = Set(sent.compactMap { try? JSONDecoder().decode(OutboxPayload.self, from: Data($0.payload.utf8)).to.username })
            #expect(to == ["renshe", "renshe2", "cun"], "the labour department and her village's worker, nobody else: \(to)")
            #expect(sent.count == 6)
            let reminders = try await Reminder.query(on: db).all()
            #expect(reminders.map(\.level).sorted() == ["overdue_30", "overdue_7"])
            let flagged = try #require(try await Loan.find(UUID(uuidString: id), on: db))
            #expect(flagged.overdue && flagged.status == .disbursed, "overdue is a flag; the status stays disbursed")

            // Repayments: not before the disbursement, not more principal than is out, by the labour department.
            func repay(_ t: String, _ input: LoanRepaymentInput) async throws -> TestingHTTPResponse {
                try await ctx.api(.POST, "/api/v1/loans/\(id)/repayments", token: t, body: ctx.json(input))
            }
            #expect(try await repay(cun, .init(on: "2026-11-18", principal: "0", interest: "10.00")).status == .forbidden)
            let early = try await repay(hr, .init(on: "2026-11-17", principal: "0", interest: "10.00"))
            try Self.expectRefused(early, ["on"])
            let much = try await repay(hr, .init(on: "2026-11-18", principal: "200000.01", interest: "0"))
            try Self.expectRefused(much, ["principal"])
            let paid = try await repay(hr, .init(on: "2026-11-18", principal: "1000.00", interest: "0"))
            #expect(paid.status == .created, "\(paid.body.string)")
            #expect(try paid.content.decode(LoanDTO.self).outstanding == "199000.00")

            // The running quarter cannot be claimed yet; a day that starts no quarter is named; the village worker may not.
            let dto = try await ctx.api(.GET, "/api/v1/loans/\(id)", token: hr2).content.decode(LoanDTO.self)
            let running = try #require(dto.subsidies.first)
            // Computed so far: from the disbursement through the test day.
            #expect(running.from == "2026-11-18" && running.to == "2026-11-18" && running.status == "computed", "\(dto.subsidies)")
            let q = try await ctx.api(.POST, "/api/v1/loans/\(id)/subsidies/\(running.from)/claim", token: hr)
            try Self.expectRefused(q, ["status"])
            let none = try await ctx.api(.POST, "/api/v1/loans/\(id)/subsidies/2025-01-01/claim", token: hr)
            try Self.expectRefused(none, ["from"])
            #expect(try await ctx.api(.POST, "/api/v1/loans/\(id)/subsidies/\(running.from)/claim", token: cun).status == .forbidden)
            // Outside her village: the far worker does not see it.
            #expect(try await ctx.api(.GET, "/api/v1/loans/\(id)", token: try await ctx.token("far")).status == .notFound)
        }
    }

    /// A finished quarter's subsidy, repaid on time: claimed by one account, paid by another, never by the claimant;
    /// the portfolio counts what was paid.
    @Test func aFinishedQuartersSubsidyIsClaimedAndPaidByTwoAccounts() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("xiangzhen", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("renshe", .partnerHR, Codes.county)
            try await ctx.makeUser("renshe2", .partnerHR, Codes.county)
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            let cun = try await ctx.token("cun"), hr = try await ctx.token("renshe"), admin = try await ctx.token("admin")
            let her = try await Self.woman(ctx, cun, "罗桂香", village: Codes.shihuayan, born: (1982, 10, 10), order: 2)
            let id = try await Self.disbursed(ctx, cun, her, amount: "200000.00", term: 12, rateBP: 450)
            // As if lent three months before the test day: the application and steps moved back together.
            let l = try #require(try await Loan.find(UUID(uuidString: id), on: ctx.app.db))
            (l.appliedOn, l.lastStepOn, l.disbursedOn) = ("2026-08-10", "2026-08-18", "2026-08-18")
            try await l.save(on: ctx.app.db)
            let before = try await ctx.api(.GET, "/api/v1/loans/\(id)", token: hr).content.decode(LoanDTO.self)
            for row in before.schedule.prefix(3) {
                let r = try await ctx.api(
                    .POST, "/api/v1/loans/\(id)/repayments", token: hr,
                    body: ctx.json(LoanRepaymentInput(on: row.due, principal: row.principal, interest: row.interest)))
                #expect(r.status == .created, "\(row.due): \(r.body.string)")
            }
            let dto = try await ctx.api(.GET, "/api/v1/loans/\(id)", token: hr).content.decode(LoanDTO.self)
            #expect(!dto.overdue && dto.schedule.prefix(3).allSatisfy { !$0.overdue })
            let q = try #require(dto.subsidies.first)
            // 2026-08-18 to 09-30, both counted: 44 days of 200,000.00. The bank's 4.50 %: 200,000 × 0.045 × 44 / 360 =
            // 1,100.00; the borrower's 1.50 %: 366.666… → 366.67; the subsidy the difference, 733.33.
            #expect(q.from == "2026-08-18" && q.to == "2026-09-30" && q.days == 44 && q.outstanding == "200000.00")
            #expect(q.interest == "1100.00" && q.borrowerInterest == "366.67" && q.subsidy == "733.33", "\(q)")
            let claim = try await ctx.api(.POST, "/api/v1/loans/\(id)/subsidies/\(q.from)/claim", token: hr)
            #expect(claim.status == .ok, "\(claim.body.string)")
            #expect(try claim.content.decode(LoanDTO.self).subsidies.first?.status == "claimed")
            try Self.expectRefused(try await ctx.api(.POST, "/api/v1/loans/\(id)/subsidies/\(q.from)/pay", token: hr), ["status"])
            let paid = try await ctx.api(.POST, "/api/v1/loans/\(id)/subsidies/\(q.from)/pay", token: admin)
            #expect(paid.status == .ok, "\(paid.body.string)")
            #expect(try paid.content.decode(LoanDTO.self).subsidies.first?.status == "paid")
            try Self.expectRefused(try await ctx.api(.POST, "/api/v1/loans/\(id)/subsidies/\(q.from)/pay", token: hr), ["status"])
            let p = try await ctx.api(.GET, "/api/v1/loans/portfolio", token: admin).content.decode(LoanPortfolioDTO.self)
            #expect(p.subsidyPaid == q.subsidy)
        }
    }

    /// Applied by the village worker, then recommend, review, guarantee, bank and disbursement by alternating hands.
    static func disbursed(_ ctx: TestContext, _ cun: String, _ her: String, amount: String, term: Int, rateBP: Int) async throws -> String {
        let id = try await Self.apply(
            ctx, cun, .init(personId: her, kind: "individual", amount: amount, termMonths: term, project: "种植")
        ).content.decode(LoanDTO.self).id
        let steps: [(String, LoanStepInput)] = [
            ("xiangzhen", .init(step: "recommend", decision: "approved")),
            ("renshe", .init(step: "hr_review", decision: "approved", documentNo: "1")),
            ("renshe2", .init(step: "guarantee", decision: "approved", documentNo: "2")),
            (
                "renshe",
                .init(step: "bank_approval", decision: "approved", documentNo: "3", amount: amount, rateBP: rateBP, termMonths: term)
            ),
            ("renshe2", .init(step: "disburse", decision: "approved", documentNo: "4", amount: amount)),
        ]
        for (who, s) in steps {
            let r = try await Self.step(ctx, id, try await ctx.token(who), s)
            #expect(r.status == .ok, "\(s.step!) by \(who): \(r.body.string)")
        }
        return id
    }

    /// The portfolio of the city with rows one level down; `unit` outside the caller's jurisdiction answers for her own.
    @Test func thePortfolioCountsWhatIsLent() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("xiangzhen", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("renshe", .partnerHR, Codes.county)
            try await ctx.makeUser("renshe2", .partnerHR, Codes.county)
            try await ctx.makeUser("insp", .inspector, Codes.county)
            let cun = try await ctx.token("cun")
            let her = try await Self.woman(ctx, cun, "高玉珍", village: Codes.shihuayan, born: (1983, 9, 9), order: 2)
            let id = try await Self.disbursed(ctx, cun, her, amount: "80000.00", term: 12, rateBP: 400)
            let city = try await ctx.api(.GET, "/api/v1/loans/portfolio", token: try await ctx.token("insp"))
            #expect(city.status == .ok, "\(city.body.string)")
            let p = try city.content.decode(LoanPortfolioDTO.self)
            #expect(p.count == 1 && p.amount == "80000.00" && p.outstanding == "80000.00" && p.overdueAmount == "0.00")
            #expect(p.overdueRate == "0.0000" && p.women == 1 && p.subsidyPaid == "0.00")
            #expect(p.rows.map(\.unitCode) == [Codes.taohuashan], "one row per township with loans: \(p.rows.map(\.unitCode))")
            let mine = try await ctx.api(.GET, "/api/v1/loans/portfolio?unit=\(Codes.county)", token: cun).content.decode(
                LoanPortfolioDTO.self)
            #expect(mine.unitCode == Codes.shihuayan && mine.count == 1)
            let list = try await ctx.api(.GET, "/api/v1/loans?status=disbursed", token: cun).content.decode(ListPage<LoanDTO>.self)
            #expect(list.total == 1 && list.items.first?.id == id)
            let applied = try await ctx.api(.GET, "/api/v1/loans?status=applied", token: cun).content.decode(ListPage<LoanDTO>.self)
            #expect(applied.total == 0)
        }
    }
}
