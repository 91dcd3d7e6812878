import GuanaiCore
import OpenAPIKit30

// The shapes of API+DTO.swift's types for the OpenAPI document: errors, units, accounts, the audit trail, sessions.
// `Keys` names each type's JSON properties (the coding keys Swift makes are private to the type's file, Core's
// internal to Core); APISchemaTests checks each `Keys` against what its type reads.

extension APIErrorBody: APISchema {
    enum Keys: String, CodingKey { case error }
    static let apiName = "Error"
    static var apiSchema: JSONSchema { .closed([Keys.error: Inner.apiSchema]) }
}

extension APIErrorBody.Inner {
    enum Keys: String, CodingKey { case code, message, fields, existingId }
    static var apiSchema: JSONSchema {
        .closed(
            [Keys.code: .string, .message: .string, .fields: .list(APIErrorBody.Field.apiSchema), .existingId: .string],
            required: [.code, .message])
    }
}

extension APIErrorBody.Field {
    enum Keys: String, CodingKey { case field, message }
    static var apiSchema: JSONSchema { .closed([Keys.field: .string, .message: .string]) }
}

extension UnitDTO: APISchema {
    enum Keys: String, CodingKey {
        case code, name, officialName, kind, level, parentCode, statistical, status, mergedInto, latitude, longitude
    }
    static let apiName = "Unit"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.code: .string, .name: .string, .officialName: .string, .kind: .string,
                .level: .oneOf(DivisionLevel.allCases.map(\.token)), .parentCode: .nullableString, .statistical: .boolean,
                .status: .tokens(UnitStatus.self), .mergedInto: .nullableString, .latitude: .nullableNumber,
                .longitude: .nullableNumber,
            ],
            required: [.code, .name, .officialName, .kind, .level, .statistical, .status, .latitude, .longitude])
    }
}

extension UnitChangeDTO: APISchema {
    enum Keys: String, CodingKey { case change, detail, reason, actor, at }
    static let apiName = "UnitChange"
    static var apiSchema: JSONSchema {
        .closed([Keys.change: .string, .detail: .string, .reason: .string, .actor: .string, .at: .string])
    }
}

extension AccountDTO: APISchema {
    enum Keys: String, CodingKey {
        case id, username, displayName, role, unitCode, phone, disabled, locked, mustChangePassword, successorId, createdAt, duties
    }
    static let apiName = "Account"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .username: .string, .displayName: .string, .role: .tokens(Role.self), .unitCode: .string,
                .phone: .nullableString, .disabled: .boolean, .locked: .boolean, .mustChangePassword: .boolean,
                .successorId: .nullableString, .createdAt: .string, .duties: .list(.tokens(Duty.self)),
            ],
            required: [.id, .username, .displayName, .role, .unitCode, .disabled, .locked, .mustChangePassword, .createdAt, .duties])
    }
}

extension DutiesInput: APISchema {
    enum Keys: String, CodingKey { case duties }
    static let apiName = "DutiesInput"
    static var apiSchema: JSONSchema { .closed([Keys.duties: .list(.tokens(Duty.self))], required: [.duties]) }
}

extension AccountWithPassword: APISchema {
    enum Keys: String, CodingKey { case account, oneTimePassword }
    static let apiName = "AccountWithPassword"
    static var apiSchema: JSONSchema { .closed([Keys.account: .ref(AccountDTO.self), .oneTimePassword: .string]) }
}

extension AuditEntryDTO: APISchema {
    enum Keys: String, CodingKey { case seq, at, actorId, actorName, ip, unitCode, action, recordType, recordId, changes, hash }
    static let apiName = "AuditEntry"
    static let pageName = "AuditPage"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.seq: .integer, .at: .string, .actorId: .nullableString, .actorName: .string, .ip: .string,
                .unitCode: .string, .action: .string, .recordType: .string, .recordId: .string, .changes: .string, .hash: .string,
            ],
            required: [.seq, .at, .actorName, .ip, .unitCode, .action, .recordType, .recordId, .changes, .hash])
    }
}

extension SessionRequest: APISchema {
    enum Keys: String, CodingKey { case username, password }
    static let apiName = "SessionRequest"
    static var apiSchema: JSONSchema { .closed([Keys.username: .string, .password: .string]) }
}

extension SessionResponse: APISchema {
    enum Keys: String, CodingKey { case token, account, idleTimeoutSeconds }
    static let apiName = "SessionResponse"
    static var apiSchema: JSONSchema {
        .closed([Keys.token: .string, .account: .ref(AccountDTO.self), .idleTimeoutSeconds: .integer])
    }
}

extension PasswordChangeRequest: APISchema {
    enum Keys: String, CodingKey { case current, new }
    static let apiName = "PasswordChangeRequest"
    static var apiSchema: JSONSchema { .closed([Keys.current: .string, .new: .string]) }
}

extension MeResponse: APISchema {
    enum Keys: String, CodingKey { case account, permissions, readable }
    static let apiName = "Me"
    static var apiSchema: JSONSchema {
        .closed([Keys.account: .ref(AccountDTO.self), .permissions: .list(.string), .readable: .list(.string)])
    }
}

extension RevealResponse: APISchema {
    enum Keys: String, CodingKey { case field, value }
    static let apiName = "Reveal"
    static var apiSchema: JSONSchema { .closed([Keys.field: .string, .value: .string]) }
}

extension UnitCreateRequest: APISchema {
    enum Keys: String, CodingKey { case parentCode, name, reason }
    static let apiName = "UnitCreateRequest"
    static var apiSchema: JSONSchema { .closed([Keys.parentCode: .string, .name: .string, .reason: .string]) }
}

extension UnitRenameRequest: APISchema {
    enum Keys: String, CodingKey { case name, reason }
    static let apiName = "UnitRenameRequest"
    static var apiSchema: JSONSchema { .closed([Keys.name: .string, .reason: .string]) }
}

extension UnitMergeRequest: APISchema {
    enum Keys: String, CodingKey { case into, reason }
    static let apiName = "UnitMergeRequest"
    static var apiSchema: JSONSchema { .closed([Keys.into: .string, .reason: .string]) }
}

extension ReasonRequest: APISchema {
    enum Keys: String, CodingKey { case reason }
    static let apiName = "ReasonRequest"
    static var apiSchema: JSONSchema { .closed([Keys.reason: .string]) }
}

extension AccountCreateRequest: APISchema {
    enum Keys: String, CodingKey { case username, displayName, role, unitCode, phone }
    static let apiName = "AccountCreateRequest"
    static var apiSchema: JSONSchema {
        .closed(
            [Keys.username: .string, .displayName: .string, .role: .string, .unitCode: .string, .phone: .string],
            required: [.username, .displayName, .role, .unitCode])
    }
}

extension HandoverRequest: APISchema {
    enum Keys: String, CodingKey { case username, displayName, phone }
    static let apiName = "HandoverRequest"
    static var apiSchema: JSONSchema {
        .closed([Keys.username: .string, .displayName: .string, .phone: .string], required: [.username, .displayName])
    }
}
