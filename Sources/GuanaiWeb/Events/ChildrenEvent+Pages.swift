import Fluent
import Vapor
import GuanaiCore

/// An event as typed on its new or edit page: participants ticked in a list (`participants` repeated). `list` is the
/// form's second button: it shows the form again with the children of the chosen unit, or those matching `q`, and
/// saves nothing, so what was typed and ticked so far is kept without a script.
struct ChildrenEventPageForm: Codable {
    var kind: String?, date: String?, unitCode: String?, title: String?, participants: [String]?, q: String?, list: String?

    enum CodingKeys: String, CodingKey { case kind, date, unitCode, title, participants, q, list }

    init() {}

    init(_ e: ChildrenEvent) {
        kind = e.kind.rawValue; date = e.date; unitCode = e.unitCode; title = e.title; participants = e.participants
    }

    var input: ChildrenEventInput {
        ChildrenEventInput(kind: kind, date: date, unitCode: unitCode, title: title, participants: participants ?? [])
    }
}

struct ChildrenEventCancelPageForm: Codable {
    var reason: String?
    enum CodingKeys: String, CodingKey { case reason }
}

/// /events: children's events, under the station's rule (staff write, the inspector reads).
struct ChildrenEventPagesController {
    /// How many children the list shows besides those ticked; more are found by name.
    static let listed = 1000

    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.events.components, use: list)
        r.get(SiteURL.eventNew.components, use: newForm)
        r.post(SiteURL.eventNew.components, use: create)
        r.get(SiteURL.event(nil).components, use: show)
        r.get(SiteURL.eventEdit(nil).components, use: editForm)
        r.post(SiteURL.eventEdit(nil).components, use: update)
        r.post(SiteURL.eventCancel(nil).components, use: cancel)
    }

    func list(req: Request) async throws -> Response {
        try req.requireBrowse(.station)
        let scoped = try req.scoped
        let (items, total) = try await scoped.childrenEvents(unit: DonationPagesController.unitParam(req), page: 1, per: 500)
        return ChildrenEventViews.list(
            req, items, total: total, unitNames: try await scoped.unitNames(items.map(\.unitCode)),
            mayWrite: Policy.writes(try req.actor.role, .station))
    }

    func render(_ req: Request, _ event: ChildrenEvent?, typed: ChildrenEventPageForm, errors: [String: String], status: HTTPStatus)
        async throws -> Response
    {
        let scoped = try req.scoped
        let (options, more) = try await scoped.eventChildOptions(
            unit: typed.unitCode, q: typed.q, chosen: typed.participants ?? [], limit: Self.listed)
        return ChildrenEventViews.editor(
            req, event, typed: typed, errors: errors, units: try await DonationPagesController.units(scoped),
            picker: .init(options: options, more: more, villages: try await scoped.unitNames(options.map(\.village))), status: status)
    }

    func newForm(req: Request) async throws -> Response {
        try StationAPIController.requireWrite(req)
        var f = ChildrenEventPageForm()
        let root = try req.scoped.jurisdiction.root?.value
        f.unitCode = req.query[String.self, at: "unitCode"] ?? root
        f.date = RegistryService.today(req.now).iso
        return try await render(req, nil, typed: f, errors: [:], status: .ok)
    }

    /// Every participant's error is shown once, above the list; a refusal of the whole (409) on the form.
    func messages(_ req: Request, _ e: FieldErrors) -> [String: String] {
        var m: [String: String] = [:]
        for (k, v) in req.messages(e) { m[k.hasPrefix("participants") ? "participants" : k] = v }
        return m
    }

    func create(req: Request) async throws -> Response {
        try StationAPIController.requireWrite(req)
        let f = try await req.form(ChildrenEventPageForm.self)
        if f.list != nil { return try await render(req, nil, typed: f, errors: [:], status: .ok) }
        do {
            let e = try await ChildrenEventService.create(f.input, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.event(e.recordID).path)
        } catch let e as FieldErrors {
            return try await render(req, nil, typed: f, errors: messages(req, e), status: .unprocessableEntity)
        }
    }

    func show(req: Request) async throws -> Response {
        try req.requireBrowse(.station)
        let e = try await ChildrenEventAPIController.load(req)
        return try await page(req, e, errors: [:], status: .ok)
    }

    func page(_ req: Request, _ e: ChildrenEvent, errors: [String: String], status: HTTPStatus) async throws -> Response {
        let scoped = try req.scoped
        let ids = e.participants.compactMap { ChildID($0) }
        return ChildrenEventViews.page(
            req, e, unitNames: try await scoped.unitNames([e.unitCode]), childNames: try await scoped.childNames(ids), children: ids,
            mayWrite: Policy.writes(try req.actor.role, .station), errors: errors, status: status)
    }

    func editForm(req: Request) async throws -> Response {
        try StationAPIController.requireWrite(req)
        let e = try await ChildrenEventAPIController.load(req)
        var f = ChildrenEventPageForm(e)
        if let u = req.query[String.self, at: "unitCode"] { f.unitCode = u }
        return try await render(req, e, typed: f, errors: [:], status: e.status == .cancelled ? .conflict : .ok)
    }

    func update(req: Request) async throws -> Response {
        try StationAPIController.requireWrite(req)
        let e = try await ChildrenEventAPIController.load(req)
        let f = try await req.form(ChildrenEventPageForm.self)
        if f.list != nil { return try await render(req, e, typed: f, errors: [:], status: .ok) }
        do {
            _ = try await ChildrenEventService.update(e, f.input, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.event(e.recordID).path)
        } catch let x as FieldErrors {
            return try await render(req, e, typed: f, errors: messages(req, x), status: .unprocessableEntity)
        } catch let x as ConflictError {
            return try await render(req, e, typed: f, errors: ["status": req.lang.t(x.key)], status: .conflict)
        }
    }

    func cancel(req: Request) async throws -> Response {
        try StationAPIController.requireWrite(req)
        let e = try await ChildrenEventAPIController.load(req)
        let f = try await req.form(ChildrenEventCancelPageForm.self)
        do {
            _ = try await ChildrenEventService.cancel(e, reason: f.reason, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.event(e.recordID).path)
        } catch let x as FieldErrors {
            return try await page(req, e, errors: req.messages(x), status: .unprocessableEntity)
        } catch let x as ConflictError {
            return try await page(req, e, errors: ["status": req.lang.t(x.key)], status: .conflict)
        }
    }
}
