import Vapor
import GuanaiCore

/// The volunteers' pages: the list, the registration form, her page and her printed service record.
extension PairingViews {
    static func volunteers(
        _ req: Request, _ items: [Volunteer], load: [VolunteerID: Int], unitNames: [String: String], units: [(String, String)],
        unit: String,
        total: Int, page: Int
    ) -> Response {
        let l = req.lang
        let edit = req.auth.get(Signer.self).map { Policy.edits($0.role) } ?? false
        return Layout.page(req, title: l.t("nav.volunteers")) {
            tabs(req, .volunteers)
            h1 { l.t("nav.volunteers") }
            if edit {
                p {
                    a(.class("btn"), .href(.volunteerNew)) { l.t("volunteer.new") }; " ";
                    a(.href(SiteURL.intakeNew.with(query: [("kind", IntakeKind.volunteers.rawValue)]))) { l.t("volunteer.import") }
                }
            }
            form(.method("get"), .action(.volunteers), .class("filters")) {
                Forms.select(l, label: "children.unit", name: "unit", options: [("", l.t("children.allUnits"))] + units, selected: unit)
                button(.type("submit")) { l.t("form.search") }
            }
            p(.class("muted")) { l.t("list.total", String(total)) }
            div(.class("table-wrap")) {
                table(.class("stack")) {
                    thead {
                        tr {
                            th { l.t("person.name") }; th { l.t("volunteer.unit") }; th { l.t("volunteer.skills") };
                            th { l.t("volunteer.load") }; th { l.t("volunteer.screening") }; th { l.t("volunteer.hours") }
                        }
                    }
                    tbody {
                        for v in items {
                            tr {
                                td(.data("label", l.t("person.name"))) {
                                    a(.href(.volunteer(v.recordID))) { v.name }
                                    if v.status != .active { " "; span(.class("tag off")) { l.t("volunteerStatus." + v.status.rawValue) } }
                                }
                                td(.data("label", l.t("volunteer.unit"))) { unitNames[v.unitCode] ?? v.unitCode }
                                td(.data("label", l.t("volunteer.skills"))) { skillText(l, v) }
                                td(.data("label", l.t("volunteer.load"))) {
                                    l.t("volunteer.loadOf", String(load[v.recordID] ?? 0), String(v.capacity))
                                }
                                td(.data("label", l.t("volunteer.screening"))) {
                                    if v.screened {
                                        span(.class("tag")) { l.t("volunteer.screened") }
                                    } else {
                                        span(.class("tag warn")) {
                                            l.t("volunteer.screenedPart", String(v.checks.count), String(ScreeningStep.allCases.count))
                                        }
                                    }
                                }
                                td(.data("label", l.t("volunteer.hours"))) { hours(v.serviceMinutes) }
                            }
                        }
                    }
                }
            }
            Pager.render(l, req: req, page: page, per: 50, total: total)
        }
    }

    static func hours(_ minutes: Int) -> String {
        minutes % 60 == 0 ? String(minutes / 60) : String(format: "%.1f", Double(minutes) / 60)
    }

    static func volunteerForm(
        _ req: Request, typed f: VolunteerPageForm, errors e: [String: String], units: [(String, String)], status: HTTPStatus,
        existing: String? = nil
    ) -> Response {
        let l = req.lang
        typealias K = VolunteerPageForm.CodingKeys
        let skills = Set(f.skills ?? [])
        return Layout.page(req, title: l.t("volunteer.new"), status: status) {
            div(.class("crumbs")) {
                a(.href(.volunteers)) { l.t("nav.volunteers") }; " › "; span { l.t("volunteer.new") }
            }
            h1 { l.t("volunteer.new") }
            p(.class("muted")) { l.t("volunteer.newIntro") }
            Forms.errorSummary(l, e, labelled: true)
            if let id = existing.flatMap({ VolunteerID($0) }) { p { a(.href(.volunteer(id))) { l.t("volunteer.openExisting") } } }
            GuanaiWeb.form(.method("post"), .action(.volunteerNew)) {
                Forms.csrf(req)
                Forms.field(l, label: "person.name", name: K.name.rawValue, value: f.name ?? "", required: true, error: e[K.name.rawValue])
                Forms.field(
                    l, label: "person.idNumber", name: K.idNumber.rawValue, value: f.idNumber ?? "", required: true,
                    error: e[K.idNumber.rawValue],
                    hint: l.t("volunteer.idHint"))
                Forms.field(l, label: "person.phone", name: K.phone.rawValue, value: f.phone ?? "", type: "tel", error: e[K.phone.rawValue])
                Forms.select(
                    l, label: "volunteer.unit", name: K.unitCode.rawValue,
                    options: [("", l.t("form.choose"))] + units.filter { DivisionCode($0.0)?.level != .county }, selected: f.unitCode ?? "",
                    error: e[K.unitCode.rawValue], required: true)
                Forms.field(
                    l, label: "volunteer.organisation", name: VolunteerDetail.organisation.rawValue, value: f.details[.organisation] ?? "",
                    hint: l.t("volunteer.organisationHint"))
                Forms.field(
                    l, label: "volunteer.honours", name: VolunteerDetail.honours.rawValue, value: f.details[.honours] ?? "",
                    hint: l.t("volunteer.honoursHint"))
                fieldset(.class(e[K.skills.rawValue] == nil ? "panel" : "panel invalid")) {
                    legend { l.t("volunteer.skills") }
                    for k in VolunteerSkill.allCases {
                        label(.class("choice")) {
                            tag(
                                "input",
                                [
                                    .type("checkbox"), .name(K.skills.rawValue), .value(k.rawValue),
                                    Attr.when(skills.contains(k.rawValue), .checked),
                                ]);
                            " " + l.t("skill." + k.rawValue)
                        }
                    }
                    if let err = e[K.skills.rawValue] { p(.class("field-error")) { err } }
                }
                Forms.field(
                    l, label: "volunteer.availableTime", name: VolunteerDetail.availableTime.rawValue,
                    value: f.details[.availableTime] ?? "",
                    hint: l.t("volunteer.availableHint"))
                Forms.field(
                    l, label: "volunteer.capacity", name: K.capacity.rawValue, value: (f.capacity ?? "").isEmpty ? "1" : f.capacity ?? "",
                    type: "number",
                    error: e[K.capacity.rawValue], hint: l.t("volunteer.capacityHint"))
                Forms.field(
                    l, label: "volunteer.account", name: K.account.rawValue, value: f.account ?? "", error: e[K.account.rawValue],
                    hint: l.t("volunteer.accountHint"))
                details(.class("action")) {
                    summary { l.t("volunteer.point") }
                    Forms.field(
                        l, label: "volunteer.latitude", name: K.latitude.rawValue, value: f.latitude ?? "", error: e[K.latitude.rawValue])
                    Forms.field(
                        l, label: "volunteer.longitude", name: K.longitude.rawValue, value: f.longitude ?? "",
                        error: e[K.longitude.rawValue])
                }
                button(.type("submit")) { l.t("volunteer.register") }
            }
        }
    }

    static func volunteer(
        _ req: Request, _ v: Volunteer, load: Int, pairs: [Pair], childNames: [ChildID: String], account: String?, unitName: String,
        errors e: [String: String], status: HTTPStatus
    ) -> Response {
        let l = req.lang
        let actor = req.auth.get(Signer.self)
        let approve = actor?.can(.approve) == true
        let edit = actor.map { Policy.edits($0.role) } ?? false
        let id = v.recordID
        let checks = v.checks
        return Layout.page(req, title: v.name, status: status) {
            div(.class("crumbs")) {
                a(.href(.volunteers)) { l.t("nav.volunteers") }; " › "; span { v.name }
            }
            h1 {
                v.name + " "; small { unitName }
            }
            Forms.errorSummary(l, e, labelled: true)
            p {
                if v.screened {
                    span(.class("tag")) { l.t("volunteer.screened") }
                } else {
                    span(.class("tag warn")) { l.t("volunteer.notScreened") }
                }
                " "; span(.class("tag")) { l.t("volunteer.loadOf", String(load), String(v.capacity)) }
                if v.status != .active { " "; span(.class("tag off")) { l.t("volunteerStatus." + v.status.rawValue) } }
            }
            dl(.class("kv")) {
                dt { l.t("person.idNumber") }; dd { tag("code", []) { Masking.idNumber(v.idNumber) } }
                dt { l.t("person.phone") }; dd { v.phone.map(Masking.phone) ?? "—" }
                dt { l.t("volunteer.organisation") }; dd { v.details[text: .organisation] ?? "—" }
                dt { l.t("volunteer.honours") }; dd { v.details[text: .honours] ?? "—" }
                dt { l.t("volunteer.skills") };
                dd {
                    let t = skillText(l, v); t.isEmpty ? "—" : t
                }
                dt { l.t("volunteer.availableTime") }; dd { v.details[text: .availableTime] ?? "—" }
                dt { l.t("volunteer.hours") };
                dd {
                    l.t("volunteer.hoursValue", hours(v.serviceMinutes)) + " · ";
                    a(.href(.volunteerPrint(id))) { l.t("volunteer.printRecord") }
                }
                dt { l.t("volunteer.account") }; dd { account ?? l.t("volunteer.noAccount") }
            }
            section(.class("panel")) {
                h2 { l.t("volunteer.screening") }
                p(.class("muted")) { l.t("volunteer.screeningIntro") }
                for step in ScreeningStep.allCases {
                    div(.class("check-row")) {
                        if let c = checks[step.rawValue] {
                            p {
                                "✓ " + l.t("screen." + step.rawValue); small(.class("muted")) { " " + c.on + " · " + c.by }
                            }
                        } else {
                            p { "○ " + l.t("screen." + step.rawValue) }
                            if approve {
                                GuanaiWeb.form(.method("post"), .action(.volunteerScreen(id)), .class("quick")) {
                                    Forms.csrf(req)
                                    input(.type("hidden"), .name(ScreeningForm.CodingKeys.step.rawValue), .value(step.rawValue))
                                    Forms.field(
                                        l, label: "volunteer.screenedOn", name: ScreeningForm.CodingKeys.on.rawValue,
                                        value: RegistryService.today(req.now).iso,
                                        type: "date")
                                    button(.type("submit"), .class("small")) { l.t("volunteer.confirm") }
                                }
                            }
                        }
                    }
                }
            }
            if edit {
                details(.class("action")) {
                    summary { l.t("volunteer.linkAccount") }
                    GuanaiWeb.form(.method("post"), .action(.volunteerAccount(id))) {
                        Forms.csrf(req)
                        Forms.field(
                            l, label: "volunteer.account", name: VolunteerAccountForm.CodingKeys.account.rawValue, value: account ?? "",
                            error: e[VolunteerAccountForm.CodingKeys.account.rawValue],
                            hint: l.t("volunteer.accountHint"))
                        button(.type("submit"), .class("secondary")) { l.t("form.save") }
                    }
                }
            }
            section(.class("panel")) {
                h2 { l.t("volunteer.pairs") }
                if pairs.isEmpty { p(.class("muted")) { l.t("volunteer.noPairs") } }
                ul {
                    for pr in pairs {
                        li {
                            a(.href(.pair(pr.recordID))) { childNames[pr.child] ?? "" }; " "; statusTag(l, pr.status);
                            small(.class("muted")) { " " + (pr.startedOn.map { l.t("pair.startedOn", $0) } ?? "") }
                        }
                    }
                }
            }
        }
    }

    static func serviceRecord(_ req: Request, _ v: Volunteer, contacts: [PairContact], childOf: [PairID: String], unitName: String)
        -> Response
    {
        let l = req.lang
        let total = contacts.reduce(0) { $0 + $1.minutes }
        return Layout.page(req, title: l.t("volunteer.record")) {
            div(.class("ledger")) {
                Layout.ledgerHead(
                    req, title: l.t("volunteer.record"), scopeName: unitName, total: contacts.count, shown: contacts.count,
                    back: SiteURL.volunteer(v.recordID).path,
                    metaKey: "volunteer.recordMeta", backKey: "volunteer.backTo")
                dl(.class("kv")) {
                    dt { l.t("person.name") }; dd { v.name }
                    dt { l.t("volunteer.organisation") }; dd { v.details[text: .organisation] ?? "—" }
                    dt { l.t("volunteer.honours") }; dd { v.details[text: .honours] ?? "—" }
                    dt { l.t("volunteer.hours") }; dd { l.t("volunteer.hoursValue", hours(total)) }
                }
                table {
                    thead {
                        tr {
                            th { l.t("contact.date") }; th { l.t("pair.child") }; th { l.t("contact.mode") }; th { l.t("contact.minutes") };
                            th { l.t("visit.notes") }; th { l.t("contact.by") }
                        }
                    }
                    tbody {
                        for k in contacts {
                            tr {
                                td { k.onDate }; td { childOf[k.pair] ?? "" }; td { l.t("contactMode." + k.mode.rawValue) }
                                td { String(k.minutes) }; td { k.notes }; td { k.byName + (k.onBehalf ? l.t("contact.onBehalfMark") : "") }
                            }
                        }
                    }
                }
                p(.class("ledger-sign")) { l.t("volunteer.recordSign") }
            }
        }
    }
}
