import Fluent
import Vapor
import GuanaiCore

/// The inbox, an alert's page with acknowledge → plan → resolve, and the one-screen visit form.
struct SafetyPagesController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.inbox.components, use: inbox)
        r.get(SiteURL.alert(nil).components, use: showAlert)
        r.post(SiteURL.alertAcknowledge(nil).components, use: acknowledge)
        r.post(SiteURL.alertPlan(nil).components, use: plan)
        r.post(SiteURL.alertResolve(nil).components, use: resolve)
        r.get(SiteURL.childVisit(nil).components, use: visitForm)
        r.post(SiteURL.childVisit(nil).components, use: recordVisit)
        r.get(SiteURL.childVisitsPrint(nil).components, use: printVisits)
        r.get(SiteURL.visitPhoto(nil, ":n").components, use: photo)
    }

    func inbox(req: Request) async throws -> Response {
        let actor = try req.actor
        let rule = actor.inboxRule
        guard rule != nil || ReminderSubject.reach(actor.role) else { throw Abort(.forbidden) }
        let scoped = try req.scoped
        let page = max(1, req.query[Int.self, at: "page"] ?? 1)
        var items: [Alert] = [], total = 0, reminders: [PairReminder] = []
        if let rule {
            (items, total) = try await scoped.inbox(rule: rule, openOnly: true, page: page, per: 50)
            if page == 1 { reminders = try await scoped.openReminders(rule: rule, limit: 50).items }
        }
        let subjects = page == 1 ? try await scoped.openSubjectReminders(role: actor.role, username: actor.username, limit: 50).items : []
        let links = try await scoped.reminderLinks(subjects)
        let pairs = try await scoped.pairs(reminders.map(\.pair))
        let names = try await scoped.childNames(items.map(\.child) + pairs.map(\.child))
        let units = try await scoped.unitNames(items.map(\.unitCode) + reminders.map(\.unitCode) + subjects.map(\.unitCode))
        let pairChild = Dictionary(uniqueKeysWithValues: pairs.map { ($0.recordID, $0.child) })
        return SafetyViews.inbox(
            req, items: items, names: names, units: units, total: total, page: page,
            reminders: reminders.map { r in (r, r.pair, pairChild[r.pair].flatMap { names[$0] } ?? "") },
            subjects: subjects.map { ($0, links[$0.subjectID]) })
    }

    func loadAlert(_ req: Request, read: Bool = false) async throws -> Alert {
        guard let a = try await req.scoped.alert(try req.parameters.id()) else { throw Abort(.notFound) }
        let actor = try req.actor
        guard read ? Policy.browses(actor.role, .alert) : Policy.actsOnAlerts(actor.role) else { throw Abort(.forbidden) }
        return a
    }

    func showAlert(req: Request) async throws -> Response {
        try await renderAlert(req, try await loadAlert(req, read: true), errors: [:], status: .ok)
    }

    func renderAlert(_ req: Request, _ a: Alert, errors: [String: String], status: HTTPStatus) async throws -> Response {
        let scoped = try req.scoped
        let name = try await scoped.childNames([a.child])[a.child] ?? ""
        let unit = try await scoped.unitNames([a.unitCode])[a.unitCode] ?? a.unitCode
        let visited = try await SafetyService.visitedSince(a, on: scoped.db)
        let sent = try await scoped.notifications(alert: a.recordID)
        return SafetyViews.alert(
            req, a, childName: name, unitName: unit, visited: visited, notifications: sent, errors: errors, status: status)
    }

    func acknowledge(req: Request) async throws -> Response {
        let a = try await loadAlert(req)
        try await SafetyService.acknowledge(a, by: try req.actor.displayName, actor: req.auditActor, at: req.now, on: try req.scoped.db)
        let back = AuthController.localPath(try await req.form(AlertForm.self).back) ?? SiteURL.alert(a.recordID).path
        return req.redirect(to: back)
    }

    func plan(req: Request) async throws -> Response {
        let a = try await loadAlert(req)
        let f = try await req.form(AlertForm.self)
        let db = try req.scoped.db
        do {
            try await SafetyService.recordPlan(
                a, plan: f.plan ?? "", by: try req.actor.displayName, actor: req.auditActor, at: req.now, on: db,
                settings: try await SafetyService.settings(on: db))
            return req.redirect(to: SiteURL.alert(a.recordID).path)
        } catch let e as FieldErrors {
            return try await renderAlert(req, a, errors: req.messages(e), status: .unprocessableEntity)
        }
    }

    func resolve(req: Request) async throws -> Response {
        let a = try await loadAlert(req)
        let f = try await req.form(AlertForm.self)
        do {
            try await SafetyService.resolve(
                a, note: f.note ?? "", by: try req.actor.displayName, actor: req.auditActor, at: req.now, on: try req.scoped.db)
            return req.redirect(to: SiteURL.inbox.path)
        } catch let e as FieldErrors {
            return try await renderAlert(req, a, errors: req.messages(e), status: .unprocessableEntity)
        }
    }

    func loadChild(_ req: Request) async throws -> Child {
        let c = try await RegistryAPIController().load(req)
        guard Policy.actsOnAlerts(try req.actor.role) else { throw Abort(.forbidden) }
        return c
    }

    func visitForm(req: Request) async throws -> Response {
        let c = try await loadChild(req)
        let name = try await req.scoped.people([c.person])[c.person]?.name ?? ""
        return SafetyViews.visitForm(req, c, childName: name, typed: VisitPageForm(), errors: [:], status: .ok)
    }

    func recordVisit(req: Request) async throws -> Response {
        let c = try await loadChild(req)
        let f = try await req.form(VisitPageForm.self)
        let input = f.input
        let scoped = try req.scoped
        do {
            let files = try await req.uploadedFiles().filter { $0.field == VisitPageForm.CodingKeys.photos.rawValue }
            let photos = try files.map { (name: $0.filename, bytes: try $0.data()) }
            _ = try await SafetyService.recordVisit(
                c, input, photos: photos, user: try req.actor, scoped: scoped, actor: req.auditActor, at: req.now,
                settings: try await SafetyService.settings(on: scoped.db))
            return req.redirect(to: SiteURL.child(c.recordID).path)
        } catch let e as FieldErrors {
            let name = try await scoped.people([c.person])[c.person]?.name ?? ""
            return SafetyViews.visitForm(req, c, childName: name, typed: f, errors: req.messages(e), status: .unprocessableEntity)
        }
    }
}

extension SafetyPagesController {
    /// 走访记录表: the child's visits so far and blank rows to fill in by hand on the next ones, on one A4 page.
    func printVisits(req: Request) async throws -> Response {
        let c = try await RegistryAPIController().load(req)
        let scoped = try req.scoped
        let visits = try await scoped.visits(of: c.recordID, limit: SafetyViews.sheetLimit)
        let people = try await scoped.people([c.person] + [c.guardian].compactMap { $0 })
        let unit = try await scoped.unitNames([c.unitCode])[c.unitCode] ?? c.unitCode
        try await req.audit(
            AuditEvent(
                AuditAction.export, .visit, c.id!.uuidString, unit: c.unitCode, detail: ["rows": String(visits.count), "format": "print"]))
        return SafetyViews.visitSheet(
            req, c, child: people[c.person], guardian: c.guardian.flatMap { people[$0] }, unitName: unit, visits: visits)
    }

    func photo(req: Request) async throws -> Response {
        try await VisitPhotos.serve(req, visitID: try req.parameters.id(), n: Int(req.parameters.get("n") ?? "") ?? 0)
    }
}
