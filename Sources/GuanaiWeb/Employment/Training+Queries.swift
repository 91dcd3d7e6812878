import Fluent
import Vapor
import GuanaiCore

extension Scoped {
    /// Courses held in the jurisdiction (or in `unit` within it), and those of the units above it, which serve its
    /// women; by start date, latest first.
    func courses(unit: String?, page: Int, per: Int) async throws -> (items: [Course], total: Int) {
        let j = unit.map(narrowed) ?? jurisdiction
        var above: [String] = []
        var code = j.root?.parent
        while let c = code {
            above.append(c.value)
            code = c.parent
        }
        let r = j.range
        let q = Course.query(on: db).group(.or) { or in
            or.group(.and) { and in
                and.filter(\.$unitCode >= r.lowerBound)
                and.filter(\.$unitCode <= r.upperBound)
            }
            if !above.isEmpty { or.filter(\.$unitCode ~~ above) }
        }
        return (
            try await q.copy().sort(\.$fromOn, .descending).sort(\.$title).range(((page - 1) * per)..<(page * per)).all(),
            try await q.count()
        )
    }

    /// nil when the caller does not see the course: the caller answers 404 either way.
    func course(_ raw: String?) async throws -> Course? {
        guard let id = raw.flatMap(UUID.init(uuidString:)), let c = try await Course.find(id, on: db),
            TrainingAccess.sees(courseUnit: c.unitCode, jurisdiction)
        else { return nil }
        return c
    }

    /// The enrolment, when its woman is in the jurisdiction and its course seen.
    func trainingEnrolment(_ raw: String?) async throws -> (TrainingEnrolment, Course)? {
        guard let id = raw.flatMap(UUID.init(uuidString:)), let e = try await TrainingEnrolment.find(id, on: db), inScope(e.unitCode),
            let c = try await Course.find(e.courseID, on: db)
        else { return nil }
        return (e, c)
    }

    /// A course's enrolments the caller reaches (a village worker: her village's women), in enrolment order.
    func trainingEnrolments(_ course: Course) async throws -> [TrainingEnrolment] {
        try await TrainingEnrolment.query(on: db).filter(\.$courseID == course.id!).within(jurisdiction, \.$unitCode)
            .sort(\.$createdAt).sort(\.$id).all()
    }

    /// Every enrolment of the course, whoever reaches them: places are counted against the whole course.
    func enrolledCount(_ course: Course) async throws -> Int {
        try await TrainingEnrolment.query(on: db).filter(\.$courseID == course.id!).count()
    }

    func existingEnrolment(_ course: Course, person: UUID) async throws -> TrainingEnrolment? {
        try await TrainingEnrolment.query(on: db).filter(\.$courseID == course.id!).filter(\.$personID == person).first()
    }

    /// A living woman (a person of female sex) in the jurisdiction; nil otherwise.
    func trainee(_ raw: String?) async throws -> Person? {
        guard let id = raw.flatMap({ UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)) }),
            let p = try await person(PersonID(id)), p.sex == Sex.female.rawValue, p.vital == .alive
        else { return nil }
        return p
    }

    /// The days the course has held (any attendance marked), sorted.
    func heldDays(_ course: Course) async throws -> [String] {
        Set(try await TrainingAttendance.query(on: db).filter(\.$courseID == course.id!).all(\.$day)).sorted()
    }

    /// Days present, by enrolment.
    func presentDays(_ course: Course) async throws -> [UUID: Int] {
        let rows = try await TrainingAttendance.query(on: db).filter(\.$courseID == course.id!).filter(\.$present == true)
            .all(\.$enrolmentID)
        return rows.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    func attendance(_ course: Course, day: String) async throws -> [UUID: Bool] {
        let rows = try await TrainingAttendance.query(on: db).filter(\.$courseID == course.id!).filter(\.$day == day).all()
        return Dictionary(rows.map { ($0.enrolmentID, $0.present) }, uniquingKeysWith: { a, _ in a })
    }

    func followups(_ enrolments: [UUID]) async throws -> [UUID: [TrainingFollowup]] {
        guard !enrolments.isEmpty else { return [:] }
        let rows = try await TrainingFollowup.query(on: db).filter(\.$enrolmentID ~~ enrolments).sort(\.$month).all()
        return Dictionary(grouping: rows, by: \.enrolmentID)
    }

    /// Names of the people enrolled, for lists.
    func personNames(_ ids: [UUID]) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await Person.query(on: db).filter(\.$id ~~ ids).all()
        return Dictionary(rows.map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// Active women of the course's unit (within the caller's reach) who want work or need development, not yet on
    /// the course, as Core's candidates (at most 2,000 read).
    func trainingCandidates(_ course: Course) async throws -> [(candidate: TrainingCheck.Candidate, unit: String)] {
        let j = narrowed(course.unitCode)
        let women = try await Woman.query(on: db).within(j, \.$unitCode).filter(\.$voidedReason == nil).filter(\.$status == .active)
            .limit(2000).all()
        let wanted = women.filter { $0.details[flag: .employmentInterest] || $0.needList.contains(.development) }
        let enrolled = Set(try await TrainingEnrolment.query(on: db).filter(\.$courseID == course.id!).all(\.$personID))
        let people = try await Person.query(on: db).filter(\.$id ~~ wanted.map(\.personID)).all()
        let byID = Dictionary(people.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let householdIDs = wanted.compactMap(\.householdID)
        var poor: Set<UUID> = []
        if !householdIDs.isEmpty {
            poor = Set(
                try await Household.query(on: db).filter(\.$id ~~ householdIDs)
                    .filter(\.$poverty ~~ [PovertyStatus.dibao.rawValue, PovertyStatus.tekun.rawValue]).all(\.$id))
        }
        var out: [(candidate: TrainingCheck.Candidate, unit: String)] = []
        for w in wanted where !enrolled.contains(w.personID) {
            guard let p = byID[w.personID], p.vital == .alive else { continue }
            var c = FormChecker()
            let topics = CourseForm.topics([w.details[text: .trainingTopics] ?? ""], &c)
            let candidate = TrainingCheck.Candidate(
                personId: w.personID.uuidString, name: p.name, topics: topics, poor: w.householdID.map(poor.contains) ?? false)
            out.append((candidate: candidate, unit: w.unitCode))
        }
        return out
    }
}
