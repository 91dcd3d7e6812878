import Foundation
import Testing

@testable import GuanaiCore

/// Township targets handed down to villages: counts add, rates average by their denominators, exactly.
@Suite struct TargetsCascadeTests {
    func n(_ s: String) -> TargetNumber { TargetNumber(s)! }
    func v(_ s: String, _ d: Int = 0) -> TargetCascade.Value { .init(n(s), denominator: d) }

    @Test func countsAddUp() {
        let even = TargetCascade.check(parent: v("120"), children: [v("40"), v("50"), v("30")], kind: .count)
        #expect(even.subSum == n("120") && even.difference == n("0") && !even.flagged)
        let short = TargetCascade.check(parent: v("120"), children: [v("40"), v("50"), v("29")], kind: .count)
        #expect(short.subSum == n("119") && short.parent == n("120") && short.difference == n("-1") && short.flagged)
        let over = TargetCascade.check(parent: v("120"), children: [v("40"), v("50"), v("31")], kind: .count)
        #expect(over.difference == n("1") && over.flagged)
    }

    @Test func noParentIsNeverFlagged() {
        let count = TargetCascade.check(parent: nil, children: [v("40"), v("79")], kind: .count)
        #expect(count == TargetCascade.Check(subSum: n("119"), parent: nil, difference: nil, flagged: false))
        let rate = TargetCascade.check(parent: nil, children: [v("0.9", 1), v("0.6", 2)], kind: .rate)
        #expect(rate.subSum == n("0.7") && rate.difference == nil && !rate.flagged)
        #expect(!TargetCascade.check(parent: nil, children: [], kind: .rate).flagged)
    }

    @Test func nothingHandedDownIsFlagged() {
        let count = TargetCascade.check(parent: v("10"), children: [], kind: .count)
        #expect(count.subSum == n("0") && count.difference == n("-10") && count.flagged)
        let rate = TargetCascade.check(parent: v("0.85"), children: [], kind: .rate)
        #expect(rate.subSum == nil && rate.difference == nil && rate.flagged)
    }

    @Test func ratesAreWeightedByDenominators() {
        // (0.9 × 100 + 0.8 × 300) / 400 = 330 / 400.
        let c = TargetCascade.check(parent: v("0.85"), children: [v("0.9", 100), v("0.8", 300)], kind: .rate)
        #expect(c.subSum == n("0.825") && c.difference == n("-0.025") && c.flagged)
        // The plain mean would be 0.85 and pass.
        #expect(n("0.85") != c.subSum)
    }

    @Test func theToleranceIsHalfTheFourthDecimalExactly() {
        let edge = TargetCascade.check(parent: v("0.85"), children: [v("0.8505", 10)], kind: .rate)
        #expect(edge.difference == n("0.0005") && !edge.flagged)
        #expect(TargetCascade.check(parent: v("0.85"), children: [v("0.8506", 10)], kind: .rate).flagged)
        #expect(!TargetCascade.check(parent: v("0.85"), children: [v("0.8495", 10)], kind: .rate).flagged)
        #expect(TargetCascade.check(parent: v("0.85"), children: [v("0.8494", 10)], kind: .rate).flagged)
        // (0.801 + 0.8) / 2 = 0.8005: on the edge through the weighted sum.
        #expect(!TargetCascade.check(parent: v("0.8"), children: [v("0.801", 7), v("0.8", 7)], kind: .rate).flagged)
        // 1 / 3 against 0.3333: 0.0000333… apart.
        let third = TargetCascade.check(parent: v("0.3333"), children: [v("1", 1), v("0", 2)], kind: .rate)
        #expect(third.subSum?.text(places: 4) == "0.3333" && !third.flagged)
        #expect(TargetCascade.check(parent: v("0.3339"), children: [v("1", 1), v("0", 2)], kind: .rate).flagged)
    }

    @Test func withoutDenominatorsTheMeanIsPlain() {
        let c = TargetCascade.check(parent: v("0.85"), children: [v("0.8", 0), v("0.9", 0)], kind: .rate)
        #expect(c.subSum == n("0.85") && !c.flagged)
        // Once one village has a denominator, those without weigh nothing.
        let mixed = TargetCascade.check(parent: v("0.85"), children: [v("0.5", 0), v("0.9", 10)], kind: .rate)
        #expect(mixed.subSum == n("0.9") && mixed.flagged)
    }

    @Test func targetsAreTypedForTheirKind() {
        var c = FormChecker()
        #expect(c.target("120", "target", kind: .count) == n("120") && c.target(" 0.85 ", "target", kind: .rate) == n("0.85"))
        #expect(c.target("1", "t", kind: .rate) == n("1") && c.target("0", "t", kind: .count) == n("0") && c.errors.isEmpty)
        for bad in ["12.5", "-1", "1e3", "12abc", "1,000", "1234567890"] { #expect(c.target(bad, "count", kind: .count) == nil, "\(bad)") }
        #expect(c.errors.allSatisfy { $0 == FieldError(field: "count", key: "targets.error.count") } && c.errors.count == 6)
        c = FormChecker()
        for bad in ["1.2", "0.12345", "85%", "-0.1", ".85"] { #expect(c.target(bad, "rate", kind: .rate) == nil, "\(bad)") }
        #expect(c.errors.allSatisfy { $0 == FieldError(field: "rate", key: "targets.error.rate") } && c.errors.count == 5)
        c = FormChecker()
        #expect(c.target(nil, "a", kind: .rate) == nil && c.target("", "b", kind: .count, required: false) == nil)
        #expect(c.errors == [FieldError(field: "a", key: "field.error.required")])
    }
}
