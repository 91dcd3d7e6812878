import Fluent
import Foundation
import GuanaiCore

/// A reminder about a loan, a follow-up or a case: addressed to roles in the subject's unit (each account that
/// reaches the unit sees it in 我的提醒, the accounts created after it too), delivered once through the outbox, open
/// until the module that raised it resolves it.
final class Reminder: Model, @unchecked Sendable {
    static let schema = "reminders"
    @ID(key: .id) var id: UUID?
    @Field(key: "subject_type") var subjectType: ReminderSubject
    @Field(key: "subject_id") var subjectID: UUID
    /// Fit for every recipient to read: a borrower's name, a case number, never a confidential detail.
    @Field(key: "subject_name") var subjectName: String
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "due_on") var dueOn: String
    @Field(key: "level") var level: String
    /// `,partner_hr,village_worker,`: a role is matched with its commas, so one role's name inside another's never is.
    @Field(key: "roles") var roles: String
    /// `,sifa,xiangzhen,`: accounts told by name (a case's mediators, the rights officers), matched as roles are.
    @Field(key: "usernames") var usernames: String
    /// The catalogue key and its arguments, as JSON, so each reader sees it in her own language.
    @Field(key: "message") var message: String
    @Field(key: "days_overdue") var daysOverdue: Int
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "resolved_at") var resolvedAt: Date?
    init() {}

    var text: ReminderText { (try? JSONDecoder().decode(ReminderText.self, from: Data(message.utf8))) ?? ReminderText(key: "", args: []) }
}

struct ReminderText: Codable, Sendable, Equatable {
    let key: String
    let args: [String]
}
