import Foundation
import Vapor
import GuanaiCore

extension HealthURL {
    static let campaigns = home + "/campaigns"
    static let newCampaign = campaigns + "/new"
    static func campaign(_ id: String?) -> String { campaigns + "/" + (id ?? ":id") }
    static func campaignPart(_ id: String?, _ p: HealthCampaignPart) -> String { campaign(id) + "/" + p.rawValue }
}

/// The forms of a campaign's page, each posting to a path of the same name.
enum HealthCampaignPart: String, CaseIterable { case invitations, appointments, attendance }

/// The campaign form as typed: the sites as numbered rows (`siteName0`, `siteDates0` …), the days comma-separated, so a
/// refused form shows each row back and Core's `sites[i]` names the row.
struct HealthCampaignPageForm: Codable {
    static let rows = 4
    /// Days typed apart by commas, spaces, 顿号 or semicolons, in either width.
    static let separators: Set<Character> = [",", " ", ";", "\u{FF0C}", "\u{3001}", "\u{FF1B}"]
    var year: String?, unitCode: String?, programme: String?, target: String?
    var siteName0: String?, siteDates0: String?, siteName1: String?, siteDates1: String?
    var siteName2: String?, siteDates2: String?, siteName3: String?, siteDates3: String?

    var rowValues: [(String?, String?)] {
        [(siteName0, siteDates0), (siteName1, siteDates1), (siteName2, siteDates2), (siteName3, siteDates3)]
    }

    var input: HealthCampaignInput {
        let sites = rowValues.filter { FormChecker().text($0.0) != nil || FormChecker().text($0.1) != nil }.map { name, dates in
            HealthCampaignInput.Site(
                name: name, dates: (dates ?? "").split(whereSeparator: { Self.separators.contains($0) }).map { String($0) })
        }
        return HealthCampaignInput(
            year: year.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }, unitCode: unitCode, programme: programme,
            target: target.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }, sites: sites)
    }

    /// `sites[1].dates` → the row it came from, counting only the rows typed.
    func formField(_ field: String) -> String {
        guard field.hasPrefix("sites["), let close = field.firstIndex(of: "]"),
            let i = Int(field[field.index(field.startIndex, offsetBy: 6)..<close])
        else { return field }
        let typed = rowValues.enumerated().filter { FormChecker().text($0.element.0) != nil || FormChecker().text($0.element.1) != nil }
        let row = i < typed.count ? typed[i].offset : i
        return (field.hasSuffix(".name") ? "siteName" : "siteDates") + String(row)
    }
}

extension HealthViews {
    static func progress(_ l: UILanguage, _ p: HealthCampaignDTO.Progress) -> Node {
        dl(.class("kv"), .id("progress")) {
            dt { l.t("hc.target") }; dd { String(p.target) }
            dt { l.t("hc.invited") }; dd { String(p.invited) }
            dt { l.t("hc.booked") }; dd { String(p.booked) }
            dt { l.t("hc.attended") }; dd { String(p.attended) }
            dt { l.t("hc.screened") }; dd { String(p.screened) + (p.rate.map { " · " + percent($0) } ?? "") }
            dt { l.t("hc.remaining") }; dd { String(p.remaining) }
        }
    }

    /// "0.2500" → "25.0%".
    static func percent(_ rate: String) -> String { Double(rate).map { String(format: "%.1f%%", $0 * 100) } ?? rate }

    static func campaigns(_ req: Request, _ items: [HealthCampaignDTO], mayRun: Bool) -> Response {
        let l = req.lang
        return Layout.page(req, title: l.t("hc.title")) {
            h1 { l.t("hc.title") }
            if mayRun { p(.class("actions")) { a(.class("btn"), .href(HealthURL.newCampaign), .id("new-campaign")) { l.t("hc.new") } } }
            if items.isEmpty {
                p { l.t("hc.none") }
            } else {
                div(.class("table-wrap")) {
                    table(.class("stack"), .id("campaigns")) {
                        thead {
                            tr {
                                for k in ["hc.unit", "hc.year", "hp.field.programme", "hc.target", "hc.screened", "hc.rate"] {
                                    th { l.t(k) }
                                }
                            }
                        }
                        tbody {
                            for c in items {
                                tr {
                                    td(.data("label", l.t("hc.unit"))) { a(.href(HealthURL.campaign(c.id))) { c.unitName } }
                                    td(.data("label", l.t("hc.year"))) { String(c.year) }
                                    td(.data("label", l.t("hp.field.programme"))) { l.t("hc.programme." + c.programme) }
                                    td(.data("label", l.t("hc.target"))) { String(c.target) }
                                    td(.data("label", l.t("hc.screened"))) { String(c.progress.screened) }
                                    td(.data("label", l.t("hc.rate"))) { c.progress.rate.map(percent) ?? "—" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func campaignForm(
        _ req: Request, _ f: HealthCampaignPageForm, townships: [(String, String)], errors: [String: String], status: HTTPStatus
    ) -> Response {
        let l = req.lang
        return Layout.page(req, title: l.t("hc.new"), status: status) {
            h1 { l.t("hc.new") }
            Forms.errorSummary(l, errors.mapValues { $0 })
            form(.method("post"), Attr("action", HealthURL.newCampaign), .id("campaign-form")) {
                Forms.csrf(req)
                Forms.field(l, label: "hc.year", name: "year", value: f.year ?? "", type: "number", required: true, error: errors["year"])
                Forms.select(
                    l, label: "hc.unit", name: "unitCode", options: [("", l.t("hp.choose"))] + townships, selected: f.unitCode ?? "",
                    error: errors["unitCode"], required: true)
                Forms.select(
                    l, label: "hp.field.programme", name: "programme",
                    options: HealthCampaignProgramme.allCases.map { ($0.rawValue, l.t("hc.programme." + $0.rawValue)) },
                    selected: f.programme ?? HealthCampaignProgramme.both.rawValue, error: errors["programme"], required: true)
                Forms.field(
                    l, label: "hc.target", name: "target", value: f.target ?? "", type: "number", required: true, error: errors["target"])
                fieldset {
                    legend { l.t("hc.sites") }
                    p(.class("muted")) { l.t("hc.sitesHint") }
                    for (i, row) in f.rowValues.enumerated() {
                        Forms.field(
                            l, label: "hc.siteName", name: "siteName\(i)", value: row.0 ?? "",
                            error: errors["siteName\(i)"] ?? errors["sites"])
                        Forms.field(l, label: "hc.siteDates", name: "siteDates\(i)", value: row.1 ?? "", error: errors["siteDates\(i)"])
                    }
                }
                button(.type("submit"), .id("save-campaign")) { l.t("hp.save") }
            }
        }
    }

    /// A campaign's page: its progress; its women in the jurisdiction and how far each got; for its runners the due
    /// women to invite and the booking form; for whoever works the due lists the attendance form.
    static func campaign(
        _ req: Request, _ c: HealthCampaignDTO, women: [HealthInvitationDTO], due: [HealthDueDTO], mayRun: Bool, mayAttend: Bool,
        state: HealthPageState, status: HTTPStatus
    ) -> Response {
        let l = req.lang
        let today = RegistryService.today(req.now).iso
        let title = c.unitName + " · " + String(c.year) + " · " + l.t("hc.programme." + c.programme)
        let choices = [("", l.t("hp.choose"))] + women.map { ($0.personId, $0.name + " · " + $0.villageName) }
        return Layout.page(req, title: title, status: status) {
            div(.class("crumbs")) {
                a(.href(HealthURL.campaigns)) { l.t("hc.title") }; " › "; span { c.unitName }
            }
            h1 { title }
            Forms.flash(state.flash)
            progress(l, c.progress)
            h2 { l.t("hc.sites") }
            ul(.id("sites")) { for s in c.sites { li { s.name + l.t("f.sep") + s.dates.joined(separator: l.t("list.sep")) } } }
            h2 { l.t("hc.women") }
            if women.isEmpty {
                p(.class("muted")) { l.t("hc.noWomen") }
            } else {
                div(.class("table-wrap")) {
                    table(.class("stack"), .id("women")) {
                        thead {
                            tr {
                                for k in ["hp.field.name", "hp.field.villageName", "hp.field.phoneMasked", "hc.stage", "hc.appointment"] {
                                    th { l.t(k) }
                                }
                            }
                        }
                        tbody {
                            for w in women {
                                tr {
                                    td(.data("label", l.t("hp.field.name"))) { w.name }
                                    td(.data("label", l.t("hp.field.villageName"))) { w.villageName }
                                    td(.data("label", l.t("hp.field.phoneMasked"))) { w.phone ?? "—" }
                                    td(.data("label", l.t("hc.stage"))) { l.t("hc.stage." + w.stage) }
                                    td(.data("label", l.t("hc.appointment"))) {
                                        w.appointmentOn.map { $0 + " " + (w.appointmentSite ?? "") } ?? "—"
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if mayRun && !due.isEmpty {
                section(.id("invite")) {
                    h2 { l.t("hc.invite") }
                    errorBox(l, state.errors(.invitations))
                    form(.method("post"), Attr("action", HealthURL.campaignPart(c.id, .invitations))) {
                        Forms.csrf(req)
                        ul(.class("checks")) {
                            for d in due {
                                li {
                                    label {
                                        input(.type("checkbox"), .name("personIds"), .value(d.personId))
                                        " " + d.name + " · " + d.villageName + " · " + l.t("hp.years", String(d.age))
                                    }
                                }
                            }
                        }
                        button(.type("submit"), .id("invite-save")) { l.t("hc.inviteSave") }
                    }
                }
            }
            if mayRun && !women.isEmpty {
                section(.id("book")) {
                    h2 { l.t("hc.book") }
                    let e = state.errors(.appointments), t = state.typed(.appointments)
                    errorBox(l, e)
                    form(.method("post"), Attr("action", HealthURL.campaignPart(c.id, .appointments))) {
                        Forms.csrf(req)
                        Forms.select(
                            l, label: "hp.field.personId", name: "personId", options: choices, selected: t["personId"] ?? "",
                            error: e["personId"], required: true, id: "book-person")
                        Forms.select(
                            l, label: "hp.field.site", name: "site", options: [("", l.t("hp.choose"))] + c.sites.map { ($0.name, $0.name) },
                            selected: t["site"] ?? "", error: e["site"], required: true, id: "book-site")
                        Forms.field(
                            l, label: "hp.field.date", name: "date", value: t["date"] ?? "", type: "date", required: true, error: e["date"],
                            id: "book-date")
                        button(.type("submit"), .id("book-save")) { l.t("hp.save") }
                    }
                }
            }
            if mayAttend && !women.isEmpty {
                section(.id("attend")) {
                    h2 { l.t("hc.attend") }
                    let e = state.errors(.attendance), t = state.typed(.attendance)
                    errorBox(l, e)
                    form(.method("post"), Attr("action", HealthURL.campaignPart(c.id, .attendance))) {
                        Forms.csrf(req)
                        Forms.select(
                            l, label: "hp.field.personId", name: "personId", options: choices, selected: t["personId"] ?? "",
                            error: e["personId"], required: true, id: "attend-person")
                        Forms.field(
                            l, label: "hp.field.date", name: "date", value: t["date"] ?? today, type: "date", required: true,
                            error: e["date"],
                            id: "attend-date")
                        button(.type("submit"), .id("attend-save")) { l.t("hp.save") }
                    }
                }
            }
        }
    }
}
