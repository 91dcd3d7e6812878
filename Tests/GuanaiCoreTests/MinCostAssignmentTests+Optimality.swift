import Testing
@testable import GuanaiCore

@Suite("MinCostAssignment optimality")
struct MinCostAssignmentOptimalityTests {
    @Test("matches brute force on small random instances", arguments: 0..<8)
    func bruteForce(batch: Int) {
        var rng = SplitMix64(seed: UInt64(1000 + batch))
        for round in 0..<60 {
            let problem = PairingReference.randomProblem(
                children: Int.random(in: 0...7, using: &rng),
                volunteers: Int.random(in: 0...4, using: &rng),
                edgesPerChild: 0...4,
                maxCost: [3, 20, 1000][round % 3],
                penalties: [0...5, 5...40, 1...2000][round % 3],
                capacities: 0...3,
                using: &rng)
            let solution = MinCostAssignment.solve(problem)
            #expect(PairingReference.isFeasible(solution, for: problem), "batch \(batch) round \(round)")
            #expect(solution.totalCost == PairingReference.bruteForce(problem), "batch \(batch) round \(round)")
        }
    }

    @Test("scarce and plentiful capacity agree with brute force")
    func capacityRegimes() {
        var rng = SplitMix64(seed: 77)
        for round in 0..<200 {
            let plentiful = round % 2 == 0
            let problem = PairingReference.randomProblem(
                children: 7, volunteers: plentiful ? 4 : 2,
                edgesPerChild: plentiful ? 1...4 : 1...2,
                maxCost: 100, penalties: 50...400, capacities: plentiful ? 2...3 : 1...2,
                using: &rng)
            let solution = MinCostAssignment.solve(problem)
            #expect(PairingReference.isFeasible(solution, for: problem))
            #expect(solution.totalCost == PairingReference.bruteForce(problem), "round \(round)")
        }
    }

    @Test("matches successive shortest paths on a medium instance", arguments: [(2000, 600, 1...3), (600, 600, 2...3)])
    func medium(children: Int, volunteers: Int, capacities: ClosedRange<Int>) {
        var rng = SplitMix64(seed: UInt64(children * 31 + volunteers))
        let problem = PairingReference.randomProblem(
            children: children, volunteers: volunteers, edgesPerChild: 3...8,
            maxCost: 5000, penalties: 2000...9000, capacities: capacities, using: &rng)
        let solution = MinCostAssignment.solve(problem)
        #expect(PairingReference.isFeasible(solution, for: problem))
        #expect(solution.totalCost == PairingReference.successiveShortestPaths(problem))
    }
}
