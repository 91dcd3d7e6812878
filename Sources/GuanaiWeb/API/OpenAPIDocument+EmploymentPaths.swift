import GuanaiCore
import OpenAPIKit30

/// The routes of women's development (issue 18): so far the loan policy.
extension OpenAPIDocument {
    static let employment: [APIRoute] = [
        APIRoute(
            method: .get, path: "/api/v1/loans/policy",
            summary: "The guaranteed start-up loan policy: limits, term, rate cap and subsidy, loans per woman, ages, the dated LPR list",
            answer: .json(LoanPolicyInput.self)),
        APIRoute(
            method: .put, path: "/api/v1/loans/policy",
            summary: "Set the loan policy (city admin; audited); every field, each bad one named",
            body: LoanPolicyInput.self, answer: .json(LoanPolicyInput.self), errors: [400, 401, 403, 422]),
        APIRoute(
            method: .post, path: "/api/v1/loans/eligibility",
            summary: "Whether a woman (and partners) may borrow this amount for this term: every reason with its field; nothing saved",
            body: LoanApplicationInput.self, answer: .json(LoanEligibilityDTO.self), errors: [400, 401, 403]),
    ]
}
