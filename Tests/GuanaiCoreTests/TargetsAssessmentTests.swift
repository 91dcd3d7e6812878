import Foundation
import Testing

@testable import GuanaiCore

/// The assessment scheme: its form, a unit's score with caps, unscored items and bonus points, and the ranking.
@Suite struct TargetsAssessmentTests {
    func n(_ s: String) -> TargetNumber { TargetNumber(s)! }
    func fields(_ c: FormChecker) -> [String] { c.errors.map(\.field) }

    @Test func numbersAreReadAsWrittenAndRoundedHalfUp() throws {
        #expect(n("0.85").value == Decimal(85) / 100 && n("1.20").description == "1.2" && n("120").description == "120")
        #expect(n("-0.5").value == Decimal(-5) / 10)
        for bad in ["12abc", "1e3", "+1", ".5", "5.", "1,000", "", "-", "0x10", " 1", "1.2.3"] {
            #expect(TargetNumber(bad) == nil, "\(bad)")
        }
        #expect(n("0.125").text(places: 2) == "0.13" && n("0.135").text(places: 2) == "0.14")
        #expect(n("2.5").text(places: 0) == "3" && n("96").text(places: 2) == "96.00" && n("0.004").text(places: 2) == "0.00")
        #expect(n("-0.125").text(places: 2) == "-0.13" && n("1234.5").text(places: 2) == "1234.50" && n("0.05").text(places: 4) == "0.0500")
        let json = String(decoding: try JSONEncoder().encode([n("0.85"), n("120")]), as: UTF8.self)
        #expect(json == #"["0.85","120"]"#)
        #expect(try JSONDecoder().decode([TargetNumber].self, from: Data(json.utf8)) == [n("0.85"), n("120")])
    }

    @Test func aSchemeNeedsItems() {
        var c = FormChecker()
        #expect(AssessmentScheme.check(AssessmentSchemeInput(), &c) == nil)
        #expect(c.errors == [FieldError(field: "items", key: "field.error.required")])
        c = FormChecker()
        let many = AssessmentSchemeInput(items: (0...50).map { .init(indicator: "i\($0)", weight: "1") })
        #expect(AssessmentScheme.check(many, &c) == nil)
        #expect(c.errors == [FieldError(field: "items", key: "targets.error.tooMany", args: ["50"])])
    }

    @Test func eachBadFieldIsNamedByIndex() {
        var c = FormChecker()
        let input = AssessmentSchemeInput(
            items: [
                .init(indicator: "screening_rate", weight: "0", cap: "0.9"), .init(indicator: " screening_rate ", weight: "x"),
                .init(indicator: nil, weight: "10", cap: "1.5"), .init(indicator: "coverage", weight: "12.5", cap: "1"),
            ],
            bonus: [.init(code: "flag", name: "红旗", max: "-1"), .init(code: "flag", name: nil, max: "2")])
        #expect(AssessmentScheme.check(input, &c) == nil)
        #expect(
            fields(c) == [
                "items[0].weight", "items[0].cap", "items[1].indicator", "items[1].weight", "items[2].indicator", "bonus[0].max",
                "bonus[1].code", "bonus[1].name",
            ])
        #expect(
            c.errors.map(\.key) == [
                "targets.error.positive", "targets.error.atLeast", "targets.error.duplicate", "targets.error.number",
                "field.error.required",
                "targets.error.number", "targets.error.duplicate", "field.error.required",
            ])
        #expect(c.errors[1].args == ["1"] && c.errors[3].args == ["4"])
    }

    @Test func aBlankCapIsOnePointTwo() {
        var c = FormChecker()
        let input = AssessmentSchemeInput(
            items: [
                .init(indicator: "a", weight: "40"), .init(indicator: "b", weight: "60", cap: "1"),
                .init(indicator: "c", weight: "0.5", cap: " "),
            ],
            bonus: [.init(code: "flag", name: "红旗集体", max: "5"), .init(code: "news", name: "宣传", max: "0")])
        let s = AssessmentScheme.check(input, &c)
        #expect(c.errors.isEmpty)
        #expect(s?.items.map(\.cap) == [n("1.2"), n("1"), n("1.2")] && s?.items.map(\.weight) == [n("40"), n("60"), n("0.5")])
        #expect(s?.bonus.map(\.max) == [n("5"), n("0")])
    }

    var scheme: AssessmentScheme {
        AssessmentScheme(
            items: [
                .init(indicator: "a", weight: n("40")), .init(indicator: "b", weight: n("60"), cap: n("1")),
                .init(indicator: "c", weight: n("10")), .init(indicator: "d", weight: n("5")),
            ],
            bonus: [.init(code: "flag", name: "红旗集体", max: n("5")), .init(code: "news", name: "宣传", max: n("2"))])
    }

    @Test func aScoreCapsRatiosAndLeavesOutWhatCannotBeScored() {
        let s = scheme.score(
            targets: ["a": n("100"), "b": n("0.80"), "c": n("0"), "d": n("20")], actuals: ["a": n("130"), "b": n("0.6"), "c": n("7")],
            awards: [.init(code: "flag", points: n("3"))])
        // a: 130 / 100 = 1.3, capped at 1.2: 48. b: 0.6 / 0.8 = 0.75: 45. Bonus 3.
        #expect(s.items.map(\.indicator) == ["a", "b"])
        #expect(s.items.map(\.ratio) == [n("1.3"), n("0.75")] && s.items.map(\.capped) == [true, false])
        #expect(s.items.map(\.points) == [n("48"), n("45")])
        #expect(s.unscored == [.init(indicator: "c", reason: .noTarget), .init(indicator: "d", reason: .noActual)])
        #expect(s.bonus == [.init(code: "flag", points: n("3"))] && s.scoredWeight == n("100"))
        #expect(s.total == n("96") && s.display == "96.00")
    }

    @Test func aCountWithNothingDoneScoresNothing() {
        let s = scheme.score(targets: ["a": n("100"), "b": n("0.5")], actuals: ["a": n("0"), "b": n("0.5")], awards: [])
        #expect(s.items.map(\.points) == [n("0"), n("60")] && s.total == n("60") && s.unscored.map(\.indicator) == ["c", "d"])
    }

    @Test func displayedScoresRoundHalfUp() {
        let one = AssessmentScheme(items: [.init(indicator: "a", weight: n("1"))])
        #expect(one.score(targets: ["a": n("8")], actuals: ["a": n("1")], awards: []).display == "0.13")
        let ten = AssessmentScheme(items: [.init(indicator: "a", weight: n("10"))])
        #expect(ten.score(targets: ["a": n("3")], actuals: ["a": n("1")], awards: []).display == "3.33")
        #expect(ten.score(targets: ["a": n("3")], actuals: ["a": n("2")], awards: []).display == "6.67")
    }

    @Test func awardsAreCheckedAgainstTheScheme() {
        var c = FormChecker()
        let input: [AssessmentAwardInput] = [
            .init(code: "flag", points: "6"), .init(code: "zzz", points: "1"), .init(code: "news", points: "1.5"),
            .init(code: "news", points: "1"), .init(code: nil, points: "x"), .init(code: "flag", points: "0.125"),
        ]
        #expect(scheme.checkAwards(input, &c) == nil)
        #expect(
            fields(c) == [
                "awards[0].points", "awards[1].code", "awards[3].code", "awards[4].code", "awards[4].points", "awards[5].code",
                "awards[5].points",
            ])
        #expect(c.errors[0] == FieldError(field: "awards[0].points", key: "targets.error.bonusOver", args: ["5"]))
        #expect(c.errors[1].key == "field.error.choice" && c.errors[2].key == "targets.error.duplicate")
        #expect(c.errors[6] == FieldError(field: "awards[5].points", key: "targets.error.number", args: ["2"]))
        c = FormChecker()
        let ok = scheme.checkAwards([.init(code: "news", points: "2"), .init(code: "flag", points: "4.5")], &c)
        #expect(ok == [.init(code: "news", points: n("2")), .init(code: "flag", points: n("4.5"))] && c.errors.isEmpty)
    }

    @Test func aStaleAwardNeverLiftsAScore() {
        let s = scheme.score(
            targets: [:], actuals: [:], awards: [.init(code: "flag", points: n("9")), .init(code: "gone", points: n("3"))])
        #expect(s.bonus == [.init(code: "flag", points: n("5"))] && s.total == n("5") && s.scoredWeight == n("0"))
    }

    @Test func tiesShareARankAndTheNextSkips() {
        let ranked = AssessmentRanking.rank([
            ("u4", n("89.996")), ("u2", n("90")), ("u3", n("95")), ("u1", n("90")), ("u5", n("89.999")),
        ])
        #expect(ranked.map(\.unitCode) == ["u3", "u1", "u2", "u5", "u4"])
        #expect(ranked.map(\.rank) == [1, 2, 2, 4, 5])
        // Shown alike, ranked apart.
        #expect(ranked.map(\.display) == ["95.00", "90.00", "90.00", "90.00", "90.00"])
        #expect(AssessmentRanking.rank([]).isEmpty)
    }

    @Test func thirdsTieWithTheWholeTheyMakeUp() {
        let s = AssessmentScheme(items: ["x", "y", "z"].map { .init(indicator: $0, weight: n("10")) })
        let thirds = s.score(
            targets: ["x": n("3"), "y": n("3"), "z": n("3")], actuals: ["x": n("1"), "y": n("1"), "z": n("1")], awards: [])
        let whole = s.score(
            targets: ["x": n("1"), "y": n("1"), "z": n("1")], actuals: ["x": n("1"), "y": n("0"), "z": n("0")], awards: [])
        // 3 × 10 × 0.333… falls short of 10 in the 38th digit; the ranking does not see it.
        #expect(thirds.total != whole.total && thirds.display == "10.00")
        let ranked = AssessmentRanking.rank([("b", thirds.total), ("a", whole.total), ("c", n("9.99"))])
        #expect(ranked.map(\.unitCode) == ["a", "b", "c"] && ranked.map(\.rank) == [1, 1, 3])
    }
}
