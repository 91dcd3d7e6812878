import Foundation

/// The city-scale siting instance of `bench/siting.sh`, built from a seed, and the timing of our plan on it.
///
/// 石首市 in numbers: 204 villages in 14 townships inside 29.5–29.95 N, 112.1–112.9 E; 48,000 left-behind children
/// at synthetic points around their village's centre (a few without a point); a village committee in each village
/// and 120 schools as candidate sites. No station is open yet, so every child counts.
public enum SitingBench {
    public struct Instance: Sendable {
        public let candidates: [SitingCandidate]
        public let children: [CoverageChild]
    }

    public struct Row: Sendable {
        public let count: Int
        public let objective: Int
        public let upperBound: Int
        public let sites: Int
        public let seconds: Double
    }

    public static func instance(seed: UInt64, villages: Int = 204, children: Int = 48_000, schools: Int = 120) -> Instance {
        var rng = SplitMix64(seed: seed)
        let townships = 14
        var centres: [GeoPoint] = [], codes: [String] = [], popularity: [Double] = []
        for v in 0..<villages {
            centres.append(
                GeoPoint(
                    latitude: Double.random(in: 29.52...29.93, using: &rng), longitude: Double.random(in: 112.12...112.88, using: &rng)))
            let t = v % townships, n = v / townships
            codes.append("421081" + CivilDate.digits(100 + t, 3) + CivilDate.digits(200 + n, 3))
            // Villages differ in size: a few large ones hold many of the children.
            popularity.append(Double.random(in: 0.3...1, using: &rng) * (Int.random(in: 0..<10, using: &rng) == 0 ? 3 : 1))
        }
        var cumulative: [Double] = []
        var sum = 0.0
        for p in popularity {
            sum += p
            cumulative.append(sum)
        }
        var kids: [CoverageChild] = []
        kids.reserveCapacity(children)
        for i in 0..<children {
            let r = Double.random(in: 0..<sum, using: &rng)
            var lo = 0, hi = villages - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if cumulative[mid] > r { hi = mid } else { lo = mid + 1 }
            }
            let tierRoll = Int.random(in: 0..<100, using: &rng)
            let tier: RiskTier = tierRoll < 3 ? .critical : tierRoll < 12 ? .high : tierRoll < 35 ? .medium : .normal
            // Hamlets around the centre: most households within 2 km, a tail out to 5 km.
            let metres = min(5_000, abs(gaussian(&rng)) * 1_200)
            let point =
                Int.random(in: 0..<25, using: &rng) == 0
                ? nil : shifted(centres[lo], metres: metres, bearing: Double.random(in: 0..<360, using: &rng))
            kids.append(CoverageChild(id: "c" + CivilDate.digits(i, 6), villageCode: codes[lo], point: point, tier: tier))
        }
        var cands: [SitingCandidate] = []
        for v in 0..<villages {
            cands.append(SitingCandidate(id: "vc-" + codes[v], name: "村委会 \(codes[v])", unitCode: codes[v], point: centres[v]))
        }
        for s in 0..<schools {
            let v = Int.random(in: 0..<villages, using: &rng)
            let p = shifted(
                centres[v], metres: Double.random(in: 300...2_500, using: &rng), bearing: Double.random(in: 0..<360, using: &rng))
            cands.append(SitingCandidate(id: "school-" + CivilDate.digits(s, 3), name: "学校 \(s)", unitCode: codes[v], point: p))
        }
        return Instance(candidates: cands, children: kids)
    }

    static func gaussian(_ rng: inout SplitMix64) -> Double {
        let u = Double.random(in: Double.ulpOfOne..<1, using: &rng), v = Double.random(in: 0..<1, using: &rng)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    /// Flat-earth offset: a few kilometres from a centre, where it differs from the sphere by centimetres.
    static func shifted(_ p: GeoPoint, metres: Double, bearing: Double) -> GeoPoint {
        let perDegree = GeoPoint.earthRadiusMetres * Double.pi / 180, b = bearing * Double.pi / 180
        return GeoPoint(
            latitude: p.latitude + metres * cos(b) / perDegree,
            longitude: p.longitude + metres * sin(b) / (perDegree * cos(p.latitude * Double.pi / 180)))
    }

    /// The whole plan per count, timed from the children's points on (reach sets, grouping, solving, bound).
    public static func run(_ i: Instance, counts: [Int], reachMetres: Int) -> [Row] {
        counts.map { n in
            let clock = ContinuousClock()
            var plan: SitingPlan?
            let t = clock.measure {
                plan = Siting.plan(candidates: i.candidates, children: i.children, stations: [], count: n, reachMetres: reachMetres)
            }
            let seconds = Double(t.components.seconds) + Double(t.components.attoseconds) * 1e-18
            return Row(count: n, objective: plan!.objective, upperBound: plan!.upperBound, sites: plan!.sites.count, seconds: seconds)
        }
    }

    /// The same instance as the solver sees it, for CP-SAT: `{"sites": M, "elements": [[weight, site, site, …], …]}`
    /// (children reached by the same sites grouped, as ours groups them; the grouping is exact).
    public static func exportJSON(_ i: Instance, reachMetres: Int, weights: SitingWeights = SitingWeights()) -> String {
        let cands = i.candidates.sorted { $0.id < $1.id }, kids = i.children.sorted { $0.id < $1.id }
        let reach = Reach.reachSets(places: cands.map { ($0.unitCode, $0.point) }, children: kids, metres: reachMetres)
        let p = SitingProblem(siteCount: cands.count, reach: reach, weights: kids.map { weights.weight($0.tier) })
        var out = "{\"sites\": \(p.siteCount), \"children\": \(kids.count), \"elements\": [\n"
        for e in p.weight.indices {
            out += "[" + ([String(p.weight[e])] + p.elementSites[e].map { String($0) }).joined(separator: ",") + "]"
            out += e + 1 < p.weight.count ? ",\n" : "\n"
        }
        return out + "]}\n"
    }
}
