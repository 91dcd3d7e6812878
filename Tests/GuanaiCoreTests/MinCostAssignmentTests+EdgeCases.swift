import Testing
@testable import GuanaiCore

@Suite("MinCostAssignment edge cases")
struct MinCostAssignmentEdgeCaseTests {
    typealias Edge = AssignmentProblem.Edge

    private func solveChecked(_ problem: AssignmentProblem) -> AssignmentSolution {
        let solution = MinCostAssignment.solve(problem)
        #expect(PairingReference.isFeasible(solution, for: problem))
        return solution
    }

    @Test("an empty problem costs nothing")
    func empty() {
        let solution = solveChecked(AssignmentProblem(penalties: [], capacities: [], edges: []))
        #expect(solution == AssignmentSolution(totalCost: 0, volunteerOf: []))
    }

    @Test("without edges every child is unpaired")
    func noEdges() {
        let solution = solveChecked(AssignmentProblem(penalties: [5, 7, 11], capacities: [3, 3], edges: []))
        #expect(solution.totalCost == 23)
        #expect(solution.volunteerOf == [nil, nil, nil])
    }

    @Test("without volunteers every child is unpaired")
    func noVolunteers() {
        let solution = solveChecked(AssignmentProblem(penalties: [100, 200], capacities: [], edges: []))
        #expect(solution.totalCost == 300)
        #expect(solution.volunteerOf == [nil, nil])
    }

    @Test("a volunteer with zero capacity takes nobody")
    func zeroCapacity() {
        let problem = AssignmentProblem(
            penalties: [1000, 1000], capacities: [0, 1],
            edges: [
                Edge(child: 0, volunteer: 0, cost: 1), Edge(child: 1, volunteer: 0, cost: 1),
                Edge(child: 1, volunteer: 1, cost: 500),
            ])
        let solution = solveChecked(problem)
        #expect(solution.volunteerOf == [nil, 1])
        #expect(solution.totalCost == 1500)
    }

    @Test("when penalties are below every edge cost nobody is paired")
    func smallPenalties() {
        let problem = AssignmentProblem(
            penalties: [3, 0, 9], capacities: [3],
            edges: [
                Edge(child: 0, volunteer: 0, cost: 3), Edge(child: 1, volunteer: 0, cost: 0),
                Edge(child: 2, volunteer: 0, cost: 50),
            ])
        let solution = solveChecked(problem)
        #expect(solution.totalCost == 12)
        #expect(solution.volunteerOf.allSatisfy { $0 == nil })
    }

    @Test("ties still give the optimal cost and a valid pairing")
    func ties() {
        // Four children, two volunteers of capacity 1, every edge and penalty the same.
        var edges = [Edge]()
        for child in 0..<4 { for volunteer in 0..<2 { edges.append(Edge(child: child, volunteer: volunteer, cost: 10)) } }
        let problem = AssignmentProblem(penalties: [40, 40, 40, 40], capacities: [1, 1], edges: edges)
        let solution = solveChecked(problem)
        #expect(solution.totalCost == 100)
        #expect(solution.volunteerOf.compactMap { $0 }.count == 2)
    }

    @Test("a capacity-3 volunteer keeps the three children who gain most")
    func oneVolunteerManyEdges() {
        let costs = [50, 10, 70, 20, 60]
        var edges = costs.enumerated().map { Edge(child: $0.offset, volunteer: 0, cost: $0.element) }
        // Repeated, dearer copies of the same pairs must not count as extra capacity.
        edges += costs.enumerated().map { Edge(child: $0.offset, volunteer: 0, cost: $0.element + 5) }
        let problem = AssignmentProblem(penalties: [100, 100, 100, 100, 100], capacities: [3], edges: edges)
        let solution = solveChecked(problem)
        #expect(solution.volunteerOf == [0, 0, nil, 0, nil])
        #expect(solution.totalCost == 10 + 20 + 50 + 100 + 100)
    }

    @Test("duplicate edges keep the cheapest cost")
    func duplicates() {
        let problem = AssignmentProblem(
            penalties: [1000], capacities: [1],
            edges: [
                Edge(child: 0, volunteer: 0, cost: 50), Edge(child: 0, volunteer: 0, cost: 10),
                Edge(child: 0, volunteer: 0, cost: 30),
            ])
        let solution = solveChecked(problem)
        #expect(solution == AssignmentSolution(totalCost: 10, volunteerOf: [0]))
    }

    @Test("an edge as dear as the penalty is never needed")
    func edgeEqualToPenalty() {
        let problem = AssignmentProblem(
            penalties: [40], capacities: [1], edges: [Edge(child: 0, volunteer: 0, cost: 40)])
        #expect(solveChecked(problem).totalCost == 40)
    }

    @Test("capacity far above demand is harmless")
    func hugeCapacity() {
        let problem = AssignmentProblem(
            penalties: [100, 100], capacities: [1_000_000],
            edges: [Edge(child: 0, volunteer: 0, cost: 1), Edge(child: 1, volunteer: 0, cost: 2)])
        let solution = solveChecked(problem)
        #expect(solution == AssignmentSolution(totalCost: 3, volunteerOf: [0, 0]))
    }

    @Test("city-sized penalties and distances stay exact")
    func largeNumbers() {
        var rng = SplitMix64(seed: 4242)
        let problem = PairingReference.randomProblem(
            children: 7, volunteers: 3, edgesPerChild: 1...3, maxCost: 40_000,
            penalties: 100_000...1_000_000, capacities: 1...2, using: &rng)
        #expect(solveChecked(problem).totalCost == PairingReference.bruteForce(problem))
    }
}
