/// A village's activity for the equity figures: how many activities (or participations) it had, and how many people were
/// eligible for them.
public struct VillageActivity: Codable, Sendable, Equatable {
    public let villageCode: String
    public let activities: Int
    public let eligible: Int
    public init(villageCode: String, activities: Int, eligible: Int) {
        self.villageCode = villageCode
        self.activities = activities
        self.eligible = eligible
    }

    /// Activity per eligible person; nil when nobody is eligible, since such a village can be neither neglected nor
    /// favoured.
    public var perEligible: Double? { eligible > 0 ? Double(max(0, activities)) / Double(eligible) : nil }
}

/// When a township's work is 盆景 (a showcase of a few villages while the rest see little). Percentages, so the settings
/// page edits whole numbers like every other `NumberSettings`.
public struct EquitySettings: NumberSettings {
    /// Gini coefficient, in percent, from which activity is too unequal across villages.
    public var giniPercent = 60
    /// Share of all activity, in percent, held by the top tenth of villages, from which they are a showcase.
    public var top10SharePercent = 50
    /// Townships with fewer villages counted are not judged: with one village its share is all, with two evenly active
    /// ones the top "tenth" (one village) holds half, so the rule would call them 盆景 for being small.
    public var minVillages = 3
    public init() {}

    public static let storageKey = "targets.equity"

    /// Below 10 % every township would be flagged; 100 % is reachable only by a single village doing everything.
    public static var fields: [(name: String, keyPath: WritableKeyPath<EquitySettings, Int>, range: ClosedRange<Int>)] {
        [
            ("giniPercent", \.giniPercent, 10...100), ("top10SharePercent", \.top10SharePercent, 10...100),
            ("minVillages", \.minVillages, 1...50),
        ]
    }
}

/// How evenly a township's activity is spread over its villages.
public struct EquityFigures: Codable, Sendable, Equatable {
    /// Villages counted: those with someone eligible.
    public let villages: Int
    /// Villages counted with no activity at all.
    public let zeroVillages: Int
    /// Share of all activity per eligible person held by the top ⌈10 % of villages⌉; nil when there is no activity.
    public let top10Share: Double?
    /// Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄) over activity per eligible person: 0 when even, towards 1 when one village has it
    /// all; nil when there is no activity (or no village).
    public let gini: Double?
    /// The top ⌈10 %⌉ villages, most active first (the code breaks ties, so the list is the same each time); none when
    /// there is no activity, since nobody then stands out.
    public let topVillages: [String]
}

public struct PenjingTownship: Codable, Sendable, Equatable {
    public enum Reason: String, Codable, Sendable, CaseIterable {
        case gini
        case top10Share = "top10_share"
    }

    public let townshipCode: String
    public let figures: EquityFigures
    /// Which thresholds it reached, gini first.
    public let reasons: [Reason]
    /// The showcase villages: the top ⌈10 %⌉, as `figures.topVillages`, named here so the answer says what they are.
    public let showcaseVillages: [String]

    public init(townshipCode: String, figures: EquityFigures, reasons: [Reason]) {
        self.townshipCode = townshipCode
        self.figures = figures
        self.reasons = reasons
        self.showcaseVillages = figures.topVillages
    }
}

public enum EquityReport {
    /// Thresholds are compared with this slack, since 0.6 computed in binary can come out as 0.5999999999999999.
    static let slack = 1e-9

    /// The figures over villages with someone eligible (others are left out, as they have no per-person figure). The Gini
    /// coefficient by the sorted formula, G = 2 Σᵢ i·x₍ᵢ₎ / (n Σ x) − (n + 1) / n with x ascending and i from 1, which
    /// equals the double sum in O(n log n).
    public static func figures(_ villages: [VillageActivity]) -> EquityFigures {
        let counted = villages.compactMap { v in v.perEligible.map { (code: v.villageCode, x: $0) } }
        let n = counted.count
        let byActivity = counted.sorted { a, b in a.x != b.x ? a.x > b.x : a.code < b.code }
        let top = Array(byActivity.prefix((n + 9) / 10))
        let sum = counted.reduce(0) { $0 + $1.x }
        let zero = counted.filter { $0.x == 0 }.count
        guard sum > 0 else { return EquityFigures(villages: n, zeroVillages: zero, top10Share: nil, gini: nil, topVillages: []) }
        let ascending = byActivity.reversed().map(\.x)
        let ranked = ascending.enumerated().reduce(0) { $0 + Double($1.offset + 1) * $1.element }
        let gini = 2 * ranked / (Double(n) * sum) - Double(n + 1) / Double(n)
        let share = top.reduce(0) { $0 + $1.x } / sum
        return EquityFigures(villages: n, zeroVillages: zero, top10Share: share, gini: max(0, gini), topVillages: top.map(\.code))
    }

    /// Which thresholds a township's figures reach (gini ≥ the setting, or the top tenth's share ≥ the setting); none
    /// below `minVillages` villages counted.
    public static func reasons(_ f: EquityFigures, _ settings: EquitySettings = EquitySettings()) -> [PenjingTownship.Reason] {
        var out: [PenjingTownship.Reason] = []
        guard f.villages >= settings.minVillages else { return out }
        if let g = f.gini, g * 100 >= Double(settings.giniPercent) - slack * 100 { out.append(.gini) }
        if let s = f.top10Share, s * 100 >= Double(settings.top10SharePercent) - slack * 100 { out.append(.top10Share) }
        return out
    }

    /// The 盆景 townships among those given (villages grouped by township code), by township code.
    public static func townships(byTownship: [String: [VillageActivity]], settings: EquitySettings = EquitySettings()) -> [PenjingTownship]
    {
        byTownship.keys.sorted().compactMap { code in
            let f = figures(byTownship[code]!)
            let why = reasons(f, settings)
            return why.isEmpty ? nil : PenjingTownship(townshipCode: code, figures: f, reasons: why)
        }
    }
}
