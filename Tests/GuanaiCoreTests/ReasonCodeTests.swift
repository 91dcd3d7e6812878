import Testing
import Foundation
@testable import GuanaiCore

/// Reasons as codes with parameters: every rule gives one of the known codes, with exactly the parameters its sentence
/// needs, and the stored form reads back, old rows included.
@Suite struct ReasonCodeTests {
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

    @Test func everyRuleGivesAKnownCodeWithItsParameters() {
        let all = Self.samples()
        #expect(Set(all.map(\.code)) == Set(ReasonCode.allCases.map(\.rawValue)), "the samples reach every code")
        for r in all {
            let code = ReasonCode(rawValue: r.code)
            #expect(code != nil, "\(r.code)")
            #expect(r.params.count == code?.parameterCount, "\(r.code) \(r.params)")
            #expect(!r.message.isEmpty)
        }
        let oneAway = all.first { $0.code == "left_behind.one_away_other_incapable" }
        #expect(oneAway?.params == ["working_away", "imprisoned"])
        #expect(all.first { $0.code == "risk.no_contact" }?.params == ["60"])
    }

    @Test func storedFormOmitsEmptyParametersAndReadsOldRows() throws {
        let enc = JSONEncoder()
        enc.outputFormatting = .sortedKeys
        let plain = String(decoding: try enc.encode(Reason(.riskOrphan, [], "孤儿")), as: UTF8.self)
        #expect(plain == #"{"code":"risk.orphan","message":"孤儿"}"#, "unchanged for reasons without parameters")
        let withParams = Reason(.riskNoContact, ["60"], "60天以上没有走访或联系")
        #expect(try JSONDecoder().decode(Reason.self, from: try enc.encode(withParams)) == withParams)
        let old = try JSONDecoder().decode(Reason.self, from: Data(#"{"code":"risk.no_contact","message":"60天以上没有走访或联系"}"#.utf8))
        #expect(old.params == [] && old.message == "60天以上没有走访或联系")
    }
}
