import Vapor
import GuanaiCore

/// The stations' pages in the shared layout; every word from `Catalogue.stations`.
enum StationViews {
    typealias K = StationPageForm.CodingKeys

    /// The label each form field goes by, so the summary above the form names the field as the form shows it.
    static let fieldKeys: [String: String] = [
        K.name.rawValue: "station.name", K.unitCode.rawValue: "station.unit", K.host.rawValue: "station.host",
        K.address.rawValue: "station.address", K.latitude.rawValue: "station.latitude", K.longitude.rawValue: "station.longitude",
        K.capacity.rawValue: "station.capacity", K.schedule.rawValue: "station.schedule", K.facilities.rawValue: "station.facilities",
        K.status.rawValue: "station.status", K.openedOn.rawValue: "station.openedOn", K.closedOn.rawValue: "station.closedOn",
    ]

    static func labelledSummary(_ l: UILanguage, _ errors: [String: String]) -> Node {
        Forms.errorSummary(
            l,
            Dictionary(
                uniqueKeysWithValues: errors.map { f, m in
                    let label = fieldKeys[f].map { l.t($0) } ?? (f.hasPrefix("staff[") ? l.t("station.staff") : l.t("station.volunteers"))
                    return (f, label + l.t("f.sep") + m)
                }))
    }

    static func statusTag(_ l: UILanguage, _ s: StationStatus) -> Node {
        span(.class(s == .open ? "tag" : "tag off")) { l.t("stationStatus." + s.rawValue) }
    }

    static func sessions(_ l: UILanguage, _ s: [StationSession]) -> String {
        s.map { l.t("stationSession." + $0.rawValue) }.joined(separator: l.t("list.sep"))
    }

    static func list(
        _ req: Request, _ items: [Station], total: Int, enrolled: [UUID: Int], unitNames: [String: String], units: [(String, String)],
        unit: String, mayWrite: Bool, mayApprove: Bool, mayEditRules: Bool, mayExport: Bool
    ) -> Response {
        let l = req.lang
        return Layout.page(req, title: l.t("station.title")) {
            h1 { l.t("station.title") }
            p(.class("muted")) { l.t("station.intro") }
            p(.class("actions")) {
                a(.href(.stationCoverage)) { l.t("station.coverageLink") }
                a(.href(.stationCalendar)) { l.t("calendar.title") }
                if mayApprove { a(.href(.stationSiting)) { l.t("station.sitingLink") } }
                if mayEditRules { a(.href(.stationRules)) { l.t("station.rulesLink") } }
                if mayExport {
                    a(.href(SiteURL.stationsExport.with(query: [(APIQuery.unit.rawValue, unit)]))) { l.t("station.export") }
                }
                a(.href(.donations)) { l.t("station.donationsLink") }
            }
            form(.method("get"), .action(.stations), .class("filters")) {
                Forms.select(
                    l, label: "station.unit", name: K.unitCode.rawValue, options: [("", l.t("station.allUnits"))] + units,
                    selected: unit)
                button(.type("submit")) { l.t("station.filter") }
            }
            if mayWrite {
                p {
                    a(.class("btn"), .href(SiteURL.stationNew.with(query: unit.isEmpty ? [] : [(K.unitCode.rawValue, unit)]))) {
                        l.t("station.new")
                    }
                    " "
                    IntakeViews.importLink(req, .stations, unit: unit.isEmpty ? nil : unit)
                }
            }
            if items.isEmpty {
                p { l.t("station.none") }
            } else {
                p(.class("muted")) { l.t("station.count", String(total)) }
                div(.class("table-wrap")) {
                    table(.class("stack")) {
                        thead {
                            tr {
                                th { l.t("station.name") }; th { l.t("station.unit") }; th { l.t("station.schedule") };
                                th { l.t("station.capacity") }; th { l.t("station.status") }
                            }
                        }
                        tbody {
                            for s in items {
                                tr {
                                    td(.data("label", l.t("station.name"))) { a(.href(.station(s.recordID))) { s.name } }
                                    td(.data("label", l.t("station.unit"))) { unitNames[s.unitCode] ?? s.unitCode }
                                    td(.data("label", l.t("station.schedule"))) { sessions(l, s.schedule) }
                                    td(.data("label", l.t("station.capacity"))) {
                                        l.t("station.places", String(enrolled[s.id!] ?? 0), String(s.capacity))
                                    }
                                    td(.data("label", l.t("station.status"))) { statusTag(l, s.status) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// What a station's page shows of its days: the children holding a place and the latest activities.
    struct Days {
        let places: [StationEnrolment]
        let childNames: [ChildID: String]
        let activities: [StationActivity]
        let mayExport: Bool
    }

    static func page(
        _ req: Request, _ s: Station, unitNames: [String: String], volunteers: [String], volunteerNames: [String: String], days: Days,
        mayWrite: Bool
    ) -> Response {
        let l = req.lang
        return Layout.page(req, title: s.name) {
            p(.class("crumbs")) {
                a(.href(.stations)) { l.t("station.title") }; " › "; span { s.name }
            }
            h1 { s.name }
            p { statusTag(l, s.status) }
            p(.class("actions")) {
                a(.class("btn"), .href(.stationRoster(s.recordID))) { l.t("roster.title") }
                if mayWrite {
                    a(.class("btn secondary"), .href(.stationEnrol(s.recordID))) { l.t("enrol.title") }
                    a(.class("btn secondary"), .href(.stationActivityNew(s.recordID))) { l.t("activity.title") }
                    IntakeViews.importLink(req, .enrolments, unit: s.unitCode)
                }
            }
            dl(.class("kv")) {
                dt { l.t("station.unit") }; dd { unitNames[s.unitCode] ?? s.unitCode }
                dt { l.t("station.host") }; dd { l.t("stationHost." + s.host.rawValue) }
                if let a0 = s.address { dt { l.t("station.address") }; dd { a0 } }
                if let lat = s.latitude, let lon = s.longitude {
                    dt { l.t("station.point") }; dd { String(lat) + ", " + String(lon) }
                }
                dt { l.t("station.capacity") }; dd { l.t("station.places", String(days.places.count), String(s.capacity)) }
                dt { l.t("station.schedule") }; dd { sessions(l, s.schedule) }
                if let f = s.facilities { dt { l.t("station.facilities") }; dd { f } }
                if let o = s.openedOn { dt { l.t("station.openedOn") }; dd { o } }
                if let c = s.closedOn { dt { l.t("station.closedOn") }; dd { c } }
            }
            h2 { l.t("station.staff") }
            if s.staff.isEmpty {
                p(.class("muted")) { l.t("station.noStaff") }
            } else {
                ul {
                    for m in s.staff {
                        li {
                            m.name ?? ""
                            if let ph = m.phone, !ph.isEmpty { " · "; a(.href("tel:" + ph)) { ph } }
                        }
                    }
                }
            }
            h2 { l.t("station.volunteers") }
            if volunteers.isEmpty {
                p(.class("muted")) { l.t("station.noVolunteers") }
            } else {
                ul { for v in volunteers { li { volunteerNames[v] ?? v } } }
            }
            StationDaysViews.children(l, s, days, mayWrite: mayWrite, mayExport: days.mayExport)
            StationDaysViews.recent(l, days.activities)
            if mayWrite { p { a(.class("btn"), .href(.stationEdit(s.recordID))) { l.t("station.edit") } } }
            p { a(.href(.history(of: s.recordID))) { l.t("station.history") } }
        }
    }

    static func editor(
        _ req: Request, _ station: Station?, typed f: StationPageForm, errors e: [String: String], units: [(String, String)],
        volunteers: [Volunteer], status: HTTPStatus
    ) -> Response {
        let l = req.lang
        let title = station?.name ?? l.t("station.new")
        let chosen = Set(f.schedule ?? []), helpers = Set((f.volunteerIds ?? []).map { $0.uppercased() })
        let names = f.staffName ?? [], phones = f.staffPhone ?? []
        return Layout.page(req, title: title, status: status) {
            p(.class("crumbs")) {
                a(.href(.stations)) { l.t("station.title") }; " › "
                if let s = station {
                    a(.href(.station(s.recordID))) { s.name }; " › "; span { l.t("station.edit") }
                } else {
                    span { l.t("station.new") }
                }
            }
            h1 { title }
            labelledSummary(l, e)
            form(.method("post"), .action(station.map { .stationEdit($0.recordID) } ?? .stationNew)) {
                Forms.csrf(req)
                Forms.field(
                    l, label: "station.name", name: K.name.rawValue, value: f.name ?? "", required: true, error: e[K.name.rawValue],
                    hint: l.t("station.nameHint"))
                Forms.select(
                    l, label: "station.unit", name: K.unitCode.rawValue, options: [("", l.t("form.choose"))] + units,
                    selected: f.unitCode ?? "", error: e[K.unitCode.rawValue], required: true)
                Forms.select(
                    l, label: "station.host", name: K.host.rawValue,
                    options: [("", l.t("form.choose"))] + StationHost.allCases.map { ($0.rawValue, l.t("stationHost." + $0.rawValue)) },
                    selected: f.host ?? "", error: e[K.host.rawValue], required: true)
                Forms.field(l, label: "station.address", name: K.address.rawValue, value: f.address ?? "", error: e[K.address.rawValue])
                Forms.field(
                    l, label: "station.capacity", name: K.capacity.rawValue, value: f.capacity ?? "", type: "number", required: true,
                    error: e[K.capacity.rawValue], hint: l.t("station.capacityHint"),
                    extra: [
                        Attr("min", String(StationForm.capacityRange.lowerBound)),
                        Attr("max", String(StationForm.capacityRange.upperBound)),
                    ])
                fieldset(.class(e[K.schedule.rawValue] == nil ? "panel" : "panel invalid")) {
                    legend { l.t("station.schedule") }
                    for k in StationSession.allCases {
                        label(.class("choice")) {
                            tag(
                                "input",
                                [
                                    .type("checkbox"), .name(K.schedule.rawValue), .value(k.rawValue),
                                    Attr.when(chosen.contains(k.rawValue), .checked),
                                ]);
                            " " + l.t("stationSession." + k.rawValue)
                        }
                    }
                    if let err = e[K.schedule.rawValue] { p(.class("field-error")) { err } }
                }
                fieldset(.class("panel")) {
                    legend { l.t("station.staff") }
                    for i in 0..<max(StationPageForm.staffRows, names.count) {
                        div(.class("row2")) {
                            Forms.field(
                                l, label: "station.staffName", name: K.staffName.rawValue, value: i < names.count ? names[i] : "",
                                error: e["staff[\(i)].name"], id: "staffName\(i)")
                            Forms.field(
                                l, label: "station.staffPhone", name: K.staffPhone.rawValue, value: i < phones.count ? phones[i] : "",
                                type: "tel", error: e["staff[\(i)].phone"], id: "staffPhone\(i)")
                        }
                    }
                }
                if !volunteers.isEmpty {
                    fieldset(.class("panel")) {
                        legend { l.t("station.volunteers") }
                        for v in volunteers {
                            label(.class("choice")) {
                                tag(
                                    "input",
                                    [
                                        .type("checkbox"), .name(K.volunteerIds.rawValue), .value(v.id!.uuidString),
                                        Attr.when(helpers.contains(v.id!.uuidString), .checked),
                                    ]);
                                " " + v.name
                            }
                        }
                    }
                }
                Forms.field(
                    l, label: "station.facilities", name: K.facilities.rawValue, value: f.facilities ?? "", error: e[K.facilities.rawValue],
                    hint: l.t("station.facilitiesHint"))
                Forms.field(
                    l, label: "station.latitude", name: K.latitude.rawValue, value: f.latitude ?? "", error: e[K.latitude.rawValue],
                    extra: [Attr("inputmode", "decimal")])
                Forms.field(
                    l, label: "station.longitude", name: K.longitude.rawValue, value: f.longitude ?? "", error: e[K.longitude.rawValue],
                    hint: l.t("station.pointHint"), extra: [Attr("inputmode", "decimal")])
                Forms.select(
                    l, label: "station.status", name: K.status.rawValue,
                    options: StationStatus.allCases.map { ($0.rawValue, l.t("stationStatus." + $0.rawValue)) },
                    selected: f.status ?? StationStatus.open.rawValue, error: e[K.status.rawValue])
                Forms.field(
                    l, label: "station.openedOn", name: K.openedOn.rawValue, value: f.openedOn ?? "", type: "date",
                    error: e[K.openedOn.rawValue])
                Forms.field(
                    l, label: "station.closedOn", name: K.closedOn.rawValue, value: f.closedOn ?? "", type: "date",
                    error: e[K.closedOn.rawValue], hint: l.t("station.closedOnHint"))
                button(.type("submit")) { l.t(station == nil ? "station.create" : "station.save") }
            }
        }
    }
}
