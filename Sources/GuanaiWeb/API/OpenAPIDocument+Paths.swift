import Foundation
import GuanaiCore

/// Every route of /api/v1 with its body, answer and error codes.
extension OpenAPIDocument {
    nonisolated(unsafe) static let paths: J = [
        "/api/v1/session": [
            "post": op(
                "Sign in; returns a bearer token", body: "SessionRequest", ok: 201, schema: "SessionResponse",
                errs: [400, 401, 413, 422, 423], secured: false),
            "delete": op("Sign out", ok: 204, errs: [401]),
        ],
        "/api/v1/session/password": ["post": op("Change own password", body: "PasswordChangeRequest", ok: 204, errs: [400, 401, 422])],
        "/api/v1/openapi.json": [
            "get": [
                "summary": "This document", "security": [J](),
                "responses": [
                    "200": ["description": "OpenAPI 3 document", "content": ["application/json": ["schema": ["type": "object"]]]]
                ],
            ]
        ],
        "/api/v1/me": ["get": op("The signed-in account and what it may do", schema: "Me", errs: [401])],
        "/api/v1/units": [
            "get": op("Units in jurisdiction", schema: "UnitPage", params: paging + [q("parent"), q("level"), q("q"), q("status")]),
            "post": op(
                "Add a unit absent from the statistical list (non-statistical code)", body: "UnitCreateRequest", ok: 201, schema: "Unit",
                errs: [400, 401, 403, 404, 422]),
        ],
        "/api/v1/units/export": ["get": op("Units as CSV", csv: true, params: [q("unit")])],
        "/api/v1/units/{code}": [
            "get": op("One unit", schema: "Unit", params: [path("code")]),
            "patch": op("Rename", body: "UnitRenameRequest", schema: "Unit", params: [path("code")], errs: [400, 401, 403, 404, 422]),
        ],
        "/api/v1/units/{code}/history": ["get": op("Changes to a unit", schema: "UnitChangePage", params: [path("code")])],
        "/api/v1/units/{code}/merge": [
            "post": op(
                "Merge into another unit; records move", body: "UnitMergeRequest", schema: "Unit", params: [path("code")],
                errs: [400, 401, 403, 404, 422])
        ],
        "/api/v1/units/{code}/retire": [
            "post": op(
                "Retire a unit nothing depends on", body: "ReasonRequest", schema: "Unit", params: [path("code")],
                errs: [400, 401, 403, 404, 422])
        ],
        "/api/v1/accounts": [
            "get": op("Accounts in jurisdiction", schema: "AccountPage", params: paging + [q("q"), q("role"), q("unit")]),
            "post": op(
                "Create an account with a one-time password", body: "AccountCreateRequest", ok: 201, schema: "AccountWithPassword",
                errs: [400, 401, 403, 409, 413, 422]),
        ],
        "/api/v1/accounts/export": ["get": op("Accounts as CSV (phones masked)", csv: true, params: [q("q"), q("role"), q("unit")])],
        "/api/v1/accounts/{id}": ["get": op("One account (audited view)", schema: "Account", params: [path("id")])],
        "/api/v1/accounts/{id}/disable": ["post": op("Disable", schema: "Account", params: [path("id")])],
        "/api/v1/accounts/{id}/enable": ["post": op("Enable", schema: "Account", params: [path("id")])],
        "/api/v1/accounts/{id}/reset-password": [
            "post": op("Reset password; forced change at next login", schema: "AccountWithPassword", params: [path("id")])
        ],
        "/api/v1/accounts/{id}/handover": [
            "post": op(
                "Hand duties over to a new account", body: "HandoverRequest", ok: 201, schema: "AccountWithPassword", params: [path("id")],
                errs: [400, 401, 403, 404, 409, 422])
        ],
        "/api/v1/accounts/{id}/reveal-phone": ["post": op("Full phone number (audited)", schema: "Reveal", params: [path("id")])],
        "/api/v1/children": [
            "get": op(
                "Children in jurisdiction (ID numbers masked)", schema: "ChildPage",
                params: paging + [
                    q("villageCode"), q("category"), q("exited"), q("q"), q("age"), q("need"), q("guardianAge"), q("guardianHealth"),
                    q("tier"), q("sort"),
                ]),
            "post": op(
                "Register a child with parents and guardian; classification computed", body: "ChildInput", ok: 201, schema: "Child",
                errs: [400, 401, 403, 409, 413, 422]),
        ],
        "/api/v1/children/{id}": [
            "get": op("One child (audited view)", schema: "Child", params: [path("id")]),
            "patch": op(
                "Change a child's record; parent situations via father/mother", body: "ChildPatch", schema: "Child", params: [path("id")],
                errs: [400, 401, 403, 404, 422]),
        ],
        "/api/v1/children/{id}/void": [
            "post": op(
                "Void a mistaken record with a reason (never deleted)", body: "ReasonRequest", ok: 204, params: [path("id")],
                errs: [400, 401, 403, 404, 422])
        ],
        "/api/v1/children/{id}/merge": [
            "post": op(
                "Merge a duplicate into the record that stays; both histories kept", body: "ChildMergeRequest", schema: "Child",
                params: [path("id")], errs: [400, 401, 403, 404, 422])
        ],
        "/api/v1/children/{id}/visits": [
            "post": op(
                "Record a visit; the next due date follows from the tier", body: "VisitInput", ok: 201, schema: "Visit",
                params: [path("id")], errs: [400, 401, 403, 404, 422]),
            "get": op("The child's visits, newest first", schema: "VisitPage", params: [path("id")] + paging),
        ],
        "/api/v1/volunteers": [
            "post": op("Register a volunteer", body: "VolunteerInput", ok: 201, schema: "Volunteer", errs: [400, 401, 403, 409, 422]),
            "get": op(
                "Volunteers in the jurisdiction, with their open pairs (load)", schema: "VolunteerPage", params: paging + [q("unit")]),
        ],
        "/api/v1/volunteers/{id}": [
            "get": op("A volunteer (audited view)", schema: "Volunteer", params: [path("id")]),
            "patch": op(
                "Change phone, skills, capacity, availability, status, her linked account", body: "VolunteerPatch", schema: "Volunteer",
                params: [path("id")], errs: [400, 401, 403, 404, 422]),
        ],
        "/api/v1/volunteers/{id}/screening": [
            "post": op(
                "Confirm one screening step (township or city): identity, record_check, training, " + "conduct", body: "ScreeningInput",
                schema: "Volunteer", params: [path("id")], errs: [400, 401, 403, 404, 422])
        ],
        "/api/v1/pairs": [
            "post": op(
                "Propose a pair: a listed child without an open pair, a screened volunteer with " + "room", body: "PairInput", ok: 201,
                schema: "Pair", errs: [400, 401, 403, 404, 422]),
            "get": op("Pairs in the jurisdiction", schema: "PairPage", params: paging + [q("unit"), q("status")]),
        ],
        "/api/v1/pairs/{id}": ["get": op("A pair with its history", schema: "Pair", params: [path("id")])],
        "/api/v1/pairs/{id}/approve": [
            "post": op(
                "Approve a proposed pair (township or city); with startOn the pair starts that day, " + "else at the first contact",
                body: "PairApproveInput", bodyOptional: true, schema: "Pair", params: [path("id")], errs: [400, 401, 403, 404, 422])
        ],
        "/api/v1/pairs/{id}/pause": [
            "post": op(
                "Pause an active pair (it keeps its place in the volunteer's capacity)", body: "PairActionInput", schema: "Pair",
                params: [path("id")], errs: [400, 401, 403, 404, 422])
        ],
        "/api/v1/pairs/{id}/resume": [
            "post": op(
                "Resume a paused pair", body: "PairActionInput", schema: "Pair", params: [path("id")], errs: [400, 401, 403, 404, 422])
        ],
        "/api/v1/pairs/{id}/close": [
            "post": op(
                "Close with a reason and a note; the child goes back to the matching queue", body: "PairCloseInput", schema: "Pair",
                params: [path("id")], errs: [400, 401, 403, 404, 422])
        ],
        "/api/v1/pairs/{id}/reopen": [
            "post": op(
                "Reopen a closed pair straight to active (township or city)", body: "PairActionInput", schema: "Pair", params: [path("id")],
                errs: [400, 401, 403, 404, 422])
        ],
        "/api/v1/pairs/{id}/contacts": [
            "post": op(
                "Record a contact (the first one starts an approved pair)", body: "ContactInput", ok: 201, schema: "Contact",
                params: [path("id")], errs: [400, 401, 403, 404, 422]),
            "get": op("The pair's contacts, newest first", schema: "ContactPage", params: [path("id")]),
        ],
        "/api/v1/pairs/{id}/checkins": [
            "post": op(
                "Record a staff check-in with the volunteer or the guardian (not her service hours)", body: "CheckinInput", ok: 201,
                schema: "Checkin", params: [path("id")], errs: [400, 401, 403, 404, 422]),
            "get": op("The pair's staff check-ins, newest first", schema: "CheckinPage", params: [path("id")]),
        ],
        "/api/v1/pairing/cadence": [
            "get": op("The contact cadence and reminder days", schema: "Cadence"),
            "put": op(
                "Change the contact cadence (city admin; audited; applied at the next sweep)", body: "Cadence", schema: "Cadence",
                errs: [400, 401, 403, 422]),
        ],
        "/api/v1/my/children": [
            "get": op(
                "A volunteer's own children (approved, active and paused pairs): given name, age, "
                    + "school, guardian's phone, needs, recent contacts — nothing else", schema: "DeskChildPage")
        ],
        "/api/v1/my/pairs/{id}/contacts": [
            "post": op(
                "A volunteer records a contact with her own child", body: "ContactInput", ok: 201, schema: "Contact", params: [path("id")],
                errs: [400, 401, 403, 404, 422])
        ],
        "/api/v1/my/pairs/{id}/concerns": [
            "post": op(
                "A volunteer raises a concern about her child: it is filed as a mandatory report", body: "ConcernInput", ok: 201,
                schema: "Concern", params: [path("id")], errs: [400, 401, 403, 404, 422])
        ],
        "/api/v1/pairing/suggestions": [
            "post": op(
                "Optimal suggestions for a unit: unpaired listed children and screened volunteers "
                    + "of its township with room, at least total cost (distance, skills, tier penalties)", body: "SuggestionsInput",
                schema: "Suggestions", errs: [400, 401, 403, 422])
        ],
        "/api/v1/campaigns": [
            "get": op("Pilot campaigns in the jurisdiction, newest launch first", schema: "CampaignPage", params: paging),
            "post": op(
                "Record a pilot campaign (township or city): a village or township, its launch meeting's " + "date", body: "CampaignInput",
                ok: 201, schema: "Campaign", errs: [400, 401, 403, 422]),
        ],
        "/api/v1/campaigns/{id}": [
            "get": op(
                "A campaign with its progress (children paired, contacts on time, pairs closed since " + "launch) and its volunteers",
                schema: "CampaignDetail", params: [path("id")])
        ],
        "/api/v1/campaigns/{id}/volunteers": [
            "post": op(
                "Add a volunteer of the campaign's township who signed up", body: "CampaignVolunteerInput", ok: 201,
                schema: "CampaignDetail", params: [path("id")], errs: [400, 401, 403, 404, 422])
        ],
        "/api/v1/visits/{id}/photos": [
            "post": op(
                "Add a photo to a visit (JPEG, PNG or WebP, 8 MB at most, 3 per visit); the body " + "is the image", ok: 201,
                schema: "Visit",
                consumes: ["image/jpeg", "image/png", "image/webp"], params: [path("id")], errs: [400, 401, 403, 404, 413, 422])
        ],
        "/api/v1/visits/{id}/photos/{n}": [
            "get": op(
                "One photo of a visit (audited view)", produces: ["image/jpeg", "image/png", "image/webp"], params: [path("id"), path("n")])
        ],
        "/api/v1/alerts": [
            "get": op(
                "The caller's inbox: alerts delivered to this account, open first", schema: "AlertPage", params: paging + [q("status")])
        ],
        "/api/v1/alerts/{id}/acknowledge": ["post": op("Acknowledge an alert (any recipient)", schema: "Alert", params: [path("id")])],
        "/api/v1/alerts/{id}/plan": [
            "post": op(
                "Record the response plan", body: "AlertPlan", schema: "Alert", params: [path("id")], errs: [400, 401, 403, 404, 422])
        ],
        "/api/v1/alerts/{id}/resolve": [
            "post": op(
                "Resolve: needs acknowledgement, a visit since the alert and a plan", body: "AlertResolve", schema: "Alert",
                params: [path("id")], errs: [400, 401, 403, 404, 422])
        ],
        "/api/v1/reports": [
            "post": op(
                "File a mandatory report; the child becomes critical and an alert is raised", body: "ReportInput", ok: 201,
                schema: "Report", errs: [400, 401, 403, 404, 422])
        ],
        "/api/v1/reports/{id}": ["get": op("A report with its response steps (audited view)", schema: "Report", params: [path("id")])],
        "/api/v1/reports/{id}/steps": [
            "post": op(
                "Record a response step: emergency action, assessment, support plan, guardianship " + "intervention",
                body: "ReportStepInput", schema: "Report", params: [path("id")], errs: [400, 401, 403, 404, 422])
        ],
        "/api/v1/reports/{id}/close": [
            "post": op(
                "Close the case; every step needs an entry first", schema: "Report", params: [path("id")], errs: [400, 401, 403, 404, 422])
        ],
        "/api/v1/people/{id}": [
            "get": op("One person (audited view)", schema: "Person", params: [path("id")]),
            "patch": op(
                "Change a person (vital status, health …); linked children are reclassified", body: "PersonPatch",
                schema: "PersonPatchResult", params: [path("id")], errs: [400, 401, 403, 404, 422]),
        ],
        "/api/v1/people/{id}/reveal": ["post": op("Full ID number and phone (audited)", schema: "PersonReveal", params: [path("id")])],
        "/api/v1/women": [
            "get": op(
                "Left-behind women in jurisdiction", schema: "WomanPage",
                params: paging + [
                    q("villageCode"), q("exited"), q("employmentInterest"), q("healthInterest"), q("interest"), q("need"), q("q"),
                    q("sort"),
                ]),
            "post": op("Register a left-behind woman", body: "WomanInput", ok: 201, schema: "Woman", errs: [400, 401, 403, 409, 413, 422]),
        ],
        "/api/v1/women/{id}": [
            "get": op("One woman (audited view)", schema: "Woman", params: [path("id")]),
            "patch": op(
                "Change a woman's record", body: "WomanPatch", schema: "Woman", params: [path("id")], errs: [400, 401, 403, 404, 422]),
        ],
        "/api/v1/households": [
            "get": op("Households in jurisdiction", schema: "HouseholdPage", params: paging + [q("villageCode"), q("poverty"), q("q")]),
            "post": op("Create a household", body: "HouseholdInput", ok: 201, schema: "Household", errs: [400, 401, 403, 422]),
        ],
        "/api/v1/households/{id}": [
            "get": op("One household with its members", schema: "Household", params: [path("id")]),
            "patch": op(
                "Change a household; a poverty change reclassifies its children", body: "HouseholdPatch", schema: "Household",
                params: [path("id")], errs: [400, 401, 403, 404, 422]),
        ],
        "/api/v1/audit": [
            "get": op(
                "Search the audit trail", schema: "AuditPage",
                params: paging + [q("user"), q("type"), q("record"), q("action"), q("from"), q("to")])
        ],
    ]
}
