import Foundation

/// Bonus points awarded to a unit, as the form sends them.
public struct AssessmentAwardInput: Codable, Sendable, Equatable {
    public var code: String?
    public var points: String?
    public init(code: String? = nil, points: String? = nil) {
        self.code = code
        self.points = points
    }
}

public struct AssessmentAward: Codable, Sendable, Equatable {
    public let code: String
    public let points: TargetNumber
    public init(code: String, points: TargetNumber) {
        self.code = code
        self.points = points
    }
}

/// One unit's score under a scheme: each item's ratio and points, the bonus, and the items left out.
public struct AssessmentScore: Codable, Sendable, Equatable {
    public struct Item: Codable, Sendable, Equatable {
        public let indicator: String
        public let weight: TargetNumber
        public let target: TargetNumber
        public let actual: TargetNumber
        /// `actual / target`, before the cap.
        public let ratio: TargetNumber
        public let capped: Bool
        /// `weight × min(ratio, cap)`.
        public let points: TargetNumber
    }

    /// Why an item has no points: no target for the unit (none set, or 0), or no figure to set against it (a rate over
    /// nobody). Either way its weight is out of `scoredWeight` and out of the total, rather than a 0 the unit cannot help.
    public enum UnscoredReason: String, Codable, Sendable, CaseIterable {
        case noTarget = "no_target"
        case noActual = "no_actual"
    }

    public struct Unscored: Codable, Sendable, Equatable {
        public let indicator: String
        public let reason: UnscoredReason
    }

    /// In the scheme's order.
    public let items: [Item]
    public let unscored: [Unscored]
    /// The awards counted, in the scheme's order of bonus items.
    public let bonus: [AssessmentAward]
    /// The weights of the items scored: the most the items could give without overshooting.
    public let scoredWeight: TargetNumber
    /// Exact (Decimal's 38 digits): what ranks.
    public let total: TargetNumber

    /// Two places, half up: what a page and a sheet show. Never what ranks (`AssessmentRanking` reads `total`).
    public var display: String { total.text(places: 2) }
}

extension AssessmentScheme {
    /// The awards as typed: a bonus item of the scheme (`field.error.choice`), each once (`targets.error.duplicate`), and
    /// points of 0 or more with two decimals at most, not above the item's max (`awards[i].points`,
    /// `targets.error.bonusOver` with the max as argument).
    public func checkAwards(_ input: [AssessmentAwardInput], _ c: inout FormChecker) -> [AssessmentAward]? {
        let before = c.errors.count
        var out: [AssessmentAward] = [], seen: Set<String> = []
        for (i, raw) in input.enumerated() {
            let f = "awards[\(i)]"
            var item: Bonus? = nil
            if let code = c.required(raw.code, f + ".code") {
                item = bonus.first { $0.code == code }
                if item == nil {
                    c.errors.append(FieldError(field: f + ".code", key: "field.error.choice"))
                } else if !seen.insert(code).inserted {
                    c.errors.append(FieldError(field: f + ".code", key: "targets.error.duplicate"))
                }
            }
            guard let points = c.targetNumber(raw.points, f + ".points", places: 2) else { continue }
            if let item, points > item.max {
                c.errors.append(FieldError(field: f + ".points", key: "targets.error.bonusOver", args: [item.max.description]))
            } else if let item {
                out.append(AssessmentAward(code: item.code, points: points))
            }
        }
        return c.errors.count == before ? out : nil
    }

    /// A unit's score: Σ weight × min(actual / target, cap) over the items it has a target above 0 and an actual for,
    /// plus its awards. Targets and actuals are by indicator code; a count with nothing done is an actual of 0, given
    /// by the caller, and scores 0 points. Awards should have passed `checkAwards`; one for a bonus item the scheme
    /// lacks is left out, and one above its max counts for the max, so a stale award never lifts a score.
    public func score(targets: [String: TargetNumber], actuals: [String: TargetNumber], awards: [AssessmentAward]) -> AssessmentScore {
        var scored: [AssessmentScore.Item] = [], unscored: [AssessmentScore.Unscored] = []
        var total = Decimal(0), weights = Decimal(0)
        for item in items {
            guard let target = targets[item.indicator], target.value > 0 else {
                unscored.append(.init(indicator: item.indicator, reason: .noTarget))
                continue
            }
            guard let actual = actuals[item.indicator] else {
                unscored.append(.init(indicator: item.indicator, reason: .noActual))
                continue
            }
            let ratio = actual.value / target.value
            let counted = min(ratio, item.cap.value)
            let points = item.weight.value * counted
            scored.append(
                .init(
                    indicator: item.indicator, weight: item.weight, target: target, actual: actual, ratio: TargetNumber(ratio),
                    capped: ratio > item.cap.value, points: TargetNumber(points)))
            total += points
            weights += item.weight.value
        }
        var counted: [AssessmentAward] = []
        for b in bonus {
            guard let award = awards.first(where: { $0.code == b.code }) else { continue }
            let points = min(award.points, b.max)
            counted.append(AssessmentAward(code: b.code, points: points))
            total += points.value
        }
        return AssessmentScore(
            items: scored, unscored: unscored, bonus: counted, scoredWeight: TargetNumber(weights), total: TargetNumber(total))
    }
}
