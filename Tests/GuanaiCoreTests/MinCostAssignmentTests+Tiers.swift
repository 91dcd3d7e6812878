import Testing
@testable import GuanaiCore

/// Risk tiers are encoded only through penalties; these tests pin down that the gaps are
/// wide enough that a higher tier is never sacrificed for a lower one within reach.
@Suite("MinCostAssignment risk tiers")
struct MinCostAssignmentTierTests {
    typealias Edge = AssignmentProblem.Edge
    static let tierPenalty = [1_000_000, 400_000, 200_000, 100_000]  // critical … normal

    @Test("a far critical child beats a near normal child for the last place")
    func criticalBeatsNearNormal() {
        let problem = AssignmentProblem(
            penalties: [Self.tierPenalty[3], Self.tierPenalty[0]], capacities: [1],
            edges: [Edge(child: 0, volunteer: 0, cost: 10), Edge(child: 1, volunteer: 0, cost: 30_000)])
        let solution = MinCostAssignment.solve(problem)
        #expect(solution.volunteerOf == [nil, 0])
        #expect(solution.totalCost == 30_000 + Self.tierPenalty[3])
    }

    @Test("a chain of moves is made so the high-tier child gets a place")
    func displacementChain() {
        // Volunteer 0 is the only one that can reach the high-tier child 2; the medium child 0
        // sitting there must move to volunteer 1, pushing the normal child 1 out.
        let problem = AssignmentProblem(
            penalties: [Self.tierPenalty[2], Self.tierPenalty[3], Self.tierPenalty[1]], capacities: [1, 1],
            edges: [
                Edge(child: 0, volunteer: 0, cost: 100), Edge(child: 0, volunteer: 1, cost: 9_000),
                Edge(child: 1, volunteer: 1, cost: 100), Edge(child: 2, volunteer: 0, cost: 20_000),
            ])
        let solution = MinCostAssignment.solve(problem)
        #expect(solution.volunteerOf == [1, nil, 0])
    }

    @Test("no unpaired child could take a place held by a lower tier on a random city")
    func noInversionOnRandomCity() {
        var rng = SplitMix64(seed: 2024)
        let children = 3000, volunteers = 500
        let tiers = (0..<children).map { _ -> Int in
            let r = Int.random(in: 0..<100, using: &rng)
            return r < 2 ? 0 : r < 12 ? 1 : r < 37 ? 2 : 3
        }
        var edges = [Edge]()
        for child in 0..<children {
            for _ in 0..<6 {
                edges.append(
                    Edge(
                        child: child, volunteer: Int.random(in: 0..<volunteers, using: &rng),
                        cost: Int.random(in: 0...60_000, using: &rng)))
            }
        }
        let problem = AssignmentProblem(
            penalties: tiers.map { Self.tierPenalty[$0] },
            capacities: (0..<volunteers).map { _ in Int.random(in: 1...3, using: &rng) },
            edges: edges)
        let solution = MinCostAssignment.solve(problem)
        #expect(PairingReference.isFeasible(solution, for: problem))

        var held = [[Int]](repeating: [], count: volunteers)
        for (child, volunteer) in solution.volunteerOf.enumerated() { if let volunteer { held[volunteer].append(child) } }
        var inversions = 0
        for edge in problem.edges where solution.volunteerOf[edge.child] == nil {
            inversions += held[edge.volunteer].filter { tiers[$0] > tiers[edge.child] }.count
        }
        #expect(inversions == 0)
    }
}
