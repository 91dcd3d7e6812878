import Fluent
import Vapor
import GuanaiCore

extension CourseInput: Content {}

/// Courses, enrolments, attendance, certificates and follow-ups, each change audited under `employment`. Core's
/// `CourseForm` and `TrainingCheck` judge; this reads the facts they need and stores.
enum TrainingService {
    static func createCourse(_ input: CourseInput, scoped: Scoped, actor: AuditActor, at: Date) async throws -> Course {
        let checked = try await check(input, scoped: scoped, enrolled: 0)
        let c = Course()
        c.id = TimeOrderedID.next()
        c.apply(checked)
        c.createdAt = at
        c.updatedAt = at
        try await scoped.db.transaction { tx in
            try await c.create(on: tx)
            try await AuditLog.append(
                AuditEvent(AuditAction.create, .employment, c.id!.uuidString, unit: c.unitCode, fields: AuditLog.created(c.auditFields)),
                by: actor, at: at, on: tx)
        }
        return c
    }

    /// A PATCH: the fields sent replace the course's, the whole is checked again; a course's unit must stay in the
    /// caller's jurisdiction, and its capacity may not fall below the women already enrolled.
    static func updateCourse(_ c: Course, _ patch: CourseInput, scoped: Scoped, actor: AuditActor, at: Date) async throws -> Course {
        guard scoped.inScope(c.unitCode) else { throw Abort(.notFound) }
        let checked = try await check(c.input.merging(patch), scoped: scoped, enrolled: try await scoped.enrolledCount(c))
        let before = c.auditFields
        c.apply(checked)
        let diff = AuditLog.diff(before, c.auditFields)
        guard !diff.isEmpty else { return c }
        c.updatedAt = at
        try await scoped.db.transaction { tx in
            try await c.update(on: tx)
            try await AuditLog.append(
                AuditEvent(AuditAction.update, .employment, c.id!.uuidString, unit: c.unitCode, fields: diff), by: actor, at: at, on: tx)
        }
        return c
    }

    static func check(_ input: CourseInput, scoped: Scoped, enrolled: Int) async throws -> CheckedCourse {
        let unit = try await scoped.unitFactsForWrite(CourseForm.unitCode(input))
        var c = Checker()
        let checked = CourseForm.check(input, unit: unit, &c)
        CourseForm.capacity(input.capacity, holds: enrolled, &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        return checked
    }

    /// A woman in the caller's reach, once per course (409 naming the first), while places are left.
    static func enrol(_ course: Course, personId: String?, scoped: Scoped, actor: AuditActor, at: Date) async throws
        -> TrainingEnrolment
    {
        let person = try await scoped.trainee(personId)
        if let person, let first = try await scoped.existingEnrolment(course, person: person.id!) {
            throw ConflictError(field: "personId", key: "course.error.enrolledTwice", existingID: first.id!.uuidString)
        }
        var c = Checker()
        TrainingCheck.enrol(
            personId: personId,
            facts: .init(womanFound: person != nil, enrolled: try await scoped.enrolledCount(course), capacity: course.capacity), &c)
        try c.throwIfAny()
        guard let person else { throw FieldErrors(c.errors) }
        let e = TrainingEnrolment()
        e.id = TimeOrderedID.next()
        e.courseID = course.id!
        e.personID = person.id!
        e.unitCode = person.unitCode
        e.stage = .enrolled
        e.createdAt = at
        e.createdBy = actor.name
        try await scoped.db.transaction { tx in
            try await e.create(on: tx)
            let fields = ["courseId": course.id!.uuidString, "personId": person.id!.uuidString, "stage": e.stage.rawValue]
            try await AuditLog.append(
                AuditEvent(AuditAction.create, .employment, e.id!.uuidString, unit: e.unitCode, fields: AuditLog.created(fields)),
                by: actor, at: at, on: tx)
        }
        return e
    }

    /// Marks the day for the women named (each enrolled and in the caller's reach); a mark already there is
    /// replaced. One audit entry for the day, with each change.
    static func saveAttendance(
        _ course: Course, day raw: String, entries: [CourseAttendanceInput.Entry], scoped: Scoped, actor: AuditActor, at: Date
    ) async throws -> [TrainingEnrolment] {
        let mine = try await scoped.trainingEnrolments(course)
        let byPerson = Dictionary(mine.map { ($0.personID.uuidString, $0) }, uniquingKeysWith: { a, _ in a })
        var c = Checker()
        guard let checked = course.checked else { throw Abort(.internalServerError) }
        let day = TrainingCheck.attendanceDay(
            raw, course: checked, today: RegistryService.today(at), entries: entries.map { ($0.personId, $0.present) },
            enrolled: Set(byPerson.keys), &c)
        try c.throwIfAny()
        guard let day else { throw FieldErrors(c.errors) }
        let before = try await scoped.attendance(course, day: day.iso)
        var marks: [(enrolment: UUID, present: Bool)] = []
        var fields: [String: FieldChange] = [:]
        for e in entries {
            guard let en = byPerson[e.personId?.trimmingCharacters(in: .whitespaces) ?? ""], let present = e.present else { continue }
            let old = before[en.id!]
            guard old != present else { continue }
            fields[en.personID.uuidString] = FieldChange(before: old.map { String($0) } ?? "", after: String(present))
            marks.append((en.id!, present))
        }
        guard !marks.isEmpty else { return mine }
        let changes = fields, toWrite = marks
        try await scoped.db.transaction { tx in
            for (enrolment, present) in toWrite {
                try await TrainingAttendance.query(on: tx).filter(\.$enrolmentID == enrolment).filter(\.$day == day.iso).delete()
                let row = TrainingAttendance()
                row.id = TimeOrderedID.next()
                row.courseID = course.id!
                row.enrolmentID = enrolment
                row.day = day.iso
                row.present = present
                try await row.create(on: tx)
            }
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.update, .employment, course.id!.uuidString, unit: course.unitCode, fields: changes,
                    detail: ["attendance": day.iso]), by: actor, at: at, on: tx)
        }
        return mine
    }

    /// The certificate, when she attended enough of the days held (`TrainingRules.completionPercent`, 80 by default).
    static func complete(
        _ e: TrainingEnrolment, _ course: Course, certificateNo: String?, scoped: Scoped, actor: AuditActor, at: Date
    ) async throws -> TrainingEnrolment {
        let rules = try await SettingsStore.load(TrainingRules.self, on: scoped.db)
        let held = try await scoped.heldDays(course).count
        let present = try await scoped.presentDays(course)[e.id!] ?? 0
        var c = Checker()
        let no = TrainingCheck.complete(certificateNo: certificateNo, stage: e.stage, present: present, held: held, rules: rules, &c)
        try c.throwIfAny()
        guard let no else { throw FieldErrors(c.errors) }
        let today = RegistryService.today(at)
        e.stage = .completed
        e.certificateNo = no
        e.completedOn = today.iso
        e.followupCheckOn = TrainingCheck.followupCheckOn(completedOn: today, done: [])?.iso
        try await scoped.db.transaction { tx in
            try await e.update(on: tx)
            let fields = [
                "stage": FieldChange(before: EnrolmentStage.enrolled.rawValue, after: e.stage.rawValue),
                "certificateNo": FieldChange(before: "", after: no), "completedOn": FieldChange(before: "", after: today.iso),
            ]
            try await AuditLog.append(
                AuditEvent(AuditAction.update, .employment, e.id!.uuidString, unit: e.unitCode, fields: fields), by: actor, at: at, on: tx)
        }
        return e
    }

    /// One follow-up per month (a second for the same month is 409 naming the first); the next check day moves on.
    static func followup(_ e: TrainingEnrolment, _ input: TrainingFollowupInput, scoped: Scoped, actor: AuditActor, at: Date) async throws
        -> TrainingFollowup
    {
        let have = try await scoped.followups([e.id!])[e.id!] ?? []
        if let month = input.month, let first = have.first(where: { $0.month == month }) {
            throw ConflictError(field: "month", key: "course.error.followupTwice", existingID: first.id!.uuidString)
        }
        var c = Checker()
        let checked = TrainingCheck.followup(month: input.month, outcome: input.outcome, note: input.note, stage: e.stage, &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        let f = TrainingFollowup()
        f.id = TimeOrderedID.next()
        f.enrolmentID = e.id!
        f.month = checked.month
        f.outcome = checked.outcome
        f.note = checked.note
        f.recordedAt = at
        f.recordedBy = actor.name
        let before = e.followupCheckOn
        e.followupCheckOn =
            TrainingCheck.followupCheckOn(
                completedOn: e.completedOn.flatMap(CivilDate.init(iso:)), done: Set(have.map(\.month) + [checked.month]))?.iso
        try await scoped.db.transaction { tx in
            try await f.create(on: tx)
            try await e.update(on: tx)
            // The late follow-up is in: its reminder leaves 我的提醒 (month 6 is reminded anew when it is late).
            try await Reminders.resolve(.trainingEnrolment, e.id!, on: tx, at: at)
            let fields = [
                "followup\(checked.month)": FieldChange(before: "", after: checked.outcome.rawValue),
                "followupCheckOn": FieldChange(before: before ?? "", after: e.followupCheckOn ?? ""),
            ]
            try await AuditLog.append(
                AuditEvent(AuditAction.update, .employment, e.id!.uuidString, unit: e.unitCode, fields: fields), by: actor, at: at, on: tx)
        }
        return f
    }
}
