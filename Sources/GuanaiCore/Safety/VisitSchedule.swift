/// When a child is next to be visited. The cadence is by tier (`RiskSettings.cadence`), counted from the last visit
/// or, before the first one, from the day she was registered.
public enum VisitSchedule {
    /// A critical child is visited on the day she became critical at the latest (the alert's day; today when no
    /// alert is open yet), and then daily until there is a response plan, every `criticalWithPlanDays` after.
    public static func nextDue(lastVisit: CivilDate?, registered: CivilDate, tier: RiskTier, hasPlan: Bool,
                               criticalSince: CivilDate?, today: CivilDate, settings s: RiskSettings) -> CivilDate {
        var due = (lastVisit ?? registered).adding(days: s.cadence(tier, plan: hasPlan))
        if tier == .critical {
            let since = criticalSince ?? today
            if lastVisit.map({ $0 < since }) ?? true { due = min(due, since) }
        }
        return due
    }
}
