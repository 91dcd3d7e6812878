import Testing
import Foundation
@testable import GuanaiCore

/// Each mapping that changes a safety outcome has its own expectation: a wrong guess here raises (or hides)
/// critical alerts for every row of a file.
@Suite struct LedgerWordsTests {
    typealias W = LedgerWords

    func situation(_ s: String?, place: String? = nil) -> W.ParentReading? { try? W.parent(situation: s, workPlace: place).get() }

    @Test func aParentsSituationAsLedgersWriteIt() {
        for w in ["外出务工", "务工", "外出打工", "在外务工", "省外务工", "在外地", " 外出 务工 ", "外出务工\u{3000}"] {
            #expect(situation(w)?.situation == .workingAway, "\(w)")
        }
        for w in ["在家", "在家务农", "本地务工"] { #expect(situation(w)?.situation == .atHome, "\(w)") }
        for w in ["已故", "去世", "死亡"] { #expect(situation(w)?.situation == .deceased, "\(w)") }
        #expect(situation("服刑")?.situation == .imprisoned)
        #expect(situation("失联")?.situation == .missing)
        #expect(situation("重病")?.situation == .seriouslyIll)
        // The registry's own names, as our exports write them, read back.
        #expect(situation("失踪/失联")?.situation == .missing && situation("重病或住院")?.situation == .seriouslyIll)
    }

    @Test func thePlaceInBracketsOrAfterADashIsTheWorkPlace() {
        #expect(situation("外出务工（广东深圳）") == W.ParentReading(situation: .workingAway, place: "广东深圳"))
        #expect(situation("外出务工(广东深圳)") == W.ParentReading(situation: .workingAway, place: "广东深圳"))
        #expect(situation("在外务工-浙江") == W.ParentReading(situation: .workingAway, place: "浙江"))
        #expect(situation("外出务工【上海】") == W.ParentReading(situation: .workingAway, place: "上海"))
        #expect(situation("深圳打工") == W.ParentReading(situation: .workingAway, place: "深圳"))
        #expect(situation("在广东务工") == W.ParentReading(situation: .workingAway, place: "广东"))
        // Not a place: never read as working away.
        #expect(situation("无法务工") == nil)
        #expect(situation("因病不能打工") == nil)
        // A place in brackets after another situation is dropped: only working away has a place.
        #expect(situation("在家（务农）")?.place == nil)
    }

    @Test func aWorkPlaceAloneMeansWorkingAwayThere() {
        #expect(
            situation(nil, place: "广东深圳")
                == W.ParentReading(situation: .workingAway, place: "广东深圳", assumptions: [.workingAwayFromPlace("广东深圳")]))
        // The situation cell, when it says something, wins; its place comes from the work-place column.
        #expect(situation("务工", place: "浙江") == W.ParentReading(situation: .workingAway, place: "浙江"))
        #expect(situation("在家", place: "浙江") == W.ParentReading(situation: .atHome))
        // A work-place cell holding a situation word says that situation.
        #expect(situation(nil, place: "在家")?.situation == .atHome)
        #expect(situation(nil, place: "已故")?.situation == .deceased)
    }

    @Test func nothingSaidIsUnknownNotAnError() {
        for (s, p) in [(nil, nil), ("", ""), ("无", nil), (nil, "无"), ("/", " "), ("不详", nil)] as [(String?, String?)] {
            #expect(
                situation(s, place: p) == W.ParentReading(situation: nil, assumptions: [.situationUnknown]),
                "\(String(describing: s)) \(String(describing: p))")
        }
    }

    @Test func divorcedSaysNothingAboutWhereThisParentIs() {
        #expect(situation("离异") == W.ParentReading(situation: nil, assumptions: [.divorcedSituationUnknown]))
        #expect(situation("离异（外出务工）")?.situation == .workingAway)
        #expect(situation("离异，在家")?.situation == .atHome)
        #expect(situation("离异(不详)") == W.ParentReading(situation: nil, assumptions: [.divorcedSituationUnknown]))
    }

    @Test func anUnknownSituationIsAnErrorWithTheClosestWords() throws {
        guard case .failure(let e) = W.parent(situation: "残疾", workPlace: nil) else {
            Issue.record("残疾 alone says no grade: not a parent's severe disability"); return
        }
        #expect(e.value == "残疾" && e.closest.contains("重度残疾"))
        guard case .failure(let f) = W.parent(situation: "外出读书", workPlace: nil) else { Issue.record("not a word"); return }
        #expect(f.closest.contains("外出") && f.closest.count <= 4)
    }

    @Test func guardianRelations() {
        func r(_ s: String) -> W.GuardianReading? { try? W.guardian(s).get() }
        #expect(r("祖母") == .guardian(.grandmother) && r("奶奶") == .guardian(.grandmother))
        #expect(r("爷爷") == .guardian(.grandfather) && r("祖父") == .guardian(.grandfather))
        #expect(r("外婆") == .guardian(.maternalGrandmother) && r("姥姥") == .guardian(.maternalGrandmother))
        #expect(r("外公") == .guardian(.maternalGrandfather) && r("姥爷") == .guardian(.maternalGrandfather))
        for w in ["哥哥", "姐姐", "伯父", "叔叔", "姑姑", "舅舅", "姨妈", "亲戚"] { #expect(r(w) == .guardian(.relative), "\(w)") }
        #expect(r("邻居") == .guardian(.neighbour))
        #expect(r("母亲") == .parent(.mother) && r("妈妈") == .parent(.mother) && r("父亲") == .parent(.father) && r(" 父 亲 ") == .parent(.father))
        guard case .failure(let e) = W.guardian("干妈") else { Issue.record("干妈 is not guessed"); return }
        #expect(e.value == "干妈" && e.closest == ["姑妈", "妈妈", "奶奶", "爷爷"], "\(e.closest)")
    }

    @Test func healthWords() {
        func h(_ s: String) -> (Health, [W.Assumption])? { try? W.health(s).get() }
        for w in ["健康", "良好", "一般"] { #expect(h(w)?.0 == .healthy && h(w)?.1 == [], "\(w)") }
        for w in ["体弱", "多病", "慢性病"] { #expect(h(w)?.0 == .chronicIllness, "\(w)") }
        #expect(h("重病")?.0 == .seriousIllness)
        #expect(h("住院")?.0 == .hospitalised)
        #expect(h("残疾")?.0 == .mildDisability && h("残疾")?.1 == [.disabilityGradeUnknown])
        #expect(h("残疾（二级）")?.0 == .severeDisability && h("残疾(二级)")?.1 == [])
        #expect(h("残疾(四级)")?.0 == .mildDisability && h("残疾(四级)")?.1 == [])
        #expect(h("重度残疾")?.0 == .severeDisability)
        guard case .failure(let e) = W.health("差") else { Issue.record("an unknown health word is not defaulted"); return }
        #expect(e.value == "差" && !e.closest.isEmpty)
    }

    @Test func agesAndTheBirthDateTheyGive() {
        for w in ["68", "68岁", "68周岁", " 68 岁", "６８", "68.0"] { #expect(W.age(w) == 68, "\(w)") }
        for w in ["", "六十八", "68.5", "3", "200", "68年"] { #expect(W.age(w) == nil, "\(w)") }
        let today = CivilDate(year: 2026, month: 12, day: 2)!
        #expect(W.birthDate(age: 68, today: today) == CivilDate(year: 1958, month: 7, day: 1))
    }

    @Test func livingDerivedFromWhatWasWritten() {
        #expect(W.living(guardianNamed: true, father: .workingAway, mother: .workingAway) == (.withGuardian, nil))
        #expect(W.living(guardianNamed: false, father: .workingAway, mother: .atHome) == (.withParent, nil))
        #expect(W.living(guardianNamed: false, father: .atHome, mother: nil) == (.withParent, nil))
        // Nothing to go on: with a parent, said; never alone (critical) by derivation.
        #expect(W.living(guardianNamed: false, father: .workingAway, mother: .workingAway) == (.withParent, .livingAssumedWithParent))
        #expect((try? W.living("独居").get()) == .alone)
    }

    /// No word is in two tables' rows for different tokens, so a lookup never depends on the order of the table.
    @Test func noWordMeansTwoThings() {
        func check<T: Hashable>(_ table: [(T, [String])]) {
            var seen: [String: T] = [:]
            for (t, words) in table { for w in words { #expect(seen[W.key(w)] == nil || seen[W.key(w)] == t, "\(w)"); seen[W.key(w)] = t } }
        }
        check(W.situation); check(W.relation); check(W.health); check(W.living)
        var relationWords = Set(W.relation.flatMap(\.1).map(W.key))
        for w in W.parentAsGuardian.flatMap(\.1) { #expect(relationWords.insert(W.key(w)).inserted, "\(w)") }
    }

    /// docs/intake.md lists the words understood: every word of every table is there.
    @Test func theDocsListEveryWord() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/intake.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let all =
            W.situation.flatMap(\.1) + W.relation.flatMap(\.1) + W.parentAsGuardian.flatMap(\.1) + W.health.flatMap(\.1)
            + W.living.flatMap(\.1)
        for w in all { #expect(text.contains(w), "\(w) is not in docs/intake.md") }
    }

    /// A parent with no situation recorded (unknown: the ledger had no such column) is not a parent known to be away:
    /// without a guardian that is a child to check (high), not a critical "no caregiver" alert in every row.
    @Test func unknownParentsAreNotAbsentParents() {
        let today = CivilDate(year: 2026, month: 12, day: 2)!, born = CivilDate(year: 2016, month: 5, day: 1)!
        func tier(_ father: ParentSituation?, _ mother: ParentSituation?) -> RiskAssessment {
            RiskRules.assess(
                RiskFacts(
                    birthDate: born, living: .withParent, father: father.map { ParentFacts(situation: $0) },
                    mother: mother.map { ParentFacts(situation: $0) },
                    guardian: nil, categories: [], needs: [], lastContact: today), on: today)
        }
        #expect(tier(nil, nil).tier == .high && tier(nil, nil).reasons.map(\.code) == ["risk.caregiver_unknown"])
        #expect(tier(.workingAway, nil).tier == .high)
        // Both known to be away, nobody named: critical, as before.
        #expect(
            tier(.workingAway, .workingAway).tier == .critical
                && tier(.workingAway, .workingAway).reasons.first?.code == "risk.no_caregiver")
        #expect(tier(.workingAway, .atHome).tier != .critical)
    }
}
