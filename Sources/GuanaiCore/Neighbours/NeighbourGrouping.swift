import Foundation

/// A household not yet in an active group, as the suggestions read it.
public struct GroupingHousehold: Sendable, Equatable {
    public let id: String
    public let point: GeoPoint?
    /// 村民小组, when known.
    public let villageGroup: String?
    public let address: String?
    /// An active left-behind child or woman lives there.
    public let leftBehind: Bool

    public init(id: String, point: GeoPoint?, villageGroup: String?, address: String?, leftBehind: Bool) {
        self.id = id
        self.point = point
        self.villageGroup = villageGroup
        self.address = address
        self.leftBehind = leftBehind
    }
}

/// The answer of `POST /api/v1/neighbour-groups/suggestions`, for staff to edit and confirm.
public struct GroupingSuggestion: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        public let householdIds: [String]
        public let leaderHouseholdId: String
        /// Catalogue codes with an argument: why these households belong together.
        public let reasons: [Reason]
    }
    public struct Reason: Sendable, Equatable {
        public let code: String
        public let arg: String
    }
    public let groups: [Group]
    public let ungrouped: [String]
}

/// Suggests groups of near neighbours in one village. Each group holds a left-behind household and has a size within
/// the limits; as many left-behind households as possible are grouped, then as many households as possible.
///
/// Households are laid out on chains of neighbours: those with a point in a nearest-neighbour walk (broken where the
/// next is farther than `maxGapMetres`), the others by 村民小组 then address. Each chain is cut into consecutive
/// groups by an exact dynamic programme, so the best cut of every chain is found, and the same households always
/// give the same groups.
public enum NeighbourGrouping {
    public static func suggest(
        _ households: [GroupingHousehold], limits: NeighbourGroupLimits = NeighbourGroupLimits(), maxGapMetres: Int = 800
    ) -> GroupingSuggestion {
        let sorted = households.sorted { $0.id < $1.id }
        var groups: [GroupingSuggestion.Group] = []
        var ungrouped: [String] = []
        for chain in chains(sorted, maxGapMetres: maxGapMetres) {
            let seams = chain.indices.map { k in k > 0 && sorted[chain[k]].villageGroup != sorted[chain[k - 1]].villageGroup }
            let cut = cuts(chain.map { sorted[$0].leftBehind }, seams: seams, limits: limits)
            var at = 0
            for (start, length) in cut {
                for k in at..<start { ungrouped.append(sorted[chain[k]].id) }
                let members = chain[start..<(start + length)].map { sorted[$0] }
                groups.append(group(members))
                at = start + length
            }
            for k in at..<chain.count { ungrouped.append(sorted[chain[k]].id) }
        }
        return GroupingSuggestion(groups: groups, ungrouped: ungrouped.sorted())
    }

    /// Index chains: the pointed households walked nearest-first from the south-west one, then the others by
    /// 村民小组, address and id.
    static func chains(_ hs: [GroupingHousehold], maxGapMetres: Int) -> [[Int]] {
        var out: [[Int]] = []
        var left = hs.indices.filter { hs[$0].point != nil }
        left.sort { (hs[$0].point!.latitude + hs[$0].point!.longitude, $0) < (hs[$1].point!.latitude + hs[$1].point!.longitude, $1) }
        var chain: [Int] = []
        var current: Int?
        while !left.isEmpty {
            var next = 0
            if let cur = current {
                var best = Double.infinity
                for (k, i) in left.enumerated() {
                    let d = hs[cur].point!.exactMetres(to: hs[i].point!)
                    if d < best { (best, next) = (d, k) }
                }
                if best > Double(maxGapMetres) {
                    out.append(chain)
                    chain = []
                    next = 0
                }
            }
            let i = left.remove(at: next)
            chain.append(i)
            current = i
        }
        if !chain.isEmpty { out.append(chain) }
        let rest = hs.indices.filter { hs[$0].point == nil }.sorted {
            (hs[$0].villageGroup ?? "\u{10FFFF}", hs[$0].address ?? "\u{10FFFF}", hs[$0].id)
                < (hs[$1].villageGroup ?? "\u{10FFFF}", hs[$1].address ?? "\u{10FFFF}", hs[$1].id)
        }
        if !rest.isEmpty { out.append(rest) }
        return out
    }

    /// The best cut of one chain into consecutive groups (start, length): most left-behind households grouped, then
    /// most households, then fewest groups straddling two 村民小组 (`seams[k]`: household k starts another), then fewest
    /// groups. Each group has a size within the limits and a left-behind household.
    static func cuts(_ leftBehind: [Bool], seams: [Bool]? = nil, limits: NeighbourGroupLimits) -> [(Int, Int)] {
        let n = leftBehind.count
        var prefix = [0], seamPrefix = [0]
        for b in leftBehind { prefix.append(prefix.last! + (b ? 1 : 0)) }
        for k in 0..<n { seamPrefix.append(seamPrefix.last! + (seams?[k] == true ? 1 : 0)) }
        // score[i]: the best (left-behind grouped, households grouped, −straddling, −groups) over the first i; how[i]:
        // the last group's length, 0 for a skip.
        var score = [(Int, Int, Int, Int)](repeating: (0, 0, 0, 0), count: n + 1)
        var how = [Int](repeating: 0, count: n + 1)
        for i in stride(from: 1, through: n, by: 1) {
            score[i] = score[i - 1]
            for len in limits.minHouseholds...max(limits.minHouseholds, limits.maxHouseholds) where len <= i {
                let lb = prefix[i] - prefix[i - len]
                guard lb > 0 else { continue }
                // A seam at the group's first household is not inside it.
                let straddles = seamPrefix[i] - seamPrefix[i - len + 1] > 0 ? 1 : 0
                let s = score[i - len], cand = (s.0 + lb, s.1 + len, s.2 - straddles, s.3 - 1)
                if cand > score[i] {
                    score[i] = cand
                    how[i] = len
                }
            }
        }
        var out: [(Int, Int)] = []
        var i = n
        while i > 0 {
            if how[i] == 0 {
                i -= 1
            } else {
                out.append((i - how[i], how[i]))
                i -= how[i]
            }
        }
        return out.reversed()
    }

    /// The leader: the household nearest all the others among those not left behind (someone at home to look
    /// out), else among all; without points, the first by 村民小组 and address.
    static func group(_ members: [GroupingHousehold]) -> GroupingSuggestion.Group {
        let pool = members.contains { !$0.leftBehind } ? members.filter { !$0.leftBehind } : members
        var leader = pool[0]
        var reasons: [GroupingSuggestion.Reason] = []
        let points = members.compactMap(\.point)
        if points.count == members.count {
            var best = Double.infinity
            for h in pool {
                let sum = points.reduce(0) { $0 + h.point!.exactMetres(to: $1) }
                if sum < best { (best, leader) = (sum, h) }
            }
            var span = 0
            for a in points { for b in points { span = max(span, a.metres(to: b)) } }
            reasons.append(.init(code: "neighbours.reason.distance", arg: String(span)))
        } else if let g = members[0].villageGroup, members.allSatisfy({ $0.villageGroup == g }) {
            reasons.append(.init(code: "neighbours.reason.villageGroup", arg: g))
        } else {
            reasons.append(.init(code: "neighbours.reason.address", arg: ""))
        }
        reasons.append(.init(code: "neighbours.reason.leftBehind", arg: String(members.filter(\.leftBehind).count)))
        return .init(householdIds: members.map(\.id).sorted(), leaderHouseholdId: leader.id, reasons: reasons)
    }
}
