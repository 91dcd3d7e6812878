import Foundation
import Testing
import GuanaiCore

/// The best any `count` candidates can do, by trying every subset: the reference the solver is held to.
func bruteForceSiting(
    candidates: [SitingCandidate], children: [CoverageChild], covered: Set<String>, count: Int, reach: Int, weights: SitingWeights
) -> Int {
    let reachOf = candidates.map { c in
        Set(
            children.indices.filter {
                !covered.contains(children[$0].id)
                    && Reach.reaches(unitCode: c.unitCode, point: c.point, child: children[$0], metres: reach)
            })
    }
    let n = min(count, candidates.count)
    var best = 0
    func go(_ start: Int, _ left: Int, _ hit: Set<Int>) {
        if left == 0 || start == candidates.count {
            best = max(best, hit.reduce(0) { $0 + weights.weight(children[$1].tier) })
            return
        }
        for j in start..<candidates.count { go(j + 1, left - 1, hit.union(reachOf[j])) }
    }
    go(0, n, [])
    return best
}

@Suite struct SitingTests {
    static let tiers: [RiskTier] = [.normal, .normal, .normal, .medium, .medium, .high, .critical]

    /// A small town: villages along a road, children around village centres, a few without a point.
    static func instance(seed: UInt64, sites: Int, children: Int) -> ([SitingCandidate], [CoverageChild], [CoverageStation]) {
        var rng = SplitMix64(seed: seed)
        let centres = (0..<5).map { _ in
            GeoPoint(latitude: Double.random(in: 29.70...29.78, using: &rng), longitude: Double.random(in: 112.30...112.40, using: &rng))
        }
        let kids = (0..<children).map { i -> CoverageChild in
            let v = Int.random(in: 0..<5, using: &rng)
            let p =
                Int.random(in: 0..<8, using: &rng) == 0
                ? nil
                : offset(centres[v], metres: Double.random(in: 0...4_000, using: &rng), degrees: Double.random(in: 0..<360, using: &rng))
            return CoverageChild(id: "c\(i)", villageCode: "V\(v)", point: p, tier: tiers.randomElement(using: &rng)!)
        }
        let cands = (0..<sites).map { j -> SitingCandidate in
            let v = Int.random(in: 0..<5, using: &rng)
            let p =
                Int.random(in: 0..<6, using: &rng) == 0
                ? nil
                : offset(centres[v], metres: Double.random(in: 0...3_000, using: &rng), degrees: Double.random(in: 0..<360, using: &rng))
            return SitingCandidate(id: "s\(String(format: "%02d", j))", unitCode: "V\(v)", point: p)
        }
        let station = CoverageStation(
            unitCode: "T", point: offset(centres[0], metres: 1_000, degrees: 30), enrolled: ["c1", "c2"])
        return (cands, kids, [station])
    }

    @Test func againstBruteForceOnSmallInstances() {
        var optimalFound = 0, proven = 0, total = 0
        for seed in UInt64(1)...60 {
            let (cands, kids, stations) = Self.instance(seed: seed, sites: 6 + Int(seed % 6), children: 40 + Int(seed % 40))
            let (enrolled, reachable) = Coverage.flags(children: kids, stations: stations, reachMetres: 2_000)
            let covered = Set(kids.indices.filter { enrolled[$0] || reachable[$0] }.map { kids[$0].id })
            for count in [1, 2, 3, 5] {
                let plan = Siting.plan(candidates: cands, children: kids, stations: stations, count: count, reachMetres: 2_000)
                let best = bruteForceSiting(
                    candidates: cands, children: kids, covered: covered, count: count, reach: 2_000, weights: SitingWeights())
                #expect(plan.objective <= best && best <= plan.upperBound, "seed \(seed) count \(count)")
                #expect(plan.sites.map(\.weight).reduce(0, +) == plan.objective)
                #expect(plan.sites.count <= count && Set(plan.sites.map(\.candidateId)).count == plan.sites.count)
                // The sites named really reach what the plan says.
                let named = Set(plan.sites.map(\.candidateId))
                let chosen = cands.filter { named.contains($0.id) }
                let reached = kids.filter { k in
                    !covered.contains(k.id)
                        && chosen.contains { Reach.reaches(unitCode: $0.unitCode, point: $0.point, child: k, metres: 2_000) }
                }
                #expect(reached.map { SitingWeights().weight($0.tier) }.reduce(0, +) == plan.objective)
                #expect(reached.count == plan.sites.map(\.newlyCovered).reduce(0, +))
                if plan.optimal { #expect(plan.objective == best) }
                total += 1
                if plan.objective == best { optimalFound += 1 }
                if plan.optimal { proven += 1 }
            }
        }
        // Greedy and swaps find the best on nearly every small instance; the bound proves it on most.
        #expect(optimalFound * 100 >= total * 95, "\(optimalFound) of \(total)")
        #expect(proven * 100 >= total * 50, "\(proven) of \(total) proven")
    }

    @Test func swapsMendAGreedyTrap() {
        // B reaches four children; C and D three each, overlapping B. Greedy takes B and one more (5); C + D reach 6.
        let p = SitingProblem(
            siteCount: 3, reach: [[0, 1, 2, 3], [0, 1, 4], [2, 3, 5]], weights: [1, 1, 1, 1, 1, 1])
        let greedy = SitingSolver.solve(p, count: 2, swaps: false)
        #expect(greedy.objective == 5 && greedy.upperBound >= 6)
        let s = SitingSolver.solve(p, count: 2)
        #expect(s.objective == 6 && s.upperBound == 6 && s.optimal && Set(s.sites) == [1, 2])
    }

    @Test func theBoundIsNeverBelowTheBest() {
        var rng = SplitMix64(seed: 99)
        for _ in 0..<200 {
            let m = Int.random(in: 2...9, using: &rng), n = Int.random(in: 5...30, using: &rng)
            let reach = (0..<m).map { _ in (0..<n).filter { _ in Int.random(in: 0..<4, using: &rng) == 0 } }
            let weights = (0..<n).map { _ in [0, 1, 2, 4, 8].randomElement(using: &rng)! }
            let p = SitingProblem(siteCount: m, reach: reach, weights: weights)
            let k = Int.random(in: 1...m, using: &rng)
            var best = 0
            for mask in 0..<(1 << m) where mask.nonzeroBitCount == k {
                best = max(best, p.value((0..<m).filter { mask & (1 << $0) != 0 }))
            }
            let s = SitingSolver.solve(p, count: k)
            #expect(s.objective <= best && best <= s.upperBound)
            #expect(p.value(s.sites) == s.objective)
        }
    }

    @Test func tiesAndInputOrderDoNotChangeThePlan() {
        let here = GeoPoint(latitude: 29.72, longitude: 112.40)
        let kids = (0..<6).map {
            CoverageChild(id: "k\($0)", villageCode: "V1", point: offset(here, metres: 50, degrees: Double($0) * 60), tier: .high)
        }
        let twins = [
            SitingCandidate(id: "b", unitCode: "V2", point: here), SitingCandidate(id: "a", unitCode: "V3", point: here),
            SitingCandidate(id: "c", unitCode: "V4", point: here),
        ]
        let one = Siting.plan(candidates: twins, children: kids, stations: [], count: 1)
        #expect(one.sites.map(\.candidateId) == ["a"] && one.objective == 24 && one.optimal)
        let two = Siting.plan(candidates: twins, children: kids, stations: [], count: 2)
        #expect(two.sites.map(\.candidateId) == ["a"], "a second twin adds nothing, so none is proposed")
        let (cands, children, stations) = Self.instance(seed: 7, sites: 11, children: 70)
        let a = Siting.plan(candidates: cands, children: children, stations: stations, count: 3, reachMetres: 2_000)
        let b = Siting.plan(candidates: cands.reversed(), children: children.reversed(), stations: stations, count: 3, reachMetres: 2_000)
        #expect(a == b)
    }

    @Test func coveredChildrenDoNotCountAndPointlessChildrenNeedTheirVillage() {
        let here = GeoPoint(latitude: 29.72, longitude: 112.40)
        let kids = [
            CoverageChild(id: "near", villageCode: "V1", point: here, tier: .critical),
            CoverageChild(id: "enrolled", villageCode: "V1", point: here, tier: .critical),
            CoverageChild(id: "nopoint", villageCode: "V1", point: nil, tier: .normal),
            CoverageChild(id: "other", villageCode: "V2", point: nil, tier: .critical),
        ]
        let station = CoverageStation(unitCode: "T", point: nil, enrolled: ["enrolled"])
        let site = SitingCandidate(id: "s", name: "小学", unitCode: "V1", point: offset(here, metres: 10, degrees: 0))
        let far = SitingCandidate(id: "t", unitCode: "V3", point: here)
        let p = Siting.plan(candidates: [site, far], children: kids, stations: [station], count: 2, weights: SitingWeights())
        #expect(p.sites.map { "\($0.candidateId) \($0.name) \($0.unitCode) \($0.newlyCovered) \($0.weight)" } == ["s 小学 V1 2 9"])
        #expect(p.objective == 9 && p.upperBound == 9 && p.optimal)
        var w = SitingWeights()
        w.normal = 5
        #expect(Siting.plan(candidates: [site, far], children: kids, stations: [station], count: 1, weights: w).objective == 13)
    }
}

@Suite struct SitingBenchTests {
    @Test func theInstanceIsTheSameForASeedAndTheExportIsWhatTheSolverSees() throws {
        let a = SitingBench.instance(seed: 4, villages: 12, children: 600, schools: 6)
        let b = SitingBench.instance(seed: 4, villages: 12, children: 600, schools: 6)
        #expect(a.children == b.children && a.candidates == b.candidates)
        #expect(a.children.count == 600 && a.candidates.count == 18 && Set(a.children.map(\.villageCode)).count <= 12)
        for c in a.children.compactMap(\.point) {
            #expect((29.45...30.0).contains(c.latitude) && (112.05...112.95).contains(c.longitude))
        }
        let json = SitingBench.exportJSON(a, reachMetres: 3_000)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let elements = parsed["elements"] as! [[Int]]
        #expect(parsed["sites"] as? Int == 18 && parsed["children"] as? Int == 600)
        let p = SitingProblem(
            siteCount: 18, weight: elements.map { $0[0] }, children: elements.map { _ in 1 },
            elementSites: elements.map { $0.dropFirst().map { Int32($0) } })
        for row in SitingBench.run(a, counts: [1, 3], reachMetres: 3_000) {
            let s = SitingSolver.solve(p, count: row.count)
            #expect(s.objective == row.objective && s.upperBound == row.upperBound && row.sites <= row.count)
        }
    }
}
