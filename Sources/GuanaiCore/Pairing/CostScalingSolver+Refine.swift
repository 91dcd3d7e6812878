extension CostScalingSolver {
    /// Turns the previous phase's (ε·α)-optimal flow into an ε-optimal one.
    ///
    /// Most children are already within 2ε of their best option, so they keep their place
    /// with a price that makes every arc around them ε-optimal; only the rest are unplaced
    /// and bid again. Volunteers keep their prices, which is what carries the information
    /// from one phase to the next. Restarting every child each phase was measured to cost
    /// several times more, nearly all of it in the reverse stage.
    func refine(eps: Int) {
        var top = 0
        // Children at the sink (or never placed) first: the volunteer pass below pushes the
        // children it releases, which must not be pushed twice.
        for i in stride(from: n - 1, through: 0, by: -1) {
            let arc = childArc[i]
            if arc == CostScalingSolver.unplaced {
                active[top] = Int32(i)
                top += 1
            } else if arc == CostScalingSolver.toSink,
                !keeps(i, worth: penalty[i], excluding: -1, eps: eps)
            {
                top = unplace(i, top)
            }
        }
        for j in 0..<m {
            let base = Int(slotStart[j])
            var kept = 0
            if volPrice[j] < -eps {
                // Too cheap to hold anyone at this ε: release them all and commit nothing,
                // so the only arc left (to the sink) has a positive reduced cost.
                for q in 0..<Int(load[j]) { top = unplace(Int(slots[base + q]), top) }
            } else {
                for q in 0..<Int(load[j]) {
                    let i = Int(slots[base + q])
                    if keeps(i, worth: placeCost[i] &+ volPrice[j], excluding: Int(childArc[i]), eps: eps) {
                        slots[base + kept] = Int32(i)
                        kept += 1
                    } else {
                        top = unplace(i, top)
                    }
                }
            }
            load[j] = Int32(kept)
            // A volunteer priced above ε must promise all its capacity to the sink (the spare
            // sink arc would otherwise be too negative); below, it promises what it holds.
            toSink[j] = volPrice[j] > eps ? capacity[j] : Int32(kept)
        }
        forwardStage(eps: eps, top: top)
        reverseStage(eps: eps)
    }

    /// Whether child `i` may stay where it is (worth `worth`) at this ε; if so its price is
    /// set to its runner-up option + ε, the highest price that keeps its arcs ε-optimal.
    @inline(__always)
    private func keeps(_ i: Int, worth: Int, excluding exclude: Int, eps: Int) -> Bool {
        var second = exclude < 0 ? Int.max : penalty[i]
        let end = Int(childStart[i + 1])
        var a = Int(childStart[i])
        while a < end {
            if a != exclude {
                let value = arcCost[a] &+ volPrice[Int(arcVolunteer[a])]
                if value < second { second = value }
            }
            a += 1
        }
        if second == Int.max {
            childPrice[i] = worth &+ eps
            return true
        }
        guard worth <= second &+ 2 &* eps else { return false }
        childPrice[i] = second &+ eps
        return true
    }

    @inline(__always)
    private func unplace(_ i: Int, _ top: Int) -> Int {
        childArc[i] = CostScalingSolver.unplaced
        childVolunteer[i] = -1
        active[top] = Int32(i)
        return top + 1
    }

    /// Unplaced children bid for their cheapest option; a volunteer pushed over its commitment
    /// immediately commits one more place to the sink or evicts its least attached child.
    private func forwardStage(eps: Int, top initialTop: Int) {
        var top = initialTop
        while top > 0 {
            top -= 1
            let i = Int(active[top])
            var best = penalty[i]
            var second = Int.max
            var bestArc = -1
            let end = Int(childStart[i + 1])
            var a = Int(childStart[i])
            while a < end {
                let value = arcCost[a] &+ volPrice[Int(arcVolunteer[a])]
                if value < second {
                    if value < best {
                        second = best
                        best = value
                        bestArc = a
                    } else {
                        second = value
                    }
                }
                a += 1
            }
            // Raising the price to the second-best option (not just the best) is what makes
            // each bid count like an auction bid rather than an ε-step relabel.
            childPrice[i] = (second == Int.max ? best : second) &+ eps
            if bestArc < 0 {
                childArc[i] = CostScalingSolver.toSink
                childVolunteer[i] = Int32(m)
                placeCost[i] = best
                continue
            }
            let j = Int(arcVolunteer[bestArc])
            childArc[i] = Int32(bestArc)
            childVolunteer[i] = Int32(j)
            placeCost[i] = arcCost[bestArc]
            let base = Int(slotStart[j])
            let l = Int(load[j])
            slots[base + l] = Int32(i)
            load[j] = Int32(l + 1)
            let committed = Int(toSink[j])
            if l + 1 <= committed { continue }

            // Excess of one at j: its residual options are the sink (while spare capacity
            // remains, at the sink's price 0) and sending a child back.
            let spare = Int(capacity[j]) - committed
            var v1 = Int.max
            var v2 = Int.max
            var pos1 = -1
            if spare > 0 {
                v1 = 0
                if spare > 1 { v2 = 0 }
            }
            for q in 0...l {
                let k = Int(slots[base + q])
                let value = childPrice[k] &- placeCost[k]
                if value < v2 {
                    if value < v1 {
                        v2 = v1
                        v1 = value
                        pos1 = q
                    } else {
                        v2 = value
                    }
                }
            }
            if pos1 < 0 {
                toSink[j] = Int32(committed + 1)
            } else {
                let k = slots[base + pos1]
                slots[base + pos1] = slots[base + l]
                load[j] = Int32(l)
                childArc[Int(k)] = CostScalingSolver.unplaced
                childVolunteer[Int(k)] = -1
                active[top] = k
                top += 1
            }
            if v2 != Int.max {
                let raised = v2 &+ eps
                if raised > volPrice[j] { volPrice[j] = raised }
            }
        }
    }

    /// Volunteers that committed more places to the sink than they received lower their price
    /// until a child (or the sink) is worth pulling, cascading any shortfall they cause.
    private func reverseStage(eps: Int) {
        var top = 0
        for j in 0..<m where toSink[j] > load[j] {
            deficitStack[top] = Int32(j)
            onDeficitStack[j] = true
            top += 1
        }
        while top > 0 {
            top -= 1
            let j = Int(deficitStack[top])
            onDeficitStack[j] = false
            while toSink[j] > load[j] {
                // The sink is always a candidate here (toSink > 0), worth its price 0, and
                // counts once per committed place so it can also be the second best.
                var best = 0
                var second = toSink[j] > 1 ? 0 : Int.min
                var bestR = -1
                for r in Int(volStart[j])..<Int(volStart[j + 1]) {
                    let i = Int(revChild[r])
                    let k = Int(childVolunteer[i])
                    if k == j { continue }
                    // A placed child's price may always be lowered to (worth of its current
                    // place − ε), which makes j rank children by what they would gain by
                    // moving; anything higher lets two short volunteers trade one child back
                    // and forth without either price falling. Nothing reads child prices
                    // again before they are recomputed, so the lowering is left implicit.
                    let value = placeCost[i] &+ volPrice[k] &- eps &- revCost[r]
                    if value > second {
                        if value > best {
                            second = best
                            best = value
                            bestR = r
                        } else {
                            second = value
                        }
                    }
                }
                // Drop to where the runner-up would be indifferent, like a reverse auction bid:
                // a smaller step only invites the next short volunteer to pull straight back.
                let lowered = (second == Int.min ? best : second) &- eps
                if lowered < volPrice[j] { volPrice[j] = lowered }
                if bestR < 0 {
                    toSink[j] -= 1
                    continue
                }
                let bestArc = Int(revArc[bestR])
                let i = Int(arcChild[bestArc])
                if childArc[i] >= 0 {
                    let k = Int(childVolunteer[i])
                    let base = Int(slotStart[k])
                    let l = Int(load[k])
                    for q in 0..<l where Int(slots[base + q]) == i {
                        slots[base + q] = slots[base + l - 1]
                        break
                    }
                    load[k] = Int32(l - 1)
                    if toSink[k] > load[k], !onDeficitStack[k] {
                        onDeficitStack[k] = true
                        deficitStack[top] = Int32(k)
                        top += 1
                    }
                }
                childArc[i] = Int32(bestArc)
                childVolunteer[i] = Int32(j)
                placeCost[i] = arcCost[bestArc]
                slots[Int(slotStart[j]) + Int(load[j])] = Int32(i)
                load[j] += 1
            }
        }
    }
}
