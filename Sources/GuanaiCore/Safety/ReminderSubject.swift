/// What a reminder that is not about a child concerns. The sweep sends it once per (subject, due day, level) to the
/// roles named, and 我的提醒 shows it until the subject is put right (a repayment, a follow-up recorded …).
public enum ReminderSubject: String, Sendable, Codable, CaseIterable {
    case loan
    case trainingEnrolment = "training_enrolment"
    case jobFairHire = "job_fair_hire"

    /// The outbox kind its deliveries carry.
    public var outboxKind: String {
        switch self {
        case .loan: return "loan_overdue"
        case .trainingEnrolment, .jobFairHire: return "employment_followup"
        }
    }
}
