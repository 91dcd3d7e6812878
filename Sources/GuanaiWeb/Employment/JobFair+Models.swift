import Fluent
import Foundation
import GuanaiCore

/// A job fair (招聘会, 春风送岗位) held by a unit on one day; its rules are Core's (`JobFairRules`).
final class JobFair: Model, @unchecked Sendable {
    static let schema = "job_fairs"
    @ID(key: .id) var id: UUID?
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "name") var name: String
    @Field(key: "date") var date: String
    @OptionalField(key: "place") var place: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    func apply(_ f: CheckedJobFair) {
        name = f.name
        unitCode = f.unitCode
        date = f.date.iso
        place = f.place
    }

    var input: JobFairInput { JobFairInput(name: name, unitCode: unitCode, date: date, place: place) }

    var auditFields: [String: String] { ["name": name, "unitCode": unitCode, "date": date, "place": place ?? ""] }
}

final class FairEmployer: Model, @unchecked Sendable {
    static let schema = "job_fair_employers"
    @ID(key: .id) var id: UUID?
    @Field(key: "fair_id") var fairID: UUID
    @Field(key: "name") var name: String
    @OptionalField(key: "contact") var contact: String?
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "industry") var industry: String?
    @Field(key: "created_at") var createdAt: Date
    init() {}

    var auditFields: [String: String] {
        ["name": name, "contact": contact ?? "", "phone": phone ?? "", "industry": industry ?? ""]
    }
}

final class FairPosting: Model, @unchecked Sendable {
    static let schema = "job_fair_postings"
    @ID(key: .id) var id: UUID?
    @Field(key: "fair_id") var fairID: UUID
    @Field(key: "employer_id") var employerID: UUID
    @Field(key: "title") var title: String
    @OptionalField(key: "pay_min_fen") var payMinFen: Int64?
    @OptionalField(key: "pay_max_fen") var payMaxFen: Int64?
    @OptionalField(key: "place") var place: String?
    @OptionalField(key: "hours") var hours: String?
    @Field(key: "suits_carers") var suitsCarers: Bool
    @Field(key: "openings") var openings: Int
    @Field(key: "created_at") var createdAt: Date
    init() {}

    var payMin: Yuan? { payMinFen.map(Yuan.init(fen:)) }
    var payMax: Yuan? { payMaxFen.map(Yuan.init(fen:)) }

    var auditFields: [String: String] {
        [
            "employerId": employerID.uuidString, "title": title, "payMin": payMin?.description ?? "",
            "payMax": payMax?.description ?? "", "place": place ?? "", "hours": hours ?? "", "suitsCarers": String(suitsCarers),
            "openings": String(openings),
        ]
    }
}

/// A woman who came to the fair; `fair_id, person_id` is unique.
final class FairAttendee: Model, @unchecked Sendable {
    static let schema = "job_fair_attendees"
    @ID(key: .id) var id: UUID?
    @Field(key: "fair_id") var fairID: UUID
    @Field(key: "person_id") var personID: UUID
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A woman's wish for one posting (求职意向).
final class FairIntent: Model, @unchecked Sendable {
    static let schema = "job_fair_intents"
    @ID(key: .id) var id: UUID?
    @Field(key: "fair_id") var fairID: UUID
    @Field(key: "person_id") var personID: UUID
    @Field(key: "posting_id") var postingID: UUID
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A hire at the fair; `followup_check_on` is the day its 3-month follow-up counts as missing, nil once recorded.
final class FairHire: Model, @unchecked Sendable {
    static let schema = "job_fair_hires"
    @ID(key: .id) var id: UUID?
    @Field(key: "fair_id") var fairID: UUID
    @Field(key: "person_id") var personID: UUID
    @Field(key: "posting_id") var postingID: UUID
    @Field(key: "hired_on") var hiredOn: String
    @OptionalField(key: "followup_check_on") var followupCheckOn: String?
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

final class FairFollowup: Model, @unchecked Sendable {
    static let schema = "job_fair_followups"
    @ID(key: .id) var id: UUID?
    @Field(key: "hire_id") var hireID: UUID
    @Field(key: "outcome") var outcome: FollowupOutcome
    @OptionalField(key: "note") var note: String?
    @Field(key: "recorded_on") var recordedOn: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}
