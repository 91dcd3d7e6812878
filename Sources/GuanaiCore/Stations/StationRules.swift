/// The stations' numbers a city admin may change: how far back a roster may still be filled, how far a station
/// reaches, and the weights siting gives the uncovered children by risk tier. Stored with the other rules.
public struct StationRules: NumberSettings {
    public static let storageKey = "stations.rules"
    public static var fields: [(name: String, keyPath: WritableKeyPath<StationRules, Int>, range: ClosedRange<Int>)] {
        [
            ("rosterDays", \.rosterDays, 0...31), ("reachMetres", \.reachMetres, 100...20_000),
            ("criticalWeight", \.criticalWeight, 1...100), ("highWeight", \.highWeight, 1...100),
            ("mediumWeight", \.mediumWeight, 1...100), ("normalWeight", \.normalWeight, 1...100),
        ]
    }

    /// A riskier child never weighs less than a safer one: siting would otherwise prefer the safe.
    public func problemsAcrossFields() -> [FieldError] {
        criticalWeight >= highWeight && highWeight >= mediumWeight && mediumWeight >= normalWeight
            ? [] : [FieldError(field: "highWeight", key: "stations.error.weightOrder")]
    }

    public var rosterDays: Int
    public var reachMetres: Int
    public var criticalWeight: Int
    public var highWeight: Int
    public var mediumWeight: Int
    public var normalWeight: Int

    public init() { self.init(rosterDays: 7) }

    public init(
        rosterDays: Int = 7, reachMetres: Int = Reach.defaultMetres, criticalWeight: Int = 8, highWeight: Int = 4, mediumWeight: Int = 2,
        normalWeight: Int = 1
    ) {
        self.rosterDays = rosterDays
        self.reachMetres = reachMetres
        self.criticalWeight = criticalWeight
        self.highWeight = highWeight
        self.mediumWeight = mediumWeight
        self.normalWeight = normalWeight
    }

    public var roster: RosterRules { RosterRules(maxAgeDays: rosterDays) }
}

extension StationRules {
    public func weight(_ tier: RiskTier) -> Int {
        switch tier {
        case .critical: criticalWeight
        case .high: highWeight
        case .medium: mediumWeight
        case .normal: normalWeight
        }
    }
}
