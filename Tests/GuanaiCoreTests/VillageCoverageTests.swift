import Foundation
import Testing
import GuanaiCore

/// Kept per-village counts (`station_coverage`) must add up to exactly what the live report counts.
@Suite struct VillageCoverageTests {
    /// The city-scale generator, shrunk: some villages, children with and without points, a few open stations, some
    /// holding places (among them a child of another village, enrolled far from home).
    func instance(seed: UInt64) -> (children: [CoverageChild], stations: [CoverageStation]) {
        let inst = SitingBench.instance(seed: seed, villages: 30, children: 1_500, schools: 10)
        var stations: [CoverageStation] = []
        for (i, c) in inst.candidates.enumerated() where i % 4 == 0 {
            let enrolled = Set(inst.children.filter { $0.villageCode == c.unitCode }.prefix(3).map(\.id))
            stations.append(CoverageStation(unitCode: c.unitCode, point: i % 8 == 0 ? nil : c.point, enrolled: enrolled))
        }
        stations.append(CoverageStation(unitCode: "421081199000", point: nil, enrolled: [inst.children.last!.id]))
        return (inst.children, stations)
    }

    @Test(arguments: [1, 2, 3] as [UInt64]) func sumsOfVillagesEqualTheLiveReportAtEveryLevel(seed: UInt64) {
        let (kids, stations) = instance(seed: seed)
        let villages = Coverage.villages(children: kids, stations: stations, reachMetres: 2_000)
        #expect(villages.map(\.unitCode) == Set(kids.map(\.villageCode)).sorted())
        for scope in [nil, DivisionCode("421081000000"), DivisionCode("421081103000"), DivisionCode(kids[0].villageCode)] {
            let rowUnit: (String) -> String? = { Coverage.rowUnit(scope: scope, village: $0) }
            let inScope = kids.filter { k in scope.map { s in DivisionCode(k.villageCode).map(s.contains) ?? false } ?? true }
            let live = Coverage.report(children: inScope, stations: stations, reachMetres: 2_000, rowUnit: rowUnit)
            let kept = Coverage.report(
                villages: villages.filter { v in Set(inScope.map(\.villageCode)).contains(v.unitCode) }, priority: live.priority,
                rowUnit: rowUnit)
            #expect(kept == live, "scope \(scope?.value ?? "all")")
            #expect(live.leftBehind > 0)
            if scope?.value == "421081000000" {
                #expect(live.covered > 0 && live.covered < live.leftBehind && live.enrolled > 0, "a fixture that can tell them apart")
                #expect(live.rows.count > 1)
            }
        }
    }

    @Test func aVillageRecountedAloneGivesTheSameCounts() {
        let (kids, stations) = instance(seed: 4)
        let all = Coverage.villages(children: kids, stations: stations)
        for v in all.prefix(5) {
            let alone = Coverage.villages(children: kids.filter { $0.villageCode == v.unitCode }, stations: stations)
            #expect(alone == [v])
        }
    }

    @Test func countsEnrolledReachableAndEither() {
        let p = GeoPoint(latitude: 29.72, longitude: 112.40)
        let kids = [
            CoverageChild(id: "a", villageCode: "V1", point: nil, tier: .normal),  // reached from her village
            CoverageChild(id: "b", villageCode: "V2", point: nil, tier: .normal),  // enrolled only
            CoverageChild(id: "c", villageCode: "V2", point: p, tier: .normal),  // reached by the point and enrolled
            CoverageChild(id: "d", villageCode: "V2", point: nil, tier: .normal),  // neither
        ]
        let stations = [CoverageStation(unitCode: "V1", point: p, enrolled: ["b", "c"])]
        #expect(
            Coverage.villages(children: kids, stations: stations) == [
                VillageCoverage(unitCode: "V1", leftBehind: 1, enrolled: 0, reachable: 1, covered: 1),
                VillageCoverage(unitCode: "V2", leftBehind: 3, enrolled: 2, reachable: 1, covered: 2),
            ])
        let empty = Coverage.report(
            villages: [VillageCoverage(unitCode: "V3", leftBehind: 0, enrolled: 0, reachable: 0, covered: 0)], priority: [], rowUnit: { $0 }
        )
        #expect(empty.rows.isEmpty && empty.leftBehind == 0, "an emptied village is no row, as live")
    }
}
