/// Exact minimum-cost pairing of children with capacitated volunteers.
///
/// The problem is a transportation problem (child → volunteer → sink, with a direct
/// child → sink arc priced at the child's penalty). It is solved by ε-scaling cost-scaling
/// push–relabel specialised to this three-layer shape (auction-style "double push"), which
/// keeps each volunteer's residual fan-out at its few assigned children instead of its
/// whole neighbourhood. Costs are multiplied by (nodes + 1) so that ε = 1 in the final
/// phase certifies exact optimality for integer inputs.
public enum MinCostAssignment {
    public static func solve(_ problem: AssignmentProblem) -> AssignmentSolution {
        let network = PairingNetwork(problem)
        var volunteerOf = [Int?](repeating: nil, count: problem.childCount)
        guard network.arcCount > 0 else {
            return AssignmentSolution(totalCost: problem.penalties.reduce(0, +), volunteerOf: volunteerOf)
        }
        let assigned = CostScalingSolver.assign(network)
        var total = 0
        for child in 0..<problem.childCount {
            let arc = assigned[child]
            if arc < 0 {
                total += problem.penalties[child]
            } else {
                volunteerOf[child] = Int(network.arcVolunteer[arc])
                total += network.arcCost[arc]
            }
        }
        return AssignmentSolution(totalCost: total, volunteerOf: volunteerOf)
    }
}
