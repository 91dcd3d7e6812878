import Foundation
import Vapor
import GuanaiCore

/// One case's page: the summary for every reader; the confidential part only as `RightsService.level` allows, else a
/// plain notice (and, for whoever may, the break-glass form); the steps the status allows, to accounts with full access.
enum RightsCaseViews {
    struct Model {
        let rc: RightsCase
        let summary: RightsCaseSummaryDTO
        /// The API's detail: present only when the reader reaches the confidential part.
        let detail: RightsCaseDTO?
        let level: RightsAccess.Level
        let grants: [RightsGrantDTO]
        let viewer: RightsAccess.Viewer
        let actor: Signer
        let candidates: [User]
        let mayAssign: Bool
        let today: CivilDate
    }

    static func page(_ req: Request, _ m: Model, state: RightsPageState, status: HTTPStatus) -> Response {
        let l = req.lang
        let s = m.summary
        let title = l.t("rp.caseTitle", s.caseNo)
        return Layout.page(req, title: title, status: status) {
            p(.class("crumbs")) {
                a(.href(RightsURL.list)) { l.t("rp.title") }; " › "; span { s.caseNo }
            }
            h1 { title + " · " + l.t("rp.category." + s.category) }
            p(.id("status")) { RightsPageViews.statusTag(l, s.status) }
            summaryList(l, s, today: m.today)
            section(.id("confidential")) {
                h2 { l.t("rp.confidential") }
                if let d = m.detail {
                    if m.level == .read {
                        p(.class("flash"), .id("read-until")) { l.t("rp.readUntil", RightsPageViews.local(d.accessUntil)) }
                    }
                    confidential(req, d, grants: m.grants)
                } else {
                    restricted(req, m, state: state)
                }
            }
            if m.level == .full {
                if let d = m.detail, !d.household.isEmpty { RightsSafetyViews.children(req, m, d, state) }
                if RightsSafetyViews.wanted(m) { RightsSafetyViews.planForm(req, m, state) }
                RightsStepViews.steps(req, m, state: state)
            }
            if m.mayAssign { RightsStepViews.mediators(req, m, errors: state.errors(.mediators), typed: state.typed(.mediators)) }
        }
    }

    static func summaryList(_ l: UILanguage, _ s: RightsCaseSummaryDTO, today: CivilDate) -> Node {
        dl(.class("kv"), .id("summary")) {
            dt { l.t("rp.field.villageCode") }; dd { s.villageName }
            dt { l.t("rp.field.channel") }; dd { l.t("rp.channel." + s.channel) + (s.womensHome ? " · " + l.t("rp.atWomensHome") : "") }
            dt { l.t("rp.field.receivedOn") }; dd { s.receivedOn }
            if let on = s.acceptedOn { dt { l.t("rp.field.acceptedOn") }; dd { on } }
            if s.deadlineOn != nil { dt { l.t("rp.field.deadlineOn") }; dd { RightsPageViews.deadline(l, s, today: today) } }
            if let k = s.outcomeKind { dt { l.t("rp.field.outcome") }; dd { l.t("rp.outcome." + k) + " · " + (s.outcomeOn ?? "") } }
            if let on = s.followupDueOn { dt { l.t("rp.field.followupDueOn") }; dd { on } }
            if let on = s.closedOn { dt { l.t("rp.field.closedOn") }; dd { on } }
            dt { l.t("rp.field.assigned") }; dd { s.assigned.isEmpty ? "—" : RightsPageViews.staff(l, s) }
        }
    }

    /// No access: say so plainly; who may break the glass is offered the form, with why it is recorded.
    static func restricted(_ req: Request, _ m: Model, state: RightsPageState) -> Node {
        let l = req.lang
        let e = state.errors(.access)
        return group {
            div(.class("alert"), .id("restricted")) { p { l.t("rights.restricted") } }
            if RightsAccess.mayBreakGlass(m.actor.role) {
                div(.class("panel"), .id("access")) {
                    h3 { l.t("rp.breakGlass") }
                    p(.class("muted")) { l.t("rp.breakGlassNote") }
                    RightsPageViews.errorBox(l, e)
                    form(.method("post"), Attr("action", RightsURL.step(m.rc.id, .access))) {
                        Forms.csrf(req)
                        RightsPageViews.area(
                            l, label: "rp.field.reason", name: "reason", value: state.typed(.access)["reason"] ?? "", required: true,
                            error: e["reason"], rows: 2, id: "access-reason")
                        button(.type("submit")) { l.t("rp.breakGlassSubmit") }
                    }
                }
            }
        }
    }

    static func confidential(_ req: Request, _ d: RightsCaseDTO, grants: [RightsGrantDTO]) -> Node {
        let l = req.lang
        return group {
            h3 { l.t("rp.field.parties") }
            div(.class("table-wrap")) {
                table(.class("stack"), .id("parties")) {
                    thead { tr { for k in RightsCaseForm.partyFields { th { l.t("rp.field." + k) } } } }
                    tbody {
                        for party in d.parties {
                            tr {
                                td(.data("label", l.t("rp.field.role"))) { l.t("rp.role." + party.role) }
                                td(.data("label", l.t("rp.field.name"))) { party.name }
                                td(Attr.when(party.relation != nil, .data("label", l.t("rp.field.relation")))) { party.relation ?? "" }
                                td(Attr.when(party.phone != nil, .data("label", l.t("rp.field.phone")))) { party.phone ?? "" }
                            }
                        }
                    }
                }
            }
            dl(.class("kv"), .id("story")) {
                dt { l.t("rp.field.narrative") }; dd(.class("pre")) { d.narrative }
                if let r = d.request { dt { l.t("rp.field.request") }; dd(.class("pre")) { r } }
                if let a = d.advice { dt { l.t("rp.field.advice") }; dd(.class("pre")) { a } }
                if let r = d.declineReason { dt { l.t("rp.declineReason") }; dd { r } }
                if let r = d.closeReason { dt { l.t("rp.closeReason") }; dd { r } }
            }
            if !d.meetings.isEmpty {
                h3 { l.t("rp.meetings") }
                for mt in d.meetings {
                    div(.class("panel meeting")) {
                        p { strong { mt.date + " · " + mt.place } }
                        p { l.t("rp.field.attendees") + l.t("f.sep") + mt.attendees.joined(separator: l.t("list.sep")) }
                        p(.class("pre")) { mt.minutes }
                        p(.class("muted")) { l.t("rp.recordedBy", mt.by) }
                    }
                }
            }
            if let sp = d.safety { RightsSafetyViews.shown(l, sp) }
            if let o = d.outcome { outcome(req, d, o) }
            if !d.followups.isEmpty {
                h3 { l.t("rp.followups") }
                ul(.id("followup-list")) {
                    for f in d.followups {
                        li { f.on + " · " + l.t("rp.compliance." + f.compliance) + (f.note.map { " · " + $0 } ?? "") + " · " + f.by }
                    }
                }
            }
            h3 { l.t("rp.accesses") }
            if grants.isEmpty { p(.class("muted")) { l.t("rp.noAccesses") } }
            ul(.id("accesses")) {
                for g in grants {
                    li {
                        RightsPageViews.local(g.at, withDay: true) + " · " + l.t("rp.staffLine", g.username, l.t("role." + g.role)) + " · "
                            + l.t("rp.access." + g.kind) + l.t("f.sep") + g.reason
                            + (g.until.map { " · " + l.t("rp.until", RightsPageViews.local($0, withDay: true)) } ?? "")
                    }
                }
            }
        }
    }

    static func outcome(_ req: Request, _ d: RightsCaseDTO, _ o: RightsCaseDTO.Outcome) -> Node {
        let l = req.lang
        return div(.class("panel"), .id("outcome-shown")) {
            h3 { l.t("rp.outcome." + o.kind) + " · " + o.on }
            dl(.class("kv")) {
                if let c = o.content { dt { l.t("rp.field.content") }; dd(.class("pre")) { c } }
                if let f = o.facts { dt { l.t("rp.field.facts") }; dd(.class("pre")) { f } }
                if let t = o.terms { dt { l.t("rp.field.terms") }; dd(.class("pre")) { t } }
                if let p = o.performance { dt { l.t("rp.field.performance") }; dd(.class("pre")) { p } }
                if let s = o.signedBy { dt { l.t("rp.field.signedBy") }; dd { s.joined(separator: l.t("list.sep")) } }
                if let r = o.referral { dt { l.t("rp.field.referral") }; dd { l.t("rp.referral." + r) } }
                if let a = o.advice { dt { l.t("rp.field.advice") }; dd(.class("pre")) { a } }
            }
            if o.kind == RightsOutcomeKind.writtenAgreement.rawValue {
                p {
                    a(.class("btn secondary"), .href(RightsURL.print(UUID(uuidString: d.summary.id))), .id("print-agreement")) {
                        l.t("rp.print")
                    }
                }
            }
        }
    }
}
