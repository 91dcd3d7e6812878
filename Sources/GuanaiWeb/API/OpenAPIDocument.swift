import Foundation
import GuanaiCore

/// The OpenAPI 3 description of /api/v1. Tests check that every registered API route is here and that real
/// responses match the schemas, so this file cannot quietly fall behind the code.
enum OpenAPIDocument {
    typealias J = [String: Any]

    static func ref(_ name: String) -> J { ["$ref": "#/components/schemas/\(name)"] }
    static func str(_ nullable: Bool = false, enumValues: [String]? = nil) -> J {
        var s: J = ["type": "string"]
        if nullable { s["nullable"] = true }
        if let e = enumValues { s["enum"] = e }
        return s
    }
    nonisolated(unsafe) static let int: J = ["type": "integer"]
    nonisolated(unsafe) static let bool: J = ["type": "boolean"]
    static func obj(_ props: [String: J], required: [String]? = nil) -> J {
        ["type": "object", "properties": props, "required": required ?? Array(props.keys).sorted(), "additionalProperties": false]
    }
    static func array(_ items: J) -> J { ["type": "array", "items": items] }
    static func page(_ item: String) -> J {
        obj(["items": array(ref(item)), "page": int, "per": int, "total": int])
    }

    nonisolated(unsafe) static let schemas: J = [
        "Error": obj([
            "error": obj(
                [
                    "code": str(), "message": str(),
                    "fields": array(obj(["field": str(), "message": str()])),
                    "existingId": str(),
                ], required: ["code", "message"])
        ]),
        "Unit": obj(
            [
                "code": str(), "name": str(), "officialName": str(), "kind": str(),
                "level": str(enumValues: ["province", "city", "county", "township", "village"]),
                "parentCode": str(true), "statistical": bool, "status": str(enumValues: ["active", "retired"]), "mergedInto": str(true),
            ],
            required: ["code", "name", "officialName", "kind", "level", "statistical", "status"]),
        "UnitPage": page("Unit"),
        "UnitChange": obj(["change": str(), "detail": str(), "reason": str(), "actor": str(), "at": str()]),
        "UnitChangePage": page("UnitChange"),
        "Account": obj(
            [
                "id": str(), "username": str(), "displayName": str(),
                "role": str(enumValues: [
                    "city_admin", "township_staff", "village_worker", "volunteer", "partner_health", "partner_hr", "partner_justice",
                    "inspector",
                ]),
                "unitCode": str(), "phone": str(true), "disabled": bool, "locked": bool, "mustChangePassword": bool,
                "successorId": str(true), "createdAt": str(),
            ],
            required: ["id", "username", "displayName", "role", "unitCode", "disabled", "locked", "mustChangePassword", "createdAt"]),
        "AccountPage": page("Account"),
        "AccountWithPassword": obj(["account": ref("Account"), "oneTimePassword": str()]),
        "AuditEntry": obj(
            [
                "seq": int, "at": str(), "actorId": str(true), "actorName": str(), "ip": str(), "unitCode": str(), "action": str(),
                "recordType": str(), "recordId": str(), "changes": str(), "hash": str(),
            ],
            required: ["seq", "at", "actorName", "ip", "unitCode", "action", "recordType", "recordId", "changes", "hash"]),
        "AuditPage": page("AuditEntry"),
        "SessionRequest": obj(["username": str(), "password": str()]),
        "SessionResponse": obj(["token": str(), "account": ref("Account"), "idleTimeoutSeconds": int]),
        "PasswordChangeRequest": obj(["current": str(), "new": str()]),
        "Me": obj(["account": ref("Account"), "permissions": array(str()), "readable": array(str())]),
        "Reveal": obj(["field": str(), "value": str()]),
        "UnitCreateRequest": obj(["parentCode": str(), "name": str(), "reason": str()]),
        "UnitRenameRequest": obj(["name": str(), "reason": str()]),
        "UnitMergeRequest": obj(["into": str(), "reason": str()]),
        "ReasonRequest": obj(["reason": str()]),
        "AccountCreateRequest": obj(
            ["username": str(), "displayName": str(), "role": str(), "unitCode": str(), "phone": str()],
            required: ["username", "displayName", "role", "unitCode"]),
        "HandoverRequest": obj(["username": str(), "displayName": str(), "phone": str()], required: ["username", "displayName"]),
        "Reason": obj(["code": str(), "message": str()]).merging([
            "description": "A stable code and its sentence in the request's language (Accept-Language; Chinese " + "when absent)."
        ]) { a, _ in a },
        "Classification": obj([
            "leftBehind": bool,
            "categories": array(
                str(enumValues: [
                    "left_behind", "orphan", "de_facto_unsupported", "difficulty_poverty", "difficulty_disability",
                    "difficulty_guardianship",
                ])), "reasons": array(ref("Reason")),
        ]),
        "Parent": obj(
            [
                "id": str(true), "name": str(), "idNumber": str(true), "situation": str(enumValues: situations),
                "effectiveSituation": str(enumValues: situations),
                "workPlace": str(true), "since": str(true), "phone": str(true),
                "vitalStatus": str(enumValues: ["alive", "deceased", "missing"]), "health": str(enumValues: healths),
            ],
            required: ["name", "situation", "effectiveSituation", "vitalStatus", "health"]),
        "Guardian": obj(
            [
                "id": str(), "name": str(), "idNumber": str(true), "birthDate": str(true), "age": ["type": "integer", "nullable": true],
                "relation": str(enumValues: relations),
                "health": str(enumValues: healths), "vitalStatus": str(), "phone": str(true),
            ], required: ["id", "name", "relation", "health", "vitalStatus"]),
        "Child": obj(
            [
                "id": str(), "personId": str(), "name": str(), "idNumber": str(), "sex": str(), "birthDate": str(), "age": int,
                "villageCode": str(), "hukou": str(),
                "ethnicity": str(true), "health": str(), "householdId": str(true), "school": str(true), "grade": str(true),
                "boarding": bool,
                "father": nullable(ref("Parent")), "mother": nullable(ref("Parent")), "guardian": nullable(ref("Guardian")),
                "livingArrangement": str(enumValues: ["with_parent", "with_guardian", "with_siblings_only", "alone"]),
                "needs": array(str()),
                "improperGuardianship": bool, "improperNote": str(true), "informedOn": str(true), "consent": bool,
                "classification": ref("Classification"),
                "status": str(enumValues: ["active", "exited"]), "exitedOn": str(true), "exitReason": str(true), "createdAt": str(),
                "updatedAt": str(),
                "riskTier": str(true, enumValues: ["critical", "high", "medium", "normal"]), "riskReasons": array(ref("Reason")),
                "nextVisitDue": str(true), "lastVisitOn": str(true),
            ],
            required: [
                "id", "personId", "name", "idNumber", "sex", "birthDate", "age", "villageCode", "hukou", "health", "boarding",
                "livingArrangement", "needs",
                "improperGuardianship", "consent", "classification", "status", "createdAt", "updatedAt", "riskReasons",
            ]),
        "VisitInput": obj(
            [
                "date": str(), "mode": str(enumValues: ["home", "phone", "video", "station"]),
                "checklist": obj(
                    Dictionary(uniqueKeysWithValues: VisitCheck.allCases.map { ($0.rawValue, str(enumValues: ["ok", "concern"])) }),
                    required: []),
                "notes": str(),
            ], required: ["mode"]),
        "Visit": obj(
            [
                "id": str(), "childId": str(), "date": str(), "mode": str(),
                "checklist": ["type": "object", "additionalProperties": str()], "notes": str(), "by": str(), "createdAt": str(),
                "photos": array(str()),
            ],
            required: ["id", "childId", "date", "mode", "checklist", "notes", "by", "createdAt"]),
        "Alert": obj(
            [
                "id": str(), "childId": str(), "childName": str(), "villageCode": str(),
                "kind": str(enumValues: ["critical", "overdue_visit"]), "level": str(),
                "status": str(enumValues: ["open", "acknowledged", "resolved"]), "reasons": array(ref("Reason")), "createdAt": str(),
                "escalatedTo": array(str()),
                "acknowledgedAt": str(true), "acknowledgedBy": str(true), "plan": str(true), "resolvedAt": str(true),
                "resolution": str(true),
            ],
            required: ["id", "childId", "childName", "villageCode", "kind", "level", "status", "reasons", "createdAt", "escalatedTo"]),
        "AlertPage": page("Alert"),
        "VisitPage": page("Visit"),
        "VolunteerInput": obj(volunteerFields, required: ["name", "idNumber", "unitCode"]),
        "VolunteerPatch": obj(volunteerFields, required: []),
        "Volunteer": obj(
            [
                "id": str(), "name": str(), "idNumber": str(), "phone": str(true), "unitCode": str(), "organisation": str(true),
                "honours": str(true),
                "skills": array(str()), "availableTime": str(true), "capacity": int, "load": int,
                "latitude": ["type": "number", "nullable": true],
                "longitude": ["type": "number", "nullable": true],
                "screening": array(obj(["step": str(enumValues: ScreeningStep.allCases.map(\.rawValue)), "on": str(), "by": str()])),
                "screened": bool, "status": str(), "serviceHours": ["type": "number"],
            ],
            required: [
                "id", "name", "idNumber", "unitCode", "skills", "capacity", "load", "screening", "screened", "status", "serviceHours",
            ]),
        "VolunteerPage": page("Volunteer"),
        "ScreeningInput": obj(["step": str(enumValues: ScreeningStep.allCases.map(\.rawValue)), "on": str()], required: ["step"]),
        "PairInput": obj(["childId": str(), "volunteerId": str()]),
        "PairActionInput": obj(
            ["note": str(), "closeReason": str(enumValues: PairCloseReason.allCases.map(\.rawValue)), "startOn": str()], required: []),
        "PairApproveInput": obj(["startOn": str()], required: []),
        "PairCloseInput": obj(["note": str(), "closeReason": str(enumValues: PairCloseReason.allCases.map(\.rawValue))]),
        "Pair": obj(
            [
                "id": str(), "childId": str(), "volunteerId": str(), "villageCode": str(),
                "status": str(enumValues: PairStatus.allCases.map(\.rawValue)),
                "startedOn": str(true), "closeReason": str(true), "closeNote": str(true), "cost": ["type": "integer", "nullable": true],
                "history": array(
                    obj(["from": str(true), "to": str(), "note": str(), "by": str(), "at": str()], required: ["to", "note", "by", "at"])),
            ],
            required: ["id", "childId", "volunteerId", "villageCode", "status", "history"]),
        "PairPage": page("Pair"),
        "ContactInput": obj(
            ["date": str(), "mode": str(enumValues: ContactMode.allCases.map(\.rawValue)), "minutes": int, "notes": str()],
            required: ["mode"]),
        "Contact": obj([
            "id": str(), "pairId": str(), "date": str(), "mode": str(), "minutes": int, "notes": str(), "by": str(), "onBehalf": bool,
        ]),
        "ContactPage": page("Contact"),
        "SuggestionsInput": obj(["unit": str()]),
        "DeskChild": obj(
            [
                "pairId": str(), "status": str(enumValues: ["approved", "active", "paused"]), "givenName": str(), "age": int,
                "school": str(true), "guardianPhone": str(true),
                "needs": array(str()), "recentContacts": array(obj(["date": str(), "mode": str(), "minutes": int, "notes": str()])),
                "contactsThisMonth": int, "contactsDueThisMonth": int, "overdue": bool,
            ],
            required: [
                "pairId", "status", "givenName", "age", "needs", "recentContacts", "contactsThisMonth", "contactsDueThisMonth", "overdue",
            ]),
        "DeskChildPage": page("DeskChild"),
        "ConcernInput": obj(["seen": str()], required: ["seen"]),
        "Concern": obj(["reportId": str(), "status": str()]),
        "CheckinInput": obj(
            ["with": str(enumValues: ["volunteer", "guardian"]), "date": str(), "notes": str()], required: ["with", "notes"]),
        "Checkin": obj(["id": str(), "pairId": str(), "with": str(), "date": str(), "notes": str(), "by": str()]),
        "CheckinPage": page("Checkin"),
        "Cadence": obj(
            ["firstMonthContacts": int, "monthlyContacts": int, "volunteerDays": int, "villageDays": int, "townshipDays": int], required: []
        ),
        "Suggestions": obj([
            "unit": str(), "children": int, "volunteers": int, "totalCost": int, "unpaired": array(str()),
            "suggestions": array(obj(["childId": str(), "volunteerId": str(), "cost": int, "reasons": array(ref("Reason"))])),
        ]),
        "CampaignInput": obj(
            ["name": str(), "unitCode": str(), "launchedOn": str(), "note": str()], required: ["name", "unitCode", "launchedOn"]),
        "CampaignVolunteerInput": obj(["volunteerId": str(), "signedOn": str()], required: ["volunteerId"]),
        "Campaign": obj([
            "id": str(), "name": str(), "unitCode": str(), "launchedOn": str(), "note": str(), "createdBy": str(), "createdAt": str(),
            "volunteerCount": int,
        ]),
        "CampaignPage": page("Campaign"),
        "CampaignProgress": obj([
            "volunteers": int, "childrenListed": int, "childrenPaired": int, "openPairs": int, "activePairs": int, "contactsOnTime": int,
            "contactsOverdue": int, "closedSinceLaunch": int, "closedByReason": ["type": "object", "additionalProperties": int],
        ]),
        "CampaignDetail": obj([
            "campaign": ref("Campaign"), "progress": ref("CampaignProgress"),
            "volunteers": array(
                obj([
                    "volunteerId": str(), "name": str(), "unitCode": str(), "signedOn": str(), "openPairs": int, "activePairs": int,
                    "closedPairs": int,
                ])),
        ]),
        "AlertPlan": obj(["plan": str()], required: ["plan"]),
        "ReportInput": obj(
            [
                "childId": str(), "reporter": str(), "reporterContact": str(), "reportedAt": str(), "seen": str(), "policeCalled": bool,
                "policeReportNo": str(),
            ],
            required: ["childId", "reporter", "seen"]),
        "ReportStepInput": obj(
            [
                "step": str(enumValues: ["emergency", "assessment", "plan", "intervention"]),
                "action": str(enumValues: [
                    "parents_contacted", "relatives_care", "village_care", "institution_care", "needed", "not_needed",
                ]),
                "note": str(), "doneAt": str(),
            ], required: ["step", "note"]),
        "ReportStep": obj(
            ["id": str(), "step": str(), "action": str(true), "note": str(), "doneAt": str(), "by": str(), "createdAt": str()],
            required: ["id", "step", "note", "doneAt", "by", "createdAt"]),
        "Report": obj(
            [
                "id": str(), "childId": str(), "villageCode": str(), "reporter": str(), "reporterContact": str(), "reportedAt": str(),
                "seen": str(),
                "policeCalled": bool, "policeReportNo": str(true), "filedBy": str(), "filedAt": str(),
                "status": str(enumValues: ["open", "closed"]),
                "closedAt": str(true), "steps": array(ref("ReportStep")),
            ],
            required: [
                "id", "childId", "villageCode", "reporter", "reportedAt", "seen", "policeCalled", "filedBy", "filedAt", "status", "steps",
            ]),
        "AlertResolve": obj(["note": str()], required: ["note"]),
        "ChildSummary": obj([
            "id": str(), "name": str(), "idNumber": str(), "sex": str(), "birthDate": str(), "age": int, "villageCode": str(),
            "categories": array(str()), "leftBehind": bool, "status": str(),
        ]),
        "ChildPage": page("ChildSummary"),
        "ParentInput": obj(
            [
                "name": str(), "idNumber": str(), "situation": str(enumValues: situations), "workPlace": str(), "since": str(),
                "phone": str(),
            ], required: ["situation"]),
        // A parent or guardian given at all needs these (`ChildForm.parent`, `ChildForm.guardian`).
        "GuardianInput": obj(
            [
                "name": str(), "idNumber": str(), "birthDate": str(), "relation": str(enumValues: relations),
                "health": str(enumValues: healths), "phone": str(),
            ], required: ["name", "relation"]),
        "ChildInput": obj(
            [
                "name": str(), "idNumber": str(), "sex": str(enumValues: ["female", "male"]), "birthDate": str(), "villageCode": str(),
                "hukou": str(enumValues: ["rural", "urban"]),
                "ethnicity": str(), "health": str(enumValues: healths), "school": str(), "grade": str(), "boarding": bool,
                "poverty": str(enumValues: ["none", "dibao", "tekun", "monitored"]),
                "address": str(), "father": ref("ParentInput"), "mother": ref("ParentInput"), "guardian": ref("GuardianInput"),
                "livingArrangement": str(enumValues: ["with_parent", "with_guardian", "with_siblings_only", "alone"]),
                "needs": array(str(enumValues: ["daily_care", "study", "affection", "habits", "safety"])),
                "improperGuardianship": bool, "improperNote": str(), "informedOn": str(), "consent": bool, "confirmLinks": bool,
                "acknowledgeDuplicates": bool,
            ],
            required: ["name", "idNumber", "villageCode", "hukou", "livingArrangement"]),
        // PATCH: an absent key keeps the stored value, null clears an optional one, nested objects merge key by key.
        "ChildPatch": obj(
            [
                "name": str(), "school": str(true), "grade": str(true), "boarding": bool, "address": str(true), "villageCode": str(),
                "livingArrangement": str(enumValues: ["with_parent", "with_guardian", "with_siblings_only", "alone"]),
                "needs": array(str(enumValues: ["daily_care", "study", "affection", "habits", "safety"])),
                "improperGuardianship": bool, "improperNote": str(true), "informedOn": str(true), "consent": bool,
                "father": ref("ParentPatch"), "mother": ref("ParentPatch"), "guardian": nullable(ref("GuardianPatch")),
                "removeGuardian": bool, "confirmLinks": bool,
            ], required: []),
        "ParentPatch": obj(
            ["situation": str(true, enumValues: situations), "workPlace": str(true), "since": str(true), "phone": str(true)], required: []),
        "GuardianPatch": obj(
            [
                "name": str(), "idNumber": str(), "birthDate": str(true), "relation": str(enumValues: relations),
                "health": str(enumValues: healths), "phone": str(true),
            ], required: []),
        "Person": obj(
            [
                "id": str(), "name": str(), "idNumber": str(true), "sex": str(true), "birthDate": str(true), "ethnicity": str(true),
                "hukou": str(true), "phone": str(true),
                "health": str(enumValues: healths), "healthSince": str(true), "disabilityGrade": ["type": "integer", "nullable": true],
                "vitalStatus": str(enumValues: ["alive", "deceased", "missing"]), "unitCode": str(),
            ],
            required: ["id", "name", "health", "vitalStatus", "unitCode"]),
        "PersonPatch": obj(
            [
                "name": str(), "phone": str(true), "ethnicity": str(true), "health": str(enumValues: healths), "healthSince": str(true),
                "disabilityGrade": ["type": "integer", "nullable": true], "birthDate": str(true),
                "vitalStatus": str(enumValues: ["alive", "deceased", "missing"]),
            ], required: []),
        "PersonPatchResult": obj(["person": ref("Person"), "reclassifiedChildIds": array(str())]),
        "Woman": obj(
            [
                "id": str(), "personId": str(), "name": str(), "idNumber": str(), "birthDate": str(true),
                "age": ["type": "integer", "nullable": true], "villageCode": str(), "hukou": str(),
                "phone": str(true), "husband": nullable(ref("Parent")), "childrenInCare": int, "eldersInCare": int, "farming": bool,
                "skills": str(true), "needs": array(str()),
                "employmentInterest": bool, "healthInterest": bool, "leftBehind": bool, "reasons": array(ref("Reason")), "status": str(),
                "householdId": str(true), "createdAt": str(),
            ],
            required: [
                "id", "personId", "name", "idNumber", "villageCode", "hukou", "childrenInCare", "eldersInCare", "farming", "needs",
                "employmentInterest", "healthInterest", "leftBehind", "reasons", "status", "createdAt",
            ]),
        "WomanPage": page("Woman"),
        "WomanInput": obj(womanFields, required: ["name", "idNumber", "villageCode", "hukou"]),
        "WomanPatch": obj(womanFields, required: []),
        "Household": obj(
            [
                "id": str(), "villageCode": str(), "villageGroup": str(true), "address": str(),
                "latitude": ["type": "number", "nullable": true], "longitude": ["type": "number", "nullable": true],
                "poverty": str(enumValues: ["none", "dibao", "tekun", "monitored"]), "members": array(ref("Person")),
            ], required: ["id", "villageCode", "address", "poverty", "members"]),
        "HouseholdPage": page("Household"),
        "HouseholdInput": obj(householdFields, required: ["villageCode"]),
        "HouseholdPatch": obj(householdFields, required: []),
        "ChildMergeRequest": obj(["into": str(), "reason": str()]),
        "PersonReveal": obj(["id": str(), "idNumber": str(true), "phone": str(true)], required: ["id"]),
    ]

    // One set of fields, two schemas: registering needs some of them, a PATCH none.
    nonisolated(unsafe) static let volunteerFields: [String: J] = [
        "name": str(), "idNumber": str(), "phone": str(), "unitCode": str(), "organisation": str(), "honours": str(),
        "skills": array(str(enumValues: VolunteerSkill.allCases.map(\.rawValue))), "availableTime": str(), "capacity": int,
        "latitude": ["type": "number"], "longitude": ["type": "number"], "status": str(enumValues: ["active", "withdrawn"]),
        "account": str(),
    ]
    nonisolated(unsafe) static let womanFields: [String: J] = [
        "name": str(), "idNumber": str(), "villageCode": str(), "hukou": str(enumValues: ["rural", "urban"]), "phone": str(),
        "ethnicity": str(), "health": str(enumValues: healths),
        "husband": ref("ParentInput"), "childrenInCare": int, "eldersInCare": int, "farming": bool, "skills": str(),
        "needs": array(str(enumValues: ["development", "mental_burden", "child_education", "safety"])), "employmentInterest": bool,
        "healthInterest": bool, "confirmLinks": bool, "address": str(),
    ]
    nonisolated(unsafe) static let householdFields: [String: J] = [
        "villageCode": str(), "villageGroup": str(), "address": str(), "latitude": ["type": "number"], "longitude": ["type": "number"],
        "poverty": str(enumValues: ["none", "dibao", "tekun", "monitored"]),
    ]

    static let situations = ["at_home", "working_away", "imprisoned", "missing", "deceased", "seriously_ill", "severely_disabled"]
    static let healths = ["healthy", "chronic_illness", "serious_illness", "hospitalised", "severe_disability", "mild_disability"]
    static let relations = ["grandmother", "grandfather", "maternal_grandmother", "maternal_grandfather", "relative", "neighbour", "other"]
    static func nullable(_ s: J) -> J { ["allOf": [s], "nullable": true] }

    static func errors(_ codes: [Int]) -> J {
        var out: J = [:]
        let text = [
            400: "Malformed JSON or wrong types", 401: "Not signed in", 403: "Role may not do this",
            404: "Not found or outside jurisdiction",
            409: "Already exists (existingId)", 413: "Body too large", 422: "Validation failed (fields)", 423: "Account locked",
        ]
        for c in codes { out[String(c)] = ["description": text[c] ?? "Error", "content": ["application/json": ["schema": ref("Error")]]] }
        return out
    }

    /// `produces`: a file response of these media types; `consumes`: a raw file request body of these media types.
    static func op(
        _ summary: String, body: String? = nil, bodyOptional: Bool = false, ok: Int = 200, schema: String? = nil, csv: Bool = false,
        produces: [String]? = nil, consumes: [String]? = nil,
        params: [J] = [], errs: [Int] = [400, 401, 403, 404], secured: Bool = true
    ) -> J {
        var responses = errors(errs)
        if let types = produces {
            responses[String(ok)] = [
                "description": "File",
                "content": Dictionary(uniqueKeysWithValues: types.map { ($0, ["schema": ["type": "string", "format": "binary"]] as J) }),
            ]
        } else if csv {
            responses[String(ok)] = ["description": "CSV (UTF-8 with BOM)", "content": ["text/csv": ["schema": ["type": "string"]]]]
        } else if let s = schema {
            responses[String(ok)] = ["description": "OK", "content": ["application/json": ["schema": ref(s)]]]
        } else {
            responses[String(ok)] = ["description": "No content"]
        }
        var o: J = ["summary": summary, "responses": responses]
        if let b = body { o["requestBody"] = ["required": !bodyOptional, "content": ["application/json": ["schema": ref(b)]]] }
        if let types = consumes {
            o["requestBody"] = [
                "required": true,
                "content": Dictionary(uniqueKeysWithValues: types.map { ($0, ["schema": ["type": "string", "format": "binary"]] as J) }),
            ]
        }
        if !params.isEmpty { o["parameters"] = params }
        if !secured { o["security"] = [J]() }
        return o
    }

    static func q(_ name: String, _ type: String = "string") -> J {
        var schema: J = ["type": type]
        // What the server accepts (`PageParams`; `TextRules` for free text): the document says it.
        if name == "page" { schema["minimum"] = 1; schema["maximum"] = 1_000_000 }
        if name == "per" { schema["minimum"] = 1; schema["maximum"] = 200 }
        if type == "string" { schema["maxLength"] = TextRules.max(name); schema["pattern"] = TextRules.pattern(name) }
        return ["name": name, "in": "query", "required": false, "schema": schema]
    }

    /// Number ranges the services check, written into request bodies by property name.
    static let ranges: [String: (Double, Double)] = [
        "latitude": (-90, 90), "longitude": (-180, 180), "disabilityGrade": (1, 4),
        "childrenInCare": (0, 20), "eldersInCare": (0, 20), "capacity": (1, 5),
        // a contact's minutes (`PairingService`), the cadence (`ContactCadenceRules`)
        "minutes": (1, 720), "firstMonthContacts": (1, 8), "monthlyContacts": (1, 8), "volunteerDays": (0, 31), "villageDays": (1, 31),
        "townshipDays": (1, 62),
    ]
    static func path(_ name: String) -> J { ["name": name, "in": "path", "required": true, "schema": ["type": "string"]] }
    nonisolated(unsafe) static let paging = [q("page", "integer"), q("per", "integer")]

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

    nonisolated(unsafe) static let document: J = [
        "openapi": "3.0.3",
        "info": [
            "title": "Guanai API", "version": "1.0.0",
            "description": "Care action for rural left-behind women and children. Errors: {\"error\": {code, "
                + "message, fields, existingId}}.",
        ],
        "servers": [["url": "/"]],
        "security": [["bearer": [String]()]],
        "components": ["schemas": constrained(schemas), "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]]],
        "paths": paths,
    ]

    /// Request bodies carry the server's rules, so the document says what the server accepts: every free string
    /// property gets its `maxLength` (`TextRules`) and a `pattern` that refuses control characters; dates, phone
    /// numbers, usernames and ID numbers get their shape; numbers their range. Schemas reached from a body
    /// (`ParentInput` inside `ChildInput`) are constrained too. Responses are left as they are.
    static func constrained(_ schemas: J) -> J {
        var inputs = Set(
            paths.values.compactMap { $0 as? J }.flatMap { $0.values }.compactMap { ($0 as? J)?["requestBody"] as? J }
                .compactMap { (($0["content"] as? J)?["application/json"] as? J)?["schema"] as? J }.compactMap {
                    ($0["$ref"] as? String)?.split(separator: "/").last.map(String.init)
                })
        func refs(_ v: Any) -> [String] {
            if let d = v as? J {
                if let r = d["$ref"] as? String { return [String(r.split(separator: "/").last ?? "")] }
                return d.values.flatMap(refs)
            }
            if let a = v as? [Any] { return a.flatMap(refs) }
            return []
        }
        var todo = Array(inputs)
        while let name = todo.popLast() {
            for r in refs(schemas[name] ?? [:]) where !inputs.contains(r) { inputs.insert(r); todo.append(r) }
        }
        var out = schemas
        for name in inputs {
            guard var schema = out[name] as? J, let props = schema["properties"] as? J else { continue }
            let required = Set(schema["required"] as? [String] ?? [])
            schema["properties"] = Dictionary(
                uniqueKeysWithValues: props.map { k, v in
                    // A required text cannot be blank: the services trim it and answer "此项必须填写". A PATCH that sends
                    // a name must send one too.
                    let nonBlank = required.contains(k) || (k == "name" && name.hasSuffix("Patch"))
                    return (k, (v as? J).map { constrain($0, k, nonBlank: nonBlank) } ?? v)
                })
            out[name] = schema
        }
        return out
    }

    static func constrain(_ prop: J, _ name: String, nonBlank: Bool) -> J {
        var p = prop
        if name == "ethnicity", p["type"] as? String == "string" { p["enum"] = Ethnicity.all }  // the 56 names the form offers
        if p["type"] as? String == "string", p["enum"] == nil {
            if p["maxLength"] == nil { p["maxLength"] = TextRules.max(name) }
            if let shape = shapes[name] {
                p["pattern"] = shape
                if dates.contains(name) { p["format"] = "date" }
            } else if p["pattern"] == nil {
                p["pattern"] = nonBlank ? nonBlankPattern(name) : TextRules.pattern(name)
            }
            if nonBlank { p["minLength"] = 1 }
        }
        if p["type"] as? String == "array", let items = p["items"] as? J { p["items"] = constrain(items, name, nonBlank: false) }
        if ["integer", "number"].contains(p["type"] as? String ?? ""), let r = ranges[name], p["minimum"] == nil {
            p["minimum"] = r.0; p["maximum"] = r.1
        }
        return p
    }

    /// `TextRules.pattern` with at least one character that is neither a space nor a control character.
    static func nonBlankPattern(_ name: String) -> String {
        let any = String(TextRules.pattern(name).dropFirst().dropLast(2))  // "[^…]"
        let visible = "[^\\s" + any.dropFirst(2)
        return "^" + any + "*" + visible + any + "*$"
    }

    /// Calendar dates the services read as `CivilDate` (年-月-日).
    static let dates: Set<String> = ["birthDate", "since", "informedOn", "startOn", "launchedOn", "signedOn", "healthSince", "date", "on"]
    /// Text with a fixed shape, by property name. An ID number's check digit and the date inside it cannot be said
    /// here: the server answers 422 on them (docs/security.md).
    static let shapes: [String: String] = {
        var s: [String: String] = [
            "phone": "^1[0-9]{10}$",
            "idNumber": "^[0-9]{17}[0-9X]$",
            "username": "^[A-Za-z0-9._-]{3,32}$",
            "reportedAt": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])([T ]([01][0-9]|2[0-3]):[0-5][0-9])?$",
            "doneAt": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])([T ]([01][0-9]|2[0-3]):[0-5][0-9])?$",
        ]
        for d in dates { s[d] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" }
        return s
    }()

    static let json: Data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])) ?? Data("{}".utf8)
}
