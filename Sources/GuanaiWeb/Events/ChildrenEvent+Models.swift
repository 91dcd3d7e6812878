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
    @Field(key: "created_at") var createdAt: Date
    init() {}

    var participants: [String] { participantsText.split(separator: ",").map(String.init) }

    var auditFields: [String: String] {
        ["kind": kind.rawValue, "date": date, "unitCode": unitCode, "title": title, "participants": participantsText]
    }
}

extension ChildrenEvent: TypedRecord { typealias Kind = RecordTag.ChildrenEvent }
