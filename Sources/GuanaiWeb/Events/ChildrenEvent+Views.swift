import Vapor
import GuanaiCore

/// The events' pages; every word from `Catalogue.donations` (events and donations came together).
enum ChildrenEventViews {
    static let fieldKeys: [String: String] = [
        "kind": "event.kind", "date": "event.date", "unitCode": "event.unit", "title": "event.name", "participants": "event.participants",
    ]

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
                            }
                        }
                        tbody {
                            for e in items {
                                tr {
                                    td(.data("label", l.t("event.date"))) { e.date }
                                    td(.data("label", l.t("event.name"))) { a(.href(.event(e.recordID))) { e.title } }
                                    td(.data("label", l.t("event.kind"))) { l.t("eventKind." + e.kind.rawValue) }
                                    td(.data("label", l.t("event.unit"))) { unitNames[e.unitCode] ?? e.unitCode }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func editor(
        _ req: Request, typed f: ChildrenEventPageForm, errors e: [String: String], units: [(String, String)], status: HTTPStatus
    ) -> Response {
        let l = req.lang
        return Layout.page(req, title: l.t("event.new"), status: status) {
            p(.class("crumbs")) {
                a(.href(.events)) { l.t("event.title") }; " › "; span { l.t("event.new") }
            }
            h1 { l.t("event.new") }
            if !e.isEmpty { DonationViews.summary(l, e, fieldKeys) }
            form(.method("post"), .action(.eventNew)) {
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
                div(.class(e["participants"] == nil ? "field" : "field invalid")) {
                    label(.for("participants")) { l.t("event.participants") }
                    textarea(.id("participants"), .name("participants")) { f.participants ?? "" }
                    small(.class("hint")) { l.t("event.participantsHint") }
                    if let err = e["participants"] { p(.class("field-error")) { err } }
                }
                button(.type("submit")) { l.t("event.create") }
            }
        }
    }

    static func page(_ req: Request, _ e: ChildrenEvent, unitNames: [String: String], childNames: [ChildID: String], children: [ChildID])
        -> Response
    {
        let l = req.lang
        return Layout.page(req, title: e.title) {
            p(.class("crumbs")) {
                a(.href(.events)) { l.t("event.title") }; " › "; span { e.title }
            }
            h1 { e.title }
            dl(.class("kv")) {
                dt { l.t("event.kind") }; dd { l.t("eventKind." + e.kind.rawValue) }
                dt { l.t("event.date") }; dd { e.date }
                dt { l.t("event.unit") }; dd { unitNames[e.unitCode] ?? e.unitCode }
            }
            h2 { l.t("event.participants") }
            if children.isEmpty {
                p(.class("muted")) { l.t("event.noParticipants") }
            } else {
                ul {
                    for c in children { li { a(.href(.child(c))) { childNames[c] ?? c.description } } }
                }
            }
        }
    }
}
