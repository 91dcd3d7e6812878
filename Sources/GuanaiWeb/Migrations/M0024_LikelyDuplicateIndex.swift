import Fluent
import SQLKit

/// Likely duplicates are looked up by birth date and pinyin initials, a batch of rows at a time (`ChildCreation`).
struct M0024_LikelyDuplicateIndex: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.sql.create(index: "people_birth_initials").on("people").column("birth_date").column("initials").run()
    }
    func revert(on db: any Database) async throws { try await db.sql.drop(index: "people_birth_initials").run() }
}
