import Foundation
import Vapor
import GuanaiCore

/// A case's safety plan and the children of its household (issue 19, item 7): the plan as recorded, and for accounts
/// with full access its form; each child with the offer of the mandatory report and what was decided before.
enum RightsSafetyViews {
    /// The plan as recorded, in the confidential part.
    static func shown(_ l: UILanguage, _ s: RightsSafety) -> Node {
        div(.class("panel"), .id("safety-shown")) {
            h3 { l.t("rp.safety") + " · " + l.t("rp.risk." + s.risk.rawValue) }
            dl(.class("kv")) {
                if let p = s.plan { dt { l.t("rp.field.plan") }; dd(.class("pre")) { p } }
                if let n = s.policeReportNo { dt { l.t("rp.field.policeReportNo") }; dd { n } }
                if let w = s.warningLetter { dt { l.t("rp.warningLetter") }; dd { w.issuedOn.iso + " · " + w.by } }
                if let o = s.protectionOrder {
                    dt { l.t("rp.protectionOrder") }
                    dd(.id("order-shown")) {
                        [
                            l.t("rp.orderApplied", o.appliedOn.iso, o.court), l.t("rp.order." + o.status.rawValue),
                            o.decidedOn.map { l.t("rp.orderDecided", $0.iso) }, o.expiresOn.map { l.t("rp.orderExpires", $0.iso) },
                        ].compactMap { $0 }.joined(separator: " · ")
                    }
                }
            }
        }
    }

    /// Whose safety plan is asked for: a domestic-violence case, or any case that already has one.
    static func wanted(_ m: RightsCaseViews.Model) -> Bool {
        m.rc.status != .closed && (m.rc.category == .domesticViolence || m.detail?.safety != nil)
    }

    static func planForm(_ req: Request, _ m: RightsCaseViews.Model, _ state: RightsPageState) -> Node {
        let l = req.lang
        let e = state.errors(.safety)
        let t = state.part == .safety ? state.typed : m.detail?.safety.map { Forms.typed(RightsSafetyPageForm($0)) } ?? [:]
        return RightsStepViews.box(req, m, .safety, state, title: l.t("rp.step.safety"), note: l.t("rp.safetyNote")) {
            Forms.select(
                l, label: "rp.field.risk", name: "risk", options: RightsPageViews.options(l, SafetyRisk.self, "rp.risk."),
                selected: t["risk"] ?? "", error: e["risk"], required: true, id: "safety-risk")
            RightsPageViews.area(
                l, label: "rp.field.plan", name: "plan", value: t["plan"] ?? "", error: e["plan"], hint: l.t("rp.planHint"), rows: 3,
                id: "safety-plan")
            Forms.field(
                l, label: "rp.field.policeReportNo", name: "policeReportNo", value: t["policeReportNo"] ?? "", error: e["policeReportNo"],
                id: "safety-police")
            fieldset {
                legend { l.t("rp.warningLetter") }
                div(.class("row2")) {
                    Forms.field(
                        l, label: "rp.field.issuedOn", name: "letterOn", value: t["letterOn"] ?? "", type: "date",
                        error: e["warningLetter.issuedOn"], id: "safety-letter-on")
                    Forms.field(
                        l, label: "rp.field.by", name: "letterBy", value: t["letterBy"] ?? "", error: e["warningLetter.by"],
                        id: "safety-letter-by")
                }
            }
            fieldset {
                legend { l.t("rp.protectionOrder") }
                div(.class("row2")) {
                    Forms.field(
                        l, label: "rp.field.appliedOn", name: "orderApplied", value: t["orderApplied"] ?? "", type: "date",
                        error: e["protectionOrder.appliedOn"], id: "safety-order-applied")
                    Forms.field(
                        l, label: "rp.field.court", name: "orderCourt", value: t["orderCourt"] ?? "", error: e["protectionOrder.court"],
                        id: "safety-order-court")
                }
                Forms.select(
                    l, label: "rp.field.orderStatus", name: "orderStatus",
                    options: RightsPageViews.options(l, ProtectionOrderStatus.self, "rp.order."), selected: t["orderStatus"] ?? "",
                    error: e["protectionOrder.status"], id: "safety-order-status")
                div(.class("row2")) {
                    Forms.field(
                        l, label: "rp.field.decidedOn", name: "orderDecided", value: t["orderDecided"] ?? "", type: "date",
                        error: e["protectionOrder.decidedOn"], id: "safety-order-decided")
                    Forms.field(
                        l, label: "rp.field.expiresOn", name: "orderExpires", value: t["orderExpires"] ?? "", type: "date",
                        error: e["protectionOrder.expiresOn"], hint: l.t("rp.expiresHint"), id: "safety-order-expires")
                }
            }
            button(.type("submit")) { l.t("rp.step.safety") }
        }
    }

    /// Each child of the household: what was decided before, then the offer — report what was seen, or record why not.
    static func children(_ req: Request, _ m: RightsCaseViews.Model, _ d: RightsCaseDTO, _ state: RightsPageState) -> Node {
        let l = req.lang
        let mine = state.part == .childReports ? state.typed["childId"] : nil
        return section(.class("panel step"), .id(RightsPagePart.childReports.rawValue)) {
            h2 { l.t("rp.step.childReports") }
            p { l.t("rp.childReportNote") }
            for k in d.household {
                let done = d.childReports.filter { $0.childId == k.id }
                let (e, t) = mine == k.id ? (state.errors, state.typed) : ([:], [:])
                let declining = t["decision"] == RightsChildReportPageForm.decline
                let id = { (f: String) in "child-" + k.id.prefix(8) + "-" + f }
                div(.class("child-offer"), .id(id("offer"))) {
                    h3 { k.name + (k.age.map { " · " + ($0 == 0 ? l.t("rp.infant") : l.t("rp.age", String($0))) } ?? "") }
                    if !done.isEmpty {
                        ul(.class("muted")) {
                            for r in done {
                                li {
                                    RightsPageViews.local(r.at, withDay: true) + " · " + r.by + " · "
                                        + (r.declined ? l.t("rp.childDeclined", r.reason ?? "") : l.t("rp.childFiled"))
                                }
                            }
                        }
                    }
                    if !declining { RightsPageViews.errorBox(l, e) }
                    form(.method("post"), Attr("action", RightsURL.step(m.rc.id, .childReports))) {
                        Forms.csrf(req)
                        input(.type("hidden"), .name("childId"), .value(k.id))
                        RightsPageViews.area(
                            l, label: "rp.field.seen", name: "seen", value: declining ? "" : t["seen"] ?? "", required: true,
                            error: declining ? nil : e["seen"], hint: l.t("rp.seenHint"), rows: 3, id: id("seen"))
                        button(.type("submit")) { l.t("rp.fileChildReport") }
                    }
                    details(Attr.when(declining, Attr("open", "open"))) {
                        summary { l.t("rp.declineChildReport") }
                        if declining { RightsPageViews.errorBox(l, e) }
                        form(.method("post"), Attr("action", RightsURL.step(m.rc.id, .childReports))) {
                            Forms.csrf(req)
                            input(.type("hidden"), .name("childId"), .value(k.id))
                            input(.type("hidden"), .name("decision"), .value(RightsChildReportPageForm.decline))
                            RightsPageViews.area(
                                l, label: "rp.field.reason", name: "reason", value: declining ? t["reason"] ?? "" : "", required: true,
                                error: declining ? e["reason"] : nil, rows: 2, id: id("reason"))
                            button(.type("submit"), .class("secondary")) { l.t("rp.declineChildReport") }
                        }
                    }
                }
            }
        }
    }
}
