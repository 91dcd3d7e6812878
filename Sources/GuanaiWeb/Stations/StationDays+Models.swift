import Fluent
import Foundation
import GuanaiCore

/// A child's place at a station, from her first day to her last (open while `toOn` is nil). Core's
/// `EnrolmentRules` decide who may be enrolled and when a place ends.
final class StationEnrolment: Model, @unchecked Sendable {
    static let schema = "station_enrolments"
    @ID(key: .id) var id: UUID?
    @Field(key: "station_id") var stationID: UUID
    @Field(key: "child_id") var childID: UUID
    @Field(key: "from_on") var fromOn: String
    @OptionalField(key: "to_on") var toOn: String?
    @OptionalField(key: "end_reason") var endReason: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    var child: ChildID { ChildID(childID) }
    var period: EnrolmentPeriod? {
        guard let from = CivilDate(iso: fromOn) else { return nil }
        return EnrolmentPeriod(from: from, to: toOn.flatMap(CivilDate.init(iso:)))
    }
}

/// One child's mark on one station day.
final class StationAttendance: Model, @unchecked Sendable {
    static let schema = "station_attendance"
    @ID(key: .id) var id: UUID?
    @Field(key: "station_id") var stationID: UUID
    @Field(key: "child_id") var childID: UUID
    @Field(key: "day") var day: String
    @Field(key: "status") var status: AttendanceStatus
    @OptionalField(key: "note") var note: String?
    @Field(key: "marked_by") var markedBy: String
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    /// What the trail records of a mark: the status, and the note after it.
    var auditText: String { note.map { status.rawValue + ": " + $0 } ?? status.rawValue }
}

/// Something a station did on a day with some of its children.
final class StationActivity: Model, @unchecked Sendable {
    static let schema = "station_activities"
    @ID(key: .id) var id: UUID?
    @Field(key: "station_id") var stationID: UUID
    @Field(key: "kind") var kind: StationActivityKind
    @Field(key: "day") var day: String
    @OptionalField(key: "title") var title: String?
    @OptionalField(key: "note") var note: String?
    @Field(key: "participants") var participantsJSON: String
    @Field(key: "participant_count") var participantCount: Int
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    init() {}

    var participants: [String] { (try? JSONDecoder().decode([String].self, from: Data(participantsJSON.utf8))) ?? [] }
}
