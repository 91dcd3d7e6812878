import Fluent
import SQLKit

/// Rights stats (issue 19, item 9) as sums over the summary table alone: each case keeps its days from acceptance to
/// outcome and the day of its first 回访, so the median is a histogram and "on time" a comparison, both engines alike.
/// Periods are read by the received and accepted days within a unit.
struct M0050_RightsStats: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("rights_cases").field("outcome_days", .int).update()
        try await db.schema("rights_cases").field("first_followup_on", .string).update()
        try await db.sql.create(index: "rights_cases_received").on("rights_cases").column("received_on").column("unit_code").run()
        try await db.sql.create(index: "rights_cases_accepted").on("rights_cases").column("accepted_on").column("unit_code").run()
        try await db.sql.create(index: "rights_cases_followup").on("rights_cases").column("followup_due_on").column("unit_code").run()
    }

    func revert(on db: any Database) async throws {
        for i in ["rights_cases_followup", "rights_cases_accepted", "rights_cases_received"] { try await db.sql.drop(index: i).run() }
        try await db.schema("rights_cases").deleteField("first_followup_on").update()
        try await db.schema("rights_cases").deleteField("outcome_days").update()
    }
}
