import Fluent
import SQLKit

/// Counts and coverage count the women of an age in a unit (`Scoped.healthCoverage`): a province holds millions of
/// people, and reading each row to test sex, age, hukou and life costs more than the counting (bench/health.sh). This
/// index holds every column that query reads of a person, women first.
struct M0057_HealthWomenIndex: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.sql.create(index: "people_health").on("people").column("sex").column("unit_code").column("birth_date")
            .column("hukou").column("vital_status").column("id").run()
    }

    func revert(on db: any Database) async throws { try await db.sql.drop(index: "people_health").run() }
}
