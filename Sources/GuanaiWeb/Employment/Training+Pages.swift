import Fluent
import Vapor
import GuanaiCore

/// /courses: the courses of the jurisdiction by unit, a course's page (its women, whom it suggests, certificates and
/// follow-ups), the form that registers or changes one, and a day's attendance sheet. The API's rules
/// (`TrainingService`): who runs training writes, the inspector reads.
struct TrainingPagesController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.courses.components, use: list)
        r.get(SiteURL.courseNew.components, use: newForm)
        r.post(SiteURL.courseNew.components, use: create)
        r.get(SiteURL.course(nil).components, use: show)
        r.get(SiteURL.courseEdit(nil).components, use: editForm)
        r.post(SiteURL.courseEdit(nil).components, use: edit)
        r.post(SiteURL.courseEnrol(nil).components, use: enrol)
        r.get(SiteURL.courseAttendance(nil).components, use: sheet)
        r.post(SiteURL.courseAttendance(nil).components, use: saveSheet)
        r.post(SiteURL.trainingComplete(nil).components, use: complete)
        r.post(SiteURL.trainingFollowup(nil).components, use: followup)
    }

    static func mayWrite(_ req: Request) throws -> Bool { TrainingAccess.writes(try req.actor.role) }

    func list(req: Request) async throws -> Response {
        try req.requireBrowse(.employment)
        let scoped = try req.scoped
        let unit = req.query[String.self, at: APIQuery.unit.rawValue].flatMap { $0.isEmpty ? nil : $0 }
        let (items, total) = try await scoped.courses(unit: unit, page: 1, per: 500)
        var enrolled: [UUID: Int] = [:]
        for c in items { enrolled[c.id!] = try await scoped.enrolledCount(c) }
        return TrainingViews.list(
            req, items, total: total, enrolled: enrolled, unitNames: try await scoped.unitNames(items.map(\.unitCode)),
            units: try await AccountsController.unitOptions(scoped), unit: unit ?? "", mayWrite: try Self.mayWrite(req),
            mayExport: try req.actor.can(.export))
    }

    func render(_ req: Request, _ course: Course?, typed: CoursePageForm, errors: [String: String], status: HTTPStatus) async throws
        -> Response
    {
        TrainingViews.editor(
            req, course, typed: typed, errors: errors, units: try await AccountsController.unitOptions(try req.scoped), status: status)
    }

    func newForm(req: Request) async throws -> Response {
        try TrainingAPIController.requireWrite(req)
        var f = CoursePageForm()
        f.unitCode = try req.query[String.self, at: APIQuery.unit.rawValue] ?? req.actor.unitCode
        f.capacity = "30"
        return try await render(req, nil, typed: f, errors: [:], status: .ok)
    }

    func create(req: Request) async throws -> Response {
        try TrainingAPIController.requireWrite(req)
        let f = try await req.form(CoursePageForm.self)
        do {
            let c = try await TrainingService.createCourse(f.input, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.course(c.recordID).path)
        } catch let e as FieldErrors {
            return try await render(req, nil, typed: f, errors: req.messages(e), status: .unprocessableEntity)
        }
    }

    func load(_ req: Request) async throws -> Course {
        guard let c = try await req.scoped.course(req.parameters.get("id")) else { throw Abort(.notFound) }
        return c
    }

    func show(req: Request) async throws -> Response {
        try req.requireBrowse(.employment)
        let flash = req.query[String.self, at: TrainingViews.savedKey] == Forms.on ? req.t("course.saved") : nil
        return try await page(req, try await load(req), errors: [:], flash: flash, status: .ok)
    }

    /// The course's page; a refused enrolment, certificate or follow-up comes back here with its message on top.
    func page(_ req: Request, _ c: Course, errors: [String: String], flash: String?, status: HTTPStatus) async throws -> Response {
        let scoped = try req.scoped
        let rows = try await TrainingAPIController.dtos(c, try await scoped.trainingEnrolments(c), scoped)
        let mayWrite = try Self.mayWrite(req)
        let found = mayWrite ? try await scoped.trainingCandidates(c) : []
        let suggested = TrainingCheck.suggestions(found.map { $0.candidate }, topic: c.topic)
        // The page names the women enrolled and suggested: a view of the course, in the trail.
        try await req.audit(AuditEvent(AuditAction.view, c.recordID, unit: c.unitCode))
        return TrainingViews.page(
            req, c,
            .init(
                unitNames: try await scoped.unitNames([c.unitCode] + rows.map(\.unitCode)), enrolments: rows,
                enrolled: try await scoped.enrolledCount(c), today: RegistryService.today(req.now).iso,
                suggestions: Array(suggested.prefix(TrainingViews.suggestionsShown)), heldDays: try await scoped.heldDays(c),
                errors: errors, flash: flash, mayWrite: mayWrite, mayExport: try req.actor.can(.export)),
            status: status)
    }

    func editForm(req: Request) async throws -> Response {
        try TrainingAPIController.requireWrite(req)
        let c = try await load(req)
        guard try req.scoped.inScope(c.unitCode) else { throw Abort(.notFound) }
        return try await render(req, c, typed: CoursePageForm(c), errors: [:], status: .ok)
    }

    func edit(req: Request) async throws -> Response {
        try TrainingAPIController.requireWrite(req)
        let c = try await load(req)
        let f = try await req.form(CoursePageForm.self)
        do {
            _ = try await TrainingService.updateCourse(c, f.input, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.course(c.recordID).path)
        } catch let e as FieldErrors {
            return try await render(req, c, typed: f, errors: req.messages(e), status: .unprocessableEntity)
        }
    }

    /// Runs a change from the course's page: back to the page with "saved", or the page again with the refusal.
    func change(_ req: Request, _ c: Course, _ work: () async throws -> Void) async throws -> Response {
        do {
            try await work()
            return req.redirect(to: SiteURL.course(c.recordID).with(query: [(TrainingViews.savedKey, Forms.on)]))
        } catch let e as FieldErrors {
            return try await page(req, c, errors: req.messages(e), flash: nil, status: .unprocessableEntity)
        } catch let e as ConflictError {
            return try await page(req, c, errors: [e.field: req.t(e.key)], flash: nil, status: .conflict)
        }
    }

    func enrol(req: Request) async throws -> Response {
        try TrainingAPIController.requireWrite(req)
        let c = try await load(req)
        let f = try await req.form(CourseEnrolPageForm.self)
        let scoped = try req.scoped
        return try await change(req, c) {
            _ = try await TrainingService.enrol(c, personId: f.personId, scoped: scoped, actor: req.auditActor, at: req.now)
        }
    }

    func loadEnrolment(_ req: Request) async throws -> (TrainingEnrolment, Course) {
        guard let found = try await req.scoped.trainingEnrolment(req.parameters.get("id")) else { throw Abort(.notFound) }
        return found
    }

    func complete(req: Request) async throws -> Response {
        try TrainingAPIController.requireWrite(req)
        let (e, c) = try await loadEnrolment(req)
        let f = try await req.form(CourseCompletePageForm.self)
        let scoped = try req.scoped
        return try await change(req, c) {
            _ = try await TrainingService.complete(
                e, c, certificateNo: f.certificateNo, scoped: scoped, actor: req.auditActor, at: req.now)
        }
    }

    func followup(req: Request) async throws -> Response {
        try TrainingAPIController.requireWrite(req)
        let (e, c) = try await loadEnrolment(req)
        let f = try await req.form(CourseFollowupPageForm.self)
        let scoped = try req.scoped
        return try await change(req, c) {
            _ = try await TrainingService.followup(e, f.input, scoped: scoped, actor: req.auditActor, at: req.now)
        }
    }

    /// The day asked for, or today within the course (its first or last day when today lies outside it).
    static func day(_ req: Request, _ c: Course, raw: String?) -> String {
        if let raw, let d = CivilDate(iso: raw.trimmingCharacters(in: .whitespaces)) { return d.iso }
        let today = RegistryService.today(req.now).iso
        return min(max(today, c.fromOn), c.toOn)
    }

    func sheet(req: Request) async throws -> Response {
        try req.requireBrowse(.employment)
        let c = try await load(req)
        let day = Self.day(req, c, raw: req.query[String.self, at: CourseAttendancePageForm.dateKey])
        let saved = req.query[String.self, at: TrainingViews.savedKey] == Forms.on
        try await req.audit(AuditEvent(AuditAction.view, c.recordID, unit: c.unitCode, detail: ["attendance": day]))
        return TrainingViews.sheet(
            req, c, try await TrainingAPIController.sheet(c, day: day, try req.scoped), errors: [:],
            flash: saved ? req.t("course.saved") : nil, mayWrite: try Self.mayWrite(req), status: .ok)
    }

    func saveSheet(req: Request) async throws -> Response {
        try TrainingAPIController.requireWrite(req)
        let c = try await load(req)
        let f = try await req.form(CourseAttendancePageForm.self)
        let day = Self.day(req, c, raw: f.date)
        let scoped = try req.scoped
        do {
            _ = try await TrainingService.saveAttendance(
                c, day: day, entries: f.entries, scoped: scoped, actor: req.auditActor, at: req.now)
            return req.redirect(
                to: SiteURL.courseAttendance(c.recordID).with(query: [
                    (CourseAttendancePageForm.dateKey, day), (TrainingViews.savedKey, Forms.on),
                ]))
        } catch let e as FieldErrors {
            return TrainingViews.sheet(
                req, c, try await TrainingAPIController.sheet(c, day: day, scoped), errors: req.messages(e), flash: nil, mayWrite: true,
                status: .unprocessableEntity)
        }
    }
}
