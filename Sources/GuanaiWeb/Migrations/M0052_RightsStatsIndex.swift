import Fluent
import SQLKit

/// The rights stats read each of their three days with everything they count beside it: a province's year is some
/// hundred thousand cases, and a lookup of each row in the table cost more than the counting (bench/rights.sh). Each
/// covering index starts as the M0050 one it replaces, so every query that used the old one can use it.
struct M0052_RightsStatsIndex: AsyncMigration {
    static let indexes: [(old: String, new: String, columns: [String])] = [
        ("rights_cases_received", "rights_cases_received_stats", ["received_on", "unit_code", "category", "channel"]),
        ("rights_cases_accepted", "rights_cases_accepted_stats", ["accepted_on", "unit_code", "outcome_days", "outcome_kind"]),
        ("rights_cases_followup", "rights_cases_followup_stats", ["followup_due_on", "unit_code", "first_followup_on"]),
    ]

    func prepare(on db: any Database) async throws {
        for i in Self.indexes {
            try await Self.create(i.new, i.columns, on: db)
            try await db.sql.drop(index: i.old).run()
        }
    }

    func revert(on db: any Database) async throws {
        for i in Self.indexes {
            try await Self.create(i.old, Array(i.columns.prefix(2)), on: db)
            try await db.sql.drop(index: i.new).run()
        }
    }

    static func create(_ name: String, _ columns: [String], on db: any Database) async throws {
        try await columns.reduce(db.sql.create(index: name).on("rights_cases")) { $0.column($1) }.run()
    }
}
