import GuanaiCore
import OpenAPIKit30

/// The routes of rights protection and mediation (issue 19).
extension OpenAPIDocument {
    static let rights: [APIRoute] = [
        APIRoute(
            method: .get, path: "/api/v1/rights/settings",
            summary: "The mediation deadline, reminder and escalation days, the follow-up visit interval, the break-glass hours",
            answer: .json(RightsSettingsInput.self)),
        APIRoute(
            method: .put, path: "/api/v1/rights/settings",
            summary: "Change any of the rights settings (city admin; audited); each out of range named",
            body: RightsSettingsInput.self, answer: .json(RightsSettingsInput.self), errors: [400, 401, 403, 422]),
        APIRoute(
            method: .get, path: "/api/v1/rights/stats",
            summary: "Counts for the unit (`unit` within the jurisdiction, else its own) and period (`from`, `to`; default this year): "
                + "cases received by category and channel, accepted, resolved (agreements) and the rate, median days from acceptance "
                + "to outcome, follow-up visits on time; rows one level down. Never a confidential field",
            query: [.unit, .from, .to], answer: .json(RightsStatsDTO.self), errors: [400, 401, 403, 422]),
        APIRoute(
            method: .get, path: "/api/v1/rights/cases",
            summary: "Case summaries of the jurisdiction (or `unit` within it), newest first; `status` narrows. Never a party's name, "
                + "the narrative or an agreement",
            query: APIQuery.paging + [.unit, .status], answer: .json(ListPage<RightsCaseSummaryDTO>.self)),
        APIRoute(
            method: .post, path: "/api/v1/rights/cases",
            summary: "Take a case in (city, township, village staff, justice bureau): one applicant at least; numbered per county and "
                + "year; the intake account is assigned",
            body: RightsCaseInput.self, status: 201, answer: .json(RightsCaseSummaryDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .get, path: "/api/v1/rights/cases/{id}",
            summary: "The case with its confidential part, to its assigned accounts, rights officers and break-glass readers (a view, "
                + "audited); others 403 `restricted`",
            answer: .json(RightsCaseDTO.self)),
        APIRoute(
            method: .post, path: "/api/v1/rights/cases/{id}/mediators",
            summary: "Name mediators (township or city staff, rights officers): staff of the case's township or village or the "
                + "justice bureau (422 `userIds[i]`); naming oneself needs `reason`",
            body: RightsMediatorsInput.self, answer: .json(RightsCaseDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/rights/cases/{id}/accept",
            summary: "Both parties consent: accepted, the deadline set; a refusal refers the case on with `advice` (422 `status` "
                + "unless received)",
            body: RightsAcceptInput.self, answer: .json(RightsCaseDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/rights/cases/{id}/decline", summary: "Decline a received case, with the reason",
            body: RightsReasonInput.self, answer: .json(RightsCaseDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/rights/cases/{id}/meetings",
            summary: "Record a mediation meeting (the first makes the case `mediating`)", body: RightsMeetingInput.self,
            answer: .json(RightsCaseDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/rights/cases/{id}/outcome",
            summary: "An oral or written agreement (a follow-up visit then due) or a failure with its referral and advice; "
                + "each missing part named",
            body: RightsOutcomeInput.self, answer: .json(RightsCaseDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/rights/cases/{id}/followups", summary: "A follow-up visit of the agreement: how it was kept",
            body: RightsFollowupInput.self, answer: .json(RightsCaseDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/rights/cases/{id}/close",
            summary: "Close a followed-up, failed, declined or referred case, with the reason (assigned accounts, rights officers)",
            body: RightsReasonInput.self, answer: .json(RightsCaseDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/rights/cases/{id}/safety",
            summary: "A domestic-violence case's safety plan (risk, plan, police report, warning letter, protection order), replacing "
                + "the last; a granted order's expiry reminds the mediators ahead",
            body: RightsSafetyInput.self, answer: .json(RightsCaseDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/rights/cases/{id}/child-reports",
            summary: "A child of the parties' household: file the mandatory report into the safety net (`seen`), or record declining "
                + "it (`declined`, `reason`); kept on the case (assigned accounts, rights officers)",
            body: RightsChildReportInput.self, status: 201, answer: .json(RightsChildReportDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/rights/cases/{id}/access",
            summary: "Break-glass: read the case for the configured hours, for a stated reason (township and city staff, justice "
                + "bureau); read-only, audited",
            body: RightsReasonInput.self, answer: .json(RightsAccessDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .get, path: "/api/v1/rights/cases/{id}/accesses",
            summary: "Who opened the case by break-glass or named herself mediator, why and until when (to those who may open it)",
            answer: .json(ListPage<RightsGrantDTO>.self)),
    ]
}
