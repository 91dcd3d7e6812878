/// Whose 我的提醒 holds which alerts. An inbox is read when it is opened, from the open alerts of the account's
/// jurisdiction that its level handles, so an account created today sees what is open today, and an escalation
/// reaches everyone at that level without being copied to each of them.
public enum InboxRule: String, Sendable, CaseIterable {
    /// Every open alert of the village: the people who can walk there.
    case village
    /// Critical alerts raised in the township and any alert escalated to the township.
    case township
    /// Alerts escalated to the city.
    case city

    /// The rule an account reads by; nil for roles without an inbox (a volunteer's is her desk, partners have none).
    /// The inspector reads the set of its own level and acts on none of it.
    public static func rule(role: Role, level: DivisionLevel) -> InboxRule? {
        switch role {
        case .villageWorker: return level == .village ? .village : nil
        case .townshipStaff: return level == .township ? .township : nil
        case .cityAdmin: return .city
        case .inspector: return level == .township ? .township : .city
        case .volunteer, .partnerHealth, .partnerHR, .partnerJustice: return nil
        }
    }

    public static func readOnly(_ role: Role) -> Bool { role == .inspector }

    /// Whether an alert (inside the jurisdiction) belongs in an inbox of this level.
    public func includes(kind: AlertKind, escalatedTo: [EscalationLevel]) -> Bool {
        switch self {
        case .village: return true
        case .township: return kind == .critical || escalatedTo.contains(.township)
        case .city: return escalatedTo.contains(.city)
        }
    }

    /// Contact reminders of a pair addressed to this level.
    public var reminderLevel: ReminderLevel? {
        switch self {
        case .village: return .village
        case .township: return .township
        case .city: return nil
        }
    }
}
