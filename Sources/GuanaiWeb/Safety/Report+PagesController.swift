import Fluent
import Vapor
import GuanaiCore

/// The mandatory-report form on a child's page and the response case's page.
struct ReportPagesController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.childReport(nil).components, use: form)
        r.post(SiteURL.childReport(nil).components, use: file)
        r.get(SiteURL.report(nil).components, use: show)
        r.post(SiteURL.reportStep(nil).components, use: addStep)
        r.post(SiteURL.reportClose(nil).components, use: close)
    }

    func loadChild(_ req: Request) async throws -> Child {
        let c = try await RegistryAPIController().load(req)
        try req.require(.fileReport)
        return c
    }

    func form(req: Request) async throws -> Response {
        let c = try await loadChild(req)
        let name = try await req.scoped.people([c.person])[c.person]?.name ?? ""
        return ReportViews.form(req, c, childName: name, typed: ReportForm(), errors: [:], status: .ok)
    }

    func file(req: Request) async throws -> Response {
        let c = try await loadChild(req)
        let f = try await req.form(ReportForm.self)
        let input = f.input(child: c.id!.uuidString)
        do {
            let r = try await ReportService.file(
                c, input, filedBy: try req.actor.displayName, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.report(r.recordID).path)
        } catch let e as FieldErrors {
            let name = try await req.scoped.people([c.person])[c.person]?.name ?? ""
            return ReportViews.form(req, c, childName: name, typed: f, errors: req.messages(e), status: .unprocessableEntity)
        }
    }

    /// `read`: the inspector reads a case and acts on none.
    func load(_ req: Request, read: Bool = false) async throws -> Report {
        guard let r = try await req.scoped.report(try req.parameters.id()) else { throw Abort(.notFound) }
        let a = try req.actor
        guard read ? Policy.browses(a.role, .report) : Policy.actsOnAlerts(a.role) else { throw Abort(.forbidden) }
        return r
    }

    func show(req: Request) async throws -> Response {
        let r = try await load(req, read: true)
        try await req.audit(AuditEvent(AuditAction.view, r.recordID, unit: r.unitCode))
        return try await render(req, r, errors: [:], status: .ok)
    }

    func render(_ req: Request, _ r: Report, errors: [String: String], status: HTTPStatus) async throws -> Response {
        let scoped = try req.scoped
        let name = try await scoped.childNames([r.child])[r.child] ?? ""
        return ReportViews.page(
            req, r, childName: name, steps: try await ReportService.steps(r, on: scoped.db), errors: errors, status: status)
    }

    func addStep(req: Request) async throws -> Response {
        let r = try await load(req)
        let f = try await req.form(ReportStepForm.self)
        do {
            _ = try await ReportService.addStep(
                r, f.input,
                by: try req.actor.displayName, actor: req.auditActor, at: req.now, on: try req.scoped.db)
            return req.redirect(to: SiteURL.report(r.recordID).path)
        } catch let e as FieldErrors {
            return try await render(req, r, errors: req.messages(e), status: .unprocessableEntity)
        }
    }

    func close(req: Request) async throws -> Response {
        let r = try await load(req)
        do {
            try await ReportService.close(r, by: try req.actor.displayName, actor: req.auditActor, at: req.now, on: try req.scoped.db)
            return req.redirect(to: SiteURL.report(r.recordID).path)
        } catch let e as FieldErrors {
            return try await render(req, r, errors: req.messages(e), status: .unprocessableEntity)
        }
    }
}

enum ReportViews {
    static func form(
        _ req: Request, _ c: Child, childName: String, typed f: ReportForm, errors e: [String: String], status: HTTPStatus
    ) -> Response {
        let l = req.lang
        typealias K = ReportForm.CodingKeys
        return Layout.page(req, title: l.t("report.title"), status: status) {
            h1 { l.t("report.title") + " · " + childName }
            p(.class("muted")) { l.t("report.intro") }
            Forms.errorSummary(l, e, labelled: true)
            GuanaiWeb.form(.method("post"), .action(.childReport(c.recordID))) {
                Forms.csrf(req)
                Forms.field(
                    l, label: "report.reporter", name: K.reporter.rawValue, value: f.reporter ?? "", required: true,
                    error: e[K.reporter.rawValue],
                    hint: l.t("report.reporterHint"))
                Forms.field(l, label: "report.reporterContact", name: K.reporterContact.rawValue, value: f.reporterContact ?? "")
                Forms.field(
                    l, label: "report.reportedAt", name: K.reportedAt.rawValue, value: f.reportedAt ?? "", type: "datetime-local",
                    error: e[K.reportedAt.rawValue], hint: l.t("report.reportedAtHint"))
                div(.class(e[K.seen.rawValue] == nil ? "field" : "field invalid")) {
                    label(.for(K.seen.rawValue)) {
                        l.t("report.seen"); span(.class("req")) { " *" }
                    }
                    tag("textarea", [.id(K.seen.rawValue), .name(K.seen.rawValue), Attr("rows", "4")]) { f.seen ?? "" }
                    if let err = e[K.seen.rawValue] { p(.class("field-error")) { err } }
                }
                let police: [Attr] = [
                    .type("checkbox"), .name(K.policeCalled.rawValue), .value(Forms.on), Attr.when(f.policeCalled == Forms.on, .checked),
                ]
                div(.class("field check")) {
                    label {
                        tag("input", police); " " + l.t("report.policeCalled")
                    }
                }
                Forms.field(
                    l, label: "report.policeReportNo", name: K.policeReportNo.rawValue, value: f.policeReportNo ?? "",
                    error: e[K.policeReportNo.rawValue])
                button(.type("submit")) { l.t("report.file") }
            }
        }
    }

    static func page(_ req: Request, _ r: Report, childName: String, steps: [ReportStep], errors e: [String: String], status: HTTPStatus)
        -> Response
    {
        let l = req.lang
        let id = r.recordID
        return Layout.page(req, title: l.t("report.case"), status: status) {
            h1 { l.t("report.case") + " · " + childName }
            Forms.errorSummary(l, e)
            p {
                a(.href(.child(r.child))) { l.t("alert.toChild", childName) }; " · ";
                span(.class("tag " + (r.status == .open ? "tier-critical" : ""))) { l.t("report.status." + r.status.rawValue) }
            }
            dl(.class("kv")) {
                dt { l.t("report.reporter") }; dd { r.reporter + (r.reporterContact.isEmpty ? "" : " · " + r.reporterContact) }
                dt { l.t("report.reportedAt") }; dd { SafetyViews.time(r.reportedAt) }
                dt { l.t("report.seen") }; dd { r.seen }
                dt { l.t("report.policeCalled") };
                dd { r.policeCalled ? l.t("form.yes") + (r.policeReportNo.map { " · " + $0 } ?? "") : l.t("form.no") }
                dt { l.t("report.filedBy") }; dd { r.filedBy + " " + SafetyViews.time(r.filedAt) }
            }
            for k in ReportStepKind.allCases {
                let mine = steps.filter { $0.step == k }
                section(.class("panel")) {
                    h2 { (mine.isEmpty ? "○ " : "✓ ") + l.t("report.step." + k.rawValue) }
                    if mine.isEmpty && !req.mayAct { p(.class("muted")) { l.t("report.noEntry") } }
                    for s in mine {
                        p { (s.action.map { l.t("report.action." + $0) + l.t("f.sep") } ?? "") + s.note }
                        p(.class("muted")) { s.byName + " · " + SafetyViews.time(s.doneAt) }
                    }
                    if r.status == .open && req.mayAct {
                        details(.class("action")) {
                            summary { l.t("report.addEntry") }
                            GuanaiWeb.form(.method("post"), .action(.reportStep(id))) {
                                Forms.csrf(req)
                                input(.type("hidden"), .name(ReportStepForm.CodingKeys.step.rawValue), .value(k.rawValue))
                                if k == .emergency {
                                    Forms.select(
                                        l, label: "report.action", name: ReportStepForm.CodingKeys.action.rawValue,
                                        options: ReportAction.allCases.map { ($0.rawValue, l.t("report.action." + $0.rawValue)) },
                                        selected: "")
                                }
                                if k == .intervention {
                                    Forms.select(
                                        l, label: "report.action", name: ReportStepForm.CodingKeys.action.rawValue,
                                        options: InterventionDecision.allCases.map { ($0.rawValue, l.t("report.action." + $0.rawValue)) },
                                        selected: "")
                                }
                                Forms.field(
                                    l, label: "report.note", name: ReportStepForm.CodingKeys.note.rawValue,
                                    hint: l.t("report.hint." + k.rawValue))
                                Forms.field(
                                    l, label: "report.doneAt", name: ReportStepForm.CodingKeys.doneAt.rawValue, type: "datetime-local")
                                button(.type("submit"), .class("secondary")) { l.t("form.save") }
                            }
                        }
                    }
                }
            }
            if r.status == .open && req.mayAct {
                GuanaiWeb.form(.method("post"), .action(.reportClose(id))) {
                    Forms.csrf(req); button(.type("submit")) { l.t("report.close") }
                }
            }
        }
    }
}
