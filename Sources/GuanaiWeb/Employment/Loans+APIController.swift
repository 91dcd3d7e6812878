import Vapor
import GuanaiCore

/// `/api/v1/loans/…` (issue 18). This slice: the policy as data, read by whoever reads employment records and set by
/// a city admin.
struct LoansAPIController {
    func register(_ r: any RoutesBuilder) {
        r.get("loans", "policy", use: policy)
        r.put("loans", "policy", use: setPolicy)
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
