import Foundation

/// The cost of a candidate pair and of leaving a child unpaired: integer metres, so the solver is exact.
public struct PairingCostRules: Sendable, Codable, Equatable {
    /// Used when either side has no GPS point.
    public var sameVillageMetres = 800
    public var sameTownshipMetres = 6_000
    public var elsewhereMetres = 25_000
    /// Each of the child's needs the volunteer's skills meet takes this much off (never below zero).
    public var skillBonusMetres = 1_000
    /// Beyond this distance a pair is not suggested at all.
    public var maxMetres = 30_000
    /// Leaving a child unpaired. Each tier's penalty exceeds the next tier's by more than any pair's cost, so a
    /// higher-tier child is never left for a lower one within reach.
    public var penalty: [RiskTier: Int] = [.critical: 1_000_000, .high: 400_000, .medium: 200_000, .normal: 100_000]

    public init() {}
}

public enum PairingCost {
    public struct Side: Sendable {
        public let unitCode: String
        public let point: GeoPoint?
        public init(unitCode: String, point: GeoPoint?) { self.unitCode = unitCode; self.point = point }
    }

    /// The cost and the reasons (catalogue codes with an argument), or nil when too far to suggest.
    public static func cost(child: Side, needs: [ChildNeed], volunteer: Side, skills: [VolunteerSkill], rules: PairingCostRules) -> (
        cost: Int, reasons: [(code: String, arg: String)]
    )? {
        var reasons: [(String, String)] = []
        var metres: Int
        if let a = child.point, let b = volunteer.point {
            metres = a.metres(to: b)
            reasons.append(("pairing.reason.distance", String(metres)))
        } else if child.unitCode == volunteer.unitCode {
            metres = rules.sameVillageMetres
            reasons.append(("pairing.reason.sameVillage", ""))
        } else if child.unitCode.prefix(9) == volunteer.unitCode.prefix(9) {
            metres = rules.sameTownshipMetres
            reasons.append(("pairing.reason.sameTownship", ""))
        } else {
            metres = rules.elsewhereMetres
            reasons.append(("pairing.reason.elsewhere", ""))
        }
        if metres > rules.maxMetres { return nil }
        let met = needs.filter { n in skills.contains { $0.meets.contains(n) } }
        for n in met { reasons.append(("pairing.reason.skill", n.rawValue)) }
        metres = max(0, metres - met.count * rules.skillBonusMetres)
        return (metres, reasons)
    }
}
