import Foundation
import GuanaiCore

/// The document's schemas: responses as the API writes them, request bodies as it reads them.
extension OpenAPIDocument {
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
                "level": str(enumValues: DivisionLevel.allCases.map(\.token)),
                "parentCode": str(true), "statistical": bool, "status": str(enumValues: tokens(UnitStatus.self)), "mergedInto": str(true),
            ],
            required: ["code", "name", "officialName", "kind", "level", "statistical", "status"]),
        "UnitPage": page("Unit"),
        "UnitChange": obj(["change": str(), "detail": str(), "reason": str(), "actor": str(), "at": str()]),
        "UnitChangePage": page("UnitChange"),
        "Account": obj(
            [
                "id": str(), "username": str(), "displayName": str(),
                "role": str(enumValues: tokens(Role.self)),
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
                str(enumValues: tokens(ChildCategory.self))), "reasons": array(ref("Reason")),
        ]),
        "Parent": obj(
            [
                "id": str(true), "name": str(), "idNumber": str(true), "situation": str(enumValues: situations),
                "effectiveSituation": str(enumValues: situations),
                "workPlace": str(true), "since": str(true), "phone": str(true),
                "vitalStatus": str(enumValues: tokens(VitalStatus.self)), "health": str(enumValues: healths),
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
                "ethnicity": str(true), "health": str(), "householdId": str(true),
                "father": nullable(ref("Parent")), "mother": nullable(ref("Parent")), "guardian": nullable(ref("Guardian")),
                "livingArrangement": str(enumValues: tokens(LivingArrangement.self)),
                "needs": array(str()),
                "improperGuardianship": bool, "improperNote": str(true), "informedOn": str(true), "consent": bool,
                "classification": ref("Classification"),
                "status": str(enumValues: [ChildStatus.active, .exited].map(\.rawValue)), "exitedOn": str(true), "exitReason": str(true),
                "createdAt": str(),
                "updatedAt": str(),
                "riskTier": str(true, enumValues: RiskTier.allCases.reversed().map(\.rawValue)), "riskReasons": array(ref("Reason")),
                "nextVisitDue": str(true), "lastVisitOn": str(true),
            ].merging(details(ChildDetail.self, nullable: true)) { a, _ in a },
            required: [
                "id", "personId", "name", "idNumber", "sex", "birthDate", "age", "villageCode", "hukou", "health",
                "livingArrangement", "needs",
                "improperGuardianship", "consent", "classification", "status", "createdAt", "updatedAt", "riskReasons",
            ] + ChildDetail.flags.map(\.rawValue)),
        "VisitInput": obj(
            [
                "date": str(), "mode": str(enumValues: tokens(VisitMode.self)),
                "checklist": obj(
                    Dictionary(uniqueKeysWithValues: VisitCheck.allCases.map { ($0.rawValue, str(enumValues: tokens(CheckAnswer.self))) }),
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
                "kind": str(enumValues: tokens(AlertKind.self)), "level": str(),
                "status": str(enumValues: tokens(AlertStatus.self)), "reasons": array(ref("Reason")), "createdAt": str(),
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
                "id": str(), "name": str(), "idNumber": str(), "phone": str(true), "unitCode": str(),
                "skills": array(str()), "capacity": int, "load": int,
                "latitude": ["type": "number", "nullable": true],
                "longitude": ["type": "number", "nullable": true],
                "screening": array(obj(["step": str(enumValues: ScreeningStep.allCases.map(\.rawValue)), "on": str(), "by": str()])),
                "screened": bool, "status": str(), "serviceHours": ["type": "number"],
            ].merging(details(VolunteerDetail.self, nullable: true)) { a, _ in a },
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
                "pairId": str(), "status": str(enumValues: [PairStatus.approved, .active, .paused].map(\.rawValue)), "givenName": str(),
                "age": int,
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
            ["with": str(enumValues: tokens(CheckinWith.self)), "date": str(), "notes": str()], required: ["with", "notes"]),
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
                "step": str(enumValues: tokens(ReportStepKind.self)),
                "action": str(enumValues: tokens(ReportAction.self) + tokens(InterventionDecision.self)),
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
                "status": str(enumValues: tokens(ReportStatus.self)),
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
                "name": str(), "idNumber": str(), "sex": str(enumValues: tokens(Sex.self)), "birthDate": str(), "villageCode": str(),
                "hukou": str(enumValues: tokens(Hukou.self)),
                "ethnicity": str(), "health": str(enumValues: healths),
                "poverty": str(enumValues: tokens(PovertyStatus.self)),
                "address": str(), "father": ref("ParentInput"), "mother": ref("ParentInput"), "guardian": ref("GuardianInput"),
                "livingArrangement": str(enumValues: tokens(LivingArrangement.self)),
                "needs": array(str(enumValues: tokens(ChildNeed.self))),
                "improperGuardianship": bool, "improperNote": str(), "informedOn": str(), "consent": bool, "confirmLinks": bool,
                "acknowledgeDuplicates": bool,
            ].merging(details(ChildDetail.self, nullable: false)) { a, _ in a },
            required: ["name", "idNumber", "villageCode", "hukou", "livingArrangement"]),
        // PATCH: an absent key keeps the stored value, null clears an optional one, nested objects merge key by key.
        "ChildPatch": obj(
            [
                "name": str(), "address": str(true), "villageCode": str(),
                "livingArrangement": str(enumValues: tokens(LivingArrangement.self)),
                "needs": array(str(enumValues: tokens(ChildNeed.self))),
                "improperGuardianship": bool, "improperNote": str(true), "informedOn": str(true), "consent": bool,
                "father": ref("ParentPatch"), "mother": ref("ParentPatch"), "guardian": nullable(ref("GuardianPatch")),
                "removeGuardian": bool, "confirmLinks": bool,
            ].merging(details(ChildDetail.self, nullable: true)) { a, _ in a }, required: []),
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
                "vitalStatus": str(enumValues: tokens(VitalStatus.self)), "unitCode": str(),
            ],
            required: ["id", "name", "health", "vitalStatus", "unitCode"]),
        "PersonPatch": obj(
            [
                "name": str(), "phone": str(true), "ethnicity": str(true), "health": str(enumValues: healths), "healthSince": str(true),
                "disabilityGrade": ["type": "integer", "nullable": true], "birthDate": str(true),
                "vitalStatus": str(enumValues: tokens(VitalStatus.self)),
            ], required: []),
        "PersonPatchResult": obj(["person": ref("Person"), "reclassifiedChildIds": array(str())]),
        "Woman": obj(
            [
                "id": str(), "personId": str(), "name": str(), "idNumber": str(), "birthDate": str(true),
                "age": ["type": "integer", "nullable": true], "villageCode": str(), "hukou": str(),
                "phone": str(true), "husband": nullable(ref("Parent")), "needs": array(str()),
                "leftBehind": bool, "reasons": array(ref("Reason")), "status": str(),
                "householdId": str(true), "createdAt": str(),
            ].merging(details(WomanDetail.self, nullable: true)) { a, _ in a },
            required: [
                "id", "personId", "name", "idNumber", "villageCode", "hukou", "needs", "leftBehind", "reasons", "status", "createdAt",
            ] + WomanDetail.allCases.filter { $0.kind != .text }.map(\.rawValue)),
        "WomanPage": page("Woman"),
        "WomanInput": obj(womanFields, required: ["name", "idNumber", "villageCode", "hukou"]),
        "WomanPatch": obj(womanFields, required: []),
        "Household": obj(
            [
                "id": str(), "villageCode": str(), "villageGroup": str(true), "address": str(),
                "latitude": ["type": "number", "nullable": true], "longitude": ["type": "number", "nullable": true],
                "poverty": str(enumValues: tokens(PovertyStatus.self)), "members": array(ref("Person")),
            ], required: ["id", "villageCode", "address", "poverty", "members"]),
        "HouseholdPage": page("Household"),
        "HouseholdInput": obj(householdFields, required: ["villageCode"]),
        "HouseholdPatch": obj(householdFields, required: []),
        "ChildMergeRequest": obj(["into": str(), "reason": str()]),
        "PersonReveal": obj(["id": str(), "idNumber": str(true), "phone": str(true)], required: ["id"]),
    ]

    // One set of fields, two schemas: registering needs some of them, a PATCH none.
    nonisolated(unsafe) static let volunteerFields: [String: J] = [
        "name": str(), "idNumber": str(), "phone": str(), "unitCode": str(),
        "skills": array(str(enumValues: tokens(VolunteerSkill.self))), "capacity": int,
        "latitude": ["type": "number"], "longitude": ["type": "number"], "status": str(enumValues: tokens(VolunteerStatus.self)),
        "account": str(),
    ].merging(details(VolunteerDetail.self, nullable: false)) { a, _ in a }
    nonisolated(unsafe) static let womanFields: [String: J] = [
        "name": str(), "idNumber": str(), "villageCode": str(), "hukou": str(enumValues: tokens(Hukou.self)), "phone": str(),
        "ethnicity": str(), "health": str(enumValues: healths),
        "husband": ref("ParentInput"), "needs": array(str(enumValues: tokens(WomanNeed.self))), "confirmLinks": bool,
        "address": str(),
    ].merging(details(WomanDetail.self, nullable: false)) { a, _ in a }
    nonisolated(unsafe) static let householdFields: [String: J] = [
        "villageCode": str(), "villageGroup": str(), "address": str(), "latitude": ["type": "number"], "longitude": ["type": "number"],
        "poverty": str(enumValues: tokens(PovertyStatus.self)),
    ]

    static let situations = tokens(ParentSituation.self)
    static let healths = tokens(Health.self)
    static let relations = tokens(GuardianRelation.self)
}
