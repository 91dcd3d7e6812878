import Fluent
import Vapor
import GuanaiCore

/// A Fluent model that is one of Core's main records: its UUID key, typed. The schema keeps `@ID var id: UUID?`;
/// the typed id exists from the moment the record has been saved (or given its time-ordered id).
protocol TypedRecord: Model where IDValue == UUID {
    associatedtype Kind
}

extension TypedRecord {
    /// Traps on a record that was never saved and got no id, as the `id!` it replaces did: every caller holds a
    /// record read from the database or just created with `TimeOrderedID`.
    var recordID: RecordID<Kind> {
        guard let id else { preconditionFailure("\(Self.self) has no id yet") }
        return RecordID(id)
    }

    static func find(_ id: RecordID<Kind>, on db: any Database) async throws -> Self? { try await find(id.uuid, on: db) }
}

extension Child: TypedRecord { typealias Kind = RecordTag.Child }
extension Woman: TypedRecord { typealias Kind = RecordTag.Woman }
extension Person: TypedRecord { typealias Kind = RecordTag.Person }
extension Household: TypedRecord { typealias Kind = RecordTag.Household }
extension Volunteer: TypedRecord { typealias Kind = RecordTag.Volunteer }
extension Pair: TypedRecord { typealias Kind = RecordTag.Pair }
extension Campaign: TypedRecord { typealias Kind = RecordTag.Campaign }
extension Alert: TypedRecord { typealias Kind = RecordTag.Alert }
extension Report: TypedRecord { typealias Kind = RecordTag.Report }
extension Visit: TypedRecord { typealias Kind = RecordTag.Visit }
extension User: TypedRecord { typealias Kind = RecordTag.User }
extension IntakeUpload: TypedRecord { typealias Kind = RecordTag.IntakeUpload }

extension Parameters {
    /// The path's record id, parsed once at the controller. One that does not parse answers 404, exactly as an id
    /// that names no record in the jurisdiction does, so a malformed id tells nobody anything more.
    func id<R>(_ name: String = "id") throws -> RecordID<R> {
        guard let id = get(name).flatMap(RecordID<R>.init) else { throw Abort(.notFound) }
        return id
    }
}

extension AuditEvent {
    /// An event about one record, named by its typed id (the trail stores the kind's name and the id's text).
    init<R: AuditedKind>(
        _ action: AuditAction, _ id: RecordID<R>, unit: String? = nil, fields: [String: FieldChange] = [:], detail: [String: String] = [:]
    ) {
        self.init(action, R.auditSubject, id.description, unit: unit, fields: fields, detail: detail)
    }
}
