/// The order a township is promised: a critical or high-risk child gets a volunteer of her own village, when one
/// with room is screened, before any lower-tier child is considered. The plain least-cost answer can give that
/// volunteer to a nearer normal-tier child and send the critical child's volunteer from the next village; a
/// volunteer next door is what lets a child in crisis be seen the same day, so the rule comes first and the
/// distances second.
public enum PrioritisedAssignment {
    /// Children with `first[i]` are matched among the `preferred` edges alone; the rest of the problem (every
    /// child still unpaired, with the room left) is then solved as before. Both stages are exact.
    public static func solve(_ p: AssignmentProblem, first: [Bool], preferred: (AssignmentProblem.Edge) -> Bool) -> AssignmentSolution {
        precondition(first.count == p.childCount, "one flag per child")
        let stageOne = p.edges.filter { first[$0.child] && preferred($0) }
        guard !stageOne.isEmpty else { return MinCostAssignment.solve(p) }
        // Stage one: the prioritised children and their own-village volunteers only. A child left over here
        // costs nothing: she goes on to stage two with everyone else.
        let s1 = MinCostAssignment.solve(
            AssignmentProblem(
                penalties: p.penalties.enumerated().map { first[$0.offset] ? $0.element : 0 },
                capacities: p.capacities, edges: stageOne))
        var capacities = p.capacities
        var fixed = [Int?](repeating: nil, count: p.childCount)
        for (i, v) in s1.volunteerOf.enumerated() { if let v { fixed[i] = v; capacities[v] -= 1 } }
        let s2 = MinCostAssignment.solve(
            AssignmentProblem(
                penalties: p.penalties, capacities: capacities,
                edges: p.edges.filter { fixed[$0.child] == nil }))
        var volunteerOf = s2.volunteerOf
        for (i, v) in fixed.enumerated() where v != nil { volunteerOf[i] = v }
        var cheapest: [AssignmentProblem.Edge: Int] = [:]
        for e in p.edges {
            cheapest[AssignmentProblem.Edge(child: e.child, volunteer: e.volunteer, cost: 0)] = min(
                cheapest[AssignmentProblem.Edge(child: e.child, volunteer: e.volunteer, cost: 0)] ?? .max, e.cost)
        }
        let total = volunteerOf.enumerated().reduce(0) { sum, cv in
            guard let v = cv.element else { return sum + p.penalties[cv.offset] }
            return sum + (cheapest[AssignmentProblem.Edge(child: cv.offset, volunteer: v, cost: 0)] ?? 0)
        }
        return AssignmentSolution(totalCost: total, volunteerOf: volunteerOf)
    }
}
