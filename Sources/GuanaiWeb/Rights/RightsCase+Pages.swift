import Fluent
import Vapor
import GuanaiCore

/// /rights: the case summaries of the jurisdiction, the intake form, and a case's page. The same `RightsService` and
/// the same rules as the API: every reader of rights records reads summaries; the confidential part only through
/// `RightsService.level`; each step only by whom the service lets do it.
struct RightsPagesController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.rights.components, use: list)
        r.get(Self.components(RightsURL.new), use: newForm)
        r.post(Self.components(RightsURL.new), use: create)
        r.get(Self.components(RightsURL.rightsCase(nil)), use: show)
        r.get(Self.components(RightsURL.print(nil)), use: printAgreement)
        RightsExportController().register(r)
        for part in RightsPagePart.allCases {
            r.post(Self.components(RightsURL.step(nil, part))) { req in try await self.step(req, part) }
        }
    }

    static func components(_ path: String) -> [PathComponent] { JobFairPagesController.components(path) }

    func list(req: Request) async throws -> Response {
        try req.requireBrowse(.rights)
        let asked = req.query[String.self, at: "status"] ?? ""
        let status = RightsStatus(rawValue: asked)
        let page = max(1, req.query[Int.self, at: "page"] ?? 1)
        let scoped = try req.scoped
        let unit = req.query[String.self, at: "unit"] ?? ""
        let (items, total) = try await scoped.rightsCases(
            unit: unit.isEmpty ? nil : unit, status: status, page: page, per: RightsPageViews.perPage)
        return RightsPageViews.list(
            req, try await RightsAPIController.summaries(items, req), total: total, page: page,
            filter: .init(unit: unit, status: status == nil ? "" : asked), units: try await AccountsController.unitOptions(scoped),
            mayTake: RightsAccess.mayTakeCases(try req.actor.role), mayExport: try req.actor.can(.export))
    }

    static func requireIntake(_ req: Request) throws {
        try req.requireBrowse(.rights)
        guard RightsAccess.mayTakeCases(try req.actor.role) else { throw Abort(.forbidden) }
    }

    func newForm(req: Request) async throws -> Response {
        try Self.requireIntake(req)
        var f = RightsCasePageForm()
        f.receivedOn = RegistryService.today(req.now).iso
        f.channel = RightsChannel.walkIn.rawValue
        f.womensHome = true
        return try await renderNew(req, f, errors: [:], status: .ok)
    }

    func renderNew(_ req: Request, _ f: RightsCasePageForm, errors: [String: String], status: HTTPStatus) async throws -> Response {
        RightsPageViews.new(
            req, typed: f, villages: try await RegistryPagesController().villageOptions(req), errors: errors, status: status)
    }

    func create(req: Request) async throws -> Response {
        try Self.requireIntake(req)
        let f = try await req.form(RightsCasePageForm.self)
        do {
            let c = try await RightsService.create(f.input, scoped: try req.scoped, by: try req.actor, actor: req.auditActor, at: req.now)
            return req.redirect(to: RightsURL.rightsCase(c.id))
        } catch let e as FieldErrors {
            let byField = Dictionary(req.messages(e).map { (f.formField($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
            return try await renderNew(req, f, errors: byField, status: .unprocessableEntity)
        }
    }

    func show(req: Request) async throws -> Response {
        try await render(req, try await RightsAPIController.load(req), state: RightsPageState(), status: .ok)
    }

    /// The summary for every reader; the confidential part through the API's own detail, which puts the `view` on the
    /// trail; the accesses and the mediators one may name only to those the service would answer.
    func render(_ req: Request, _ c: RightsCase, state: RightsPageState, status: HTTPStatus) async throws -> Response {
        let actor = try req.actor
        let viewer = try await RightsService.viewer(actor, on: req.db)
        let level = try await RightsService.level(c, viewer, on: req.db, at: req.now)
        let detail: RightsCaseDTO? = if level > .none { try await RightsAPIController.detail(c, req) } else { nil }
        let summary = if let detail { detail.summary } else { try await RightsAPIController.summaries([c], req)[0] }
        let grants: [RightsGrantDTO] =
            if level > .none { try await RightsQueries.grants(of: c.id!, on: req.db).map(RightsGrantDTO.init) } else { [] }
        let mayAssign = RightsAccess.mayAssign(viewer) && c.status != .closed
        // Who already mediates is not offered again.
        let mediating = Set(summary.assigned.filter { $0.kind == RightsAssignmentKind.mediator.rawValue }.map(\.userId))
        let candidates = if mayAssign { try await RightsQueries.mediatorCandidates(for: c.unitCode, on: req.db) } else { [User]() }
        return RightsCaseViews.page(
            req,
            RightsCaseViews.Model(
                rc: c, summary: summary, detail: detail, level: level, grants: grants, viewer: viewer, actor: actor,
                candidates: candidates.filter { !mediating.contains($0.id!.uuidString) }, mayAssign: mayAssign,
                today: RegistryService.today(req.now)),
            state: state, status: status)
    }

    /// One step posted: the service the API calls, then back to the case; refused, the case's page with what was typed
    /// and a message by each field.
    func step(_ req: Request, _ part: RightsPagePart) async throws -> Response {
        let c = try await RightsAPIController.load(req)
        let (scoped, s, actor, at) = (try req.scoped, try req.actor, req.auditActor, req.now)
        var typed: [String: String] = [:]
        do {
            switch part {
            case .access:
                let f = try await req.form(RightsReasonInput.self)
                typed = Forms.typed(f)
                _ = try await RightsService.breakGlass(c, f, scoped: scoped, by: s, actor: actor, at: at)
            case .mediators:
                let f = try await req.form(RightsMediatorPageForm.self)
                typed = Forms.typed(f)
                try await RightsService.assign(c, f.input, scoped: scoped, by: s, actor: actor, at: at)
            case .accept:
                let f = try await req.form(RightsAcceptPageForm.self)
                typed = Forms.typed(f)
                try await RightsService.accept(c, f.input, scoped: scoped, by: s, actor: actor, at: at)
            case .decline, .close:
                let f = try await req.form(RightsReasonInput.self)
                typed = Forms.typed(f)
                if part == .decline {
                    try await RightsService.decline(c, f, scoped: scoped, by: s, actor: actor, at: at)
                } else {
                    try await RightsService.close(c, f, scoped: scoped, by: s, actor: actor, at: at)
                }
            case .meetings:
                let f = try await req.form(RightsMeetingPageForm.self)
                typed = Forms.typed(f)
                _ = try await RightsService.meet(c, f.input, scoped: scoped, by: s, actor: actor, at: at)
            case .outcome:
                let f = try await req.form(RightsOutcomePageForm.self)
                typed = Forms.typed(f)
                try await RightsService.outcome(c, f.input, scoped: scoped, by: s, actor: actor, at: at)
            case .followups:
                let f = try await req.form(RightsFollowupInput.self)
                typed = Forms.typed(f)
                _ = try await RightsService.followup(c, f, scoped: scoped, by: s, actor: actor, at: at)
            case .safety:
                let f = try await req.form(RightsSafetyPageForm.self)
                typed = Forms.typed(f)
                try await RightsService.safety(c, f.input, scoped: scoped, by: s, actor: actor, at: at)
            case .childReports:
                let f = try await req.form(RightsChildReportPageForm.self)
                typed = Forms.typed(f)
                _ = try await RightsService.childReport(c, f.input, scoped: scoped, by: s, actor: actor, at: at)
            }
            return req.redirect(to: RightsURL.rightsCase(c.id) + "#" + (part == .access ? "confidential" : part.rawValue))
        } catch let e as FieldErrors {
            // A step refused for where the case stands is said at the top of the form: there is no field `status`.
            let fresh = try await RightsAPIController.load(req)
            return try await render(
                req, fresh, state: RightsPageState(part: part, errors: req.messages(e), typed: typed), status: .unprocessableEntity)
        }
    }
}
