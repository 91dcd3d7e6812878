import GuanaiCore

/// A course as typed on its new or edit page; the capacity stays text until Core judges it, so what was typed comes
/// back as typed.
struct CoursePageForm: Codable {
    var title: String?
    var topic: String?
    var organiser: String?
    var partner: String?
    var unitCode: String?
    var from: String?
    var to: String?
    var place: String?
    var capacity: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case title, topic, organiser, partner, unitCode, from, to, place, capacity }

    init() {}

    init(_ c: Course) {
        title = c.title; topic = c.topic.rawValue; organiser = c.organiser; partner = c.partner; unitCode = c.unitCode
        from = c.fromOn; to = c.toOn; place = c.place; capacity = String(c.capacity)
    }

    var input: CourseInput {
        let typed = capacity?.trimmingCharacters(in: .whitespaces) ?? ""
        return CourseInput(
            title: title, topic: topic, organiser: organiser, partner: partner ?? "", unitCode: unitCode, from: from, to: to,
            place: place ?? "", capacity: typed.isEmpty ? nil : Int(typed) ?? -1)
    }
}

/// The small forms of a course's page: enrol a suggested woman, certify one, record a follow-up.
struct CourseEnrolPageForm: Codable { var personId: String? }
struct CourseCompletePageForm: Codable { var certificateNo: String? }
struct CourseFollowupPageForm: Codable {
    var month: String?
    var outcome: String?
    var note: String?
    var input: TrainingFollowupInput {
        TrainingFollowupInput(month: month.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }, outcome: outcome, note: note)
    }
}

/// One day's sheet: every woman shown (`personId`), those ticked present (`present`).
struct CourseAttendancePageForm: Codable {
    var date: String?
    var personId: [String]?
    var present: [String]?
    static let dateKey = "date"

    var entries: [CourseAttendanceInput.Entry] {
        let ticked = Set(present ?? [])
        return (personId ?? []).map { .init(personId: $0, present: ticked.contains($0)) }
    }
}
