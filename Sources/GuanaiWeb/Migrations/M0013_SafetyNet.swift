import Fluent
import SQLKit

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
