import Fluent
import Vapor

/// One line of the append-only, hash-chained audit trail. `seq` numbers the chain without gaps;
/// `hash` covers every other column and the previous entry's hash.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_log"

    @ID(custom: "seq", generatedBy: .user) var id: Int?
    @Field(key: "at") var at: String
    @OptionalField(key: "actor_id") var actorID: String?
    @Field(key: "actor_name") var actorName: String
    @Field(key: "ip") var ip: String
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "action") var action: String
    @Field(key: "record_type") var recordType: String
    @Field(key: "record_id") var recordID: String
    @Field(key: "changes") var changes: String
    @Field(key: "prev_hash") var prevHash: String
    @Field(key: "hash") var hash: String

    init() {}
}
