import Vapor
import GuanaiCore

/// The pages of a station's days; every word from `Catalogue.stations`. The roster is drawn for a phone first:
/// one row per child, three large choices and a note.
enum StationDaysViews {
    static let savedKey = "saved"
    static let searchKey = "q"

    /// The key a child's row errors go by: her id, so a re-drawn roster puts them on her row.
    static func rowKey(_ childId: String) -> String { "child:" + childId.uppercased() }

    /// Core names `entries[i].note`; the page shows it beside the child of row `rowOf[i]`.
    static func rowErrors(_ messages: [String: String], rowOf: [Int], rows: [RosterPageForm.Row]) -> [String: String] {
        var out: [String: String] = [:]
        for (field, m) in messages {
            guard field.hasPrefix("entries["), let close = field.firstIndex(of: "]"),
                let i = Int(field[field.index(field.startIndex, offsetBy: 8)..<close]), i < rowOf.count
            else {
                out[field] = m
                continue
            }
            let key = rowKey(rows[rowOf[i]].childId)
            out[key] = out[key].map { $0 + " " + m } ?? m
        }
        return out
    }

    static func crumbs(_ l: UILanguage, _ s: Station, _ here: String) -> Node {
        p(.class("crumbs")) {
            a(.href(.stations)) { l.t("station.title") }; " › "; a(.href(.station(s.recordID))) { s.name }; " › "; span { here }
        }
    }

    static func roster(
        _ req: Request, _ s: Station, _ r: StationRoster, typed: RosterPageForm?, errors e: [String: String], flash: String?,
        mayWrite: Bool, status: HTTPStatus
    ) -> Response {
        let l = req.lang
        let typedRows = Dictionary((typed?.rows ?? []).map { ($0.childId.uppercased(), $0) }, uniquingKeysWith: { a, _ in a })
        let prev = r.day.adding(days: -1), next = r.day.adding(days: 1)
        let problem = r.problem.map { req.messages(FieldErrors([$0]))[$0.field] ?? "" }
        let present = r.lines.filter { $0.status == .present }.count
        return Layout.page(req, title: l.t("roster.title") + " · " + s.name, status: status) {
            crumbs(l, s, l.t("roster.title"))
            h1 { l.t("roster.title") }
            Forms.flash(flash)
            form(.method("get"), .action(.stationRoster(s.recordID)), .class("filters")) {
                Forms.field(l, label: "roster.date", name: RosterPageForm.dateKey, value: r.day.iso, type: "date", id: "day")
                button(.type("submit")) { l.t("roster.show") }
            }
            p(.class("actions")) {
                a(.href(SiteURL.stationRoster(s.recordID).with(query: [(RosterPageForm.dateKey, prev.iso)]))) { l.t("roster.prev") }
                a(.href(SiteURL.stationRoster(s.recordID).with(query: [(RosterPageForm.dateKey, next.iso)]))) { l.t("roster.next") }
            }
            if let problem { p(.class("alert")) { problem } }
            Forms.errorSummary(
                l,
                Dictionary(
                    uniqueKeysWithValues: e.map { k, m in
                        (k, r.lines.first { rowKey($0.childId.description) == k }.map { $0.name + l.t("f.sep") + m } ?? m)
                    }))
            if r.lines.isEmpty {
                p { l.t("roster.none") }
            } else {
                p(.class("muted")) { l.t("roster.count", String(r.lines.count), String(present)) }
                if !mayWrite || problem != nil {
                    ul(.class("plain")) {
                        for line in r.lines {
                            li {
                                line.name + l.t("f.sep") + (line.status.map { l.t("attendance." + $0.rawValue) } ?? l.t("roster.unmarked"))
                                if let n = line.note { " · " + n }
                            }
                        }
                    }
                } else {
                    form(.method("post"), .action(.stationRoster(s.recordID))) {
                        Forms.csrf(req)
                        input(.type("hidden"), .name(RosterPageForm.dateKey), .value(typed?.date ?? r.day.iso))
                        for (i, line) in r.lines.enumerated() {
                            let id = line.childId.description
                            let was = typedRows[id.uppercased()]
                            let chosen = typed == nil ? line.status?.rawValue : was?.status
                            let err = e[rowKey(id)]
                            fieldset(.class(err == nil ? "roster-row" : "roster-row invalid")) {
                                legend { line.name }
                                input(.type("hidden"), .name(RosterPageForm.child(i)), .value(id))
                                div(.class("marks")) {
                                    for k in AttendanceStatus.allCases {
                                        label(.class("choice mark-" + k.rawValue)) {
                                            tag(
                                                "input",
                                                [
                                                    .type("radio"), .name(RosterPageForm.status(i)), .value(k.rawValue),
                                                    Attr.when(chosen == k.rawValue, .checked),
                                                ]);
                                            " " + l.t("attendance." + k.rawValue)
                                        }
                                    }
                                }
                                tag(
                                    "input",
                                    [
                                        .type("text"), .name(RosterPageForm.note(i)),
                                        .value(typed == nil ? line.note ?? "" : was?.note ?? ""),
                                        Attr("placeholder", l.t("roster.notePlaceholder")),
                                        .aria("label", line.name + " " + l.t("roster.note")),
                                    ])
                                if let err { p(.class("field-error")) { err } }
                            }
                        }
                        button(.type("submit"), .class("wide")) { l.t("roster.save") }
                    }
                }
            }
            p { a(.href(.stationCalendar)) { l.t("calendar.title") } }
        }
    }

    static func enrol(
        _ req: Request, _ s: Station, typed f: EnrolPageForm, q: String, candidates: [(ChildID, String)], enrolled: Int,
        errors e: [String: String], status: HTTPStatus
    ) -> Response {
        let l = req.lang
        typealias K = EnrolPageForm.CodingKeys
        return Layout.page(req, title: l.t("enrol.title") + " · " + s.name, status: status) {
            crumbs(l, s, l.t("enrol.title"))
            h1 { l.t("enrol.title") }
            p(.class("muted")) { l.t("station.places", String(enrolled), String(s.capacity)) }
            Forms.errorSummary(l, e)
            form(.method("get"), .action(.stationEnrol(s.recordID)), .class("filters")) {
                Forms.field(l, label: "enrol.search", name: searchKey, value: q, hint: l.t("enrol.searchHint"))
                button(.type("submit")) { l.t("enrol.find") }
            }
            if candidates.isEmpty {
                p { l.t("enrol.noneFound") }
            } else {
                form(.method("post"), .action(.stationEnrol(s.recordID))) {
                    Forms.csrf(req)
                    fieldset(.class(e[K.childId.rawValue] == nil ? "panel" : "panel invalid")) {
                        legend { l.t("enrol.child") }
                        for (id, name) in candidates {
                            label(.class("choice")) {
                                tag(
                                    "input",
                                    [
                                        .type("radio"), .name(K.childId.rawValue), .value(id.description),
                                        Attr.when(f.childId?.uppercased() == id.description.uppercased(), .checked),
                                    ]);
                                " " + name
                            }
                        }
                        if let err = e[K.childId.rawValue] { p(.class("field-error")) { err } }
                    }
                    Forms.field(l, label: "enrol.from", name: K.from.rawValue, value: f.from ?? "", type: "date", error: e[K.from.rawValue])
                    button(.type("submit")) { l.t("enrol.save") }
                }
            }
        }
    }

    static func end(
        _ req: Request, _ s: Station, _ en: StationEnrolment, childName: String, typed f: EnrolmentEndPageForm, errors e: [String: String],
        status: HTTPStatus
    ) -> Response {
        let l = req.lang
        typealias K = EnrolmentEndPageForm.CodingKeys
        return Layout.page(req, title: l.t("enrolEnd.title") + " · " + childName, status: status) {
            crumbs(l, s, l.t("enrolEnd.title"))
            h1 { l.t("enrolEnd.title") + " · " + childName }
            p(.class("muted")) { l.t("enrolEnd.since", en.fromOn) }
            Forms.errorSummary(l, e)
            form(.method("post"), .action(.stationEnrolmentEnd(s.recordID, en.id))) {
                Forms.csrf(req)
                Forms.field(
                    l, label: "enrolEnd.on", name: K.on.rawValue, value: f.on ?? "", type: "date", error: e[K.on.rawValue],
                    hint: l.t("enrolEnd.onHint"))
                Forms.field(
                    l, label: "enrolEnd.reason", name: K.reason.rawValue, value: f.reason ?? "", error: e[K.reason.rawValue],
                    hint: l.t("enrolEnd.reasonHint"))
                button(.type("submit")) { l.t("enrolEnd.save") }
            }
        }
    }

    static func activity(
        _ req: Request, _ s: Station, typed f: StationActivityPageForm, children: [(String, String, Bool)], errors e: [String: String],
        status: HTTPStatus
    ) -> Response {
        let l = req.lang
        typealias K = StationActivityPageForm.CodingKeys
        let ticked = Set((f.participants ?? []).map { $0.uppercased() })
        let participantError = e.filter { $0.key.hasPrefix(K.participants.rawValue) }.values.sorted().joined(separator: l.t("list.sep"))
        return Layout.page(req, title: l.t("activity.title") + " · " + s.name, status: status) {
            crumbs(l, s, l.t("activity.title"))
            h1 { l.t("activity.title") }
            Forms.errorSummary(l, e)
            form(.method("post"), .action(.stationActivityNew(s.recordID))) {
                Forms.csrf(req)
                Forms.select(
                    l, label: "activity.kind", name: K.kind.rawValue,
                    options: [("", l.t("form.choose"))]
                        + StationActivityKind.allCases.map { ($0.rawValue, l.t("activityKind." + $0.rawValue)) },
                    selected: f.kind ?? "", error: e[K.kind.rawValue], required: true)
                Forms.field(l, label: "activity.date", name: K.date.rawValue, value: f.date ?? "", type: "date", error: e[K.date.rawValue])
                Forms.field(
                    l, label: "activity.titleField", name: K.title.rawValue, value: f.title ?? "", error: e[K.title.rawValue],
                    hint: l.t("activity.titleHint"))
                Forms.field(l, label: "activity.note", name: K.note.rawValue, value: f.note ?? "", error: e[K.note.rawValue])
                fieldset(.class(participantError.isEmpty ? "panel" : "panel invalid")) {
                    legend { l.t("activity.participants") }
                    if children.isEmpty { p(.class("muted")) { l.t("roster.none") } }
                    for (id, name, open) in children {
                        label(.class("choice")) {
                            tag(
                                "input",
                                [
                                    .type("checkbox"), .name(K.participants.rawValue), .value(id),
                                    Attr.when(ticked.contains(id.uppercased()), .checked),
                                ]);
                            " " + name + (open ? "" : " " + l.t("activity.left"))
                        }
                    }
                    if !participantError.isEmpty { p(.class("field-error")) { participantError } }
                }
                button(.type("submit")) { l.t("activity.save") }
            }
        }
    }

    static func calendar(
        _ req: Request, typed f: StationCalendarPageForm, errors e: [String: String], mayEdit: Bool, flash: String?, status: HTTPStatus
    ) -> Response {
        let l = req.lang
        typealias K = StationCalendarPageForm.CodingKeys
        let year = Int(f.year ?? "") ?? RegistryService.today(req.now).year
        return Layout.page(req, title: l.t("calendar.title"), status: status) {
            p(.class("crumbs")) {
                a(.href(.stations)) { l.t("station.title") }; " › "; span { l.t("calendar.title") }
            }
            h1 { l.t("calendar.title") + " · " + String(year) }
            p(.class("muted")) { l.t("calendar.intro") }
            Forms.flash(flash)
            p(.class("actions")) {
                for y in [year - 1, year + 1] {
                    a(.href(SiteURL.stationCalendar.with(query: [(K.year.rawValue, String(y))]))) { l.t("calendar.year", String(y)) }
                }
            }
            Forms.errorSummary(l, e)
            if mayEdit {
                form(.method("post"), .action(.stationCalendar)) {
                    Forms.csrf(req)
                    input(.type("hidden"), .name(K.year.rawValue), .value(String(year)))
                    fieldset(.class("panel")) {
                        legend { l.t("stationSession.winter_holiday") }
                        div(.class("row2")) {
                            Forms.field(
                                l, label: "calendar.from", name: K.winterFrom.rawValue, value: f.winterFrom ?? "", type: "date",
                                error: e[K.winterFrom.rawValue])
                            Forms.field(
                                l, label: "calendar.to", name: K.winterTo.rawValue, value: f.winterTo ?? "", type: "date",
                                error: e[K.winterTo.rawValue])
                        }
                    }
                    fieldset(.class("panel")) {
                        legend { l.t("stationSession.summer_holiday") }
                        div(.class("row2")) {
                            Forms.field(
                                l, label: "calendar.from", name: K.summerFrom.rawValue, value: f.summerFrom ?? "", type: "date",
                                error: e[K.summerFrom.rawValue], id: "summerFrom")
                            Forms.field(
                                l, label: "calendar.to", name: K.summerTo.rawValue, value: f.summerTo ?? "", type: "date",
                                error: e[K.summerTo.rawValue], id: "summerTo")
                        }
                    }
                    div(.class(e[K.closedDays.rawValue] == nil ? "field" : "field invalid")) {
                        label(.for(K.closedDays.rawValue)) { l.t("calendar.closedDays") }
                        textarea(.name(K.closedDays.rawValue), .id(K.closedDays.rawValue), Attr("rows", "5")) { f.closedDays ?? "" }
                        small(.class("hint")) { l.t("calendar.closedHint") }
                        if let err = e[K.closedDays.rawValue] { p(.class("field-error")) { err } }
                    }
                    button(.type("submit")) { l.t("calendar.save") }
                }
            } else {
                dl(.class("kv")) {
                    dt { l.t("stationSession.winter_holiday") }
                    dd { f.winterFrom.map { $0 + " – " + (f.winterTo ?? "") } ?? l.t("calendar.notSet") }
                    dt { l.t("stationSession.summer_holiday") }
                    dd { f.summerFrom.map { $0 + " – " + (f.summerTo ?? "") } ?? l.t("calendar.notSet") }
                    dt { l.t("calendar.closedDays") }
                    dd {
                        (f.closedDays ?? "").isEmpty
                            ? l.t("calendar.notSet") : (f.closedDays ?? "").replacingOccurrences(of: "\n", with: l.t("list.sep"))
                    }
                }
            }
        }
    }

    /// The children holding a place, each with her first day and, for staff, the way to end it.
    static func children(_ l: UILanguage, _ s: Station, _ days: StationViews.Days, mayWrite: Bool, mayExport: Bool) -> Node {
        group {
            h2 { l.t("station.children") }
            if days.places.isEmpty {
                p(.class("muted")) { l.t("roster.none") }
            } else {
                ul(.class("plain")) {
                    for e in days.places.sorted(by: { (days.childNames[$0.child] ?? "") < (days.childNames[$1.child] ?? "") }) {
                        li {
                            a(.href(.child(e.child))) { days.childNames[e.child] ?? "" }
                            " · " + l.t("enrolEnd.since", e.fromOn)
                            if mayWrite { " · "; a(.href(.stationEnrolmentEnd(s.recordID, e.id))) { l.t("enrolEnd.title") } }
                        }
                    }
                }
                if mayExport { p { a(.href(.stationEnrolmentsExport(s.recordID))) { l.t("station.exportEnrolments") } } }
            }
        }
    }

    /// The latest activities, newest first.
    static func recent(_ l: UILanguage, _ items: [StationActivity]) -> Node {
        group {
            h2 { l.t("activity.recent") }
            if items.isEmpty {
                p(.class("muted")) { l.t("activity.none") }
            } else {
                ul(.class("plain")) {
                    for a0 in items {
                        li {
                            a0.day + " · " + l.t("activityKind." + a0.kind.rawValue)
                            if let t = a0.title { " · " + t }
                            " · " + l.t("activity.count", String(a0.participantCount))
                        }
                    }
                }
            }
        }
    }
}
