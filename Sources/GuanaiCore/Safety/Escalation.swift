import Foundation

/// Where an alert goes above the village, and who is told there.
public enum EscalationLevel: String, Sendable, Codable, CaseIterable {
    case township, city

    /// The accounts an escalation to this level reaches (inside the child's part of the county).
    public var recipients: [Role] { self == .city ? [.cityAdmin] : [.townshipStaff] }
}

/// Each step an alert takes upward, once (the unique (alert, step) key holds it across sweeps and sweepers).
///
/// - A critical alert nobody acknowledged within `acknowledgeHours` (2) goes to the city.
/// - A critical alert still without a visit `firstVisitHours` (24) after it was raised goes to the city again,
///   acknowledged or not.
/// - A child below critical whose visit is `overdueTownshipDays` (3) late gets a missed-visit alert, sent to the
///   township; `overdueCityDays` (7) late, to the city.
public enum EscalationStep: String, Sendable, Codable, CaseIterable {
    case acknowledgeTimeout = "acknowledge_timeout"
    case noVisit = "no_visit"
    case overdueTownship = "overdue_township"
    case overdueCity = "overdue_city"

    public var kind: AlertKind {
        switch self {
        case .acknowledgeTimeout, .noVisit: return .critical
        case .overdueTownship, .overdueCity: return .overdueVisit
        }
    }

    public var level: EscalationLevel {
        switch self {
        case .overdueTownship: return .township
        case .acknowledgeTimeout, .noVisit, .overdueCity: return .city
        }
    }

    /// The statuses of a critical alert still waiting for this step: acknowledging stops the first, only a visit
    /// (or the end of the episode) stops the second.
    public var waitingStatuses: [AlertStatus] {
        self == .acknowledgeTimeout ? [.open] : AlertStatus.live
    }

    /// Whether a visit recorded since the alert was raised stops this step.
    public var stoppedByVisit: Bool { self == .noVisit }

    /// A critical step is due for alerts raised at or before this instant.
    public func raisedAtOrBefore(_ now: Date, settings s: RiskSettings) -> Date? {
        switch self {
        case .acknowledgeTimeout: return now.addingTimeInterval(-Double(s.acknowledgeHours) * 3600)
        case .noVisit: return now.addingTimeInterval(-Double(s.firstVisitHours) * 3600)
        case .overdueTownship, .overdueCity: return nil
        }
    }

    /// An overdue step's place in a child's `overdue_step` marker: 0 waits for the township, 1 for the city.
    public var overdueIndex: Int? {
        switch self {
        case .overdueTownship: return 0
        case .overdueCity: return 1
        case .acknowledgeTimeout, .noVisit: return nil
        }
    }

    /// An overdue step is due for children whose visit was due on or before this day.
    public func dueOnOrBefore(_ today: CivilDate, settings s: RiskSettings) -> CivilDate? {
        switch self {
        case .overdueTownship: return today.adding(days: -s.overdueTownshipDays)
        case .overdueCity: return today.adding(days: -s.overdueCityDays)
        case .acknowledgeTimeout, .noVisit: return nil
        }
    }

    public static let critical: [EscalationStep] = allCases.filter { $0.kind == .critical }
    public static let overdue: [EscalationStep] = allCases.filter { $0.kind == .overdueVisit }
}

/// Who hears of an alert first, and which accounts of a role are "the people who can go there".
public enum Escalation {
    /// A critical alert goes at once to the village's workers and the township's staff; a missed visit to the
    /// village workers only, until it escalates.
    public static func firstRecipients(_ kind: AlertKind) -> [Role] {
        kind == .critical ? [.villageWorker, .townshipStaff] : [.villageWorker]
    }

    /// Whether an account of `role` sitting at `account` is told of an alert about a child of `child`: her
    /// jurisdiction holds the child, and a village worker must be of that village, township staff sit at a township.
    public static func reaches(role: Role, account: DivisionCode, child: DivisionCode) -> Bool {
        guard Jurisdiction(root: account).contains(child) else { return false }
        switch role {
        case .villageWorker: return account == child
        case .townshipStaff: return account.level == .township
        default: return true
        }
    }
}
