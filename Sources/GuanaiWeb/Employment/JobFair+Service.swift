import Fluent
import Vapor
import GuanaiCore

extension JobFairInput: Content {}
extension FairEmployerInput: Content {}
extension FairPostingInput: Content {}
extension FairPersonInput: Content {}
extension FairFollowupInput: Content {}

/// Fairs and what is recorded at them. Core's `JobFairRules` judges; this reads the facts, stores, and audits every
/// change on the fair (or the hire) under the employment trail, naming the part in `detail.record`.
enum JobFairService {
    static func audit(
        _ action: AuditAction, _ id: UUID, unit: String, record: String, fields: [String: FieldChange], by actor: AuditActor, at: Date,
        on db: any Database
    ) async throws {
        try await AuditLog.append(
            AuditEvent(action, .employment, id.uuidString, unit: unit, fields: fields, detail: ["record": record]), by: actor, at: at,
            on: db)
    }

    static func check(_ input: JobFairInput, scoped: Scoped) async throws -> CheckedJobFair {
        let unit = try await scoped.unitFactsForWrite(JobFairRules.unitCode(input))
        var c = Checker()
        let checked = JobFairRules.fair(input, unit: unit, &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        return checked
    }

    static func create(_ input: JobFairInput, scoped: Scoped, actor: AuditActor, at: Date) async throws -> JobFair {
        let checked = try await check(input, scoped: scoped)
        let f = JobFair()
        f.id = TimeOrderedID.next()
        f.apply(checked)
        f.createdAt = at
        f.updatedAt = at
        try await scoped.db.transaction { tx in
            try await f.create(on: tx)
            try await audit(
                .create, f.id!, unit: f.unitCode, record: "job_fair", fields: AuditLog.created(f.auditFields), by: actor, at: at, on: tx)
        }
        return f
    }

    /// A PATCH: fields sent replace the fair's; `whole` (the edit page posts every field) clears a field left blank.
    static func update(_ f: JobFair, _ patch: JobFairInput, whole: Bool = false, scoped: Scoped, actor: AuditActor, at: Date)
        async throws -> JobFair
    {
        let checked = try await check(whole ? patch : patch.merged(over: f.input), scoped: scoped)
        let before = f.auditFields
        f.apply(checked)
        let diff = AuditLog.diff(before, f.auditFields)
        guard !diff.isEmpty else { return f }
        f.updatedAt = at
        try await scoped.db.transaction { tx in
            try await f.update(on: tx)
            try await audit(.update, f.id!, unit: f.unitCode, record: "job_fair", fields: diff, by: actor, at: at, on: tx)
        }
        return f
    }

    static func addEmployer(_ f: JobFair, _ input: FairEmployerInput, scoped: Scoped, actor: AuditActor, at: Date) async throws
        -> FairEmployer
    {
        var c = Checker()
        let checked = JobFairRules.employer(input, &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        let e = FairEmployer()
        e.id = TimeOrderedID.next()
        e.fairID = f.id!
        e.name = checked.name
        e.contact = checked.contact
        e.phone = checked.phone
        e.industry = checked.industry
        e.createdAt = at
        try await scoped.db.transaction { tx in
            try await e.create(on: tx)
            try await audit(
                .create, f.id!, unit: f.unitCode, record: "job_fair_employer", fields: AuditLog.created(e.auditFields), by: actor, at: at,
                on: tx)
        }
        return e
    }

    static func addPosting(_ f: JobFair, _ input: FairPostingInput, scoped: Scoped, actor: AuditActor, at: Date) async throws
        -> FairPosting
    {
        var c = Checker()
        let checked = JobFairRules.posting(input, employerKnown: try await scoped.fairEmployerKnown(f, input.employerId), &c)
        try c.throwIfAny()
        guard let checked, let employer = UUID(uuidString: checked.employerId) else { throw FieldErrors(c.errors) }
        let p = FairPosting()
        p.id = TimeOrderedID.next()
        p.fairID = f.id!
        p.employerID = employer
        p.title = checked.title
        p.payMinFen = checked.payMin?.fen
        p.payMaxFen = checked.payMax?.fen
        p.place = checked.place
        p.hours = checked.hours
        p.suitsCarers = checked.suitsCarers
        p.openings = checked.openings
        p.createdAt = at
        try await scoped.db.transaction { tx in
            try await p.create(on: tx)
            try await audit(
                .create, f.id!, unit: f.unitCode, record: "job_fair_posting", fields: AuditLog.created(p.auditFields), by: actor, at: at,
                on: tx)
        }
        return p
    }

    static func addAttendee(_ f: JobFair, _ input: FairPersonInput, scoped: Scoped, actor: AuditActor, at: Date) async throws
        -> FairAttendee
    {
        let found = try await scoped.fairWoman(input.personId)
        var c = Checker()
        _ = JobFairRules.attendee(personId: input.personId, woman: found?.1, &c)
        try c.throwIfAny()
        guard let person = found?.0, let pid = person.id else { throw FieldErrors(c.errors) }
        if let had = try await scoped.fairAttendee(f, person: pid) {
            throw ConflictError(field: "personId", key: "fairs.error.alreadyAttending", existingID: had.id!.uuidString)
        }
        let a = FairAttendee()
        a.id = TimeOrderedID.next()
        a.fairID = f.id!
        a.personID = pid
        a.createdAt = at
        try await scoped.db.transaction { tx in
            try await a.create(on: tx)
            try await audit(
                .create, f.id!, unit: f.unitCode, record: "job_fair_attendee", fields: AuditLog.created(["personId": pid.uuidString]),
                by: actor, at: at, on: tx)
        }
        return a
    }

    /// The facts an intent or a hire is judged on; the woman must be one the caller reaches.
    static func match(_ f: JobFair, _ input: FairPersonInput, scoped: Scoped) async throws
        -> (person: UUID?, posting: FairPosting?, facts: JobFairRules.Match)
    {
        let person = try await scoped.fairWoman(input.personId)?.0.id
        let attended = try await person.asyncFlatMap { try await scoped.fairAttendee(f, person: $0) } != nil
        let posting = try await scoped.fairPosting(f, input.postingId)
        let hired = try await posting.asyncFlatMap { try await scoped.fairHireCount(posting: $0.id!) } ?? 0
        return (
            person, posting,
            JobFairRules.Match(attended: attended, postingOfFair: posting != nil, openings: posting?.openings ?? 0, hired: hired)
        )
    }

    static func addIntent(_ f: JobFair, _ input: FairPersonInput, scoped: Scoped, actor: AuditActor, at: Date) async throws
        -> FairIntent
    {
        let m = try await match(f, input, scoped: scoped)
        var c = Checker()
        guard JobFairRules.intent(input, m.facts, &c), let pid = m.person, let posting = m.posting?.id else { throw FieldErrors(c.errors) }
        if let had = try await scoped.fairIntent(posting: posting, person: pid) {
            throw ConflictError(field: "personId", key: "fairs.error.alreadyIntent", existingID: had.id!.uuidString)
        }
        let i = FairIntent()
        i.id = TimeOrderedID.next()
        i.fairID = f.id!
        i.personID = pid
        i.postingID = posting
        i.createdAt = at
        try await scoped.db.transaction { tx in
            try await i.create(on: tx)
            try await audit(
                .create, f.id!, unit: f.unitCode, record: "job_fair_intent",
                fields: AuditLog.created(["personId": pid.uuidString, "postingId": posting.uuidString]), by: actor, at: at, on: tx)
        }
        return i
    }

    /// Once per woman and posting (409 before the openings are counted, so a repeat is told as a repeat).
    static func addHire(_ f: JobFair, _ input: FairPersonInput, scoped: Scoped, actor: AuditActor, at: Date) async throws -> FairHire {
        let m = try await match(f, input, scoped: scoped)
        if let pid = m.person, let posting = m.posting?.id, let had = try await scoped.fairHire(posting: posting, person: pid) {
            throw ConflictError(field: "personId", key: "fairs.error.alreadyHired", existingID: had.id!.uuidString)
        }
        var c = Checker()
        guard JobFairRules.hire(input, m.facts, &c), let pid = m.person, let posting = m.posting?.id else { throw FieldErrors(c.errors) }
        let today = RegistryService.today(at)
        let h = FairHire()
        h.id = TimeOrderedID.next()
        h.fairID = f.id!
        h.personID = pid
        h.postingID = posting
        h.hiredOn = today.iso
        h.followupCheckOn = JobFairRules.followupCheckOn(hiredOn: today).iso
        h.createdAt = at
        try await scoped.db.transaction { tx in
            try await h.create(on: tx)
            try await audit(
                .create, h.id!, unit: f.unitCode, record: ReminderSubject.jobFairHire.rawValue,
                fields: AuditLog.created(["personId": pid.uuidString, "postingId": posting.uuidString, "hiredOn": h.hiredOn]),
                by: actor, at: at, on: tx)
        }
        return h
    }

    static func addFollowup(_ h: FairHire, _ f: JobFair, _ input: FairFollowupInput, scoped: Scoped, actor: AuditActor, at: Date)
        async throws -> FairFollowup
    {
        if let had = try await scoped.fairFollowup(hire: h.id!) {
            throw ConflictError(field: "outcome", key: "fairs.error.alreadyFollowedUp", existingID: had.id!.uuidString)
        }
        var c = Checker()
        let checked = JobFairRules.followup(input, &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        let r = FairFollowup()
        r.id = TimeOrderedID.next()
        r.hireID = h.id!
        r.outcome = checked.outcome
        r.note = checked.note
        r.recordedOn = RegistryService.today(at).iso
        r.createdAt = at
        let before = h.followupCheckOn
        h.followupCheckOn = nil
        try await scoped.db.transaction { tx in
            try await r.create(on: tx)
            try await h.update(on: tx)
            try await Reminders.resolve(.jobFairHire, h.id!, on: tx, at: at)
            try await audit(
                .create, h.id!, unit: f.unitCode, record: "job_fair_followup",
                fields: AuditLog.created(["outcome": r.outcome.rawValue, "note": r.note ?? ""]).merging(
                    ["followupCheckOn": FieldChange(before: before, after: nil)], uniquingKeysWith: { a, _ in a }),
                by: actor, at: at, on: tx)
        }
        return r
    }
}
