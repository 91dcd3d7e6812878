import Vapor
import GuanaiCore

/// `/api/v1/loans/…` (issue 18). This slice: the policy as data, read by whoever reads employment records and set by
/// a city admin.
struct LoansAPIController {
    func register(_ r: any RoutesBuilder) {
        r.get("loans", "policy", use: policy)
        r.put("loans", "policy", use: setPolicy)
        r.post("loans", "eligibility", use: eligibility)
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
        let input = try await req.json(LoanApplicationInput.self)
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
