import Fluent
import Vapor
import GuanaiCore

/// A station's days on the web: the roster on one phone screen, enrolling a child and ending her place, recording
/// an activity; and the city's holiday calendar. The rules are the API's (`StationDayService`).
struct StationDaysPagesController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.stationCalendar.components, use: calendar)
        r.post(SiteURL.stationCalendar.components, use: saveCalendar)
        r.get(SiteURL.stationRoster(nil).components, use: roster)
        r.post(SiteURL.stationRoster(nil).components, use: saveRoster)
        r.get(SiteURL.stationEnrol(nil).components, use: enrolForm)
        r.post(SiteURL.stationEnrol(nil).components, use: enrol)
        r.get(SiteURL.stationEnrolmentEnd(nil, nil).components, use: endForm)
        r.post(SiteURL.stationEnrolmentEnd(nil, nil).components, use: end)
        r.get(SiteURL.stationActivityNew(nil).components, use: activityForm)
        r.post(SiteURL.stationActivityNew(nil).components, use: addActivity)
    }

    func load(_ req: Request) async throws -> Station { try await StationPagesController().load(req) }

    // MARK: roster

    func roster(req: Request) async throws -> Response {
        try req.requireBrowse(.station)
        let s = try await load(req)
        let raw = req.query[String.self, at: RosterPageForm.dateKey] ?? ""
        let day = CivilDate(iso: raw.trimmingCharacters(in: .whitespaces)) ?? RegistryService.today(req.now)
        let r = try await StationDayService.roster(s, day: day, scoped: try req.scoped, at: req.now)
        try await req.audit(AuditEvent(AuditAction.view, s.recordID, unit: s.unitCode, detail: ["attendance": day.iso]))
        let saved = req.query[String.self, at: StationDaysViews.savedKey] == Forms.on
        return StationDaysViews.roster(
            req, s, r, typed: nil, errors: [:], flash: saved ? req.lang.t("roster.saved") : nil,
            mayWrite: Policy.writes(try req.actor.role, .station), status: .ok)
    }

    func saveRoster(req: Request) async throws -> Response {
        try StationAPIController.requireWrite(req)
        let s = try await load(req)
        let f = try await req.form(RosterPageForm.self)
        let (input, rowOf) = f.input
        let scoped = try req.scoped
        do {
            let r = try await StationDayService.saveRoster(s, rawDate: f.date, input, scoped: scoped, actor: req.auditActor, at: req.now)
            return req.redirect(
                to: SiteURL.stationRoster(s.recordID).with(query: [
                    (RosterPageForm.dateKey, r.day.iso), (StationDaysViews.savedKey, Forms.on),
                ]))
        } catch let e as FieldErrors {
            let day = CivilDate(iso: f.date.trimmingCharacters(in: .whitespaces)) ?? RegistryService.today(req.now)
            let r = try await StationDayService.roster(s, day: day, scoped: scoped, at: req.now)
            return StationDaysViews.roster(
                req, s, r, typed: f, errors: StationDaysViews.rowErrors(req.messages(e), rowOf: rowOf, rows: f.rows), flash: nil,
                mayWrite: true,
                status: .unprocessableEntity)
        }
    }

    // MARK: enrolments

    func enrolForm(req: Request) async throws -> Response {
        try StationAPIController.requireWrite(req)
        let s = try await load(req)
        var f = EnrolPageForm()
        f.from = RegistryService.today(req.now).iso
        return try await renderEnrol(req, s, f, errors: [:], status: .ok)
    }

    func renderEnrol(_ req: Request, _ s: Station, _ f: EnrolPageForm, errors: [String: String], status: HTTPStatus) async throws
        -> Response
    {
        let q = req.query[String.self, at: StationDaysViews.searchKey] ?? ""
        let scoped = try req.scoped
        let open = try await scoped.enrolledCounts([s])[s.id!] ?? 0
        return StationDaysViews.enrol(
            req, s, typed: f, q: q, candidates: try await scoped.enrolmentCandidates(s, q: q), enrolled: open, errors: errors,
            status: status)
    }

    func enrol(req: Request) async throws -> Response {
        try StationAPIController.requireWrite(req)
        let s = try await load(req)
        let f = try await req.form(EnrolPageForm.self)
        do {
            _ = try await StationDayService.enrol(s, f.input, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.station(s.recordID).path)
        } catch let e as FieldErrors {
            return try await renderEnrol(req, s, f, errors: req.messages(e), status: .unprocessableEntity)
        }
    }

    func enrolment(_ req: Request, _ s: Station) async throws -> StationEnrolment {
        guard let eid = req.parameters.get("eid", as: UUID.self), let e = try await req.scoped.enrolment(s, eid) else {
            throw Abort(.notFound)
        }
        return e
    }

    func endForm(req: Request) async throws -> Response {
        try StationAPIController.requireWrite(req)
        let s = try await load(req)
        let e = try await enrolment(req, s)
        let f = EnrolmentEndPageForm(on: RegistryService.today(req.now).iso, reason: nil)
        return try await renderEnd(req, s, e, f, errors: [:], status: .ok)
    }

    func renderEnd(
        _ req: Request, _ s: Station, _ e: StationEnrolment, _ f: EnrolmentEndPageForm, errors: [String: String], status: HTTPStatus
    )
        async throws -> Response
    {
        let name = try await req.scoped.childNames([e.child])[e.child] ?? ""
        return StationDaysViews.end(req, s, e, childName: name, typed: f, errors: errors, status: status)
    }

    func end(req: Request) async throws -> Response {
        try StationAPIController.requireWrite(req)
        let s = try await load(req)
        let e = try await enrolment(req, s)
        let f = try await req.form(EnrolmentEndPageForm.self)
        do {
            _ = try await StationDayService.end(s, e, f.input, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.station(s.recordID).path)
        } catch let err as FieldErrors {
            return try await renderEnd(req, s, e, f, errors: req.messages(err), status: .unprocessableEntity)
        }
    }

    // MARK: activities

    func activityForm(req: Request) async throws -> Response {
        try StationAPIController.requireWrite(req)
        let s = try await load(req)
        let scoped = try req.scoped
        let today = RegistryService.today(req.now)
        let kids = try await scoped.enrolments(s, on: today)
        // Everyone enrolled today is ticked: most activities are the whole station's.
        let f = StationActivityPageForm(date: today.iso, participants: kids.map(\.childID.uuidString))
        return try await renderActivity(req, s, f, errors: [:], status: .ok)
    }

    func renderActivity(_ req: Request, _ s: Station, _ f: StationActivityPageForm, errors: [String: String], status: HTTPStatus)
        async throws -> Response
    {
        let scoped = try req.scoped
        let all = try await scoped.enrolments(s, all: true)
        let names = try await scoped.childNames(all.map(\.child))
        let choices = all.map { ($0.childID.uuidString, names[$0.child] ?? "", $0.toOn == nil) }
        return StationDaysViews.activity(req, s, typed: f, children: choices, errors: errors, status: status)
    }

    func addActivity(req: Request) async throws -> Response {
        try StationAPIController.requireWrite(req)
        let s = try await load(req)
        let f = try await req.form(StationActivityPageForm.self)
        do {
            _ = try await StationDayService.addActivity(s, f.input, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.station(s.recordID).path)
        } catch let e as FieldErrors {
            return try await renderActivity(req, s, f, errors: req.messages(e), status: .unprocessableEntity)
        }
    }

    // MARK: calendar

    func calendar(req: Request) async throws -> Response {
        try req.requireBrowse(.station)
        let year = req.query[Int.self, at: StationCalendarPageForm.CodingKeys.year.rawValue] ?? RegistryService.today(req.now).year
        let k = try await StationCalendarStore.load(year, on: req.db).map(StationCalendarDTO.init) ?? StationCalendarDTO(empty: year)
        let saved = req.query[String.self, at: StationDaysViews.savedKey] == Forms.on
        return StationDaysViews.calendar(
            req, typed: StationCalendarPageForm(k), errors: [:], mayEdit: try req.actor.can(.editRules),
            flash: saved ? req.lang.t("calendar.saved") : nil, status: .ok)
    }

    func saveCalendar(req: Request) async throws -> Response {
        try req.require(.editRules)
        let f = try await req.form(StationCalendarPageForm.self)
        do {
            let k = try await StationCalendarStore.save(f.input, by: req.auditActor, at: req.now, on: req.db)
            return req.redirect(
                to: SiteURL.stationCalendar.with(query: [
                    (StationCalendarPageForm.CodingKeys.year.rawValue, String(k.year)), (StationDaysViews.savedKey, Forms.on),
                ]))
        } catch let e as FieldErrors {
            var errors: [String: String] = [:]
            for (field, m) in req.messages(e) {
                let k = StationCalendarPageForm.field(field)
                errors[k] = errors[k].map { $0 + req.lang.t("list.sep") + m } ?? m
            }
            return StationDaysViews.calendar(req, typed: f, errors: errors, mayEdit: true, flash: nil, status: .unprocessableEntity)
        }
    }
}

/// /stations/rules: the station rules on a page, as the risk settings are (city admin).
struct StationRulesPagesController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.stationRules.components, use: show)
        r.post(SiteURL.stationRules.components, use: save)
    }

    func render(_ req: Request, typed: [String: String], errors: [String: String], saved: Bool, status: HTTPStatus) async throws
        -> Response
    {
        SettingsViews.numbers(
            req, try await SettingsStore.load(StationRules.self, on: req.db), title: "stationRules.title", intro: "stationRules.intro",
            action: .stationRules, typed: typed, errors: errors, saved: saved, status: status)
    }

    func show(req: Request) async throws -> Response {
        try req.require(.editRules)
        return try await render(
            req, typed: [:], errors: [:], saved: req.query[String.self, at: StationDaysViews.savedKey] == Forms.on, status: .ok)
    }

    func save(req: Request) async throws -> Response {
        try req.require(.editRules)
        let f = try await req.form(NumberSettingsForm<StationRules>.self).values
        do {
            _ = try await SettingsStore.save(f, as: StationRules.self, by: req.auditActor, at: req.now, on: req.db)
            return req.redirect(to: SiteURL.stationRules.with(query: [(StationDaysViews.savedKey, Forms.on)]))
        } catch let e as FieldErrors {
            return try await render(req, typed: f, errors: req.messages(e), saved: false, status: .unprocessableEntity)
        }
    }
}
