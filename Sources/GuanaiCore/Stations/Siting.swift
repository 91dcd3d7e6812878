/// A place a station could open: an active village committee with a point, or a registered site (a school, a hall).
public struct SitingCandidate: Sendable, Equatable {
    public let id: String
    public let name: String
    public let unitCode: String
    public let point: GeoPoint?
    public init(id: String, name: String = "", unitCode: String, point: GeoPoint?) {
        self.id = id
        self.name = name
        self.unitCode = unitCode
        self.point = point
    }
}

/// How much reaching one uncovered child is worth, by her tier: a critical child counts as eight normal ones.
public struct SitingWeights: Sendable, Equatable, Codable {
    public var critical = 8, high = 4, medium = 2, normal = 1
    public init() {}
    public func weight(_ t: RiskTier) -> Int {
        switch t {
        case .critical: critical
        case .high: high
        case .medium: medium
        case .normal: normal
        }
    }
}

/// The answer of `POST /api/v1/stations/siting`.
public struct SitingPlan: Sendable, Equatable {
    public struct Site: Sendable, Equatable {
        public let candidateId: String
        public let name: String
        public let unitCode: String
        /// Uncovered children this site reaches that the sites before it in the list do not.
        public let newlyCovered: Int
        public let weight: Int
    }
    public let sites: [Site]
    public let objective: Int
    public let upperBound: Int
    public var optimal: Bool { objective == upperBound }
}

public enum Siting {
    /// `count` sites among `candidates` reaching the most tier weight of the children no open station covers yet
    /// (enrolled, or reached by the rule of `Reach`). Fewer come back when more would add nothing.
    public static func plan(
        candidates: [SitingCandidate], children: [CoverageChild], stations: [CoverageStation], count: Int,
        reachMetres: Int = Reach.defaultMetres, weights: SitingWeights = SitingWeights()
    ) -> SitingPlan {
        // Sorted by id, so the same facts give the same plan whatever order the database returned them in.
        let cands = candidates.sorted { $0.id < $1.id }
        let kids = children.sorted { $0.id < $1.id }
        let (enrolled, reachable) = Coverage.flags(children: kids, stations: stations, reachMetres: reachMetres)
        let w = kids.indices.map { enrolled[$0] || reachable[$0] ? 0 : weights.weight(kids[$0].tier) }
        let reach = Reach.reachSets(places: cands.map { ($0.unitCode, $0.point) }, children: kids, metres: reachMetres)
        let problem = SitingProblem(siteCount: cands.count, reach: reach, weights: w)
        let s = SitingSolver.solve(problem, count: count)
        let sites = s.sites.indices.map { k in
            let c = cands[s.sites[k]]
            return SitingPlan.Site(candidateId: c.id, name: c.name, unitCode: c.unitCode, newlyCovered: s.children[k], weight: s.weight[k])
        }
        return SitingPlan(sites: sites, objective: s.objective, upperBound: s.upperBound)
    }
}
