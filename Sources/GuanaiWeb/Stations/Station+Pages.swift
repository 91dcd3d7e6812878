import Fluent
import Vapor
import GuanaiCore

/// /stations: the stations of the jurisdiction (filtered by unit), a station's page, and the form that registers or
/// changes one. The same rules as the API: staff write, the inspector reads, volunteers and partners neither.
struct StationPagesController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.stations.components, use: list)
        r.get(SiteURL.stationNew.components, use: newForm)
        r.post(SiteURL.stationNew.components, use: create)
        r.get(SiteURL.station(nil).components, use: show)
        r.get(SiteURL.stationEdit(nil).components, use: editForm)
        r.post(SiteURL.stationEdit(nil).components, use: edit)
    }

    func list(req: Request) async throws -> Response {
        try req.requireBrowse(.station)
        let scoped = try req.scoped
        let unit = req.query[String.self, at: StationPageForm.CodingKeys.unitCode.rawValue].flatMap { $0.isEmpty ? nil : $0 }
        let (items, total) = try await scoped.stations(unit: unit, page: 1, per: 500)
        let names = try await scoped.unitNames(items.map(\.unitCode))
        return StationViews.list(
            req, items, total: total, enrolled: try await scoped.enrolledCounts(items), unitNames: names,
            units: try await Self.units(scoped), unit: unit ?? "",
            mayWrite: Policy.writes(try req.actor.role, .station), mayApprove: try req.actor.can(.approve),
            mayEditRules: try req.actor.can(.editRules), mayExport: try req.actor.can(.export))
    }

    /// The units a station may stand in: villages and townships of the jurisdiction.
    static func units(_ scoped: Scoped) async throws -> [(String, String)] {
        try await AccountsController.unitOptions(scoped).filter {
            DivisionCode($0.0).map { $0.level == .village || $0.level == .township } ?? false
        }
    }

    func render(_ req: Request, _ station: Station?, typed: StationPageForm, errors: [String: String], status: HTTPStatus) async throws
        -> Response
    {
        let scoped = try req.scoped
        return StationViews.editor(
            req, station, typed: typed, errors: errors, units: try await Self.units(scoped),
            volunteers: try await scoped.stationVolunteerChoices(keeping: typed.volunteerIds ?? []), status: status)
    }

    func newForm(req: Request) async throws -> Response {
        try StationAPIController.requireWrite(req)
        var f = StationPageForm()
        f.unitCode = req.query[String.self, at: StationPageForm.CodingKeys.unitCode.rawValue]
        f.capacity = "30"
        return try await render(req, nil, typed: f, errors: [:], status: .ok)
    }

    func create(req: Request) async throws -> Response {
        try StationAPIController.requireWrite(req)
        let f = try await req.form(StationPageForm.self)
        do {
            let s = try await StationService.create(f.input, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.station(s.recordID).path)
        } catch let e as FieldErrors {
            return try await render(req, nil, typed: f, errors: req.messages(e), status: .unprocessableEntity)
        }
    }

    func load(_ req: Request) async throws -> Station {
        guard let s = try await req.scoped.station(try req.parameters.id()) else { throw Abort(.notFound) }
        return s
    }

    func show(req: Request) async throws -> Response {
        try req.requireBrowse(.station)
        let s = try await load(req)
        let scoped = try req.scoped
        let volunteers = try await scoped.stationVolunteers(s)
        let places = try await scoped.enrolments(s)
        let activities = try await scoped.activities(s, limit: 10)
        // The page names the children enrolled: a view of the station, in the trail.
        try await req.audit(AuditEvent(AuditAction.view, s.recordID, unit: s.unitCode))
        return StationViews.page(
            req, s, unitNames: try await scoped.unitNames([s.unitCode]), volunteers: volunteers,
            volunteerNames: try await scoped.volunteerNames(volunteers),
            days: .init(
                places: places, childNames: try await scoped.childNames(places.map(\.child)), activities: activities,
                mayExport: try req.actor.can(.export)),
            mayWrite: Policy.writes(try req.actor.role, .station))
    }

    func editForm(req: Request) async throws -> Response {
        try StationAPIController.requireWrite(req)
        let s = try await load(req)
        return try await render(
            req, s, typed: StationPageForm(s, volunteers: try await req.scoped.stationVolunteers(s)), errors: [:], status: .ok)
    }

    func edit(req: Request) async throws -> Response {
        try StationAPIController.requireWrite(req)
        let s = try await load(req)
        let f = try await req.form(StationPageForm.self)
        do {
            _ = try await StationService.update(s, f.input, whole: true, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.station(s.recordID).path)
        } catch let e as FieldErrors {
            return try await render(req, s, typed: f, errors: req.messages(e), status: .unprocessableEntity)
        }
    }
}
