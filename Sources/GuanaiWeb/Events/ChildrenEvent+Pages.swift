import Fluent
import Vapor
import GuanaiCore

/// An event as typed on its page: participants as registry ids, one per line (or separated by commas or spaces).
struct ChildrenEventPageForm: Codable {
    var kind: String?, date: String?, unitCode: String?, title: String?, participants: String?

    enum CodingKeys: String, CodingKey { case kind, date, unitCode, title, participants }

    var input: ChildrenEventInput {
        let ids = (participants ?? "").split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        return ChildrenEventInput(kind: kind, date: date, unitCode: unitCode, title: title, participants: ids)
    }
}

/// /events: children's events, under the station's rule (staff write, the inspector reads).
struct ChildrenEventPagesController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.events.components, use: list)
        r.get(SiteURL.eventNew.components, use: newForm)
        r.post(SiteURL.eventNew.components, use: create)
        r.get(SiteURL.event(nil).components, use: show)
    }

    func list(req: Request) async throws -> Response {
        try req.requireBrowse(.station)
        let scoped = try req.scoped
        let (items, total) = try await scoped.childrenEvents(unit: DonationPagesController.unitParam(req), page: 1, per: 500)
        return ChildrenEventViews.list(
            req, items, total: total, unitNames: try await scoped.unitNames(items.map(\.unitCode)),
            mayWrite: Policy.writes(try req.actor.role, .station))
    }

    func render(_ req: Request, typed: ChildrenEventPageForm, errors: [String: String], status: HTTPStatus) async throws -> Response {
        ChildrenEventViews.editor(
            req, typed: typed, errors: errors, units: try await DonationPagesController.units(try req.scoped), status: status)
    }

    func newForm(req: Request) async throws -> Response {
        try StationAPIController.requireWrite(req)
        var f = ChildrenEventPageForm()
        f.unitCode = try req.scoped.jurisdiction.root?.value
        f.date = RegistryService.today(req.now).iso
        return try await render(req, typed: f, errors: [:], status: .ok)
    }

    func create(req: Request) async throws -> Response {
        try StationAPIController.requireWrite(req)
        let f = try await req.form(ChildrenEventPageForm.self)
        do {
            let e = try await ChildrenEventService.create(f.input, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.event(e.recordID).path)
        } catch let e as FieldErrors {
            // Every participant's error points at the one text area.
            var m: [String: String] = [:]
            for (k, v) in req.messages(e) { m[k.hasPrefix("participants") ? "participants" : k] = v }
            return try await render(req, typed: f, errors: m, status: .unprocessableEntity)
        }
    }

    func show(req: Request) async throws -> Response {
        try req.requireBrowse(.station)
        let e = try await ChildrenEventAPIController.load(req)
        let scoped = try req.scoped
        let ids = e.participants.compactMap { ChildID($0) }
        return ChildrenEventViews.page(
            req, e, unitNames: try await scoped.unitNames([e.unitCode]), childNames: try await scoped.childNames(ids), children: ids)
    }
}
