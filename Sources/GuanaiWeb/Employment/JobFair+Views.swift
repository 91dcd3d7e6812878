import Vapor
import GuanaiCore

/// The fairs' pages in the shared layout; every word from `Catalogue.jobFairs`.
enum JobFairViews {
    static func fieldLabel(_ l: UILanguage, _ field: String) -> String {
        let key = "fairs.field." + field
        return l.t(key) == key ? field : l.t(key)
    }

    static func errorBox(_ l: UILanguage, _ errors: [String: String]) -> Node {
        Forms.errorSummary(l, Dictionary(uniqueKeysWithValues: errors.map { ($0.key, fieldLabel(l, $0.key) + l.t("f.sep") + $0.value) }))
    }

    static func pay(_ l: UILanguage, _ p: FairPostingDTO) -> String {
        let ends = [p.payMin, p.payMax].compactMap { $0.flatMap(Yuan.init)?.grouped }
        return ends.isEmpty ? l.t("fairs.payOpen") : l.t("fairs.pay", ends.joined(separator: "–"))
    }

    static func postingLine(_ l: UILanguage, _ p: FairPostingDTO, employer: String) -> String {
        let parts: [String] = [
            employer, pay(l, p), l.t("fairs.field.openings") + " " + String(p.openings), l.t("fairs.hiredOf", String(p.hired)),
        ]
        return ([""] + parts + (p.hours.map { [$0] } ?? [])).joined(separator: " · ")
    }

    static func list(
        _ req: Request, _ items: [JobFairDTO], total: Int, unitNames: [String: String], mayWrite: Bool, mayExport: Bool
    ) -> Response {
        let l = req.lang
        return Layout.page(req, title: l.t("fairs.title")) {
            h1 { l.t("fairs.title") }
            p(.class("actions")) {
                if mayWrite { a(.class("btn"), .href(FairURL.new)) { l.t("fairs.new") } }
                IntakeViews.importLink(req, .fairAttendees)
                if mayExport {
                    a(.href(FairURL.export + "?format=xlsx")) { l.t("fairs.export") + " .xlsx" }
                    a(.href(FairURL.export + "?format=csv")) { l.t("fairs.export") + " .csv" }
                }
            }
            if items.isEmpty {
                p { l.t("fairs.none") }
            } else {
                div(.class("table-wrap")) {
                    table(.class("stack")) {
                        thead {
                            tr {
                                th { l.t("fairs.field.name") }; th { l.t("fairs.field.date") }; th { l.t("fairs.field.unitCode") }
                                th { l.t("fairs.postings") }; th { l.t("fairs.attendees") }; th { l.t("fairs.hires") }
                            }
                        }
                        tbody {
                            for f in items {
                                tr {
                                    td(.data("label", l.t("fairs.field.name"))) {
                                        a(.href(FairURL.fair(UUID(uuidString: f.id)))) { f.name }
                                    }
                                    td(.data("label", l.t("fairs.field.date"))) { f.date }
                                    td(.data("label", l.t("fairs.field.unitCode"))) { unitNames[f.unitCode] ?? f.unitCode }
                                    td(.data("label", l.t("fairs.postings"))) { String(f.postings) }
                                    td(.data("label", l.t("fairs.attendees"))) { String(f.attendees) }
                                    td(.data("label", l.t("fairs.hires"))) { String(f.hires) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func editor(
        _ req: Request, _ fair: JobFair?, typed f: JobFairInput, errors e: [String: String], units: [(String, String)], status: HTTPStatus
    ) -> Response {
        let l = req.lang
        let title = l.t(fair == nil ? "fairs.new" : "fairs.edit")
        return Layout.page(req, title: title, status: status) {
            p(.class("crumbs")) {
                a(.href(.jobFairs)) { l.t("fairs.title") }; " › "; span { title }
            }
            h1 { title }
            errorBox(l, e)
            form(.method("post"), Attr("action", fair.map { FairURL.edit($0.id) } ?? FairURL.new)) {
                Forms.csrf(req)
                Forms.field(l, label: "fairs.field.name", name: "name", value: f.name ?? "", required: true, error: e["name"])
                Forms.select(
                    l, label: "fairs.field.unitCode", name: "unitCode", options: [("", l.t("form.choose"))] + units,
                    selected: f.unitCode ?? "", error: e["unitCode"], required: true)
                Forms.field(l, label: "fairs.field.date", name: "date", value: f.date ?? "", type: "date", required: true, error: e["date"])
                Forms.field(l, label: "fairs.field.place", name: "place", value: f.place ?? "", error: e["place"])
                button(.type("submit")) { l.t("form.save") }
            }
        }
    }

    static func page(
        _ req: Request, _ d: JobFairDetailDTO, unitName: String, state: FairPageState, mayWrite: Bool, mayExport: Bool, today: CivilDate,
        status: HTTPStatus
    ) -> Response {
        let l = req.lang
        let fairID = UUID(uuidString: d.fair.id)
        let employerNames = Dictionary(uniqueKeysWithValues: d.employers.map { ($0.id, $0.name) })
        let postingTitles = Dictionary(uniqueKeysWithValues: d.postings.map { ($0.id, $0.title) })
        func name(_ p: FairPersonDTO) -> String { p.personName ?? l.t("fairs.unnamed") }
        func errors(_ part: String) -> [String: String] { state.part == part ? state.errors : [:] }
        func typed(_ part: String, _ field: String) -> String { state.part == part ? state.typed[field] ?? "" : "" }
        return Layout.page(req, title: d.fair.name, status: status) {
            p(.class("crumbs")) {
                a(.href(.jobFairs)) { l.t("fairs.title") }; " › "; span { d.fair.name }
            }
            h1 { d.fair.name }
            p(.class("actions")) {
                if mayWrite {
                    a(.class("btn"), .href(FairURL.attend(fairID))) { l.t("fairs.addAttendee") }
                    a(.class("btn secondary"), .href(FairURL.edit(fairID))) { l.t("fairs.edit") }
                }
                if mayExport { a(.href(FairURL.peopleExport(fairID) + "?format=xlsx")) { l.t("fairs.export") + " .xlsx" } }
            }
            dl(.class("kv")) {
                dt { l.t("fairs.field.date") }; dd { d.fair.date }
                dt { l.t("fairs.field.unitCode") }; dd { unitName }
                if let place = d.fair.place { dt { l.t("fairs.field.place") }; dd { place } }
            }
            section(.id(FairPart.employers.rawValue)) {
                h2 { l.t("fairs.employers") }
                ul {
                    for e in d.employers {
                        li { e.name + ([e.industry, e.contact, e.phone].compactMap { $0 }.map { " · " + $0 }.joined()) }
                    }
                }
                if mayWrite {
                    details(Attr.when(state.part == FairPart.employers.rawValue, Attr("open", "open"))) {
                        summary { l.t("fairs.addEmployer") }
                        errorBox(l, errors(FairPart.employers.rawValue))
                        form(.method("post"), Attr("action", FairURL.part(fairID, .employers))) {
                            Forms.csrf(req)
                            for (field, type) in [("name", "text"), ("industry", "text"), ("contact", "text"), ("phone", "tel")] {
                                Forms.field(
                                    l, label: "fairs.field." + field, name: field, value: typed("employers", field), type: type,
                                    required: field == "name", error: errors("employers")[field], id: "employer-" + field)
                            }
                            button(.type("submit")) { l.t("fairs.addEmployer") }
                        }
                    }
                }
            }
            section(.id(FairPart.postings.rawValue)) {
                h2 { l.t("fairs.postings") }
                ul {
                    for p in d.postings {
                        li {
                            strong { p.title }
                            postingLine(l, p, employer: employerNames[p.employerId] ?? "")
                            if p.suitsCarers { " "; span(.class("tag")) { l.t("fairs.field.suitsCarers") } }
                        }
                    }
                }
                if mayWrite && !d.employers.isEmpty {
                    postingForm(req, fairID, d, errors: errors("postings"), typed: { typed("postings", $0) })
                }
            }
            section(.id(FairPart.attendees.rawValue)) {
                h2 { l.t("fairs.attendees") + " (" + String(d.attendees.count) + ")" }
                errorBox(l, errors(FairPart.attendees.rawValue))
                ul { for a0 in d.attendees { li { name(a0) } } }
            }
            if mayWrite && !d.attendees.isEmpty && !d.postings.isEmpty {
                for part in [FairPart.intents, .hires] {
                    section(.id(part.rawValue + "-form")) {
                        h2 { l.t(part == .intents ? "fairs.addIntent" : "fairs.addHire") }
                        errorBox(l, errors(part.rawValue))
                        form(.method("post"), Attr("action", FairURL.part(fairID, part)), .class("row2")) {
                            Forms.csrf(req)
                            Forms.select(
                                l, label: "fairs.field.personId", name: "personId",
                                options: [("", l.t("form.choose"))]
                                    + d.attendees.filter { $0.personName != nil }.map { ($0.personId, name($0)) },
                                selected: typed(part.rawValue, "personId"), error: errors(part.rawValue)["personId"], required: true,
                                id: part.rawValue + "-person")
                            Forms.select(
                                l, label: "fairs.field.postingId", name: "postingId",
                                options: [("", l.t("form.choose"))]
                                    + d.postings.map { ($0.id, $0.title + " · " + (employerNames[$0.employerId] ?? "")) },
                                selected: typed(part.rawValue, "postingId"), error: errors(part.rawValue)["postingId"], required: true,
                                id: part.rawValue + "-posting")
                            button(.type("submit")) { l.t(part == .intents ? "fairs.addIntent" : "fairs.addHire") }
                        }
                    }
                }
            }
            section(.id(FairPart.intents.rawValue)) {
                h2 { l.t("fairs.intents") }
                ul { for i in d.intents { li { name(i) + " → " + (i.postingId.flatMap { postingTitles[$0] } ?? "") } } }
            }
            section(.id(FairPart.hires.rawValue)) {
                h2 { l.t("fairs.hires") }
                for h in d.hires {
                    div(.class("panel")) {
                        p {
                            strong { name(h) }
                            " → " + (h.postingId.flatMap { postingTitles[$0] } ?? "") + " · " + (h.hiredOn ?? "")
                        }
                        if let f = h.followup {
                            p {
                                l.t("fairs.followup") + l.t("f.sep") + l.t("followup.outcome." + f.outcome)
                                    + (f.note.map { " · " + $0 } ?? "")
                            }
                        } else {
                            let late = JobFairRules.followupLate(checkOn: h.followupCheckOn.flatMap(CivilDate.init(iso:)), today: today)
                            p(.class(late ? "field-error" : "muted")) {
                                l.t("fairs.followupDue", h.followupDue ?? "") + (late ? " · " + l.t("fairs.followupLate") : "")
                            }
                            if mayWrite { followupForm(req, h, state: state) }
                        }
                    }
                }
            }
        }
    }

    static func postingForm(
        _ req: Request, _ fairID: UUID?, _ d: JobFairDetailDTO, errors e: [String: String], typed: (String) -> String
    ) -> Node {
        let l = req.lang
        return details(Attr.when(!e.isEmpty, Attr("open", "open"))) {
            summary { l.t("fairs.addPosting") }
            errorBox(l, e)
            form(.method("post"), Attr("action", FairURL.part(fairID, .postings))) {
                Forms.csrf(req)
                Forms.select(
                    l, label: "fairs.field.employerId", name: "employerId",
                    options: [("", l.t("form.choose"))] + d.employers.map { ($0.id, $0.name) }, selected: typed("employerId"),
                    error: e["employerId"], required: true)
                Forms.field(
                    l, label: "fairs.field.title", name: "title", value: typed("title"), required: true, error: e["title"],
                    id: "posting-title")
                div(.class("row2")) {
                    for field in ["payMin", "payMax"] {
                        Forms.field(
                            l, label: "fairs.field." + field, name: field, value: typed(field), error: e[field],
                            extra: [Attr("inputmode", "decimal")])
                    }
                }
                Forms.field(l, label: "fairs.field.place", name: "place", value: typed("place"), error: e["place"], id: "posting-place")
                Forms.field(l, label: "fairs.field.hours", name: "hours", value: typed("hours"), error: e["hours"])
                Forms.field(
                    l, label: "fairs.field.openings", name: "openings", value: typed("openings"), type: "number", required: true,
                    error: e["openings"], extra: [Attr("min", String(JobFairRules.openingsRange.lowerBound))])
                label(.class("choice")) {
                    tag("input", [.type("checkbox"), .name("suitsCarers"), .value("1"), Attr.when(typed("suitsCarers") == "1", .checked)])
                    " " + l.t("fairs.field.suitsCarers")
                }
                button(.type("submit")) { l.t("fairs.addPosting") }
            }
        }
    }

    static func followupForm(_ req: Request, _ h: FairPersonDTO, state: FairPageState) -> Node {
        let l = req.lang
        let part = "followup-" + h.id
        let e = state.part == part ? state.errors : [:]
        return form(.method("post"), Attr("action", FairURL.followup(UUID(uuidString: h.id)))) {
            Forms.csrf(req)
            errorBox(l, e)
            Forms.select(
                l, label: "fairs.field.outcome", name: "outcome",
                options: [("", l.t("form.choose"))]
                    + FollowupOutcome.allCases.map { ($0.rawValue, l.t("followup.outcome." + $0.rawValue)) },
                selected: state.part == part ? state.typed["outcome"] ?? "" : "", error: e["outcome"], required: true, id: part + "-outcome"
            )
            Forms.field(
                l, label: "fairs.field.note", name: "note", value: state.part == part ? state.typed["note"] ?? "" : "", error: e["note"],
                id: part + "-note")
            button(.type("submit")) { l.t("fairs.followup") }
        }
    }

    /// The phone page: a search box, then one large button per woman found.
    static func attend(_ req: Request, _ fair: JobFair, q: String, found: [Person], came: Set<UUID>) -> Response {
        let l = req.lang
        return Layout.page(req, title: l.t("fairs.addAttendee")) {
            p(.class("crumbs")) {
                a(.href(FairURL.fair(fair.id))) { fair.name }; " › "; span { l.t("fairs.addAttendee") }
            }
            h1 { l.t("fairs.addAttendee") }
            form(.method("get"), Attr("action", FairURL.attend(fair.id)), .class("filters")) {
                Forms.field(l, label: "fairs.searchWoman", name: "q", value: q, type: "search")
                button(.type("submit")) { l.t("fairs.search") }
            }
            ul(.class("picks")) {
                for p in found {
                    li {
                        p.name + " · " + (p.idNumber.map(Masking.idNumber) ?? "")
                        if came.contains(p.id!) {
                            span(.class("tag")) { l.t("fairs.attendees") }
                        } else {
                            form(.method("post"), Attr("action", FairURL.part(fair.id, .attendees))) {
                                Forms.csrf(req)
                                input(.type("hidden"), .name("personId"), .value(p.id!.uuidString))
                                button(.type("submit"), .class("btn")) { l.t("fairs.pick") }
                            }
                        }
                    }
                }
            }
        }
    }
}
