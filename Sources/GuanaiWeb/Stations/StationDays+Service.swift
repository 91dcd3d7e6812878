import Fluent
import Vapor
import GuanaiCore

extension EnrolmentInput: Content {}
extension EnrolmentEndInput: Content {}
extension RosterInput: Content {}
extension StationActivityInput: Content {}

/// A station's day-to-day: enrolling children and ending their places, the daily roster, and activities. Core's
/// `EnrolmentRules`, `RosterRules` and `StationActivityRules` judge; this reads their facts, stores and audits
/// each change on the station.
enum StationDayService {
    /// One child given a place. The station's row is held while its places are counted, and the database keeps one
    /// open enrolment per child, so two staff enrolling at once cannot overfill it or enrol her twice.
    static func enrol(_ s: Station, _ input: EnrolmentInput, scoped: Scoped, actor: AuditActor, at: Date) async throws -> StationEnrolment {
        let today = RegistryService.today(at)
        let childUUID = input.childId.flatMap { UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)) }
        let child = try await childUUID.asyncFlatMap { try await scoped.child(ChildID($0)) }
        let e = StationEnrolment()
        do {
            try await scoped.db.transaction { tx in
                try await StationLocks.hold(s, on: tx)
                var facts: EnrolmentRules.Facts?
                if let child {
                    let open = try await StationEnrolment.query(on: tx).filter(\.$stationID == s.id!).filter(\.$toOn == nil).count()
                    let hers = try await StationEnrolment.query(on: tx).filter(\.$childID == child.id!).filter(\.$toOn == nil).count()
                    facts = .init(
                        childActive: child.status == .active, childHasOpenEnrolment: hers > 0, openAtStation: open, capacity: s.capacity,
                        stationStatus: s.status)
                }
                var c = Checker()
                let from = EnrolmentRules.enrol(childId: input.childId, from: input.from, facts: facts, today: today, &c)
                try c.throwIfAny()
                guard let from, let child else { throw FieldErrors(c.errors) }
                e.id = TimeOrderedID.next()
                e.stationID = s.id!
                e.childID = child.id!
                e.fromOn = from.iso
                e.createdAt = at
                e.updatedAt = at
                try await e.create(on: tx)
                let fields = AuditLog.created(["childId": child.id!.uuidString, "from": from.iso])
                try await AuditLog.append(
                    AuditEvent(AuditAction.create, s.recordID, unit: s.unitCode, fields: fields, detail: ["enrolment": e.id!.uuidString]),
                    by: actor, at: at, on: tx)
            }
        } catch  where IntakeLease.isUniqueViolation(error) {
            throw FieldErrors([FieldError(field: "childId", key: "stations.error.alreadyEnrolled")])
        }
        return e
    }

    /// Her place ends on the day given (hers still: she is marked that day); the reason is kept.
    static func end(
        _ s: Station, _ e: StationEnrolment, _ input: EnrolmentEndInput, scoped: Scoped, actor: AuditActor, at: Date
    ) async throws -> StationEnrolment {
        guard let period = e.period else { throw Abort(.internalServerError) }
        var c = Checker()
        let ended = EnrolmentRules.end(period, on: input.on, reason: input.reason, today: RegistryService.today(at), &c)
        try c.throwIfAny()
        guard let ended else { throw FieldErrors(c.errors) }
        e.toOn = ended.on.iso
        e.endReason = ended.reason
        e.updatedAt = at
        try await scoped.db.transaction { tx in
            try await e.update(on: tx)
            let fields = AuditLog.diff(["to": "", "reason": ""], ["to": ended.on.iso, "reason": ended.reason ?? ""])
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.update, s.recordID, unit: s.unitCode, fields: fields,
                    detail: ["enrolment": e.id!.uuidString, "childId": e.childID.uuidString]),
                by: actor, at: at, on: tx)
        }
        return e
    }

    /// The day's roster as it stands: every child enrolled that day with her mark, if any, and whether the day
    /// can take a roster (nil) or why not.
    static func roster(_ s: Station, day: CivilDate, scoped: Scoped, at: Date) async throws -> StationRoster {
        let rules = try await SettingsStore.load(StationRules.self, on: scoped.db)
        let calendars = try await StationCalendarStore.around(day, on: scoped.db)
        let problem = rules.roster.dateProblem(
            day, today: RegistryService.today(at), schedule: StationSchedule(Set(s.schedule)), calendars: calendars)
        let places = try await scoped.enrolments(s, on: day)
        let marks = Dictionary(try await scoped.marks(s, on: day).map { ($0.childID, $0) }, uniquingKeysWith: { a, _ in a })
        let names = try await scoped.childNames(places.map(\.child))
        let lines = places.map { e in
            StationRoster.Line(childId: e.child, name: names[e.child] ?? "", status: marks[e.childID]?.status, note: marks[e.childID]?.note)
        }.sorted { $0.name < $1.name }
        return StationRoster(day: day, problem: problem, lines: lines)
    }

    /// `PUT …/attendance/{date}`: the marks sent replace the day's; a child left out loses her mark. Every changed
    /// mark is in one audit entry on the station, before and after.
    static func saveRoster(
        _ s: Station, rawDate: String, _ input: RosterInput, scoped: Scoped, actor: AuditActor, at: Date
    ) async throws -> StationRoster {
        // Ids compared as stored (upper case), so one child typed twice in two spellings is still one child.
        let entries = (input.entries ?? []).map {
            RosterEntryInput(
                childId: $0.childId.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }, status: $0.status, note: $0.note)
        }
        let rules = try await SettingsStore.load(StationRules.self, on: scoped.db)
        let typedDay = CivilDate(iso: rawDate.trimmingCharacters(in: .whitespaces))
        let calendars = try await typedDay.asyncFlatMap { try await StationCalendarStore.around($0, on: scoped.db) } ?? []
        let periods = try await scoped.periods(s, children: entries.compactMap(\.childId))
        var c = Checker()
        let checked = rules.roster.check(
            date: rawDate, entries: entries, today: RegistryService.today(at), schedule: StationSchedule(Set(s.schedule)),
            calendars: calendars, enrolled: { id, d in (periods[id.uppercased()] ?? []).contains { $0.covers(d) } }, &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        let day = checked.date
        try await scoped.db.transaction { tx in
            let before = try await StationAttendance.query(on: tx).filter(\.$stationID == s.id!).filter(\.$day == day.iso).all()
            var old: [String: StationAttendance] = [:]
            for m in before { old[m.childID.uuidString] = m }
            var changes: [(child: String, change: FieldChange)] = []
            for entry in checked.entries {
                let key = entry.childId.uppercased()
                let m = old.removeValue(forKey: key) ?? StationAttendance()
                let was = m.id == nil ? "" : m.auditText
                if m.id == nil {
                    m.id = TimeOrderedID.next()
                    m.stationID = s.id!
                    m.childID = UUID(uuidString: key)!
                    m.day = day.iso
                }
                m.status = entry.status
                m.note = entry.note
                guard was != m.auditText else { continue }
                m.markedBy = actor.name
                m.updatedAt = at
                try await m.save(on: tx)
                changes.append((key, FieldChange(before: was, after: m.auditText)))
            }
            for (key, m) in old {
                changes.append((key, FieldChange(before: m.auditText, after: "")))
                try await m.delete(on: tx)
            }
            let present = checked.entries.filter { $0.status == .present }.compactMap { UUID(uuidString: $0.childId.uppercased()) }
            try await SafetyService.contacted(present, on: day, actor: actor, at: at, on: tx)
            // One entry per child whose mark changed, naming her: the trail can then be searched by child.
            try await AuditLog.append(
                contentsOf: changes.map {
                    AuditEvent(
                        AuditAction.update, s.recordID, unit: s.unitCode, fields: ["attendance": $0.change],
                        detail: ["childId": $0.child, "date": day.iso])
                }, by: actor, at: at, on: tx)
        }
        return try await roster(s, day: day, scoped: scoped, at: at)
    }

    static func addActivity(
        _ s: Station, _ input: StationActivityInput, scoped: Scoped, actor: AuditActor, at: Date
    ) async throws -> StationActivity {
        var input = input
        input.participants = input.participants?.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        let periods = try await scoped.periods(s, children: input.participants ?? [])
        var c = Checker()
        let checked = StationActivityRules.check(
            input, today: RegistryService.today(at),
            enrolled: { id, d in (periods[id.uppercased()] ?? []).contains { $0.covers(d) } }, &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        let a = StationActivity()
        a.id = TimeOrderedID.next()
        a.stationID = s.id!
        a.kind = checked.kind
        a.day = checked.date.iso
        a.title = checked.title
        a.note = checked.note
        let ids = checked.participants.map { $0.uppercased() }
        a.participantsJSON = RegistryService.json(ids)
        a.participantCount = ids.count
        a.createdBy = actor.name
        a.createdAt = at
        try await scoped.db.transaction { tx in
            try await a.create(on: tx)
            let fields = AuditLog.created([
                "kind": a.kind.rawValue, "date": a.day, "title": a.title ?? "", "note": a.note ?? "",
                "participants": ids.joined(separator: ","),
            ])
            try await AuditLog.append(
                AuditEvent(AuditAction.create, s.recordID, unit: s.unitCode, fields: fields, detail: ["activity": a.id!.uuidString]),
                by: actor, at: at, on: tx)
        }
        return a
    }
}

/// A day's roster: the children enrolled that day, each with her mark if she has one.
struct StationRoster: Sendable {
    struct Line: Sendable {
        let childId: ChildID, name: String, status: AttendanceStatus?, note: String?
    }
    let day: CivilDate
    /// Why the day takes no roster (a future day, one the station keeps shut, one too long ago); nil when it does.
    let problem: FieldError?
    let lines: [Line]
}
