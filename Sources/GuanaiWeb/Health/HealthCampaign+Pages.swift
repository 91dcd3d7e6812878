import Fluent
import Vapor
import GuanaiCore

/// /health/campaigns: the campaigns and their progress for the staff who see counts; the form and the invitation and
/// booking forms for the runners; attendance for whoever works the due lists. The same service as the API.
struct HealthCampaignPagesController {
    func register(_ r: any RoutesBuilder) {
        r.get(Self.components(HealthURL.campaigns), use: list)
        r.get(Self.components(HealthURL.newCampaign), use: newForm)
        r.post(Self.components(HealthURL.newCampaign), use: create)
        r.get(Self.components(HealthURL.campaign(nil)), use: show)
        for part in HealthCampaignPart.allCases {
            r.post(Self.components(HealthURL.campaignPart(nil, part))) { req in try await self.post(req, part) }
        }
    }

    static func components(_ path: String) -> [PathComponent] { JobFairPagesController.components(path) }

    func list(req: Request) async throws -> Response {
        let page = try await HealthCampaignAPIController().list(req: req)
        return HealthViews.campaigns(req, page.items, mayRun: HealthAccess.mayRunCampaigns(try req.actor.role))
    }

    static func townships(_ req: Request) async throws -> [(String, String)] {
        try await AccountsController.unitOptions(try req.scoped).filter { DivisionCode($0.0)?.level == .township }
    }

    func newForm(req: Request) async throws -> Response {
        try HealthPagesController.requireCounts(req)
        try HealthCampaignAPIController.requireRunner(req)
        var f = HealthCampaignPageForm()
        f.year = String(RegistryService.today(req.now).year)
        return HealthViews.campaignForm(req, f, townships: try await Self.townships(req), errors: [:], status: .ok)
    }

    func create(req: Request) async throws -> Response {
        try HealthPagesController.requireCounts(req)
        try HealthCampaignAPIController.requireRunner(req)
        let f = try await req.form(HealthCampaignPageForm.self)
        do {
            let c = try await HealthCampaignService.create(
                f.input, scoped: try req.scoped, by: try req.actor, actor: req.auditActor, at: req.now)
            return req.redirect(to: HealthURL.campaign(c.id!.uuidString))
        } catch let e as FieldErrors {
            let byField = Dictionary(req.messages(e).map { (f.formField($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
            return HealthViews.campaignForm(req, f, townships: try await Self.townships(req), errors: byField, status: .unprocessableEntity)
        }
    }

    func show(req: Request) async throws -> Response {
        let c = try await HealthCampaignAPIController.load(req)
        let flash = req.query[String.self, at: "saved"] == "1" ? req.t("hp.saved") : nil
        return try await render(req, c, state: HealthPageState(flash: flash), status: .ok)
    }

    /// The due women of the campaign's township in the jurisdiction, not yet invited: the first hundred by the due
    /// list's order.
    func render(_ req: Request, _ c: HealthCampaign, state: HealthPageState, status: HTTPStatus) async throws -> Response {
        let role = try req.actor.role
        let mayRun = HealthAccess.mayRunCampaigns(role)
        let scoped = try req.scoped
        let women = try await HealthCampaignAPIController.invitationDTOs(c, try await scoped.healthInvitations(c), req)
        var due: [HealthDueDTO] = []
        if mayRun {
            let today = RegistryService.today(req.now)
            let settings = try await HealthSettingsStore.load(on: req.db)
            let invited = Set(women.map(\.personId))
            var seen: Set<PersonID> = []
            for p in c.programme.programmes {
                for (w, since) in try await scoped.healthDue(unit: c.unitCode, programme: p, today: today, settings)
                where w.unitCode.hasPrefix(String(c.unitCode.prefix(9))) && !invited.contains(w.personId.description)
                    && seen.insert(w.personId).inserted
                {
                    due.append(HealthDueDTO(w, dueSince: since, programme: p, villageName: "", today: today))
                }
            }
            due = Array(due.prefix(100))
            let names = try await scoped.unitNames(due.map(\.villageCode))
            due = due.map { d in
                var d = d
                d.villageName = names[d.villageCode] ?? d.villageCode
                return d
            }
        }
        return HealthViews.campaign(
            req, try await HealthCampaignAPIController.dto(c, req), women: women, due: due, mayRun: mayRun,
            mayAttend: HealthAccess.mayWorkDueLists(role), state: state, status: status)
    }

    func post(_ req: Request, _ part: HealthCampaignPart) async throws -> Response {
        let c = try await HealthCampaignAPIController.load(req)
        let role = try req.actor.role
        guard part == .attendance ? HealthAccess.mayWorkDueLists(role) : HealthAccess.mayRunCampaigns(role) else { throw Abort(.forbidden) }
        let f = try await req.form(HealthCampaignPartForm.self)
        let scoped = try req.scoped
        do {
            switch part {
            case .invitations:
                _ = try await HealthCampaignService.invite(
                    c, HealthInvitationInput(personIds: f.personIds ?? []), scoped: scoped, actor: req.auditActor, at: req.now)
            case .appointments:
                _ = try await HealthCampaignService.book(
                    c, HealthAppointmentInput(personId: f.personId, date: f.date, site: f.site), scoped: scoped, actor: req.auditActor,
                    at: req.now)
            case .attendance:
                _ = try await HealthCampaignService.attend(
                    c, HealthAttendanceInput(personId: f.personId, date: f.date), scoped: scoped, actor: req.auditActor, at: req.now)
            }
            return req.redirect(to: HealthURL.campaign(c.id!.uuidString) + "?saved=1")
        } catch let e as FieldErrors {
            let typed = ["personId": f.personId ?? "", "date": f.date ?? "", "site": f.site ?? ""]
            let state = HealthPageState(part: nil, errors: HealthPagesController.messages(req, e), typed: typed)
            return try await render(req, c, state: state.campaign(part), status: .unprocessableEntity)
        }
    }
}

/// Every field of a campaign page's three forms; each form sends its own.
struct HealthCampaignPartForm: Codable {
    var personIds: [String]?, personId: String?, date: String?, site: String?
}
