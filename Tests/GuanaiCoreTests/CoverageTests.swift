import Foundation
import Testing
import GuanaiCore

/// A point `metres` from `p` on bearing `degrees` (spherical, as the haversine measures).
func offset(_ p: GeoPoint, metres: Double, degrees: Double) -> GeoPoint {
    let r = GeoPoint.earthRadiusMetres, rad = Double.pi / 180
    let d = metres / r, b = degrees * rad, la = p.latitude * rad, lo = p.longitude * rad
    let la2 = asin(sin(la) * cos(d) + cos(la) * sin(d) * cos(b))
    let lo2 = lo + atan2(sin(b) * sin(d) * cos(la), cos(d) - sin(la) * sin(la2))
    return GeoPoint(latitude: la2 / rad, longitude: lo2 / rad)
}

@Suite struct CoverageTests {
    let centre = GeoPoint(latitude: 29.72, longitude: 112.40)

    @Test func theDistanceBoundaryInEveryDirection() {
        for bearing in stride(from: 0.0, to: 360, by: 22.5) {
            let inside = offset(centre, metres: 2_999.5, degrees: bearing), outside = offset(centre, metres: 3_000.5, degrees: bearing)
            let kids = [
                CoverageChild(id: "in", villageCode: "V2", point: inside, tier: .normal),
                CoverageChild(id: "out", villageCode: "V2", point: outside, tier: .critical),
            ]
            let r = Coverage.report(children: kids, stations: [CoverageStation(unitCode: "V1", point: centre)], rowUnit: { $0 })
            #expect(r.reachable == 1 && r.covered == 1, "bearing \(bearing)")
            #expect(r.priority.map(\.childId) == ["out"])
        }
        let p = offset(centre, metres: 3_000, degrees: 45)
        let d = centre.exactMetres(to: p)
        let kid = CoverageChild(id: "k", villageCode: "V2", point: p, tier: .normal)
        #expect(abs(d - 3_000) < 1e-6)
        #expect(Reach.reaches(unitCode: "V1", point: centre, child: kid, metres: Int(d.rounded(.up))))
        #expect(!Reach.reaches(unitCode: "V1", point: centre, child: kid, metres: Int(d.rounded(.down)) - 1))
    }

    @Test func villageReachesChildrenWithoutAPointAndNothingElseDoes() {
        let kids = [
            CoverageChild(id: "a", villageCode: "V1", point: nil, tier: .high),
            CoverageChild(id: "b", villageCode: "V2", point: nil, tier: .critical),
            CoverageChild(id: "c", villageCode: "V1", point: offset(centre, metres: 9_000, degrees: 0), tier: .normal),
        ]
        let noPoint = CoverageStation(unitCode: "V1", point: nil)
        let r = Coverage.report(children: kids, stations: [noPoint, CoverageStation(unitCode: "T1", point: centre)], rowUnit: { $0 })
        #expect(r.reachable == 2 && r.covered == 2, "a and c by their village, b by nothing")
        #expect(r.priority.map(\.childId) == ["b"])
    }

    @Test func countsRowsAndPriority() {
        let kids = [
            CoverageChild(id: "k1", villageCode: "421081104201", point: nil, tier: .critical),
            CoverageChild(id: "k2", villageCode: "421081104201", point: nil, tier: .high),
            CoverageChild(id: "k3", villageCode: "421081105201", point: nil, tier: .critical),
            CoverageChild(id: "k4", villageCode: "421081105202", point: centre, tier: .medium),
            CoverageChild(id: "k0", villageCode: "421081105202", point: nil, tier: .critical),
            CoverageChild(id: "k5", villageCode: "421081106201", point: nil, tier: .normal),
        ]
        let stations = [
            CoverageStation(unitCode: "421081105000", point: offset(centre, metres: 100, degrees: 90), enrolled: ["k1"]),
            CoverageStation(unitCode: "421081106201", point: nil),
        ]
        let r = Coverage.report(children: kids, stations: stations, rowUnit: { String($0.prefix(9)) })
        #expect(r.leftBehind == 6 && r.enrolled == 1 && r.reachable == 2 && r.covered == 3)
        #expect(abs(r.rate - 0.5) < 1e-12)
        #expect(r.rows.map(\.unitCode) == ["421081104", "421081105", "421081106"])
        #expect(r.rows.map(\.leftBehind) == [2, 3, 1] && r.rows.map(\.covered) == [1, 1, 1])
        #expect(r.priority.map(\.childId) == ["k3", "k0", "k2"], "critical by village then id, then high")
        #expect(Coverage.report(children: [], stations: stations, rowUnit: { $0 }).rate == 0)
    }

    @Test func theGridFindsExactlyWhatAllPairsFind() {
        var rng = SplitMix64(seed: 17)
        var kids: [CoverageChild] = []
        var places: [(unitCode: String, point: GeoPoint?)] = []
        for j in 0..<40 {
            let p = GeoPoint(
                latitude: Double.random(in: 29.5...29.95, using: &rng), longitude: Double.random(in: 112.1...112.9, using: &rng))
            places.append(("V\(j % 7)", j % 9 == 0 ? nil : p))
            // Children crowded around the reach of each place, in every direction.
            for _ in 0..<30 {
                let q = offset(p, metres: Double.random(in: 2_990...3_010, using: &rng), degrees: Double.random(in: 0..<360, using: &rng))
                kids.append(
                    CoverageChild(id: "c\(kids.count)", villageCode: "V\(Int.random(in: 0..<9, using: &rng))", point: q, tier: .normal))
            }
            kids.append(CoverageChild(id: "c\(kids.count)", villageCode: "V\(j % 9)", point: nil, tier: .normal))
        }
        let sets = Reach.reachSets(places: places, children: kids, metres: 3_000)
        for (j, place) in places.enumerated() {
            let brute = kids.indices.filter { Reach.reaches(unitCode: place.unitCode, point: place.point, child: kids[$0], metres: 3_000) }
            #expect(sets[j] == brute, "place \(j)")
        }
        #expect(sets.map(\.count).reduce(0, +) > 600)
    }

    @Test func fastAtCityScale() {
        var rng = SplitMix64(seed: 5)
        let kids = (0..<48_000).map { i in
            CoverageChild(
                id: "c\(i)", villageCode: "V\(i % 204)",
                point: GeoPoint(
                    latitude: Double.random(in: 29.5...29.95, using: &rng), longitude: Double.random(in: 112.1...112.9, using: &rng)),
                tier: .normal)
        }
        let stations = (0..<300).map { j in
            CoverageStation(
                unitCode: "T\(j)",
                point: GeoPoint(
                    latitude: Double.random(in: 29.5...29.95, using: &rng), longitude: Double.random(in: 112.1...112.9, using: &rng)))
        }
        let clock = ContinuousClock()
        var r: CoverageReport?
        let t = clock.measure { r = Coverage.report(children: kids, stations: stations, rowUnit: { $0 }) }
        #expect(r!.covered > 0 && r!.covered < 48_000)
        // Debug build on a shared machine; all pairs would be 14.4 million haversines.
        #expect(t < .seconds(20))
    }

    @Test func rowsAreOneLevelBelowTheScope() {
        let village = "421081104200"
        #expect(Coverage.rowUnit(scope: DivisionCode("421081000000"), village: village) == "421081104000")
        #expect(Coverage.rowUnit(scope: DivisionCode("421081104000"), village: village) == village)
        #expect(Coverage.rowUnit(scope: DivisionCode(village), village: village) == village)
        #expect(Coverage.rowUnit(scope: DivisionCode("421081105000"), village: village) == nil, "outside")
        #expect(Coverage.rowUnit(scope: nil, village: village) == "421081000000")
    }
}
