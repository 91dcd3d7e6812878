import Foundation

public struct RankedUnit: Codable, Sendable, Equatable {
    public let unitCode: String
    public let score: TargetNumber
    /// 1 for the best; units with the same score share a rank and the next rank skips past them (1, 1, 3).
    public let rank: Int
    public init(unitCode: String, score: TargetNumber, rank: Int) {
        self.unitCode = unitCode
        self.score = score
        self.rank = rank
    }

    /// Two places, half up, as `AssessmentScore.display`.
    public var display: String { score.text(places: 2) }
}

public enum AssessmentRanking {
    /// Scores are compared at this many decimals: far below anything shown (two places), so 89.996 ranks above
    /// 89.994 although both show as 90.00, yet past the noise in the 38th digit of a quotient, so ⅓ + ⅔ of a weight ties
    /// with ½ + ½ of it.
    public static let comparedPlaces = 10

    /// Highest score first, then by unit code; competition ranking (1, 1, 3) on the scores at `comparedPlaces`.
    public static func rank(_ scores: [(unitCode: String, score: TargetNumber)]) -> [RankedUnit] {
        let keyed = scores.map { (unitCode: $0.unitCode, score: $0.score, key: $0.score.rounding(comparedPlaces)) }
        let ordered = keyed.sorted { a, b in a.key != b.key ? a.key > b.key : a.unitCode < b.unitCode }
        var out: [RankedUnit] = []
        for (i, u) in ordered.enumerated() {
            let rank = i > 0 && ordered[i - 1].key == u.key ? out[i - 1].rank : i + 1
            out.append(RankedUnit(unitCode: u.unitCode, score: u.score, rank: rank))
        }
        return out
    }
}
