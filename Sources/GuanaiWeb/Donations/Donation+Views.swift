import Vapor
import GuanaiCore

/// The donation pages in the shared layout; every word from `Catalogue.donations`.
enum DonationViews {
    static let donorFieldKeys: [String: String] = [
        "name": "donor.name", "kind": "donor.kind", "contact": "donor.contact", "phone": "donor.phone", "unitCode": "donation.unit",
    ]
    static let donationFieldKeys: [String: String] = [
        "donorId": "donation.donor", "type": "donation.type", "amount": "donation.amount", "description": "donation.description",
        "receiptNo": "donation.receiptNo", "receivedOn": "donation.receivedOn", "unitCode": "donation.unit",
    ]
    static let allocationFieldKeys: [String: String] = [
        "to": "allocation.to", "stationId": "allocation.station", "eventId": "allocation.event", "childId": "allocation.child",
        "amount": "allocation.amount",
        "on": "allocation.on", "note": "allocation.note",
    ]

    static func summary(_ l: UILanguage, _ errors: [String: String], _ keys: [String: String]) -> Node {
        Forms.errorSummary(
            l, Dictionary(uniqueKeysWithValues: errors.map { f, m in (f, (keys[f].map { l.t($0) } ?? f) + l.t("f.sep") + m) }))
    }

    /// Thousands grouped for reading ("¥200,000.00"); the API and the form fields keep plain decimal text.
    static func money(_ y: Yuan) -> String { "¥" + y.grouped }

    static func links(_ l: UILanguage) -> Node {
        p(.class("actions")) {
            a(.href(.donations)) { l.t("donation.title") }
            a(.href(.donors)) { l.t("donor.title") }
            a(.href(.donationSummary)) { l.t("donation.summaryTitle") }
            a(.href(.events)) { l.t("event.title") }
        }
    }

    static func donors(_ req: Request, _ items: [Donor], total: Int, unitNames: [String: String], mayWrite: Bool) -> Response {
        let l = req.lang
        return Layout.page(req, title: l.t("donor.title")) {
            h1 { l.t("donor.title") }
            links(l)
            if mayWrite { p { a(.class("btn"), .href(.donorNew)) { l.t("donor.new") } } }
            if items.isEmpty {
                p { l.t("donor.none") }
            } else {
                p(.class("muted")) { l.t("donor.count", String(total)) }
                div(.class("table-wrap")) {
                    table(.class("stack")) {
                        thead {
                            tr {
                                th { l.t("donor.name") }; th { l.t("donor.kind") }; th { l.t("donor.public") }; th { l.t("donation.unit") }
                            }
                        }
                        tbody {
                            for d in items {
                                tr {
                                    td(.data("label", l.t("donor.name"))) { a(.href(.donor(d.recordID))) { d.name } }
                                    td(.data("label", l.t("donor.kind"))) { l.t("donorKind." + d.kind.rawValue) }
                                    td(.data("label", l.t("donor.public"))) { l.t(d.publicName ? "donor.publicYes" : "donor.publicNo") }
                                    td(.data("label", l.t("donation.unit"))) { unitNames[d.unitCode] ?? d.unitCode }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func donorEditor(
        _ req: Request, _ d: Donor?, typed f: DonorPageForm, errors e: [String: String], units: [(String, String)], mayWrite: Bool,
        status: HTTPStatus
    ) -> Response {
        let l = req.lang
        let title = d?.name ?? l.t("donor.new")
        return Layout.page(req, title: title, status: status) {
            p(.class("crumbs")) {
                a(.href(.donors)) { l.t("donor.title") }; " › "; span { title }
            }
            h1 { title }
            if mayWrite, let d {
                p {
                    a(.class("btn secondary"), .href(SiteURL.donationNew.with(query: [("donorId", d.recordID.description)]))) {
                        l.t("donation.new")
                    }
                }
            }
            if !e.isEmpty { summary(l, e, donorFieldKeys) }
            if mayWrite { donorForm(req, d, typed: f, errors: e, units: units) } else if let d { donorDetails(l, d, units: units) }
        }
    }

    /// Who only reads sees the donor's fields, and no form she could not send.
    static func donorDetails(_ l: UILanguage, _ d: Donor, units: [(String, String)]) -> Node {
        dl(.class("kv")) {
            dt { l.t("donor.kind") }; dd { l.t("donorKind." + d.kind.rawValue) }
            dt { l.t("donor.public") }; dd { l.t(d.publicName ? "donor.publicYes" : "donor.publicNo") }
            if let c = d.contact { dt { l.t("donor.contact") }; dd { c } }
            if let ph = d.phone { dt { l.t("donor.phone") }; dd { ph } }
            dt { l.t("donation.unit") }; dd { units.first { $0.0 == d.unitCode }?.1 ?? d.unitCode }
        }
    }

    static func donorForm(_ req: Request, _ d: Donor?, typed f: DonorPageForm, errors e: [String: String], units: [(String, String)])
        -> Node
    {
        let l = req.lang
        return group {
            form(.method("post"), .action(d.map { .donor($0.recordID) } ?? .donorNew)) {
                Forms.csrf(req)
                Forms.field(l, label: "donor.name", name: "name", value: f.name ?? "", required: true, error: e["name"])
                Forms.select(
                    l, label: "donor.kind", name: "kind",
                    options: [("", l.t("form.choose"))] + DonorKind.allCases.map { ($0.rawValue, l.t("donorKind." + $0.rawValue)) },
                    selected: f.kind ?? "", error: e["kind"], required: true)
                label(.class("choice")) {
                    tag("input", [.type("checkbox"), .name("publicName"), .value("1"), Attr.when(f.publicName == "1", .checked)])
                    " " + l.t("donor.publicConsent")
                }
                Forms.field(l, label: "donor.contact", name: "contact", value: f.contact ?? "", error: e["contact"])
                Forms.field(l, label: "donor.phone", name: "phone", value: f.phone ?? "", type: "tel", error: e["phone"])
                Forms.select(
                    l, label: "donation.unit", name: "unitCode", options: units, selected: f.unitCode ?? "", error: e["unitCode"],
                    required: true)
                button(.type("submit")) { l.t(d == nil ? "donor.create" : "donor.save") }
            }
        }
    }

    static func donations(
        _ req: Request, _ items: [Donation], total: Int, donors: [UUID: Donor], allocated: [UUID: Yuan], units: [(String, String)],
        unit: String, mayWrite: Bool, mayExport: Bool
    ) -> Response {
        let l = req.lang
        return Layout.page(req, title: l.t("donation.title")) {
            h1 { l.t("donation.title") }
            p(.class("muted")) { l.t("donation.intro") }
            links(l)
            if mayExport {
                p(.class("actions")) {
                    a(.href(SiteURL.donationsExport.with(query: [("unit", unit)]))) { l.t("donation.export") + " (.xlsx)" }
                    a(.href(SiteURL.donationsExport.with(query: [("unit", unit), ("format", "csv")]))) { "CSV" }
                }
            }
            form(.method("get"), .action(.donations), .class("filters")) {
                Forms.select(l, label: "donation.unit", name: "unit", options: [("", l.t("station.allUnits"))] + units, selected: unit)
                button(.type("submit")) { l.t("station.filter") }
            }
            if mayWrite { p { a(.class("btn"), .href(.donationNew)) { l.t("donation.new") } } }
            if items.isEmpty {
                p { l.t("donation.none") }
            } else {
                p(.class("muted")) { l.t("donation.count", String(total)) }
                div(.class("table-wrap")) {
                    table(.class("stack")) {
                        thead {
                            tr {
                                th { l.t("donation.receivedOn") }; th { l.t("donation.donor") }; th { l.t("donation.type") }
                                th { l.t("donation.amount") }; th { l.t("donation.allocated") }
                            }
                        }
                        tbody {
                            for d in items {
                                tr {
                                    td(.data("label", l.t("donation.receivedOn"))) { a(.href(.donation(d.recordID))) { d.receivedOn } }
                                    td(.data("label", l.t("donation.donor"))) { donors[d.donorID]?.name ?? "" }
                                    td(.data("label", l.t("donation.type"))) { l.t("donationType." + d.type.rawValue) }
                                    td(.data("label", l.t("donation.amount"))) { money(d.worth) }
                                    td(.data("label", l.t("donation.allocated"))) { money(allocated[d.id!] ?? .zero) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func donationEditor(
        _ req: Request, typed f: DonationPageForm, errors e: [String: String], donors: [Donor], units: [(String, String)],
        status: HTTPStatus
    ) -> Response {
        let l = req.lang
        return Layout.page(req, title: l.t("donation.new"), status: status) {
            p(.class("crumbs")) {
                a(.href(.donations)) { l.t("donation.title") }; " › "; span { l.t("donation.new") }
            }
            h1 { l.t("donation.new") }
            if !e.isEmpty { summary(l, e, donationFieldKeys) }
            if donors.isEmpty {
                p {
                    l.t("donation.noDonors"); " "; a(.href(.donorNew)) { l.t("donor.new") }
                }
            }
            form(.method("post"), .action(.donationNew)) {
                Forms.csrf(req)
                Forms.select(
                    l, label: "donation.donor", name: "donorId",
                    options: [("", l.t("form.choose"))] + donors.map { ($0.recordID.description, $0.name) }, selected: f.donorId ?? "",
                    error: e["donorId"], required: true)
                Forms.select(
                    l, label: "donation.type", name: "type",
                    options: DonationType.allCases.map { ($0.rawValue, l.t("donationType." + $0.rawValue)) }, selected: f.type ?? "",
                    error: e["type"], required: true)
                Forms.field(
                    l, label: "donation.amount", name: "amount", value: f.amount ?? "", required: true, error: e["amount"],
                    hint: l.t("donation.amountHint"), extra: [Attr("inputmode", "decimal")])
                Forms.field(
                    l, label: "donation.description", name: "description", value: f.description ?? "", error: e["description"],
                    hint: l.t("donation.descriptionHint"))
                Forms.field(l, label: "donation.receiptNo", name: "receiptNo", value: f.receiptNo ?? "", error: e["receiptNo"])
                Forms.field(
                    l, label: "donation.receivedOn", name: "receivedOn", value: f.receivedOn ?? "", type: "date", required: true,
                    error: e["receivedOn"])
                Forms.select(
                    l, label: "donation.unit", name: "unitCode", options: units, selected: f.unitCode ?? "", error: e["unitCode"],
                    required: true)
                button(.type("submit")) { l.t("donation.create") }
            }
        }
    }

    /// The allocation form as typed, its errors, and the stations it offers.
    struct AllocationForm {
        let typed: AllocationPageForm
        let errors: [String: String]
        let stations: [Station]
        let events: [ChildrenEvent]
    }

    static func donationPage(
        _ req: Request, _ d: Donation, donor: Donor?, allocations: [DonationAllocation], stationNames: [UUID: String],
        unitNames: [String: String], form af: AllocationForm, mayWrite: Bool, status: HTTPStatus
    ) -> Response {
        let l = req.lang
        let allocated = Yuan.sum(allocations.map(\.amount))
        let title = l.t("donation.one", donor?.name ?? "", d.receivedOn)
        let e = af.errors
        return Layout.page(req, title: title, status: status) {
            p(.class("crumbs")) {
                a(.href(.donations)) { l.t("donation.title") }; " › "; span { d.receivedOn }
            }
            h1 { title }
            dl(.class("kv")) {
                dt { l.t("donation.donor") }
                dd {
                    if let donor { a(.href(.donor(donor.recordID))) { donor.name } }
                }
                dt { l.t("donation.type") }; dd { l.t("donationType." + d.type.rawValue) }
                dt { l.t(d.type == .money ? "donation.amount" : "donation.value") }; dd { money(d.worth) }
                if let t = d.itemDescription { dt { l.t("donation.description") }; dd { t } }
                if let r = d.receiptNo { dt { l.t("donation.receiptNo") }; dd { r } }
                dt { l.t("donation.unit") }; dd { unitNames[d.unitCode] ?? d.unitCode }
                dt { l.t("donation.allocated") }; dd { money(allocated) }
                dt { l.t("donation.remaining") }; dd { money(d.worth - allocated) }
            }
            h2 { l.t("allocation.title") }
            if allocations.isEmpty {
                p(.class("muted")) { l.t("allocation.none") }
            } else {
                div(.class("table-wrap")) {
                    table(.class("stack")) {
                        thead {
                            tr {
                                th { l.t("allocation.on") }; th { l.t("allocation.to") }; th { l.t("allocation.amount") };
                                th { l.t("allocation.note") }
                                if mayWrite { th { "" } }
                            }
                        }
                        tbody {
                            for a0 in allocations {
                                tr {
                                    td(.data("label", l.t("allocation.on"))) { a0.on }
                                    td(.data("label", l.t("allocation.to"))) {
                                        switch a0.to {
                                        case .station:
                                            a(.href(.station(StationID(a0.targetID)))) {
                                                stationNames[a0.targetID] ?? l.t("allocationTarget.station")
                                            }
                                        case .child: a(.href(.child(ChildID(a0.targetID)))) { l.t("allocationTarget.child") }
                                        case .event: a(.href(.event(ChildrenEventID(a0.targetID)))) { l.t("allocationTarget.event") }
                                        }
                                    }
                                    td(.data("label", l.t("allocation.amount"))) { money(a0.amount) }
                                    td(.data("label", l.t("allocation.note"))) { a0.note ?? "" }
                                    if mayWrite { td { a(.href(.donationAllocation(d.recordID, a0.id))) { l.t("allocation.edit") } } }
                                }
                            }
                        }
                    }
                }
            }
            if mayWrite, allocated < d.worth {
                h2 { l.t("allocation.new") }
                if !e.isEmpty { summary(l, e, allocationFieldKeys) }
                form(.method("post"), .action(.donationAllocate(d.recordID))) {
                    Forms.csrf(req)
                    allocationFields(l, af, hint: l.t("allocation.amountHint", (d.worth - allocated).description))
                    button(.type("submit")) { l.t("allocation.create") }
                }
            }
        }
    }

    /// The allocation's fields, on a donation's page (a new one) and on an allocation's own page (a change).
    static func allocationFields(_ l: UILanguage, _ af: AllocationForm, hint: String) -> Node {
        let f = af.typed, e = af.errors
        return group {
            Forms.select(
                l, label: "allocation.to", name: "to",
                options: AllocationTarget.allCases.map {
                    ($0.rawValue, l.t("allocationTarget." + $0.rawValue))
                }, selected: f.to ?? "", error: e["to"], required: true)
            Forms.select(
                l, label: "allocation.station", name: "stationId",
                options: [("", l.t("form.choose"))] + af.stations.map { ($0.recordID.description, $0.name) },
                selected: f.stationId ?? "", error: e["stationId"])
            if !af.events.isEmpty {
                Forms.select(
                    l, label: "allocation.event", name: "eventId",
                    options: [("", l.t("form.choose"))] + af.events.map { ($0.recordID.description, $0.date + " " + $0.title) },
                    selected: f.eventId ?? "", error: e["eventId"])
            }
            Forms.field(
                l, label: "allocation.child", name: "childId", value: f.childId ?? "", error: e["childId"],
                hint: l.t("allocation.childHint"))
            Forms.field(
                l, label: "allocation.amount", name: "amount", value: f.amount ?? "", required: true, error: e["amount"],
                hint: hint, extra: [Attr("inputmode", "decimal")])
            Forms.field(l, label: "allocation.on", name: "on", value: f.on ?? "", type: "date", required: true, error: e["on"])
            Forms.field(l, label: "allocation.note", name: "note", value: f.note ?? "", error: e["note"])
        }
    }

    /// One allocation's own page: its fields to change, the amount checked against what the others leave.
    static func allocationPage(
        _ req: Request, _ d: Donation, _ a0: DonationAllocation, donor: Donor?, form af: AllocationForm, left: Yuan, status: HTTPStatus
    ) -> Response {
        let l = req.lang
        let title = l.t("donation.one", donor?.name ?? "", d.receivedOn)
        return Layout.page(req, title: l.t("allocation.editTitle"), status: status) {
            p(.class("crumbs")) {
                a(.href(.donations)) { l.t("donation.title") }; " › "; a(.href(.donation(d.recordID))) { title }; " › "
                span { l.t("allocation.editTitle") }
            }
            h1 { l.t("allocation.editTitle") }
            if !af.errors.isEmpty { summary(l, af.errors, allocationFieldKeys) }
            form(.method("post"), .action(.donationAllocation(d.recordID, a0.id))) {
                Forms.csrf(req)
                allocationFields(l, af, hint: l.t("allocation.editHint", left.description))
                button(.type("submit")) { l.t("allocation.save") }
            }
        }
    }

    /// The 公示: print friendly, totals and consenting donors only; it is handed no child, so it cannot show one.
    static func summary(
        _ req: Request, _ s: DonationSummary, unit: String, unitNames: [String: String], units: [(String, String)], today: CivilDate
    ) -> Response {
        let l = req.lang
        let place = unitNames[unit] ?? unit
        return Layout.page(req, title: l.t("donation.summaryTitle")) {
            div(.class("noprint")) {
                links(l)
                form(.method("get"), .action(.donationSummary), .class("filters")) {
                    Forms.select(l, label: "donation.unit", name: "unit", options: units, selected: unit)
                    button(.type("submit")) { l.t("station.filter") }
                }
                p { button(.type("button"), .class("btn"), .data("print", "1")) { l.t("ledger.printNow") } }
            }
            h1 { l.t("donation.summaryHeading", place) }
            p(.class("muted")) { l.t("donation.summaryAsOf", today.iso, String(s.donations)) }
            dl(.class("kv")) {
                dt { l.t("donation.total") }; dd { money(s.total) }
                dt { l.t("donationType.money") }; dd { money(s.money) }
                dt { l.t("donationType.goods") }; dd { money(s.goods) }
            }
            h2 { l.t("donation.byKind") }
            table {
                tbody {
                    for k in s.byDonorKind {
                        tr {
                            th { l.t("donorKind." + k.kind.rawValue) }; td { money(k.total) }
                        }
                    }
                }
            }
            h2 { l.t("donation.byUse") }
            table {
                tbody {
                    for u in s.byUse {
                        tr {
                            th { l.t("allocationTarget." + u.use.rawValue) }; td { money(u.total) }
                        }
                    }
                    tr {
                        th { l.t("donation.unallocated") }; td { money(s.unallocated) }
                    }
                }
            }
            h2 { l.t("donation.donorsHeading") }
            if s.donors.isEmpty {
                p(.class("muted")) { l.t("donation.none") }
            } else {
                table {
                    tbody {
                        for n in s.donors {
                            tr {
                                th { n.name ?? l.t("donation.anonymous") }
                                td { l.t("donation.times", String(n.donations)) }
                                td { money(n.total) }
                            }
                        }
                    }
                }
            }
            p(.class("muted")) { l.t("donation.summaryNote") }
        }
    }
}
