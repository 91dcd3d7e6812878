import Fluent
import Vapor
import GuanaiCore

/// /health: counts and due lists for the staff who call women; follow-ups, their forms and the screening form for the
/// readers of results. The same `HealthService` and the same rules as the API.
/// Every field of a follow-up's three forms; each form sends its own.
struct HealthPartForm: Codable {
    var step: String?, date: String?, result: String?, stage: String?, on: String?, channel: String?, note: String?, reason: String?
}

struct HealthPagesController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.health.components, use: home)
        r.get(Self.components(HealthURL.due), use: due)
        r.get(Self.components(HealthURL.followups), use: followups)
        r.get(Self.components(HealthURL.indicators), use: indicators)
        r.get(Self.components(HealthURL.followup(nil)), use: followup)
        r.get(Self.components(HealthURL.newScreening), use: newScreening)
        r.post(Self.components(HealthURL.newScreening), use: screen)
        for part in HealthPagePart.allCases {
            r.post(Self.components(HealthURL.part(nil, part))) { req in try await self.post(req, part) }
        }
    }

    static func components(_ path: String) -> [PathComponent] { JobFairPagesController.components(path) }

    static func requireCounts(_ req: Request) throws {
        try req.requireBrowse(.health)
        guard HealthAccess.maySeeCounts(try req.actor.role) else { throw Abort(.forbidden) }
    }

    static func records(_ req: Request) throws -> Bool {
        try req.actor.canRead(.healthResult) && HealthAccess.mayRecordResults(try req.actor.role)
    }

    func home(req: Request) async throws -> Response {
        try Self.requireCounts(req)
        let counts = try await req.scoped.healthCounts(
            unit: req.query[String.self, at: "unit"], today: RegistryService.today(req.now), try await HealthSettingsStore.load(on: req.db))
        return HealthViews.home(req, counts, readsResults: try req.actor.canRead(.healthResult), records: try Self.records(req))
    }

    func due(req: Request) async throws -> Response {
        try Self.requireCounts(req)
        let page = try await HealthAPIController().due(req: req)
        let unit = req.query[String.self, at: "unit"] ?? ""
        return HealthViews.due(
            req, page, programme: (try? HealthAPIController.programme(req)) ?? .cervical, unit: unit,
            units: try await AccountsController.unitOptions(try req.scoped), records: try Self.records(req))
    }

    func indicators(req: Request) async throws -> Response {
        let d = try await HealthAPIController().indicators(req: req)
        return HealthViews.indicators(req, d, units: try await AccountsController.unitOptions(try req.scoped))
    }

    func followups(req: Request) async throws -> Response {
        let page = try await HealthAPIController().followups(req: req)
        return HealthViews.followups(
            req, page, status: req.query[String.self, at: "status"] ?? "", overdue: req.query[String.self, at: "overdue"] == "true",
            records: try Self.records(req))
    }

    func followup(req: Request) async throws -> Response {
        let f = try await HealthAPIController.loadFollowup(req)
        let flash = req.query[String.self, at: "saved"] == "1" ? req.t("hp.saved") : nil
        return try await render(req, f, state: HealthPageState(flash: flash), status: .ok)
    }

    /// The API's own detail, which puts the `view` on the trail.
    func render(_ req: Request, _ f: HealthFollowup, state: HealthPageState, status: HTTPStatus) async throws -> Response {
        try await HealthAPIController.viewed(f.recordID, unit: f.unitCode, req)
        return HealthViews.followup(
            req, try await HealthAPIController.detail(f, req), records: try Self.records(req), state: state, status: status)
    }

    /// Messages by field, a wrong step's allowed steps in words.
    static func messages(_ req: Request, _ e: FieldErrors) -> [String: String] {
        let words = FieldErrors(
            e.items.map { item in
                guard item.key == HealthPathway.stepError([]).key else { return item }
                let named = item.args.first?.split(separator: ",").map {
                    HealthViews.word(req.lang, "step", $0.trimmingCharacters(in: .whitespaces))
                }
                return FieldError(field: item.field, key: item.key, args: [named?.joined(separator: req.lang.t("list.sep")) ?? ""])
            })
        return req.messages(words)
    }

    func post(_ req: Request, _ part: HealthPagePart) async throws -> Response {
        let f = try await HealthAPIController.loadFollowup(req)
        try HealthAPIController.requireRecorder(req)
        let typed = Forms.typed(try await req.form(HealthPartForm.self))
        let actor = try req.actor
        do {
            switch part {
            case .steps:
                _ = try await HealthService.step(
                    f, HealthStepInput(step: typed["step"], date: typed["date"], result: typed["result"], stage: typed["stage"]), by: actor,
                    actor: req.auditActor, at: req.now, on: req.db)
            case .attempts:
                _ = try await HealthService.attempt(
                    f, HealthAttemptInput(on: typed["on"], channel: typed["channel"], note: typed["note"]), by: actor,
                    actor: req.auditActor,
                    at: req.now, on: req.db)
            case .lost:
                _ = try await HealthService.lost(
                    f, HealthLostInput(reason: typed["reason"]), actor: req.auditActor, at: req.now, on: req.db)
            }
            return req.redirect(to: HealthURL.followup(f.id!.uuidString) + "?saved=1")
        } catch let e as FieldErrors {
            let state = HealthPageState(
                part: part, step: part == .steps ? typed["step"] : nil, errors: Self.messages(req, e), typed: typed)
            return try await render(req, f, state: state, status: .unprocessableEntity)
        }
    }

    func newScreening(req: Request) async throws -> Response {
        try HealthAPIController.requireRecorder(req)
        var f = HealthScreeningPageForm()
        f.programme = req.query[String.self, at: "programme"]
        f.date = RegistryService.today(req.now).iso
        var name: String? = nil
        if let raw = req.query[String.self, at: "person"], let id = UUID(uuidString: raw),
            let p = try await req.scoped.person(PersonID(id))
        {
            (f.personId, name) = (raw, p.name)
        }
        let flash = req.query[String.self, at: "saved"] == "1" ? req.t("hp.normalNoFollowup") : nil
        return HealthViews.screeningForm(req, f, personName: name, errors: [:], flash: flash, status: .ok)
    }

    func screen(req: Request) async throws -> Response {
        try HealthAPIController.requireRecorder(req)
        let f = try await req.form(HealthScreeningPageForm.self)
        let scoped = try req.scoped
        var person: Person? = nil
        if let raw = f.personId, let id = UUID(uuidString: raw) {
            person = try await scoped.person(PersonID(id))
        } else {
            person = try await scoped.person(idNumber: f.idNumber)
        }
        do {
            let (_, followup) = try await HealthService.screen(
                f.input(personId: person?.id?.uuidString ?? f.personId), scoped: scoped, by: try req.actor, actor: req.auditActor,
                at: req.now)
            if let followup { return req.redirect(to: HealthURL.followup(followup.id!.uuidString) + "?saved=1") }
            return req.redirect(to: HealthURL.newScreening + "?saved=1")
        } catch let e as FieldErrors {
            var errors = Self.messages(req, e)
            if person == nil, let m = errors.removeValue(forKey: "personId") {
                // Typed but found nowhere in the jurisdiction: say so rather than "required".
                errors["idNumber"] = FormChecker().text(f.idNumber) == nil ? m : req.t("health.error.person")
            }
            return HealthViews.screeningForm(req, f, personName: person?.name, errors: errors, flash: nil, status: .unprocessableEntity)
        }
    }
}
