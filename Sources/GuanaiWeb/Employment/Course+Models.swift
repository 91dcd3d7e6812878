import Fluent
import Foundation
import GuanaiCore

/// A training course (培训班) held in a unit: its checks are Core's (`CourseForm`); here it is stored.
final class Course: Model, @unchecked Sendable {
    static let schema = "courses"
    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "topic") var topic: CourseTopic
    @Field(key: "organiser") var organiser: String
    @OptionalField(key: "partner") var partner: String?
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "from_on") var fromOn: String
    @Field(key: "to_on") var toOn: String
    @OptionalField(key: "place") var place: String?
    @Field(key: "capacity") var capacity: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    func apply(_ c: CheckedCourse) {
        title = c.title
        topic = c.topic
        organiser = c.organiser
        partner = c.partner
        unitCode = c.unitCode
        fromOn = c.from.iso
        toOn = c.to.iso
        place = c.place
        capacity = c.capacity
    }

    var input: CourseInput {
        CourseInput(
            title: title, topic: topic.rawValue, organiser: organiser, partner: partner, unitCode: unitCode, from: fromOn, to: toOn,
            place: place, capacity: capacity)
    }

    /// The stored course as Core checked it (stored rows always passed the checks).
    var checked: CheckedCourse? {
        var c = FormChecker()
        return CourseForm.check(input, unit: UnitFacts(code: unitCode, level: .village, isActive: true), &c)
    }

    var auditFields: [String: String] {
        [
            "title": title, "topic": topic.rawValue, "organiser": organiser, "partner": partner ?? "", "unitCode": unitCode,
            "from": fromOn, "to": toOn, "place": place ?? "", "capacity": String(capacity),
        ]
    }
}

/// One woman on one course: enrolled, then completed with a certificate, then followed up at 3 and 6 months.
final class TrainingEnrolment: Model, @unchecked Sendable {
    static let schema = "training_enrolments"
    @ID(key: .id) var id: UUID?
    @Field(key: "course_id") var courseID: UUID
    @Field(key: "person_id") var personID: UUID
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "stage") var stage: EnrolmentStage
    @OptionalField(key: "certificate_no") var certificateNo: String?
    @OptionalField(key: "completed_on") var completedOn: String?
    @OptionalField(key: "followup_check_on") var followupCheckOn: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_by") var createdBy: String
    init() {}
}

final class TrainingAttendance: Model, @unchecked Sendable {
    static let schema = "training_attendance"
    @ID(key: .id) var id: UUID?
    @Field(key: "course_id") var courseID: UUID
    @Field(key: "enrolment_id") var enrolmentID: UUID
    @Field(key: "day") var day: String
    @Field(key: "present") var present: Bool
    init() {}
}

final class TrainingFollowup: Model, @unchecked Sendable {
    static let schema = "training_followups"
    @ID(key: .id) var id: UUID?
    @Field(key: "enrolment_id") var enrolmentID: UUID
    @Field(key: "month") var month: Int
    @Field(key: "outcome") var outcome: FollowupOutcome
    @OptionalField(key: "note") var note: String?
    @Field(key: "recorded_at") var recordedAt: Date
    @Field(key: "recorded_by") var recordedBy: String
    init() {}
}

extension Course: TypedRecord { typealias Kind = RecordTag.Course }
extension TrainingEnrolment: TypedRecord { typealias Kind = RecordTag.TrainingEnrolment }
