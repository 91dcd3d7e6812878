import GuanaiCore
import OpenAPIKit30

// The registry's shapes for the OpenAPI document: children, parents, guardians, people. `Keys` names each type's
// JSON properties (the coding keys Swift makes are private to the type's file, Core's internal to Core);
// APISchemaTests checks each `Keys` against what its type reads.

extension ReasonDTO: APISchema {
    enum Keys: String, CodingKey { case code, message }
    static let apiName = "Reason"
    static var apiSchema: JSONSchema {
        .closed(
            [Keys.code: .string, .message: .string],
            description: "A stable code and its sentence in the request's language (Accept-Language; Chinese when absent).")
    }
}

extension ClassificationDTO: APISchema {
    enum Keys: String, CodingKey { case leftBehind, categories, reasons }
    static let apiName = "Classification"
    static var apiSchema: JSONSchema {
        .closed([Keys.leftBehind: .boolean, .categories: .list(.tokens(ChildCategory.self)), .reasons: .list(ReasonDTO.self)])
    }
}

extension ParentDTO: APISchema {
    enum Keys: String, CodingKey { case id, name, idNumber, situation, effectiveSituation, workPlace, since, phone, vitalStatus, health }
    static let apiName = "Parent"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .nullableString, .name: .string, .idNumber: .nullableString, .situation: .tokens(ParentSituation.self),
                .effectiveSituation: .tokens(ParentSituation.self), .workPlace: .nullableString, .since: .nullableString,
                .phone: .nullableString, .vitalStatus: .tokens(VitalStatus.self), .health: .tokens(Health.self),
            ],
            required: [.name, .situation, .effectiveSituation, .vitalStatus, .health])
    }
}

extension GuardianDTO: APISchema {
    enum Keys: String, CodingKey { case id, name, idNumber, birthDate, age, relation, health, vitalStatus, phone }
    static let apiName = "Guardian"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .name: .string, .idNumber: .nullableString, .birthDate: .nullableString, .age: .nullableInteger,
                .relation: .tokens(GuardianRelation.self), .health: .tokens(Health.self), .vitalStatus: .string, .phone: .nullableString,
            ],
            required: [.id, .name, .relation, .health, .vitalStatus])
    }
}

extension ChildMainDTO: APISchema {
    enum Keys: String, CodingKey {
        case id, personId, name, idNumber, sex, birthDate, age, villageCode, hukou, ethnicity, health, householdId, father, mother,
            guardian, livingArrangement, needs, improperGuardianship, improperNote, informedOn, consent, classification, status, exitedOn,
            exitReason, createdAt, updatedAt, riskTier, riskReasons, nextVisitDue, lastVisitOn, lastContactOn
    }
    static let apiName = "Child"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .personId: .string, .name: .string, .idNumber: .string, .sex: .string, .birthDate: .string,
                .age: .integer, .villageCode: .string, .hukou: .string, .ethnicity: .nullableString, .health: .string,
                .householdId: .nullableString, .father: .nullable(ParentDTO.self), .mother: .nullable(ParentDTO.self),
                .guardian: .nullable(GuardianDTO.self), .livingArrangement: .tokens(LivingArrangement.self), .needs: .list(.string),
                .improperGuardianship: .boolean, .improperNote: .nullableString, .informedOn: .nullableString, .consent: .boolean,
                .classification: .ref(ClassificationDTO.self), .status: .oneOf([ChildStatus.active, .exited].map(\.rawValue)),
                .exitedOn: .nullableString, .exitReason: .nullableString, .createdAt: .string, .updatedAt: .string,
                .riskTier: .oneOf(RiskTier.allCases.reversed().map(\.rawValue), nullable: true), .riskReasons: .list(ReasonDTO.self),
                .nextVisitDue: .nullableString, .lastVisitOn: .nullableString, .lastContactOn: .nullableString,
            ],
            required: [
                .id, .personId, .name, .idNumber, .sex, .birthDate, .age, .villageCode, .hukou, .health, .livingArrangement, .needs,
                .improperGuardianship, .consent, .classification, .status, .createdAt, .updatedAt, .riskReasons,
            ])
    }
}

extension ChildSummaryDTO: APISchema {
    enum Keys: String, CodingKey { case id, name, idNumber, sex, birthDate, age, villageCode, categories, leftBehind, status }
    static let apiName = "ChildSummary"
    static let pageName = "ChildPage"
    static var apiSchema: JSONSchema {
        .closed([
            Keys.id: .string, .name: .string, .idNumber: .string, .sex: .string, .birthDate: .string, .age: .integer,
            .villageCode: .string, .categories: .list(.string), .leftBehind: .boolean, .status: .string,
        ])
    }
}

extension PersonDTO: APISchema {
    enum Keys: String, CodingKey {
        case id, name, idNumber, sex, birthDate, ethnicity, hukou, phone, health, healthSince, disabilityGrade, vitalStatus, unitCode
    }
    static let apiName = "Person"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .name: .string, .idNumber: .nullableString, .sex: .nullableString, .birthDate: .nullableString,
                .ethnicity: .nullableString, .hukou: .nullableString, .phone: .nullableString, .health: .tokens(Health.self),
                .healthSince: .nullableString, .disabilityGrade: .nullableInteger, .vitalStatus: .tokens(VitalStatus.self),
                .unitCode: .string,
            ],
            required: [.id, .name, .health, .vitalStatus, .unitCode])
    }
}

extension PersonRevealDTO: APISchema {
    enum Keys: String, CodingKey { case id, idNumber, phone }
    static let apiName = "PersonReveal"
    static var apiSchema: JSONSchema {
        .closed([Keys.id: .string, .idNumber: .nullableString, .phone: .nullableString], required: [.id])
    }
}

extension PersonPatchResult: APISchema {
    enum Keys: String, CodingKey { case person, reclassifiedChildIds }
    static let apiName = "PersonPatchResult"
    static var apiSchema: JSONSchema { .closed([Keys.person: .ref(PersonDTO.self), .reclassifiedChildIds: .list(.string)]) }
}

extension MergeRequest: APISchema {
    enum Keys: String, CodingKey { case into, reason }
    static let apiName = "ChildMergeRequest"
    static var apiSchema: JSONSchema { .closed([Keys.into: .string, .reason: .string]) }
}

/// A parent given at all needs her situation (`ChildForm.parent`).
extension ParentInput: APISchema {
    enum Keys: String, CodingKey { case name, idNumber, situation, workPlace, since, phone }
    static let apiName = "ParentInput"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.name: .string, .idNumber: .string, .situation: .tokens(ParentSituation.self), .workPlace: .string, .since: .string,
                .phone: .string,
            ],
            required: [.situation])
    }
}

/// A guardian given at all needs a name and a relation (`ChildForm.guardian`).
extension GuardianInput: APISchema {
    enum Keys: String, CodingKey { case name, idNumber, birthDate, relation, health, phone }
    static let apiName = "GuardianInput"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.name: .string, .idNumber: .string, .birthDate: .string, .relation: .tokens(GuardianRelation.self),
                .health: .tokens(Health.self), .phone: .string,
            ],
            required: [.name, .relation])
    }
}

extension ChildInput: APISchema {
    enum Keys: String, CodingKey {
        case name, idNumber, sex, birthDate, villageCode, hukou, ethnicity, health, poverty, address, father, mother, guardian
        case livingArrangement, needs, improperGuardianship, improperNote, informedOn, consent, confirmLinks, acknowledgeDuplicates
    }
    static let apiName = "ChildInput"
    static var apiSchema: JSONSchema {
        JSONSchema.closed(
            [
                Keys.name: .string, .idNumber: .string, .sex: .tokens(Sex.self), .birthDate: .string, .villageCode: .string,
                .hukou: .tokens(Hukou.self), .ethnicity: .string, .health: .tokens(Health.self), .poverty: .tokens(PovertyStatus.self),
                .address: .string, .father: .ref(ParentInput.self), .mother: .ref(ParentInput.self), .guardian: .ref(GuardianInput.self),
                .livingArrangement: .tokens(LivingArrangement.self), .needs: .list(.tokens(ChildNeed.self)),
                .improperGuardianship: .boolean, .improperNote: .string, .informedOn: .string, .consent: .boolean,
                .confirmLinks: .boolean, .acknowledgeDuplicates: .boolean,
            ],
            required: [.name, .idNumber, .villageCode, .hukou, .livingArrangement]
        ).adding(details: ChildDetail.self, nullable: false, response: false)
    }
}

/// PATCH: an absent key keeps the stored value, null clears an optional one, nested objects merge key by key.
extension ChildPatch: APISchema {
    static let apiName = "ChildPatch"
    static var apiSchema: JSONSchema {
        JSONSchema.closed(
            [
                CodingKeys.name: .string, .address: .nullableString, .villageCode: .string,
                .livingArrangement: .tokens(LivingArrangement.self), .needs: .list(.tokens(ChildNeed.self)),
                .improperGuardianship: .boolean, .improperNote: .nullableString, .informedOn: .nullableString, .consent: .boolean,
                .father: .ref(ParentPatchBody.self), .mother: .ref(ParentPatchBody.self), .guardian: .nullable(GuardianPatchBody.self),
                .removeGuardian: .boolean, .confirmLinks: .boolean,
            ],
            required: []
        ).adding(details: ChildDetail.self, nullable: true, response: false)
    }
}

/// A parent inside a child's PATCH (`ChildPatch.father`): her link's facts, each clearable.
enum ParentPatchBody: APISchema {
    static let apiName = "ParentPatch"
    static var apiSchema: JSONSchema {
        .closed(
            [
                ParentInput.Keys.situation: .tokens(ParentSituation.self, nullable: true), .workPlace: .nullableString,
                .since: .nullableString, .phone: .nullableString,
            ],
            required: [])
    }
}

/// The guardian inside a child's PATCH (`ChildPatch.guardian`).
enum GuardianPatchBody: APISchema {
    static let apiName = "GuardianPatch"
    static var apiSchema: JSONSchema {
        .closed(
            [
                GuardianInput.Keys.name: .string, .idNumber: .string, .birthDate: .nullableString,
                .relation: .tokens(GuardianRelation.self), .health: .tokens(Health.self), .phone: .nullableString,
            ],
            required: [])
    }
}

extension PersonPatch: APISchema {
    static let apiName = "PersonPatch"
    static var apiSchema: JSONSchema {
        .closed(
            [
                CodingKeys.name: .string, .phone: .nullableString, .ethnicity: .nullableString, .health: .tokens(Health.self),
                .healthSince: .nullableString, .disabilityGrade: .nullableInteger, .birthDate: .nullableString,
                .vitalStatus: .tokens(VitalStatus.self),
            ],
            required: [])
    }
}
