import Foundation
import Vapor
import GuanaiCore

/// The siting page: the form, the plan as a table, and a schematic map drawn as SVG on the server (no script, no
/// style attribute: colours come from classes), with a title and the table beside it for those who cannot see it.
enum StationSitingViews {
    struct Result {
        let plan: SitingPlan
        let reach: Int
        let children: [CoverageChild]
        let stations: [CoverageStation]
        let candidates: [SitingCandidate]
        let names: [String: String]
    }

    /// Dots drawn at most: a county's 48,000 children would make the page heavy on a phone.
    static let maxDots = 3000

    static func page(
        _ req: Request, typed f: SitingPageForm, errors e: [String: String], result: Result?, units: [(String, String)], sites: [Site],
        status: HTTPStatus
    ) -> Response {
        let l = req.lang
        typealias K = SitingPageForm.CodingKeys
        return Layout.page(req, title: l.t("siting.title"), status: status) {
            p(.class("crumbs")) {
                a(.href(.stations)) { l.t("station.title") }; " › "; span { l.t("siting.title") }
            }
            h1 { l.t("siting.title") }
            p(.class("muted")) { l.t("siting.intro") }
            Forms.errorSummary(l, e)
            form(.method("get"), .action(.stationSiting), .class("filters")) {
                Forms.select(l, label: "station.unit", name: K.unit.rawValue, options: units, selected: f.unit ?? "")
                Forms.field(
                    l, label: "siting.count", name: K.count.rawValue, value: f.count ?? "", type: "number", error: e[K.count.rawValue],
                    extra: [Attr("min", String(SitingForm.countRange.lowerBound)), Attr("max", String(SitingForm.countRange.upperBound))])
                Forms.field(
                    l, label: "siting.reach", name: K.reachMetres.rawValue, value: f.reachMetres ?? "", type: "number",
                    error: e[K.reachMetres.rawValue])
                button(.type("submit")) { l.t("siting.run") }
            }
            if let r = result {
                p {
                    l.t("siting.objective", String(r.plan.objective), String(r.plan.upperBound))
                    " "
                    span(.class(r.plan.optimal ? "tag" : "tag warn")) { l.t(r.plan.optimal ? "siting.optimal" : "siting.nearOptimal") }
                }
                if r.plan.sites.isEmpty {
                    p { l.t("siting.nothing") }
                } else {
                    div(.class("table-wrap")) {
                        table(.class("stack")) {
                            thead {
                                tr {
                                    th { "#" }; th { l.t("siting.site") }; th { l.t("station.unit") }; th { l.t("siting.newly") };
                                    th { l.t("siting.weight") }
                                }
                            }
                            tbody {
                                for (i, s) in r.plan.sites.enumerated() {
                                    tr {
                                        td(.data("label", "#")) { String(i + 1) }
                                        td(.data("label", l.t("siting.site"))) { s.name }
                                        td(.data("label", l.t("station.unit"))) { r.names[s.unitCode] ?? s.unitCode }
                                        td(.data("label", l.t("siting.newly"))) { String(s.newlyCovered) }
                                        td(.data("label", l.t("siting.weight"))) { String(s.weight) }
                                    }
                                }
                            }
                        }
                    }
                }
                map(l, r)
            }
            h2 { l.t("siting.sites") }
            p {
                a(.class("btn secondary"), .href(.siteNew)) { l.t("siting.newSite") }
                " "
                IntakeViews.importLink(req, .sites)
            }
            if sites.isEmpty {
                p(.class("muted")) { l.t("siting.noSites") }
            } else {
                ul(.class("plain")) {
                    for s in sites { li { s.name + " · " + l.t("siteKind." + s.kind.rawValue) } }
                }
            }
        }
    }

    /// Longitude and latitude to the drawing's 600 × 400 box, the same scale both ways (metres, near enough).
    struct Projection {
        let maxLat: Double, minLon: Double, scale: Double, cosLat: Double
        static let width = 600.0, height = 400.0, pad = 12.0

        init?(_ points: [GeoPoint]) {
            guard let first = points.first else { return nil }
            var (la0, la1, lo0, lo1) = (first.latitude, first.latitude, first.longitude, first.longitude)
            for p in points {
                la0 = min(la0, p.latitude); la1 = max(la1, p.latitude); lo0 = min(lo0, p.longitude); lo1 = max(lo1, p.longitude)
            }
            cosLat = cos((la0 + la1) / 2 * .pi / 180)
            let w = max((lo1 - lo0) * cosLat, 1e-6), h = max(la1 - la0, 1e-6)
            scale = min((Self.width - 2 * Self.pad) / w, (Self.height - 2 * Self.pad) / h)
            maxLat = la1; minLon = lo0
        }

        func x(_ p: GeoPoint) -> String { String(format: "%.1f", Self.pad + (p.longitude - minLon) * cosLat * scale) }
        func y(_ p: GeoPoint) -> String { String(format: "%.1f", Self.pad + (maxLat - p.latitude) * scale) }
        /// Metres to the drawing's units (a degree of latitude is 111.32 km).
        func length(_ metres: Int) -> String { String(format: "%.1f", Double(metres) / 111_320 * scale) }
    }

    static func map(_ l: UILanguage, _ r: Result) -> Node {
        let (enrolled, reachable) = Coverage.flags(children: r.children, stations: r.stations, reachMetres: r.reach)
        let uncovered = r.children.indices.filter { !enrolled[$0] && !reachable[$0] }.compactMap { i in
            r.children[i].point.map { (p: $0, tier: r.children[i].tier) }
        }
        let step = max(1, uncovered.count / maxDots + (uncovered.count % maxDots == 0 ? 0 : 1))
        let dots = stride(from: 0, to: uncovered.count, by: step).map { uncovered[$0] }
        let picked = Set(r.plan.sites.map(\.candidateId))
        let cands = r.candidates.filter { $0.point != nil }
        let stations = r.stations.compactMap(\.point)
        guard let proj = Projection(dots.map(\.p) + cands.compactMap(\.point) + stations) else { return .empty }
        let title = l.t("siting.mapTitle", String(uncovered.count), String(r.plan.sites.count))
        return div(.class("map")) {
            tag("svg", [Attr("viewBox", "0 0 600 400"), Attr("role", "img"), .aria("label", title), Attr("class", "siting-map")]) {
                tag("title", []) { title }
                tag("rect", [Attr("class", "ground"), Attr("x", "0"), Attr("y", "0"), Attr("width", "600"), Attr("height", "400")])
                for d in dots {
                    tag(
                        "circle",
                        [Attr("class", "kid tier-" + d.tier.rawValue), Attr("cx", proj.x(d.p)), Attr("cy", proj.y(d.p)), Attr("r", "2")])
                }
                for p in stations {
                    tag(
                        "rect",
                        [Attr("class", "station"), Attr("x", proj.x(p)), Attr("y", proj.y(p)), Attr("width", "7"), Attr("height", "7")])
                }
                for c in cands {
                    let p = c.point!
                    if picked.contains(c.id) {
                        tag(
                            "circle",
                            [Attr("class", "reach"), Attr("cx", proj.x(p)), Attr("cy", proj.y(p)), Attr("r", proj.length(r.reach))])
                        tag("circle", [Attr("class", "pick"), Attr("cx", proj.x(p)), Attr("cy", proj.y(p)), Attr("r", "5")]) {
                            tag("title", []) { c.name }
                        }
                    } else {
                        tag("circle", [Attr("class", "cand"), Attr("cx", proj.x(p)), Attr("cy", proj.y(p)), Attr("r", "3")])
                    }
                }
            }
            p(.class("muted")) { l.t("siting.legend") }
        }
    }

    static func siteForm(_ req: Request, typed f: SitePageForm, errors e: [String: String], units: [(String, String)], status: HTTPStatus)
        -> Response
    {
        let l = req.lang
        typealias K = SitePageForm.CodingKeys
        return Layout.page(req, title: l.t("siting.newSite"), status: status) {
            p(.class("crumbs")) {
                a(.href(.stationSiting)) { l.t("siting.title") }; " › "; span { l.t("siting.newSite") }
            }
            h1 { l.t("siting.newSite") }
            Forms.errorSummary(l, e)
            form(.method("post"), .action(.siteNew)) {
                Forms.csrf(req)
                Forms.field(
                    l, label: "siting.siteName", name: K.name.rawValue, value: f.name ?? "", required: true, error: e[K.name.rawValue])
                Forms.select(
                    l, label: "siting.siteKind", name: K.kind.rawValue,
                    options: SiteKind.allCases.map { ($0.rawValue, l.t("siteKind." + $0.rawValue)) }, selected: f.kind ?? "",
                    error: e[K.kind.rawValue])
                Forms.select(
                    l, label: "station.unit", name: K.unitCode.rawValue, options: [("", l.t("form.choose"))] + units,
                    selected: f.unitCode ?? "",
                    error: e[K.unitCode.rawValue], required: true)
                Forms.field(
                    l, label: "station.latitude", name: K.latitude.rawValue, value: f.latitude ?? "", required: true,
                    error: e[K.latitude.rawValue],
                    extra: [Attr("inputmode", "decimal")])
                Forms.field(
                    l, label: "station.longitude", name: K.longitude.rawValue, value: f.longitude ?? "", required: true,
                    error: e[K.longitude.rawValue], hint: l.t("station.pointHint"), extra: [Attr("inputmode", "decimal")])
                button(.type("submit")) { l.t("siting.saveSite") }
            }
        }
    }
}
