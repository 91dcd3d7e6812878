/// An approved assessment (审定): the unit's results for that period are final.
public struct AssessmentApproval: Codable, Sendable, Hashable {
    public let unitCode: String
    public let period: IndicatorPeriod
    public init(unitCode: String, period: IndicatorPeriod) {
        self.unitCode = unitCode
        self.period = period
    }
}

/// What approvals lock: a unit's figures and targets for a period, and a year's scheme.
public struct AssessmentLock: Sendable, Equatable {
    public let approvals: [AssessmentApproval]
    public init(approvals: [AssessmentApproval]) { self.approvals = approvals }

    /// True when the unit has an approval whose period contains `period`: an approved year locks its quarters and months,
    /// a quarter its months. Only that unit: a township's approval leaves its villages open, and a village's leaves the
    /// township open. A month's approval does not lock its quarter or year (they may still change through other months).
    public func isLocked(unit: String, period: IndicatorPeriod) -> Bool {
        approvals.contains { $0.unitCode == unit && $0.period.contains(period) }
    }

    /// A year's scheme is locked once any unit has an approval of a period in that year: changing weights after one unit
    /// was scored would score the others by other rules.
    public static func schemeLocked(year: Int, approvals: [AssessmentApproval]) -> Bool {
        approvals.contains { $0.period.year == year }
    }

    /// The approvals without `approval` (every copy of it: the same unit and period is one approval however often it was
    /// stored). Others stay, so reopening a month under an approved year leaves the month locked by the year.
    public static func reopen(_ approval: AssessmentApproval, in approvals: [AssessmentApproval]) -> [AssessmentApproval] {
        approvals.filter { $0 != approval }
    }
}
