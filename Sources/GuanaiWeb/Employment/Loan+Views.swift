import Vapor
import GuanaiCore

/// The loans' list and application in the shared layout; every word from `Catalogue.loanPages`.
enum LoanViews {
    static func fieldLabel(_ l: UILanguage, _ field: String) -> String {
        let base = field.split(separator: "[").first.map(String.init) ?? field
        let key = "loans.field." + base
        return l.t(key) == key ? field : l.t(key)
    }

    static func errorBox(_ l: UILanguage, _ errors: [String: String]) -> Node {
        Forms.errorSummary(l, Dictionary(uniqueKeysWithValues: errors.map { ($0.key, fieldLabel(l, $0.key) + l.t("f.sep") + $0.value) }))
    }

    static func yuan(_ l: UILanguage, _ s: String?) -> String { s.flatMap(Yuan.init).map { l.t("loans.yuan", $0.grouped) } ?? "" }

    static func statusTag(_ l: UILanguage, _ status: LoanStatus, overdue: Bool) -> Node {
        group {
            span(.class(status == .rejected ? "tag off" : "tag"), .data("status", status.rawValue)) {
                l.t("loans.status." + status.rawValue)
            }
            if overdue { " "; span(.class("tag tier-critical")) { l.t("loans.overdue") } }
        }
    }

    static func list(
        _ req: Request, _ items: [Loan], total: Int, borrowers: [UUID: String], portfolio figures: LoanPortfolioDTO,
        filter: (unit: String, status: String), units: [(String, String)], unitNames: [String: String], mayApply: Bool, mayExport: Bool
    ) -> Response {
        let l = req.lang
        return Layout.page(req, title: l.t("loans.title")) {
            h1 { l.t("loans.title") }
            p(.class("actions")) {
                if mayApply { a(.class("btn"), .href(LoanURL.new)) { l.t("loans.new") } }
                if mayExport {
                    let q = filter.unit.isEmpty ? "" : "&unit=" + filter.unit
                    a(.href(LoanURL.export + "?format=xlsx" + q)) { l.t("loans.export") + " .xlsx" }
                    a(.href(LoanURL.export + "?format=csv" + q)) { l.t("loans.export") + " .csv" }
                }
            }
            portfolio(l, figures)
            form(.method("get"), .action(.loans), .class("filters")) {
                Forms.select(
                    l, label: "children.unit", name: "unit", options: [("", l.t("children.allUnits"))] + units, selected: filter.unit)
                Forms.select(
                    l, label: "loans.field.status", name: "status",
                    options: [("", l.t("loans.anyStatus"))] + LoanStatus.allCases.map { ($0.rawValue, l.t("loans.status." + $0.rawValue)) },
                    selected: filter.status)
                button(.type("submit")) { l.t("form.search") }
            }
            p(.class("muted")) { l.t("list.total", String(total)) }
            if items.isEmpty {
                p { l.t("loans.none") }
            } else {
                div(.class("table-wrap")) {
                    table(.class("stack")) {
                        thead {
                            tr {
                                th { l.t("loans.field.personId") }; th { l.t("loans.field.unitCode") }; th { l.t("loans.amount") }
                                th { l.t("loans.field.status") }; th { l.t("loans.field.appliedOn") }; th { l.t("loans.outstanding") }
                            }
                        }
                        tbody {
                            for x in items {
                                tr {
                                    td(.data("label", l.t("loans.field.personId"))) {
                                        a(.href(LoanURL.loan(x.id))) {
                                            borrowers[x.id!].flatMap { $0.isEmpty ? nil : $0 } ?? l.t("loans.unnamed")
                                        }
                                        " · " + x.project
                                    }
                                    td(.data("label", l.t("loans.field.unitCode"))) { unitNames[x.unitCode] ?? x.unitCode }
                                    td(.data("label", l.t("loans.amount"))) { l.t("loans.yuan", x.amount.grouped) }
                                    td(.data("label", l.t("loans.field.status"))) { statusTag(l, x.status, overdue: x.overdue) }
                                    td(.data("label", l.t("loans.field.appliedOn"))) { x.appliedOn }
                                    td(.data("label", l.t("loans.outstanding"))) {
                                        x.disbursedOn == nil ? "—" : l.t("loans.yuan", Yuan(fen: x.outstandingFen).grouped)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The figures of the loans lent (disbursed or settled), then the same by unit one level down.
    static func portfolio(_ l: UILanguage, _ p: LoanPortfolioDTO) -> Node {
        section(.id("portfolio")) {
            h2 { l.t("loans.portfolio") }
            div(.class("panel")) {
                dl(.class("kv")) {
                    dt { l.t("loans.count") }; dd { String(p.count) }
                    dt { l.t("loans.amount") }; dd { yuan(l, p.amount) }
                    dt { l.t("loans.outstanding") }; dd { yuan(l, p.outstanding) }
                    dt { l.t("loans.overdueAmount") }; dd { yuan(l, p.overdueAmount) }
                    dt { l.t("loans.overdueRate") }; dd { rate(p.overdueRate) }
                    dt { l.t("loans.subsidyPaid") }; dd { yuan(l, p.subsidyPaid) }
                    dt { l.t("loans.women") }; dd { String(p.women) }
                }
                if !p.rows.isEmpty {
                    div(.class("table-wrap")) {
                        table(.class("stats")) {
                            thead {
                                tr {
                                    th { l.t("loans.field.unitCode") }; th { l.t("loans.count") }; th { l.t("loans.amount") }
                                    th { l.t("loans.outstanding") }; th { l.t("loans.overdueAmount") }; th { l.t("loans.overdueRate") }
                                    th { l.t("loans.subsidyPaid") }; th { l.t("loans.women") }
                                }
                            }
                            tbody {
                                for r in p.rows {
                                    tr {
                                        td { r.name }; td { String(r.count) }; td { yuan(l, r.amount) }; td { yuan(l, r.outstanding) }
                                        td { yuan(l, r.overdueAmount) }; td { rate(r.overdueRate) }; td { yuan(l, r.subsidyPaid) }
                                        td { String(r.women) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// "0.0125" (the API's four places) as "1.25 %", in whole numbers; a dash when nothing is outstanding.
    static func rate(_ s: String?) -> String {
        let parts = (s ?? "").split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let whole = Int(parts[0]), let frac = Int(parts[1].padding(toLength: 4, withPad: "0", startingAt: 0))
        else { return "—" }
        let hundredths = whole * 100 + frac / 100
        return String(hundredths / 100) + "." + String(format: "%02d", hundredths % 100) + " %"
    }

    /// The application: find a woman of the jurisdiction, pick her as borrower (or partner), then the loan's terms.
    static func apply(
        _ req: Request, typed f: LoanApplicationPageForm, q: String, found: [Person], chosen: [UUID: Person], errors e: [String: String],
        eligibility: LoanEligibilityDTO?, reveal: Bool, status: HTTPStatus
    ) -> Response {
        let l = req.lang
        let borrower = f.personId.flatMap { UUID(uuidString: $0) }.flatMap { chosen[$0] }
        let partners = (f.partnerIds ?? []).compactMap { UUID(uuidString: $0) }.compactMap { chosen[$0] }
        let kind = f.kind ?? ""
        func who(_ p: Person) -> String { p.name + (p.idNumber.map { " · " + (reveal ? $0 : Masking.idNumber($0)) } ?? "") }
        /// The page again with one choice changed, keeping the others and the search.
        func link(person: String?, partners ids: [String], kind k: String) -> String {
            var query: [(String, String)] = [("q", q)]
            if let person { query.append(("personId", person)) }
            if !k.isEmpty { query.append(("kind", k)) }
            if !ids.isEmpty { query.append(("partnerIds", ids.joined(separator: ","))) }
            return SiteURL.link(LoanURL.new, query)
        }
        let ids = partners.map { $0.id!.uuidString }
        return Layout.page(req, title: l.t("loans.new"), status: status) {
            p(.class("crumbs")) {
                a(.href(.loans)) { l.t("loans.title") }; " › "; span { l.t("loans.new") }
            }
            h1 { l.t("loans.new") }
            form(.method("get"), Attr("action", LoanURL.new), .class("filters")) {
                Forms.field(l, label: "loans.searchWoman", name: "q", value: q, type: "search")
                if let p = f.personId, !p.isEmpty { input(.type("hidden"), .name("personId"), .value(p)) }
                if !kind.isEmpty { input(.type("hidden"), .name("kind"), .value(kind)) }
                if !ids.isEmpty { input(.type("hidden"), .name("partnerIds"), .value(ids.joined(separator: ","))) }
                button(.type("submit")) { l.t("form.search") }
            }
            if !q.isEmpty && found.isEmpty { p(.class("muted")) { l.t("loans.noneFound") } }
            ul(.class("picks"), .id("found")) {
                for w in found {
                    let pid = w.id!.uuidString
                    li {
                        who(w)
                        " "
                        a(.class("btn"), .href(link(person: pid, partners: ids.filter { $0 != pid }, kind: kind))) {
                            l.t("loans.pickBorrower")
                        }
                        if pid != f.personId && !ids.contains(pid) {
                            " "
                            a(
                                .class("btn secondary"),
                                .href(link(person: f.personId, partners: ids + [pid], kind: LoanKind.partnership.rawValue))
                            ) {
                                l.t("loans.pickPartner")
                            }
                        }
                    }
                }
            }
            errorBox(l, e)
            if let eligibility { eligibilityBox(l, eligibility) }
            form(.method("post"), Attr("action", LoanURL.new), .id("apply")) {
                Forms.csrf(req)
                div(.class(e["personId"] == nil ? "field" : "field invalid")) {
                    span(.class("label")) { l.t("loans.field.personId") }
                    if let borrower {
                        input(.type("hidden"), .name("personId"), .value(borrower.id!.uuidString))
                        p(.id("borrower")) { strong { who(borrower) } }
                    } else {
                        p(.class("muted")) { l.t("loans.pickFirst") }
                    }
                    if let m = e["personId"] { p(.class("field-error")) { m } }
                }
                Forms.select(
                    l, label: "loans.field.kind", name: "kind",
                    options: [("", l.t("form.choose"))] + LoanKind.allCases.map { ($0.rawValue, l.t("loans.kind." + $0.rawValue)) },
                    selected: kind, error: e["kind"], required: true)
                div(.class(e.keys.contains { $0.hasPrefix("partnerIds") } ? "field invalid" : "field")) {
                    span(.class("label")) { l.t("loans.field.partnerIds") }
                    if partners.isEmpty { p(.class("muted")) { l.t("loans.noPartners") } }
                    ul {
                        for (i, w) in partners.enumerated() {
                            li {
                                input(.type("hidden"), .name("partnerIds"), .value(w.id!.uuidString))
                                who(w) + " "
                                a(.href(link(person: f.personId, partners: ids.filter { $0 != w.id!.uuidString }, kind: kind))) {
                                    l.t("loans.removePartner")
                                }
                                if let m = e["partnerIds[\(i)]"] { p(.class("field-error")) { m } }
                            }
                        }
                    }
                    if let m = e["partnerIds"] { p(.class("field-error")) { m } }
                }
                Forms.field(l, label: "loans.field.project", name: "project", value: f.project ?? "", required: true, error: e["project"])
                div(.class("row2")) {
                    Forms.field(
                        l, label: "loans.field.amount", name: "amount", value: f.amount ?? "", required: true, error: e["amount"],
                        hint: l.t("loans.amountHint"), extra: [Attr("inputmode", "decimal")])
                    Forms.field(
                        l, label: "loans.field.termMonths", name: "termMonths", value: f.termMonths ?? "", type: "number", required: true,
                        error: e["termMonths"], extra: [Attr("min", "1")])
                }
                p(.class("actions")) {
                    button(.type("submit")) { l.t("loans.submit") }
                    button(.type("submit"), .name("check"), .value("1"), .class("secondary")) { l.t("loans.check") }
                }
            }
        }
    }

    static func eligibilityBox(_ l: UILanguage, _ r: LoanEligibilityDTO) -> Node {
        let box: Attr = r.eligible ? .class("panel") : .class("alert")
        return div(box, .id("eligibility")) {
            p {
                strong { l.t(r.eligible ? "loans.eligible" : "loans.notEligible") }
                if let m = r.maxAmount { " · " + l.t("loans.maxAmount", l.t("loans.yuan", Yuan(m)?.grouped ?? m)) }
            }
            if !r.reasons.isEmpty {
                ul { for x in r.reasons { li { fieldLabel(l, x.field) + l.t("f.sep") + x.message } } }
            }
        }
    }
}
