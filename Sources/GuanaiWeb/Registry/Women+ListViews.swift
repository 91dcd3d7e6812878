import Vapor
import GuanaiCore

/// Lists and printed 台账 of left-behind women and of households.
enum WomenListViews {
    static func list(
        _ req: Request, _ f: WomanFilter, items: [Woman], people: [PersonID: Person], unitNames: [String: String],
        villages: [(String, String)],
        total: Int, page: Int, canWrite: Bool
    ) -> Response {
        let l = req.lang
        let today = RegistryService.today(req.now)
        return Layout.page(req, title: l.t("women.title")) {
            h1 { l.t("women.title") }
            if canWrite {
                p {
                    a(.class("btn"), .href(.womanNew)) { l.t("women.new") }; " "; IntakeViews.importLink(req, .women)
                }
            }
            details(.class("action"), Attr.when(!f.isEmpty, Attr("open", nil))) {
                summary { l.t("audit.filter") }
                form(.method("get"), .action(.women), .class("filters")) {
                    Forms.field(l, label: "children.search", name: "q", value: f.q, hint: l.t("children.searchHint"))
                    Forms.select(
                        l, label: "children.unit", name: "unit", options: [("", l.t("children.allUnits"))] + villages, selected: f.unit)
                    Forms.select(
                        l, label: "women.needs", name: "need",
                        options: [("", l.t("children.anyNeed"))] + WomanNeed.allCases.map { ($0.rawValue, l.t("wneed." + $0.rawValue)) },
                        selected: f.need)
                    Forms.select(
                        l, label: "women.interest", name: "interest",
                        options: [
                            ("", l.t("children.anyGuardian"))
                        ] + WomanInterest.allCases.map { ($0.rawValue, l.t($0.detail.labelKey)) },
                        selected: f.interest)
                    Forms.select(
                        l, label: "children.status", name: "exited",
                        options: [("", l.t("children.current")), ("1", l.t("status.exited")), ("all", l.t("children.everyone"))],
                        selected: f.exited)
                    Forms.select(
                        l, label: "children.sort", name: "sort",
                        options: WomanSort.allCases.map { ($0.rawValue, l.t($0.label)) }, selected: f.sort.rawValue)
                    button(.type("submit")) { l.t("form.search") }
                }
            }
            p(.class("muted")) {
                l.t("list.total", String(total))
                if total > 0 {
                    " · "; a(.href(SiteURL.womenPrint.with(query: f.query))) { l.t("ledger.print") };
                    IntakeViews.exportLinks(req, .womenExport, f.query)
                }
            }
            div(.class("table-wrap")) {
                table(.class("stack")) {
                    thead {
                        tr {
                            th { l.t("children.name") }; th { l.t("women.age") }; th { l.t("children.idNumber") };
                            th { l.t("children.village") }; th { l.t("women.husband") }; th { l.t("women.needs") }
                        }
                    }
                    tbody {
                        for w in items {
                            let me = people[w.person]
                            tr {
                                td(.data("label", l.t("children.name"))) { a(.href(.woman(w.recordID))) { me?.name ?? "" } }
                                td(.data("label", l.t("women.age"))) {
                                    me?.birth.map { l.t("age.years", String(Age.years(born: $0, on: today))) } ?? ""
                                }
                                td(.data("label", l.t("children.idNumber"))) {
                                    tag("code", []) { me?.idNumber.map(Masking.idNumber) ?? "" }
                                }
                                td(.data("label", l.t("children.village"))) { unitNames[w.unitCode] ?? w.unitCode }
                                td(.data("label", l.t("women.husband"))) {
                                    (w.husbandSituation.map { l.t("situation." + $0) } ?? "")
                                        + (w.husbandWorkPlace.map { " · " + $0 } ?? "")
                                }
                                td(.data("label", l.t("women.needs"))) {
                                    w.needList.map { l.t("wneed." + $0.rawValue) }.joined(separator: l.t("list.sep"))
                                }
                            }
                        }
                    }
                }
            }
            Pager.render(l, req: req, page: page, per: 50, total: total)
        }
    }

    static func ledger(
        _ req: Request, _ f: WomanFilter, scopeName: String, items: [Woman], people: [PersonID: Person], unitNames: [String: String],
        total: Int
    ) -> Response {
        let l = req.lang
        let today = RegistryService.today(req.now)
        return Layout.page(req, title: l.t("women.ledger")) {
            Layout.ledgerHead(
                req, title: l.t("women.ledger"), scopeName: scopeName, total: total, shown: items.count,
                back: SiteURL.women.with(query: f.query))
            div(.class("table-wrap")) {
                table(.class("ledger")) {
                    thead {
                        tr {
                            for k in [
                                "ledger.no", "children.name", "women.age", "children.idNumber", "children.village", "women.husband",
                                "women.childrenInCare", "women.eldersInCare", "women.skills", "women.needs", "women.interest",
                            ] { th { l.t(k) } }
                        }
                    }
                    tbody {
                        for (i, w) in items.enumerated() {
                            let me = people[w.person]
                            tr {
                                td { String(i + 1) }
                                td { me?.name ?? "" }
                                td { me?.birth.map { String(Age.years(born: $0, on: today)) } ?? "" }
                                td { me?.idNumber.map(Masking.idNumber) ?? "" }
                                td { unitNames[w.unitCode] ?? w.unitCode }
                                td {
                                    [
                                        w.husband.flatMap { people[$0]?.name }, w.husbandSituation.map { l.t("situation." + $0) },
                                        w.husbandWorkPlace, w.husbandSince,
                                    ].compactMap { $0 }.joined(separator: " ")
                                }
                                let x = w.details
                                td { String(x[count: .childrenInCare]) }
                                td { String(x[count: .eldersInCare]) }
                                td {
                                    ((x[flag: .farming] ? [l.t("women.farming")] : []) + (x[text: .skills].map { [$0] } ?? [])).joined(
                                        separator: l.t("list.sep"))
                                }
                                td { w.needList.map { l.t("wneed." + $0.rawValue) }.joined(separator: l.t("list.sep")) }
                                td {
                                    ((x[flag: .employmentInterest] ? [l.t("women.employmentInterest")] : [])
                                        + (x[flag: .healthInterest] ? [l.t("women.healthInterest")] : [])).joined(
                                            separator: l.t("list.sep"))
                                }
                            }
                        }
                    }
                }
            }
            p(.class("ledger-sign")) { l.t("ledger.sign") }
        }
    }

    static func households(
        _ req: Request, _ f: HouseholdFilter, items: [Household], members: [HouseholdID: Int], unitNames: [String: String],
        villages: [(String, String)],
        total: Int, page: Int, print: Bool, scopeName: String
    ) -> Response {
        let l = req.lang
        let poverty =
            [("", l.t("children.anyGuardian")), ("any", l.t("households.anyPoverty"))]
            + PovertyStatus.allCases.map { ($0.rawValue, l.t("poverty." + $0.rawValue)) }
        return Layout.page(req, title: l.t(print ? "households.ledger" : "households.title")) {
            if print {
                Layout.ledgerHead(
                    req, title: l.t("households.ledger"), scopeName: scopeName, total: total, shown: items.count,
                    back: SiteURL.households.with(query: f.query))
            } else {
                h1 { l.t("households.title") }
                p { IntakeViews.importLink(req, .households) }
                details(.class("action"), Attr.when(!f.isEmpty, Attr("open", nil))) {
                    summary { l.t("audit.filter") }
                    form(.method("get"), .action(.households), .class("filters")) {
                        Forms.field(l, label: "households.search", name: "q", value: f.q)
                        Forms.select(
                            l, label: "children.unit", name: "unit", options: [("", l.t("children.allUnits"))] + villages, selected: f.unit)
                        Forms.select(l, label: "household.poverty", name: "poverty", options: poverty, selected: f.poverty)
                        button(.type("submit")) { l.t("form.search") }
                    }
                }
                p(.class("muted")) {
                    l.t("list.total", String(total))
                    if total > 0 {
                        " · "; a(.href(SiteURL.householdsPrint.with(query: f.query))) { l.t("ledger.print") };
                        IntakeViews.exportLinks(req, .householdsExport, f.query)
                    }
                }
            }
            div(.class("table-wrap")) {
                table(.class(print ? "ledger" : "stack")) {
                    thead {
                        tr {
                            if print { th { l.t("ledger.no") } }
                            th { l.t("household.address") }; th { l.t("children.village") }; th { l.t("household.poverty") };
                            th { l.t("households.members") }
                        }
                    }
                    tbody {
                        for (i, h) in items.enumerated() {
                            tr {
                                if print { td { String(i + 1) } }
                                td(.data("label", l.t("household.address"))) {
                                    if print {
                                        h.address.isEmpty ? l.t("households.noAddress") : h.address
                                    } else {
                                        a(.href(.household(h.recordID))) {
                                            h.address.isEmpty ? l.t("households.noAddress") : h.address
                                        }
                                    }
                                }
                                td(.data("label", l.t("children.village"))) { unitNames[h.unitCode] ?? h.unitCode }
                                td(.data("label", l.t("household.poverty"))) { l.t("poverty." + h.poverty) }
                                td(.data("label", l.t("households.members"))) { String(members[h.recordID] ?? 0) }
                            }
                        }
                    }
                }
            }
            if print {
                p(.class("ledger-sign")) { l.t("ledger.sign") }
            } else {
                Pager.render(l, req: req, page: page, per: 50, total: total)
            }
        }
    }
}
