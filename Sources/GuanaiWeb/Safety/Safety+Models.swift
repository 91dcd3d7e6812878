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

enum VisitMode: String, CaseIterable, Sendable { case home, phone, video, station }

/// The short checklist of a visit, in the order it is asked.
enum VisitCheck: String, CaseIterable, Sendable { case food, warmth, homeSafety = "home_safety", guardianHealth = "guardian_health", school, mood }

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

struct M0013_SafetyNet: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // One column per ALTER: SQLite cannot add two in one statement.
        for name in ["risk_tier", "risk_reasons", "risk_review", "next_visit_due", "last_visit_on"] {
            try await db.schema("children").field(.string(name), .string).update()
        }
        try await db.schema("children").field("open_report", .bool, .required, .sql(.default(false))).update()
        // 0 none, 1 escalated to the township, 2 to the city: the sweep reads only children not yet at the step due.
        try await db.schema("children").field("overdue_step", .int, .required, .sql(.default(0))).update()
        try await db.sql.create(index: "children_risk_review").on("children").column("risk_review").run()
        try await db.sql.create(index: "children_overdue").on("children").column("overdue_step").column("next_visit_due").run()
        try await db.sql.create(index: "children_tier").on("children").column("risk_tier").column("unit_code").run()

        try await db.schema("visits").id()
            .field("child_id", .uuid, .required).field("unit_code", .string, .required).field("visited_on", .string, .required)
            .field("mode", .string, .required).field("checklist", .string, .required).field("notes", .string, .required)
            .field("by_user", .uuid).field("by_name", .string, .required).field("created_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "visits_child").on("visits").column("child_id").column("visited_on").run()
        try await db.sql.create(index: "visits_unit").on("visits").column("unit_code").column("visited_on").run()

        try await db.schema("alerts").id()
            .field("child_id", .uuid, .required).field("unit_code", .string, .required).field("kind", .string, .required)
            .field("episode", .string, .required).field("level", .string, .required).field("status", .string, .required)
            .field("reasons", .string, .required).field("created_at", .datetime, .required)
            .field("acknowledged_at", .datetime).field("acknowledged_by", .string)
            .field("plan", .string).field("plan_at", .datetime).field("plan_by", .string)
            .field("resolved_at", .datetime).field("resolved_by", .string).field("resolution", .string)
            .field("escalated_to", .string, .required)
            .unique(on: "child_id", "kind", "episode")
            .create()
        try await db.sql.create(index: "alerts_open").on("alerts").column("status").column("created_at").run()

        try await db.schema("alert_deliveries").id()
            .field("alert_id", .uuid, .required).field("user_id", .uuid, .required).field("reason", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "alert_id", "user_id")
            .create()
        try await db.sql.create(index: "alert_deliveries_user").on("alert_deliveries").column("user_id").column("created_at").run()

        try await db.schema("alert_escalations").id()
            .field("alert_id", .uuid, .required).field("step", .string, .required).field("to_level", .string, .required)
            .field("at", .datetime, .required)
            .unique(on: "alert_id", "step")
            .create()
    }

    func revert(on db: any Database) async throws {
        for t in ["alert_escalations", "alert_deliveries", "alerts", "visits"] { try await db.schema(t).delete() }
    }
}
