/// A unit's rights figures over a period (issue 19, item 9). Only counts: never a name or a word of a case.
public struct RightsFigures: Sendable, Equatable, AdditiveFigures {
    /// Cases received in the period.
    public var cases = 0
    /// Cases accepted for mediation in the period.
    public var accepted = 0
    /// Of those, the ones that reached an oral or written agreement.
    public var resolved = 0
    /// Agreements whose 回访 fell due in the period (by its end), and those visited by the due day.
    public var followupsDue = 0
    public var followupsOnTime = 0
    public init() {}
    public init(cases: Int, accepted: Int, resolved: Int, followupsDue: Int, followupsOnTime: Int) {
        (self.cases, self.accepted, self.resolved, self.followupsDue, self.followupsOnTime) = (
            cases, accepted, resolved, followupsDue, followupsOnTime
        )
    }

    public static func + (a: Self, b: Self) -> Self {
        RightsFigures(
            cases: a.cases + b.cases, accepted: a.accepted + b.accepted, resolved: a.resolved + b.resolved,
            followupsDue: a.followupsDue + b.followupsDue, followupsOnTime: a.followupsOnTime + b.followupsOnTime)
    }

    /// Resolved over accepted, four places; nil when nothing was accepted.
    public var resolutionRate: String? { DivisionRollup.rate(Int64(resolved), Int64(accepted)) }
    /// 回访 done by the due day over those due; nil when none fell due.
    public var followupRate: String? { DivisionRollup.rate(Int64(followupsOnTime), Int64(followupsDue)) }
}

public enum RightsStats {
    /// Agreements, for `resolved`.
    public static let agreements: [RightsOutcomeKind] = [.oralAgreement, .writtenAgreement]

    /// The median of days from acceptance to outcome, from a histogram (days → cases); the mean of the two middle
    /// values when the count is even; nil when no case has an outcome.
    public static func median(_ histogram: [Int: Int]) -> Double? {
        let total = histogram.values.reduce(0, +)
        guard total > 0 else { return nil }
        let sorted = histogram.keys.sorted()
        func value(at index: Int) -> Int {
            var seen = 0
            for d in sorted {
                seen += histogram[d]!
                if index < seen { return d }
            }
            return sorted.last!
        }
        if total % 2 == 1 { return Double(value(at: total / 2)) }
        return Double(value(at: total / 2 - 1) + value(at: total / 2)) / 2
    }
}
