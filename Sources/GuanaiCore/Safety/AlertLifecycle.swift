import Foundation

/// What an alert is about. A critical alert is one episode of a child's critical situation; a missed-visit alert is
/// one missed due date of a child below critical.
public enum AlertKind: String, Sendable, Codable, CaseIterable {
    case critical
    case overdueVisit = "overdue_visit"
}

/// open → acknowledged → resolved. A missed-visit alert is resolved by the next visit, acknowledged or not.
public enum AlertStatus: String, Sendable, Codable, CaseIterable {
    case open, acknowledged, resolved

    /// Still somebody's work: in the inbox, on the board, escalating.
    public var isLive: Bool { self != .resolved }
    public static let live: [AlertStatus] = allCases.filter(\.isLive)
}

/// The rules of an alert's life: who may move it where, and what must be on record before it closes.
public enum AlertLifecycle {
    /// Acknowledging ("I have seen it, I am going") moves only an open alert; a second click changes nothing.
    public static func acknowledged(_ status: AlertStatus) -> AlertStatus? {
        status == .open ? .acknowledged : nil
    }

    /// What is on record about a critical alert when someone asks to resolve it.
    public struct Record: Sendable, Equatable {
        public var kind: AlertKind
        public var acknowledged: Bool
        public var visitedSinceRaised: Bool
        public var hasPlan: Bool
        public init(kind: AlertKind, acknowledged: Bool, visitedSinceRaised: Bool, hasPlan: Bool) {
            self.kind = kind
            self.acknowledged = acknowledged
            self.visitedSinceRaised = visitedSinceRaised
            self.hasPlan = hasPlan
        }
    }

    /// Closing a critical episode needs all three: acknowledged, a visit since the alert, and a response plan, and
    /// every closing says how it ended (`note`). Empty when it may close; the problems otherwise, all at once.
    public static func resolveProblems(_ r: Record, note: String) -> [FieldError] {
        var errors: [FieldError] = []
        if blank(note) { errors.append(FieldError(field: "note", key: "field.error.required")) }
        guard r.kind == .critical else { return errors }
        if !r.acknowledged { errors.append(FieldError(field: "note", key: "alert.error.notAcknowledged")) }
        if !r.visitedSinceRaised { errors.append(FieldError(field: "note", key: "alert.error.noVisit")) }
        if !r.hasPlan { errors.append(FieldError(field: "plan", key: "alert.error.noPlan")) }
        return errors
    }

    /// The response plan (应对计划) says who looks after the child now and how: it cannot be blank.
    public static func planProblems(_ plan: String) -> [FieldError] {
        blank(plan) ? [FieldError(field: "plan", key: "field.error.required")] : []
    }

    static func blank(_ s: String) -> Bool { s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
}
