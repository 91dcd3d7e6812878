import Fluent
import Vapor
import GuanaiCore

extension HealthURL {
    static let teams = home + "/teams"
    static func team(_ id: String?) -> String { teams + "/" + (id ?? ":id") }
    static func teamActivities(_ id: String?) -> String { team(id) + "/activities" }
}

/// /health/teams: the jurisdiction's fitness and culture teams; a team's page with its members, its activities and,
/// for the staff who run teams, the form of an activity (a head count).
struct HealthTeamPagesController {
    func register(_ r: any RoutesBuilder) {
        r.get(Self.components(HealthURL.teams), use: list)
        r.get(Self.components(HealthURL.team(nil)), use: show)
        r.post(Self.components(HealthURL.teamActivities(nil)), use: activity)
    }

    static func components(_ path: String) -> [PathComponent] { JobFairPagesController.components(path) }

    func list(req: Request) async throws -> Response {
        let page = try await HealthTeamAPIController().list(req: req)
        return HealthViews.teams(req, page.items)
    }

    func show(req: Request) async throws -> Response {
        let t = try await HealthTeamAPIController.load(req)
        let flash = req.query[String.self, at: "saved"] == "1" ? req.t("hp.saved") : nil
        return HealthViews.team(
            req, try await HealthTeamAPIController.dtos([t], req)[0], mayManage: HealthAccess.mayManageTeams(try req.actor.role),
            state: HealthPageState(flash: flash), status: .ok)
    }

    func activity(req: Request) async throws -> Response {
        let t = try await HealthTeamAPIController.load(req)
        try HealthTeamAPIController.requireManager(req)
        let f = try await req.form(HealthTeamActivityForm.self)
        let count = f.participants.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let input = HealthTeamActivityInput(
            date: f.date, place: f.place,
            participants: count.map { .count($0) } ?? (FormChecker().text(f.participants) == nil ? nil : .unreadable))
        do {
            try await HealthTeamService.activity(t, input, scoped: try req.scoped, by: try req.actor, actor: req.auditActor, at: req.now)
            return req.redirect(to: HealthURL.team(t.id!.uuidString) + "?saved=1")
        } catch let e as FieldErrors {
            let typed = ["date": f.date ?? "", "place": f.place ?? "", "participants": f.participants ?? ""]
            return HealthViews.team(
                req, try await HealthTeamAPIController.dtos([t], req)[0], mayManage: true,
                state: HealthPageState(errors: HealthPagesController.messages(req, e), typed: typed), status: .unprocessableEntity)
        }
    }
}

struct HealthTeamActivityForm: Codable { var date: String?, place: String?, participants: String? }

extension HealthViews {
    static func teams(_ req: Request, _ items: [HealthTeamDTO]) -> Response {
        let l = req.lang
        return Layout.page(req, title: l.t("ht.title")) {
            h1 { l.t("ht.title") }
            if items.isEmpty {
                p { l.t("ht.none") }
            } else {
                div(.class("table-wrap")) {
                    table(.class("stack"), .id("teams")) {
                        thead {
                            tr { for k in ["ht.name", "ht.kind", "hp.unit", "ht.members", "ht.activities", "ht.last"] { th { l.t(k) } } }
                        }
                        tbody {
                            for t in items {
                                tr {
                                    td(.data("label", l.t("ht.name"))) { a(.href(HealthURL.team(t.id))) { t.name } }
                                    td(.data("label", l.t("ht.kind"))) { l.t("ht.kind." + t.kind) }
                                    td(.data("label", l.t("hp.unit"))) { t.unitName }
                                    td(.data("label", l.t("ht.members"))) { String(t.members.count) }
                                    td(.data("label", l.t("ht.activities"))) { String(t.activities.count) }
                                    td(.data("label", l.t("ht.last"))) { t.activities.first?.date ?? "—" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func team(_ req: Request, _ t: HealthTeamDTO, mayManage: Bool, state: HealthPageState, status: HTTPStatus) -> Response {
        let l = req.lang
        return Layout.page(req, title: t.name, status: status) {
            div(.class("crumbs")) {
                a(.href(HealthURL.teams)) { l.t("ht.title") }; " › "; span { t.name }
            }
            h1 { t.name }
            Forms.flash(state.flash)
            dl(.class("kv")) {
                dt { l.t("ht.kind") }; dd { l.t("ht.kind." + t.kind) }
                dt { l.t("hp.unit") }; dd { t.unitName }
                dt { l.t("ht.leader") }; dd { t.leader.name }
                dt { l.t("ht.members") }; dd { t.members.map(\.name).joined(separator: l.t("list.sep")) }
            }
            h2 { l.t("ht.activities") }
            if t.activities.isEmpty {
                p(.class("muted")) { l.t("ht.noActivities") }
            } else {
                ul(.id("activities")) {
                    for a in t.activities {
                        li { a.date + " · " + a.place + " · " + l.t("ht.people", String(a.participants)) + " · " + a.by }
                    }
                }
            }
            if mayManage {
                section(.id("activity")) {
                    h2 { l.t("ht.record") }
                    errorBox(l, state.errors)
                    form(.method("post"), Attr("action", HealthURL.teamActivities(t.id))) {
                        Forms.csrf(req)
                        Forms.field(
                            l, label: "hp.field.date", name: "date", value: state.typed["date"] ?? RegistryService.today(req.now).iso,
                            type: "date",
                            required: true, error: state.errors["date"])
                        Forms.field(
                            l, label: "ht.place", name: "place", value: state.typed["place"] ?? "", required: true,
                            error: state.errors["place"])
                        Forms.field(
                            l, label: "ht.participants", name: "participants", value: state.typed["participants"] ?? "", type: "number",
                            required: true, error: state.errors["participants"])
                        button(.type("submit"), .id("activity-save")) { l.t("hp.save") }
                    }
                }
            }
        }
    }
}
