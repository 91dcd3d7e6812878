import Fluent
import Foundation
import GuanaiCore

/// A fitness and culture team (`health`): its township or village, leader and members.
final class HealthTeam: Model, @unchecked Sendable {
    static let schema = "health_teams"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: HealthTeamKind
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "leader_person_id") var leaderPersonID: UUID
    /// Person ids as JSON, the leader first.
    @Field(key: "members") var membersText: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    var members: [UUID] { (try? JSONDecoder().decode([UUID].self, from: Data(membersText.utf8))) ?? [] }
    var auditFields: [String: String] {
        ["name": name, "kind": kind.rawValue, "unitCode": unitCode, "leaderPersonId": leaderPersonID.uuidString, "members": membersText]
    }
}

extension HealthTeam: TypedRecord { typealias Kind = RecordTag.HealthTeam }

final class HealthTeamActivityRow: Model, @unchecked Sendable {
    static let schema = "health_team_activities"
    @ID(key: .id) var id: UUID?
    @Field(key: "team_id") var teamID: UUID
    @Field(key: "date") var date: String
    @Field(key: "place") var place: String
    @Field(key: "participants") var participants: Int
    @OptionalField(key: "participant_ids") var participantIDs: String?
    @Field(key: "by_name") var byName: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}
