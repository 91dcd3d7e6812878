import Fluent
import SQLKit

/// The portfolio read from indexes alone (bench/loans.sh: three statements over the table were 5× one hand-written
/// aggregate). Each loan keeps the subsidies paid on it, so the per-village figures are one grouped pass over
/// `loans_figures` with no join; the women are counted once over `loans_women`, already in person order, so counting
/// them needs no sort. `loans_figures` begins with `loans_unit`'s columns and replaces it.
struct M0046_LoanFigures: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("loans").field("subsidy_paid_fen", .int64, .required, .sql(.default(0))).update()
        try await db.sql.raw(
            """
            UPDATE loans SET subsidy_paid_fen = (SELECT COALESCE(SUM(s.subsidy_fen), 0) FROM loan_subsidies s
            WHERE s.loan_id = loans.id AND s.status = 'paid')
            """
        ).run()
        try await db.sql.drop(index: "loans_unit").run()
        try await db.sql.create(index: "loans_figures").on("loans")
            .column("unit_code").column("status").column("person_id").column("disbursed_fen").column("outstanding_fen")
            .column("overdue").column("subsidy_paid_fen").run()
        try await db.sql.create(index: "loans_women").on("loans").column("person_id").column("status").column("unit_code").run()
    }

    func revert(on db: any Database) async throws {
        try await db.sql.drop(index: "loans_women").run()
        try await db.sql.drop(index: "loans_figures").run()
        try await db.sql.create(index: "loans_unit").on("loans").column("unit_code").column("status").run()
        try await db.schema("loans").deleteField("subsidy_paid_fen").update()
    }
}
