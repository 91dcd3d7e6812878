import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// 爱心妈妈: registration, the screening gate, pairs through their lifecycle, capacity and the matching queue.
@Suite(.serialized) struct PairingTests {
    static func child(_ ctx: TestContext, _ token: String, order: Int, name: String = "王小花") async throws -> ChildDTO {
        var b = ChildBody()
        b.name = name
        b.idNumber = Synthetic.id(2016, 3, 3, order: order)
        let res = try await ctx.api(.POST, "/api/v1/children", token: token, body: ctx.json(b))
        #expect(res.status == .created, "\(res.body.string)")
        return try res.content.decode(ChildDTO.self)
    }

    static func volunteer(_ ctx: TestContext, _ token: String, capacity: Int = 1, order: Int = 224) async throws -> VolunteerDTO {
        let body = VolunteerInput(
            name: "刘爱华", idNumber: Synthetic.id(1978, 8, 8, order: order), phone: "13912345678", unitCode: Codes.shihuayan,
            details: .typed([.organisation: "石华堰村妇联", .honours: "三八红旗手", .availableTime: "周末"]),
            skills: ["tutoring", "psychological_support"], capacity: capacity
        )
        let res = try await ctx.api(.POST, "/api/v1/volunteers", token: token, body: ctx.json(body))
        #expect(res.status == .created, "\(res.body.string)")
        return try res.content.decode(VolunteerDTO.self)
    }

    @Test func theScreeningGateAndTheLifecycle() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let t = try await ctx.token("cun"), tt = try await ctx.token("town")
            let c = try await Self.child(ctx, t, order: 122)
            let v = try await Self.volunteer(ctx, t)
            #expect(!v.screened && v.idNumber.contains("*"), "masked")

            // Not screened: refused, naming the missing steps.
            let early = try await ctx.api(.POST, "/api/v1/pairs", token: t, body: ctx.json(PairInput(childId: c.id, volunteerId: v.id)))
            #expect(
                early.status == .unprocessableEntity && early.body.string.contains("record_check") == false
                    && early.body.string.contains("无犯罪记录"), "\(early.body.string)")
            // A village worker cannot confirm screening; the township can, step by step, never in the future.
            #expect(
                try await ctx.api(.POST, "/api/v1/volunteers/\(v.id)/screening", token: t, body: ctx.json(ScreeningInput(step: "identity")))
                    .status == .forbidden)
            #expect(
                try await ctx.api(
                    .POST, "/api/v1/volunteers/\(v.id)/screening", token: tt,
                    body: ctx.json(ScreeningInput(step: "identity", on: "2030-01-01"))
                ).status == .unprocessableEntity)
            for s in ScreeningStep.allCases {
                let r = try await ctx.api(
                    .POST, "/api/v1/volunteers/\(v.id)/screening", token: tt, body: ctx.json(ScreeningInput(step: s.rawValue)))
                #expect(r.status == .ok)
            }
            #expect(try await ctx.api(.GET, "/api/v1/volunteers/\(v.id)", token: t).content.decode(VolunteerDTO.self).screened)

            // proposed → approved (township only) → active at the first contact.
            let p = try await ctx.api(.POST, "/api/v1/pairs", token: t, body: ctx.json(PairInput(childId: c.id, volunteerId: v.id))).content
                .decode(PairDTO.self)
            #expect(p.status == "proposed")
            #expect(try await ctx.api(.POST, "/api/v1/pairs/\(p.id)/approve", token: t).status == .forbidden)
            #expect(try await ctx.api(.POST, "/api/v1/pairs/\(p.id)/approve", token: tt).content.decode(PairDTO.self).status == "approved")
            #expect(
                try await ctx.api(.POST, "/api/v1/pairs/\(p.id)/pause", token: t).status == .unprocessableEntity,
                "an approved pair is not yet active")
            let k = try await ctx.api(
                .POST, "/api/v1/pairs/\(p.id)/contacts", token: t, body: ctx.json(ContactInput(mode: "visit", minutes: 90, notes: "一起写作业")))
            #expect(k.status == .created, "\(k.body.string)")
            var now = try await ctx.api(.GET, "/api/v1/pairs/\(p.id)", token: t).content.decode(PairDTO.self)
            #expect(now.status == "active" && now.startedOn == "2026-11-18")
            #expect(try await ctx.api(.GET, "/api/v1/volunteers/\(v.id)", token: t).content.decode(VolunteerDTO.self).serviceHours == 1.5)

            // A second child: she has no room (capacity 1), and a paused pair still holds the place.
            let c2 = try await Self.child(ctx, t, order: 132, name: "李明明")
            #expect(
                try await ctx.api(.POST, "/api/v1/pairs/\(p.id)/pause", token: t, body: ctx.json(PairActionInput(note: "寒假外出"))).content
                    .decode(PairDTO.self).status == "paused")
            let full = try await ctx.api(.POST, "/api/v1/pairs", token: t, body: ctx.json(PairInput(childId: c2.id, volunteerId: v.id)))
            #expect(full.status == .unprocessableEntity && full.body.string.contains("已满"))
            #expect(try await ctx.api(.POST, "/api/v1/pairs/\(p.id)/resume", token: t).content.decode(PairDTO.self).status == "active")

            // Closing needs a reason and a note; then the child is back in the queue and can be paired again.
            let bare = try await ctx.api(.POST, "/api/v1/pairs/\(p.id)/close", token: t, body: ctx.json(PairActionInput(note: "")))
            #expect(bare.status == .unprocessableEntity && bare.body.string.contains("closeReason") && bare.body.string.contains("note"))
            now = try await ctx.api(
                .POST, "/api/v1/pairs/\(p.id)/close", token: t,
                body: ctx.json(PairActionInput(note: "搬到县城", closeReason: "volunteer_withdrew"))
            ).content.decode(PairDTO.self)
            #expect(now.status == "closed" && now.closeReason == "volunteer_withdrew")
            #expect(try await PairingService.openPair(child: ChildID(c.id)!, on: ctx.app.db) == nil, "back in the matching queue")
            let second = try await ctx.api(.POST, "/api/v1/pairs", token: t, body: ctx.json(PairInput(childId: c2.id, volunteerId: v.id)))
            #expect(second.status == .created)
            // Reopening the first pair: the volunteer is full again, so the township is told why not.
            let reopen = try await ctx.api(.POST, "/api/v1/pairs/\(p.id)/reopen", token: tt)
            #expect(reopen.status == .unprocessableEntity && reopen.body.string.contains("已满"))
            let p2 = try second.content.decode(PairDTO.self)
            _ = try await ctx.api(
                .POST, "/api/v1/pairs/\(p2.id)/close", token: t, body: ctx.json(PairActionInput(note: "重复提议", closeReason: "natural_end")))
            now = try await ctx.api(.POST, "/api/v1/pairs/\(p.id)/reopen", token: tt, body: ctx.json(PairActionInput(note: "已回村"))).content
                .decode(PairDTO.self)
            #expect(now.status == "active" && now.closeReason == nil)
            #expect(now.history.map(\.to) == ["proposed", "approved", "active", "paused", "active", "closed", "active"])
            #expect(try await ctx.auditCount(AuditAction.update, recordID: p.id) == 6, "one entry per step after the proposal")
            #expect(try await HistoryWordsTests.trailLeaks(ctx) == [], "the trail reads in words")
        }
    }

    @Test func suggestionsAreOptimalAndPutTheHigherTierFirst() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let t = try await ctx.token("cun"), tt = try await ctx.token("town")
            // One volunteer with one place; two children: one who needs study help, one living alone (critical).
            let v = try await Self.volunteer(ctx, t)
            for s in ScreeningStep.allCases {
                _ = try await ctx.api(
                    .POST, "/api/v1/volunteers/\(v.id)/screening", token: tt, body: ctx.json(ScreeningInput(step: s.rawValue)))
            }
            var studious = ChildBody(); studious.name = "赵学文"; studious.idNumber = Synthetic.id(2015, 6, 6, order: 132);
            studious.needs = ["study"]
            let a = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(studious)).content.decode(ChildDTO.self)
            var alone = ChildBody(); alone.name = "钱孤孤"; alone.idNumber = Synthetic.id(2014, 4, 4, order: 142);
            alone.livingArrangement = "alone"; alone.needs = []
            let b = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(alone)).content.decode(ChildDTO.self)
            #expect(b.riskTier == "critical")
            let res = try await ctx.api(.POST, "/api/v1/pairing/suggestions", token: t, body: ctx.json(["unit": Codes.shihuayan]))
            #expect(res.status == .ok, "\(res.body.string)")
            let s = try res.content.decode(SuggestionsDTO.self)
            #expect(s.children == 2 && s.volunteers == 1)
            #expect(s.suggestions.map(\.childId) == [b.id] && s.unpaired == [a.id], "the critical child gets the one place")
            #expect(s.suggestions.first?.reasons.contains { $0.message == "同村" } == true)
            #expect(s.totalCost == 800 + 100_000, "same village, plus the normal child's penalty")
            // Staff propose from it; the next run has nobody left to suggest for her.
            #expect(
                try await ctx.api(.POST, "/api/v1/pairs", token: t, body: ctx.json(PairInput(childId: b.id, volunteerId: v.id))).status
                    == .created)
            let after = try await ctx.api(.POST, "/api/v1/pairing/suggestions", token: t, body: ctx.json(["unit": Codes.shihuayan])).content
                .decode(SuggestionsDTO.self)
            #expect(after.children == 1 && after.volunteers == 0 && after.suggestions.isEmpty)
            #expect(
                try await ctx.api(.POST, "/api/v1/pairing/suggestions", token: t, body: ctx.json(["unit": Codes.tiaoguanVillage])).status
                    == .unprocessableEntity)
        }
    }

    @Test func pairingStaysInsideTheJurisdiction() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("other", .villageWorker, Codes.xiaoshiqiao)
            try await ctx.makeUser("aixin", .volunteer, Codes.shihuayan)
            let t = try await ctx.token("cun")
            let v = try await Self.volunteer(ctx, t, capacity: 2)
            let o = try await ctx.token("other")
            #expect(try await ctx.api(.GET, "/api/v1/volunteers/\(v.id)", token: o).status == .notFound)
            #expect(try await ctx.api(.GET, "/api/v1/volunteers", token: o).content.decode(ListPage<VolunteerDTO>.self).total == 0)
            #expect(try await ctx.api(.GET, "/api/v1/volunteers", token: try await ctx.token("aixin")).status == .forbidden)
            let dup = try await ctx.api(
                .POST, "/api/v1/volunteers", token: t,
                body: ctx.json(VolunteerInput(name: "刘爱华", idNumber: Synthetic.id(1978, 8, 8, order: 224), unitCode: Codes.shihuayan)))
            #expect(dup.status == .conflict)
            let bad = try await ctx.api(
                .POST, "/api/v1/volunteers", token: t,
                body: ctx.json(VolunteerInput(name: "", idNumber: "123", unitCode: Codes.tiaoguanVillage, skills: ["singing"], capacity: 9))
            )
            #expect(bad.status == .unprocessableEntity)
            for f in ["name", "idNumber", "unitCode", "skills", "capacity"] { #expect(bad.body.string.contains("\"\(f)\""), "\(f)") }
        }
    }
}

extension PairActionInput { init() { self.init(note: nil, closeReason: nil) } }
