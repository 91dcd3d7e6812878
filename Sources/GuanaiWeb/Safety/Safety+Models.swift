import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// A home visit (走访) or other contact with a child.
final class Visit: Model, @unchecked Sendable {
    static let schema = "visits"
    @ID(key: .id) var id: UUID?
    @Field(key: "child_id") var childID: UUID
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "visited_on") var visitedOn: String
    @Field(key: "mode") var mode: String
    /// JSON `{"food": "ok"|"concern", …}` over `VisitCheck`.
    @Field(key: "checklist") var checklist: String
    @Field(key: "notes") var notes: String
    @Field(key: "by_user") var byUser: UUID?
    @Field(key: "by_name") var byName: String
    @Field(key: "created_at") var createdAt: Date
    /// How many photos the visit has (`visit_photos`), so lists link to them without reading the images.
    @Field(key: "photos") var photos: Int
    init() { photos = 0 }

    var checks: [String: String] { (try? JSONDecoder().decode([String: String].self, from: Data(checklist.utf8))) ?? [:] }
}

/// An alert: a child who became critical (one per episode), or a visit overdue (one per due date).
final class Alert: Model, @unchecked Sendable {
    static let schema = "alerts"
    @ID(key: .id) var id: UUID?
    @Field(key: "child_id") var childID: UUID
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "kind") var kind: AlertKind
    /// The episode number for `critical`, the missed due date for `overdue_visit`; unique per child and kind, so a
    /// second sweep or a concurrent change cannot open the same alert twice.
    @Field(key: "episode") var episode: String
    @Field(key: "level") var level: String
    @Field(key: "status") var status: AlertStatus
    @Field(key: "reasons") var reasons: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "acknowledged_at") var acknowledgedAt: Date?
    @OptionalField(key: "acknowledged_by") var acknowledgedBy: String?
    @OptionalField(key: "plan") var plan: String?
    @OptionalField(key: "plan_at") var planAt: Date?
    @OptionalField(key: "plan_by") var planBy: String?
    @OptionalField(key: "resolved_at") var resolvedAt: Date?
    @OptionalField(key: "resolved_by") var resolvedBy: String?
    @OptionalField(key: "resolution") var resolution: String?
    /// `township`, `city`: where it has been escalated so far (comma-separated, in order).
    @Field(key: "escalated_to") var escalatedTo: String
    init() {}

    var isOpen: Bool { status.isLive }
    var reasonList: [Reason] { (try? JSONDecoder().decode([Reason].self, from: Data(reasons.utf8))) ?? [] }
    var escalations: [EscalationLevel] { escalatedTo.split(separator: ",").compactMap { EscalationLevel(rawValue: String($0)) } }
}

/// One alert in one person's inbox.
final class AlertDelivery: Model, @unchecked Sendable {
    static let schema = "alert_deliveries"
    @ID(key: .id) var id: UUID?
    @Field(key: "alert_id") var alertID: UUID
    @Field(key: "user_id") var userID: UUID
    /// `assigned` (the child's village and township) or `escalated`.
    @Field(key: "reason") var reason: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// One escalation step of one alert; unique, so it happens once whatever the number of sweeps or sweepers.
final class AlertEscalation: Model, @unchecked Sendable {
    static let schema = "alert_escalations"
    @ID(key: .id) var id: UUID?
    @Field(key: "alert_id") var alertID: UUID
    /// `acknowledge_timeout`, `no_visit`, `overdue_township`, `overdue_city`.
    @Field(key: "step") var step: String
    @Field(key: "to_level") var toLevel: String
    @Field(key: "at") var at: Date
    init() {}
}

/// The foreign keys, typed: the columns stay `UUID` (no schema change); code between reads and sets these.
extension Visit {
    var child: ChildID {
        get { ChildID(childID) }
        set { childID = newValue.uuid }
    }
    var visitor: UserID? {
        get { byUser.map(UserID.init) }
        set { byUser = newValue?.uuid }
    }
}

extension Alert {
    var child: ChildID {
        get { ChildID(childID) }
        set { childID = newValue.uuid }
    }
}

extension AlertDelivery {
    var alert: AlertID {
        get { AlertID(alertID) }
        set { alertID = newValue.uuid }
    }
    var user: UserID {
        get { UserID(userID) }
        set { userID = newValue.uuid }
    }
}

extension AlertEscalation {
    var alert: AlertID {
        get { AlertID(alertID) }
        set { alertID = newValue.uuid }
    }
}
