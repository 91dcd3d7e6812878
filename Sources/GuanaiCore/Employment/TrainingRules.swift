import Foundation

/// The training numbers a city admin may change: the share of a course's held days a woman must attend to be
/// certified (80 % unless set otherwise). Stored with the other rules.
public struct TrainingRules: NumberSettings {
    public static let storageKey = "training.rules"
    public static var fields: [(name: String, keyPath: WritableKeyPath<TrainingRules, Int>, range: ClosedRange<Int>)] {
        [("completionPercent", \.completionPercent, 1...100)]
    }
    public var completionPercent: Int
    public init() { self.init(completionPercent: 80) }
    public init(completionPercent: Int) { self.completionPercent = completionPercent }
}

/// How far one enrolment has come: marked, completed, followed up.
public enum EnrolmentStage: String, Sendable, Codable, CaseIterable {
    case enrolled, completed
}

/// Who runs training (courses, enrolments, attendance, follow-ups), and what they see of it.
public enum TrainingAccess {
    /// Staff of the federation down to the village, and the labour department's partner; the inspector only reads.
    public static func writes(_ role: Role) -> Bool {
        Policy.canRead(role, .employment) && role != .inspector && role != .volunteer
    }

    /// A course is seen by who works in its unit, and by who works below it (a township's course serves its
    /// villages): the village worker enrols her own women in it.
    public static func sees(courseUnit: String, _ j: Jurisdiction) -> Bool {
        guard let code = DivisionCode(courseUnit) else { return false }
        if j.contains(code) { return true }
        return j.root.map { code.contains($0) } ?? true
    }
}

/// Enrolling, marking attendance, certifying and following up women on courses, with no database: the caller reads
/// the facts.
public enum TrainingCheck {
    /// What the caller found about the woman and the course.
    public struct EnrolFacts: Sendable, Equatable {
        /// A living woman (a person of female sex) within the caller's jurisdiction.
        public let womanFound: Bool
        public let enrolled: Int
        public let capacity: Int
        public init(womanFound: Bool, enrolled: Int, capacity: Int) {
            self.womanFound = womanFound
            self.enrolled = enrolled
            self.capacity = capacity
        }
    }

    /// `POST …/enrolments {"personId"}`: every refusal names `personId` (the 409 for a second enrolment is the
    /// caller's, who knows the first's id).
    public static func enrol(personId: String?, facts: EnrolFacts, _ c: inout FormChecker) {
        guard c.required(personId, "personId") != nil else { return }
        if !facts.womanFound {
            c.errors.append(FieldError(field: "personId", key: "course.error.woman"))
        } else if facts.enrolled >= facts.capacity {
            c.errors.append(FieldError(field: "personId", key: "course.error.full", args: [String(facts.capacity)]))
        }
    }

    /// `PUT …/attendance/{date}`: a day within the course, not in the future; each person enrolled (by the caller's
    /// reach) and named once.
    public static func attendanceDay(
        _ raw: String, course: CheckedCourse, today: CivilDate, entries: [(personId: String?, present: Bool?)], enrolled: Set<String>,
        _ c: inout FormChecker
    ) -> CivilDate? {
        let day = CivilDate(iso: raw)
        if let day {
            if !course.covers(day) {
                c.errors.append(FieldError(field: "date", key: "course.error.outside", args: [course.from.iso, course.to.iso]))
            } else if day > today {
                c.errors.append(FieldError(field: "date", key: "pairing.error.future"))
            }
        } else {
            c.errors.append(FieldError(field: "date", key: "field.error.date"))
        }
        var seen: Set<String> = []
        for (i, e) in entries.enumerated() {
            let id = e.personId?.trimmingCharacters(in: .whitespaces) ?? ""
            if !enrolled.contains(id) || !seen.insert(id).inserted {
                c.errors.append(FieldError(field: "entries[\(i)].personId", key: "field.error.choice"))
            }
            if e.present == nil { c.errors.append(FieldError(field: "entries[\(i)].present", key: "field.error.required")) }
        }
        return c.errors.isEmpty ? day : nil
    }

    /// Attended at least `percent` of the days the course has held (days with any attendance marked): exactly the
    /// threshold passes. Integer arithmetic, so 4 of 5 at 80 % is not lost to rounding.
    public static func attendedEnough(present: Int, held: Int, percent: Int) -> Bool {
        held > 0 && present * 100 >= percent * held
    }

    /// `POST /api/v1/training-enrolments/{id}/complete {"certificateNo"}`.
    public static func complete(
        certificateNo: String?, stage: EnrolmentStage, present: Int, held: Int, rules: TrainingRules, _ c: inout FormChecker
    ) -> String? {
        let no = c.required(certificateNo, "certificateNo")
        StationForm.text(no, "certificateNo", &c)
        if stage == .completed {
            c.errors.append(FieldError(field: "certificateNo", key: "course.error.completed"))
        } else if !attendedEnough(present: present, held: held, percent: rules.completionPercent) {
            c.errors.append(
                FieldError(
                    field: "attendance", key: "course.error.attendance",
                    args: [String(present), String(held), String(rules.completionPercent)]))
        }
        return c.errors.isEmpty ? no : nil
    }

    /// The months after completion at which a woman is asked what became of her.
    public static let followupMonths = [3, 6]
    /// Days a follow-up may be late before the township is reminded.
    public static let graceDays = 7

    /// `POST …/followups {"month","outcome","note"}`: month 3 or 6, a known outcome; only once the course is
    /// completed (the 409 for a month recorded twice is the caller's).
    public static func followup(
        month: Int?, outcome: String?, note: String?, stage: EnrolmentStage, _ c: inout FormChecker
    ) -> (month: Int, outcome: FollowupOutcome, note: String?)? {
        if let month {
            if !followupMonths.contains(month) { c.errors.append(FieldError(field: "month", key: "field.error.choice")) }
        } else {
            c.errors.append(FieldError(field: "month", key: "field.error.required"))
        }
        let o = c.token(outcome, "outcome", FollowupOutcome.self)
        let n = c.text(note)
        StationForm.text(n, "note", &c)
        if stage != .completed { c.errors.append(FieldError(field: "month", key: "course.error.notCompleted")) }
        guard c.errors.isEmpty, let month, let o else { return nil }
        return (month, o, n)
    }

    /// The day the next missing follow-up is late: its due day (completion + 3 months, then + 6) plus the grace
    /// days; nil before completion and once every follow-up is in. What the sweep reads to remind.
    public static func followupCheckOn(completedOn: CivilDate?, done: Set<Int>) -> CivilDate? {
        guard let completedOn, let next = followupMonths.first(where: { !done.contains($0) }) else { return nil }
        return WomanClassifier.addMonths(completedOn, next).adding(days: graceDays)
    }

    /// Whom a course suggests: active women of its unit who want work or need development. Those whose
    /// `trainingTopics` include the course's topic first; within each part, those of 低保/特困 households first; then
    /// by name.
    public struct Candidate: Sendable, Equatable {
        public let personId: String
        public let name: String
        public let topics: [CourseTopic]
        public let poor: Bool
        public init(personId: String, name: String, topics: [CourseTopic], poor: Bool) {
            self.personId = personId
            self.name = name
            self.topics = topics
            self.poor = poor
        }
    }

    public static func suggestions(_ candidates: [Candidate], topic: CourseTopic) -> [Candidate] {
        func rank(_ x: Candidate) -> Int { (x.topics.contains(topic) ? 0 : 2) + (x.poor ? 0 : 1) }
        return candidates.sorted { (rank($0), $0.name, $0.personId) < (rank($1), $1.name, $1.personId) }
    }
}

extension RecordTag {
    /// Courses and their enrolments are employment records: read and written under that rule, and in its trail.
    public enum Course: AuditedKind { public static let auditSubject = AuditSubject.employment }
    public enum TrainingEnrolment: AuditedKind { public static let auditSubject = AuditSubject.employment }
}

public typealias CourseID = RecordID<RecordTag.Course>
public typealias TrainingEnrolmentID = RecordID<RecordTag.TrainingEnrolment>
