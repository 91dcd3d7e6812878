import Vapor
import GuanaiCore

/// The coverage page: the figures, a row per unit one level down with a bar drawn as SVG (no script, no style
/// attribute), and the uncovered children to reach first.
enum StationCoverageViews {
    static let priorityShown = 50

    static func percent(_ r: Double) -> String { String(format: "%.1f%%", r * 100) }

    /// A bar of `rate` on a 100-wide track; the figure beside it is the table's.
    static func bar(_ rate: Double, label: String) -> Node {
        let w = Int((max(0, min(1, rate)) * 100).rounded())
        return tag(
            "svg", [Attr("viewBox", "0 0 100 8"), Attr("width", "100"), Attr("height", "8"), Attr("role", "img"), .aria("label", label)]
        ) {
            tag("title", []) { label }
            tag("rect", [Attr("class", "track"), Attr("x", "0"), Attr("y", "0"), Attr("width", "100"), Attr("height", "8")])
            tag("rect", [Attr("class", "fill"), Attr("x", "0"), Attr("y", "0"), Attr("width", String(w)), Attr("height", "8")])
        }
    }

    static func page(_ req: Request, _ f: StationCoverageFigures, childNames: [ChildID: String], units: [(String, String)]) -> Response {
        let (unit, r, names, reach) = (f.unit, f.report, f.names, f.reach)
        let l = req.lang
        let title = l.t("coverage.title")
        return Layout.page(req, title: title) {
            p(.class("crumbs")) {
                a(.href(.stations)) { l.t("station.title") }; " › "; span { title }
            }
            h1 { title + (names[unit].map { " · " + $0 } ?? "") }
            p(.class("muted")) { l.t("coverage.intro", String(format: "%g", Double(reach) / 1000)) }
            form(.method("get"), .action(.stationCoverage), .class("filters")) {
                Forms.select(l, label: "station.unit", name: APIQuery.unit.rawValue, options: units, selected: unit)
                button(.type("submit")) { l.t("station.filter") }
            }
            dl(.class("kv")) {
                dt { l.t("coverage.leftBehind") }; dd { String(r.leftBehind) }
                dt { l.t("coverage.enrolled") }; dd { String(r.enrolled) }
                dt { l.t("coverage.reachable") }; dd { String(r.reachable) }
                dt { l.t("coverage.covered") }; dd { String(r.covered) + " · " + percent(r.rate) }
            }
            if !r.rows.isEmpty {
                h2 { l.t("coverage.byUnit") }
                div(.class("table-wrap")) {
                    table(.class("stack coverage")) {
                        thead {
                            tr {
                                th { l.t("station.unit") }; th { l.t("coverage.leftBehind") }; th { l.t("coverage.covered") };
                                th { l.t("coverage.rate") }
                            }
                        }
                        tbody {
                            for row in r.rows {
                                let name = names[row.unitCode] ?? row.unitCode
                                tr {
                                    td(.data("label", l.t("station.unit"))) {
                                        a(.href(SiteURL.stationCoverage.with(query: [(APIQuery.unit.rawValue, row.unitCode)]))) { name }
                                    }
                                    td(.data("label", l.t("coverage.leftBehind"))) { String(row.leftBehind) }
                                    td(.data("label", l.t("coverage.covered"))) { String(row.covered) }
                                    td(.data("label", l.t("coverage.rate"))) {
                                        bar(row.rate, label: name + " " + percent(row.rate)); " " + percent(row.rate)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            h2 { l.t("coverage.priority") }
            if r.priority.isEmpty {
                p(.class("muted")) { l.t("coverage.noPriority") }
            } else {
                p(.class("muted")) { l.t("coverage.priorityCount", String(r.priority.count), String(min(priorityShown, r.priority.count))) }
                ul(.class("plain")) {
                    for c in r.priority.prefix(priorityShown) {
                        li {
                            if let id = UUID(uuidString: c.childId).map(ChildID.init) { a(.href(.child(id))) { childNames[id] ?? "" } }
                            " "; span(.class("tag tier-" + c.tier.rawValue)) { l.t("tier." + c.tier.rawValue) }
                            " · " + (names[c.villageCode] ?? c.villageCode)
                        }
                    }
                }
            }
        }
    }
}
