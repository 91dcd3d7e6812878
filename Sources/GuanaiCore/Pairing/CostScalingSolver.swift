/// ε-scaling cost-scaling push–relabel for `PairingNetwork` (Goldberg; auction-style double push).
///
/// Prices follow the "cost to reach" convention: the reduced cost of an arc x→y is
/// `c(x,y) - p(x) + p(y)`, and a pseudoflow is ε-optimal when every residual arc has reduced
/// cost ≥ -ε. The sink's price is pinned at 0, which is why each phase has two stages:
/// a forward stage in which unplaced children bid (the sink absorbs their surplus passively),
/// and a reverse stage in which volunteers left short of children they had promised to the
/// sink lower their own price and pull children back. Keeping the sink still avoids the price
/// war a single shared sink would otherwise fight with every volunteer.
///
/// All storage is manually allocated flat buffers: the inner loops run hundreds of millions
/// of times at city scale and array bounds checks and CoW checks were the dominant cost.
struct CostScalingSolver {
    /// How much ε shrinks per phase; larger means fewer phases but more work per phase.
    static let alpha = 8

    let n: Int
    let m: Int
    let arcCount: Int
    let eps0: Int

    // Children (CSR over arcs).
    let childStart: UnsafeMutablePointer<Int32>
    let arcVolunteer: UnsafeMutablePointer<Int32>
    let arcCost: UnsafeMutablePointer<Int>
    let penalty: UnsafeMutablePointer<Int>
    let childPrice: UnsafeMutablePointer<Int>
    /// Arc index the child uses, `unplaced` while it still has to bid, or `toSink` when unpaired.
    let childArc: UnsafeMutablePointer<Int32>
    /// Volunteer of the child's place, `m` (a pseudo-volunteer priced 0) when at the sink.
    let childVolunteer: UnsafeMutablePointer<Int32>
    /// Scaled cost of the child's current place, so its worth is `placeCost + volPrice[vol]`.
    let placeCost: UnsafeMutablePointer<Int>
    let active: UnsafeMutablePointer<Int32>

    // Volunteers (CSR over the same arcs, by volunteer, for the reverse stage).
    let volStart: UnsafeMutablePointer<Int32>
    let revArc: UnsafeMutablePointer<Int32>
    let arcChild: UnsafeMutablePointer<Int32>
    /// Child and scaled cost per volunteer-side arc, copied so the reverse scan touches one
    /// sequential array instead of chasing `revArc` into the child-side arrays.
    let revChild: UnsafeMutablePointer<Int32>
    let revCost: UnsafeMutablePointer<Int>
    let capacity: UnsafeMutablePointer<Int32>
    /// Assigned children of volunteer j live in `slots[slotStart[j] ..< slotStart[j] + load[j]]`;
    /// one spare slot per volunteer holds the transient extra child of a double push.
    let slotStart: UnsafeMutablePointer<Int32>
    let slots: UnsafeMutablePointer<Int32>
    let load: UnsafeMutablePointer<Int32>
    /// Flow on volunteer → sink: the number of children the volunteer has committed to take.
    let toSink: UnsafeMutablePointer<Int32>
    let volPrice: UnsafeMutablePointer<Int>
    let deficitStack: UnsafeMutablePointer<Int32>
    let onDeficitStack: UnsafeMutablePointer<Bool>

    static let unplaced: Int32 = -1
    static let toSink: Int32 = -2

    /// Returns, per child, the arc index it is paired along or -1 when unpaired.
    static func assign(_ net: PairingNetwork) -> [Int] {
        let solver = CostScalingSolver(net)
        defer { solver.deallocate() }
        solver.run()
        return (0..<net.childCount).map { i in
            let arc = solver.childArc[i]
            return arc >= 0 ? Int(arc) : -1
        }
    }

    private init(_ net: PairingNetwork) {
        n = net.childCount
        m = net.volunteerCount
        arcCount = net.arcCount
        // With costs multiplied by (nodes + 1), a residual cycle (at most `nodes` arcs) that is
        // 1-optimal has reduced cost > -(nodes + 1), hence cost ≥ 0: the flow is optimal.
        let scale = n + m + 2
        var maxScaled = 1
        for p in net.penalties {
            let (s, overflow) = p.multipliedReportingOverflow(by: scale)
            precondition(!overflow && s < Int.max / 8, "penalties too large for exact scaling")
            maxScaled = max(maxScaled, s)
        }
        eps0 = max(1, maxScaled / CostScalingSolver.alpha)

        childStart = .allocate(capacity: n + 1)
        arcVolunteer = .allocate(capacity: max(arcCount, 1))
        arcCost = .allocate(capacity: max(arcCount, 1))
        penalty = .allocate(capacity: max(n, 1))
        childPrice = .allocate(capacity: max(n, 1))
        childArc = .allocate(capacity: max(n, 1))
        childVolunteer = .allocate(capacity: max(n, 1))
        placeCost = .allocate(capacity: max(n, 1))
        active = .allocate(capacity: max(n, 1))
        volStart = .allocate(capacity: m + 1)
        revArc = .allocate(capacity: max(arcCount, 1))
        arcChild = .allocate(capacity: max(arcCount, 1))
        revChild = .allocate(capacity: max(arcCount, 1))
        revCost = .allocate(capacity: max(arcCount, 1))
        capacity = .allocate(capacity: max(m, 1))
        slotStart = .allocate(capacity: m + 1)
        load = .allocate(capacity: max(m, 1))
        toSink = .allocate(capacity: max(m, 1))
        volPrice = .allocate(capacity: m + 1)
        deficitStack = .allocate(capacity: max(m, 1))
        onDeficitStack = .allocate(capacity: max(m, 1))

        for i in 0...n { childStart[i] = net.childStart[i] }
        for a in 0..<arcCount {
            arcVolunteer[a] = net.arcVolunteer[a]
            arcCost[a] = net.arcCost[a] * scale
        }
        for i in 0..<n {
            for a in Int(net.childStart[i])..<Int(net.childStart[i + 1]) { arcChild[a] = Int32(i) }
            penalty[i] = net.penalties[i] * scale
            childPrice[i] = 0
            childArc[i] = CostScalingSolver.unplaced
            childVolunteer[i] = -1
        }

        // Only capacity that some child can use matters; clipping it to the degree keeps a
        // huge declared capacity from inflating the slot array.
        var degree = [Int32](repeating: 0, count: m)
        for a in 0..<arcCount { degree[Int(net.arcVolunteer[a])] += 1 }
        var slotTotal = 0
        for j in 0..<m {
            let c = min(net.capacities[j], degree[j])
            capacity[j] = c
            slotStart[j] = Int32(slotTotal)
            slotTotal += Int(c) + 1
            load[j] = 0
            toSink[j] = 0
            volPrice[j] = 0
            onDeficitStack[j] = false
        }
        slotStart[m] = Int32(slotTotal)
        volPrice[m] = 0
        slots = .allocate(capacity: max(slotTotal, 1))

        volStart[0] = 0
        for j in 0..<m { volStart[j + 1] = volStart[j] + degree[j] }
        var fill = [Int32](repeating: 0, count: m)
        for j in 0..<m { fill[j] = volStart[j] }
        for a in 0..<arcCount {
            let j = Int(net.arcVolunteer[a])
            let r = Int(fill[j])
            revArc[r] = Int32(a)
            revChild[r] = arcChild[a]
            revCost[r] = arcCost[a]
            fill[j] += 1
        }
    }

    private func deallocate() {
        childStart.deallocate(); arcVolunteer.deallocate(); arcCost.deallocate()
        penalty.deallocate(); childPrice.deallocate(); childArc.deallocate()
        childVolunteer.deallocate(); active.deallocate(); volStart.deallocate()
        revArc.deallocate(); arcChild.deallocate(); revChild.deallocate(); revCost.deallocate(); placeCost.deallocate();
        capacity.deallocate(); slotStart.deallocate(); slots.deallocate()
        load.deallocate(); toSink.deallocate(); volPrice.deallocate()
        deficitStack.deallocate(); onDeficitStack.deallocate()
    }

    private func run() {
        var eps = eps0
        while true {
            refine(eps: eps)
            if eps == 1 { break }
            eps = max(1, eps / CostScalingSolver.alpha)
        }
    }
}
