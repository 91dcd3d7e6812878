import GuanaiCore
import OpenAPIKit30

/// The routes of women's development (issue 18): loans.
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
        APIRoute(
            method: .get, path: "/api/v1/loans/portfolio",
            summary: "Loans lent in the unit (`unit` within the jurisdiction, else its own): count, amount, outstanding, overdue amount "
                + "and rate (4 places), subsidy paid, women; rows one level down",
            query: [.unit], answer: .json(LoanPortfolioDTO.self)),
        APIRoute(
            method: .get, path: "/api/v1/loans", summary: "Loans of the jurisdiction (or `unit` within it), newest first; `status` narrows",
            query: APIQuery.paging + [.unit, .status], answer: .json(ListPage<LoanDTO>.self)),
        APIRoute(
            method: .post, path: "/api/v1/loans",
            summary: "Apply for a woman (village worker, township staff): judged as eligibility is, every failing field named; "
                + "`project` required; status `applied`",
            body: LoanApplicationInput.self, status: 201, answer: .json(LoanDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .get, path: "/api/v1/loans/{id}",
            summary: "A loan with its steps, schedule, repayments and quarterly subsidies (a view, audited)", answer: .json(LoanDTO.self)),
        APIRoute(
            method: .post, path: "/api/v1/loans/{id}/steps",
            summary: "The next step in order (recommend, hr_review, guarantee, bank_approval, disburse), never by the account behind "
                + "the last one (422 `step`); the bank's rate within LPR + cap (422 `rateBP`)",
            body: LoanStepInput.self, answer: .json(LoanDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/loans/{id}/repayments",
            summary: "Book a repayment on a disbursed loan (labour department, city admin); no more principal than is out",
            body: LoanRepaymentInput.self, status: 201, answer: .json(LoanDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/loans/{id}/subsidies/{from}/{action}",
            summary: "Claim a finished quarter's subsidy (`claim`) or mark it paid (`pay`, by another account than the claimant)",
            answer: .json(LoanDTO.self), errors: APIRoute.change),
    ]

    /// A woman's employment record (item 10).
    static let personEmployment: [APIRoute] = [
        APIRoute(
            method: .get, path: "/api/v1/people/{id}/employment",
            summary: "A woman's trainings (course, dates, attendance, certificate, follow-ups), fairs (attended, intents, hires, "
                + "follow-up) and loans (status, amount, outstanding, overdue), each in the caller's jurisdiction (a view, audited)",
            answer: .json(PersonEmploymentDTO.self))
    ]
}
