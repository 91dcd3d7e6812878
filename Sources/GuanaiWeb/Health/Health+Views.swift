import Foundation
import Vapor
import GuanaiCore

/// The health pages' paths, shared by the routes and the links.
enum HealthURL {
    static let home = SiteURL.health.path
    static let due = home + "/due"
    static let followups = home + "/followups"
    static let indicators = home + "/indicators"
    static let newScreening = home + "/screenings/new"
    static func followup(_ id: String?) -> String { followups + "/" + (id ?? ":id") }
    static func part(_ id: String?, _ p: HealthPagePart) -> String { followup(id) + "/" + p.rawValue }
}

/// The forms of a follow-up's page, each posting to a path of the same name.
enum HealthPagePart: String, CaseIterable { case steps, attempts, lost }

/// The health pages in the shared layout; every word from `Catalogue.healthPages`. Counts and due lists for the staff,
/// results only on the pages the results' readers open.
enum HealthViews {
    static let perPage = 100

    static func word(_ l: UILanguage, _ prefix: String, _ token: String?) -> String {
        guard let token else { return "—" }
        let key = "hp." + prefix + "." + token
        return l.t(key) == key ? token : l.t(key)
    }

    /// A step's result in words: the finding, cytology, BI-RADS or diagnosis its step records.
    static func result(_ l: UILanguage, step: FollowupStep, programme: HealthProgramme, _ token: String?) -> String {
        switch HealthStepResult.kind(step, programme) {
        case .finding: return word(l, "finding", token)
        case .cytology: return word(l, "cyto", token)
        case .birads: return word(l, "birads", token)
        case .cervical: return word(l, "cdx", token)
        case .breast: return word(l, "bdx", token)
        case nil: return token ?? "—"
        }
    }

    static func diagnosis(_ l: UILanguage, _ f: HealthFollowupDTO) -> String? {
        guard let d = f.diagnosis else { return nil }
        return word(l, f.programme == HealthProgramme.cervical.rawValue ? "cdx" : "bdx", d) + (f.stage.map { " " + $0 } ?? "")
    }

    static func fieldName(_ l: UILanguage, _ field: String) -> String {
        let base = String(field.split(separator: "[").first ?? Substring(field))
        let key = "hp.field." + base
        return l.t(key) == key ? field : l.t(key)
    }

    static func errorBox(_ l: UILanguage, _ errors: [String: String]) -> Node {
        Forms.errorSummary(l, Dictionary(uniqueKeysWithValues: errors.map { ($0.key, fieldName(l, $0.key) + l.t("f.sep") + $0.value) }))
    }

    static func options<E: CaseIterable & RawRepresentable>(_ l: UILanguage, _: E.Type, _ prefix: String) -> [(String, String)]
    where E.RawValue == String {
        [("", l.t("hp.choose"))] + E.allCases.map { ($0.rawValue, word(l, prefix, $0.rawValue)) }
    }

    static func statusTag(_ l: UILanguage, _ f: HealthFollowupDTO) -> Node {
        group {
            span(.class(f.status == HealthFollowupStatus.open.rawValue ? "tag" : "tag off"), .data("status", f.status)) {
                word(l, "status", f.status)
            }
            if f.overdue { " "; span(.class("tag tier-critical")) { l.t("hp.overdue") } }
        }
    }

    static func pager(_ l: UILanguage, _ path: String, _ query: [(String, String)], page: Int, total: Int) -> Node {
        group {
            if page > 1 || total > page * perPage {
                p(.class("pager")) {
                    if page > 1 { a(.href(SiteURL.link(path, query + [("page", String(page - 1))]))) { l.t("rp.prev") } }
                    " "
                    if total > page * perPage { a(.href(SiteURL.link(path, query + [("page", String(page + 1))]))) { l.t("rp.next") } }
                }
            }
        }
    }

    /// /health: the counts of the jurisdiction and one level down, the due lists, and for the results' readers the
    /// follow-ups and the screening form.
    static func home(_ req: Request, _ c: HealthCountsDTO, readsResults: Bool, records: Bool) -> Response {
        let l = req.lang
        return Layout.page(req, title: l.t("hp.title")) {
            h1 { l.t("hp.title") }
            p(.class("muted")) { l.t("hp.note") }
            p(.class("actions")) {
                a(
                    .class("btn"), .href(SiteURL.link(HealthURL.due, [("programme", HealthProgramme.cervical.rawValue)])),
                    .id("due-cervical")
                ) {
                    l.t("hp.dueCervical")
                }
                a(.class("btn"), .href(SiteURL.link(HealthURL.due, [("programme", HealthProgramme.breast.rawValue)])), .id("due-breast")) {
                    l.t("hp.dueBreast")
                }
                a(.class("btn"), .href(HealthURL.campaigns), .id("campaigns")) { l.t("hp.campaigns") }
                a(.class("btn"), .href(HealthURL.teams), .id("teams")) { l.t("ht.title") }
                if readsResults { a(.class("btn"), .href(HealthURL.followups), .id("followups")) { l.t("hp.followups") } }
                if readsResults { a(.class("btn"), .href(HealthURL.indicators), .id("indicators")) { l.t("hi.title") } }
                if records { a(.class("btn"), .href(HealthURL.newScreening), .id("new-screening")) { l.t("hp.newScreening") } }
                // A site's whole sheet at once, for the health department (`Policy.mayImport`).
                IntakeViews.importLink(req, .screeningResults)
            }
            h2 { l.t("hp.counts") + " · " + c.name + " · " + String(c.year) }
            div(.class("table-wrap")) {
                table(.class("stack"), .id("counts")) {
                    thead { tr { for k in ["hp.unit", "hp.screened", "hp.due", "hp.followupsOpen"] { th { l.t(k) } } } }
                    tbody {
                        for r in c.rows {
                            tr {
                                td(.data("label", l.t("hp.unit"))) {
                                    a(.href(SiteURL.link(HealthURL.due, [("unit", r.unitCode)]))) { r.name }
                                }
                                td(.data("label", l.t("hp.screened"))) { String(r.screened) }
                                td(.data("label", l.t("hp.due"))) { String(r.due) }
                                td(.data("label", l.t("hp.followupsOpen"))) { String(r.followupsOpen) }
                            }
                        }
                        tr(.class("total")) {
                            td(.data("label", l.t("hp.unit"))) { strong { l.t("hp.total") } }
                            td(.data("label", l.t("hp.screened"))) { strong { String(c.screened) } }
                            td(.data("label", l.t("hp.due"))) { strong { String(c.due) } }
                            td(.data("label", l.t("hp.followupsOpen"))) { strong { String(c.followupsOpen) } }
                        }
                    }
                }
            }
        }
    }

    /// /health/due: whom to call, poor first, then the longest due.
    static func due(
        _ req: Request, _ page: ListPage<HealthDueDTO>, programme: HealthProgramme, unit: String, units: [(String, String)], records: Bool
    ) -> Response {
        let l = req.lang
        let title = l.t(programme == .cervical ? "hp.dueCervical" : "hp.dueBreast")
        let query = [("programme", programme.rawValue), ("unit", unit)].filter { !$0.1.isEmpty }
        return Layout.page(req, title: title) {
            h1 { title }
            p(.class("muted")) { l.t("hp.dueNote") }
            form(.method("get"), Attr("action", HealthURL.due), .class("filters")) {
                Forms.select(
                    l, label: "hp.field.programme", name: "programme",
                    options: HealthProgramme.allCases.map { ($0.rawValue, word(l, "programme", $0.rawValue)) }, selected: programme.rawValue
                )
                Forms.select(l, label: "hp.unit", name: "unit", options: [("", l.t("children.allUnits"))] + units, selected: unit)
                button(.type("submit")) { l.t("form.search") }
            }
            p(.class("muted")) { l.t("list.total", String(page.total)) }
            if page.items.isEmpty {
                p { l.t("hp.noneDue") }
            } else {
                div(.class("table-wrap")) {
                    table(.class("stack"), .id("due")) {
                        thead {
                            tr {
                                for k in ["name", "age", "villageName", "phoneMasked", "lastScreenedOn", "dueSince", "poverty"] {
                                    th { l.t("hp.field." + k) }
                                }
                            }
                        }
                        tbody {
                            for d in page.items {
                                tr {
                                    td(.data("label", l.t("hp.field.name"))) {
                                        if records {
                                            a(
                                                .href(
                                                    SiteURL.link(
                                                        HealthURL.newScreening, [("person", d.personId), ("programme", programme.rawValue)])
                                                )
                                            ) {
                                                d.name
                                            }
                                        } else {
                                            d.name
                                        }
                                    }
                                    td(.data("label", l.t("hp.field.age"))) { l.t("hp.years", String(d.age)) }
                                    td(.data("label", l.t("hp.field.villageName"))) { d.villageName }
                                    td(.data("label", l.t("hp.field.phoneMasked"))) { d.phone ?? "—" }
                                    td(.data("label", l.t("hp.field.lastScreenedOn"))) { d.lastScreenedOn ?? l.t("hp.never") }
                                    td(.data("label", l.t("hp.field.dueSince"))) { d.dueSince }
                                    td(.data("label", l.t("hp.field.poverty"))) {
                                        if PovertyStatus(rawValue: d.poverty).map(HealthDueRow.isPoor) == true {
                                            span(.class("tag tier-high")) { l.t("poverty." + d.poverty) }
                                        } else {
                                            l.t("poverty." + d.poverty)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            pager(l, HealthURL.due, query, page: page.page, total: page.total)
        }
    }

    /// /health/followups: the results' readers' work list, overdue first.
    static func followups(_ req: Request, _ page: ListPage<HealthFollowupDTO>, status: String, overdue: Bool, records: Bool) -> Response {
        let l = req.lang
        let query = [("status", status), ("overdue", overdue ? "true" : "")].filter { !$0.1.isEmpty }
        return Layout.page(req, title: l.t("hp.followups")) {
            h1 { l.t("hp.followups") }
            if records {
                p(.class("actions")) { a(.class("btn"), .href(HealthURL.newScreening), .id("new-screening")) { l.t("hp.newScreening") } }
            }
            form(.method("get"), Attr("action", HealthURL.followups), .class("filters")) {
                Forms.select(
                    l, label: "hp.field.status", name: "status",
                    options: [("", l.t("hp.anyStatus"))] + ListStatus.allCases.map { ($0.rawValue, l.t("hp.list." + $0.rawValue)) },
                    selected: status)
                div(.class("field")) {
                    label {
                        input(.type("checkbox"), .name("overdue"), .value("true"), Attr.when(overdue, Attr("checked", "checked")))
                        " " + l.t("hp.onlyOverdue")
                    }
                }
                button(.type("submit")) { l.t("form.search") }
            }
            p(.class("muted")) { l.t("list.total", String(page.total)) }
            if page.items.isEmpty {
                p { l.t("hp.noFollowups") }
            } else {
                div(.class("table-wrap")) {
                    table(.class("stack"), .id("followups")) {
                        thead {
                            tr {
                                for k in ["name", "villageName", "programme", "status", "nextStep", "due", "openedOn"] {
                                    th { l.t("hp.field." + k) }
                                }
                            }
                        }
                        tbody {
                            for f in page.items {
                                tr {
                                    td(.data("label", l.t("hp.field.name"))) { a(.href(HealthURL.followup(f.id))) { f.name } }
                                    td(.data("label", l.t("hp.field.villageName"))) { f.villageName }
                                    td(.data("label", l.t("hp.field.programme"))) { word(l, "programme", f.programme) }
                                    td(.data("label", l.t("hp.field.status"))) { statusTag(l, f) }
                                    td(.data("label", l.t("hp.field.nextStep"))) { word(l, "step", f.nextStep) }
                                    td(.data("label", l.t("hp.field.due"))) { f.due ?? "—" }
                                    td(.data("label", l.t("hp.field.openedOn"))) { f.openedOn }
                                }
                            }
                        }
                    }
                }
            }
            pager(l, HealthURL.followups, query, page: page.page, total: page.total)
        }
    }

    /// /health/indicators: each figure with its numerator, denominator and formula, for the unit and one level down.
    static func indicators(_ req: Request, _ d: HealthIndicatorsDTO, units: [(String, String)]) -> Response {
        let l = req.lang
        func value(_ i: HealthIndicator) -> String { i.value.map(percent) ?? "—" }
        return Layout.page(req, title: l.t("hi.title")) {
            h1 { l.t("hi.title") + " · " + d.name + " · " + String(d.year) }
            form(.method("get"), Attr("action", HealthURL.indicators), .class("filters")) {
                Forms.select(l, label: "hp.unit", name: "unit", options: [("", l.t("children.allUnits"))] + units, selected: d.unit)
                Forms.field(l, label: "hc.year", name: "year", value: String(d.year), type: "number")
                button(.type("submit")) { l.t("form.search") }
            }
            for p in HealthProgramme.allCases {
                h2 { word(l, "programme", p.rawValue) }
                div(.class("table-wrap")) {
                    table(.class("stack"), .id("indicators-" + p.rawValue)) {
                        thead {
                            tr { for k in ["hi.indicator", "hi.numerator", "hi.denominator", "hi.value", "hi.formula"] { th { l.t(k) } } }
                        }
                        tbody {
                            for i in d.items where i.programme == p {
                                tr(.data("code", i.code.rawValue)) {
                                    td(.data("label", l.t("hi.indicator"))) { l.t("hi.code." + i.code.rawValue) }
                                    td(.data("label", l.t("hi.numerator"))) { String(i.numerator) }
                                    td(.data("label", l.t("hi.denominator"))) { String(i.denominator) }
                                    td(.data("label", l.t("hi.value"))) { strong { value(i) } }
                                    td(.data("label", l.t("hi.formula"))) { small { l.t("hi.formula." + i.code.rawValue) } }
                                }
                            }
                        }
                    }
                }
            }
            if !d.rows.isEmpty {
                h2 { l.t("hi.byUnit") }
                div(.class("table-wrap")) {
                    table(.class("stack"), .id("indicator-rows")) {
                        thead {
                            tr {
                                th { l.t("hp.unit") }
                                th { l.t("hp.field.programme") }
                                for c in HealthIndicatorCode.allCases { th { l.t("hi.code." + c.rawValue) } }
                            }
                        }
                        tbody {
                            for r in d.rows {
                                for p in HealthProgramme.allCases {
                                    tr {
                                        td(.data("label", l.t("hp.unit"))) {
                                            a(.href(SiteURL.link(HealthURL.indicators, [("unit", r.unitCode), ("year", String(d.year))]))) {
                                                r.name
                                            }
                                        }
                                        td(.data("label", l.t("hp.field.programme"))) { word(l, "programme", p.rawValue) }
                                        for i in r.items where i.programme == p {
                                            td(.data("label", l.t("hi.code." + i.code.rawValue))) { value(i) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
