import Testing
import VaporTesting
import Fluent
import Foundation
import GuanaiCore
@testable import GuanaiWeb

/// Reasons in the reader's language: pages by the language switch, the API by Accept-Language (Chinese by default);
/// notifications stay Chinese.
@Suite struct ReasonWordsTests {
    static let today = CivilDate(year: 2026, month: 12, day: 1)!
    static let young = CivilDate(year: 2022, month: 1, day: 1)!

    /// At least one reason of every code, from the rules themselves.
    static func samples() -> [Reason] {
        var out: [Reason] = []
        func child(
            _ f: ParentSituation?, _ m: ParentSituation?, health: Health = .healthy, improper: Bool = false, poverty: PovertyStatus = .none
        ) {
            let facts = ChildFacts(
                birthDate: young, hukou: .rural, father: f.map { ParentFacts(situation: $0) }, mother: m.map { ParentFacts(situation: $0) },
                ownHealth: health, improperGuardianship: improper, poverty: poverty)
            out += ChildClassifier.classify(facts, on: today).reasons
        }
        child(.workingAway, .workingAway)
        child(.workingAway, .imprisoned)
        child(.deceased, .missing)
        child(.deceased, .seriouslyIll)
        child(.atHome, nil, health: .severeDisability, improper: true, poverty: .dibao)
        child(.atHome, .atHome, health: .mildDisability, poverty: .tekun)
        for (h, s, since) in [
            (Hukou.urban, ParentSituation.workingAway, "2020-01-01"), (.rural, .atHome, "2020-01-01"), (.rural, .workingAway, ""),
            (.rural, .workingAway, "2020-01-01"), (.rural, .workingAway, "2026-10-01"),
        ] {
            out += WomanClassifier.classify(hukou: h, husbandSituation: s, awaySince: CivilDate(iso: since), today: today).reasons
        }
        func risk(
            _ living: LivingArrangement, parents: ParentSituation = .workingAway, guardian: GuardianFacts? = nil,
            categories: [ChildCategory] = [],
            needs: [ChildNeed] = [], lastContact: CivilDate = today, report: Bool = false
        ) {
            let f = RiskFacts(
                birthDate: young, living: living, father: ParentFacts(situation: parents), mother: ParentFacts(situation: parents),
                guardian: guardian,
                categories: categories, needs: needs, lastContact: lastContact, openReport: report)
            out += RiskRules.assess(f, on: today).reasons
        }
        risk(.alone)
        risk(.withSiblingsOnly)
        risk(.withGuardian)
        for g in [
            GuardianFacts(birthDate: nil, vitalStatus: .deceased), GuardianFacts(birthDate: nil, vitalStatus: .missing),
            GuardianFacts(birthDate: nil, health: .hospitalised), GuardianFacts(birthDate: nil, health: .seriousIllness),
            GuardianFacts(birthDate: nil, health: .severeDisability),
        ] {
            risk(.withGuardian, guardian: g)
        }
        risk(.withGuardian, guardian: GuardianFacts(birthDate: CivilDate(year: 1950, month: 1, day: 1)), report: true)
        risk(.withGuardian, guardian: GuardianFacts(birthDate: CivilDate(year: 1980, month: 1, day: 1), health: .chronicIllness))
        risk(
            .withParent, parents: .atHome, categories: ChildCategory.allCases, needs: [.safety],
            lastContact: CivilDate(year: 2026, month: 1, day: 1)!)
        risk(.withParent, parents: .atHome)
        // A ledger without the parents' columns and no guardian: unknown, not absent.
        out +=
            RiskRules.assess(
                RiskFacts(
                    birthDate: young, living: .withGuardian, father: nil, mother: nil, guardian: nil, categories: [], needs: [],
                    lastContact: today, openReport: false), on: today
            ).reasons
        out.append(RiskRules.overdueReason(due: "2026-11-30"))
        return out
    }

    static func hasCJK(_ s: String) -> Bool {
        s.unicodeScalars.contains {
            (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value) || (0xFF00...0xFFEF).contains($0.value)
        }
    }

    @Test func chineseCatalogueSaysExactlyWhatTheRulesSay() {
        let all = Self.samples()
        #expect(Set(all.map(\.code)) == Set(ReasonCode.allCases.map(\.rawValue)))
        for r in all {
            #expect(r.text(.zh) == r.message, "\(r.code) \(r.params)")
            let en = r.text(.en)
            #expect(!Self.hasCJK(en) && !en.contains("{") && !en.contains("reason."), "\(r.code): \(en)")
        }
        for c in ReasonCode.allCases where c.parameterCount > 0 {
            // Stored before parameters: Chinese as stored, English in general words.
            let old = try! JSONDecoder().decode(Reason.self, from: Data(#"{"code":"\#(c.rawValue)","message":"旧的理由"}"#.utf8))
            #expect(old.text(.zh) == "旧的理由")
            #expect(!Self.hasCJK(old.text(.en)) && !old.text(.en).hasPrefix("reason."), "\(c.rawValue)")
        }
    }

    @Test func apiReasonsFollowAcceptLanguageAndNotificationsStayChinese() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let t = try await ctx.token("cun")
            var body = ChildBody()
            body.livingArrangement = "alone"
            let c = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(body)).content.decode(ChildDTO.self)
            #expect(c.classification.reasons.first?.message == "父母双方均外出务工，未满16周岁，农村户籍", "Chinese by default")
            var en: TestingHTTPResponse?
            try await ctx.app.testing().test(
                .GET, "/api/v1/children/\(c.id)",
                beforeRequest: { req in
                    req.headers.bearerAuthorization = BearerAuthorization(token: t)
                    req.headers.replaceOrAdd(name: .acceptLanguage, value: "en-GB,en;q=0.9")
                }, afterResponse: { en = $0 })
            let dto = try #require(try en?.content.decode(ChildDTO.self))
            #expect(dto.classification.reasons.map(\.code) == ["left_behind.both_away"])
            #expect(dto.classification.reasons.first?.message == "Both parents work away from home; under 16; rural hukou")
            #expect(dto.riskReasons.contains { $0.code == "risk.living_alone" && $0.message == "Lives alone" })
            #expect(!dto.riskReasons.contains { Self.hasCJK($0.message) })

            var alerts: TestingHTTPResponse?
            try await ctx.app.testing().test(
                .GET, "/api/v1/alerts",
                beforeRequest: { req in
                    req.headers.bearerAuthorization = BearerAuthorization(token: t)
                    req.headers.replaceOrAdd(name: .acceptLanguage, value: "en")
                }, afterResponse: { alerts = $0 })
            let page = try #require(alerts?.body.string)
            #expect(page.contains("Lives alone") && !page.contains("独自居住"), "\(page)")
            // The notification written with the alert keeps the Chinese sentence.
            let payloads = try await OutboxMessage.query(on: ctx.app.db).all().map(\.payload)
            #expect(payloads.contains { $0.contains("独自居住") }, "\(payloads)")

            // A page in English shows the reasons in English.
            var b = Browser(ctx)
            try await b.login("cun")
            _ = try await b.get("/lang/en?back=/")
            let html = try await b.get("/children/\(c.id)").body.string
            #expect(html.contains("Both parents work away from home") && html.contains("Lives alone"))
            #expect(!html.contains("父母双方均外出务工"))
        }
    }
}
