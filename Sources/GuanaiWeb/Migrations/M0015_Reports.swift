import Fluent
import SQLKit

struct M0015_Reports: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("reports").id()
            .field("child_id", .uuid, .required).field("unit_code", .string, .required)
            .field("reporter", .string, .required).field("reporter_contact", .string, .required).field("reported_at", .datetime, .required)
            .field("seen", .string, .required).field("police_called", .bool, .required).field("police_report_no", .string)
            .field("filed_by", .string, .required).field("filed_at", .datetime, .required).field("status", .string, .required)
            .field("closed_at", .datetime).field("closed_by", .string)
            .create()
        try await db.sql.create(index: "reports_child").on("reports").column("child_id").column("status").run()
        try await db.sql.create(index: "reports_unit").on("reports").column("unit_code").column("status").run()
        try await db.schema("report_steps").id()
            .field("report_id", .uuid, .required).field("step", .string, .required).field("action", .string)
            .field("note", .string, .required).field("done_at", .datetime, .required).field("by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "report_steps_report").on("report_steps").column("report_id").run()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("report_steps").delete()
        try await db.schema("reports").delete()
    }
}
