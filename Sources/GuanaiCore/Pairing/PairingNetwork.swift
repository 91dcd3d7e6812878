/// The useful part of an `AssignmentProblem` in flat arrays (CSR by child and by volunteer).
///
/// Building it drops edges that can never be in an optimum (cost ≥ penalty, or a volunteer
/// without capacity) and keeps only the cheapest of duplicate edges, so the solver never
/// has to reason about parallel arcs.
struct PairingNetwork {
    let childCount: Int
    let volunteerCount: Int
    /// Arcs of child `i` are `childStart[i]..<childStart[i + 1]`.
    let childStart: [Int32]
    let arcVolunteer: [Int32]
    /// Unscaled cost of each arc.
    let arcCost: [Int]
    let penalties: [Int]
    let capacities: [Int32]

    var arcCount: Int { arcVolunteer.count }

    init(_ problem: AssignmentProblem) {
        let n = problem.childCount
        let m = problem.volunteerCount
        precondition(problem.penalties.allSatisfy { $0 >= 0 }, "penalties must be non-negative")
        precondition(
            problem.capacities.allSatisfy { $0 >= 0 && $0 < Int(Int32.max) / 2 },
            "capacities must be non-negative")
        precondition(problem.edges.count < Int(Int32.max), "too many edges")
        childCount = n
        volunteerCount = m
        penalties = problem.penalties
        capacities = problem.capacities.map { Int32($0) }

        // Counting sort by child: linear time matters because this runs on millions of edges.
        var start = [Int32](repeating: 0, count: n + 1)
        for edge in problem.edges {
            precondition(edge.child >= 0 && edge.child < n, "edge child out of range")
            precondition(edge.volunteer >= 0 && edge.volunteer < m, "edge volunteer out of range")
            precondition(edge.cost >= 0, "edge costs must be non-negative")
            if edge.cost < problem.penalties[edge.child] && problem.capacities[edge.volunteer] > 0 {
                start[edge.child + 1] += 1
            }
        }
        for i in 0..<n { start[i + 1] += start[i] }
        let useful = Int(start[n])
        var vol = [Int32](repeating: 0, count: useful)
        var cost = [Int](repeating: 0, count: useful)
        var fill = start
        for edge in problem.edges
        where edge.cost < problem.penalties[edge.child] && problem.capacities[edge.volunteer] > 0 {
            let at = Int(fill[edge.child])
            vol[at] = Int32(edge.volunteer)
            cost[at] = edge.cost
            fill[edge.child] += 1
        }

        // Collapse duplicates in place; `slotOf[v]` remembers where v last appeared and for
        // which child, so no clearing between children is needed.
        var slotOf = [Int](repeating: -1, count: m)
        var ownerOf = [Int32](repeating: -1, count: m)
        var compactStart = [Int32](repeating: 0, count: n + 1)
        var out = 0
        for i in 0..<n {
            compactStart[i] = Int32(out)
            let rowStart = out
            for a in Int(start[i])..<Int(start[i + 1]) {
                let v = Int(vol[a])
                if ownerOf[v] == Int32(i), slotOf[v] >= rowStart {
                    let s = slotOf[v]
                    if cost[a] < cost[s] { cost[s] = cost[a] }
                } else {
                    ownerOf[v] = Int32(i)
                    slotOf[v] = out
                    vol[out] = vol[a]
                    cost[out] = cost[a]
                    out += 1
                }
            }
        }
        compactStart[n] = Int32(out)
        vol.removeLast(useful - out)
        cost.removeLast(useful - out)
        childStart = compactStart
        arcVolunteer = vol
        arcCost = cost
    }
}
