import Fluent
import Foundation
import GuanaiCore

/// A children's event outside a station's own days: a holiday camp, a parents' video call, a safety or health class,
/// a volunteers' visit. Station work: read and written under the station's rule, audited under `station`.
final class ChildrenEvent: Model, @unchecked Sendable {
    static let schema = "children_events"
    @ID(key: .id) var id: UUID?
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "kind") var kind: ChildrenEventKind
    @Field(key: "date") var date: String
    @Field(key: "title") var title: String
    /// The children who took part, as comma-separated registry ids in the order given.
    @Field(key: "participants") var participantsText: String
    @Field(key: "status") var status: ChildrenEventStatus
    @OptionalField(key: "cancel_reason") var cancelReason: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "updated_at") var updatedAt: Date?
    init() {}

    var participants: [String] { participantsText.split(separator: ",").map(String.init) }

    var auditFields: [String: String] {
        [
            "kind": kind.rawValue, "date": date, "unitCode": unitCode, "title": title, "participants": participantsText,
            "status": status.rawValue, "cancelReason": cancelReason ?? "",
        ]
    }

    /// The event as stored, in the form's terms: what a PATCH is laid over.
    var input: ChildrenEventInput {
        ChildrenEventInput(kind: kind.rawValue, date: date, unitCode: unitCode, title: title, participants: participants)
    }

    func apply(_ c: CheckedChildrenEvent) {
        unitCode = c.unitCode
        kind = c.kind
        date = c.date.iso
        title = c.title
        participantsText = c.participants.compactMap(UUID.init(uuidString:)).map(\.uuidString).joined(separator: ",")
    }
}

extension ChildrenEvent: TypedRecord { typealias Kind = RecordTag.ChildrenEvent }
