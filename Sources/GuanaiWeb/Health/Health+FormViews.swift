import Foundation
import Vapor
import GuanaiCore

/// What a page re-shows after a refused form: which form, its messages by field, and what was typed.
struct HealthPageState {
    var part: HealthPagePart? = nil
    /// The campaign page's form that was sent.
    var campaignPart: HealthCampaignPart? = nil
    /// The step whose form was sent, when several step forms are on the page.
    var step: String? = nil
    var errors: [String: String] = [:]
    var typed: [String: String] = [:]
    var flash: String? = nil

    func errors(_ p: HealthPagePart, step s: String? = nil) -> [String: String] { part == p && step == s ? errors : [:] }
    func errors(_ p: HealthCampaignPart) -> [String: String] { campaignPart == p ? errors : [:] }
    func typed(_ p: HealthCampaignPart) -> [String: String] { campaignPart == p ? typed : [:] }

    func campaign(_ p: HealthCampaignPart) -> HealthPageState {
        var s = self
        s.campaignPart = p
        return s
    }
    func typed(_ p: HealthPagePart, step s: String? = nil) -> [String: String] { part == p && step == s ? typed : [:] }
}

/// The screening form as typed: her ID number (or, from a due list's link, her person id) and the results.
struct HealthScreeningPageForm: Codable {
    var idNumber: String?
    var personId: String?
    var programme: String?
    var date: String?
    var site: String?
    var gynaecExam: String?
    var method: String?
    var cytology: String?
    var hpv: String?
    var clinicalExam: String?
    var ultrasound: String?

    func input(personId: String?) -> HealthScreeningInput {
        HealthScreeningInput(
            personId: personId, programme: programme, date: date, site: site, gynaecExam: gynaecExam, method: method, cytology: cytology,
            hpv: hpv, clinicalExam: clinicalExam, ultrasound: ultrasound)
    }
}

extension HealthViews {
    /// /health/screenings/new: one woman's screen as the site's sheet gives it. Both programmes' parts are shown; the
    /// one not chosen stays empty (Core names any result it does not take).
    static func screeningForm(
        _ req: Request, _ f: HealthScreeningPageForm, personName: String?, errors: [String: String], flash: String?, status: HTTPStatus
    ) -> Response {
        let l = req.lang
        func sel<E: CaseIterable & RawRepresentable>(_ name: String, _ e: E.Type, _ prefix: String, _ value: String?) -> Node
        where E.RawValue == String {
            Forms.select(
                l, label: "hp.field." + name, name: name, options: options(l, e, prefix), selected: value ?? "", error: errors[name])
        }
        typealias K = HealthScreeningInput.Keys
        return Layout.page(req, title: l.t("hp.newScreening"), status: status) {
            h1 { l.t("hp.newScreening") }
            Forms.flash(flash)
            errorBox(l, errors)
            form(.method("post"), Attr("action", HealthURL.newScreening), .id("screening-form")) {
                Forms.csrf(req)
                if let personName, let id = f.personId {
                    input(.type("hidden"), .name("personId"), .value(id))
                    p { strong { l.t("hp.field.personId") + l.t("f.sep") + personName } }
                    if let e = errors["personId"] { p(.class("field-error")) { e } }
                } else {
                    Forms.field(
                        l, label: "hp.field.idNumber", name: "idNumber", value: f.idNumber ?? "", required: true,
                        error: errors["idNumber"] ?? errors["personId"], hint: l.t("hp.idHint"))
                }
                Forms.select(
                    l, label: "hp.field.programme", name: "programme",
                    options: HealthProgramme.allCases.map { ($0.rawValue, word(l, "programme", $0.rawValue)) },
                    selected: f.programme ?? HealthProgramme.cervical.rawValue, error: errors["programme"], required: true)
                Forms.field(
                    l, label: "hp.field.date", name: "date", value: f.date ?? "", type: "date", required: true, error: errors["date"])
                Forms.field(l, label: "hp.field.site", name: "site", value: f.site ?? "", required: true, error: errors["site"])
                fieldset {
                    legend { l.t("hp.cervicalPart") }
                    sel(K.gynaecExam.stringValue, HealthExamFinding.self, "finding", f.gynaecExam)
                    sel(K.method.stringValue, CervicalMethod.self, "cmethod", f.method)
                    sel(K.cytology.stringValue, CytologyResult.self, "cyto", f.cytology)
                    sel(K.hpv.stringValue, HPVResult.self, "hpvres", f.hpv)
                }
                fieldset {
                    legend { l.t("hp.breastPart") }
                    sel(K.clinicalExam.stringValue, HealthExamFinding.self, "finding", f.clinicalExam)
                    sel(K.ultrasound.stringValue, BiRads.self, "birads", f.ultrasound)
                }
                button(.type("submit"), .id("save-screening")) { l.t("hp.save") }
            }
        }
    }

    /// A follow-up's page: where it stands, the screen, the steps and attempts, and for the health department the forms
    /// of the steps allowed next, an attempt and lost to follow-up.
    static func followup(_ req: Request, _ d: HealthFollowupDetailDTO, records: Bool, state: HealthPageState, status: HTTPStatus)
        -> Response
    {
        let l = req.lang
        let f = d.followUp, s = d.screening
        let programme = HealthProgramme(rawValue: f.programme) ?? .cervical
        let today = RegistryService.today(req.now).iso
        typealias K = HealthScreeningInput.Keys
        return Layout.page(req, title: l.t("hp.followup") + " · " + f.name, status: status) {
            h1 { l.t("hp.followup") + " · " + f.name }
            Forms.flash(state.flash)
            dl(.class("kv"), .id("position")) {
                dt { l.t("hp.field.villageName") }; dd { f.villageName }
                dt { l.t("hp.field.programme") }; dd { word(l, "programme", f.programme) }
                dt { l.t("hp.field.status") }; dd { statusTag(l, f) }
                if let next = f.nextStep { dt { l.t("hp.field.nextStep") }; dd { word(l, "step", next) } }
                if let due = f.due { dt { l.t("hp.field.due") }; dd { due } }
                if let dx = diagnosis(l, f) { dt { l.t("hp.diagnosis") }; dd { dx } }
                if let r = f.lostReason { dt { l.t("hp.field.reason") }; dd { word(l, "lostr", r) } }
                dt { l.t("hp.field.attempts") }; dd { String(f.attempts) }
            }
            section(.id("screen")) {
                h2 { l.t("hp.screen") }
                dl(.class("kv")) {
                    dt { l.t("hp.field.date") }; dd { s.date }
                    dt { l.t("hp.field.site") }; dd { s.site }
                    for (k, prefix, v) in [
                        (K.gynaecExam.stringValue, "finding", s.gynaecExam), (K.method.stringValue, "cmethod", s.method),
                        (K.cytology.stringValue, "cyto", s.cytology),
                        (K.hpv.stringValue, "hpvres", s.hpv), (K.clinicalExam.stringValue, "finding", s.clinicalExam),
                        (K.ultrasound.stringValue, "birads", s.ultrasound),
                    ] where v != nil {
                        dt { l.t("hp.field." + k) }; dd { word(l, prefix, v) }
                    }
                }
            }
            section(.id("steps")) {
                h2 { l.t("hp.steps") }
                if d.steps.isEmpty {
                    p(.class("muted")) { l.t("hp.noSteps") }
                } else {
                    table(.class("stack")) {
                        thead { tr { for k in ["step", "date", "result", "stage", "by"] { th { l.t("hp.field." + k) } } } }
                        tbody {
                            for st in d.steps {
                                let step = FollowupStep(rawValue: st.step) ?? .review
                                tr {
                                    td(.data("label", l.t("hp.field.step"))) { word(l, "step", st.step) }
                                    td(.data("label", l.t("hp.field.date"))) { st.date }
                                    td(.data("label", l.t("hp.field.result"))) { result(l, step: step, programme: programme, st.result) }
                                    td(.data("label", l.t("hp.field.stage"))) { st.stage ?? "—" }
                                    td(.data("label", l.t("hp.field.by"))) { st.by }
                                }
                            }
                        }
                    }
                }
            }
            if records && f.status == HealthFollowupStatus.open.rawValue {
                for step in f.nextSteps.compactMap(FollowupStep.init(rawValue:)) {
                    stepForm(req, f, step, programme: programme, today: today, state: state)
                }
            } else if f.status != HealthFollowupStatus.open.rawValue {
                p(.class("muted")) { l.t("hp.ended") }
            }
            section(.id("attempts")) {
                h2 { l.t("hp.attemptLog") }
                if d.attemptLog.isEmpty {
                    p(.class("muted")) { l.t("hp.noAttempts") }
                } else {
                    ul {
                        for at in d.attemptLog {
                            li { at.on + " · " + word(l, "channel", at.channel) + (at.note.map { " · " + $0 } ?? "") + " · " + at.by }
                        }
                    }
                }
                if records && f.status == HealthFollowupStatus.open.rawValue {
                    attemptForms(req, f, today: today, state: state)
                }
            }
        }
    }

    static func stepForm(
        _ req: Request, _ f: HealthFollowupDTO, _ step: FollowupStep, programme: HealthProgramme, today: String, state: HealthPageState
    )
        -> Node
    {
        let l = req.lang
        let errors = state.errors(.steps, step: step.rawValue), typed = state.typed(.steps, step: step.rawValue)
        let id = "step-" + step.rawValue
        return section(.id(id)) {
            h2 { l.t("hp.recordStep", word(l, "step", step.rawValue)) }
            errorBox(l, errors)
            form(.method("post"), Attr("action", HealthURL.part(f.id, .steps))) {
                Forms.csrf(req)
                input(.type("hidden"), .name("step"), .value(step.rawValue))
                Forms.field(
                    l, label: "hp.field.date", name: "date", value: typed["date"] ?? today, type: "date", required: true,
                    error: errors["date"], id: id + "-date")
                let tokens = HealthStepResult.tokens(step, programme)
                if !tokens.isEmpty {
                    Forms.select(
                        l, label: "hp.field.result", name: "result",
                        options: [("", l.t("hp.choose"))] + tokens.map { ($0, result(l, step: step, programme: programme, $0)) },
                        selected: typed["result"] ?? "", error: errors["result"], required: true, id: id + "-result")
                }
                if step == .diagnosis {
                    Forms.select(
                        l, label: "hp.field.stage", name: "stage",
                        options: [("", l.t("hp.choose"))] + CancerStage.allCases.map { ($0.rawValue, $0.rawValue) },
                        selected: typed["stage"] ?? "",
                        error: errors["stage"], id: id + "-stage")
                }
                button(.type("submit"), .id(id + "-save")) { l.t("hp.save") }
            }
        }
    }

    static func attemptForms(_ req: Request, _ f: HealthFollowupDTO, today: String, state: HealthPageState) -> Node {
        let l = req.lang
        let errors = state.errors(.attempts), typed = state.typed(.attempts)
        let lostErrors = state.errors(.lost)
        return group {
            h3 { l.t("hp.recordAttempt") }
            errorBox(l, errors)
            form(.method("post"), Attr("action", HealthURL.part(f.id, .attempts)), .id("attempt-form")) {
                Forms.csrf(req)
                Forms.field(
                    l, label: "hp.field.on", name: "on", value: typed["on"] ?? today, type: "date", required: true, error: errors["on"])
                Forms.select(
                    l, label: "hp.field.channel", name: "channel", options: options(l, HealthAttemptChannel.self, "channel"),
                    selected: typed["channel"] ?? HealthAttemptChannel.phone.rawValue, error: errors["channel"], required: true)
                Forms.field(l, label: "hp.field.note", name: "note", value: typed["note"] ?? "", error: errors["note"])
                button(.type("submit"), .id("attempt-save")) { l.t("hp.save") }
            }
            details(Attr.when(!lostErrors.isEmpty, Attr("open", "open")), .id("lost-section")) {
                summary { l.t("hp.markLost") }
                p(.class("muted")) { l.t("hp.lostNote") }
                errorBox(l, lostErrors)
                form(.method("post"), Attr("action", HealthURL.part(f.id, .lost)), .id("lost-form")) {
                    Forms.csrf(req)
                    Forms.select(
                        l, label: "hp.field.reason", name: "reason", options: options(l, HealthLostReason.self, "lostr"),
                        selected: state.typed(.lost)["reason"] ?? "", error: lostErrors["reason"], required: true)
                    button(.type("submit"), .id("lost-save")) { l.t("hp.markLost") }
                }
            }
        }
    }
}
