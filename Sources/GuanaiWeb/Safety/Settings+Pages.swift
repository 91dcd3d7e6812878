import Vapor
import GuanaiCore

struct SettingsPagesController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.riskSettings.components, use: show)
        r.post(SiteURL.riskSettings.components, use: save)
    }

    func show(req: Request) async throws -> Response {
        try req.require(.editRules)
        let s = try await RiskSettingsStore.load(on: try req.scoped.db)
        return SettingsViews.page(req, s, typed: [:], errors: [:], saved: req.query[String.self, at: "saved"] == "1", status: .ok)
    }

    func save(req: Request) async throws -> Response {
        try req.require(.editRules)
        let f = try await req.form(SettingsForm.self).values
        let db = try req.scoped.db
        do {
            _ = try await RiskSettingsStore.save(f, by: req.auditActor, at: req.now, on: db)
            return req.redirect(to: SiteURL.riskSettings.with(query: [("saved", "1")]))
        } catch let e as FieldErrors {
            return SettingsViews.page(
                req, try await RiskSettingsStore.load(on: db), typed: f, errors: req.messages(e), saved: false, status: .unprocessableEntity
            )
        }
    }
}

enum SettingsViews {
    static func page(_ req: Request, _ s: RiskSettings, typed: [String: String], errors: [String: String], saved: Bool, status: HTTPStatus)
        -> Response
    {
        numbers(
            req, s, title: "settings.title", intro: "settings.intro", action: .riskSettings, typed: typed, errors: errors, saved: saved,
            status: status)
    }

    /// A page of numbers Core declares (`NumberSettings.fields`): each labelled `settings.<name>`, with its range.
    static func numbers<S: NumberSettings>(
        _ req: Request, _ s: S, title: String, intro: String, action: SiteURL, typed: [String: String], errors: [String: String],
        saved: Bool, status: HTTPStatus
    ) -> Response {
        let l = req.lang
        return Layout.page(req, title: l.t(title), status: status) {
            h1 { l.t(title) }
            p(.class("muted")) { l.t(intro) }
            if saved { div(.class("flash"), Attr("role", "status")) { l.t("settings.saved") } }
            Forms.errorSummary(l, errors, labelled: true)
            form(.method("post"), .action(action)) {
                Forms.csrf(req)
                for (name, kp, range) in S.fields {
                    Forms.field(
                        l, label: "settings." + name, name: name, value: typed[name] ?? String(s[keyPath: kp]), type: "number",
                        error: errors[name],
                        hint: l.t("settings.range", "\(range.lowerBound)–\(range.upperBound)"), extra: [Attr("inputmode", "numeric")])
                }
                button(.type("submit")) { l.t("form.save") }
            }
        }
    }
}
