import Fluent
import SQLKit

/// A preview is a job its page polls (issue 15): `watched_until` is the heartbeat each poll moves on, and `preview`
/// what the run reached (running, the finished summary, the file's error, stopped), so polls do not run it again.
struct M0029_IntakePreviewWatch: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("intake_uploads").field("watched_until", .datetime).update()
        try await db.schema("intake_uploads").field("preview", .string).update()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("intake_uploads").deleteField("preview").update()
        try await db.schema("intake_uploads").deleteField("watched_until").update()
    }
}
