/// What a case's deadline is for: an outcome of the mediation, or the 回访 of an agreement.
public enum RightsDeadlineKind: String, Sendable, Codable, CaseIterable {
    case mediation, followup
}

/// Each step of a deadline's reminders, once per (case, due day, level): the mediators a few days before, the
/// township federation once it is overdue, the rights officers when it stays overdue.
public enum RightsReminderLevel: String, Sendable, Codable, CaseIterable {
    case mediationSoon = "mediation_soon"
    case mediationOverdue = "mediation_overdue"
    case mediationEscalated = "mediation_escalated"
    case followupSoon = "followup_soon"
    case followupOverdue = "followup_overdue"
    case followupEscalated = "followup_escalated"
    /// A granted protection order about to run out: the mediators, `protectionOrderWarnDays` before (item 7).
    case protectionOrderExpiry = "protection_order_expiry"

    public enum Stage: Sendable, Equatable, CaseIterable {
        /// To the case's mediators (its assigned accounts when none is named yet).
        case soon
        /// To the township staff of the case's township.
        case overdue
        /// To the rights officers.
        case escalated
    }

    public init(_ kind: RightsDeadlineKind, _ stage: Stage) {
        switch (kind, stage) {
        case (.mediation, .soon): self = .mediationSoon
        case (.mediation, .overdue): self = .mediationOverdue
        case (.mediation, .escalated): self = .mediationEscalated
        case (.followup, .soon): self = .followupSoon
        case (.followup, .overdue): self = .followupOverdue
        case (.followup, .escalated): self = .followupEscalated
        }
    }

    public var stage: Stage {
        switch self {
        case .mediationSoon, .followupSoon, .protectionOrderExpiry: return .soon
        case .mediationOverdue, .followupOverdue: return .overdue
        case .mediationEscalated, .followupEscalated: return .escalated
        }
    }
}

public enum RightsDeadlines {
    /// The deadline a case is working to now: an outcome while accepted or mediating, the 回访 while agreed.
    public static func current(status: RightsStatus, deadlineOn: CivilDate?, followupDueOn: CivilDate?)
        -> (kind: RightsDeadlineKind, due: CivilDate)?
    {
        switch status {
        case .accepted, .mediating: return deadlineOn.map { (.mediation, $0) }
        case .agreed: return followupDueOn.map { (.followup, $0) }
        default: return nil
        }
    }

    /// The first day of each stage: `remindBeforeDays` before the due day, the day after it, `escalateAfterDays`
    /// after it.
    public static func start(_ stage: RightsReminderLevel.Stage, due: CivilDate, _ s: RightsSettings) -> CivilDate {
        switch stage {
        case .soon: return due.adding(days: -s.remindBeforeDays)
        case .overdue: return due.adding(days: 1)
        case .escalated: return due.adding(days: max(1, s.escalateAfterDays))
        }
    }

    /// The stages whose day has come on `today`. A "due soon" is not sent once the day has passed: the overdue one
    /// says more. Each is sent once; the caller skips those already sent.
    public static func stages(due: CivilDate, today: CivilDate, _ s: RightsSettings) -> [RightsReminderLevel.Stage] {
        RightsReminderLevel.Stage.allCases.filter { stage in
            start(stage, due: due, s) <= today && !(stage == .soon && today > due)
        }
    }

    /// The next day the sweep should look at the case: the next stage's first day after `today`; nil when every stage
    /// has come.
    public static func nextCheck(due: CivilDate, today: CivilDate, _ s: RightsSettings) -> CivilDate? {
        RightsReminderLevel.Stage.allCases.map { start($0, due: due, s) }.filter { $0 > today }.min()
    }

    /// The day the sweep first looks at a case: its earliest stage's first day (today when that has passed).
    public static func firstCheck(due: CivilDate, today: CivilDate, _ s: RightsSettings) -> CivilDate {
        max(today, start(.soon, due: due, s))
    }
}
