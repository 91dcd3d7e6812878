import Fluent
import Vapor
import GuanaiCore

extension HealthURL {
    static let teams = home + "/teams"
    static let newTeam = teams + "/new"
    static func team(_ id: String?) -> String { teams + "/" + (id ?? ":id") }
    static func teamActivities(_ id: String?) -> String { team(id) + "/activities" }
}

/// /health/teams: the jurisdiction's fitness and culture teams; a team's page with its members, its activities and,
/// for the staff who run teams, the form of an activity (a head count).
struct HealthTeamPagesController {
    func register(_ r: any RoutesBuilder) {
        r.get(Self.components(HealthURL.teams), use: list)
        r.get(Self.components(HealthURL.newTeam), use: newForm)
        r.post(Self.components(HealthURL.newTeam), use: create)
        r.get(Self.components(HealthURL.team(nil)), use: show)
        r.post(Self.components(HealthURL.teamActivities(nil)), use: activity)
    }

    static func components(_ path: String) -> [PathComponent] { JobFairPagesController.components(path) }

    func list(req: Request) async throws -> Response {
        let page = try await HealthTeamAPIController().list(req: req)
        return HealthViews.teams(req, page.items, mayManage: HealthAccess.mayManageTeams(try req.actor.role))
    }

    static func units(_ req: Request) async throws -> [(String, String)] {
        try await AccountsController.unitOptions(try req.scoped).filter { (DivisionCode($0.0)?.level ?? .county) >= .township }
    }

    func newForm(req: Request) async throws -> Response {
        try HealthTeamAPIController.requireManager(req)
        var f = HealthTeamPageForm()
        if req.auth.get(Signer.self).flatMap({ DivisionCode($0.unitCode)?.level }) == .village { f.unitCode = try req.actor.unitCode }
        return HealthViews.teamForm(req, f, units: try await Self.units(req), errors: [:], status: .ok)
    }

    /// The leader and the members by name and ID number: someone not yet registered becomes a person of the team's
    /// village. Everything in one transaction, so a refused form leaves no one registered.
    func create(req: Request) async throws -> Response {
        try HealthTeamAPIController.requireManager(req)
        let f = try await req.form(HealthTeamPageForm.self)
        let scoped = try req.scoped, signer = try req.actor, actor = req.auditActor, at = req.now
        do {
            let t = try await req.db.transaction { tx in
                try await HealthTeamService.create(f, scoped: scoped.on(tx), by: signer, actor: actor, at: at, lang: req.lang)
            }
            return req.redirect(to: HealthURL.team(t.id!.uuidString) + "?saved=1")
        } catch let e as FieldErrors {
            return HealthViews.teamForm(
                req, f, units: try await Self.units(req), errors: HealthPagesController.messages(req, e), status: .unprocessableEntity)
        }
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

struct HealthTeamPageForm: Codable {
    var name: String?, kind: String?, unitCode: String?, leaderName: String?, leaderIdNumber: String?, memberLines: String?
}

extension HealthTeamService {
    /// The form's team: its people found or registered by ID number, then `create` as the API's. Each member's error
    /// names her line of the box.
    static func create(
        _ f: HealthTeamPageForm, scoped s: Scoped, by signer: Signer, actor: AuditActor, at: Date, lang: UILanguage
    ) async throws -> HealthTeam {
        let village = DivisionCode(f.unitCode ?? "")?.level == .village ? f.unitCode : nil
        var errors: [FieldError] = []
        var leader: Person? = nil
        let leaderFields = RegistryService.PersonFields(
            idNumber: "leaderIdNumber", name: "leaderName", village: "leaderIdNumber", noVillage: "ht.error.registerFirst")
        do {
            leader = try await RegistryService.personByID(
                idNumber: f.leaderIdNumber, name: f.leaderName, phone: nil, village: village, womenOnly: false, fields: leaderFields,
                scoped: s, actor: actor, at: at)
        } catch let e as FieldErrors { errors += e.items }
        var members: [String] = []
        let memberFields = RegistryService.PersonFields(
            idNumber: "memberLines", name: "memberLines", village: "memberLines", noVillage: "ht.error.registerFirst")
        for m in HealthTeamForm.memberLines(f.memberLines ?? "") {
            do {
                let p = try await RegistryService.personByID(
                    idNumber: m.idNumber, name: m.name, phone: nil, village: village, womenOnly: false, fields: memberFields, scoped: s,
                    actor: actor, at: at)
                members.append(p.id!.uuidString)
            } catch let e as FieldErrors {
                errors += e.items.map {
                    FieldError(
                        field: "memberLines", key: "ht.error.memberLine", args: [String(m.line), lang.t($0.key, $0.args.first ?? "")])
                }
            }
        }
        let input = HealthTeamInput(
            name: f.name, kind: f.kind, unitCode: f.unitCode, leaderPersonId: leader?.id?.uuidString ?? UUID().uuidString, members: members)
        if !errors.isEmpty {
            // The team's own fields are named too, so one round trip shows every mistake.
            var c = FormChecker()
            _ = HealthTeamForm.check(input, &c)
            throw FieldErrors(errors + c.errors.filter { !$0.field.hasPrefix("leader") && !$0.field.hasPrefix("members") })
        }
        do {
            return try await create(input, scoped: s, by: signer, actor: actor, at: at)
        } catch let e as FieldErrors {
            throw FieldErrors(
                e.items.map {
                    $0.field == "leaderPersonId"
                        ? FieldError(field: "leaderIdNumber", key: $0.key, args: $0.args)
                        : $0.field.hasPrefix("members") ? FieldError(field: "memberLines", key: $0.key, args: $0.args) : $0
                })
        }
    }
}

extension HealthViews {
    static func teams(_ req: Request, _ items: [HealthTeamDTO], mayManage: Bool) -> Response {
        let l = req.lang
        return Layout.page(req, title: l.t("ht.title")) {
            h1 { l.t("ht.title") }
            if mayManage {
                p(.class("actions")) {
                    a(.class("btn"), .href(HealthURL.newTeam), .id("new-team")) { l.t("ht.new") }
                    IntakeViews.importLink(req, .teamMembers)
                }
            }
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

    static func teamForm(_ req: Request, _ f: HealthTeamPageForm, units: [(String, String)], errors: [String: String], status: HTTPStatus)
        -> Response
    {
        let l = req.lang
        return Layout.page(req, title: l.t("ht.new"), status: status) {
            div(.class("crumbs")) {
                a(.href(HealthURL.teams)) { l.t("ht.title") }; " › "; span { l.t("ht.new") }
            }
            h1 { l.t("ht.new") }
            Forms.errorSummary(l, errors)
            form(.method("post"), Attr("action", HealthURL.newTeam), .id("team-form")) {
                Forms.csrf(req)
                Forms.field(l, label: "ht.name", name: "name", value: f.name ?? "", required: true, error: errors["name"])
                Forms.select(
                    l, label: "ht.kind", name: "kind",
                    options: [("", l.t("hp.choose"))] + HealthTeamKind.allCases.map { ($0.rawValue, l.t("ht.kind." + $0.rawValue)) },
                    selected: f.kind ?? "", error: errors["kind"], required: true)
                Forms.select(
                    l, label: "hp.unit", name: "unitCode", options: [("", l.t("hp.choose"))] + units, selected: f.unitCode ?? "",
                    error: errors["unitCode"], required: true)
                Forms.field(
                    l, label: "ht.leaderName", name: "leaderName", value: f.leaderName ?? "", required: true, error: errors["leaderName"])
                Forms.field(
                    l, label: "ht.leaderIdNumber", name: "leaderIdNumber", value: f.leaderIdNumber ?? "", required: true,
                    error: errors["leaderIdNumber"], extra: [Attr("inputmode", "numeric"), Attr("autocomplete", "off")])
                div(.class(errors["memberLines"] == nil ? "field" : "field invalid")) {
                    label(.for("memberLines")) { l.t("ht.memberLines") }
                    textarea(.name("memberLines"), .id("memberLines"), Attr("rows", "6")) { f.memberLines ?? "" }
                    small(.class("hint")) { l.t("ht.memberLinesHint") }
                    if let e = errors["memberLines"] { p(.class("field-error"), .id("memberLines-error")) { e } }
                }
                p(.class("muted")) { l.t("ht.registerNote") }
                button(.type("submit"), .id("save-team")) { l.t("hp.save") }
            }
        }
    }
}
