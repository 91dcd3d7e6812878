import Foundation

/// The id of one kind of record: a UUID that knows what it names, so a volunteer's id cannot be handed to a lookup
/// that expects a child's. `Record` is a tag only (one of `RecordTag`'s empty enums); nothing of it is stored.
///
/// Its text is the UUID's own (`uuidString`, upper case), the form the database, the audit trail, the URLs and the
/// JSON already carry, and it codes as that bare string, so adopting it changed no answer and no stored value.
/// Parsing accepts what `UUID(uuidString:)` accepts (either case, hyphens in place); anything else is no id.
public struct RecordID<Record>: Hashable, Sendable, Comparable, LosslessStringConvertible {
    public let uuid: UUID

    public init(_ uuid: UUID) { self.uuid = uuid }

    public init?(_ description: String) {
        guard let u = UUID(uuidString: description) else { return nil }
        uuid = u
    }

    public var description: String { uuid.uuidString }

    /// Byte order, which for time-ordered (version 7) ids is the order they were made in, as the database sorts them.
    public static func < (a: Self, b: Self) -> Bool {
        withUnsafeBytes(of: a.uuid.uuid) { x in
            withUnsafeBytes(of: b.uuid.uuid) { y in x.lexicographicallyPrecedes(y) }
        }
    }
}

extension RecordID: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let u = UUID(uuidString: text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a record id: \(text)")
        }
        uuid = u
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(uuid.uuidString)
    }
}

/// What the audit trail calls a kind of record.
public protocol AuditedKind {
    /// The trail's `record_type` (`/history/<name>/<id>`); never renamed, the hash chain covers it.
    static var auditSubject: AuditSubject { get }
}

/// The kinds of record that have an id of their own, each (when it has a history) with the name the audit trail and
/// the history pages give it. A new module adds an empty enum here and a typealias below.
public enum RecordTag {
    public enum Child: AuditedKind { public static let auditSubject = AuditSubject.child }
    public enum Woman: AuditedKind { public static let auditSubject = AuditSubject.woman }
    public enum Person: AuditedKind { public static let auditSubject = AuditSubject.person }
    public enum Household: AuditedKind { public static let auditSubject = AuditSubject.household }
    public enum Volunteer: AuditedKind { public static let auditSubject = AuditSubject.volunteer }
    public enum Pair: AuditedKind { public static let auditSubject = AuditSubject.pair }
    public enum Campaign: AuditedKind { public static let auditSubject = AuditSubject.campaign }
    public enum Alert: AuditedKind { public static let auditSubject = AuditSubject.alert }
    public enum Report: AuditedKind { public static let auditSubject = AuditSubject.report }
    public enum Visit: AuditedKind { public static let auditSubject = AuditSubject.visit }
    public enum Station: AuditedKind { public static let auditSubject = AuditSubject.station }
    public enum NeighbourGroup: AuditedKind { public static let auditSubject = AuditSubject.group }
    public enum Site: AuditedKind { public static let auditSubject = AuditSubject.site }
    public enum Donor: AuditedKind { public static let auditSubject = AuditSubject.donation }
    public enum Donation: AuditedKind { public static let auditSubject = AuditSubject.donation }
    /// A children's event is station work: it is read and written under the station's rule and trail.
    public enum ChildrenEvent: AuditedKind { public static let auditSubject = AuditSubject.station }
    /// A guaranteed start-up loan, under the employment rule and trail.
    public enum Loan: AuditedKind { public static let auditSubject = AuditSubject.employment }
    /// A rights case (维权/调解, issue 19).
    public enum RightsCase: AuditedKind { public static let auditSubject = AuditSubject.rights }
    public enum User: AuditedKind { public static let auditSubject = AuditSubject.account }
    /// No trail of its own: an upload is the importer's working file, and what it imports is audited row by row.
    public enum IntakeUpload {}
}

public typealias ChildID = RecordID<RecordTag.Child>
public typealias WomanID = RecordID<RecordTag.Woman>
public typealias PersonID = RecordID<RecordTag.Person>
public typealias HouseholdID = RecordID<RecordTag.Household>
public typealias VolunteerID = RecordID<RecordTag.Volunteer>
public typealias PairID = RecordID<RecordTag.Pair>
public typealias CampaignID = RecordID<RecordTag.Campaign>
public typealias AlertID = RecordID<RecordTag.Alert>
public typealias ReportID = RecordID<RecordTag.Report>
public typealias VisitID = RecordID<RecordTag.Visit>
public typealias StationID = RecordID<RecordTag.Station>

public typealias NeighbourGroupID = RecordID<RecordTag.NeighbourGroup>
public typealias SiteID = RecordID<RecordTag.Site>
public typealias DonorID = RecordID<RecordTag.Donor>
public typealias DonationID = RecordID<RecordTag.Donation>
public typealias ChildrenEventID = RecordID<RecordTag.ChildrenEvent>
public typealias LoanID = RecordID<RecordTag.Loan>
public typealias RightsCaseID = RecordID<RecordTag.RightsCase>

public typealias UserID = RecordID<RecordTag.User>
public typealias IntakeUploadID = RecordID<RecordTag.IntakeUpload>

extension RecordID where Record: AuditedKind {
    public var auditSubject: AuditSubject { Record.auditSubject }
}
