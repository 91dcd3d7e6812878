import Testing
import VaporTesting
import Fluent
import GuanaiCore
import GuanaiSheets
@testable import GuanaiWeb

/// The safety net, starting with the case that started the action.
@Suite struct SafetyNetTests {
    /// The open alerts by default; `all: true` adds the resolved ones.
    static func inbox(_ ctx: TestContext, _ token: String, all: Bool = false) async throws -> ListPage<AlertDTO> {
        let res = try await ctx.api(.GET, "/api/v1/alerts" + (all ? "?status=all" : ""), token: token)
        #expect(res.status == .ok, "\(res.body.string)")
        return try res.content.decode(ListPage<AlertDTO>.self)
    }

    static func child(_ ctx: TestContext, _ id: String, _ token: String) async throws -> ChildDTO {
        try await ctx.api(.GET, "/api/v1/children/\(id)", token: token).content.decode(ChildDTO.self)
    }

    @Test func theFoundingCase() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            try await ctx.makeUser("next", .villageWorker, Codes.xiaoshiqiao)
            var t = try await ctx.token("cun")

            // A two-year-old, both parents working away, her 72-year-old grandmother the only one at home: high.
            var body = ChildBody()
            body.idNumber = Synthetic.id(2024, 5, 10, order: 122)
            body.needs = []
            body.guardian = [
                "name": "张桂兰", "idNumber": Synthetic.id(1954, 3, 3, order: 224), "relation": "grandmother", "health": "healthy",
            ]
            let c = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(body)).content.decode(ChildDTO.self)
            #expect(c.riskTier == "high")
            #expect(c.riskReasons.map(\.code) == ["risk.young_old_guardian"])
            #expect(c.nextVisitDue == "2026-11-25", "weekly for high")
            #expect(try await Self.inbox(ctx, t).total == 0)

            // The grandmother dies. At once: one critical alert in the village worker's and the township's inboxes.
            let grandmother = try #require(c.guardian?.id)
            #expect(
                try await ctx.api(.PATCH, "/api/v1/people/\(grandmother)", token: t, body: ctx.json(["vitalStatus": "deceased"])).status
                    == .ok)
            let critical = try await Self.child(ctx, c.id, t)
            #expect(critical.riskTier == "critical")
            #expect(critical.riskReasons.first?.code == "risk.no_capable_caregiver")
            #expect(critical.nextVisitDue == "2026-11-18", "visit today")
            let tt = try await ctx.token("town")
            let mine = try await Self.inbox(ctx, t), town = try await Self.inbox(ctx, tt)
            #expect(mine.total == 1 && town.total == 1)
            #expect(mine.items.first?.status == "open" && mine.items.first?.childId == c.id && mine.items.first?.kind == "critical")
            #expect(mine.items.first?.childName == "王小花")
            #expect(try await Self.inbox(ctx, try await ctx.token("admin")).total == 0)
            #expect(try await Self.inbox(ctx, try await ctx.token("next")).total == 0, "another village's worker is not told")
            let alertID = try #require(mine.items.first?.id)

            // A sweep at the same instant adds nothing.
            var r = try await SafetySweep.run(on: ctx.app.db, at: ctx.app.now)
            #expect(r.escalations == 0 && !r.skipped)
            #expect(try await Alert.query(on: ctx.app.db).count() == 1)

            // Two hours and nobody acknowledged: the city is told; a second sweep does not tell it twice.
            ctx.clock.advance(by: 2 * 3600 + 1)
            r = try await SafetySweep.run(on: ctx.app.db, at: ctx.app.now)
            #expect(r.escalations == 1)
            r = try await SafetySweep.run(on: ctx.app.db, at: ctx.app.now)
            #expect(r.escalations == 0)
            let ta = try await ctx.token("admin")
            let city = try await Self.inbox(ctx, ta)
            #expect(city.total == 1 && city.items.first?.escalatedTo == ["city"])

            // It cannot be resolved yet: not acknowledged, no visit, no plan.
            t = try await ctx.token("cun")
            // Another village's worker can neither see nor acknowledge it; any recipient may.
            let other = try await ctx.token("next")
            #expect(try await ctx.api(.POST, "/api/v1/alerts/\(alertID)/acknowledge", token: other).status == .notFound)
            #expect(
                try await ctx.api(.POST, "/api/v1/alerts/\(alertID)/resolve", token: other, body: ctx.json(["note": "x"])).status
                    == .notFound)
            let early = try await ctx.api(.POST, "/api/v1/alerts/\(alertID)/resolve", token: t, body: ctx.json(["note": "已处理"]))
            #expect(early.status == .unprocessableEntity)
            #expect(early.body.string.contains("确认") && early.body.string.contains("走访") && early.body.string.contains("计划"))
            #expect(
                try await ctx.api(.POST, "/api/v1/alerts/\(alertID)/acknowledge", token: t).content.decode(AlertDTO.self).status
                    == "acknowledged")

            // Twenty-four hours without a visit: the city is told again (a second escalation entry).
            ctx.clock.advance(by: 22 * 3600)
            r = try await SafetySweep.run(on: ctx.app.db, at: ctx.app.now)
            #expect(r.escalations == 1)
            #expect(try await AlertEscalation.query(on: ctx.app.db).all().map(\.step).sorted() == ["acknowledge_timeout", "no_visit"])

            // A visit (daily while there is no plan), then the plan (every three days), then resolved.
            t = try await ctx.token("cun")
            let v = try await ctx.api(
                .POST, "/api/v1/children/\(c.id)/visits", token: t,
                body: ctx.json(VisitInput(date: nil, mode: "home", checklist: ["food": "ok", "warmth": "concern"], notes: "家中无人生火，已送棉被")))
            #expect(v.status == .created, "\(v.body.string)")
            #expect(try await Self.child(ctx, c.id, t).nextVisitDue == "2026-11-20")
            let noNote = try await ctx.api(
                .POST, "/api/v1/children/\(c.id)/visits", token: t, body: ctx.json(VisitInput(mode: "home", checklist: ["mood": "concern"]))
            )
            #expect(noNote.status == .unprocessableEntity && noNote.body.string.contains("notes"))
            let planned = try await ctx.api(
                .POST, "/api/v1/alerts/\(alertID)/plan", token: t, body: ctx.json(["plan": "姑姑王秀英临时照料，村妇联每三天上门"]))
            #expect(planned.status == .ok)
            #expect(try await Self.child(ctx, c.id, t).nextVisitDue == "2026-11-22")
            let done = try await ctx.api(.POST, "/api/v1/alerts/\(alertID)/resolve", token: t, body: ctx.json(["note": "已安排临时照料"]))
            #expect(done.status == .ok, "\(done.body.string)")
            #expect(try await Self.child(ctx, c.id, t).riskTier == "critical", "no capable caregiver recorded yet")
            #expect(try await Self.inbox(ctx, t, all: true).items.first?.status == "resolved")
            #expect(try await Self.inbox(ctx, t).total == 0, "a resolved alert leaves the inbox")

            // A new guardian is recorded: the tier drops by the rules. When she falls ill, a new episode opens.
            let aunt: [String: String] = [
                "name": "王秀英", "idNumber": Synthetic.id(1990, 6, 1, order: 322), "relation": "relative", "health": "healthy",
            ]
            let patched = try await ctx.api(.PATCH, "/api/v1/children/\(c.id)", token: t, body: ctx.json(["guardian": aunt]))
            #expect(patched.status == .ok, "\(patched.body.string)")
            let calmer = try await Self.child(ctx, c.id, t)
            #expect(calmer.riskTier == "normal")
            #expect(try await SafetySweep.run(on: ctx.app.db, at: ctx.app.now).escalations == 0)
            let auntID = try #require(calmer.guardian?.id)
            #expect(
                try await ctx.api(.PATCH, "/api/v1/people/\(auntID)", token: t, body: ctx.json(["health": "hospitalised"])).status == .ok)
            let again = try await Self.inbox(ctx, t, all: true)
            #expect(again.total == 2 && again.items.first?.status == "open")
            #expect(try await Alert.query(on: ctx.app.db).sort(\.$episode).all().map(\.episode) == ["1", "2"])
            #expect(try await ctx.auditCount(AuditAction.create, recordID: alertID) == 1)
            #expect(try await HistoryWordsTests.trailLeaks(ctx) == [], "the trail reads in words")
        }
    }

    @Test func tiersAtTheirBoundaries() {
        let today = CivilDate(year: 2026, month: 11, day: 18)!
        let away = ParentFacts(situation: .workingAway)
        func facts(
            born: CivilDate = CivilDate(year: 2022, month: 1, day: 1)!, living: LivingArrangement = .withGuardian,
            guardian: GuardianFacts? = GuardianFacts(birthDate: CivilDate(year: 1970, month: 1, day: 1)!),
            father: ParentFacts = away, mother: ParentFacts = away, cats: [ChildCategory] = [.leftBehind], needs: [ChildNeed] = [],
            last: CivilDate = today
        ) -> RiskFacts {
            RiskFacts(
                birthDate: born, living: living, father: father, mother: mother, guardian: guardian, categories: cats, needs: needs,
                lastContact: last)
        }
        func tier(_ f: RiskFacts, on d: CivilDate = today) -> RiskTier { RiskRules.assess(f, on: d).tier }
        #expect(tier(facts()) == .normal)
        #expect(tier(facts(living: .alone)) == .critical)
        #expect(tier(facts(living: .withSiblingsOnly)) == .critical)
        #expect(tier(facts(guardian: nil)) == .critical)
        #expect(tier(facts(guardian: GuardianFacts(birthDate: nil, vitalStatus: .missing))) == .critical)
        #expect(tier(facts(guardian: GuardianFacts(birthDate: nil, health: .seriousIllness))) == .critical)
        #expect(tier(facts(guardian: nil, mother: ParentFacts(situation: .atHome))) == .normal, "a capable parent at home")
        #expect(
            tier(facts(guardian: nil, mother: ParentFacts(situation: .atHome, health: .hospitalised))) == .critical,
            "a parent at home in hospital cares for nobody")
        // Under 6 with a guardian turning 70: high from the day after her 70th birthday; the child's sixth birthday ends it.
        let gBorn = CivilDate(year: 1956, month: 11, day: 18)!
        let young = facts(born: CivilDate(year: 2021, month: 3, day: 1)!, guardian: GuardianFacts(birthDate: gBorn))
        #expect(tier(young) == .normal)
        #expect(RiskRules.assess(young, on: today).nextChange == CivilDate(year: 2026, month: 11, day: 19))
        #expect(tier(young, on: CivilDate(year: 2026, month: 11, day: 19)!) == .high)
        var recent = young
        recent.lastContact = CivilDate(year: 2027, month: 2, day: 20)!
        #expect(tier(recent, on: CivilDate(year: 2027, month: 3, day: 1)!) == .high, "still five on her sixth birthday")
        #expect(tier(recent, on: CivilDate(year: 2027, month: 3, day: 2)!) == .normal)
        #expect(tier(facts(guardian: GuardianFacts(birthDate: CivilDate(year: 1980, month: 1, day: 1)!, health: .chronicIllness))) == .high)
        #expect(
            tier(
                facts(
                    guardian: GuardianFacts(birthDate: CivilDate(year: 1980, month: 1, day: 1)!, health: .chronicIllness),
                    mother: ParentFacts(situation: .atHome))) == .normal, "not a sole guardian")
        let dead = facts(
            born: CivilDate(year: 2024, month: 1, day: 1)!,
            guardian: GuardianFacts(birthDate: CivilDate(year: 1950, month: 1, day: 1)!, vitalStatus: .deceased))
        #expect(
            RiskRules.assess(dead, on: today).reasons.map(\.code) == ["risk.no_capable_caregiver"], "a dead guardian is not also an old one"
        )
        #expect(tier(facts(cats: [.orphan])) == .high)
        #expect(tier(facts(cats: [.deFactoUnsupported])) == .high)
        #expect(tier(facts(cats: [.difficultyGuardianship])) == .high)
        #expect(tier(facts(cats: [.difficultyPoverty])) == .medium)
        #expect(tier(facts(cats: [.difficultyDisability])) == .medium)
        #expect(tier(facts(needs: [.safety])) == .medium)
        // Sixty days without contact: medium on the 60th day, not the day before.
        let last = CivilDate(year: 2026, month: 9, day: 19)!
        #expect(tier(facts(last: last), on: last.adding(days: 59)) == .normal)
        #expect(tier(facts(last: last), on: last.adding(days: 60)) == .medium)
        #expect(
            RiskRules.assess(
                RiskFacts(
                    birthDate: CivilDate(year: 2020, month: 1, day: 1)!, living: .withGuardian, father: away, mother: away,
                    guardian: GuardianFacts(birthDate: CivilDate(year: 1970, month: 1, day: 1)!), categories: [], needs: [],
                    lastContact: today, openReport: true), on: today
            ).tier == .critical)
    }

    @Test func overdueVisitsEscalateToTheTownshipThenTheCity() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            let t = try await ctx.token("cun")
            var body = ChildBody()
            body.idNumber = Synthetic.id(2014, 5, 10, order: 122)
            body.needs = []
            let c = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(body)).content.decode(ChildDTO.self)
            #expect(c.riskTier == "normal" && c.nextVisitDue == "2026-12-18", "monthly")
            // Due 12-18: two days overdue is nothing; three days goes to the township; seven to the city.
            for (day, alerts, escalations) in [(20, 0, 0), (21, 1, 1), (24, 1, 1), (25, 1, 2), (26, 1, 2)] {
                ctx.clock.set(Date(timeIntervalSince1970: 1_795_000_000 + Double(day - 18 + 30) * 86_400))
                #expect(RegistryService.today(ctx.app.now).iso == "2026-12-\(day)")
                _ = try await SafetySweep.run(on: ctx.app.db, at: ctx.app.now)
                #expect(try await Alert.query(on: ctx.app.db).filter(\.$kind == .overdueVisit).count() == alerts, "day \(day)")
                #expect(try await AlertEscalation.query(on: ctx.app.db).count() == escalations, "day \(day)")
            }
            #expect(try await Self.inbox(ctx, try await ctx.token("town")).total == 1)
            #expect(try await Self.inbox(ctx, try await ctx.token("admin")).items.first?.escalatedTo == ["township", "city"])
            // A visit makes up for it: the overdue alert is resolved and the next one is a month on.
            let v = try await ctx.api(
                .POST, "/api/v1/children/\(c.id)/visits", token: try await ctx.token("cun"),
                body: ctx.json(VisitInput(mode: "phone", checklist: [:], notes: "")))
            #expect(v.status == .created, "\(v.body.string)")
            #expect(try await Alert.query(on: ctx.app.db).first()?.status == .resolved)
            #expect(try await Self.child(ctx, c.id, try await ctx.token("cun")).nextVisitDue == "2027-01-25")
            #expect(try await HistoryWordsTests.trailLeaks(ctx) == [], "the trail reads in words")
        }
    }

    @Test func mandatoryReportOpensACaseThatClosesOnlyWithEveryStep() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let t = try await ctx.token("cun")
            var body = ChildBody()
            body.idNumber = Synthetic.id(2014, 5, 10, order: 122)
            body.needs = []
            let c = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(body)).content.decode(ChildDTO.self)
            #expect(c.riskTier == "normal")
            let noNumber = try await ctx.api(
                .POST, "/api/v1/reports", token: t,
                body: ctx.json(ReportInput(childId: c.id, reporter: "邻居", seen: "孩子身上有伤", policeCalled: true)))
            #expect(noNumber.status == .unprocessableEntity && noNumber.body.string.contains("policeReportNo"))
            let filed = try await ctx.api(
                .POST, "/api/v1/reports", token: t,
                body: ctx.json(
                    ReportInput(
                        childId: c.id, reporter: "学校老师", reporterContact: "13900000009", seen: "孩子连续三天没来上学，家中无人", policeCalled: true,
                        policeReportNo: "JJ2026111801")))
            #expect(filed.status == .created, "\(filed.body.string)")
            let r = try filed.content.decode(ReportDTO.self)
            #expect(try await Self.child(ctx, c.id, t).riskTier == "critical")
            #expect(try await Self.inbox(ctx, try await ctx.token("town")).total == 1, "the township is told at once")
            // A second report while the alert is open does not open a second alert.
            #expect(
                try await ctx.api(
                    .POST, "/api/v1/reports", token: t, body: ctx.json(ReportInput(childId: c.id, reporter: "邻居", seen: "夜里哭"))
                ).status == .created)
            #expect(try await Alert.query(on: ctx.app.db).count() == 1)

            let early = try await ctx.api(.POST, "/api/v1/reports/\(r.id)/close", token: t)
            #expect(early.status == .unprocessableEntity)
            #expect(early.body.string.contains("应急处置") && early.body.string.contains("监护干预"))
            let bad = try await ctx.api(
                .POST, "/api/v1/reports/\(r.id)/steps", token: t, body: ctx.json(ReportStepInput(step: "emergency", note: "已处理")))
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("action"), "the emergency action must be named")
            for step in [
                ReportStepInput(step: "emergency", action: "relatives_care", note: "姑姑接回家照看"),
                ReportStepInput(step: "assessment", note: "无外伤，监护缺失"), ReportStepInput(step: "plan", note: "姑姑照料，村妇联每周回访"),
                ReportStepInput(step: "intervention", action: "not_needed", note: "父亲下月返乡"),
            ] {
                let res = try await ctx.api(.POST, "/api/v1/reports/\(r.id)/steps", token: t, body: ctx.json(step))
                #expect(res.status == .ok, "\(res.body.string)")
            }
            let shown = try await ctx.api(.GET, "/api/v1/reports/\(r.id)", token: t).content.decode(ReportDTO.self)
            #expect(shown.steps.count == 4 && shown.steps.allSatisfy { !$0.by.isEmpty })
            #expect(try await ctx.api(.POST, "/api/v1/reports/\(r.id)/close", token: t).content.decode(ReportDTO.self).status == "closed")
            #expect(try await Self.child(ctx, c.id, t).riskTier == "critical", "the second report is still open")
            let second = try #require(try await Report.query(on: ctx.app.db).filter(\.$status == .open).first())
            for step in ["emergency", "assessment", "plan", "intervention"] {
                _ = try await ctx.api(
                    .POST, "/api/v1/reports/\(second.id!.uuidString)/steps", token: t,
                    body: ctx.json(
                        ReportStepInput(
                            step: step, action: step == "emergency" ? "parents_contacted" : step == "intervention" ? "not_needed" : nil,
                            note: "已记录")))
            }
            #expect(try await ctx.api(.POST, "/api/v1/reports/\(second.id!.uuidString)/close", token: t).status == .ok)
            #expect(try await Self.child(ctx, c.id, t).riskTier == "normal", "no open report, a capable guardian: the rules again")
            #expect(try await HistoryWordsTests.trailLeaks(ctx) == [], "the trail reads in words")
        }
    }

    @Test func boardsCountWhatNeedsDoing() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            let t = try await ctx.token("cun")
            var alone = ChildBody()
            alone.livingArrangement = "alone"
            let a = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(alone)).content.decode(ChildDTO.self)
            var calm = ChildBody()
            calm.name = "王小军"
            calm.idNumber = Synthetic.id(2014, 7, 7, order: 131)
            calm.needs = []
            _ = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(calm)).content.decode(ChildDTO.self)
            let today = RegistryService.today(ctx.app.now)
            let town = Scoped(db: ctx.app.db, jurisdiction: Jurisdiction(root: DivisionCode(Codes.taohuashan)!))
            var b = try await town.board(unit: "", today: today)
            #expect(b.critical.map(\.id) == [UUID(uuidString: a.id)])
            #expect(
                b.total.monitored == 2 && b.total.critical == 1 && b.total.stillDue == 1 && b.total.visitedThisMonth == 0,
                "the calm child is due next month")
            #expect(b.rows.map(\.code) == [Codes.shihuayan], "a township's board is by village")
            // A visit this month counts; a month and a half later the calm child is overdue.
            _ = try await ctx.api(
                .POST, "/api/v1/children/\(a.id)/visits", token: t, body: ctx.json(VisitInput(mode: "home", checklist: [:], notes: "")))
            b = try await town.board(unit: "", today: today)
            #expect(b.total.visitedThisMonth == 1)
            ctx.clock.advance(by: 45 * 86_400)
            let later = RegistryService.today(ctx.app.now)
            b = try await town.board(unit: "", today: later)
            #expect(b.overdue.first?.id == UUID(uuidString: a.id), "critical first")
            #expect(b.total.overdue == 2)
            let city = Scoped(db: ctx.app.db, jurisdiction: Jurisdiction(root: DivisionCode(Codes.county)!))
            let cb = try await city.board(unit: "", today: later)
            #expect(cb.rows.map(\.code) == [Codes.taohuashan] && cb.rows.first?.name == "桃花山镇", "the city's board is by township")
            var br = Browser(ctx)
            try await br.login("admin")
            let page = try await br.get("/board")
            #expect(page.status == .ok && page.body.string.contains("王小花") && page.body.string.contains("桃花山镇"))
            // The statistics and the overdue list as .xlsx, read back.
            for (table, first, rows) in [("stats", "桃花山镇", 2), ("overdue", "1", 2)] {
                let x = try await br.get("/board/export?table=\(table)")
                #expect(x.status == .ok && x.headers.contentType == IntakePagesController.xlsxType)
                let file = FileManager.default.temporaryDirectory.appendingPathComponent("board-\(UUID().uuidString).xlsx")
                try Data(buffer: x.body).write(to: file)
                var read: [SheetRow] = []
                try SheetReader.open(file).forEachRow { read.append($0) }
                try? FileManager.default.removeItem(at: file)
                #expect(read.count == rows + 2, "title, header, rows")
                #expect(Normalize.text(read[2].cells[0]) == first)
            }
            #expect(try await ctx.auditCount(AuditAction.export, recordID: "overdue") == 1)
            var v = Browser(ctx)
            try await ctx.makeUser("aixin", .volunteer, Codes.shihuayan)
            try await v.login("aixin")
            #expect(try await v.get("/board").status == .forbidden)
        }
    }

    @Test func aCityAdminChangesTheRulesAndTheNextSweepAppliesThem() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            let t = try await ctx.token("cun")
            // A four-year-old whose only carer is a 66-year-old grandmother: normal under the default 70.
            var body = ChildBody()
            body.idNumber = Synthetic.id(2022, 5, 10, order: 122)
            body.needs = []
            body.guardian = [
                "name": "张桂兰", "idNumber": Synthetic.id(1960, 3, 3, order: 224), "relation": "grandmother", "health": "healthy",
            ]
            let c = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(body)).content.decode(ChildDTO.self)
            #expect(c.riskTier == "normal")

            var v = Browser(ctx)
            try await v.login("cun")
            #expect(try await v.get("/settings/risk").status == .forbidden)
            var b = Browser(ctx)
            try await b.login("admin")
            #expect(try await b.get("/settings/risk").body.string.contains("value=\"70\""))
            let bad = try await b.post("/settings/risk", ["oldGuardianAge": "abc", "overdueCityDays": "2", "overdueTownshipDays": "3"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("监护人年龄达到") && bad.body.string.contains("报市妇联的天数应大于报乡镇的天数"))
            let ok = try await b.post("/settings/risk", ["oldGuardianAge": "65", "highDays": "5"])
            #expect(ok.status == .seeOther)
            #expect(try await ctx.auditCount(AuditAction.update, recordID: "risk") == 1)
            #expect(try await Self.child(ctx, c.id, t).riskTier == "normal", "applied at the next sweep, not before")
            _ = try await SafetySweep.run(on: ctx.app.db, at: ctx.app.now)
            let after = try await Self.child(ctx, c.id, t)
            #expect(after.riskTier == "high" && after.riskReasons.first?.message.contains("65") == true)
            #expect(after.nextVisitDue == "2026-11-23", "high is now every 5 days")
            // The sweep writes its trail in batches: the tier change is there, and the chain still verifies.
            let trail = try await AuditEntry.query(on: ctx.app.db).filter(\.$recordID == c.id).filter(\.$actorName == "sweep").all()
            #expect(trail.contains { $0.changes.contains("\"riskTier\"") && $0.changes.contains("\"high\"") })
            #expect(try await AuditLog.verify(on: ctx.app.db).ok)
            #expect(try await HistoryWordsTests.trailLeaks(ctx) == [], "the trail reads in words")
        }
    }
}
