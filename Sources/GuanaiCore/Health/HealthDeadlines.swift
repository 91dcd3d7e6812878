/// The reminders of a follow-up's awaited step, like `RightsDeadlines`: no reminder before the due day (the partner
/// books the step herself); the day after it the health partner, `escalateAfterDays` after that the health officers.
/// Each once per (follow-up, due day, level); a new step moves the due day and so starts afresh.
public enum HealthDeadlines {
    /// The first day of each level.
    public static func start(_ level: HealthReminderLevel, due: CivilDate, _ s: HealthSettings) -> CivilDate {
        switch level {
        case .late: return due.adding(days: 1)
        case .escalated: return due.adding(days: 1 + s.escalateAfterDays)
        }
    }

    /// The levels whose day has come on `today`, for an open follow-up; the caller skips those already sent.
    public static func levels(status: HealthFollowupStatus, due: CivilDate?, today: CivilDate, _ s: HealthSettings)
        -> [HealthReminderLevel]
    {
        guard status.isOpen, let due else { return [] }
        return HealthReminderLevel.allCases.filter { start($0, due: due, s) <= today }
    }

    /// The next day the sweep should look at the follow-up: the next level's first day after `today`; nil when every
    /// level has come or nothing is awaited.
    public static func nextCheck(status: HealthFollowupStatus, due: CivilDate?, today: CivilDate, _ s: HealthSettings) -> CivilDate? {
        guard status.isOpen, let due else { return nil }
        return HealthReminderLevel.allCases.map { start($0, due: due, s) }.filter { $0 > today }.min()
    }

    /// The check column as a step or a new follow-up sets it: the first level's day (today when that has passed).
    public static func firstCheck(_ at: HealthFollowupPosition, today: CivilDate, _ s: HealthSettings) -> CivilDate? {
        guard at.status.isOpen, let due = at.dueOn else { return nil }
        return max(today, start(.late, due: due, s))
    }

    /// Overdue on `today`: open and past the due day, for the list's `overdue=true` and its order.
    public static func isOverdue(_ at: HealthFollowupPosition, today: CivilDate) -> Bool {
        at.status.isOpen && (at.dueOn.map { $0 < today } ?? false)
    }
}
