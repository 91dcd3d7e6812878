import Foundation

/// A township's target handed down to its villages (目标分解): do the villages' targets add back up to the township's?
public enum TargetCascade {
    /// How far apart a rate's villages and township may be before the page points at it: half of the fourth decimal,
    /// so targets that agree to the 0.001 a rate is usually set to pass, and one a typo away does not.
    public static let rateTolerance = Decimal(string: "0.0005")!

    /// One unit's target. A rate also carries its denominator (the women to screen, the children to reach): the weight it
    /// has when the villages' rates are combined. Counts ignore it.
    public struct Value: Sendable, Codable, Equatable {
        public let target: TargetNumber
        public let denominator: Int
        public init(_ target: TargetNumber, denominator: Int = 0) {
            self.target = target
            self.denominator = denominator
        }
    }

    public struct Check: Sendable, Codable, Equatable {
        /// The villages' targets combined: their sum for a count, their weighted mean for a rate (nil for a rate with no
        /// village: there is nothing to average).
        public let subSum: TargetNumber?
        public let parent: TargetNumber?
        /// `subSum − parent`: negative when the villages were given less than the township; nil without both.
        public let difference: TargetNumber?
        public let flagged: Bool
    }

    /// Counts add; rates average weighted by their denominators, Σ rate × denominator / Σ denominator, or plainly
    /// (Σ rate / n) when every denominator is 0, since then no village weighs more than another. A count is flagged on
    /// any difference, a rate on one beyond `rateTolerance`. The comparison is made before the division, as
    /// |Σ rate × denominator − parent × Σ denominator| > tolerance × Σ denominator, so the quotient's last digit never
    /// decides. No parent: never flagged. A parent with no village's target is flagged (nothing was handed down yet),
    /// for a count because 0 differs from it, for a rate by this rule. A negative denominator counts as 0.
    public static func check(parent: Value?, children: [Value], kind: TargetKind) -> Check {
        let p = parent?.target.value
        switch kind {
        case .count:
            let sum = children.reduce(Decimal(0)) { $0 + $1.target.value }
            return Check(
                subSum: TargetNumber(sum), parent: p.map(TargetNumber.init), difference: p.map { TargetNumber(sum - $0) },
                flagged: p.map { sum != $0 } ?? false)
        case .rate:
            guard !children.isEmpty else { return Check(subSum: nil, parent: p.map(TargetNumber.init), difference: nil, flagged: p != nil) }
            var weighted = Decimal(0), weights = Decimal(0)
            for child in children where child.denominator > 0 {
                weighted += child.target.value * Decimal(child.denominator)
                weights += Decimal(child.denominator)
            }
            if weights == 0 {
                weighted = children.reduce(Decimal(0)) { $0 + $1.target.value }
                weights = Decimal(children.count)
            }
            let mean = weighted / weights
            guard let p else { return Check(subSum: TargetNumber(mean), parent: nil, difference: nil, flagged: false) }
            let gap = weighted - p * weights
            return Check(
                subSum: TargetNumber(mean), parent: TargetNumber(p), difference: TargetNumber(mean - p),
                flagged: (gap < 0 ? -gap : gap) > rateTolerance * weights)
        }
    }
}
