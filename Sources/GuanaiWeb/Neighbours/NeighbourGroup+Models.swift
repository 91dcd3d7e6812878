import Fluent
import Foundation
import GuanaiCore

/// A neighbour group (邻里互助组): households of one village that agreed to look out for each other, led by a 联户长.
/// Its checks are Core's (`NeighbourGroupForm`); here it is stored.
final class NeighbourGroup: Model, @unchecked Sendable {
    static let schema = "neighbour_groups"
    @ID(key: .id) var id: UUID?
    @Field(key: "unit_code") var villageCode: String
    @Field(key: "name") var name: String
    @Field(key: "leader_person_id") var leaderPersonID: UUID
    @Field(key: "status") var status: NeighbourGroupStatus
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    /// What the trail records of a group: every field as text, the members as `household@consent` in order.
    func auditFields(_ members: [NeighbourGroupMember]) -> [String: String] {
        [
            "villageCode": villageCode, "name": name, "leaderPersonId": leaderPersonID.uuidString, "status": status.rawValue,
            "members": members.map { $0.householdID.uuidString + "@" + $0.consentedOn }.joined(separator: ","),
        ]
    }
}

/// One household of a group, with the day it agreed to join. `live_household_id` holds the household while the group
/// is active and is unique: the database itself refuses a household in two active groups.
final class NeighbourGroupMember: Model, @unchecked Sendable {
    static let schema = "neighbour_group_members"
    @ID(key: .id) var id: UUID?
    @Field(key: "group_id") var groupID: UUID
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "consented_on") var consentedOn: String
    @Field(key: "position") var position: Int
    @OptionalField(key: "live_household_id") var liveHouseholdID: UUID?
    init() {}
}

/// Something a group did together, recorded by staff.
final class NeighbourActivity: Model, @unchecked Sendable {
    static let schema = "neighbour_activities"
    @ID(key: .id) var id: UUID?
    @Field(key: "group_id") var groupID: UUID
    @Field(key: "kind") var kind: NeighbourActivityKind
    @Field(key: "date") var date: String
    @OptionalField(key: "note") var note: String?
    @Field(key: "recorded_by") var recordedBy: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

extension NeighbourGroup: TypedRecord { typealias Kind = RecordTag.NeighbourGroup }
