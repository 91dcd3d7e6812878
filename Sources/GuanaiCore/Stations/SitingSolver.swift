import Foundation

/// Sites chosen for a `SitingProblem`, with a proven upper bound on the best possible.
public struct SitingSolution: Sendable, Equatable {
    /// Site indices, most weight first: each site's `weight` is what it adds to those before it.
    public let sites: [Int]
    public let weight: [Int]
    public let children: [Int]
    public let objective: Int
    /// No choice of `count` sites reaches more than this (a bound, not a guess): see `SitingSolver.bound`.
    public let upperBound: Int
    public var optimal: Bool { objective == upperBound }
}

/// Greedy with exact marginal gains, then best-improvement swaps with restarts, then a Lagrangian bound. Deterministic: ties go
/// to the lower site index.
///
/// Greedy alone is within 1 − 1/e of the best; on real maps it is far closer, and swaps close most of what is left.
/// The bound is what makes the answer checkable: `objective == upperBound` proves it optimal.
public struct SitingSolver {
    let p: SitingProblem
    let count: Int
    /// Per site, the weight of its elements no chosen site reaches yet.
    var gain: [Int]
    /// Per element, how many chosen sites reach it.
    var hits: [Int32]
    var chosen: [Bool]
    var value = 0

    public static func solve(_ p: SitingProblem, count: Int, swaps: Bool = true, boundIterations: Int = 10_000) -> SitingSolution {
        var s = SitingSolver(p: p, count: max(0, count))
        var best = Int.max
        var picked: [Int] = []
        while picked.count < s.count {
            best = min(best, s.onlineBound())
            guard let j = s.bestAddition(), s.gain[j] > 0 else { break }
            s.add(j)
            picked.append(j)
        }
        if swaps, !picked.isEmpty {
            s.improve(&picked)
            s.restart(&picked)
        }
        best = min(best, s.onlineBound())
        if best > s.value { best = min(best, s.lagrangianBound(target: s.value, iterations: boundIterations)) }
        return s.solution(picked, upperBound: best)
    }

    init(p: SitingProblem, count: Int) {
        self.p = p
        self.count = count
        gain = p.siteElements.map { $0.reduce(0) { $0 + p.weight[Int($1)] } }
        hits = [Int32](repeating: 0, count: p.weight.count)
        chosen = [Bool](repeating: false, count: p.siteCount)
    }

    func bestAddition() -> Int? {
        var best: Int?
        for j in 0..<p.siteCount where !chosen[j] { if best == nil || gain[j] > gain[best!] { best = j } }
        return best
    }

    mutating func add(_ j: Int) {
        chosen[j] = true
        for e32 in p.siteElements[j] {
            let e = Int(e32)
            if hits[e] == 0 {
                value += p.weight[e]
                for k in p.elementSites[e] { gain[Int(k)] -= p.weight[e] }
            }
            hits[e] += 1
        }
    }

    mutating func remove(_ j: Int) {
        chosen[j] = false
        for e32 in p.siteElements[j] {
            let e = Int(e32)
            hits[e] -= 1
            if hits[e] == 0 {
                value -= p.weight[e]
                for k in p.elementSites[e] { gain[Int(k)] += p.weight[e] }
            }
        }
    }

    /// Best-improvement swaps (one site out, one in) until none adds weight. Each swap strictly raises the
    /// objective, so this ends; the cap only bounds the time on a pathological instance.
    mutating func improve(_ picked: inout [Int]) {
        var extra = [Int](repeating: 0, count: p.siteCount)
        for _ in 0..<(20 * count + 100) {
            var bestDelta = 0, bestOut = -1, bestIn = -1
            for (slot, s) in picked.enumerated() {
                // Weight only `s` reaches, and for each other site what of it that site would keep.
                var loss = 0
                for e32 in p.siteElements[s] where hits[Int(e32)] == 1 {
                    let e = Int(e32)
                    loss += p.weight[e]
                    for k in p.elementSites[e] { extra[Int(k)] += p.weight[e] }
                }
                for c in 0..<p.siteCount where !chosen[c] {
                    let delta = gain[c] + extra[c] - loss
                    if delta > bestDelta { (bestDelta, bestOut, bestIn) = (delta, slot, c) }
                }
                for e32 in p.siteElements[s] where hits[Int(e32)] == 1 { for k in p.elementSites[Int(e32)] { extra[Int(k)] = 0 } }
            }
            guard bestOut >= 0 else { return }
            remove(picked[bestOut])
            add(bestIn)
            picked[bestOut] = bestIn
        }
    }

    /// Swaps stop where no single exchange helps, often well short of the best (1–2 % on the city instance). So each
    /// chosen site in turn is replaced by the best other one, even at a loss, and swaps resume from there; the result
    /// is kept when it beats the current one. Rounds repeat while one helps (at most 10).
    mutating func restart(_ picked: inout [Int]) {
        for _ in 0..<10 {
            var improved = false
            for slot in picked.indices {
                var t = self, tp = picked
                let out = tp[slot]
                t.remove(out)
                t.chosen[out] = true  // not straight back in
                guard let j = t.bestAddition() else { continue }
                t.add(j)
                t.chosen[out] = false
                tp[slot] = j
                t.improve(&tp)
                if t.value > value {
                    self = t
                    picked = tp
                    improved = true
                }
            }
            if !improved { return }
        }
    }

    /// Submodularity: no `count` sites reach more than what is reached now plus the `count` largest gains on top.
    func onlineBound() -> Int { value + Self.topSum(gain.enumerated().filter { !chosen[$0.offset] }.map(\.element), count) }

    static func topSum(_ xs: [Int], _ n: Int) -> Int { xs.sorted(by: >).prefix(n).reduce(0, +) }

    /// Lagrangian relaxation of "an element counts only if a chosen site reaches it", with multipliers λ_e in
    /// [0, w_e]: L(λ) = Σ_e (w_e − λ_e) + (sum of the `count` largest Σ_{e∈R_j} λ_e). Every λ gives a bound; the
    /// online bound above is λ = w on unreached elements and 0 on reached ones, where this starts, so it is never
    /// looser. Subgradient steps (Polyak, towards `target`) tighten it; weights are integers, so the floor holds too.
    func lagrangianBound(target: Int, iterations: Int) -> Int {
        var lambda = p.weight.indices.map { Double(hits[$0] == 0 ? p.weight[$0] : 0) }
        var best = Double.infinity
        var theta = 2.0, stale = 0
        var score = [Double](repeating: 0, count: p.siteCount)
        var order = Array(0..<p.siteCount)
        let n = min(count, p.siteCount)
        for _ in 0..<iterations {
            var l = 0.0
            for e in lambda.indices { l += Double(p.weight[e]) - lambda[e] }
            for j in 0..<p.siteCount {
                var s = 0.0
                for e in p.siteElements[j] { s += lambda[Int(e)] }
                score[j] = s
            }
            order.sort { score[$0] != score[$1] ? score[$0] > score[$1] : $0 < $1 }
            for j in order.prefix(n) { l += score[j] }
            if l < best - 1e-9 {
                best = l
                stale = 0
            } else {
                stale += 1
                if stale >= 60 { theta /= 2; stale = 0 }
            }
            if (best + 1e-6).rounded(.down) <= Double(target) || theta < 1e-4 { break }
            // ∂L/∂λ_e = (chosen sites reaching e) − 1.
            var g = [Double](repeating: -1, count: lambda.count)
            for j in order.prefix(n) { for e in p.siteElements[j] { g[Int(e)] += 1 } }
            var norm = 0.0
            for e in g.indices {
                // A step that the box [0, w] would cancel does not count towards the length.
                if (g[e] > 0 && lambda[e] <= 0) || (g[e] < 0 && lambda[e] >= Double(p.weight[e])) { g[e] = 0 }
                norm += g[e] * g[e]
            }
            if norm == 0 { break }
            let step = theta * max(l - Double(target), 1) / norm
            for e in lambda.indices where g[e] != 0 { lambda[e] = min(Double(p.weight[e]), max(0, lambda[e] - step * g[e])) }
        }
        // Rounding in the sums is far below 1e-6 at these sizes; adding it can only loosen the bound, never break it.
        return best.isFinite ? Int((best + 1e-6).rounded(.down)) : Int.max
    }

    /// The chosen sites in the order that attributes each element to the first site reaching it, most weight first.
    func solution(_ picked: [Int], upperBound: Int) -> SitingSolution {
        var hit = [Bool](repeating: false, count: p.weight.count)
        var left = picked.sorted()
        var sites: [Int] = [], weight: [Int] = [], children: [Int] = []
        while !left.isEmpty {
            var bi = 0, bw = -1, bc = 0
            for (i, j) in left.enumerated() {
                var w = 0, c = 0
                for e in p.siteElements[j] where !hit[Int(e)] {
                    w += p.weight[Int(e)]
                    c += p.children[Int(e)]
                }
                if w > bw { (bi, bw, bc) = (i, w, c) }
            }
            let j = left.remove(at: bi)
            for e in p.siteElements[j] { hit[Int(e)] = true }
            sites.append(j)
            weight.append(bw)
            children.append(bc)
        }
        return SitingSolution(sites: sites, weight: weight, children: children, objective: value, upperBound: upperBound)
    }
}
