import Fluent
import Foundation
import GuanaiCore

/// A rights case's summary: what every reader of rights records in the jurisdiction may see (number, village,
/// category, channel, status, dates, deadline). What was said and agreed is in `RightsCaseText`.
final class RightsCase: Model, @unchecked Sendable {
    static let schema = "rights_cases"
    @ID(key: .id) var id: UUID?
    @Field(key: "case_no") var caseNo: String
    @Field(key: "county_code") var countyCode: String
    @Field(key: "year") var year: Int
    @Field(key: "seq") var seq: Int
    /// The village: the API's `villageCode`.
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "channel") var channel: RightsChannel
    @Field(key: "category") var category: RightsCategory
    @Field(key: "status") var status: RightsStatus
    @Field(key: "womens_home") var womensHome: Bool
    @Field(key: "received_on") var receivedOn: String
    @OptionalField(key: "accepted_on") var acceptedOn: String?
    @OptionalField(key: "deadline_on") var deadlineOn: String?
    @OptionalField(key: "outcome_kind") var outcomeKind: RightsOutcomeKind?
    @OptionalField(key: "outcome_on") var outcomeOn: String?
    @OptionalField(key: "followup_due_on") var followupDueOn: String?
    @OptionalField(key: "closed_on") var closedOn: String?
    /// The next day the sweep looks at the case's deadline (M0049); nil when none is running.
    @OptionalField(key: "check_on") var checkOn: String?
    /// Days from acceptance to outcome, and the first 回访's day: what the stats count (M0050).
    @OptionalField(key: "outcome_days") var outcomeDays: Int?
    @OptionalField(key: "first_followup_on") var firstFollowupOn: String?
    /// A granted protection order's last day, for the sweep (M0051); the plan itself is with the texts.
    @OptionalField(key: "order_expires_on") var orderExpiresOn: String?
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    /// The trail's values for the summary's fields; the confidential ones are only ever said to have changed.
    var auditFields: [String: String] {
        [
            "caseNo": caseNo, "villageCode": unitCode, "channel": channel.rawValue, "category": category.rawValue,
            "status": status.rawValue, "womensHome": String(womensHome), "receivedOn": receivedOn, "acceptedOn": acceptedOn ?? "",
            "deadlineOn": deadlineOn ?? "", "outcomeKind": outcomeKind?.rawValue ?? "", "outcomeOn": outcomeOn ?? "",
            "followupDueOn": followupDueOn ?? "", "closedOn": closedOn ?? "",
        ]
    }
}

extension RightsCase: TypedRecord { typealias Kind = RecordTag.RightsCase }

/// The confidential part of a case: read through `RightsAccess` only, never by a list, a stat or an export.
final class RightsCaseText: Model, @unchecked Sendable {
    static let schema = "rights_case_texts"
    @ID(custom: "case_id", generatedBy: .user) var id: UUID?
    /// `[RightsParty]` as JSON.
    @Field(key: "parties") var parties: String
    @Field(key: "narrative") var narrative: String
    @OptionalField(key: "request") var request: String?
    /// What the woman was advised when a party refused mediation.
    @OptionalField(key: "advice") var advice: String?
    @OptionalField(key: "decline_reason") var declineReason: String?
    /// `RightsOutcome` as JSON.
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "close_reason") var closeReason: String?
    /// `RightsSafety` as JSON (M0051).
    @OptionalField(key: "safety") var safety: String?
    init() {}

    var partyList: [RightsParty] { (try? JSONDecoder().decode([RightsParty].self, from: Data(parties.utf8))) ?? [] }
    var safetyValue: RightsSafety? { safety.flatMap { try? JSONDecoder().decode(RightsSafety.self, from: Data($0.utf8)) } }
    var outcomeValue: RightsOutcome? {
        outcome.flatMap { try? JSONDecoder().decode(RightsOutcome.self, from: Data($0.utf8)) }
    }
}

/// An account that works the case: the one who took it in, and each mediator.
final class RightsAssignment: Model, @unchecked Sendable {
    static let schema = "rights_assignments"
    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "role") var role: Role
    @Field(key: "kind") var kind: RightsAssignmentKind
    @Field(key: "assigned_by") var assignedBy: String
    @OptionalField(key: "reason") var reason: String?
    @Field(key: "assigned_at") var assignedAt: Date
    init() {}
}

/// Who opened a case she was not assigned to, why and until when; and who named herself mediator, and why.
final class RightsGrant: Model, @unchecked Sendable {
    static let schema = "rights_grants"
    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "username") var username: String
    @Field(key: "role") var role: Role
    @Field(key: "kind") var kind: RightsAccessKind
    @Field(key: "reason") var reason: String
    @Field(key: "granted_at") var grantedAt: Date
    @OptionalField(key: "until") var until: Date?
    init() {}
}

final class RightsMeetingRow: Model, @unchecked Sendable {
    static let schema = "rights_meetings"
    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "date") var date: String
    @Field(key: "place") var place: String
    /// `[String]` as JSON.
    @Field(key: "attendees") var attendees: String
    @Field(key: "minutes") var minutes: String
    @Field(key: "by_name") var byName: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

final class RightsFollowupRow: Model, @unchecked Sendable {
    static let schema = "rights_followups"
    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "on_date") var on: String
    @Field(key: "compliance") var compliance: RightsCompliance
    @OptionalField(key: "note") var note: String?
    @Field(key: "by_name") var byName: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// What was decided about a child of the household when the case offered the mandatory report: the safety net's
/// report filed, or declined with a reason (M0053).
final class RightsChildReportRow: Model, @unchecked Sendable {
    static let schema = "rights_child_reports"
    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "child_id") var childID: UUID
    @OptionalField(key: "report_id") var reportID: UUID?
    @Field(key: "declined") var declined: Bool
    @OptionalField(key: "reason") var reason: String?
    @Field(key: "by_name") var byName: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}
