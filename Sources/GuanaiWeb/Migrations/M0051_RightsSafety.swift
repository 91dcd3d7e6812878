import Fluent
import SQLKit

/// Safety plans of domestic-violence cases (issue 19, item 7): the plan with the case's confidential texts; the expiry
/// of a granted protection order on the summary row, indexed, so the sweep finds the orders about to run out without
/// reading any plan.
struct M0051_RightsSafety: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("rights_case_texts").field("safety", .string).update()
        try await db.schema("rights_cases").field("order_expires_on", .string).update()
        try await db.sql.create(index: "rights_cases_order_expiry").on("rights_cases").column("order_expires_on").run()
    }

    func revert(on db: any Database) async throws {
        try await db.sql.drop(index: "rights_cases_order_expiry").run()
        try await db.schema("rights_cases").deleteField("order_expires_on").update()
        try await db.schema("rights_case_texts").deleteField("safety").update()
    }
}
