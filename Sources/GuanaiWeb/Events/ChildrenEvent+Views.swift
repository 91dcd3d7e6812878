import Vapor
import GuanaiCore

/// The events' pages; every word from `Catalogue.donations` (events and donations came together).
enum ChildrenEventViews {
    static let fieldKeys: [String: String] = [
        "kind": "event.kind", "date": "event.date", "unitCode": "event.unit", "title": "event.name", "participants": "event.participants",
        "reason": "event.cancelReason", "status": "event.status",
    ]

    /// The children a form offers, with their villages' names.
    struct Picker {
        let options: [EventChildOption], more: Bool, villages: [String: String]
    }

    static func statusTag(_ l: UILanguage, _ s: ChildrenEventStatus) -> Node {
        span(.class(s == .active ? "tag" : "tag off")) { l.t("eventStatus." + s.rawValue) }
    }

    static func list(_ req: Request, _ items: [ChildrenEvent], total: Int, unitNames: [String: String], mayWrite: Bool) -> Response {
        let l = req.lang
        return Layout.page(req, title: l.t("event.title")) {
            h1 { l.t("event.title") }
            p(.class("actions")) {
                a(.href(.stations)) { l.t("station.title") }; a(.href(.donations)) { l.t("donation.title") }
            }
            if mayWrite { p { a(.class("btn"), .href(.eventNew)) { l.t("event.new") } } }
            if items.isEmpty {
                p { l.t("event.none") }
            } else {
                p(.class("muted")) { l.t("event.count", String(total)) }
                div(.class("table-wrap")) {
                    table(.class("stack")) {
                        thead {
                            tr {
                                th { l.t("event.date") }; th { l.t("event.name") }; th { l.t("event.kind") }; th { l.t("event.unit") }
                                th { l.t("event.status") }
                            }
                        }
                        tbody {
                            for e in items {
                                tr {
                                    td(.data("label", l.t("event.date"))) { e.date }
                                    td(.data("label", l.t("event.name"))) { a(.href(.event(e.recordID))) { e.title } }
                                    td(.data("label", l.t("event.kind"))) { l.t("eventKind." + e.kind.rawValue) }
                                    td(.data("label", l.t("event.unit"))) { unitNames[e.unitCode] ?? e.unitCode }
                                    td(.data("label", l.t("event.status"))) { statusTag(l, e.status) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The new and edit form. Participants are ticked in a list of the unit's children grouped by village (a village
    /// opened when it has someone ticked, or when it is the only one); the second button lists another unit's
    /// children or finds them by name, keeping what was typed.
    static func editor(
        _ req: Request, _ event: ChildrenEvent?, typed f: ChildrenEventPageForm, errors e: [String: String], units: [(String, String)],
        picker: Picker, status: HTTPStatus
    ) -> Response {
        let l = req.lang
        let heading = l.t(event == nil ? "event.new" : "event.edit")
        let action: SiteURL = event.map { .eventEdit($0.recordID) } ?? .eventNew
        let chosen = Set(f.participants ?? [])
        let byVillage = Dictionary(grouping: picker.options, by: \.village)
        let villages = byVillage.keys.sorted()
        return Layout.page(req, title: heading, status: status) {
            p(.class("crumbs")) {
                a(.href(.events)) { l.t("event.title") }; " › "
                if let event { a(.href(.event(event.recordID))) { event.title }; " › " }
                span { heading }
            }
            h1 { heading }
            if !e.isEmpty { DonationViews.summary(l, e, fieldKeys) }
            form(.method("post"), .action(action), .class("event-form")) {
                Forms.csrf(req)
                Forms.field(l, label: "event.name", name: "title", value: f.title ?? "", required: true, error: e["title"])
                Forms.select(
                    l, label: "event.kind", name: "kind",
                    options: [("", l.t("form.choose"))] + ChildrenEventKind.allCases.map { ($0.rawValue, l.t("eventKind." + $0.rawValue)) },
                    selected: f.kind ?? "", error: e["kind"], required: true)
                Forms.field(l, label: "event.date", name: "date", value: f.date ?? "", type: "date", required: true, error: e["date"])
                Forms.select(
                    l, label: "event.unit", name: "unitCode", options: units, selected: f.unitCode ?? "", error: e["unitCode"],
                    required: true)
                fieldset(.class(e["participants"] == nil ? "picker" : "picker invalid"), .id("participants")) {
                    legend { l.t("event.participants") + " · " + l.t("event.chosen", String(chosen.count)) }
                    small(.class("hint")) { l.t("event.pickHint") }
                    if let err = e["participants"] { p(.class("field-error")) { err } }
                    div(.class("picker-find")) {
                        Forms.field(l, label: "event.search", name: "q", value: f.q ?? "", type: "search")
                        button(.type("submit"), .name("list"), .value("1"), .class("secondary")) { l.t("event.pickUnit") }
                    }
                    if picker.options.isEmpty { p(.class("muted")) { l.t("event.noChildren") } }
                    if picker.more { p(.class("muted")) { l.t("event.tooManyListed", String(ChildrenEventPagesController.listed)) } }
                    for v in villages {
                        let kids = byVillage[v] ?? []
                        let ticked = kids.filter { chosen.contains($0.id.description) }.count
                        details(Attr.when(villages.count == 1 || ticked > 0 || !(f.q ?? "").isEmpty, Attr("open", nil))) {
                            summary { (picker.villages[v] ?? v) + " (\(ticked)/\(kids.count))" }
                            ul(.class("checks")) {
                                for c in kids {
                                    li {
                                        label {
                                            tag(
                                                "input",
                                                [
                                                    .type("checkbox"), .name("participants"), .value(c.id.description),
                                                    Attr.when(chosen.contains(c.id.description), .checked),
                                                ]);
                                            " " + c.name
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                button(.type("submit")) { l.t(event == nil ? "event.create" : "event.save") }
            }
        }
    }

    static func page(
        _ req: Request, _ e: ChildrenEvent, unitNames: [String: String], childNames: [ChildID: String], children: [ChildID],
        mayWrite: Bool, errors: [String: String], status: HTTPStatus
    ) -> Response {
        let l = req.lang
        return Layout.page(req, title: e.title, status: status) {
            p(.class("crumbs")) {
                a(.href(.events)) { l.t("event.title") }; " › "; span { e.title }
            }
            h1 { e.title }
            if e.status == .cancelled { div(.class("alert")) { p { l.t("event.cancelled", e.cancelReason ?? "") } } }
            dl(.class("kv")) {
                dt { l.t("event.kind") }; dd { l.t("eventKind." + e.kind.rawValue) }
                dt { l.t("event.date") }; dd { e.date }
                dt { l.t("event.unit") }; dd { unitNames[e.unitCode] ?? e.unitCode }
                dt { l.t("event.status") }; dd { statusTag(l, e.status) }
            }
            if mayWrite && e.status == .active { p { a(.class("btn"), .href(.eventEdit(e.recordID))) { l.t("event.edit") } } }
            h2 { l.t("event.participants") }
            if children.isEmpty {
                p(.class("muted")) { l.t("event.noParticipants") }
            } else {
                ul {
                    for c in children { li { a(.href(.child(c))) { childNames[c] ?? c.description } } }
                }
            }
            if mayWrite && e.status == .active {
                h2 { l.t("event.cancel") }
                if !errors.isEmpty { DonationViews.summary(l, errors, fieldKeys) }
                form(.method("post"), .action(.eventCancel(e.recordID)), .data("confirm", l.t("event.cancelConfirm"))) {
                    Forms.csrf(req)
                    Forms.field(l, label: "event.cancelReason", name: "reason", required: true, error: errors["reason"])
                    button(.type("submit"), .class("danger")) { l.t("event.cancel") }
                }
            }
            p { a(.href(.history(of: e.recordID))) { l.t("event.history") } }
        }
    }
}
