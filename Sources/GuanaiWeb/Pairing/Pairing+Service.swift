import Fluent
import Vapor
import GuanaiCore

// The volunteer's input and its checks are Core's (VolunteerForm); here it becomes request content.
extension VolunteerInput: Content {}

extension ScreeningInput: Content {}
extension PairActionInput: Content {}
extension ContactInput: Content {}
struct PairInput: Content, Sendable { var childId: String?; var volunteerId: String? }

/// Volunteers, their screening, and pairs through their lifecycle. Every change is audited with the pair's history.
enum PairingService {

    // MARK: volunteers

    static func createVolunteer(_ input: VolunteerInput, scoped: Scoped, actor: AuditActor, at: Date) async throws -> Volunteer {
        var c = Checker()
        let unit = try await VolunteerForm.unitCode(input).asyncFlatMap { try await scoped.unit($0) }
        let checked = VolunteerForm.check(input, unit: unit.map(\.formFacts), &c)
        let user = try await accountToLink(input.account, except: nil, scoped: scoped, &c)
        try c.throwIfAny()
        guard let checked, let unit else { throw FieldErrors(c.errors) }
        if let existing = try await Volunteer.query(on: scoped.db).filter(\.$idNumber == checked.id.value).first() {
            throw ConflictError.existing(
                field: "idNumber", key: "pairing.error.volunteerExists", id: existing.id!.uuidString, unit: existing.unitCode,
                scoped: scoped)
        }
        let v = Volunteer()
        v.id = TimeOrderedID.next()
        v.unitCode = unit.code
        v.name = checked.name
        v.idNumber = checked.id.value
        v.record = checked.record
        v.userID = user?.id
        v.screening = "{}"
        v.serviceMinutes = 0
        v.createdAt = at
        v.updatedAt = at
        try await scoped.db.transaction { tx in
            try await v.create(on: tx)
            try await AuditLog.append(
                AuditEvent(AuditAction.create, v.recordID, unit: v.unitCode, fields: AuditLog.created(v.auditFields)),
                by: actor, at: at, on: tx)
        }
        return v
    }

    /// Her own account: a volunteer account in the caller's jurisdiction, not already linked to someone else.
    static func accountToLink(_ raw: String?, except: VolunteerID?, scoped: Scoped, _ c: inout Checker) async throws -> User? {
        let name = (raw ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return nil }
        let u = try await UserDirectory.byUsername(name, on: scoped.db)
        var taken = false
        if let u, let other = try await Volunteer.query(on: scoped.db).filter(\.$userID == u.id!).first(), other.id != except?.uuid {
            taken = true
        }
        if let problem = VolunteerForm.accountProblem(found: u.map { ($0.role, scoped.inScope($0.unitCode), taken) }) {
            c.errors.append(problem)
            return nil
        }
        return u
    }

    static func updateVolunteer(_ v: Volunteer, _ input: VolunteerInput, scoped: Scoped, actor: AuditActor, at: Date) async throws {
        var c = Checker()
        let before = v.auditFields
        var record = v.record
        VolunteerForm.change(&record, input, openLoad: input.capacity == nil ? 0 : try await openLoad(v.recordID, on: scoped.db), &c)
        v.record = record
        if let name = input.account {
            if name.trimmingCharacters(in: .whitespaces).isEmpty {
                v.userID = nil
            } else if let u = try await accountToLink(name, except: v.recordID, scoped: scoped, &c) {
                v.userID = u.id
            }
        }
        try c.throwIfAny()
        v.updatedAt = at
        let diff = AuditLog.diff(before, v.auditFields)
        try await scoped.db.transaction { tx in
            try await v.save(on: tx)
            if !diff.isEmpty {
                try await AuditLog.append(
                    AuditEvent(AuditAction.update, v.recordID, unit: v.unitCode, fields: diff), by: actor, at: at, on: tx
                )
            }
        }
    }

    /// One screening step confirmed, with its date and who confirmed it. A date in the future is refused.
    static func screen(_ v: Volunteer, _ input: ScreeningInput, by name: String, actor: AuditActor, at: Date, on db: any Database)
        async throws
    {
        var c = Checker()
        let checked = PairRecords.screening(input, today: RegistryService.today(at), &c)
        try c.throwIfAny()
        guard let (step, date) = checked else { throw FieldErrors(c.errors) }
        var checks = v.checks
        let before = checks[step.rawValue].map { "\($0.on) \($0.by)" }
        checks[step.rawValue] = Volunteer.Check(on: date.iso, by: name)
        v.screening = RegistryService.json(checks)
        v.updatedAt = at
        try await db.transaction { tx in
            try await v.save(on: tx)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.update, v.recordID, unit: v.unitCode,
                    fields: ["screening." + step.rawValue: FieldChange(before: before, after: "\(date.iso) \(name)")]), by: actor, at: at,
                on: tx)
        }
    }

    // MARK: pairs

    /// Pairs that hold a place in her capacity: proposed, approved, active and paused.
    static func openLoad(_ volunteer: VolunteerID, on db: any Database) async throws -> Int {
        try await Pair.query(on: db).filter(\.$volunteerID == volunteer.uuid).filter(\.$status != .closed).count()
    }

    static func openPair(child: ChildID, on db: any Database) async throws -> Pair? {
        try await Pair.query(on: db).filter(\.$childID == child.uuid).filter(\.$status != .closed).first()
    }

    /// The checks a new or reopened pair must pass: a monitored child without another open pair, a screened active
    /// volunteer with room. Each failure names its field.
    static func gate(child c: Child, volunteer v: Volunteer, except: PairID? = nil, on db: any Database) async throws -> [FieldError] {
        let other = try await openPair(child: c.recordID, on: db)
        let screened = Set(ScreeningStep.allCases.filter { v.checks[$0.rawValue] != nil })
        let load = try await openLoad(v.recordID, on: db)
        return PairGate.errors(
            child: .init(status: c.status, otherOpenPair: other.map { $0.id != except?.uuid } ?? false),
            volunteer: .init(status: v.status, screened: screened, capacity: v.capacity, openLoad: load))
    }

    static func propose(
        child c: Child, volunteer v: Volunteer, cost: Int? = nil, by name: String, actor: AuditActor, at: Date, on db: any Database
    ) async throws -> Pair {
        let errors = try await gate(child: c, volunteer: v, on: db)
        if !errors.isEmpty { throw FieldErrors(errors) }
        let p = Pair()
        p.id = TimeOrderedID.next()
        p.childID = c.id!
        p.volunteerID = v.id!
        p.unitCode = c.unitCode
        p.status = .proposed
        p.cost = cost
        p.createdAt = at
        p.updatedAt = at
        try await db.transaction { tx in
            try await p.create(on: tx)
            try await event(p, from: nil, note: "", by: name, at: at, on: tx)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.create, p.recordID, unit: p.unitCode,
                    fields: AuditLog.created([
                        "childId": c.id!.uuidString, "volunteerId": v.id!.uuidString,
                        "status": p.status.rawValue,
                    ])), by: actor, at: at, on: tx)
        }
        return p
    }

    static func event(_ p: Pair, from: PairStatus?, note: String, by name: String, at: Date, on db: any Database) async throws {
        let e = PairEvent()
        e.pairID = p.id!
        e.fromStatus = from
        e.toStatus = p.status
        e.note = note
        e.byName = name
        e.at = at
        try await e.create(on: db)
    }

    /// One step of the lifecycle. Closing needs a reason and a note; reopening passes the gate again.
    static func act(
        _ p: Pair, _ action: PairAction, _ input: PairActionInput, startedOn: String? = nil, by name: String, actor: AuditActor, at: Date,
        on db: any Database
    ) async throws {
        guard PairLifecycle.next(p.status, action) != nil else { throw FieldErrors([PairLifecycle.refused]) }
        var gate: [FieldError] = []
        if action == .reopen {
            guard let c = try await Child.find(p.child, on: db), let v = try await Volunteer.find(p.volunteer, on: db) else {
                throw Abort(.notFound)
            }
            gate = try await self.gate(child: c, volunteer: v, except: p.recordID, on: db)
        }
        let step = try PairLifecycle.step(from: p.status, action, input, gate: gate).get()
        let (note, eventNote, planned) = (step.note, step.eventNote, step.planned)
        let before = p.status
        var record = p.record
        step.apply(to: &record, startedOn: startedOn, today: RegistryService.today(at))
        p.record = record
        p.updatedAt = at
        try await db.transaction { tx in
            try await refreshCadence(p, today: RegistryService.today(at), on: tx)
            try await p.save(on: tx)
            try await event(p, from: before, note: eventNote, by: name, at: at, on: tx)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.update, p.recordID, unit: p.unitCode,
                    fields: ["status": FieldChange(before: before.rawValue, after: p.status.rawValue)],
                    detail: ["action": action.rawValue, "note": note]
                        .merging(planned.map { ["startOn": $0.iso] } ?? [:]) { a, _ in a }),
                by: actor, at: at, on: tx)
            // A start day that has already come starts the pair at once.
            if let d = planned, step.startsAtOnce(today: RegistryService.today(at)) {
                try await act(p, .start, PairActionInput(note: ""), startedOn: d.iso, by: name, actor: actor, at: at, on: tx)
            }
        }
    }

    /// A contact by the volunteer (or recorded for her). The first contact of an approved pair starts it; her service
    /// hours grow by the minutes given.
    static func recordContact(
        _ p: Pair, _ input: ContactInput, by name: String, onBehalf: Bool, actor: AuditActor, at: Date, on db: any Database
    ) async throws -> PairContact {
        var c = Checker()
        let today = RegistryService.today(at)
        let checked = PairRecords.contact(input, pair: p.status, today: today, &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        let minutes = checked.minutes
        let k = PairContact()
        k.id = TimeOrderedID.next()
        k.pairID = p.id!
        k.unitCode = p.unitCode
        k.onDate = checked.date.iso
        k.mode = checked.mode
        k.minutes = minutes
        k.notes = checked.notes
        k.byName = name
        k.onBehalf = onBehalf
        k.createdAt = at
        try await db.transaction { tx in
            if p.status == .approved {
                try await act(p, .start, PairActionInput(note: ""), startedOn: checked.date.iso, by: name, actor: actor, at: at, on: tx)
            }
            try await k.create(on: tx)
            if (p.lastContactOn ?? "") < k.onDate { p.lastContactOn = k.onDate }
            try await SafetyService.contacted([p.childID], on: checked.date, actor: actor, at: at, on: tx)
            try await refreshCadence(p, today: today, on: tx)
            try await p.save(on: tx)
            if let v = try await Volunteer.find(p.volunteer, on: tx) { v.serviceMinutes += minutes; try await v.save(on: tx) }
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.create, .contact, k.id!.uuidString, unit: k.unitCode,
                    fields: AuditLog.created([
                        "pairId": p.id!.uuidString, "date": k.onDate,
                        "mode": k.mode.rawValue, "minutes": String(minutes),
                        "onBehalf": String(onBehalf),
                    ])),
                by: actor, at: at, on: tx)
        }
        return k
    }

    // MARK: contact cadence

    /// The pair's standing on `today`, from its contacts of the last two calendar months (all the rule reads).
    static func standing(_ p: Pair, today: CivilDate, rules: ContactCadenceRules, contacts: [String]? = nil, on db: any Database)
        async throws -> ContactStanding?
    {
        guard p.status == .active, let start = p.startedOn.flatMap(CivilDate.init(iso:)) else { return nil }
        let from = ContactCadence.firstOfMonth(ContactCadence.firstOfMonth(today).adding(days: -1)).iso
        let dates: [String]
        if let contacts {
            dates = contacts
        } else {
            dates = try await PairContact.query(on: db).filter(\.$pairID == p.id!).filter(\.$onDate >= from).all(\.$onDate)
        }
        return ContactCadence.standing(
            startedOn: start, resumedOn: p.resumedOn.flatMap(CivilDate.init(iso:)), contacts: dates.compactMap(CivilDate.init(iso:)),
            today: today, rules: rules)
    }

    /// The standings of many pairs from one query of their last two months' contacts (lists, the sweep, campaigns).
    static func standings(_ pairs: [Pair], today: CivilDate, rules: ContactCadenceRules, on db: any Database) async throws -> [PairID:
        ContactStanding]
    {
        let active = pairs.filter { $0.status == .active }
        guard !active.isEmpty else { return [:] }
        let from = ContactCadence.firstOfMonth(ContactCadence.firstOfMonth(today).adding(days: -1)).iso
        var dates: [PairID: [String]] = [:]
        for chunk in active.compactMap(\.id).chunked(400) {
            for k in try await PairContact.query(on: db).filter(\.$pairID ~~ Array(chunk)).filter(\.$onDate >= from).all() {
                dates[k.pair, default: []].append(k.onDate)
            }
        }
        var out: [PairID: ContactStanding] = [:]
        for p in active { out[p.recordID] = try await standing(p, today: today, rules: rules, contacts: dates[p.recordID] ?? [], on: db) }
        return out
    }

    /// Sets the day the sweep should look at the pair again: today when a reminder may be due, otherwise the next
    /// day the standing can change by time alone; nothing for a pair that is not active.
    static func refreshCadence(_ p: Pair, today: CivilDate, on db: any Database) async throws {
        guard let s = try await standing(p, today: today, rules: try await CadenceSettingsStore.load(on: db), on: db) else {
            p.contactCheckOn = nil; return
        }
        p.contactCheckOn = s.levels.isEmpty ? s.nextCheck.iso : today.iso
    }

    /// A staff check-in with the volunteer or the guardian.
    static func checkin(
        _ p: Pair, with whom: String?, on date: String?, notes: String?, by name: String, actor: AuditActor, at: Date, on db: any Database
    ) async throws -> PairCheckin {
        var c = Checker()
        let checked = PairRecords.checkin(with: whom, on: date, notes: notes, today: RegistryService.today(at), &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        let k = PairCheckin()
        k.id = TimeOrderedID.next()
        k.pairID = p.id!
        k.unitCode = p.unitCode
        k.withWhom = checked.with
        k.onDate = checked.date.iso
        k.notes = checked.notes
        k.byName = name
        k.createdAt = at
        try await db.transaction { tx in
            try await k.create(on: tx)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.create, .checkin, k.id!.uuidString, unit: k.unitCode,
                    fields: AuditLog.created([
                        "pairId": p.id!.uuidString, "with": k.withWhom.rawValue,
                        "date": k.onDate,
                    ])),
                by: actor, at: at, on: tx)
        }
        return k
    }
}
