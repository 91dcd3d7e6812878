import GuanaiCore
import OpenAPIKit30

// Neighbour groups' shapes for the OpenAPI document. `Keys` names each type's JSON properties (Core's coding keys are
// internal to Core); APISchemaTests checks each `Keys` against what its type reads.

extension NeighbourGroupInput: APISchema {
    enum Keys: String, CodingKey { case villageCode, name, leaderPersonId, members, status }
    enum MemberKeys: String, CodingKey { case householdId, consentedOn }
    static let apiName = "NeighbourGroupInput"
    static var apiSchema: JSONSchema {
        let l = NeighbourGroupService.limits
        return .closed(
            [
                Keys.villageCode: .string, .name: .string, .leaderPersonId: .string,
                // The size is stated here; a household named twice counts once and is refused at `members`.
                .members: .array(
                    minItems: l.minHouseholds, maxItems: l.maxHouseholds,
                    items: .closed([MemberKeys.householdId: .string, .consentedOn: .string])),
                .status: .tokens(NeighbourGroupStatus.self),
            ], required: [.villageCode, .name, .leaderPersonId, .members])
    }
}

extension NeighbourGroupDTO: APISchema {
    enum Keys: String, CodingKey { case id, villageCode, name, leaderPersonId, status, members, activities, createdAt, updatedAt }
    enum MemberKeys: String, CodingKey { case householdId, consentedOn, leftBehind }
    static let apiName = "NeighbourGroup"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .villageCode: .string, .name: .string, .leaderPersonId: .string,
                .status: .tokens(NeighbourGroupStatus.self),
                .members: .list(.closed([MemberKeys.householdId: .string, .consentedOn: .string, .leftBehind: .boolean])),
                .activities: .list(NeighbourActivityDTO.apiSchema), .createdAt: .string, .updatedAt: .string,
            ], required: [.id, .villageCode, .name, .leaderPersonId, .status, .members, .createdAt, .updatedAt])
    }
}

extension NeighbourActivityInput: APISchema {
    enum Keys: String, CodingKey { case kind, date, note }
    static let apiName = "NeighbourActivityInput"
    static var apiSchema: JSONSchema {
        .closed([Keys.kind: .tokens(NeighbourActivityKind.self), .date: .string, .note: .string], required: [.kind, .date])
    }
}

extension NeighbourActivityDTO: APISchema {
    enum Keys: String, CodingKey { case id, kind, date, note, recordedBy, createdAt }
    static let apiName = "NeighbourActivity"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .kind: .tokens(NeighbourActivityKind.self), .date: .string, .note: .string, .recordedBy: .string,
                .createdAt: .string,
            ], required: [.id, .kind, .date, .recordedBy, .createdAt])
    }
}

extension NeighbourGroupAPIController.SuggestionsInput: APISchema {
    enum Keys: String, CodingKey { case villageCode }
    static let apiName = "GroupingSuggestionsInput"
    static var apiSchema: JSONSchema { .closed([Keys.villageCode: .string]) }
}

extension GroupingSuggestionsDTO: APISchema {
    enum Keys: String, CodingKey { case villageCode, groups, ungrouped }
    enum GroupKeys: String, CodingKey { case householdIds, leaderHouseholdId, reasons }
    static let apiName = "GroupingSuggestions"
    static var apiSchema: JSONSchema {
        .closed([
            Keys.villageCode: .string,
            .groups: .list(
                .closed([GroupKeys.householdIds: .list(.string), .leaderHouseholdId: .string, .reasons: .list(ReasonDTO.self)])),
            .ungrouped: .list(.string),
        ])
    }
}

extension NeighbourGroupAPIController.ConcernInput: APISchema {
    enum Keys: String, CodingKey { case childId, seen }
    static let apiName = "NeighbourConcernInput"
    static var apiSchema: JSONSchema { .closed([Keys.childId: .string, .seen: .string]) }
}

extension NeighbourCoverageDTO: APISchema {
    enum Keys: String, CodingKey { case unit, rows }
    enum RowKeys: String, CodingKey { case unitCode, name, leftBehindHouseholds, grouped, rate }
    static let apiName = "NeighbourCoverage"
    static var apiSchema: JSONSchema {
        let row = JSONSchema.closed([
            RowKeys.unitCode: .string, .name: .string, .leftBehindHouseholds: .integer, .grouped: .integer, .rate: .number,
        ])
        return .closed([Keys.unit: row, .rows: .list(row)])
    }
}
