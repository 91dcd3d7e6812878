import Foundation
import Testing

@testable import GuanaiCore

/// How evenly a township's activity is spread over its villages, and the 盆景 townships.
@Suite struct TargetsEquityTests {
    /// Villages "v1", "v2", … with these activities per person (activities over 10 eligible).
    func villages(_ perTen: [Int]) -> [VillageActivity] {
        perTen.enumerated().map { VillageActivity(villageCode: "v\($0.offset + 1)", activities: $0.element, eligible: 10) }
    }

    /// The definition itself, ΣᵢΣⱼ |xᵢ − xⱼ| / (2 n² x̄), to hold the sorted formula to.
    func doubleSum(_ x: [Double]) -> Double {
        let n = Double(x.count), mean = x.reduce(0, +) / n
        var s = 0.0
        for a in x { for b in x { s += abs(a - b) } }
        return s / (2 * n * n * mean)
    }

    @Test func oneVillageWithEverything() {
        let f = EquityReport.figures([
            .init(villageCode: "v1", activities: 0, eligible: 10), .init(villageCode: "v2", activities: 0, eligible: 20),
            .init(villageCode: "v3", activities: 0, eligible: 5), .init(villageCode: "v4", activities: 5, eligible: 5),
            .init(villageCode: "v5", activities: 3, eligible: 0),
        ])
        // x = 0, 0, 0, 1 (v5 has nobody eligible): 6 ordered pairs differ by 1, 6 / (2 × 16 × 0.25) = 0.75.
        #expect(f.villages == 4 && f.zeroVillages == 3 && f.topVillages == ["v4"])
        #expect(f.top10Share == 1 && abs(f.gini! - 0.75) < 1e-12)
    }

    @Test func theSortedFormulaIsTheDoubleSum() {
        // x = 1, 2, 3: ordered differences add to 8; 8 / (2 × 9 × 2) = 2 / 9.
        let f = EquityReport.figures([
            .init(villageCode: "a", activities: 9, eligible: 3), .init(villageCode: "b", activities: 1, eligible: 1),
            .init(villageCode: "c", activities: 4, eligible: 2),
        ])
        #expect(abs(f.gini! - 2.0 / 9) < 1e-12 && f.top10Share == 0.5 && f.topVillages == ["a"])
        for case_ in [[5, 5, 20, 70, 0], [1, 1, 1, 1], [0, 3], [7], [2, 9, 4, 4, 0, 0, 13, 1, 6, 6, 8, 30]] {
            let g = EquityReport.figures(villages(case_)).gini!
            #expect(abs(g - doubleSum(case_.map { Double($0) / 10 })) < 1e-12, "\(case_)")
        }
        #expect(EquityReport.figures(villages([4, 4, 4])).gini == 0)
    }

    @Test func theTopTenthIsRoundedUp() {
        // 11 villages: the top 2 (⌈1.1⌉) hold 10 + 8 of 27.
        let f = EquityReport.figures(villages([1, 1, 1, 1, 1, 1, 1, 1, 1, 8, 10]))
        #expect(f.topVillages == ["v11", "v10"] && abs(f.top10Share! - 18.0 / 27) < 1e-12)
        // 10 villages: the top 1.
        #expect(abs(EquityReport.figures(villages([1, 1, 1, 1, 1, 1, 1, 1, 1, 11])).top10Share! - 0.55) < 1e-12)
        // Equal villages: the code decides who is listed.
        #expect(EquityReport.figures(villages([0, 2, 2, 0])).topVillages == ["v2"])
    }

    @Test func noActivityHasNoShareAndNoGini() {
        let f = EquityReport.figures(villages([0, 0, 0]))
        #expect(f == EquityFigures(villages: 3, zeroVillages: 3, top10Share: nil, gini: nil, topVillages: []))
        let none = EquityReport.figures([.init(villageCode: "x", activities: 4, eligible: 0)])
        #expect(none.villages == 0 && none.gini == nil && none.top10Share == nil && none.topVillages.isEmpty)
    }

    @Test func penjingTownshipsByCode() throws {
        let report = EquityReport.townships(byTownship: [
            "421081104000": villages([0, 0, 0, 10]),
            // x = 0.1, 0.1, 0.4: a third of the differences' mean, but the top village holds two thirds.
            "421081101000": villages([1, 1, 4]),
            "421081102000": villages([1, 1, 1]),
            // Too few villages to speak of a showcase.
            "421081103000": villages([0, 5]),
        ])
        #expect(report.map(\.townshipCode) == ["421081101000", "421081104000"])
        #expect(
            report[0].reasons == [.top10Share] && report[0].showcaseVillages == ["v3"] && abs(report[0].figures.gini! - 1.0 / 3) < 1e-12)
        #expect(report[1].reasons == [.gini, .top10Share] && report[1].showcaseVillages == ["v4"])
        let json = String(decoding: try JSONEncoder().encode(report[1]), as: UTF8.self)
        #expect(json.contains(#""showcaseVillages":["v4"]"#) && json.contains(#""reasons":["gini","top10_share"]"#))
    }

    @Test func thresholdsAreReachedAtTheirValue() {
        // x = 0, 0, 0, 1, 1: 12 / (2 × 25 × 0.4) = 0.6 exactly, and the top village holds half.
        let f = EquityReport.figures(villages([0, 0, 0, 10, 10]))
        #expect(abs(f.gini! - 0.6) < 1e-12 && f.top10Share == 0.5)
        #expect(EquityReport.reasons(f) == [.gini, .top10Share])
        var s = EquitySettings()
        s.top10SharePercent = 51
        #expect(EquityReport.reasons(f, s) == [.gini])
        s.giniPercent = 61
        #expect(EquityReport.reasons(f, s).isEmpty)
        s = EquitySettings()
        s.minVillages = 6
        #expect(EquityReport.reasons(f, s).isEmpty)
    }

    @Test func settingsDefaultsAndRanges() throws {
        let d = EquitySettings()
        #expect(d.giniPercent == 60 && d.top10SharePercent == 50 && d.minVillages == 3 && EquitySettings.storageKey == "targets.equity")
        for (name, kp, range) in EquitySettings.fields { #expect(range.contains(d[keyPath: kp]), "\(name)") }
        guard case .failure(let e) = d.applying(["giniPercent": "5", "minVillages": "0"]) else { Issue.record("accepted"); return }
        #expect(e.items.map(\.field) == ["giniPercent", "minVillages"])
        #expect(try d.applying(["top10SharePercent": "40"]).get().top10SharePercent == 40)
    }
}
