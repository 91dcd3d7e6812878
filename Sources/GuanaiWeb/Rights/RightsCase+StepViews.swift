import Foundation
import Vapor
import GuanaiCore

/// The forms of a case's steps: only those `RightsLifecycle` allows from where the case stands, each posting to the
/// service the API calls. A refused one comes back open with what was typed and a message by each field.
enum RightsStepViews {
    /// Whether the case can take the step now.
    static func allows(_ s: RightsStatus, _ e: RightsEvent) -> Bool { RightsLifecycle.next(s, e) != nil }

    static func steps(_ req: Request, _ m: RightsCaseViews.Model, state: RightsPageState) -> Node {
        let st = m.rc.status
        return group {
            if allows(st, .accept) { accept(req, m, state) }
            if allows(st, .decline) { reasonForm(req, m, .decline, state) }
            if allows(st, .meet) { meeting(req, m, state) }
            if allows(st, .agree) || allows(st, .fail) { outcome(req, m, state) }
            if allows(st, .followUp) { followup(req, m, state) }
            if allows(st, .close) { reasonForm(req, m, .close, state) }
        }
    }

    /// A step's section: its title, its messages (the case's status among them) and its form.
    static func box(
        _ req: Request, _ m: RightsCaseViews.Model, _ part: RightsPagePart, _ state: RightsPageState, title: String,
        note: String? = nil, @NodeBuilder _ fields: () -> Node
    ) -> Node {
        let l = req.lang
        return section(.class("panel step"), .id(part.rawValue)) {
            h2 { title }
            if let note { p(.class("muted")) { note } }
            RightsPageViews.errorBox(l, state.errors(part))
            form(.method("post"), Attr("action", RightsURL.step(m.rc.id, part))) {
                Forms.csrf(req)
                fields()
            }
        }
    }

    static func accept(_ req: Request, _ m: RightsCaseViews.Model, _ state: RightsPageState) -> Node {
        let l = req.lang
        let (e, t) = (state.errors(.accept), state.typed(.accept))
        let answers = [("", l.t("form.choose")), ("yes", l.t("rp.consent.yes")), ("no", l.t("rp.consent.no"))]
        return box(req, m, .accept, state, title: l.t("rp.step.accept"), note: l.t("rp.acceptNote")) {
            div(.class("row2")) {
                Forms.select(
                    l, label: "rp.field.applicant", name: "applicant", options: answers, selected: t["applicant"] ?? "",
                    error: e["consents.applicant"], required: true)
                Forms.select(
                    l, label: "rp.field.respondent", name: "respondent", options: answers, selected: t["respondent"] ?? "",
                    error: e["consents.respondent"], required: true)
            }
            RightsPageViews.area(
                l, label: "rp.field.advice", name: "advice", value: t["advice"] ?? "", error: e["advice"], hint: l.t("rp.adviceHint"),
                rows: 3, id: "accept-advice")
            button(.type("submit")) { l.t("rp.step.accept") }
        }
    }

    /// 不予受理 and 结案: a reason in words.
    static func reasonForm(_ req: Request, _ m: RightsCaseViews.Model, _ part: RightsPagePart, _ state: RightsPageState) -> Node {
        let l = req.lang
        return box(req, m, part, state, title: l.t("rp.step." + part.rawValue)) {
            RightsPageViews.area(
                l, label: "rp.field.reason", name: "reason", value: state.typed(part)["reason"] ?? "", required: true,
                error: state.errors(part)["reason"], rows: 2, id: part.rawValue + "-reason")
            button(.type("submit"), .class(part == .decline ? "secondary" : "")) { l.t("rp.step." + part.rawValue) }
        }
    }

    static func meeting(_ req: Request, _ m: RightsCaseViews.Model, _ state: RightsPageState) -> Node {
        let l = req.lang
        let (e, t) = (state.errors(.meetings), state.typed(.meetings))
        return box(req, m, .meetings, state, title: l.t("rp.step.meetings")) {
            div(.class("row2")) {
                Forms.field(
                    l, label: "rp.field.date", name: "date", value: t["date"] ?? m.today.iso, type: "date", required: true,
                    error: e["date"],
                    id: "meeting-date")
                Forms.field(
                    l, label: "rp.field.place", name: "place", value: t["place"] ?? "", required: true, error: e["place"],
                    id: "meeting-place")
            }
            RightsPageViews.area(
                l, label: "rp.field.attendees", name: "attendeeLines", value: t["attendeeLines"] ?? "", required: true,
                error: e.first { $0.key.hasPrefix("attendee") }?.value, hint: l.t("rp.onePerLine"), rows: 3, id: "meeting-attendees")
            RightsPageViews.area(
                l, label: "rp.field.minutes", name: "minutes", value: t["minutes"] ?? "", required: true, error: e["minutes"], rows: 5,
                id: "meeting-minutes")
            button(.type("submit")) { l.t("rp.step.meetings") }
        }
    }

    /// One form per kind of outcome, each folded until chosen: a phone shows only the one being filled.
    static func outcome(_ req: Request, _ m: RightsCaseViews.Model, _ state: RightsPageState) -> Node {
        let l = req.lang
        let (e, t) = (state.errors(.outcome), state.typed(.outcome))
        let typedKind = t["kind"] ?? ""
        return section(.class("panel step"), .id(RightsPagePart.outcome.rawValue)) {
            h2 { l.t("rp.step.outcome") }
            if typedKind.isEmpty || RightsOutcomeKind(rawValue: typedKind) == nil { RightsPageViews.errorBox(l, e) }
            for kind in RightsOutcomeKind.allCases {
                let mine = kind.rawValue == typedKind
                let (ke, kt) = mine ? (e, t) : ([:], [:])
                let id = { (f: String) in "outcome-" + kind.rawValue + "-" + f }
                details(Attr.when(mine, Attr("open", "open")), .id("outcome-" + kind.rawValue)) {
                    summary { l.t("rp.outcome." + kind.rawValue) }
                    RightsPageViews.errorBox(l, ke)
                    form(.method("post"), Attr("action", RightsURL.step(m.rc.id, .outcome))) {
                        Forms.csrf(req)
                        input(.type("hidden"), .name("kind"), .value(kind.rawValue))
                        switch kind {
                        case .oralAgreement:
                            Forms.field(
                                l, label: "rp.field.on", name: "on", value: kt["on"] ?? m.today.iso, type: "date", error: ke["on"],
                                id: id("on"))
                            RightsPageViews.area(
                                l, label: "rp.field.content", name: "content", value: kt["content"] ?? "", required: true,
                                error: ke["content"], id: id("content"))
                        case .writtenAgreement:
                            RightsPageViews.area(
                                l, label: "rp.field.facts", name: "facts", value: kt["facts"] ?? "", required: true, error: ke["facts"],
                                hint: l.t("rp.factsHint"), id: id("facts"))
                            RightsPageViews.area(
                                l, label: "rp.field.terms", name: "terms", value: kt["terms"] ?? "", required: true, error: ke["terms"],
                                hint: l.t("rp.termsHint"), id: id("terms"))
                            RightsPageViews.area(
                                l, label: "rp.field.performance", name: "performance", value: kt["performance"] ?? "", required: true,
                                error: ke["performance"], hint: l.t("rp.performanceHint"), rows: 3, id: id("performance"))
                            RightsPageViews.area(
                                l, label: "rp.field.signedBy", name: "signerLines", value: kt["signerLines"] ?? "", required: true,
                                error: ke.first { $0.key.hasPrefix("signedBy") || $0.key == "signerLines" }?.value,
                                hint: l.t("rp.onePerLine"), rows: 3,
                                id: id("signedBy"))
                            Forms.field(
                                l, label: "rp.field.signedOn", name: "signedOn", value: kt["signedOn"] ?? m.today.iso, type: "date",
                                required: true, error: ke["signedOn"], id: id("signedOn"))
                        case .failed:
                            Forms.select(
                                l, label: "rp.field.referral", name: "referral",
                                options: RightsPageViews.options(l, RightsReferral.self, "rp.referral."), selected: kt["referral"] ?? "",
                                error: ke["referral"], required: true, id: id("referral"))
                            RightsPageViews.area(
                                l, label: "rp.field.advice", name: "advice", value: kt["advice"] ?? "", required: true, error: ke["advice"],
                                rows: 3, id: id("advice"))
                            Forms.field(
                                l, label: "rp.field.on", name: "on", value: kt["on"] ?? m.today.iso, type: "date", error: ke["on"],
                                id: id("on"))
                        }
                        button(.type("submit")) { l.t("rp.record", l.t("rp.outcome." + kind.rawValue)) }
                    }
                }
            }
        }
    }

    static func followup(_ req: Request, _ m: RightsCaseViews.Model, _ state: RightsPageState) -> Node {
        let l = req.lang
        let (e, t) = (state.errors(.followups), state.typed(.followups))
        return box(req, m, .followups, state, title: l.t("rp.step.followups")) {
            div(.class("row2")) {
                Forms.field(
                    l, label: "rp.field.on", name: "on", value: t["on"] ?? m.today.iso, type: "date", required: true, error: e["on"],
                    id: "followup-on")
                Forms.select(
                    l, label: "rp.field.compliance", name: "compliance",
                    options: RightsPageViews.options(l, RightsCompliance.self, "rp.compliance."), selected: t["compliance"] ?? "",
                    error: e["compliance"], required: true)
            }
            RightsPageViews.area(
                l, label: "rp.field.note", name: "note", value: t["note"] ?? "", error: e["note"], rows: 3, id: "followup-note")
            button(.type("submit")) { l.t("rp.step.followups") }
        }
    }

    /// 指派调解员: for township and city staff and rights officers, whether or not they read the case; naming oneself
    /// opens it to her, so the reason is asked for and listed with the case's accesses.
    static func mediators(_ req: Request, _ m: RightsCaseViews.Model, errors e: [String: String], typed t: [String: String]) -> Node {
        let l = req.lang
        let me = m.actor.userID.uuid.uuidString
        let options = m.candidates.map { u in
            (
                u.id!.uuidString,
                l.t("rp.staffLine", u.displayName, l.t("role." + u.role.rawValue)) + (u.id!.uuidString == me ? l.t("rp.me") : "")
            )
        }
        let state = RightsPageState(part: .mediators, errors: e, typed: t)
        return group {
            if options.isEmpty {
                section(.class("panel step"), .id(RightsPagePart.mediators.rawValue)) {
                    h2 { l.t("rp.step.mediators") }; p(.class("muted")) { l.t("rp.noCandidates") }
                }
            } else {
                box(req, m, .mediators, state, title: l.t("rp.step.mediators"), note: l.t("rp.mediatorsNote")) {
                    Forms.select(
                        l, label: "rp.field.userIds", name: "userId", options: [("", l.t("form.choose"))] + options,
                        selected: t["userId"] ?? "",
                        error: e.first { $0.key.hasPrefix("userIds") }?.value, required: true)
                    RightsPageViews.area(
                        l, label: "rp.field.reason", name: "reason", value: t["reason"] ?? "", error: e["reason"],
                        hint: l.t("rp.selfReasonHint"),
                        rows: 2, id: "mediators-reason")
                    button(.type("submit")) { l.t("rp.step.mediators") }
                }
            }
        }
    }
}
