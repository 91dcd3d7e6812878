import Fluent
import Vapor
import GuanaiCore

struct VolunteerInput: Content, Sendable {
    var name: String?
    var idNumber: String?
    var phone: String?
    var unitCode: String?
    var organisation: String?
    var honours: String?
    var skills: [String]?
    var availableTime: String?
    var capacity: Int?
    var latitude: Double?
    var longitude: Double?
    var status: String?
    /// The username of her own volunteer account, to link (an empty string unlinks).
    var account: String?
}

struct ScreeningInput: Content, Sendable { var step: String?; var on: String? }
struct PairInput: Content, Sendable { var childId: String?; var volunteerId: String? }
struct PairActionInput: Content, Sendable {
    var note: String?
    var closeReason: String?
    /// On approval: the day the pair starts, when the township sets one (else it starts at the first contact).
    var startOn: String? = nil
}
struct ContactInput: Content, Sendable { var date: String?; var mode: String?; var minutes: Int?; var notes: String? }

/// Volunteers, their screening, and pairs through their lifecycle. Every change is audited with the pair's history.
enum PairingService {
    static let maxCapacity = 5

    // MARK: volunteers

    static func createVolunteer(_ input: VolunteerInput, scoped: Scoped, actor: AuditActor, at: Date) async throws -> Volunteer {
        var c = Checker()
        let name = c.required(input.name, "name")
        let id = c.idNumber(input.idNumber, "idNumber", required: true)
        let phone = c.phone(input.phone, "phone")
        var unit: Unit? = nil
        if let code = c.required(input.unitCode, "unitCode") {
            unit = try await scoped.unit(code)
            if unit == nil || unit?.isActive != true || !(unit!.divisionLevel == .village || unit!.divisionLevel == .township) {
                c.errors.append(FieldError(field: "unitCode", key: "field.error.choice"))
            }
        }
        let skills = checkSkills(input.skills, &c)
        let capacity = input.capacity ?? 1
        if !(1...maxCapacity).contains(capacity) { c.errors.append(FieldError(field: "capacity", key: "pairing.error.capacity", args: [String(maxCapacity)])) }
        checkPoint(input.latitude, input.longitude, &c)
        let user = try await accountToLink(input.account, except: nil, scoped: scoped, &c)
        try c.throwIfAny()
        if let existing = try await Volunteer.query(on: scoped.db).filter(\.$idNumber == id!.value).first() {
            throw ConflictError.existing(field: "idNumber", key: "pairing.error.volunteerExists", id: existing.id!.uuidString, unit: existing.unitCode, scoped: scoped)
        }
        let v = Volunteer()
        v.id = TimeOrderedID.next()
        v.unitCode = unit!.code
        v.name = name!
        v.idNumber = id!.value
        v.phone = phone
        v.organisation = c.text(input.organisation)
        v.honours = c.text(input.honours)
        v.skills = skills.map(\.rawValue).joined(separator: ",")
        v.availableTime = c.text(input.availableTime)
        v.capacity = capacity
        v.latitude = input.latitude
        v.longitude = input.longitude
        v.userID = user?.id
        v.screening = "{}"
        v.status = .active
        v.serviceMinutes = 0
        v.createdAt = at
        v.updatedAt = at
        try await scoped.db.transaction { tx in
            try await v.create(on: tx)
            try await AuditLog.append(AuditEvent(AuditAction.create, "volunteer", v.id!.uuidString, unit: v.unitCode, fields: AuditLog.created(v.auditFields)), by: actor, at: at, on: tx)
        }
        return v
    }

    /// Her own account: a volunteer account in the caller's jurisdiction, not already linked to someone else.
    static func accountToLink(_ raw: String?, except: UUID?, scoped: Scoped, _ c: inout Checker) async throws -> User? {
        let name = (raw ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return nil }
        guard let u = try await UserDirectory.byUsername(name, on: scoped.db), u.role == .volunteer, scoped.inScope(u.unitCode) else {
            c.errors.append(FieldError(field: "account", key: "pairing.error.account"))
            return nil
        }
        if let other = try await Volunteer.query(on: scoped.db).filter(\.$userID == u.id!).first(), other.id != except {
            c.errors.append(FieldError(field: "account", key: "pairing.error.accountTaken"))
            return nil
        }
        return u
    }

    static func checkSkills(_ raw: [String]?, _ c: inout Checker) -> [VolunteerSkill] {
        var out: [VolunteerSkill] = []
        for s in raw ?? [] { if let k = VolunteerSkill(rawValue: s) { if !out.contains(k) { out.append(k) } } else { c.errors.append(FieldError(field: "skills", key: "field.error.choice")) } }
        return out
    }

    static func checkPoint(_ lat: Double?, _ lon: Double?, _ c: inout Checker) {
        if (lat == nil) != (lon == nil) { c.errors.append(FieldError(field: lat == nil ? "latitude" : "longitude", key: "field.error.required")) }
        if let lat, !(-90...90).contains(lat) { c.errors.append(FieldError(field: "latitude", key: "field.error.choice")) }
        if let lon, !(-180...180).contains(lon) { c.errors.append(FieldError(field: "longitude", key: "field.error.choice")) }
    }

    static func updateVolunteer(_ v: Volunteer, _ input: VolunteerInput, scoped: Scoped, actor: AuditActor, at: Date) async throws {
        var c = Checker()
        let before = v.auditFields
        if input.phone != nil { v.phone = c.phone(input.phone, "phone") }
        if input.skills != nil { v.skills = checkSkills(input.skills, &c).map(\.rawValue).joined(separator: ",") }
        if let cap = input.capacity {
            if !(1...maxCapacity).contains(cap) { c.errors.append(FieldError(field: "capacity", key: "pairing.error.capacity", args: [String(maxCapacity)])) }
            // Lowering capacity below the open pairs would silently overbook her.
            else if try await openLoad(v.id!, on: scoped.db) > cap { c.errors.append(FieldError(field: "capacity", key: "pairing.error.capacityBelowLoad")) }
            else { v.capacity = cap }
        }
        if input.availableTime != nil { v.availableTime = c.text(input.availableTime) }
        if input.organisation != nil { v.organisation = c.text(input.organisation) }
        if input.honours != nil { v.honours = c.text(input.honours) }
        if input.latitude != nil || input.longitude != nil { checkPoint(input.latitude, input.longitude, &c); v.latitude = input.latitude; v.longitude = input.longitude }
        if let s = input.status {
            if let status = VolunteerStatus(rawValue: s) { v.status = status }
            else { c.errors.append(FieldError(field: "status", key: "field.error.choice")) }
        }
        if let name = input.account {
            if name.trimmingCharacters(in: .whitespaces).isEmpty { v.userID = nil }
            else if let u = try await accountToLink(name, except: v.id, scoped: scoped, &c) { v.userID = u.id }
        }
        try c.throwIfAny()
        v.updatedAt = at
        let diff = AuditLog.diff(before, v.auditFields)
        try await scoped.db.transaction { tx in
            try await v.save(on: tx)
            if !diff.isEmpty { try await AuditLog.append(AuditEvent(AuditAction.update, "volunteer", v.id!.uuidString, unit: v.unitCode, fields: diff), by: actor, at: at, on: tx) }
        }
    }

    /// One screening step confirmed, with its date and who confirmed it. A date in the future is refused.
    static func screen(_ v: Volunteer, _ input: ScreeningInput, by name: String, actor: AuditActor, at: Date, on db: any Database) async throws {
        var c = Checker()
        let step = c.token(input.step, "step", ScreeningStep.self)
        let today = RegistryService.today(at)
        let date = pastDate(input.on, "on", today: today, &c)
        try c.throwIfAny()
        var checks = v.checks
        let before = checks[step!.rawValue].map { "\($0.on) \($0.by)" }
        checks[step!.rawValue] = Volunteer.Check(on: date!.iso, by: name)
        v.screening = RegistryService.json(checks)
        v.updatedAt = at
        try await db.transaction { tx in
            try await v.save(on: tx)
            try await AuditLog.append(AuditEvent(AuditAction.update, "volunteer", v.id!.uuidString, unit: v.unitCode,
                                                 fields: ["screening." + step!.rawValue: FieldChange(before: before, after: "\(date!.iso) \(name)")]), by: actor, at: at, on: tx)
        }
    }

    /// A date something was done: today when left empty, never in the future.
    static func pastDate(_ raw: String?, _ field: String, today: CivilDate, _ c: inout Checker) -> CivilDate? {
        let d = (raw ?? "").isEmpty ? today : c.date(raw, field)
        if let d, d > today { c.errors.append(FieldError(field: field, key: "pairing.error.future")) }
        return d
    }

    // MARK: pairs

    /// Pairs that hold a place in her capacity: proposed, approved, active and paused.
    static func openLoad(_ volunteer: UUID, on db: any Database) async throws -> Int {
        try await Pair.query(on: db).filter(\.$volunteerID == volunteer).filter(\.$status != .closed).count()
    }

    static func openPair(child: UUID, on db: any Database) async throws -> Pair? {
        try await Pair.query(on: db).filter(\.$childID == child).filter(\.$status != .closed).first()
    }

    /// The checks a new or reopened pair must pass: a monitored child without another open pair, a screened active
    /// volunteer with room. Each failure names its field.
    static func gate(child c: Child, volunteer v: Volunteer, except: UUID? = nil, on db: any Database) async throws -> [FieldError] {
        var errors: [FieldError] = []
        if c.status != .active { errors.append(FieldError(field: "childId", key: "pairing.error.childNotListed")) }
        if let other = try await openPair(child: c.id!, on: db), other.id != except { errors.append(FieldError(field: "childId", key: "pairing.error.childPaired")) }
        if v.status != .active { errors.append(FieldError(field: "volunteerId", key: "pairing.error.withdrawn")) }
        for step in ScreeningStep.allCases where v.checks[step.rawValue] == nil {
            errors.append(FieldError(field: "volunteerId", key: "pairing.error.notScreened." + step.rawValue))
        }
        if try await openLoad(v.id!, on: db) >= v.capacity { errors.append(FieldError(field: "volunteerId", key: "pairing.error.full", args: [String(v.capacity)])) }
        return errors
    }

    static func propose(child c: Child, volunteer v: Volunteer, cost: Int? = nil, by name: String, actor: AuditActor, at: Date, on db: any Database) async throws -> Pair {
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
            try await AuditLog.append(AuditEvent(AuditAction.create, "pair", p.id!.uuidString, unit: p.unitCode,
                                                 fields: AuditLog.created(["childId": c.id!.uuidString, "volunteerId": v.id!.uuidString,
                                                                           "status": p.status.rawValue])), by: actor, at: at, on: tx)
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
    static func act(_ p: Pair, _ action: PairAction, _ input: PairActionInput, startedOn: String? = nil, by name: String, actor: AuditActor, at: Date, on db: any Database) async throws {
        guard let next = PairLifecycle.next(p.status, action) else {
            throw FieldErrors([FieldError(field: "status", key: "pairing.error.transition")])
        }
        var errors: [FieldError] = []
        let note = (input.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var reason: PairCloseReason? = nil
        if action == .close {
            reason = PairCloseReason(rawValue: input.closeReason ?? "")
            if reason == nil { errors.append(FieldError(field: "closeReason", key: (input.closeReason ?? "").isEmpty ? "field.error.required" : "field.error.choice")) }
            if note.isEmpty { errors.append(FieldError(field: "note", key: "field.error.required")) }
        }
        if action == .reopen {
            guard let c = try await Child.find(p.childID, on: db), let v = try await Volunteer.find(p.volunteerID, on: db) else { throw Abort(.notFound) }
            errors += try await gate(child: c, volunteer: v, except: p.id, on: db).filter { $0.key != "pairing.error.full" }
            // Reopening takes a place again: the pair itself is not counted while closed.
            if try await openLoad(v.id!, on: db) >= v.capacity { errors.append(FieldError(field: "volunteerId", key: "pairing.error.full", args: [String(v.capacity)])) }
        }
        var startDay: CivilDate? = nil
        if action == .approve, let raw = input.startOn, !raw.trimmingCharacters(in: .whitespaces).isEmpty {
            var c = Checker()
            startDay = c.date(raw, "startOn")
            errors += c.errors
        }
        let planned = startDay
        if !errors.isEmpty { throw FieldErrors(errors) }
        let eventNote = action == .close ? (reason?.rawValue ?? "") + ": " + note : note
        let before = p.status
        p.status = next
        if let d = planned { p.startedOn = d.iso }
        // The first contact dates the start, even before a planned day; else the planned day, else today.
        if next == .active && action != .resume && action != .reopen { p.startedOn = startedOn ?? p.startedOn ?? RegistryService.today(at).iso }
        // Back from a pause or a closing: the months in between are not missed contacts.
        if action == .resume || action == .reopen { p.resumedOn = RegistryService.today(at).iso }
        if action == .close { p.closeReason = reason; p.closeNote = note }
        if action == .reopen { p.closeReason = nil; p.closeNote = nil }
        p.updatedAt = at
        try await db.transaction { tx in
            try await refreshCadence(p, today: RegistryService.today(at), on: tx)
            try await p.save(on: tx)
            try await event(p, from: before, note: eventNote, by: name, at: at, on: tx)
            try await AuditLog.append(AuditEvent(AuditAction.update, "pair", p.id!.uuidString, unit: p.unitCode,
                                                 fields: ["status": FieldChange(before: before.rawValue, after: p.status.rawValue)],
                                                 detail: ["action": action.rawValue, "note": note]
                                                    .merging(planned.map { ["startOn": $0.iso] } ?? [:]) { a, _ in a }),
                                      by: actor, at: at, on: tx)
            // A start day that has already come starts the pair at once.
            if let d = planned, d <= RegistryService.today(at) { try await act(p, .start, PairActionInput(note: ""), startedOn: d.iso, by: name, actor: actor, at: at, on: tx) }
        }
    }

    /// A contact by the volunteer (or recorded for her). The first contact of an approved pair starts it; her service
    /// hours grow by the minutes given.
    static func recordContact(_ p: Pair, _ input: ContactInput, by name: String, onBehalf: Bool, actor: AuditActor, at: Date, on db: any Database) async throws -> PairContact {
        var c = Checker()
        let today = RegistryService.today(at)
        let date = pastDate(input.date, "date", today: today, &c)
        let mode = c.token(input.mode, "mode", ContactMode.self)
        let minutes = input.minutes ?? 60
        if !(1...720).contains(minutes) { c.errors.append(FieldError(field: "minutes", key: "field.error.choice")) }
        let notes = (input.notes ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if notes.count > 2000 { c.errors.append(FieldError(field: "notes", key: "field.error.tooLong")) }
        if p.status != .approved && p.status != .active {
            c.errors.append(FieldError(field: "status", key: "pairing.error.notOpenForContact"))
        }
        try c.throwIfAny()
        let k = PairContact()
        k.id = TimeOrderedID.next()
        k.pairID = p.id!
        k.unitCode = p.unitCode
        k.onDate = date!.iso
        k.mode = mode!
        k.minutes = minutes
        k.notes = notes
        k.byName = name
        k.onBehalf = onBehalf
        k.createdAt = at
        try await db.transaction { tx in
            if p.status == .approved {
                try await act(p, .start, PairActionInput(note: ""), startedOn: date!.iso, by: name, actor: actor, at: at, on: tx)
            }
            try await k.create(on: tx)
            if (p.lastContactOn ?? "") < k.onDate { p.lastContactOn = k.onDate }
            try await refreshCadence(p, today: today, on: tx)
            try await p.save(on: tx)
            if let v = try await Volunteer.find(p.volunteerID, on: tx) { v.serviceMinutes += minutes; try await v.save(on: tx) }
            try await AuditLog.append(AuditEvent(AuditAction.create, "contact", k.id!.uuidString, unit: k.unitCode,
                                                 fields: AuditLog.created(["pairId": p.id!.uuidString, "date": k.onDate,
                                                                           "mode": k.mode.rawValue, "minutes": String(minutes),
                                                                           "onBehalf": String(onBehalf)])),
                                      by: actor, at: at, on: tx)
        }
        return k
    }

    // MARK: contact cadence

    /// The pair's standing on `today`, from its contacts of the last two calendar months (all the rule reads).
    static func standing(_ p: Pair, today: CivilDate, rules: ContactCadenceRules, contacts: [String]? = nil, on db: any Database) async throws -> ContactStanding? {
        guard p.status == .active, let start = p.startedOn.flatMap(CivilDate.init(iso:)) else { return nil }
        let from = ContactCadence.firstOfMonth(ContactCadence.firstOfMonth(today).adding(days: -1)).iso
        let dates: [String]
        if let contacts { dates = contacts } else { dates = try await PairContact.query(on: db).filter(\.$pairID == p.id!).filter(\.$onDate >= from).all(\.$onDate) }
        return ContactCadence.standing(startedOn: start, resumedOn: p.resumedOn.flatMap(CivilDate.init(iso:)), contacts: dates.compactMap(CivilDate.init(iso:)), today: today, rules: rules)
    }

    /// The standings of many pairs from one query of their last two months' contacts (lists, the sweep, campaigns).
    static func standings(_ pairs: [Pair], today: CivilDate, rules: ContactCadenceRules, on db: any Database) async throws -> [UUID: ContactStanding] {
        let active = pairs.filter { $0.status == .active }
        guard !active.isEmpty else { return [:] }
        let from = ContactCadence.firstOfMonth(ContactCadence.firstOfMonth(today).adding(days: -1)).iso
        var dates: [UUID: [String]] = [:]
        for chunk in active.compactMap(\.id).chunked(400) {
            for k in try await PairContact.query(on: db).filter(\.$pairID ~~ Array(chunk)).filter(\.$onDate >= from).all() { dates[k.pairID, default: []].append(k.onDate) }
        }
        var out: [UUID: ContactStanding] = [:]
        for p in active { out[p.id!] = try await standing(p, today: today, rules: rules, contacts: dates[p.id!] ?? [], on: db) }
        return out
    }

    /// Sets the day the sweep should look at the pair again: today when a reminder may be due, otherwise the next
    /// day the standing can change by time alone; nothing for a pair that is not active.
    static func refreshCadence(_ p: Pair, today: CivilDate, on db: any Database) async throws {
        guard let s = try await standing(p, today: today, rules: try await CadenceSettingsStore.load(on: db), on: db) else { p.contactCheckOn = nil; return }
        p.contactCheckOn = s.levels.isEmpty ? s.nextCheck.iso : today.iso
    }

    /// A staff check-in with the volunteer or the guardian.
    static func checkin(_ p: Pair, with whom: String?, on date: String?, notes: String?, by name: String, actor: AuditActor, at: Date, on db: any Database) async throws -> PairCheckin {
        var c = Checker()
        let with = c.token(whom, "with", CheckinWith.self)
        let today = RegistryService.today(at)
        let d = pastDate(date, "date", today: today, &c)
        let text = (notes ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { c.errors.append(FieldError(field: "notes", key: "field.error.required")) }
        if text.count > 2000 { c.errors.append(FieldError(field: "notes", key: "field.error.tooLong")) }
        try c.throwIfAny()
        let k = PairCheckin()
        k.id = TimeOrderedID.next()
        k.pairID = p.id!
        k.unitCode = p.unitCode
        k.withWhom = with!
        k.onDate = d!.iso
        k.notes = text
        k.byName = name
        k.createdAt = at
        try await db.transaction { tx in
            try await k.create(on: tx)
            try await AuditLog.append(AuditEvent(AuditAction.create, "checkin", k.id!.uuidString, unit: k.unitCode,
                                                 fields: AuditLog.created(["pairId": p.id!.uuidString, "with": k.withWhom.rawValue,
                                                                           "date": k.onDate])),
                                      by: actor, at: at, on: tx)
        }
        return k
    }
}
