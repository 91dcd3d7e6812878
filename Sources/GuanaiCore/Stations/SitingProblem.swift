/// Weighted maximum coverage: choose `count` sites so the weight of the elements they reach is largest. An element
/// is a group of children reached by exactly the same sites (a hamlet's households, mostly), so 48,000 children
/// become a few thousand elements with summed weights: the same problem, smaller.
public struct SitingProblem: Sendable, Equatable {
    public let siteCount: Int
    public let weight: [Int]
    /// How many children each element stands for.
    public let children: [Int]
    /// Sites reaching each element, ascending; and elements each site reaches, ascending.
    public let elementSites: [[Int32]]
    public let siteElements: [[Int32]]

    /// `reach[j]`: children (indices into `weights`) site `j` reaches. A child with weight 0 (already covered) or
    /// reached by no site is left out.
    public init(siteCount: Int, reach: [[Int]], weights: [Int]) {
        var sitesOf = [[Int32]](repeating: [], count: weights.count)
        for (j, list) in reach.enumerated() { for i in list where weights[i] > 0 { sitesOf[i].append(Int32(j)) } }
        var index: [[Int32]: Int] = [:]
        var w: [Int] = [], n: [Int] = [], es: [[Int32]] = []
        // Children in index order, so the elements' numbering does not hang on a dictionary's order.
        for i in weights.indices where !sitesOf[i].isEmpty {
            if let e = index[sitesOf[i]] {
                w[e] += weights[i]
                n[e] += 1
            } else {
                index[sitesOf[i]] = w.count
                w.append(weights[i])
                n.append(1)
                es.append(sitesOf[i])
            }
        }
        self.init(siteCount: siteCount, weight: w, children: n, elementSites: es)
    }

    public init(siteCount: Int, weight: [Int], children: [Int], elementSites: [[Int32]]) {
        self.siteCount = siteCount
        self.weight = weight
        self.children = children
        self.elementSites = elementSites
        var se = [[Int32]](repeating: [], count: siteCount)
        for (e, list) in elementSites.enumerated() { for j in list { se[Int(j)].append(Int32(e)) } }
        self.siteElements = se
    }

    /// The weight a set of sites reaches: the objective.
    public func value(_ sites: [Int]) -> Int {
        var hit = [Bool](repeating: false, count: weight.count)
        var total = 0
        for j in sites { for e in siteElements[j] where !hit[Int(e)] { hit[Int(e)] = true; total += weight[Int(e)] } }
        return total
    }
}
