import Fluent
import SQLKit

/// The mandatory child report a domestic-violence case offers (issue 19, item 7): each decision about a child of the
/// household, filed (with the safety net's report it made) or declined (with why), so the offer is never silently
/// passed over. Kept apart from the summary: the reason is confidential.
struct M0053_RightsChildReports: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("rights_child_reports")
            .id()
            .field("case_id", .uuid, .required)
            .field("child_id", .uuid, .required)
            .field("report_id", .uuid)
            .field("declined", .bool, .required)
            .field("reason", .string)
            .field("by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "rights_child_reports_case").on("rights_child_reports").column("case_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("rights_child_reports").delete()
    }
}
