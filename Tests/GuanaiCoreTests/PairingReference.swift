@testable import GuanaiCore

/// Deterministic generator so failures reproduce from the printed seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Slow but independent oracles for the solver.
enum PairingReference {
    /// Tries every way to place every child; only viable for a handful of children.
    static func bruteForce(_ problem: AssignmentProblem) -> Int {
        var byChild = [[AssignmentProblem.Edge]](repeating: [], count: problem.childCount)
        for edge in problem.edges { byChild[edge.child].append(edge) }
        var remaining = problem.capacities
        var best = Int.max
        func place(_ child: Int, _ cost: Int) {
            if cost >= best { return }
            if child == problem.childCount { best = cost; return }
            place(child + 1, cost + problem.penalties[child])
            for edge in byChild[child] where remaining[edge.volunteer] > 0 {
                remaining[edge.volunteer] -= 1
                place(child + 1, cost + edge.cost)
                remaining[edge.volunteer] += 1
            }
        }
        place(0, 0)
        return best
    }

    /// Textbook successive shortest paths (Dijkstra with potentials) on the explicit network
    /// child → volunteer → sink plus child → sink, sending one child's unit at a time.
    static func successiveShortestPaths(_ problem: AssignmentProblem) -> Int {
        let n = problem.childCount, m = problem.volunteerCount
        let sink = n + m
        var to = [Int](), cap = [Int](), cost = [Int](), head = [Int](repeating: -1, count: n + m + 1), next = [Int]()
        func addArc(_ u: Int, _ v: Int, _ c: Int, _ w: Int) {
            for (a, b, cc, ww) in [(u, v, c, w), (v, u, 0, -w)] {
                to.append(b); cap.append(cc); cost.append(ww); next.append(head[a]); head[a] = to.count - 1
            }
        }
        for edge in problem.edges { addArc(edge.child, n + edge.volunteer, 1, edge.cost) }
        for i in 0..<n { addArc(i, sink, 1, problem.penalties[i]) }
        for j in 0..<m { addArc(n + j, sink, problem.capacities[j], 0) }

        var potential = [Int](repeating: 0, count: n + m + 1)
        var total = 0
        for source in 0..<n {
            var dist = [Int](repeating: Int.max, count: n + m + 1)
            var via = [Int](repeating: -1, count: n + m + 1)
            var done = [Bool](repeating: false, count: n + m + 1)
            var heap = [(Int, Int)]()
            func push(_ item: (Int, Int)) {
                heap.append(item)
                var k = heap.count - 1
                while k > 0, heap[(k - 1) / 2].0 > heap[k].0 { heap.swapAt(k, (k - 1) / 2); k = (k - 1) / 2 }
            }
            func pop() -> (Int, Int) {
                let top = heap[0]
                heap[0] = heap[heap.count - 1]
                heap.removeLast()
                var k = 0
                while true {
                    var smallest = k
                    for c in [2 * k + 1, 2 * k + 2] where c < heap.count && heap[c].0 < heap[smallest].0 { smallest = c }
                    if smallest == k { break }
                    heap.swapAt(k, smallest); k = smallest
                }
                return top
            }
            dist[source] = 0
            push((0, source))
            while !heap.isEmpty {
                let (d, u) = pop()
                if done[u] || d > dist[u] { continue }
                done[u] = true
                if u == sink { break }
                var a = head[u]
                while a >= 0 {
                    if cap[a] > 0 {
                        let v = to[a]
                        let reduced = cost[a] + potential[u] - potential[v]
                        precondition(reduced >= 0, "negative reduced cost in reference")
                        if !done[v], d + reduced < dist[v] { dist[v] = d + reduced; via[v] = a; push((dist[v], v)) }
                    }
                    a = next[a]
                }
            }
            let reach = dist[sink]
            for v in 0...(n + m) { potential[v] += min(dist[v], reach) }
            var v = sink
            while v != source {
                let a = via[v]
                cap[a] -= 1
                cap[a ^ 1] += 1
                total += cost[a]
                v = to[a ^ 1]
            }
        }
        return total
    }

    /// Checks that `solution` is a valid pairing of `problem` whose cost is what it claims.
    static func isFeasible(_ solution: AssignmentSolution, for problem: AssignmentProblem) -> Bool {
        guard solution.volunteerOf.count == problem.childCount else { return false }
        var cheapest = [Int: Int]()
        for edge in problem.edges {
            let key = edge.child * (problem.volunteerCount + 1) + edge.volunteer
            cheapest[key] = min(cheapest[key] ?? Int.max, edge.cost)
        }
        var used = [Int](repeating: 0, count: problem.volunteerCount)
        var total = 0
        for (child, volunteer) in solution.volunteerOf.enumerated() {
            guard let volunteer else { total += problem.penalties[child]; continue }
            guard let c = cheapest[child * (problem.volunteerCount + 1) + volunteer] else { return false }
            used[volunteer] += 1
            if used[volunteer] > problem.capacities[volunteer] { return false }
            total += c
        }
        return total == solution.totalCost
    }

    static func randomProblem(
        children: Int, volunteers: Int, edgesPerChild: ClosedRange<Int>,
        maxCost: Int, penalties: ClosedRange<Int>, capacities: ClosedRange<Int>,
        using rng: inout SplitMix64
    ) -> AssignmentProblem {
        var edges = [AssignmentProblem.Edge]()
        for child in 0..<children where volunteers > 0 {
            for _ in 0..<Int.random(in: edgesPerChild, using: &rng) {
                edges.append(
                    .init(
                        child: child, volunteer: Int.random(in: 0..<volunteers, using: &rng),
                        cost: Int.random(in: 0...maxCost, using: &rng)))
            }
        }
        return AssignmentProblem(
            penalties: (0..<children).map { _ in Int.random(in: penalties, using: &rng) },
            capacities: (0..<volunteers).map { _ in Int.random(in: capacities, using: &rng) },
            edges: edges)
    }
}
