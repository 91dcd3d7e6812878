import Fluent
import Vapor
import GuanaiCore

/// A volunteer as the API gives her, her plain fields (`VolunteerDetail`) flat beside the rest.
typealias VolunteerDTO = WithDetails<VolunteerMainDTO, VolunteerDetail>

extension VolunteerDTO where Main == VolunteerMainDTO {
    init(_ v: Volunteer, load: Int) { self.init(main: VolunteerMainDTO(v, load: load), details: v.details.complete) }
}

struct VolunteerMainDTO: Codable, Sendable {
    struct Check: Content { let step: String; let on: String; let by: String }
    let id: String, name: String, idNumber: String, phone: String?, unitCode: String
    let skills: [String], capacity: Int, load: Int, latitude: Double?, longitude: Double?
    let screening: [Check], screened: Bool, status: String, serviceHours: Double
    init(_ v: Volunteer, load: Int) {
        id = v.id!.uuidString; name = v.name; idNumber = Masking.idNumber(v.idNumber); phone = v.phone.map(Masking.phone);
        unitCode = v.unitCode
        skills = v.skillList.map(\.rawValue)
        capacity = v.capacity
        self.load = load; latitude = v.latitude; longitude = v.longitude
        let checks = v.checks
        screening = ScreeningStep.allCases.compactMap { s in checks[s.rawValue].map { Check(step: s.rawValue, on: $0.on, by: $0.by) } }
        screened = v.screened; status = v.status.rawValue; serviceHours = Double(v.serviceMinutes) / 60
    }
}

struct CheckinDTO: Content {
    let id: String, pairId: String, with: String, date: String, notes: String, by: String
    init(_ k: PairCheckin) {
        id = k.id!.uuidString; pairId = k.pairID.uuidString; with = k.withWhom.rawValue; date = k.onDate; notes = k.notes; by = k.byName
    }
}
struct CheckinInput: Content { var with: String?; var date: String?; var notes: String? }

struct PairEventDTO: Content { let from: String?, to: String, note: String, by: String, at: String }
struct ContactDTO: Content {
    let id: String, pairId: String, date: String, mode: String, minutes: Int, notes: String, by: String, onBehalf: Bool
    init(_ k: PairContact) {
        id = k.id!.uuidString; pairId = k.pairID.uuidString; date = k.onDate; mode = k.mode.rawValue; minutes = k.minutes
        notes = k.notes; by = k.byName; onBehalf = k.onBehalf
    }
}
struct PairDTO: Content {
    let id: String, childId: String, volunteerId: String, villageCode: String, status: String, startedOn: String?, closeReason: String?,
        closeNote: String?
    let cost: Int?, history: [PairEventDTO]
    init(_ p: Pair, events: [PairEvent] = []) {
        id = p.id!.uuidString; childId = p.childID.uuidString; volunteerId = p.volunteerID.uuidString; villageCode = p.unitCode
        status = p.status.rawValue
        startedOn = p.startedOn; closeReason = p.closeReason?.rawValue; closeNote = p.closeNote; cost = p.cost
        history = events.map {
            PairEventDTO(
                from: $0.fromStatus?.rawValue, to: $0.toStatus.rawValue, note: $0.note, by: $0.byName,
                at: AuditLog.timestamp($0.at))
        }
    }
}

/// /api/v1/volunteers and /api/v1/pairs.
struct PairingAPIController {
    func register(_ r: any RoutesBuilder) {
        r.post("volunteers", use: createVolunteer)
        r.get("volunteers", use: volunteers)
        r.get("volunteers", ":id", use: volunteer)
        r.patch("volunteers", ":id", use: updateVolunteer)
        r.post("volunteers", ":id", "screening", use: screen)
        r.post("pairs", use: propose)
        r.get("pairs", use: pairs)
        r.get("pairs", ":id", use: pair)
        for action in [PairAction.approve, .pause, .resume, .close, .reopen] {
            r.post("pairs", ":id", PathComponent(stringLiteral: action.rawValue)) { req in try await act(req, action) }
        }
        r.post("pairs", ":id", "contacts", use: addContact)
        r.post("pairing", "suggestions", use: suggestions)
        r.get("pairs", ":id", "contacts", use: contacts)
        r.post("pairs", ":id", "checkins", use: addCheckin)
        r.get("pairs", ":id", "checkins", use: checkins)
        r.get("pairing", "cadence", use: cadence)
        r.put("pairing", "cadence", use: setCadence)
    }

    /// Who registers volunteers and proposes pairs: the staff who can edit children.
    func requireStaff(_ req: Request) throws {
        try req.requireRead(.volunteer)
        try req.requireEdits()
    }

    /// Reading what staff read: staff, and the inspector, who reads everything and changes nothing.
    func requireStaffRead(_ req: Request) throws {
        try req.requireBrowse(.volunteer)
    }

    func created<T: Content>(_ value: T) throws -> Response {
        let res = Response(status: .created)
        try res.content.encode(value, as: .json)
        return res
    }

    func createVolunteer(req: Request) async throws -> Response {
        try requireStaff(req)
        let v = try await PairingService.createVolunteer(
            try await req.json(VolunteerInput.self), scoped: try req.scoped, actor: req.auditActor, at: req.now)
        return try created(VolunteerDTO(v, load: 0))
    }

    func loadVolunteer(_ req: Request) async throws -> Volunteer {
        guard let v = try await req.scoped.volunteer(try req.parameters.id()) else { throw Abort(.notFound) }
        try req.requireBrowse(.volunteer)
        return v
    }

    func volunteers(req: Request) async throws -> ListPage<VolunteerDTO> {
        try req.requireBrowse(.volunteer)
        let p = try PageParams(req)
        let scoped = try req.scoped
        let (items, total) = try await scoped.volunteers(unit: req.query[String.self, at: "unit"] ?? "", page: p.page, per: p.per)
        let load = try await scoped.load(items.map(\.recordID))
        return ListPage(items: items.map { VolunteerDTO($0, load: load[$0.recordID] ?? 0) }, page: p.page, per: p.per, total: total)
    }

    func volunteer(req: Request) async throws -> VolunteerDTO {
        let v = try await loadVolunteer(req)
        try await req.audit(AuditEvent(AuditAction.view, v.recordID, unit: v.unitCode))
        return VolunteerDTO(v, load: try await PairingService.openLoad(v.recordID, on: req.db))
    }

    func updateVolunteer(req: Request) async throws -> VolunteerDTO {
        let v = try await loadVolunteer(req)
        try requireStaff(req)
        try await PairingService.updateVolunteer(
            v, try await req.json(VolunteerInput.self), scoped: try req.scoped, actor: req.auditActor, at: req.now)
        return VolunteerDTO(v, load: try await PairingService.openLoad(v.recordID, on: req.db))
    }

    /// Screening is confirmed by the township or the city, who answer for it.
    func screen(req: Request) async throws -> VolunteerDTO {
        let v = try await loadVolunteer(req)
        try req.require(.approve)
        try await PairingService.screen(
            v, try await req.json(ScreeningInput.self), by: try req.actor.displayName, actor: req.auditActor, at: req.now, on: req.db)
        return VolunteerDTO(v, load: try await PairingService.openLoad(v.recordID, on: req.db))
    }

    func propose(req: Request) async throws -> Response {
        try requireStaff(req)
        let input = try await req.json(PairInput.self)
        let scoped = try req.scoped
        guard let cid = ChildID(input.childId ?? ""), let c = try await scoped.child(cid) else {
            throw FieldErrors([FieldError(field: "childId", key: "report.error.child")])
        }
        guard let vid = VolunteerID(input.volunteerId ?? ""), let v = try await scoped.volunteer(vid) else {
            throw FieldErrors([FieldError(field: "volunteerId", key: "pairing.error.volunteer")])
        }
        let p = try await PairingService.propose(
            child: c, volunteer: v, by: try req.actor.displayName, actor: req.auditActor, at: req.now, on: scoped.db)
        return try created(PairDTO(p, events: try await scoped.pairEvents(p.recordID)))
    }

    func loadPair(_ req: Request) async throws -> Pair {
        guard let p = try await req.scoped.pair(try req.parameters.id()) else { throw Abort(.notFound) }
        try req.requireBrowse(.pair)
        return p
    }

    func pairs(req: Request) async throws -> ListPage<PairDTO> {
        try req.requireBrowse(.pair)
        let p = try PageParams(req)
        let (items, total) = try await req.scoped.pairs(
            unit: req.query[String.self, at: "unit"] ?? "", status: req.query[String.self, at: "status"], page: p.page, per: p.per)
        return ListPage(items: items.map { PairDTO($0) }, page: p.page, per: p.per, total: total)
    }

    func pair(req: Request) async throws -> PairDTO {
        let p = try await loadPair(req)
        return PairDTO(p, events: try await req.scoped.pairEvents(p.recordID))
    }

    /// Approving and reopening are the township's (`approve`); pausing and closing any staff of the child's unit.
    func act(_ req: Request, _ action: PairAction) async throws -> PairDTO {
        let p = try await loadPair(req)
        if action == .approve || action == .reopen { try req.require(.approve) } else { try requireStaff(req) }
        let input = (try? await req.json(PairActionInput.self)) ?? PairActionInput()
        try await PairingService.act(p, action, input, by: try req.actor.displayName, actor: req.auditActor, at: req.now, on: req.db)
        return PairDTO(p, events: try await req.scoped.pairEvents(p.recordID))
    }

    struct SuggestionsInput: Content { var unit: String? }

    func suggestions(req: Request) async throws -> SuggestionsDTO {
        try requireStaff(req)
        let input = try await req.json(SuggestionsInput.self)
        guard let unit = try await req.scoped.unit(input.unit ?? ""), unit.isActive else {
            throw FieldErrors([FieldError(field: "unit", key: "field.error.choice")])
        }
        return try await PairingSuggestions.compute(unit: unit, scoped: try req.scoped, lang: req.lang)
    }

    func addContact(req: Request) async throws -> Response {
        let p = try await loadPair(req)
        try requireStaff(req)
        let k = try await PairingService.recordContact(
            p, try await req.json(ContactInput.self), by: try req.actor.displayName, onBehalf: true, actor: req.auditActor, at: req.now,
            on: req.db)
        return try created(ContactDTO(k))
    }

    func contacts(req: Request) async throws -> ListPage<ContactDTO> {
        let p = try await loadPair(req)
        let all = try await req.scoped.contacts(p.recordID)
        return ListPage(items: all.map(ContactDTO.init), page: 1, per: max(all.count, 1), total: all.count)
    }

    /// Staff support check-ins with the volunteer or the guardian.
    func addCheckin(req: Request) async throws -> Response {
        let p = try await loadPair(req)
        try requireStaff(req)
        let input = try await req.json(CheckinInput.self)
        let k = try await PairingService.checkin(
            p, with: input.with, on: input.date, notes: input.notes, by: try req.actor.displayName, actor: req.auditActor, at: req.now,
            on: req.db)
        return try created(CheckinDTO(k))
    }

    func checkins(req: Request) async throws -> ListPage<CheckinDTO> {
        let p = try await loadPair(req)
        let all = try await req.scoped.checkins(p.recordID)
        return ListPage(items: all.map(CheckinDTO.init), page: 1, per: max(all.count, 1), total: all.count)
    }

    /// The contact cadence: anyone on staff may read it; a city admin (`edit_rules`) changes it.
    func cadence(req: Request) async throws -> ContactCadenceRules {
        try req.requireBrowse(.pair)
        return try await CadenceSettingsStore.load(on: req.db)
    }

    func setCadence(req: Request) async throws -> ContactCadenceRules {
        try req.require(.editRules)
        let values = try await req.json([String: Int].self)
        return try await CadenceSettingsStore.save(values, by: req.auditActor, at: req.now, on: req.db)
    }
}
