import GuanaiCore
import OpenAPIKit30

// Women's and households' shapes for the OpenAPI document. `Keys` names each type's JSON properties (the coding keys
// Swift makes are private to the type's file, Core's internal to Core); APISchemaTests checks each `Keys` against
// what its type reads.

extension WomanMainDTO: APISchema {
    enum Keys: String, CodingKey {
        case id, personId, name, idNumber, birthDate, age, villageCode, hukou, phone, husband, needs, leftBehind, reasons, status,
            householdId, createdAt
    }
    static let apiName = "Woman"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .personId: .string, .name: .string, .idNumber: .string, .birthDate: .nullableString,
                .age: .nullableInteger, .villageCode: .string, .hukou: .string, .phone: .nullableString,
                .husband: .nullable(ParentDTO.self), .needs: .list(.string), .leftBehind: .boolean, .reasons: .list(ReasonDTO.self),
                .status: .string, .householdId: .nullableString, .createdAt: .string,
            ],
            required: [.id, .personId, .name, .idNumber, .villageCode, .hukou, .needs, .leftBehind, .reasons, .status, .createdAt])
    }
}

extension HouseholdDTO: APISchema {
    enum Keys: String, CodingKey { case id, villageCode, villageGroup, address, latitude, longitude, poverty, members }
    static let apiName = "Household"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .villageCode: .string, .villageGroup: .nullableString, .address: .string,
                .latitude: .nullableNumber, .longitude: .nullableNumber, .poverty: .tokens(PovertyStatus.self),
                .members: .list(PersonDTO.self),
            ],
            required: [.id, .villageCode, .address, .poverty, .members])
    }
}

/// Registering needs some fields, a PATCH (`PatchOf<WomanInput>`) none.
extension WomanInput: APISchema {
    enum Keys: String, CodingKey {
        case name, idNumber, villageCode, hukou, phone, ethnicity, health, husband, needs, confirmLinks, address
    }
    static let apiName = "WomanInput"
    static var apiSchema: JSONSchema {
        JSONSchema.closed(
            [
                Keys.name: .string, .idNumber: .string, .villageCode: .string, .hukou: .tokens(Hukou.self), .phone: .string,
                .ethnicity: .string, .health: .tokens(Health.self), .husband: .ref(ParentInput.self),
                .needs: .list(.tokens(WomanNeed.self)), .confirmLinks: .boolean, .address: .string,
            ],
            required: [.name, .idNumber, .villageCode, .hukou]
        ).adding(details: WomanDetail.self, nullable: false, response: false)
    }
}

extension HouseholdInput: APISchema {
    enum Keys: String, CodingKey { case villageCode, villageGroup, address, latitude, longitude, poverty }
    static let apiName = "HouseholdInput"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.villageCode: .string, .villageGroup: .string, .address: .string, .latitude: .number, .longitude: .number,
                .poverty: .tokens(PovertyStatus.self),
            ],
            required: [.villageCode])
    }
}
