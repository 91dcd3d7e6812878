import Foundation
import Testing
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// Rights cases (issue 19) on both engines: intake and numbering, summaries without a confidential word, the
/// confidential part for the assigned, officers and break-glass readers only, the lifecycle in order, the trail.
@Suite(.serialized) struct RightsTests {
    static let applicant = "李秀英", respondent = "王大强", narrative = "两个儿子都不给赡养费，婆婆常年独居。"

    static func input(village: String = Codes.shihuayan, personId: String? = nil) -> RightsCaseInput {
        RightsCaseInput(
            villageCode: village, channel: "walk_in", category: "support",
            parties: [
                .init(role: "applicant", name: applicant, relation: "母亲", phone: "13812345678"),
                .init(role: "respondent", name: respondent, personId: personId, relation: "儿子"),
            ],
            narrative: narrative, request: "每月给付生活费", receivedOn: "2026-11-17", womensHome: true)
    }

    static func take(_ ctx: TestContext, _ token: String, _ body: RightsCaseInput = input()) async throws -> RightsCaseSummaryDTO {
        let res = try await ctx.api(.POST, "/api/v1/rights/cases", token: token, body: ctx.json(body))
        #expect(res.status == .created, "\(res.body.string)")
        return try res.content.decode(RightsCaseSummaryDTO.self)
    }

    static func post(_ ctx: TestContext, _ id: String, _ step: String, _ token: String, _ body: some Encodable) async throws
        -> TestingHTTPResponse
    {
        try await ctx.api(.POST, "/api/v1/rights/cases/\(id)/\(step)", token: token, body: ctx.json(body))
    }

    static func errorCode(_ res: TestingHTTPResponse) throws -> String { try res.content.decode(APIErrorBody.self).error.code }

    @Test func intakeIsNumberedCheckedAndSummariesSayNothingConfidential() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("far", .townshipStaff, Codes.tiaoguan)
            for (u, r) in [("insp", Role.inspector), ("renshe", .partnerHR), ("weijian", .partnerHealth), ("sifa", .partnerJustice)] {
                try await ctx.makeUser(u, r, Codes.county)
            }
            try await ctx.makeUser("aixin", .volunteer, Codes.shihuayan)
            let cun = try await ctx.token("cun")
            let first = try await Self.take(ctx, cun)
            #expect(first.caseNo == "2026-0001" && first.status == "received" && first.assigned.map(\.kind) == ["receiver"])
            let second = try await Self.take(ctx, try await ctx.token("sifa"))
            #expect(second.caseNo == "2026-0002")

            // Who may not take cases, and what a bad intake names.
            for u in ["insp", "renshe", "weijian", "aixin"] {
                let res = try await ctx.api(.POST, "/api/v1/rights/cases", token: try await ctx.token(u), body: ctx.json(Self.input()))
                #expect(res.status == .forbidden, "\(u)")
            }
            let bad = try await ctx.api(
                .POST, "/api/v1/rights/cases", token: cun,
                body: ctx.json(
                    RightsCaseInput(
                        villageCode: Codes.shihuayan, channel: "letter", category: "support",
                        parties: [.init(role: "respondent", name: "x")],
                        narrative: " ", receivedOn: "2026-11-19")))
            #expect(bad.status == .unprocessableEntity)
            #expect(try StationTests.errorFields(bad) == ["channel", "parties", "narrative", "receivedOn"])
            // A party linked to a person the account cannot see is refused by name; nothing is registered.
            let people = try await Person.query(on: ctx.app.db).count()
            let unknown = try await ctx.api(
                .POST, "/api/v1/rights/cases", token: cun, body: ctx.json(Self.input(personId: UUID().uuidString)))
            #expect(try StationTests.errorFields(unknown) == ["parties[1].personId"])
            #expect(try await Person.query(on: ctx.app.db).count() == people)
            // A village outside the jurisdiction is not hers to write for.
            let outside = try await ctx.api(
                .POST, "/api/v1/rights/cases", token: cun, body: ctx.json(Self.input(village: Codes.tiaoguanVillage)))
            #expect(outside.status == .notFound)
            #expect(try await RightsCase.query(on: ctx.app.db).count() == 2)

            // Summaries: every reader of rights records in the jurisdiction, never a name or the story.
            for u in ["cun", "town", "insp", "sifa"] {
                let list = try await ctx.api(.GET, "/api/v1/rights/cases", token: try await ctx.token(u))
                #expect(list.status == .ok, "\(u)")
                let page = try list.content.decode(ListPage<RightsCaseSummaryDTO>.self)
                #expect(page.total == 2, "\(u)")
                for secret in [Self.applicant, Self.respondent, Self.narrative, "13812345678", "每月给付生活费"] {
                    #expect(!list.body.string.contains(secret), "\(u) list shows \(secret)")
                }
            }
            let far = try await ctx.token("far")
            #expect(
                try await ctx.api(.GET, "/api/v1/rights/cases", token: far).content.decode(ListPage<RightsCaseSummaryDTO>.self).total == 0)
            #expect(try await ctx.api(.GET, "/api/v1/rights/cases/\(first.id)", token: far).status == .notFound)
            for u in ["renshe", "weijian", "aixin"] {
                #expect(try await ctx.api(.GET, "/api/v1/rights/cases", token: try await ctx.token(u)).status == .forbidden, "\(u)")
            }
        }
    }

    @Test func theConfidentialPartIsForTheAssignedOfficersAndBreakGlass() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let admin = try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            try await ctx.makeUser("root", .cityAdmin, Codes.county)
            try await ctx.makeUser("sifa", .partnerJustice, Codes.county)
            try await ctx.makeUser("insp", .inspector, Codes.county)
            let c = try await Self.take(ctx, try await ctx.token("cun"))
            let path = "/api/v1/rights/cases/\(c.id)"

            let mine = try await ctx.api(.GET, path, token: try await ctx.token("cun"))
            #expect(mine.status == .ok)
            let detail = try mine.content.decode(RightsCaseDTO.self)
            #expect(
                detail.access == "full" && detail.narrative == Self.narrative
                    && detail.parties.map(\.name) == [Self.applicant, Self.respondent])
            for u in ["town", "admin", "sifa", "insp"] {
                let res = try await ctx.api(.GET, path, token: try await ctx.token(u))
                #expect(res.status == .forbidden, "\(u)")
                #expect(try Self.errorCode(res) == "restricted", "\(u)")
                #expect(!res.body.string.contains(Self.applicant))
            }
            // The duty opens it, for the roles that may hold it.
            let root = try await ctx.token("root")
            _ = try await ctx.api(
                .PUT, "/api/v1/accounts/\(admin.id!.uuidString)/duties", token: root,
                body: ctx.json(DutiesInput(duties: ["rights_officer"])))
            #expect(try await ctx.api(.GET, path, token: try await ctx.token("admin")).content.decode(RightsCaseDTO.self).access == "full")

            // Break-glass: a reason, three hours, read-only, on the trail and on the case.
            let town = try await ctx.token("town")
            let noReason = try await Self.post(ctx, c.id, "access", town, RightsReasonInput(reason: " "))
            #expect(try StationTests.errorFields(noReason) == ["reason"])
            #expect(
                try await Self.post(ctx, c.id, "access", try await ctx.token("insp"), RightsReasonInput(reason: "检查")).status == .forbidden)
            let start = ctx.clock.now()
            let grant = try await Self.post(ctx, c.id, "access", town, RightsReasonInput(reason: "当事人来电求助，承办人不在"))
            #expect(grant.status == .ok, "\(grant.body.string)")
            #expect(try grant.content.decode(RightsAccessDTO.self).until == AuditLog.timestamp(start.addingTimeInterval(3 * 3600)))
            let read = try await ctx.api(.GET, path, token: town)
            #expect(try read.content.decode(RightsCaseDTO.self).access == "read")
            let change = try await Self.post(
                ctx, c.id, "accept", town, RightsAcceptInput(consents: .init(applicant: true, respondent: true)))
            #expect(change.status == .forbidden)
            #expect(try Self.errorCode(change) == "restricted")
            let accesses = try await ctx.api(.GET, path + "/accesses", token: try await ctx.token("cun"))
            let entries = try accesses.content.decode(ListPage<RightsGrantDTO>.self).items
            #expect(entries.map(\.username) == ["town"] && entries[0].kind == "break_glass" && entries[0].reason == "当事人来电求助，承办人不在")

            ctx.clock.set(start.addingTimeInterval(2 * 3600 + 59 * 60))
            #expect(try await ctx.api(.GET, path, token: try await ctx.token("town")).status == .ok)
            ctx.clock.set(start.addingTimeInterval(3 * 3600 + 60))
            let late = try await ctx.api(.GET, path, token: try await ctx.token("town"))
            #expect(late.status == .forbidden)
            #expect(try Self.errorCode(late) == "restricted")

            let trail = try await AuditEntry.query(on: ctx.app.db).filter(\.$recordID == c.id).filter(\.$action == "view").all()
            #expect(trail.contains { $0.actorName == "town" && $0.changes.contains("当事人来电求助") })
            #expect(trail.filter { $0.actorName == "town" }.count >= 3)
        }
    }

    @Test func aCaseRunsInOrderToAWrittenAgreementAndTheTrailKeepsNoConfidentialText() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let town = try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let otherVillage = try await ctx.makeUser("cun2", .villageWorker, Codes.tiaoguanVillage)
            let sifa = try await ctx.makeUser("sifa", .partnerJustice, Codes.county)
            let c = try await Self.take(ctx, try await ctx.token("cun"))
            let cun = try await ctx.token("cun"), townToken = try await ctx.token("town")

            // Out of order: no meeting, outcome or close before acceptance.
            for (step, body) in [
                ("meetings", ctx.json(RightsMeetingInput(date: "2026-11-18", place: "妇女之家", attendees: ["李"], minutes: "m"))),
                ("close", ctx.json(RightsReasonInput(reason: "r"))),
            ] {
                let res = try await ctx.api(.POST, "/api/v1/rights/cases/\(c.id)/\(step)", token: cun, body: body)
                #expect(try StationTests.errorFields(res) == ["status"], "\(step)")
            }
            // Township staff name herself (with a reason) and the justice bureau; another township's worker cannot mediate.
            let noReason = try await Self.post(ctx, c.id, "mediators", townToken, RightsMediatorsInput(userIds: [town.id!.uuidString]))
            #expect(try StationTests.errorFields(noReason) == ["reason"])
            let wrong = try await Self.post(
                ctx, c.id, "mediators", townToken, RightsMediatorsInput(userIds: [sifa.id!.uuidString, otherVillage.id!.uuidString]))
            #expect(try StationTests.errorFields(wrong) == ["userIds[1]"])
            #expect(
                try await Self.post(ctx, c.id, "mediators", cun, RightsMediatorsInput(userIds: [sifa.id!.uuidString])).status == .forbidden)
            let named = try await Self.post(
                ctx, c.id, "mediators", townToken,
                RightsMediatorsInput(userIds: [town.id!.uuidString, sifa.id!.uuidString], reason: "本镇调解员"))
            #expect(named.status == .ok, "\(named.body.string)")
            #expect(try named.content.decode(RightsCaseDTO.self).summary.assigned.map(\.username) == ["cun", "town", "sifa"])

            let consent = try await Self.post(ctx, c.id, "accept", townToken, RightsAcceptInput(consents: .init(applicant: true)))
            #expect(try StationTests.errorFields(consent) == ["consents.respondent"])
            let accepted = try await Self.post(
                ctx, c.id, "accept", townToken, RightsAcceptInput(consents: .init(applicant: true, respondent: true)))
            let a = try accepted.content.decode(RightsCaseDTO.self).summary
            #expect(a.status == "accepted" && a.acceptedOn == "2026-11-18" && a.deadlineOn == "2026-12-18")
            let met = try await Self.post(
                ctx, c.id, "meetings", townToken,
                RightsMeetingInput(
                    date: "2026-11-18", place: "石华堰村妇女之家", attendees: [Self.applicant, Self.respondent], minutes: "双方同意每月给付"))
            #expect(try met.content.decode(RightsCaseDTO.self).summary.status == "mediating")
            let missing = try await Self.post(ctx, c.id, "outcome", townToken, RightsOutcomeInput(kind: "written_agreement", facts: "事实"))
            #expect(try StationTests.errorFields(missing) == ["terms", "performance", "signedBy", "signedOn"])
            let agreed = try await Self.post(
                ctx, c.id, "outcome", townToken,
                RightsOutcomeInput(
                    kind: "written_agreement", facts: "王大强未付赡养费", terms: "每月五日前给付六百元", performance: "微信转账",
                    signedBy: [Self.applicant, Self.respondent], signedOn: "2026-11-18"))
            let done = try agreed.content.decode(RightsCaseDTO.self)
            #expect(done.summary.status == "agreed" && done.summary.followupDueOn == "2026-12-18")
            #expect(done.outcome?.terms == "每月五日前给付六百元")
            let followed = try await Self.post(
                ctx, c.id, "followups", try await ctx.token("sifa"),
                RightsFollowupInput(on: "2026-11-18", compliance: "complied", note: "已给付"))
            #expect(try followed.content.decode(RightsCaseDTO.self).summary.status == "followed_up")
            let closed = try await Self.post(ctx, c.id, "close", townToken, RightsReasonInput(reason: "协议履行完毕"))
            #expect(try closed.content.decode(RightsCaseDTO.self).summary.closedOn == "2026-11-18")
            #expect(
                try StationTests.errorFields(try await Self.post(ctx, c.id, "close", townToken, RightsReasonInput(reason: "x"))) == [
                    "status"
                ])

            // The trail says what changed in the summary, and only that the confidential parts changed.
            let trail = try await AuditEntry.query(on: ctx.app.db).filter(\.$recordID == c.id).all().map(\.changes).joined()
            #expect(trail.contains("followed_up") && trail.contains(RightsService.withheld))
            for secret in [
                Self.applicant, Self.respondent, Self.narrative, "每月给付生活费", "双方同意每月给付", "每月五日前给付六百元", "已给付", "协议履行完毕", "13812345678",
            ] {
                #expect(!trail.contains(secret), "trail shows \(secret)")
            }
        }
    }

    @Test func aRefusalIsReferredWithAdviceAndADeclineIsClosable() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let cun = try await ctx.token("cun")
            let refused = try await Self.take(ctx, cun)
            let noAdvice = try await Self.post(
                ctx, refused.id, "accept", cun, RightsAcceptInput(consents: .init(applicant: true, respondent: false)))
            #expect(try StationTests.errorFields(noAdvice) == ["advice"])
            let referred = try await Self.post(
                ctx, refused.id, "accept", cun, RightsAcceptInput(consents: .init(applicant: true, respondent: false), advice: "建议申请法律援助"))
            let r = try referred.content.decode(RightsCaseDTO.self)
            #expect(r.summary.status == "referred" && r.advice == "建议申请法律援助" && r.summary.acceptedOn == nil)
            #expect(try await Self.post(ctx, refused.id, "close", cun, RightsReasonInput(reason: "已转法律援助中心")).status == .ok)

            let declined = try await Self.take(ctx, cun)
            let d = try await Self.post(ctx, declined.id, "decline", cun, RightsReasonInput(reason: "已在法院起诉"))
            #expect(try d.content.decode(RightsCaseDTO.self).summary.status == "declined")
            #expect(
                try StationTests.errorFields(try await Self.post(ctx, declined.id, "decline", cun, RightsReasonInput(reason: "x"))) == [
                    "status"
                ])
        }
    }

    @Test func settingsAreTheCitysAndMoveTheDeadline() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let admin = try await ctx.token("admin")
            let bad = try await ctx.api(
                .PUT, "/api/v1/rights/settings", token: admin, body: ctx.json(RightsSettingsInput(mediationDays: 0, breakGlassHours: 73)))
            #expect(try StationTests.errorFields(bad) == ["mediationDays", "breakGlassHours"])
            let town = try await ctx.token("town")
            #expect(
                try await ctx.api(.PUT, "/api/v1/rights/settings", token: town, body: ctx.json(RightsSettingsInput(mediationDays: 20)))
                    .status
                    == .forbidden)
            let ok = try await ctx.api(
                .PUT, "/api/v1/rights/settings", token: admin, body: ctx.json(RightsSettingsInput(mediationDays: 20)))
            #expect(try ok.content.decode(RightsSettingsInput.self).mediationDays == 20)
            #expect(
                try await ctx.api(.GET, "/api/v1/rights/settings", token: town).content.decode(RightsSettingsInput.self).breakGlassHours
                    == 3)
            let c = try await Self.take(ctx, town)
            let accepted = try await Self.post(
                ctx, c.id, "accept", town, RightsAcceptInput(consents: .init(applicant: true, respondent: true)))
            #expect(try accepted.content.decode(RightsCaseDTO.self).summary.deadlineOn == "2026-12-08")
        }
    }
}

/// Rights deadlines (issue 19, item 6): each stage once, to its own recipients, with nothing confidential in the outbox.
@Suite(.serialized) struct RightsReminderTests {
    @Test func theDeadlineRemindsMediatorsThenTheTownshipThenTheOfficers() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let town = try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("town2", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("far", .townshipStaff, Codes.tiaoguan)
            let sifa = try await ctx.makeUser("sifa", .partnerJustice, Codes.county)
            let officer = try await ctx.makeUser("officer", .cityAdmin, Codes.county)
            try await ctx.makeUser("root", .cityAdmin, Codes.county)
            officer.dutiesText = Duty.rightsOfficer.rawValue
            try await officer.save(on: ctx.app.db)
            let townToken = try await ctx.token("town")
            let c = try await RightsTests.take(ctx, try await ctx.token("cun"))
            _ = try await RightsTests.post(
                ctx, c.id, "mediators", townToken, RightsMediatorsInput(userIds: [town.id!.uuidString, sifa.id!.uuidString], reason: "承办"))
            _ = try await RightsTests.post(
                ctx, c.id, "accept", townToken, RightsAcceptInput(consents: .init(applicant: true, respondent: true)))
            // Accepted on the test day 2026-11-18: the outcome is due 2026-12-18.
            let day = { (iso: String) in
                ctx.app.now.addingTimeInterval(Double(CivilDate(iso: iso)!.dayNumber - CivilDate(iso: "2026-11-18")!.dayNumber) * 86_400)
            }
            let db = ctx.app.db
            func told() async throws -> [String] {
                try await OutboxMessage.query(on: db).sort(\.$createdAt).all().compactMap {
                    try? JSONDecoder().decode(OutboxPayload.self, from: Data($0.payload.utf8)).to.username
                }
            }
            #expect(try await RightsSweep.run(on: db, at: day("2026-12-12")) == 0, "six days before: nothing yet")
            #expect(try await RightsSweep.run(on: db, at: day("2026-12-13")) == 1, "five days before: the mediators")
            #expect(try await RightsSweep.run(on: db, at: day("2026-12-13")) == 0, "a second sweep sends nothing")
            #expect(Set(try await told()) == ["town", "sifa"])
            #expect(try await RightsSweep.run(on: db, at: day("2026-12-18")) == 0, "the due day: said already")
            #expect(try await RightsSweep.run(on: db, at: day("2026-12-19")) == 1, "a day overdue: the township")
            let overdue = try await told()
            #expect(overdue.count == 4 && Set(overdue.suffix(2)) == ["town", "town2"])
            #expect(try await RightsSweep.run(on: db, at: day("2026-12-24")) == 0)
            #expect(try await RightsSweep.run(on: db, at: day("2026-12-25")) == 1, "seven days overdue: the rights officers")
            let escalated = try await told()
            #expect(escalated.last == "officer" && escalated.count == 5)
            #expect(try await RightsSweep.run(on: db, at: day("2026-12-26")) == 0)

            // The outbox carries the case number and the village, nothing of the case itself.
            let payloads = try await OutboxMessage.query(on: db).all().map(\.payload).joined()
            #expect(payloads.contains(c.caseNo) && payloads.contains("rights_deadline") && payloads.contains("2026-12-18"))
            #expect(!payloads.contains("{3}"))
            for secret in [RightsTests.applicant, RightsTests.respondent, RightsTests.narrative] {
                #expect(!payloads.contains(secret), "outbox shows \(secret)")
            }
            // 我的提醒: the named accounts and the township see it; another township and a city admin without the duty do not.
            for (user, sees) in [("sifa", true), ("officer", true), ("town2", true), ("far", false), ("root", false)] {
                var b = Browser(ctx)
                try await b.login(user)
                let inbox = try await b.get("/inbox")
                #expect(inbox.status == .ok, "\(user)")
                #expect(inbox.body.string.contains(c.caseNo) == sees, "\(user)")
                // Every argument in its place: the due day and the days, in the reader's words.
                #expect(!inbox.body.string.contains("{2}") && inbox.body.string.contains("2026-12-18") == sees, "\(user)")
            }
            let detail = try await ctx.api(.GET, "/api/v1/rights/cases/\(c.id)", token: townToken).content.decode(RightsCaseDTO.self)
            #expect(detail.reminders.map(\.level) == ["mediation_soon", "mediation_overdue", "mediation_escalated"])

            // An agreement resolves them; its 回访 then runs the same way.
            _ = try await RightsTests.post(
                ctx, c.id, "meetings", townToken, RightsMeetingInput(date: "2026-11-18", place: "妇女之家", attendees: ["甲"], minutes: "m"))
            _ = try await RightsTests.post(ctx, c.id, "outcome", townToken, RightsOutcomeInput(kind: "oral_agreement", content: "和好"))
            #expect(try await Reminder.query(on: db).filter(\.$resolvedAt == nil).count() == 0)
            let after = try await RightsCase.find(UUID(uuidString: c.id), on: db)
            #expect(after?.followupDueOn == "2026-12-18" && after?.checkOn == "2026-12-13")
        }
    }
}

/// `GET /api/v1/rights/stats`: counts only, by the definitions of issue 19 item 9.
@Suite(.serialized) struct RightsStatsWebTests {
    @Test func statsCountWhatWasReceivedAcceptedAndResolved() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("far", .townshipStaff, Codes.tiaoguan)
            try await ctx.makeUser("insp", .inspector, Codes.county)
            let cun = try await ctx.token("cun")
            let both = RightsAcceptInput(consents: .init(applicant: true, respondent: true))
            let meeting = RightsMeetingInput(date: "2026-11-18", place: "妇女之家", attendees: ["甲"], minutes: "m")
            let agreed = try await RightsTests.take(ctx, cun)
            _ = try await RightsTests.post(ctx, agreed.id, "accept", cun, both)
            _ = try await RightsTests.post(ctx, agreed.id, "meetings", cun, meeting)
            _ = try await RightsTests.post(ctx, agreed.id, "outcome", cun, RightsOutcomeInput(kind: "oral_agreement", content: "和好"))
            let followed = try await RightsTests.post(
                ctx, agreed.id, "followups", cun, RightsFollowupInput(on: "2026-11-18", compliance: "complied"))
            #expect(followed.status == .ok, "\(followed.body.string)")
            let failed = try await RightsTests.take(ctx, cun)
            _ = try await RightsTests.post(ctx, failed.id, "accept", cun, both)
            _ = try await RightsTests.post(ctx, failed.id, "meetings", cun, meeting)
            _ = try await RightsTests.post(
                ctx, failed.id, "outcome", cun, RightsOutcomeInput(kind: "failed", referral: "legal_aid", advice: "法律援助"))
            var walkIn = RightsTests.input()
            walkIn.channel = "hotline_12338"
            walkIn.category = "domestic_violence"
            _ = try await RightsTests.take(ctx, cun, walkIn)

            let insp = try await ctx.token("insp")
            let res = try await ctx.api(.GET, "/api/v1/rights/stats?from=2026-01-01&to=2026-12-31", token: insp)
            #expect(res.status == .ok, "\(res.body.string)")
            let s = try res.content.decode(RightsStatsDTO.self)
            #expect(s.cases == 3 && s.accepted == 2 && s.resolved == 1 && s.resolutionRate == "0.5000")
            #expect(s.byCategory == ["support": 2, "domestic_violence": 1] && s.byChannel == ["walk_in": 2, "hotline_12338": 1])
            #expect(s.medianDaysToResolve == 0 && s.followupsDue == 1 && s.followupsOnTime == "1.0000")
            #expect(s.rows.map(\.unitCode) == [Codes.taohuashan] && s.rows[0].cases == 3)
            for secret in [RightsTests.applicant, RightsTests.respondent, RightsTests.narrative] {
                #expect(!res.body.string.contains(secret))
            }
            // Before the period: nothing; the default period is this year so far.
            let early = try await ctx.api(.GET, "/api/v1/rights/stats?to=2026-10-31", token: insp).content.decode(RightsStatsDTO.self)
            #expect(early.cases == 0 && early.resolutionRate == nil && early.medianDaysToResolve == nil && early.from == "2026-01-01")
            // Another township sees its own (none); a reversed or malformed period names the field.
            let far = try await ctx.api(.GET, "/api/v1/rights/stats?unit=\(Codes.county)", token: try await ctx.token("far"))
            #expect(try far.content.decode(RightsStatsDTO.self).cases == 0)
            let reversed = try await ctx.api(.GET, "/api/v1/rights/stats?from=2026-12-01&to=2026-11-01", token: insp)
            #expect(try StationTests.errorFields(reversed) == ["to"])
            #expect(try StationTests.errorFields(try await ctx.api(.GET, "/api/v1/rights/stats?from=2026-13-01", token: insp)) == ["from"])
        }
    }
}

/// Domestic violence (issue 19, item 7): the safety plan by the case's accounts only, confidential on the trail, and a
/// granted protection order's expiry told to the mediators once, 14 days ahead.
@Suite(.serialized) struct RightsSafetyWebTests {
    @Test func aSafetyPlanAndTheOrdersExpiry() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let town = try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("town2", .townshipStaff, Codes.taohuashan)
            let cun = try await ctx.token("cun"), townToken = try await ctx.token("town")
            var dv = RightsTests.input()
            dv.category = "domestic_violence"
            let c = try await RightsTests.take(ctx, cun, dv)
            _ = try await RightsTests.post(
                ctx, c.id, "mediators", townToken, RightsMediatorsInput(userIds: [town.id!.uuidString], reason: "家暴案件"))
            let plan = "（测试）暂住娘家，村妇联每日电话联系"
            let input = RightsSafetyInput(
                risk: "high", plan: plan, policeReportNo: "JQ-0001", warningLetter: .init(issuedOn: "2026-11-10", by: "城关派出所"),
                protectionOrder: .init(
                    appliedOn: "2026-11-01", court: "石首市人民法院", status: "granted", decidedOn: "2026-11-05", expiresOn: "2027-05-05"))
            let other = try await RightsTests.post(ctx, c.id, "safety", try await ctx.token("town2"), input)
            #expect(other.status == .forbidden)
            let bad = try await RightsTests.post(
                ctx, c.id, "safety", townToken,
                RightsSafetyInput(
                    risk: "high", protectionOrder: .init(appliedOn: "2026-11-01", court: "法院", status: "pending", expiresOn: "2027-01-01")))
            #expect(try StationTests.errorFields(bad) == ["protectionOrder.expiresOn"])
            let ok = try await RightsTests.post(ctx, c.id, "safety", townToken, input)
            #expect(ok.status == .ok, "\(ok.body.string)")
            let d = try ok.content.decode(RightsCaseDTO.self)
            #expect(d.safety?.risk == .high && d.safety?.protectionOrder?.expiresOn?.iso == "2027-05-05")
            let trail = try await AuditEntry.query(on: ctx.app.db).filter(\.$recordID == c.id).all().map(\.changes).joined()
            #expect(!trail.contains(plan) && !trail.contains("JQ-0001") && trail.contains(RightsService.withheld))

            let day = { (iso: String) in
                ctx.app.now.addingTimeInterval(Double(CivilDate(iso: iso)!.dayNumber - CivilDate(iso: "2026-11-18")!.dayNumber) * 86_400)
            }
            let db = ctx.app.db
            let expiry = { () async throws -> Int in
                try await Reminder.query(on: db).filter(\.$level == RightsReminderLevel.protectionOrderExpiry.rawValue).count()
            }
            _ = try await RightsSweep.run(on: db, at: day("2027-04-20"))
            #expect(try await expiry() == 0, "fifteen days ahead: not yet")
            _ = try await RightsSweep.run(on: db, at: day("2027-04-21"))
            #expect(try await expiry() == 1, "fourteen days ahead: the mediators")
            _ = try await RightsSweep.run(on: db, at: day("2027-04-22"))
            #expect(try await expiry() == 1, "once")
            let told = try await OutboxMessage.query(on: db).all().compactMap {
                try? JSONDecoder().decode(OutboxPayload.self, from: Data($0.payload.utf8))
            }.filter { $0.level == RightsReminderLevel.protectionOrderExpiry.rawValue }
            #expect(told.compactMap(\.to.username) == ["town"])
            #expect(!told.map(\.reasons).description.contains(plan))
        }
    }
}

/// The mandatory child report a domestic-violence case offers (issue 19, item 7): the household's children listed to
/// those with full access; a report filed into the safety net as a volunteer's concern is, even by a justice bureau
/// mediator who reads no child records; declining kept with its reason; the trail naming neither.
@Suite(.serialized) struct RightsChildReportWebTests {
    /// A domestic-violence case whose applicant is the registered mother of a new child (王小雨) of the village.
    static func householdCase(_ ctx: TestContext, _ token: String, order: Int) async throws -> (RightsCaseSummaryDTO, ChildDTO) {
        let kid = try await PairingTests.child(ctx, token, order: order, name: "王小雨")
        let mother = try #require(try await Child.find(UUID(uuidString: kid.id), on: ctx.app.db)?.motherID)
        var dv = RightsTests.input()
        dv.category = "domestic_violence"
        dv.parties = [
            .init(role: "applicant", name: "李秀英", personId: mother.uuidString, relation: "妻子"),
            .init(role: "respondent", name: "王大山", relation: "丈夫"),
        ]
        return (try await RightsTests.take(ctx, token, dv), kid)
    }

    @Test func aChildOfTheHouseholdIsReportedOrTheDeclineKept() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let town = try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let sifa = try await ctx.makeUser("sifa", .partnerJustice, Codes.county)
            let cun = try await ctx.token("cun"), townToken = try await ctx.token("town"), sifaToken = try await ctx.token("sifa")
            let (c, kid) = try await Self.householdCase(ctx, cun, order: 132)
            let detail = try await ctx.api(.GET, "/api/v1/rights/cases/\(c.id)", token: cun)
            let d = try detail.content.decode(RightsCaseDTO.self)
            #expect(d.household.map(\.id) == [kid.id] && d.household.first?.name == "王小雨" && d.childReports.isEmpty)
            // Another case of the same village with no registered party offers nobody.
            let plain = try await RightsTests.take(ctx, cun)
            #expect(
                try await ctx.api(.GET, "/api/v1/rights/cases/\(plain.id)", token: cun).content.decode(RightsCaseDTO.self).household.isEmpty
            )

            // Without access: restricted; a child not of the household, or nothing said: named.
            let outside = try await RightsTests.post(
                ctx, c.id, "child-reports", townToken, RightsChildReportInput(childId: kid.id, seen: "孩子脸上有伤"))
            #expect(outside.status == .forbidden)
            #expect(try RightsTests.errorCode(outside) == RightsService.restricted)
            let stranger = try await RightsTests.post(
                ctx, c.id, "child-reports", cun, RightsChildReportInput(childId: UUID().uuidString, seen: "孩子脸上有伤"))
            #expect(try StationTests.errorFields(stranger) == ["childId"])
            let empty = try await RightsTests.post(ctx, c.id, "child-reports", cun, RightsChildReportInput(childId: kid.id))
            #expect(try StationTests.errorFields(empty) == ["seen"])
            #expect(try await Report.query(on: ctx.app.db).count() == 0)

            // Declined, with why: kept, no report.
            let reason = "（测试）孩子由外婆带，已不在家中居住"
            let declined = try await RightsTests.post(
                ctx, c.id, "child-reports", cun, RightsChildReportInput(childId: kid.id, declined: true, reason: reason))
            #expect(declined.status == .created, "\(declined.body.string)")
            let kept = try declined.content.decode(RightsChildReportDTO.self)
            #expect(kept.declined && kept.reportId == nil && kept.reason == reason && kept.childName == "王小雨")
            #expect(try await Report.query(on: ctx.app.db).count() == 0)

            // A justice bureau mediator files it: into the safety net, about the child, in her name.
            _ = try await RightsTests.post(
                ctx, c.id, "mediators", townToken, RightsMediatorsInput(userIds: [town.id!.uuidString, sifa.id!.uuidString], reason: "家暴"))
            let seen = "（测试）孩子说爸爸喝酒后打妈妈，孩子躲在床下"
            let filed = try await RightsTests.post(
                ctx, c.id, "child-reports", sifaToken, RightsChildReportInput(childId: kid.id, seen: seen))
            #expect(filed.status == .created, "\(filed.body.string)")
            let f = try filed.content.decode(RightsChildReportDTO.self)
            let report = try #require(try await Report.find(UUID(uuidString: f.reportId ?? ""), on: ctx.app.db))
            #expect(report.childID.uuidString == kid.id && report.seen == seen && report.reporter.contains("维权调解员"))
            #expect(try await Child.find(UUID(uuidString: kid.id), on: ctx.app.db)?.openReport == true)

            let after = try await ctx.api(.GET, "/api/v1/rights/cases/\(c.id)", token: cun).content.decode(RightsCaseDTO.self)
            #expect(after.childReports.map(\.declined) == [true, false] && after.childReports.last?.reportId == f.reportId)
            // The case's trail names the child and the report, never what was seen or why not.
            let trail = try await AuditEntry.query(on: ctx.app.db).filter(\.$recordID == c.id).all()
            let text = trail.map(\.changes).joined()
            #expect(text.contains(f.reportId!) && text.contains(RightsService.withheld))
            #expect(!text.contains("床下") && !text.contains("外婆"))
            // Nothing confidential in any summary the township reads.
            let list = try await ctx.api(.GET, "/api/v1/rights/cases", token: townToken).body.string
            #expect(!list.contains("王小雨") && !list.contains("床下"))
        }
    }
}
