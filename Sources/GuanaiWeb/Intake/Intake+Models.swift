import Fluent
import SQLKit
import Vapor

/// An uploaded ledger between its three steps (upload → preview and mapping → confirm), kept in the database so any
/// instance serves the next step. The file's bytes are dropped once it is imported; the report and the rejected rows
/// stay for download.
final class IntakeUpload: Model, @unchecked Sendable {
    static let schema = "intake_uploads"
    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "file_name") var fileName: String
    @OptionalField(key: "sheet") var sheet: String?
    /// JSON `{header text or column letter: schema key}`: the manual corrections to the column mapping.
    @Field(key: "overrides") var overrides: String
    @OptionalField(key: "bytes") var bytes: Data?
    /// uploaded → committing → committed
    @Field(key: "status") var status: String
    @OptionalField(key: "report") var report: String?
    @OptionalField(key: "rejected") var rejected: Data?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "committed_at") var committedAt: Date?
    /// The lease of the import running on this upload (preview or commit), and its holder; nil = none running.
    @OptionalField(key: "claimed_until") var claimedUntil: Date?
    @OptionalField(key: "claimed_by") var claimedBy: String?
    init() {}

    var overrideMap: [String: String] { (try? JSONDecoder().decode([String: String].self, from: Data(overrides.utf8))) ?? [:] }
    var intakeKind: IntakeKind { IntakeKind(rawValue: kind) ?? .children }
}

struct M0019_IntakeUploads: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("intake_uploads")
            .id()
            .field("user_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("unit_code", .string, .required)
            .field("file_name", .string, .required)
            .field("sheet", .string)
            .field("overrides", .string, .required)
            .field("bytes", .data)
            .field("status", .string, .required)
            .field("report", .string)
            .field("rejected", .data)
            .field("created_at", .datetime, .required)
            .field("committed_at", .datetime)
            .create()
        try await db.sql.create(index: "intake_uploads_user").on("intake_uploads").column("user_id").column("created_at").run()
    }
    func revert(on db: any Database) async throws { try await db.schema("intake_uploads").delete() }
}
