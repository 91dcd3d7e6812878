/// When a child is next to be visited. The cadence is by tier (`RiskSettings.cadence`), counted from the last visit
/// or, before the first one, from the day she was registered.
public enum VisitSchedule {
    /// A critical child is visited on the day she became critical at the latest (the alert's day; today when no
    /// alert is open yet), and then daily until there is a response plan, every `criticalWithPlanDays` after.
    public static func nextDue(
        lastVisit: CivilDate?, registered: CivilDate, tier: RiskTier, hasPlan: Bool,
        criticalSince: CivilDate?, today: CivilDate, settings s: RiskSettings
    ) -> CivilDate {
        var due = (lastVisit ?? registered).adding(days: s.cadence(tier, plan: hasPlan))
        if tier == .critical {
            let since = criticalSince ?? today
            if lastVisit.map({ $0 < since }) ?? true { due = min(due, since) }
        }
        return due
    }
}

/// Whether a child is watched by the safety net, and if so her tier, its reasons, the next day time alone changes it,
/// and when she is next to be visited. A child is monitored while she is in a category (listed), or while an alert
/// or a report about her is open.
public enum ChildMonitoring {
    /// The critical alert open for her, if any: the day it was raised and whether a response plan is recorded.
    public struct OpenCritical: Sendable, Equatable {
        public let since: CivilDate
        public let hasPlan: Bool
        public init(since: CivilDate, hasPlan: Bool) {
            self.since = since
            self.hasPlan = hasPlan
        }
    }

    public struct Outcome: Sendable, Equatable {
        public let assessment: RiskAssessment
        public let nextVisitDue: CivilDate
    }

    /// `risk`: what the rules read of her; its `lastContact` is the latest of `lastVisit` and `lastContact` (a day
    /// present at a station, a volunteer's contact), or the registration day when she has had neither. The visit
    /// schedule still counts visits alone. Nil when she is not monitored.
    public static func assess(
        status: ChildStatus, openReport: Bool, open: OpenCritical?, risk: RiskFacts, lastVisit: CivilDate?,
        lastContact: CivilDate? = nil, registered: CivilDate, today: CivilDate, settings s: RiskSettings
    ) -> Outcome? {
        guard status == .active || open != nil || openReport else { return nil }
        var facts = risk
        facts.lastContact = latest(lastVisit, lastContact) ?? registered
        facts.openReport = openReport
        let r = RiskRules.assess(facts, on: today, settings: s)
        let due = VisitSchedule.nextDue(
            lastVisit: lastVisit, registered: registered, tier: r.tier, hasPlan: open?.hasPlan ?? false,
            criticalSince: open?.since, today: today, settings: s)
        return Outcome(assessment: r, nextVisitDue: due)
    }

    /// The later of two days, either of which may be unknown.
    public static func latest(_ a: CivilDate?, _ b: CivilDate?) -> CivilDate? {
        switch (a, b) {
        case (let a?, let b?): max(a, b)
        case (let a?, nil): a
        case (nil, let b): b
        }
    }
}
