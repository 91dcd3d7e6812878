import Fluent
import Vapor
import GuanaiCore

/// /job-fairs: the list, a new or changed fair, the fair's page with its small forms, the phone page that records an
/// attendee, and the follow-up. The same rules as the API: whoever reads employment reads, `worksOnEmployment` writes.
struct JobFairPagesController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.jobFairs.components, use: list)
        r.get(Self.components(FairURL.new), use: newForm)
        r.post(Self.components(FairURL.new), use: create)
        r.get(Self.components(FairURL.fair(nil)), use: show)
        r.get(Self.components(FairURL.edit(nil)), use: editForm)
        r.post(Self.components(FairURL.edit(nil)), use: edit)
        r.get(Self.components(FairURL.attend(nil)), use: attendPage)
        for part in FairPart.allCases {
            r.post(Self.components(FairURL.part(nil, part)), use: { req in try await self.add(req, part) })
        }
        r.post(Self.components(FairURL.followup(nil)), use: followup)
    }

    static func components(_ path: String) -> [PathComponent] {
        path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
    }

    func mayWrite(_ req: Request) throws -> Bool { Policy.worksOnEmployment(try req.actor.role) }

    func list(req: Request) async throws -> Response {
        try req.requireBrowse(.employment)
        let scoped = try req.scoped
        let unit = req.query[String.self, at: "unit"].flatMap { $0.isEmpty ? nil : $0 }
        let (items, total) = try await scoped.jobFairs(unit: unit, page: 1, per: 500)
        return JobFairViews.list(
            req, try await JobFairAPIController.dtos(items, scoped), total: total,
            unitNames: try await scoped.unitNames(items.map(\.unitCode)), mayWrite: try mayWrite(req),
            mayExport: try req.actor.can(.export))
    }

    func units(_ req: Request) async throws -> [(String, String)] { try await AccountsController.unitOptions(try req.scoped) }

    func newForm(req: Request) async throws -> Response {
        try JobFairAPIController.requireWrite(req)
        return JobFairViews.editor(req, nil, typed: JobFairInput(), errors: [:], units: try await units(req), status: .ok)
    }

    func create(req: Request) async throws -> Response {
        try JobFairAPIController.requireWrite(req)
        let f = try await req.form(JobFairInput.self)
        do {
            let fair = try await JobFairService.create(f, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: FairURL.fair(fair.id))
        } catch let e as FieldErrors {
            return JobFairViews.editor(
                req, nil, typed: f, errors: req.messages(e), units: try await units(req), status: .unprocessableEntity)
        }
    }

    func editForm(req: Request) async throws -> Response {
        let fair = try await JobFairAPIController.load(req, write: true)
        return JobFairViews.editor(req, fair, typed: fair.input, errors: [:], units: try await units(req), status: .ok)
    }

    func edit(req: Request) async throws -> Response {
        let fair = try await JobFairAPIController.load(req, write: true)
        let f = try await req.form(JobFairInput.self)
        do {
            _ = try await JobFairService.update(fair, f, whole: true, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: FairURL.fair(fair.id))
        } catch let e as FieldErrors {
            return JobFairViews.editor(
                req, fair, typed: f, errors: req.messages(e), units: try await units(req), status: .unprocessableEntity)
        }
    }

    func show(req: Request) async throws -> Response {
        try await render(req, try await JobFairAPIController.load(req), state: FairPageState(), status: .ok)
    }

    /// The page names the women who came and were hired: a view of the fair, in the trail.
    func render(_ req: Request, _ fair: JobFair, state: FairPageState, status: HTTPStatus) async throws -> Response {
        let scoped = try req.scoped
        let detail = try await JobFairAPIController.detail(fair, scoped)
        try await req.audit(AuditEvent(.view, .employment, fair.id!.uuidString, unit: fair.unitCode, detail: ["record": "job_fair"]))
        return JobFairViews.page(
            req, detail, unitName: try await scoped.unitNames([fair.unitCode])[fair.unitCode] ?? fair.unitCode, state: state,
            mayWrite: try mayWrite(req), mayExport: try req.actor.can(.export), today: RegistryService.today(req.now), status: status)
    }

    func add(_ req: Request, _ part: FairPart) async throws -> Response {
        let fair = try await JobFairAPIController.load(req, write: true)
        let scoped = try req.scoped
        var state = FairPageState(part: part.rawValue)
        do {
            switch part {
            case .employers:
                let f = try await req.form(FairEmployerInput.self)
                state.typed = Forms.typed(f)
                _ = try await JobFairService.addEmployer(fair, f, scoped: scoped, actor: req.auditActor, at: req.now)
            case .postings:
                let f = try await req.form(FairPostingPageForm.self)
                state.typed = Forms.typed(f)
                _ = try await JobFairService.addPosting(fair, f.input, scoped: scoped, actor: req.auditActor, at: req.now)
            case .attendees, .intents, .hires:
                let f = try await req.form(FairPersonInput.self)
                state.typed = Forms.typed(f)
                switch part {
                case .attendees: _ = try await JobFairService.addAttendee(fair, f, scoped: scoped, actor: req.auditActor, at: req.now)
                case .intents: _ = try await JobFairService.addIntent(fair, f, scoped: scoped, actor: req.auditActor, at: req.now)
                default: _ = try await JobFairService.addHire(fair, f, scoped: scoped, actor: req.auditActor, at: req.now)
                }
            }
            return req.redirect(to: FairURL.fair(fair.id) + "#" + part.rawValue)
        } catch let e as FieldErrors {
            state.errors = req.messages(e)
            return try await render(req, fair, state: state, status: .unprocessableEntity)
        } catch let e as ConflictError {
            state.errors = [e.field: req.t(e.key)]
            return try await render(req, fair, state: state, status: .conflict)
        }
    }

    func followup(req: Request) async throws -> Response {
        let scoped = try req.scoped
        guard let (hire, fair) = try await scoped.fairHire(req.parameters.get("id")) else { throw Abort(.notFound) }
        try JobFairAPIController.requireWrite(req)
        let f = try await req.form(FairFollowupInput.self)
        var state = FairPageState(part: "followup-" + hire.id!.uuidString, typed: Forms.typed(f))
        do {
            _ = try await JobFairService.addFollowup(hire, fair, f, scoped: scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: FairURL.fair(fair.id) + "#hires")
        } catch let e as FieldErrors {
            state.errors = req.messages(e)
            return try await render(req, fair, state: state, status: .unprocessableEntity)
        } catch let e as ConflictError {
            state.errors = [e.field: req.t(e.key)]
            return try await render(req, fair, state: state, status: .conflict)
        }
    }

    /// On a phone at the fair's door: find her by name or ID number, one big button records her.
    func attendPage(req: Request) async throws -> Response {
        let fair = try await JobFairAPIController.load(req, write: true)
        let q = (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces)
        let scoped = try req.scoped
        let found = q.isEmpty ? [] : try await scoped.fairWomenMatching(q)
        let came = Set(try await scoped.fairAttendees(fair).map(\.personID))
        return JobFairViews.attend(req, fair, q: q, found: found, came: came)
    }
}
