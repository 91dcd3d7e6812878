import GuanaiCore
import OpenAPIKit30

/// The routes of pairing (volunteers, pairs, the volunteer's desk, campaigns) and of the safety net (visits' photos,
/// alerts, mandatory reports).
extension OpenAPIDocument {
    static let pairing: [APIRoute] = [
        APIRoute(
            method: .post, path: "/api/v1/volunteers", summary: "Register a volunteer", body: VolunteerInput.self, status: 201,
            answer: .json(VolunteerDTO.self), errors: [400, 401, 403, 409, 422]),
        APIRoute(
            method: .get, path: "/api/v1/volunteers", summary: "Volunteers in the jurisdiction, with their open pairs (load)",
            query: APIQuery.paging + [.unit], answer: .json(ListPage<VolunteerDTO>.self)),
        APIRoute(method: .get, path: "/api/v1/volunteers/{id}", summary: "A volunteer (audited view)", answer: .json(VolunteerDTO.self)),
        APIRoute(
            method: .patch, path: "/api/v1/volunteers/{id}",
            summary: "Change phone, skills, capacity, availability, status, her linked account",
            body: PatchOf<VolunteerInput>.self, answer: .json(VolunteerDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/volunteers/{id}/screening",
            summary: "Confirm one screening step (township or city): " + ScreeningStep.allCases.map(\.rawValue).joined(separator: ", "),
            body: ScreeningInput.self, answer: .json(VolunteerDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/pairs",
            summary: "Propose a pair: a listed child without an open pair, a screened volunteer with room",
            body: PairInput.self, status: 201, answer: .json(PairDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .get, path: "/api/v1/pairs", summary: "Pairs in the jurisdiction", query: APIQuery.paging + [.unit, .status],
            answer: .json(ListPage<PairDTO>.self)),
        APIRoute(method: .get, path: "/api/v1/pairs/{id}", summary: "A pair with its history", answer: .json(PairDTO.self)),
        APIRoute(
            method: .post, path: "/api/v1/pairs/{id}/approve",
            summary: "Approve a proposed pair (township or city); with startOn the pair starts that day, else at the first contact",
            body: PairApproveBody.self, bodyOptional: true, answer: .json(PairDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/pairs/{id}/pause",
            summary: "Pause an active pair (it keeps its place in the volunteer's capacity)",
            body: PairActionInput.self, answer: .json(PairDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/pairs/{id}/resume", summary: "Resume a paused pair", body: PairActionInput.self,
            answer: .json(PairDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/pairs/{id}/close",
            summary: "Close with a reason and a note; the child goes back to the matching queue",
            body: PairCloseBody.self, answer: .json(PairDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/pairs/{id}/reopen", summary: "Reopen a closed pair straight to active (township or city)",
            body: PairActionInput.self, answer: .json(PairDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/pairs/{id}/contacts", summary: "Record a contact (the first one starts an approved pair)",
            body: ContactInput.self, status: 201, answer: .json(ContactDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .get, path: "/api/v1/pairs/{id}/contacts", summary: "The pair's contacts, newest first",
            answer: .json(ListPage<ContactDTO>.self)),
        APIRoute(
            method: .post, path: "/api/v1/pairs/{id}/checkins",
            summary: "Record a staff check-in with the volunteer or the guardian (not her service hours)", body: CheckinInput.self,
            status: 201, answer: .json(CheckinDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .get, path: "/api/v1/pairs/{id}/checkins", summary: "The pair's staff check-ins, newest first",
            answer: .json(ListPage<CheckinDTO>.self)),
        APIRoute(
            method: .get, path: "/api/v1/pairing/cadence", summary: "The contact cadence and reminder days",
            answer: .json(ContactCadenceRules.self)),
        APIRoute(
            method: .put, path: "/api/v1/pairing/cadence",
            summary: "Change the contact cadence (city admin; audited; applied at the next sweep)",
            body: ContactCadenceRules.self, answer: .json(ContactCadenceRules.self), errors: [400, 401, 403, 422]),
        APIRoute(
            method: .post, path: "/api/v1/pairing/suggestions",
            summary: "Optimal suggestions for a unit: unpaired listed children and screened volunteers of its township with room, "
                + "at least total cost (distance, skills, tier penalties)",
            body: PairingAPIController.SuggestionsInput.self, answer: .json(SuggestionsDTO.self), errors: [400, 401, 403, 422]),
        APIRoute(
            method: .get, path: "/api/v1/my/children",
            summary: "A volunteer's own children (approved, active and paused pairs): given name, age, school, guardian's phone, "
                + "needs, recent contacts — nothing else", answer: .json(ListPage<DeskChild>.self)),
        APIRoute(
            method: .post, path: "/api/v1/my/pairs/{id}/contacts", summary: "A volunteer records a contact with her own child",
            body: ContactInput.self, status: 201, answer: .json(ContactDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/my/pairs/{id}/concerns",
            summary: "A volunteer raises a concern about her child: it is filed as a mandatory report",
            body: DeskAPIController.ConcernInput.self, status: 201, answer: .json(DeskAPIController.ConcernDTO.self),
            errors: APIRoute.change),
        APIRoute(
            method: .get, path: "/api/v1/campaigns", summary: "Pilot campaigns in the jurisdiction, newest launch first",
            query: APIQuery.paging,
            answer: .json(ListPage<CampaignDTO>.self)),
        APIRoute(
            method: .post, path: "/api/v1/campaigns",
            summary: "Record a pilot campaign (township or city): a village or township, its launch meeting's date",
            body: CampaignInput.self, status: 201, answer: .json(CampaignDTO.self), errors: [400, 401, 403, 422]),
        APIRoute(
            method: .get, path: "/api/v1/campaigns/{id}",
            summary: "A campaign with its progress (children paired, contacts on time, pairs closed since launch) and its volunteers",
            answer: .json(CampaignDetailDTO.self)),
        APIRoute(
            method: .post, path: "/api/v1/campaigns/{id}/volunteers", summary: "Add a volunteer of the campaign's township who signed up",
            body: CampaignVolunteerInput.self, status: 201, answer: .json(CampaignDetailDTO.self), errors: APIRoute.change),
    ]

    static let safety: [APIRoute] = [
        APIRoute(
            method: .post, path: "/api/v1/visits/{id}/photos",
            summary: "Add a photo to a visit (JPEG, PNG or WebP, 8 MB at most, 3 per visit); the body is the image",
            upload: jpegPNGWebP, status: 201, answer: .json(VisitDTO.self), errors: [400, 401, 403, 404, 413, 422]),
        APIRoute(
            method: .get, path: "/api/v1/visits/{id}/photos/{n}", summary: "One photo of a visit (audited view)", answer: .file(jpegPNGWebP)
        ),
        APIRoute(
            method: .get, path: "/api/v1/alerts", summary: "The caller's inbox: alerts delivered to this account, open first",
            query: APIQuery.paging + [.status], answer: .json(ListPage<AlertDTO>.self)),
        APIRoute(
            method: .post, path: "/api/v1/alerts/{id}/acknowledge", summary: "Acknowledge an alert (any recipient)",
            answer: .json(AlertDTO.self)),
        APIRoute(
            method: .post, path: "/api/v1/alerts/{id}/plan", summary: "Record the response plan", body: AlertPlanBody.self,
            answer: .json(AlertDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/alerts/{id}/resolve",
            summary: "Resolve: needs acknowledgement, a visit since the alert and a plan",
            body: AlertResolveBody.self, answer: .json(AlertDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/reports", summary: "File a mandatory report; the child becomes critical and an alert is raised",
            body: ReportInput.self, status: 201, answer: .json(ReportDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .get, path: "/api/v1/reports/{id}", summary: "A report with its response steps (audited view)",
            answer: .json(ReportDTO.self)),
        APIRoute(
            method: .post, path: "/api/v1/reports/{id}/steps",
            summary: "Record a response step: emergency action, assessment, support plan, guardianship intervention",
            body: ReportStepInput.self, answer: .json(ReportDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/reports/{id}/close", summary: "Close the case; every step needs an entry first",
            answer: .json(ReportDTO.self), errors: APIRoute.change),
    ]
}
