import GuanaiCore
import OpenAPIKit30

/// One operation of /api/v1: what it reads and what it answers. The document is built from this table.
struct APIRoute: Sendable {
    enum Answer: Sendable {
        case json(any APISchema.Type)
        /// 204 and the like: a status, no body.
        case empty
        case csv
        /// A stored file of one of these media types.
        case file([String])
        /// The OpenAPI document itself.
        case document
    }

    let method: OpenAPI.BuiltinHttpMethod
    /// `{id}` and the like are path parameters.
    let path: String
    let summary: String
    var query: [APIQuery] = []
    var body: (any APISchema.Type)? = nil
    var bodyOptional = false
    /// A raw file body of one of these media types (a photo).
    var upload: [String] = []
    var status = 200
    var answer: Answer
    var errors: [Int] = APIRoute.read
    /// False: no bearer token needed (signing in, this document).
    var secured = true

    /// Reading one thing: malformed, not signed in, not allowed, not found.
    static let read = [400, 401, 403, 404]
    /// Changing one thing: and the body's fields failed the checks.
    static let change = read + [422]
}

/// The query parameters the lists read (`req.query`), by name.
enum APIQuery: String, Sendable {
    case page, per, q, sort, status, unit, parent, level, role, villageCode, category, exited, age, need, guardianAge, guardianHealth
    case tier, employmentInterest, healthInterest, interest, poverty, user, type, record, action, from, to, year, date, all
    case programme, campaign, overdue
    static let paging: [APIQuery] = [.page, .per]
}

extension OpenAPIDocument {
    static let jpegPNGWebP = ["image/jpeg", "image/png", "image/webp"]

    // Every route of /api/v1 with its body, answer and error codes, in the order the controllers register them.
    static let routes: [APIRoute] =
        sessionAndUnits + accounts + registry + pairing + safety + women + stations + stationDays
        + neighbours
        + donations
        + childrenEvents
        + employment
        + training
        + jobFairs
        + personEmployment
        + rights
        + health

    static let sessionAndUnits: [APIRoute] = [
        APIRoute(
            method: .post, path: "/api/v1/session", summary: "Sign in; returns a bearer token", body: SessionRequest.self, status: 201,
            answer: .json(SessionResponse.self), errors: [400, 401, 413, 422, 423], secured: false),
        APIRoute(method: .delete, path: "/api/v1/session", summary: "Sign out", status: 204, answer: .empty, errors: [401]),
        APIRoute(
            method: .post, path: "/api/v1/session/password", summary: "Change own password", body: PasswordChangeRequest.self, status: 204,
            answer: .empty, errors: [400, 401, 422]),
        APIRoute(method: .get, path: "/api/v1/openapi.json", summary: "This document", answer: .document, errors: [], secured: false),
        APIRoute(
            method: .get, path: "/api/v1/me", summary: "The signed-in account and what it may do", answer: .json(MeResponse.self),
            errors: [401]),
        APIRoute(
            method: .get, path: "/api/v1/units", summary: "Units in jurisdiction", query: APIQuery.paging + [.parent, .level, .q, .status],
            answer: .json(ListPage<UnitDTO>.self)),
        APIRoute(
            method: .post, path: "/api/v1/units", summary: "Add a unit absent from the statistical list (non-statistical code)",
            body: UnitCreateRequest.self, status: 201, answer: .json(UnitDTO.self), errors: APIRoute.change),
        APIRoute(method: .get, path: "/api/v1/units/export", summary: "Units as CSV", query: [.unit], answer: .csv),
        APIRoute(method: .get, path: "/api/v1/units/{code}", summary: "One unit", answer: .json(UnitDTO.self)),
        APIRoute(
            method: .patch, path: "/api/v1/units/{code}", summary: "Rename", body: UnitRenameRequest.self, answer: .json(UnitDTO.self),
            errors: APIRoute.change),
        APIRoute(
            method: .get, path: "/api/v1/units/{code}/history", summary: "Changes to a unit", answer: .json(ListPage<UnitChangeDTO>.self)),
        APIRoute(
            method: .post, path: "/api/v1/units/{code}/merge", summary: "Merge into another unit; records move",
            body: UnitMergeRequest.self,
            answer: .json(UnitDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/units/{code}/retire", summary: "Retire a unit nothing depends on", body: ReasonRequest.self,
            answer: .json(UnitDTO.self), errors: APIRoute.change),
    ]

    static let accounts: [APIRoute] = [
        APIRoute(
            method: .get, path: "/api/v1/accounts", summary: "Accounts in jurisdiction", query: APIQuery.paging + [.q, .role, .unit],
            answer: .json(ListPage<AccountDTO>.self)),
        APIRoute(
            method: .post, path: "/api/v1/accounts", summary: "Create an account with a one-time password", body: AccountCreateRequest.self,
            status: 201, answer: .json(AccountWithPassword.self), errors: [400, 401, 403, 409, 413, 422]),
        APIRoute(
            method: .get, path: "/api/v1/accounts/export", summary: "Accounts as CSV (phones masked)", query: [.q, .role, .unit],
            answer: .csv),
        APIRoute(method: .get, path: "/api/v1/accounts/{id}", summary: "One account (audited view)", answer: .json(AccountDTO.self)),
        APIRoute(method: .post, path: "/api/v1/accounts/{id}/disable", summary: "Disable", answer: .json(AccountDTO.self)),
        APIRoute(
            method: .put, path: "/api/v1/accounts/{id}/duties",
            summary: "Set an account's duties (city admin; rights_officer on city_admin or partner_justice, health_officer on city_admin)",
            body: DutiesInput.self, answer: .json(AccountDTO.self)),
        APIRoute(method: .post, path: "/api/v1/accounts/{id}/enable", summary: "Enable", answer: .json(AccountDTO.self)),
        APIRoute(
            method: .post, path: "/api/v1/accounts/{id}/reset-password", summary: "Reset password; forced change at next login",
            answer: .json(AccountWithPassword.self)),
        APIRoute(
            method: .post, path: "/api/v1/accounts/{id}/handover", summary: "Hand duties over to a new account", body: HandoverRequest.self,
            status: 201, answer: .json(AccountWithPassword.self), errors: [400, 401, 403, 404, 409, 422]),
        APIRoute(
            method: .post, path: "/api/v1/accounts/{id}/reveal-phone", summary: "Full phone number (audited)",
            answer: .json(RevealResponse.self)),
        APIRoute(
            method: .get, path: "/api/v1/audit", summary: "Search the audit trail",
            query: APIQuery.paging + [.user, .type, .record, .action, .from, .to], answer: .json(ListPage<AuditEntryDTO>.self)),
    ]

    static let registry: [APIRoute] = [
        APIRoute(
            method: .get, path: "/api/v1/children", summary: "Children in jurisdiction (ID numbers masked)",
            query: APIQuery.paging + [.villageCode, .category, .exited, .q, .age, .need, .guardianAge, .guardianHealth, .tier, .sort],
            answer: .json(ListPage<ChildSummaryDTO>.self)),
        APIRoute(
            method: .post, path: "/api/v1/children", summary: "Register a child with parents and guardian; classification computed",
            body: ChildInput.self, status: 201, answer: .json(ChildDTO.self), errors: [400, 401, 403, 409, 413, 422]),
        APIRoute(method: .get, path: "/api/v1/children/{id}", summary: "One child (audited view)", answer: .json(ChildDTO.self)),
        APIRoute(
            method: .patch, path: "/api/v1/children/{id}", summary: "Change a child's record; parent situations via father/mother",
            body: ChildPatch.self, answer: .json(ChildDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/children/{id}/void", summary: "Void a mistaken record with a reason (never deleted)",
            body: ReasonRequest.self, status: 204, answer: .empty, errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/children/{id}/merge",
            summary: "Merge a duplicate into the record that stays; both histories kept",
            body: MergeRequest.self, answer: .json(ChildDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/children/{id}/visits", summary: "Record a visit; the next due date follows from the tier",
            body: VisitInput.self, status: 201, answer: .json(VisitDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .get, path: "/api/v1/children/{id}/visits", summary: "The child's visits, newest first", query: APIQuery.paging,
            answer: .json(ListPage<VisitDTO>.self)),
        APIRoute(method: .get, path: "/api/v1/people/{id}", summary: "One person (audited view)", answer: .json(PersonDTO.self)),
        APIRoute(
            method: .patch, path: "/api/v1/people/{id}",
            summary: "Change a person (vital status, health …); linked children are reclassified",
            body: PersonPatch.self, answer: .json(PersonPatchResult.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/people/{id}/reveal", summary: "Full ID number and phone (audited)",
            answer: .json(PersonRevealDTO.self)),
    ]

    static let women: [APIRoute] = [
        APIRoute(
            method: .get, path: "/api/v1/women", summary: "Left-behind women in jurisdiction",
            query: APIQuery.paging + [.villageCode, .exited, .employmentInterest, .healthInterest, .interest, .need, .q, .sort],
            answer: .json(ListPage<WomanDTO>.self)),
        APIRoute(
            method: .post, path: "/api/v1/women", summary: "Register a left-behind woman", body: WomanInput.self, status: 201,
            answer: .json(WomanDTO.self), errors: [400, 401, 403, 409, 413, 422]),
        APIRoute(method: .get, path: "/api/v1/women/{id}", summary: "One woman (audited view)", answer: .json(WomanDTO.self)),
        APIRoute(
            method: .patch, path: "/api/v1/women/{id}", summary: "Change a woman's record", body: PatchOf<WomanInput>.self,
            answer: .json(WomanDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .get, path: "/api/v1/households", summary: "Households in jurisdiction",
            query: APIQuery.paging + [.villageCode, .poverty, .q],
            answer: .json(ListPage<HouseholdDTO>.self)),
        APIRoute(
            method: .post, path: "/api/v1/households", summary: "Create a household", body: HouseholdInput.self, status: 201,
            answer: .json(HouseholdDTO.self), errors: [400, 401, 403, 422]),
        APIRoute(
            method: .get, path: "/api/v1/households/{id}", summary: "One household with its members", answer: .json(HouseholdDTO.self)),
        APIRoute(
            method: .patch, path: "/api/v1/households/{id}", summary: "Change a household; a poverty change reclassifies its children",
            body: PatchOf<HouseholdInput>.self, answer: .json(HouseholdDTO.self), errors: APIRoute.change),
    ]
}
