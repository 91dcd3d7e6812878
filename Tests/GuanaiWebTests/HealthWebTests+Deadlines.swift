import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// Follow-up deadlines and lost to follow-up (issue 20, item 4): the sweep tells the health department the day after
/// the due day and the health officers 14 days later, each once, with no result in the outbox; a step starts afresh;
/// lost is said explicitly after two attempts.
@Suite(.serialized) struct HealthDeadlineWebTests {
    static func sweep(_ ctx: TestContext, _ iso: String) async throws -> Int {
        try await SafetySweep.run(on: ctx.app.db, at: HealthWeb.at(iso)).healthReminders
    }

    /// What the outbox holds for the module, oldest first.
    static func told(_ ctx: TestContext) async throws -> [OutboxPayload] {
        try await OutboxMessage.query(on: ctx.app.db).sort(\.$createdAt).all().compactMap {
            try? JSONDecoder().decode(OutboxPayload.self, from: Data($0.payload.utf8))
        }.filter { $0.kind == ReminderSubject.healthFollowup.outboxKind }
    }

    /// Result and step tokens (and their words) that must never leave the results' own pages.
    static let resultWords = ["asc_us", "colposcopy", "histopathology", "cin2", "nilm", "阴道镜", "ASC-US"]

    @Test func aLateStepRemindsTheDepartmentThenTheOfficersOnceAndAStepStartsAfresh() async throws {
        try await withTestApp { ctx in
            _ = try await UnitService.ensureLoaded(county: "421002", on: ctx.app.db, at: ctx.clock.now())
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            for u in ["weijian", "weijian2"] { try await ctx.makeUser(u, .partnerHealth, Codes.county) }
            try await ctx.makeUser("shashi", .partnerHealth, "421002000000")
            try await ctx.makeUser("root", .cityAdmin, Codes.county)
            let guan = try await ctx.makeUser("guan", .cityAdmin, Codes.county)
            let duty = try await ctx.api(
                .PUT, "/api/v1/accounts/\(guan.id!.uuidString)/duties", token: try await ctx.token("root"),
                body: ctx.json(DutiesInput(duties: ["health_officer"])))
            #expect(duty.status == .ok, "\(duty.body.string)")
            let town = try await ctx.token("town"), health = try await ctx.token("weijian")
            let her = try await HealthWeb.woman(ctx, town, "黄秋菊", born: "1975-06-06", order: 602).person
            let s = try await HealthWeb.screen(ctx, health, HealthWeb.cervical(her, "2026-11-18", cytology: "asc_us"))
            let f = try #require(s.followUp)
            #expect(f.due == "2026-12-18" && f.nextStep == "colposcopy")
            let db = ctx.app.db

            #expect(try await Self.sweep(ctx, "2026-12-18") == 0, "the due day: not late yet")
            #expect(try await Self.sweep(ctx, "2026-12-19") == 1, "a day late: the health department")
            let outbox = try await OutboxMessage.query(on: db).count()
            #expect(try await Self.sweep(ctx, "2026-12-19") == 0, "a second sweep sends nothing")
            #expect(try await OutboxMessage.query(on: db).count() == outbox)
            let late = try await Self.told(ctx)
            #expect(late.compactMap(\.to.username).sorted() == ["weijian", "weijian2"], "not another county's department")
            #expect(late.allSatisfy { $0.level == "followup_late" && $0.subjectId == f.id && $0.subjectType == "health_followup" })
            let first = try await Reminder.query(on: db).all()
            #expect(first.count == 1)
            #expect(first.first?.dueOn == "2026-12-18" && first.first?.roles == ",partner_health," && first.first?.daysOverdue == 1)
            #expect(first.first?.subjectType == .healthFollowup && first.first?.subjectID.uuidString == f.id)

            #expect(try await Self.sweep(ctx, "2027-01-01") == 0, "fourteen days late: still the department's")
            #expect(try await Self.sweep(ctx, "2027-01-02") == 1, "fifteen days late: the health officers")
            #expect(try await Self.sweep(ctx, "2027-01-02") == 0, "a second sweep sends nothing")
            #expect(try await Self.sweep(ctx, "2027-01-20") == 0, "every level said")
            let all = try await Self.told(ctx)
            #expect(all.count == 3 && all.last?.to.username == "guan" && all.last?.level == "followup_escalated", "\(all.map(\.to))")
            let levels = try await Reminder.query(on: db).sort(\.$createdAt).all().map(\.level)
            #expect(levels == ["followup_late", "followup_escalated"])
            #expect(try await Reminder.query(on: db).filter(\.$level == "followup_escalated").first()?.usernames == ",guan,")

            // The outbox and the reminders carry her name, her village and the due day: never a result or a step.
            let payloads = try await OutboxMessage.query(on: db).all().map(\.payload).joined()
            let messages = try await Reminder.query(on: db).all().map(\.message).joined()
            #expect(payloads.contains("黄秋菊") && payloads.contains("2026-12-18") && payloads.contains("health_followup"))
            for word in Self.resultWords {
                #expect(!payloads.contains(word) && !messages.contains(word), "the outbox shows \(word)")
            }

            // 我的提醒: the department of the county, the officer by name; not a plain city admin, another county or the
            // township.
            for (user, sees) in [
                ("weijian", true), ("weijian2", true), ("guan", true), ("root", false), ("shashi", false), ("town", false),
            ] {
                var b = Browser(ctx)
                try await b.login(user)
                let inbox = try await b.get("/inbox")
                #expect(inbox.status == .ok, "\(user)")
                #expect(inbox.body.string.contains("黄秋菊") == sees, "\(user)")
                for word in Self.resultWords { #expect(!inbox.body.string.contains(word), "\(user)'s inbox shows \(word)") }
            }
            var weijian = Browser(ctx)
            try await weijian.login("weijian")
            #expect(try await weijian.get("/").body.string.contains(UILanguage.zh.t("home.reminders", "1")))

            // On 2027-01-02 the follow-up is overdue; the colposcopy done that day puts the reminders away and sets the
            // next deadline, whose reminders start afresh.
            ctx.clock.set(HealthWeb.at("2027-01-02"))
            let later = try await ctx.token("weijian")
            let overdue = try await ctx.api(.GET, "/api/v1/health/followups?overdue=true", token: later)
            let o = try overdue.content.decode(ListPage<HealthFollowupDTO>.self)
            #expect(o.items.map(\.id) == [f.id] && o.items.first?.overdue == true)
            let step = try await HealthWeb.stepped(ctx, later, f.id, "colposcopy", "2027-01-02", result: "abnormal")
            #expect(step.due == "2027-02-01" && !step.overdue)
            #expect(try await Reminder.query(on: db).filter(\.$resolvedAt == nil).count() == 0)
            var afterwards = Browser(ctx)
            try await afterwards.login("weijian")
            let cleared = try await afterwards.get("/inbox")
            #expect(cleared.status == .ok && !cleared.body.string.contains("黄秋菊"))
            #expect(
                try await ctx.api(.GET, "/api/v1/health/followups?overdue=true", token: later).content.decode(
                    ListPage<HealthFollowupDTO>.self
                ).total == 0)
            #expect(try await Self.sweep(ctx, "2027-02-01") == 0)
            #expect(try await Self.sweep(ctx, "2027-02-02") == 1)
            let again = try await Reminder.query(on: db).filter(\.$resolvedAt == nil).all()
            #expect(again.map(\.dueOn) == ["2027-02-01"] && again.map(\.level) == ["followup_late"])
        }
    }

    @Test func lostToFollowUpNeedsTwoAttemptsAndEndsIt() async throws {
        try await withTestApp { ctx in
            let (health, women) = try await HealthPathwayWebTests.setUp(ctx, count: 1)
            let s = try await HealthWeb.screen(
                ctx, health, HealthWeb.cervical(women[0], "2026-11-01", method: "hpv", cytology: nil, hpv: "hpv16_18"))
            let f = try #require(s.followUp?.id)
            let base = "/api/v1/health/followups/\(f)"
            func lost(_ reason: String?, _ token: String) async throws -> TestingHTTPResponse {
                try await ctx.api(.POST, base + "/lost", token: token, body: ctx.json(HealthLostInput(reason: reason)))
            }
            func attempt(_ on: String, _ channel: String, note: String? = nil, _ token: String) async throws -> TestingHTTPResponse {
                try await ctx.api(
                    .POST, base + "/attempts", token: token, body: ctx.json(HealthAttemptInput(on: on, channel: channel, note: note)))
            }
            try LoanTests.expectRefused(try await lost("unreachable", health), ["reason"], "no attempt yet")
            try LoanTests.expectRefused(try await lost("gone", health), ["reason"])
            try LoanTests.expectRefused(try await lost(nil, health), ["reason"])
            try LoanTests.expectRefused(try await attempt("2026-10-31", "phone", health), ["on"], "before the screen")
            try LoanTests.expectRefused(try await attempt("2026-11-19", "phone", health), ["on"], "tomorrow")
            try LoanTests.expectRefused(try await attempt("2026-11-05", "fax", health), ["channel"])

            let note = "（测试）电话无人接听"
            let one = try await attempt("2026-11-05", "phone", note: note, health)
            #expect(one.status == .ok, "\(one.body.string)")
            #expect(try one.content.decode(HealthFollowupDetailDTO.self).followUp.attempts == 1)
            try LoanTests.expectRefused(try await lost("unreachable", health), ["reason"], "one attempt")
            let two = try await attempt("2026-11-10", "home_visit", health)
            let d = try two.content.decode(HealthFollowupDetailDTO.self)
            #expect(d.followUp.attempts == 2 && d.attemptLog.map(\.channel) == ["phone", "home_visit"] && d.attemptLog[0].note == note)

            // Late on 2026-12-02 (the colposcopy was due 2026-12-01); said lost on 2026-12-05, which puts the reminder away.
            #expect(try await HealthDeadlineWebTests.sweep(ctx, "2026-12-02") == 1)
            ctx.clock.set(HealthWeb.at("2026-12-05"))
            let later = try await ctx.token("weijian")
            let said = try await lost("unreachable", later)
            #expect(said.status == .ok, "\(said.body.string)")
            let gone = try said.content.decode(HealthFollowupDetailDTO.self).followUp
            #expect(gone.status == "lost" && gone.lostReason == "unreachable" && gone.endedOn == "2026-12-05")
            #expect(gone.nextStep == nil && gone.due == nil && !gone.overdue)
            #expect(try await Reminder.query(on: ctx.app.db).filter(\.$resolvedAt == nil).count() == 0)

            // Ended: no step (none allowed), no attempt, not lost twice.
            try LoanTests.expectRefused(
                try await HealthWeb.step(ctx, later, f, "colposcopy", "2026-12-05", result: "abnormal"), ["step"])
            try LoanTests.expectRefused(try await attempt("2026-12-05", "phone", later), ["status"])
            try LoanTests.expectRefused(try await lost("refused", later), ["status"])
            #expect(try await HealthDeadlineWebTests.sweep(ctx, "2027-01-01") == 0, "nobody is told about a lost follow-up")
            let closed = try await ctx.api(.GET, "/api/v1/health/followups?status=closed", token: later)
            #expect(try closed.content.decode(ListPage<HealthFollowupDTO>.self).items.map(\.id) == [f])
            let open = try await ctx.api(.GET, "/api/v1/health/followups?status=open", token: later)
            #expect(try open.content.decode(ListPage<HealthFollowupDTO>.self).total == 0)
            #expect(try await ctx.api(.GET, "/api/v1/health/followups?status=lost", token: later).status == .badRequest)
            // The attempt's note is said to have changed, never what it says.
            let trail = try await AuditEntry.query(on: ctx.app.db).filter(\.$recordID == f).all().map(\.changes).joined()
            #expect(trail.contains(HealthService.withheld) && !trail.contains("无人接听") && !trail.contains("unreachable"))
        }
    }

    /// The list for the daily work: overdue first (the earliest due day), then the open ones by due day, then the ended.
    @Test func theFollowUpListPutsTheOverdueFirstAndTheEndedLast() async throws {
        try await withTestApp { ctx in
            let (health, women) = try await HealthPathwayWebTests.setUp(ctx, count: 5)
            var ids: [String] = []
            for (i, day) in ["2026-11-10", "2026-10-10", "2026-11-01", "2026-11-15", "2026-10-01"].enumerated() {
                let s = try await HealthWeb.screen(ctx, health, HealthWeb.cervical(women[i], day, cytology: "asc_us"))
                ids.append(try #require(s.followUp?.id))
            }
            // The third is closed by a colposcopy that found nothing.
            _ = try await HealthWeb.stepped(ctx, health, ids[2], "colposcopy", "2026-11-05", result: "normal")
            let all = try await ctx.api(.GET, "/api/v1/health/followups", token: health).content.decode(ListPage<HealthFollowupDTO>.self)
            #expect(all.items.map(\.id) == [ids[4], ids[1], ids[0], ids[3], ids[2]], "\(all.items.map(\.due))")
            #expect(all.items.map(\.overdue) == [true, true, false, false, false])
            let overdue = try await ctx.api(.GET, "/api/v1/health/followups?overdue=true", token: health)
            #expect(try overdue.content.decode(ListPage<HealthFollowupDTO>.self).items.map(\.id) == [ids[4], ids[1]])
            let page = try await ctx.api(.GET, "/api/v1/health/followups?per=2&page=3", token: health)
            let p = try page.content.decode(ListPage<HealthFollowupDTO>.self)
            #expect(p.items.map(\.id) == [ids[2]] && p.total == 5)
        }
    }
}
