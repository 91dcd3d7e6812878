/// What a reminder that is not about a child concerns. The sweep sends it once per (subject, due day, level) to the
/// roles named, and 我的提醒 shows it until the subject is put right (a repayment, a follow-up recorded …).
public enum ReminderSubject: String, Sendable, Codable, CaseIterable {
    case loan
    case trainingEnrolment = "training_enrolment"
    case jobFairHire = "job_fair_hire"
    /// A rights case's mediation deadline or 回访 (issue 19).
    case rightsCase = "rights_case"
    /// A 两癌 follow-up's awaited step past its day (issue 20).
    case healthFollowup = "health_followup"

    /// The outbox kind its deliveries carry.
    public var outboxKind: String {
        switch self {
        case .loan: return "loan_overdue"
        case .trainingEnrolment, .jobFairHire: return "employment_followup"
        case .rightsCase: return "rights_deadline"
        case .healthFollowup: return "health_followup"
        }
    }

    /// Who is told. A late repayment: the labour department, which holds the bank's statements, and the village
    /// worker, who knows the woman. A missing follow-up: the township federation, which runs the courses and fairs.
    public var recipients: [Role] {
        switch self {
        case .loan: return [.partnerHR, .villageWorker]
        case .trainingEnrolment, .jobFairHire, .rightsCase: return [.townshipStaff]
        case .healthFollowup: return [.partnerHealth]
        }
    }

    /// Roles whose accounts may be told by name rather than by role: a case's mediators (village, township, justice
    /// bureau) and its rights officers (city, justice bureau).
    public var personal: [Role] {
        switch self {
        case .rightsCase: return [.villageWorker, .townshipStaff, .partnerJustice, .cityAdmin]
        case .healthFollowup: return [.cityAdmin]
        case .loan, .trainingEnrolment, .jobFairHire: return []
        }
    }

    /// Whether any subject's reminders reach the role: 我的提醒 is hers even without an alert inbox (partner_hr).
    public static func reach(_ role: Role) -> Bool { allCases.contains { $0.recipients.contains(role) || $0.personal.contains(role) } }
}

/// The level of a follow-up reminder: one a missing follow-up, its due day telling month 3 from month 6.
public enum FollowupReminderLevel: String, Sendable, Codable, CaseIterable {
    case late = "followup_late"
}

public enum FollowupReminders {
    /// The days a follow-up may be late before the township is told, by subject.
    public static func grace(_ s: ReminderSubject) -> Int {
        s == .jobFairHire ? JobFairRules.followupGraceDays : TrainingCheck.graceDays
    }

    /// A missing follow-up on `today`: the day it was due and how many days late, once its check day (due + grace)
    /// has come; nil before.
    public static func late(checkOn: CivilDate, grace: Int, today: CivilDate) -> (due: CivilDate, days: Int)? {
        guard today.dayNumber >= checkOn.dayNumber else { return nil }
        let due = checkOn.adding(days: -grace)
        return (due, today.dayNumber - due.dayNumber)
    }
}
