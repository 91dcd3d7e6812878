import Fluent
import Vapor
import GuanaiCore

extension StationRules: Content {}

struct EnrolmentDTO: Content {
    let id: String, stationId: String, childId: String, childName: String, from: String, to: String?, endReason: String?

    init(_ e: StationEnrolment, name: String) {
        id = e.id!.uuidString; stationId = e.stationID.uuidString; childId = e.childID.uuidString; childName = name
        from = e.fromOn; to = e.toOn; endReason = e.endReason
    }
}

struct RosterLineDTO: Content {
    let childId: String, name: String, status: String?, note: String?
}

/// A day's roster: `open` when the day takes one, else `reason` says why in the caller's language.
struct RosterDTO: Content {
    let stationId: String, date: String, open: Bool, reason: String?, entries: [RosterLineDTO]

    init(_ s: Station, _ r: StationRoster, req: Request) {
        stationId = s.recordID.description
        date = r.day.iso
        open = r.problem == nil
        reason = r.problem.map { req.messages(FieldErrors([$0]))[$0.field] ?? "" }
        entries = r.lines.map { RosterLineDTO(childId: $0.childId.description, name: $0.name, status: $0.status?.rawValue, note: $0.note) }
    }
}

struct StationActivityDTO: Content {
    let id: String, stationId: String, kind: String, date: String, title: String?, note: String?, participants: [String]
    let createdAt: String

    init(_ a: StationActivity) {
        id = a.id!.uuidString; stationId = a.stationID.uuidString; kind = a.kind.rawValue; date = a.day; title = a.title
        note = a.note; participants = a.participants; createdAt = AuditLog.timestamp(a.createdAt)
    }
}

/// A station's days: enrolments, the daily roster, activities; and the city's holiday calendar and station rules.
/// Writers and readers as for stations (`StationAPIController.requireWrite`); the calendar and rules are `edit_rules`.
struct StationDaysAPIController {
    func register(_ r: any RoutesBuilder) {
        r.get("stations", "calendar", use: calendar)
        r.put("stations", "calendar", use: setCalendar)
        r.get("stations", "rules", use: rules)
        r.put("stations", "rules", use: setRules)
        r.get("stations", ":id", "enrolments", use: enrolments)
        r.post("stations", ":id", "enrolments", use: enrol)
        r.post("stations", ":id", "enrolments", ":eid", "end", use: end)
        r.get("stations", ":id", "attendance", use: roster)
        r.put("stations", ":id", "attendance", ":date", use: saveRoster)
        r.get("stations", ":id", "activities", use: activities)
        r.post("stations", ":id", "activities", use: addActivity)
    }

    func calendar(req: Request) async throws -> StationCalendarDTO {
        try req.requireBrowse(.station)
        let year = req.query[Int.self, at: "year"] ?? RegistryService.today(req.now).year
        return try await StationCalendarStore.load(year, on: req.db).map(StationCalendarDTO.init) ?? StationCalendarDTO(empty: year)
    }

    func setCalendar(req: Request) async throws -> StationCalendarDTO {
        try req.require(.editRules)
        let k = try await StationCalendarStore.save(
            try await req.json(StationCalendarInput.self), by: req.auditActor, at: req.now, on: req.db)
        return StationCalendarDTO(k)
    }

    func rules(req: Request) async throws -> StationRules {
        try req.requireBrowse(.station)
        return try await SettingsStore.load(StationRules.self, on: req.db)
    }

    func setRules(req: Request) async throws -> StationRules {
        try req.require(.editRules)
        let values = try await req.json([String: Int].self)
        return try await SettingsStore.save(
            values.mapValues(String.init), as: StationRules.self, by: req.auditActor, at: req.now, on: req.db)
    }

    func enrolments(req: Request) async throws -> ListPage<EnrolmentDTO> {
        try req.requireBrowse(.station)
        let s = try await StationAPIController().load(req)
        let scoped = try req.scoped
        let all = try await scoped.enrolments(s, all: req.query[Bool.self, at: "all"] ?? false)
        let names = try await scoped.childNames(all.map(\.child))
        try await req.audit(AuditEvent(AuditAction.view, s.recordID, unit: s.unitCode))
        return ListPage(items: all.map { EnrolmentDTO($0, name: names[$0.child] ?? "") }, page: 1, per: max(all.count, 1), total: all.count)
    }

    func enrol(req: Request) async throws -> Response {
        try StationAPIController.requireWrite(req)
        let s = try await StationAPIController().load(req)
        let scoped = try req.scoped
        let e = try await StationDayService.enrol(
            s, try await req.json(EnrolmentInput.self), scoped: scoped, actor: req.auditActor, at: req.now)
        return try PairingAPIController().created(EnrolmentDTO(e, name: try await scoped.childNames([e.child])[e.child] ?? ""))
    }

    func end(req: Request) async throws -> EnrolmentDTO {
        try StationAPIController.requireWrite(req)
        let s = try await StationAPIController().load(req)
        let scoped = try req.scoped
        guard let eid = req.parameters.get("eid", as: UUID.self), let e = try await scoped.enrolment(s, eid) else { throw Abort(.notFound) }
        let ended = try await StationDayService.end(
            s, e, try await req.json(EnrolmentEndInput.self), scoped: scoped, actor: req.auditActor, at: req.now)
        return EnrolmentDTO(ended, name: try await scoped.childNames([e.child])[e.child] ?? "")
    }

    func roster(req: Request) async throws -> RosterDTO {
        try req.requireBrowse(.station)
        let s = try await StationAPIController().load(req)
        let raw = req.query[String.self, at: "date"] ?? ""
        guard let day = raw.isEmpty ? RegistryService.today(req.now) : CivilDate(iso: raw) else {
            throw FieldErrors([FieldError(field: "date", key: "field.error.date")])
        }
        let r = try await StationDayService.roster(s, day: day, scoped: try req.scoped, at: req.now)
        try await req.audit(AuditEvent(AuditAction.view, s.recordID, unit: s.unitCode, detail: ["attendance": day.iso]))
        return RosterDTO(s, r, req: req)
    }

    func saveRoster(req: Request) async throws -> RosterDTO {
        try StationAPIController.requireWrite(req)
        let s = try await StationAPIController().load(req)
        let r = try await StationDayService.saveRoster(
            s, rawDate: req.parameters.get("date") ?? "", try await req.json(RosterInput.self), scoped: try req.scoped,
            actor: req.auditActor, at: req.now)
        return RosterDTO(s, r, req: req)
    }

    func activities(req: Request) async throws -> ListPage<StationActivityDTO> {
        try req.requireBrowse(.station)
        let s = try await StationAPIController().load(req)
        let all = try await req.scoped.activities(s)
        return ListPage(items: all.map(StationActivityDTO.init), page: 1, per: max(all.count, 1), total: all.count)
    }

    func addActivity(req: Request) async throws -> Response {
        try StationAPIController.requireWrite(req)
        let s = try await StationAPIController().load(req)
        let a = try await StationDayService.addActivity(
            s, try await req.json(StationActivityInput.self), scoped: try req.scoped, actor: req.auditActor, at: req.now)
        return try PairingAPIController().created(StationActivityDTO(a))
    }
}
