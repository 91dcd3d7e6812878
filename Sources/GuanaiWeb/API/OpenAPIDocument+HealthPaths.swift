import GuanaiCore
import OpenAPIKit30

/// The routes of 两癌 screening and follow-up (issue 20).
extension OpenAPIDocument {
    static let health: [APIRoute] = [
        APIRoute(
            method: .get, path: "/api/v1/health/settings",
            summary: "The programme's ages, intervals, follow-up deadlines and the early-diagnosis sets",
            answer: .json(HealthSettingsDTO.self)),
        APIRoute(
            method: .put, path: "/api/v1/health/settings",
            summary: "Change any of the health settings (city admin; audited); each number out of range and each bad list entry named",
            body: HealthSettingsInput.self, answer: .json(HealthSettingsDTO.self), errors: [400, 401, 403, 422]),
        APIRoute(
            method: .get, path: "/api/v1/health/counts",
            summary: "Counts without a result for the unit (`unit` within the jurisdiction, else its own) and one level down: women "
                + "screened this year, women due now, follow-ups open",
            query: [.unit], answer: .json(HealthCountsDTO.self), errors: [400, 401, 403]),
        APIRoute(
            method: .get, path: "/api/v1/health/due",
            summary: "Women due for `programme` (cervical by default): female, alive, rural, aged 35–64 and past the interval; dibao and "
                + "tekun first, then longest due. Phones masked",
            query: APIQuery.paging + [.unit, .programme], answer: .json(ListPage<HealthDueDTO>.self), errors: [400, 401, 403]),
        APIRoute(
            method: .get, path: "/api/v1/health/indicators",
            summary: "Screening rate, coverage, abnormal rate, follow-up completion and early-diagnosis rate per programme for the "
                + "unit (`unit` within the jurisdiction, else its own) and `year` (this year by default), each with its numerator, "
                + "denominator, value (null when the denominator is 0) and formula; rows one level down. Health department and "
                + "health officers",
            query: [.unit, .year], answer: .json(HealthIndicatorsDTO.self), errors: [400, 401, 403]),
        APIRoute(
            method: .get, path: "/api/v1/health/screenings",
            summary: "Screenings with their results (health department, health officers), newest first",
            query: APIQuery.paging + [.unit, .campaign], answer: .json(ListPage<HealthScreeningDTO>.self), errors: [400, 401, 403]),
        APIRoute(
            method: .post, path: "/api/v1/health/screenings",
            summary: "Record a screen (health department): the results its programme and method take, each missing or extra one "
                + "named; an abnormal screen opens a follow-up with its next step and due day",
            body: HealthScreeningInput.self, status: 201, answer: .json(HealthScreeningDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .get, path: "/api/v1/health/screenings/{id}", summary: "One screen with its results (a view, audited)",
            answer: .json(HealthScreeningDTO.self)),
        APIRoute(
            method: .get, path: "/api/v1/health/followups",
            summary: "Follow-ups, the earliest due first; `status` open or closed, `overdue=true` only those past their due day",
            query: APIQuery.paging + [.unit, .status, .overdue], answer: .json(ListPage<HealthFollowupDTO>.self),
            errors: [400, 401, 403]),
        APIRoute(
            method: .get, path: "/api/v1/health/followups/{id}",
            summary: "A follow-up with its screen, steps and attempts to reach her (a view, audited)",
            answer: .json(HealthFollowupDetailDTO.self)),
        APIRoute(
            method: .post, path: "/api/v1/health/followups/{id}/steps",
            summary: "Record the next step of the pathway with its result (a wrong step is 422 `step`, naming those allowed)",
            body: HealthStepInput.self, answer: .json(HealthFollowupDetailDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/health/followups/{id}/attempts", summary: "An attempt to reach her for the awaited step",
            body: HealthAttemptInput.self, answer: .json(HealthFollowupDetailDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/health/followups/{id}/lost",
            summary: "Lost to follow-up, with the reason, after two attempts at least (else 422 `reason`)",
            body: HealthLostInput.self, answer: .json(HealthFollowupDetailDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .get, path: "/api/v1/health/campaigns",
            summary: "Campaigns of the jurisdiction (or `unit` within it) and of the caller's township, with their progress: target, "
                + "invited, booked, attended, screened (each woman at the furthest stage she reached), rate, turnout",
            query: APIQuery.paging + [.unit, .year], answer: .json(ListPage<HealthCampaignDTO>.self), errors: [400, 401, 403]),
        APIRoute(
            method: .post, path: "/api/v1/health/campaigns",
            summary: "A township's campaign of one year (city, township, health department): programme, target, sites with their days",
            body: HealthCampaignInput.self, status: 201, answer: .json(HealthCampaignDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .get, path: "/api/v1/health/campaigns/{id}", summary: "A campaign with its progress",
            answer: .json(HealthCampaignDTO.self)),
        APIRoute(
            method: .get, path: "/api/v1/health/campaigns/{id}/invitations",
            summary: "The campaign's women in the jurisdiction and how far each got (phones masked)",
            query: APIQuery.paging, answer: .json(ListPage<HealthInvitationDTO>.self)),
        APIRoute(
            method: .post, path: "/api/v1/health/campaigns/{id}/invitations",
            summary: "Invite women due for a programme of the campaign (others 422 `personIds`, named); each new one gets an "
                + "invitation through the outbox, by name and phone",
            body: HealthInvitationInput.self, answer: .json(HealthInvitedDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/health/campaigns/{id}/appointments",
            summary: "Book a woman on one of a site's days (`site`, `date` named when the campaign does not hold them)",
            body: HealthAppointmentInput.self, answer: .json(HealthInvitationDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/health/campaigns/{id}/attendance",
            summary: "She came on one of the campaign's days (village workers too)", body: HealthAttendanceInput.self,
            answer: .json(HealthInvitationDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .get, path: "/api/v1/teams", summary: "Fitness and culture teams of the jurisdiction (or `unit` within it)",
            query: APIQuery.paging + [.unit], answer: .json(ListPage<HealthTeamDTO>.self), errors: [400, 401, 403]),
        APIRoute(
            method: .post, path: "/api/v1/teams",
            summary: "A township's or village's team (city, township, village staff): leader and members people of the jurisdiction",
            body: HealthTeamInput.self, status: 201, answer: .json(HealthTeamDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .get, path: "/api/v1/teams/{id}", summary: "A team with its members and activities", answer: .json(HealthTeamDTO.self)),
        APIRoute(
            method: .post, path: "/api/v1/teams/{id}/activities",
            summary: "An activity: its day (not after today), place and participants, a head count or the women by id",
            body: HealthTeamActivityInput.self, answer: .json(HealthTeamDTO.self), errors: APIRoute.change),
    ]
}
