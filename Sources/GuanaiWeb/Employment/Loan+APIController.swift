import Vapor
import GuanaiCore

/// `/api/v1/loans/…` (issue 18): the policy as data, eligibility, applications and their steps, repayments, the
/// quarters' subsidies and the portfolio. Read by whoever reads employment records; each change by the roles Core names.
struct LoansAPIController {
    func register(_ r: any RoutesBuilder) {
        r.get("loans", "policy", use: policy)
        r.put("loans", "policy", use: setPolicy)
        r.post("loans", "eligibility", use: eligibility)
        r.get("loans", "portfolio", use: portfolio)
        r.get("loans", use: list)
        r.post("loans", use: apply)
        r.get("loans", ":id", use: show)
        r.post("loans", ":id", "steps", use: step)
        r.post("loans", ":id", "repayments", use: repay)
        r.post("loans", ":id", "subsidies", ":from", ":action", use: subsidy)
    }

    static func load(_ req: Request) async throws -> Loan {
        try req.requireBrowse(.employment)
        guard let l = try await req.scoped.loan(try req.parameters.id()) else { throw Abort(.notFound) }
        return l
    }

    static func dto(_ l: Loan, _ req: Request) async throws -> LoanDTO {
        try await LoanView.load(l, scoped: try req.scoped, today: RegistryService.today(req.now)).dto
    }

    func list(req: Request) async throws -> ListPage<LoanDTO> {
        try req.requireBrowse(.employment)
        let p = try PageParams(req)
        let status = req.query[String.self, at: "status"].flatMap(LoanStatus.init(rawValue:))
        let (items, total) = try await req.scoped.loans(unit: req.query[String.self, at: "unit"], status: status, page: p.page, per: p.per)
        var out: [LoanDTO] = []
        for l in items { out.append(try await Self.dto(l, req)) }
        return ListPage(items: out, page: p.page, per: p.per, total: total)
    }

    func apply(req: Request) async throws -> Response {
        try req.requireBrowse(.employment)
        guard LoanAccess.mayApply(try req.actor.role) else { throw Abort(.forbidden) }
        let l = try await LoanService.apply(
            try await req.json(LoanApplicationInput.self), scoped: try req.scoped, by: try req.actor, actor: req.auditActor, at: req.now)
        return try PairingAPIController().created(try await Self.dto(l, req))
    }

    /// Each view is on the trail: a loan names a woman and her money.
    func show(req: Request) async throws -> LoanDTO {
        let l = try await Self.load(req)
        try await AuditLog.append(AuditEvent(AuditAction.view, l.recordID, unit: l.unitCode), by: req.auditActor, at: req.now, on: req.db)
        return try await Self.dto(l, req)
    }

    func step(req: Request) async throws -> LoanDTO {
        let l = try await Self.load(req)
        let actor = try req.actor
        guard LoanStep.allCases.contains(where: { $0.recordedBy.contains(actor.role) }) else { throw Abort(.forbidden) }
        _ = try await LoanService.step(
            l, try await req.json(LoanStepInput.self), scoped: try req.scoped, by: actor, actor: req.auditActor, at: req.now)
        return try await Self.dto(l, req)
    }

    func repay(req: Request) async throws -> Response {
        let l = try await Self.load(req)
        guard LoanAccess.mayRecordRepayment(try req.actor.role) else { throw Abort(.forbidden) }
        _ = try await LoanService.repay(
            l, try await req.json(LoanRepaymentInput.self), source: "manual", scoped: try req.scoped, by: try req.actor,
            actor: req.auditActor, at: req.now)
        return try PairingAPIController().created(try await Self.dto(l, req))
    }

    /// `…/subsidies/{from}/claim` and `…/pay`.
    func subsidy(req: Request) async throws -> LoanDTO {
        let l = try await Self.load(req)
        guard LoanAccess.mayHandleSubsidy(try req.actor.role) else { throw Abort(.forbidden) }
        guard let target = req.parameters.get("action").flatMap(SubsidyAction.init(rawValue:)), let from = req.parameters.get("from")
        else { throw Abort(.notFound) }
        try await LoanService.subsidy(
            l, from: from, to: target.status, scoped: try req.scoped, by: try req.actor, actor: req.auditActor, at: req.now)
        return try await Self.dto(l, req)
    }

    func portfolio(req: Request) async throws -> LoanPortfolioDTO {
        try req.requireBrowse(.employment)
        let unit = try DonationAPIController.summaryUnit(req)
        return try await req.scoped.loanPortfolio(unit: unit)
    }

    func policy(req: Request) async throws -> LoanPolicyInput {
        try req.requireBrowse(.employment)
        return try await LoanPolicyStore.load(on: req.db).input
    }

    func setPolicy(req: Request) async throws -> LoanPolicyInput {
        try req.requireBrowse(.employment)
        try req.require(.editRules)
        return try await LoanPolicyStore.save(try await req.json(LoanPolicyInput.self), by: req.auditActor, at: req.now, on: req.db).input
    }
}

extension LoanApplicationInput: Content {}

/// The answer of `POST /api/v1/loans/eligibility`: nothing is saved.
struct LoanEligibilityDTO: Content {
    struct Reason: Content { let code: String, field: String, message: String }
    let eligible: Bool
    let maxAmount: String?
    let reasons: [Reason]
}

extension LoansAPIController {
    /// Whether a woman (and her partners) may borrow this, every reason said with its field, as the application will
    /// be judged. Loans are not recorded yet (a later slice), so no prior loan counts against her here.
    func eligibility(req: Request) async throws -> LoanEligibilityDTO {
        try req.requireBrowse(.employment)
        return try await Self.judge(req, try await req.json(LoanApplicationInput.self))
    }

    /// The API's answer and the application page's 核对资格 alike.
    static func judge(_ req: Request, _ input: LoanApplicationInput) async throws -> LoanEligibilityDTO {
        let scoped = try req.scoped
        let applicant = try await scoped.borrower(input.personId)
        var partners: [Borrower?] = []
        for id in input.partnerIds ?? [] { partners.append(try await scoped.borrower(id)) }
        let policy = try await LoanPolicyStore.load(on: req.db)
        let r = LoanRules.eligibility(
            input, applicant: applicant, partners: partners, policy: policy, today: RegistryService.today(req.now))
        let l = req.lang
        return LoanEligibilityDTO(
            eligible: r.eligible, maxAmount: r.maxAmount?.description,
            reasons: r.reasons.map {
                .init(code: $0.code, field: $0.field, message: l.t($0.code, $0.args.first ?? "", $0.args.dropFirst().first ?? ""))
            })
    }
}
