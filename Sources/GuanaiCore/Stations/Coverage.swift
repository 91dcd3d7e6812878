import Foundation

/// An active left-behind child as coverage and siting read her: her village, her household's point, her tier.
public struct CoverageChild: Sendable, Equatable {
    public let id: String
    public let villageCode: String
    public let point: GeoPoint?
    public let tier: RiskTier
    public init(id: String, villageCode: String, point: GeoPoint?, tier: RiskTier) {
        self.id = id
        self.villageCode = villageCode
        self.point = point
        self.tier = tier
    }
}

/// An open station: its unit (a village or a township), its point if known, the children holding a place now.
public struct CoverageStation: Sendable, Equatable {
    public let unitCode: String
    public let point: GeoPoint?
    public let enrolled: Set<String>
    public init(unitCode: String, point: GeoPoint?, enrolled: Set<String> = []) {
        self.unitCode = unitCode
        self.point = point
        self.enrolled = enrolled
    }
}

/// Who a station reaches. One rule for coverage and siting, so a site chosen is counted the same once it opens.
public enum Reach {
    /// The default walk or ride a child makes after school.
    public static let defaultMetres = 3_000

    /// A place in her village reaches her; so does one whose point lies within `metres` of hers (boundary included).
    /// A child with no point is reached only from her village.
    public static func reaches(unitCode: String, point: GeoPoint?, child: CoverageChild, metres: Int) -> Bool {
        if unitCode == child.villageCode { return true }
        guard let p = point, let q = child.point else { return false }
        return p.exactMetres(to: q) <= Double(metres)
    }

    /// For each place, the indices of the children it reaches, ascending: a grid on the children's points and an
    /// index by village, never all pairs.
    public static func reachSets(places: [(unitCode: String, point: GeoPoint?)], children: [CoverageChild], metres: Int) -> [[Int]] {
        var byVillage: [String: [Int]] = [:]
        var pointed: [(Int, GeoPoint)] = []
        var maxLat = 0.0
        for (i, c) in children.enumerated() {
            byVillage[c.villageCode, default: []].append(i)
            if let p = c.point {
                pointed.append((i, p))
                maxLat = max(maxLat, abs(p.latitude))
            }
        }
        for p in places { if let q = p.point { maxLat = max(maxLat, abs(q.latitude)) } }
        let grid = GeoGrid(reachMetres: Double(metres), maxAbsLatitude: maxLat, points: pointed)
        let limit = Double(metres)
        var stamp = [Int32](repeating: -1, count: children.count)
        var out: [[Int]] = []
        out.reserveCapacity(places.count)
        for (j, place) in places.enumerated() {
            var list: [Int] = []
            for i in byVillage[place.unitCode] ?? [] {
                stamp[i] = Int32(j)
                list.append(i)
            }
            if let p = place.point {
                grid.forEachCandidate(near: p) { i in
                    if stamp[i] != Int32(j), let q = children[i].point, q.exactMetres(to: p) <= limit {
                        stamp[i] = Int32(j)
                        list.append(i)
                    }
                }
            }
            list.sort()
            out.append(list)
        }
        return out
    }
}

/// Counts of `GET /api/v1/stations/coverage`: who is enrolled, who is reachable, who is covered (either).
public struct CoverageReport: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public let unitCode: String
        public let leftBehind: Int
        public let covered: Int
        public var rate: Double { Coverage.rate(covered, leftBehind) }
    }
    public struct PriorityChild: Sendable, Equatable {
        public let childId: String
        public let villageCode: String
        public let tier: RiskTier
    }

    public let leftBehind: Int
    public let enrolled: Int
    public let reachable: Int
    public let covered: Int
    public var rate: Double { Coverage.rate(covered, leftBehind) }
    /// One row per unit one level down, by unit code.
    public let rows: [Row]
    /// Uncovered critical children, then high, each by village then id.
    public let priority: [PriorityChild]
}

public enum Coverage {
    public static func rate(_ covered: Int, _ total: Int) -> Double { total == 0 ? 0 : Double(covered) / Double(total) }

    /// For each child, whether an open station holds her place and whether one reaches her.
    public static func flags(children: [CoverageChild], stations: [CoverageStation], reachMetres: Int) -> (
        enrolled: [Bool], reachable: [Bool]
    ) {
        var enrolled = [Bool](repeating: false, count: children.count)
        var reachable = enrolled
        var ids: Set<String> = []
        for s in stations { ids.formUnion(s.enrolled) }
        for (i, c) in children.enumerated() where ids.contains(c.id) { enrolled[i] = true }
        let sets = Reach.reachSets(places: stations.map { ($0.unitCode, $0.point) }, children: children, metres: reachMetres)
        for list in sets { for i in list { reachable[i] = true } }
        return (enrolled, reachable)
    }

    /// `rowUnit` maps a child's village to the unit of her row (the village itself, or its township); nil leaves
    /// her out of the rows but not out of the totals.
    public static func report(
        children: [CoverageChild], stations: [CoverageStation], reachMetres: Int = Reach.defaultMetres, rowUnit: (String) -> String?
    ) -> CoverageReport {
        let (enrolled, reachable) = flags(children: children, stations: stations, reachMetres: reachMetres)
        var rows: [String: (Int, Int)] = [:]
        var priority: [CoverageReport.PriorityChild] = []
        var covered = 0
        for (i, c) in children.enumerated() {
            let cov = enrolled[i] || reachable[i]
            if cov { covered += 1 }
            if let u = rowUnit(c.villageCode) {
                var r = rows[u] ?? (0, 0)
                r.0 += 1
                if cov { r.1 += 1 }
                rows[u] = r
            }
            if !cov, c.tier >= .high { priority.append(.init(childId: c.id, villageCode: c.villageCode, tier: c.tier)) }
        }
        priority.sort { ($0.tier, $1.villageCode, $1.childId) > ($1.tier, $0.villageCode, $0.childId) }
        return CoverageReport(
            leftBehind: children.count, enrolled: enrolled.filter { $0 }.count, reachable: reachable.filter { $0 }.count, covered: covered,
            rows: rows.keys.sorted().map { CoverageReport.Row(unitCode: $0, leftBehind: rows[$0]!.0, covered: rows[$0]!.1) },
            priority: priority)
    }
}

extension Coverage {
    /// The unit of a child's row in a report for `scope`: her village's ancestor one level below the scope (the
    /// village itself at the bottom); nil when she lies outside it. A scope of nil (the whole system) rows by county.
    public static func rowUnit(scope: DivisionCode?, village: String) -> String? {
        guard var c = DivisionCode(village) else { return nil }
        if let s = scope, !s.contains(c) { return nil }
        let level = min((scope?.level.rawValue ?? DivisionLevel.city.rawValue) + 1, DivisionLevel.village.rawValue)
        while c.level.rawValue > level, let p = c.parent { c = p }
        return c.value
    }
}

/// One village's coverage counts, as `station_coverage` keeps them between sweeps. Every count is of the village's
/// own active left-behind children, so a unit's figures are the sums of its villages'.
public struct VillageCoverage: Sendable, Equatable {
    public let unitCode: String
    public let leftBehind: Int
    public let enrolled: Int
    public let reachable: Int
    public let covered: Int
    public init(unitCode: String, leftBehind: Int, enrolled: Int, reachable: Int, covered: Int) {
        self.unitCode = unitCode
        self.leftBehind = leftBehind
        self.enrolled = enrolled
        self.reachable = reachable
        self.covered = covered
    }
}

extension Coverage {
    /// Per-village counts of these children, by village code; a village without a child has no entry. A child's
    /// flags depend on the stations alone, never on the other children, so any set of villages can be recounted
    /// on its own and the sums still equal `report` over all of them.
    public static func villages(children: [CoverageChild], stations: [CoverageStation], reachMetres: Int = Reach.defaultMetres)
        -> [VillageCoverage]
    {
        let (enrolled, reachable) = flags(children: children, stations: stations, reachMetres: reachMetres)
        var counts: [String: (Int, Int, Int, Int)] = [:]
        for (i, c) in children.enumerated() {
            var v = counts[c.villageCode] ?? (0, 0, 0, 0)
            v.0 += 1
            if enrolled[i] { v.1 += 1 }
            if reachable[i] { v.2 += 1 }
            if enrolled[i] || reachable[i] { v.3 += 1 }
            counts[c.villageCode] = v
        }
        return counts.keys.sorted().map { k in
            let v = counts[k]!
            return VillageCoverage(unitCode: k, leftBehind: v.0, enrolled: v.1, reachable: v.2, covered: v.3)
        }
    }

    /// The report from kept per-village counts: totals are their sums, rows the sums by `rowUnit` (nil leaves a
    /// village out of the rows, not out of the totals), as `report(children:…)` would count the same children.
    /// `priority` is passed through: it is a list of children, read live.
    public static func report(villages: [VillageCoverage], priority: [CoverageReport.PriorityChild], rowUnit: (String) -> String?)
        -> CoverageReport
    {
        var rows: [String: (Int, Int)] = [:]
        var total = (0, 0, 0, 0)
        for v in villages where v.leftBehind > 0 {
            total = (total.0 + v.leftBehind, total.1 + v.enrolled, total.2 + v.reachable, total.3 + v.covered)
            if let u = rowUnit(v.unitCode) {
                let r = rows[u] ?? (0, 0)
                rows[u] = (r.0 + v.leftBehind, r.1 + v.covered)
            }
        }
        return CoverageReport(
            leftBehind: total.0, enrolled: total.1, reachable: total.2, covered: total.3,
            rows: rows.keys.sorted().map { CoverageReport.Row(unitCode: $0, leftBehind: rows[$0]!.0, covered: rows[$0]!.1) },
            priority: priority)
    }
}
