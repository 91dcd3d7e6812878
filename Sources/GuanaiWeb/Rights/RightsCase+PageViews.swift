import Foundation
import Vapor
import GuanaiCore

/// The rights cases' list and intake form in the shared layout; every word from `Catalogue.rightsPages`. Lists show
/// summaries only: never a party's name or a word of what happened.
enum RightsPageViews {
    static let perPage = 100

    static func fieldLabel(_ l: UILanguage, _ field: String) -> String {
        var base = String(field.split(separator: "[").first ?? Substring(field))
        base = String(base.split(separator: ".").last ?? Substring(base))
        while let last = base.last, last.isNumber { base.removeLast() }
        let key = "rp.field." + base
        return l.t(key) == key ? field : l.t(key)
    }

    static func errorBox(_ l: UILanguage, _ errors: [String: String]) -> Node {
        Forms.errorSummary(l, Dictionary(uniqueKeysWithValues: errors.map { ($0.key, fieldLabel(l, $0.key) + l.t("f.sep") + $0.value) }))
    }

    static func statusTag(_ l: UILanguage, _ status: String) -> Node {
        let off = [RightsStatus.declined, .referred, .failed, .closed].map(\.rawValue).contains(status)
        return span(.class(off ? "tag off" : "tag"), .data("status", status)) { l.t("rp.status." + status) }
    }

    /// A deadline passed on a case still open is said beside the date.
    static func deadline(_ l: UILanguage, _ s: RightsCaseSummaryDTO, today: CivilDate) -> Node {
        group {
            s.deadlineOn ?? "—"
            if let d = s.deadlineOn.flatMap(CivilDate.init(iso:)), d < today,
                let st = RightsStatus(rawValue: s.status), [.accepted, .mediating].contains(st)
            {
                " "; span(.class("tag tier-critical")) { l.t("rp.overdue") }
            }
        }
    }

    /// The staff on a case: names of accounts, never of parties.
    static func staff(_ l: UILanguage, _ s: RightsCaseSummaryDTO) -> String {
        s.assigned.map { l.t("rp.staffLine", $0.name, l.t("rp.kind." + $0.kind)) }.joined(separator: l.t("list.sep"))
    }

    /// An instant as the township reads it (Beijing time): `HH:mm`, or with its day.
    static func local(_ iso: String?, withDay: Bool = false) -> String {
        guard let iso, let d = try? Date(iso, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) else { return "" }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute], from: d)
        let hm = String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
        return withDay ? String(format: "%04d-%02d-%02d ", c.year ?? 0, c.month ?? 0, c.day ?? 0) + hm : hm
    }

    /// The list's filters as asked, carried by the pager and the export links.
    struct Filter {
        let unit: String, status: String
        var query: [(String, String)] { [("unit", unit), ("status", status)].filter { !$0.1.isEmpty } }
    }

    static func list(
        _ req: Request, _ items: [RightsCaseSummaryDTO], total: Int, page: Int, filter: Filter, units: [(String, String)], mayTake: Bool,
        mayExport: Bool
    ) -> Response {
        let l = req.lang
        let today = RegistryService.today(req.now)
        let status = filter.status
        return Layout.page(req, title: l.t("rp.title")) {
            h1 { l.t("rp.title") }
            if mayTake || mayExport {
                p(.class("actions")) {
                    if mayTake { a(.class("btn"), .href(RightsURL.new), .id("new-case")) { l.t("rp.new") } }
                    if mayExport {
                        for f in ["xlsx", "csv"] {
                            a(.href(SiteURL.link(RightsURL.export, [("format", f)] + filter.query)), .id("export-" + f)) {
                                l.t("rp.export") + " ." + f
                            }
                        }
                    }
                }
            }
            p(.class("muted")) { l.t("rp.listNote") }
            form(.method("get"), Attr("action", RightsURL.list), .class("filters")) {
                Forms.select(
                    l, label: "children.unit", name: "unit", options: [("", l.t("children.allUnits"))] + units, selected: filter.unit)
                Forms.select(
                    l, label: "rp.field.status", name: "status",
                    options: [("", l.t("rp.anyStatus"))] + RightsStatus.allCases.map { ($0.rawValue, l.t("rp.status." + $0.rawValue)) },
                    selected: status)
                button(.type("submit")) { l.t("form.search") }
            }
            p(.class("muted")) { l.t("list.total", String(total)) }
            if items.isEmpty {
                p { l.t("rp.none") }
            } else {
                div(.class("table-wrap")) {
                    table(.class("stack"), .id("cases")) {
                        thead {
                            tr {
                                for k in ["caseNo", "villageCode", "category", "channel", "status", "receivedOn", "deadlineOn", "assigned"]
                                {
                                    th { l.t("rp.field." + k) }
                                }
                            }
                        }
                        tbody {
                            for s in items {
                                tr {
                                    td(.data("label", l.t("rp.field.caseNo"))) {
                                        a(.href(RightsURL.rightsCase(UUID(uuidString: s.id)))) { s.caseNo }
                                    }
                                    td(.data("label", l.t("rp.field.villageCode"))) { s.villageName }
                                    td(.data("label", l.t("rp.field.category"))) { l.t("rp.category." + s.category) }
                                    td(.data("label", l.t("rp.field.channel"))) { l.t("rp.channel." + s.channel) }
                                    td(.data("label", l.t("rp.field.status"))) { statusTag(l, s.status) }
                                    td(.data("label", l.t("rp.field.receivedOn"))) { s.receivedOn }
                                    td(.data("label", l.t("rp.field.deadlineOn"))) { deadline(l, s, today: today) }
                                    td(.data("label", l.t("rp.field.assigned"))) { staff(l, s) }
                                }
                            }
                        }
                    }
                }
            }
            if page > 1 || total > page * perPage {
                p(.class("pager")) {
                    if page > 1 {
                        a(.href(SiteURL.link(RightsURL.list, filter.query + [("page", String(page - 1))]))) { l.t("rp.prev") }
                    }
                    " "
                    if total > page * perPage {
                        a(.href(SiteURL.link(RightsURL.list, filter.query + [("page", String(page + 1))]))) { l.t("rp.next") }
                    }
                }
            }
        }
    }

    /// A labelled textarea with its error beside it, keeping what was typed.
    static func area(
        _ l: UILanguage, label key: String, name: String, value: String, required: Bool = false, error: String? = nil,
        hint: String? = nil, rows: Int = 4, id: String? = nil
    ) -> Node {
        let id = id ?? name
        return div(.class(error == nil ? "field" : "field invalid")) {
            label(.for(id)) {
                l.t(key)
                if required { span(.class("req"), .aria("hidden", "true")) { " *" } }
            }
            textarea(
                .id(id), .name(name), Attr("rows", String(rows)), Attr.when(required, .required),
                Attr.when(error != nil, .aria("invalid", "true")), Attr.when(error != nil, .aria("describedby", id + "-error"))
            ) { value }
            if let h = hint { small(.class("hint")) { h } }
            if let e = error { p(.class("field-error"), .id(id + "-error")) { e } }
        }
    }

    static func options<T: RawRepresentable & CaseIterable>(_ l: UILanguage, _: T.Type, _ prefix: String, choose: Bool = true)
        -> [(String, String)] where T.RawValue == String
    {
        (choose ? [("", l.t("form.choose"))] : []) + T.allCases.map { ($0.rawValue, l.t(prefix + $0.rawValue)) }
    }

    /// The intake: where and how the case came, who is in it (at least the woman and the other side), what happened.
    static func new(
        _ req: Request, typed f: RightsCasePageForm, villages: [(String, String)], errors e: [String: String], status: HTTPStatus
    )
        -> Response
    {
        let l = req.lang
        // Three rows at first (the woman, the other side, one more); a refused form shows every row it was sent with.
        var rows = f.rows
        let defaults = [PartyRole.applicant, .respondent, .other]
        while rows.count < 3 { rows.append(.init(role: defaults[rows.count].rawValue)) }
        let village = f.villageCode.isEmpty && villages.count == 1 ? villages[0].0 : f.villageCode
        return Layout.page(req, title: l.t("rp.new"), status: status) {
            p(.class("crumbs")) {
                a(.href(RightsURL.list)) { l.t("rp.title") }; " › "; span { l.t("rp.new") }
            }
            h1 { l.t("rp.new") }
            p(.class("muted")) { l.t("rp.newNote") }
            errorBox(l, e)
            form(.method("post"), Attr("action", RightsURL.new), .id("intake")) {
                Forms.csrf(req)
                Forms.select(
                    l, label: "rp.field.villageCode", name: "villageCode", options: [("", l.t("form.choose"))] + villages,
                    selected: village,
                    error: e["villageCode"], required: true)
                Forms.select(
                    l, label: "rp.field.channel", name: "channel", options: options(l, RightsChannel.self, "rp.channel."),
                    selected: f.channel, error: e["channel"], required: true)
                Forms.select(
                    l, label: "rp.field.category", name: "category", options: options(l, RightsCategory.self, "rp.category."),
                    selected: f.category, error: e["category"], required: true)
                fieldset(.class(e["parties"] == nil ? "parties" : "parties invalid"), .id("parties")) {
                    legend { l.t("rp.field.parties") }
                    small(.class("hint")) { l.t("rp.partiesHint") }
                    if let m = e["parties"] { p(.class("field-error"), .id("parties-error")) { m } }
                    for (i, r) in rows.enumerated() {
                        div(.class("panel party"), .id("party\(i)")) {
                            Forms.select(
                                l, label: "rp.field.role", name: "role\(i)", options: options(l, PartyRole.self, "rp.role.", choose: false),
                                selected: r.role, error: e["role\(i)"])
                            Forms.field(l, label: "rp.field.name", name: "name\(i)", value: r.name, error: e["name\(i)"])
                            div(.class("row2")) {
                                Forms.field(
                                    l, label: "rp.field.relation", name: "relation\(i)", value: r.relation, error: e["relation\(i)"],
                                    hint: l.t("rp.relationHint"))
                                Forms.field(
                                    l, label: "rp.field.phone", name: "phone\(i)", value: r.phone, type: "tel", error: e["phone\(i)"],
                                    extra: [Attr("inputmode", "tel")])
                            }
                        }
                    }
                }
                area(l, label: "rp.field.narrative", name: "narrative", value: f.narrative, required: true, error: e["narrative"], rows: 6)
                area(l, label: "rp.field.request", name: "request", value: f.request, error: e["request"], hint: l.t("rp.requestHint"))
                Forms.field(
                    l, label: "rp.field.receivedOn", name: "receivedOn", value: f.receivedOn, type: "date", required: true,
                    error: e["receivedOn"])
                div(.class("field check")) {
                    label {
                        tag(
                            "input",
                            [
                                .type("checkbox"), .name("womensHome"), .value(Forms.on), .id("womensHome"),
                                Attr.when(f.womensHome, .checked),
                            ])
                        " " + l.t("rp.field.womensHome")
                    }
                }
                p(.class("muted")) { l.t("rp.confidentialNote") }
                button(.type("submit")) { l.t("rp.submit") }
            }
        }
    }
}
