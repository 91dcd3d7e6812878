import Fluent
import Vapor
import GuanaiCore

/// /campaigns: the pilot campaigns with a form to record a new one, and each campaign's page with its progress and
/// the volunteers who signed up.
struct CampaignPagesController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.campaigns.components, use: list)
        r.post(SiteURL.campaigns.components, use: create)
        r.get(SiteURL.campaign(nil).components, use: show)
        r.post(SiteURL.campaignVolunteers(nil).components, use: addVolunteer)
    }

    func list(req: Request) async throws -> Response {
        try PairingAPIController().requireStaffRead(req)
        return try await renderList(req, typed: CampaignPageForm(launchedOn: RegistryService.today(req.now).iso), errors: [:], status: .ok)
    }

    func renderList(_ req: Request, typed: CampaignPageForm, errors: [String: String], status: HTTPStatus) async throws -> Response {
        let scoped = try req.scoped
        let (items, total) = try await scoped.campaigns(page: 1, per: 200)
        let counts = try await scoped.signupCounts(items.map(\.recordID))
        let names = try await scoped.unitNames(items.map(\.unitCode))
        var units: [(String, String)] = []
        if try req.actor.can(.approve) {
            units = try await AccountsController.unitOptions(scoped).filter {
                DivisionCode($0.0).map { $0.level == .village || $0.level == .township } ?? false
            }
        }
        return CampaignViews.list(
            req, items, total: total, counts: counts, unitNames: names, units: units, typed: typed, errors: errors, status: status)
    }

    func create(req: Request) async throws -> Response {
        try PairingAPIController().requireStaff(req)
        try req.require(.approve)
        let f = try await req.form(CampaignPageForm.self)
        do {
            let k = try await CampaignService.create(
                f.input,
                scoped: try req.scoped, by: try req.actor.displayName, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.campaign(k.recordID).path)
        } catch let e as FieldErrors {
            return try await renderList(req, typed: f, errors: req.messages(e), status: .unprocessableEntity)
        }
    }

    func load(_ req: Request, read: Bool = false) async throws -> Campaign {
        if read { try PairingAPIController().requireStaffRead(req) } else { try PairingAPIController().requireStaff(req) }
        guard let k = try await req.scoped.campaign(try req.parameters.id()) else { throw Abort(.notFound) }
        return k
    }

    func show(req: Request) async throws -> Response {
        try await render(req, try await load(req, read: true), typed: CampaignVolunteerForm(), errors: [:], status: .ok)
    }

    func render(_ req: Request, _ k: Campaign, typed: CampaignVolunteerForm, errors: [String: String], status: HTTPStatus) async throws
        -> Response
    {
        let scoped = try req.scoped
        let signups = try await scoped.signups(k)
        let progress = try await scoped.progress(k, today: RegistryService.today(req.now))
        let candidates = try await scoped.campaignCandidates(k)
        let names = try await scoped.unitNames([k.unitCode] + signups.map(\.volunteer.unitCode) + candidates.map(\.unitCode))
        return CampaignViews.page(
            req, k, progress: progress, signups: signups, candidates: candidates, unitNames: names, typed: typed, errors: errors,
            status: status)
    }

    func addVolunteer(req: Request) async throws -> Response {
        let k = try await load(req)
        let f = try await req.form(CampaignVolunteerForm.self)
        do {
            _ = try await CampaignService.addVolunteer(
                k, f.input, scoped: try req.scoped,
                actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.campaign(k.recordID).path)
        } catch let e as FieldErrors {
            return try await render(req, k, typed: f, errors: req.messages(e), status: .unprocessableEntity)
        }
    }
}

enum CampaignViews {
    /// The label each form field goes by, so the summary above a form names the field as the form shows it.
    static let fieldKeys = [
        "name": "campaign.name", "unitCode": "campaign.unit", "launchedOn": "campaign.launchedOn", "note": "campaign.note",
        "volunteerId": "campaign.volunteer", "signedOn": "campaign.signedOn",
    ]

    static func labelledSummary(_ l: UILanguage, _ errors: [String: String]) -> Node {
        Forms.errorSummary(
            l, Dictionary(uniqueKeysWithValues: errors.map { f, m in (f, fieldKeys[f].map { l.t($0) + l.t("f.sep") + m } ?? m) }))
    }

    static func list(
        _ req: Request, _ items: [Campaign], total: Int, counts: [CampaignID: Int], unitNames: [String: String], units: [(String, String)],
        typed f: CampaignPageForm, errors e: [String: String], status: HTTPStatus
    ) -> Response {
        let l = req.lang
        typealias K = CampaignPageForm.CodingKeys
        return Layout.page(req, title: l.t("campaign.title"), status: status) {
            h1 { l.t("campaign.title") }
            p(.class("muted")) { l.t("campaign.intro") }
            if items.isEmpty {
                p { l.t("campaign.none") }
            } else {
                p(.class("muted")) { l.t("campaign.count", String(total)) }
                div(.class("table-wrap")) {
                    table(.class("stack")) {
                        thead {
                            tr {
                                th { l.t("campaign.name") }; th { l.t("campaign.unit") }; th { l.t("campaign.launchedOn") };
                                th { l.t("campaign.volunteers") }
                            }
                        }
                        tbody {
                            for k in items {
                                tr {
                                    td(.data("label", l.t("campaign.name"))) { a(.href(.campaign(k.recordID))) { k.name } }
                                    td(.data("label", l.t("campaign.unit"))) { unitNames[k.unitCode] ?? k.unitCode }
                                    td(.data("label", l.t("campaign.launchedOn"))) { k.launchedOn }
                                    td(.data("label", l.t("campaign.volunteers"))) { String(counts[k.recordID] ?? 0) }
                                }
                            }
                        }
                    }
                }
            }
            if !units.isEmpty {
                section(.class("panel")) {
                    h2 { l.t("campaign.new") }
                    labelledSummary(l, e)
                    form(.method("post"), .action(.campaigns)) {
                        Forms.csrf(req)
                        Forms.field(
                            l, label: "campaign.name", name: K.name.rawValue, value: f.name ?? "", required: true,
                            error: e[K.name.rawValue],
                            hint: l.t("campaign.nameHint"))
                        Forms.select(
                            l, label: "campaign.unit", name: K.unitCode.rawValue, options: [("", l.t("campaign.pickUnit"))] + units,
                            selected: f.unitCode ?? "", error: e[K.unitCode.rawValue], required: true)
                        Forms.field(
                            l, label: "campaign.launchedOn", name: K.launchedOn.rawValue, value: f.launchedOn ?? "", type: "date",
                            required: true,
                            error: e[K.launchedOn.rawValue], hint: l.t("campaign.launchedOnHint"))
                        Forms.field(l, label: "campaign.note", name: K.note.rawValue, value: f.note ?? "", error: e[K.note.rawValue])
                        button(.type("submit")) { l.t("campaign.create") }
                    }
                }
            }
        }
    }

    static func card(_ n: Int, _ label: String) -> Node {
        div(.class("card")) {
            span(.class("n")) { String(n) }; span(.class("k")) { label }
        }
    }

    static func page(
        _ req: Request, _ k: Campaign, progress g: CampaignProgress, signups: [CampaignSignup], candidates: [Volunteer],
        unitNames: [String: String],
        typed f: CampaignVolunteerForm, errors e: [String: String], status: HTTPStatus
    ) -> Response {
        let l = req.lang
        let id = k.recordID
        let reasons: String = g.closedByReason.sorted { $0.key < $1.key }
            .map { (reason: String, n: Int) -> String in l.t("campaign.reason." + (reason.isEmpty ? "unknown" : reason)) + " " + String(n) }
            .joined(separator: l.t("list.sep"))
        typealias K = CampaignVolunteerForm.CodingKeys
        return Layout.page(req, title: k.name, status: status) {
            h1 { k.name }
            p { a(.href(.campaigns)) { l.t("campaign.back") } }
            dl(.class("kv")) {
                dt { l.t("campaign.unit") }; dd { unitNames[k.unitCode] ?? k.unitCode }
                dt { l.t("campaign.launchedOn") }; dd { k.launchedOn }
                if !k.note.isEmpty { dt { l.t("campaign.note") }; dd { k.note } }
                dt { l.t("campaign.createdBy") }; dd { k.createdBy }
            }
            h2 { l.t("campaign.progress") }
            div(.class("cards")) {
                card(g.volunteers, l.t("campaign.volunteers"))
                div(.class("card")) {
                    span(.class("n")) { String(g.childrenPaired) + " / " + String(g.childrenListed) };
                    span(.class("k")) { l.t("campaign.childrenPaired") }
                }
                div(.class("card")) {
                    span(.class("n")) { String(g.contactsOnTime) + " / " + String(g.activePairs) };
                    span(.class("k")) { l.t("campaign.onTime") }
                }
                card(g.contactsOverdue, l.t("campaign.overdue"))
                card(g.closedSinceLaunch, l.t("campaign.closed"))
            }
            p(.class("muted")) { l.t("campaign.progressHint", String(g.openPairs)) }
            if !g.closedByReason.isEmpty {
                p { l.t("campaign.closedBy") + l.t("f.sep") + reasons }
            }
            h2 { l.t("campaign.signedUp") }
            if signups.isEmpty {
                p { l.t("campaign.noVolunteers") }
            } else {
                div(.class("table-wrap")) {
                    table(.class("stack")) {
                        thead {
                            tr {
                                th { l.t("campaign.volunteer") }; th { l.t("campaign.home") }; th { l.t("campaign.signedOn") };
                                th { l.t("campaign.openPairs") }; th { l.t("campaign.activePairs") }; th { l.t("campaign.closedPairs") }
                            }
                        }
                        tbody {
                            for s in signups {
                                tr {
                                    td(.data("label", l.t("campaign.volunteer"))) { s.volunteer.name }
                                    td(.data("label", l.t("campaign.home"))) { unitNames[s.volunteer.unitCode] ?? s.volunteer.unitCode }
                                    td(.data("label", l.t("campaign.signedOn"))) { s.row.signedOn }
                                    td(.data("label", l.t("campaign.openPairs"))) {
                                        String(s.openPairs) + " / " + String(s.volunteer.capacity)
                                    }
                                    td(.data("label", l.t("campaign.activePairs"))) { String(s.activePairs) }
                                    td(.data("label", l.t("campaign.closedPairs"))) { String(s.closedPairs) }
                                }
                            }
                        }
                    }
                }
            }
            if req.mayAct {
                section(.class("panel")) {
                    h2 { l.t("campaign.addVolunteer") }
                    labelledSummary(l, e)
                    if candidates.isEmpty && e.isEmpty {
                        p(.class("muted")) { l.t("campaign.noCandidates") }
                    } else {
                        form(.method("post"), .action(.campaignVolunteers(id))) {
                            Forms.csrf(req)
                            Forms.select(
                                l, label: "campaign.volunteer", name: K.volunteerId.rawValue,
                                options: [("", l.t("campaign.pickVolunteer"))]
                                    + candidates.map { ($0.id!.uuidString, $0.name + " · " + (unitNames[$0.unitCode] ?? $0.unitCode)) },
                                selected: f.volunteerId ?? "", error: e[K.volunteerId.rawValue], required: true)
                            Forms.field(
                                l, label: "campaign.signedOn", name: K.signedOn.rawValue, value: f.signedOn ?? "", type: "date",
                                error: e[K.signedOn.rawValue], hint: l.t("campaign.signedOnHint"))
                            button(.type("submit")) { l.t("campaign.add") }
                        }
                    }
                }
            }
        }
    }
}
