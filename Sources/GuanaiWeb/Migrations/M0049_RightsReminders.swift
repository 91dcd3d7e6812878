import Fluent
import SQLKit

/// Rights deadlines (issue 19, item 6). Reminders may be addressed to accounts by name (a case's mediators, the rights
/// officers) as well as to roles: `usernames` holds them as `,a,b,`. `rights_cases.check_on` is the next day the sweep
/// should look at a case (indexed, as `loans.overdue_check_on`).
struct M0049_RightsReminders: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("reminders").field("usernames", .string, .required, .sql(.default(""))).update()
        try await db.schema("rights_cases").field("check_on", .string).update()
        try await db.sql.create(index: "rights_cases_check").on("rights_cases").column("check_on").run()
    }

    func revert(on db: any Database) async throws {
        try await db.sql.drop(index: "rights_cases_check").run()
        try await db.schema("rights_cases").deleteField("check_on").update()
        try await db.schema("reminders").deleteField("usernames").update()
    }
}
