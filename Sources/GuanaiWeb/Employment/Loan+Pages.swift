import Fluent
import Vapor
import GuanaiCore

/// /loans: the portfolio and the list, the application (a woman found and picked in the jurisdiction), and the loan's
/// page with the next step, the repayments and the quarters' subsidies. The same `LoanService` and the same rules as
/// the API: whoever reads employment reads; each change only by the roles Core names.
struct LoanPagesController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.loans.components, use: list)
        r.get(Self.components(LoanURL.new), use: newForm)
        r.post(Self.components(LoanURL.new), use: apply)
        r.get(Self.components(LoanURL.loan(nil)), use: show)
        r.post(Self.components(LoanURL.steps(nil)), use: step)
        r.post(Self.components(LoanURL.repayments(nil)), use: repay)
        r.post(Self.components(LoanURL.subsidy(nil, from: nil, nil)), use: subsidy)
    }

    static func components(_ path: String) -> [PathComponent] { JobFairPagesController.components(path) }

    func list(req: Request) async throws -> Response {
        try req.requireBrowse(.employment)
        let scoped = try req.scoped
        let unit = try DonationAPIController.summaryUnit(req)
        let asked = req.query[String.self, at: "status"] ?? ""
        let status = LoanStatus(rawValue: asked)
        let (items, total) = try await scoped.loans(unit: unit, status: status, page: 1, per: 200)
        let names = try await LoanQueries.borrowerNames(items, on: scoped.db)
        return LoanViews.list(
            req, items, total: total, borrowers: names, portfolio: try await scoped.loanPortfolio(unit: unit),
            filter: (unit: req.query[String.self, at: "unit"] ?? "", status: status == nil ? "" : asked),
            units: try await AccountsController.unitOptions(scoped), unitNames: try await scoped.unitNames(items.map(\.unitCode)),
            mayApply: LoanAccess.mayApply(try req.actor.role), mayExport: try req.actor.can(.export))
    }

    static func requireApply(_ req: Request) throws {
        try req.requireBrowse(.employment)
        guard LoanAccess.mayApply(try req.actor.role) else { throw Abort(.forbidden) }
    }

    func newForm(req: Request) async throws -> Response {
        try Self.requireApply(req)
        var f = LoanApplicationPageForm()
        f.personId = req.query[String.self, at: "personId"]
        f.kind = req.query[String.self, at: "kind"]
        f.partnerIds = (req.query[String.self, at: "partnerIds"] ?? "").split(separator: ",").map(String.init)
        return try await render(req, typed: f, errors: [:], eligibility: nil, status: .ok)
    }

    /// The search (`q`) lists women of the jurisdiction; the chosen borrower and partners travel in the links.
    func render(
        _ req: Request, typed f: LoanApplicationPageForm, errors: [String: String], eligibility: LoanEligibilityDTO?, status: HTTPStatus
    ) async throws -> Response {
        let scoped = try req.scoped
        let q = (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces)
        let found = q.isEmpty ? [] : try await scoped.fairWomenMatching(q)
        var chosen: [UUID: Person] = [:]
        for raw in [f.personId ?? ""] + (f.partnerIds ?? []) {
            if let id = UUID(uuidString: raw.trimmingCharacters(in: .whitespaces)), let p = try await scoped.person(PersonID(id)) {
                chosen[id] = p
            }
        }
        return LoanViews.apply(
            req, typed: f, q: q, found: found, chosen: chosen, errors: errors, eligibility: eligibility,
            reveal: try req.actor.can(.revealID), status: status)
    }

    func apply(req: Request) async throws -> Response {
        try Self.requireApply(req)
        let f = try await req.form(LoanApplicationPageForm.self)
        let scoped = try req.scoped
        if f.check != nil {
            let e = try await LoansAPIController.judge(req, f.input)
            return try await render(req, typed: f, errors: [:], eligibility: e, status: .ok)
        }
        do {
            let l = try await LoanService.apply(f.input, scoped: scoped, by: try req.actor, actor: req.auditActor, at: req.now)
            return req.redirect(to: LoanURL.loan(l.id))
        } catch let e as FieldErrors {
            return try await render(req, typed: f, errors: req.messages(e), eligibility: nil, status: .unprocessableEntity)
        }
    }

    static func load(_ req: Request) async throws -> Loan { try await LoansAPIController.load(req) }

    func show(req: Request) async throws -> Response {
        try await render(req, try await Self.load(req), state: LoanPageState(), status: .ok)
    }

    /// Each view is on the trail, as the API's: a loan names a woman and her money.
    func render(_ req: Request, _ l: Loan, state: LoanPageState, status: HTTPStatus) async throws -> Response {
        let scoped = try req.scoped
        let actor = try req.actor
        let view = try await LoanView.load(l, scoped: scoped, today: RegistryService.today(req.now))
        try await AuditLog.append(AuditEvent(AuditAction.view, l.recordID, unit: l.unitCode), by: req.auditActor, at: req.now, on: req.db)
        let borrower = try await scoped.people([PersonID(l.personID)])[PersonID(l.personID)]
        let id = borrower?.idNumber.map { actor.can(.revealID) ? $0 : Masking.idNumber($0) }
        return LoanViews.page(
            req, view, borrowerID: id, unitName: try await scoped.unitNames([l.unitCode])[l.unitCode] ?? l.unitCode, actor: actor,
            state: state, today: RegistryService.today(req.now), status: status)
    }

    /// A refused form comes back on the loan's page with what was typed and a message by each field.
    func refused(_ req: Request, _ l: Loan, part: LoanPagePart, typed: [String: String], _ run: () async throws -> Void) async throws
        -> Response
    {
        do {
            try await run()
            return req.redirect(to: LoanURL.loan(l.id) + "#" + part.rawValue)
        } catch let e as FieldErrors {
            return try await render(
                req, l, state: LoanPageState(part: part, errors: req.messages(e), typed: typed), status: .unprocessableEntity)
        }
    }

    func step(req: Request) async throws -> Response {
        let l = try await Self.load(req)
        let actor = try req.actor
        guard LoanStep.allCases.contains(where: { $0.recordedBy.contains(actor.role) }) else { throw Abort(.forbidden) }
        let f = try await req.form(LoanStepPageForm.self)
        return try await refused(req, l, part: .steps, typed: Forms.typed(f)) {
            _ = try await LoanService.step(l, f.input, scoped: try req.scoped, by: actor, actor: req.auditActor, at: req.now)
        }
    }

    func repay(req: Request) async throws -> Response {
        let l = try await Self.load(req)
        guard LoanAccess.mayRecordRepayment(try req.actor.role) else { throw Abort(.forbidden) }
        let f = try await req.form(LoanRepaymentInput.self)
        return try await refused(req, l, part: .repayments, typed: Forms.typed(f)) {
            _ = try await LoanService.repay(
                l, f, source: "manual", scoped: try req.scoped, by: try req.actor, actor: req.auditActor, at: req.now)
        }
    }

    func subsidy(req: Request) async throws -> Response {
        let l = try await Self.load(req)
        guard LoanAccess.mayHandleSubsidy(try req.actor.role) else { throw Abort(.forbidden) }
        guard let target = req.parameters.get("action").flatMap(SubsidyAction.init(rawValue:)), let from = req.parameters.get("from")
        else { throw Abort(.notFound) }
        return try await refused(req, l, part: .subsidies, typed: ["from": from]) {
            try await LoanService.subsidy(
                l, from: from, to: target.status, scoped: try req.scoped, by: try req.actor, actor: req.auditActor, at: req.now)
        }
    }
}
