import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// An uploaded ledger between its three steps (upload → preview and mapping → confirm), kept in the database so any
/// instance serves the next step. The file's bytes are dropped once it is imported; the report and the rejected rows
/// stay for download.
final class IntakeUpload: Model, @unchecked Sendable {
    static let schema = "intake_uploads"
    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "kind") var kind: IntakeKind
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "file_name") var fileName: String
    @OptionalField(key: "sheet") var sheet: String?
    /// JSON `{header text or column letter: schema key}`: the manual corrections to the column mapping.
    @Field(key: "overrides") var overrides: String
    @OptionalField(key: "bytes") var bytes: Data?
    /// uploaded → committing → committed
    @Field(key: "status") var status: IntakeUploadStatus
    @OptionalField(key: "report") var report: String?
    @OptionalField(key: "rejected") var rejected: Data?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "committed_at") var committedAt: Date?
    /// The lease of the import running on this upload (preview or commit), and its holder; nil = none running.
    @OptionalField(key: "claimed_until") var claimedUntil: Date?
    @OptionalField(key: "claimed_by") var claimedBy: String?
    /// The preview's heartbeat: every poll of its page moves it on; the run stops once it has passed.
    @OptionalField(key: "watched_until") var watchedUntil: Date?
    /// JSON `PreviewRecord`: where the preview run stands, with the finished summary (bounded) or the file's error.
    @OptionalField(key: "preview") var preview: String?
    init() {}

    var overrideMap: [String: String] { (try? JSONDecoder().decode([String: String].self, from: Data(overrides.utf8))) ?? [:] }
}

extension IntakeUpload {
    /// Who uploaded it, typed; the column stays `UUID`.
    var user: UserID {
        get { UserID(userID) }
        set { userID = newValue.uuid }
    }
}
