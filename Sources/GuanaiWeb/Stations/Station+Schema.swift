import GuanaiCore
import OpenAPIKit30

// Stations' shapes for the OpenAPI document. `Keys` names each type's JSON properties (Core's coding keys are internal
// to Core); APISchemaTests checks each `Keys` against what its type reads.

extension StationInput: APISchema {
    enum Keys: String, CodingKey {
        case name, unitCode, host, address, latitude, longitude, capacity, schedule, staff, volunteerIds, facilities, status, openedOn,
            closedOn
    }
    enum StaffKeys: String, CodingKey { case name, phone }
    static let apiName = "StationInput"
    static var apiSchema: JSONSchema {
        let range = StationForm.capacityRange
        return .closed(
            [
                Keys.name: .string, .unitCode: .string, .host: .tokens(StationHost.self), .address: .string, .latitude: .number,
                .longitude: .number,
                // Stated here: the volunteers' `capacity` (pairs a volunteer takes) has another range under the same name.
                .capacity: .integer(
                    maximum: (range.upperBound, exclusive: false), minimum: (range.lowerBound, exclusive: false)),
                .schedule: .nonEmptyList(.tokens(StationSession.self)),
                .staff: .list(.closed([StaffKeys.name: .string, .phone: .string], required: [.name])),
                .volunteerIds: .list(.string), .facilities: .string, .status: .tokens(StationStatus.self), .openedOn: .string,
                .closedOn: .string,
            ], required: [.name, .unitCode, .host, .capacity, .schedule])
    }
}

extension UnitPointInput: APISchema {
    enum Keys: String, CodingKey { case latitude, longitude }
    static let apiName = "UnitPointInput"
    static var apiSchema: JSONSchema { .closed([Keys.latitude: .number, .longitude: .number], required: [.latitude, .longitude]) }
}

extension StationDTO: APISchema {
    enum Keys: String, CodingKey {
        case id, name, unitCode, host, address, latitude, longitude, capacity, schedule, staff, volunteerIds, facilities, status, openedOn,
            closedOn, enrolled, createdAt, updatedAt
    }
    enum StaffKeys: String, CodingKey { case name, phone }
    static let apiName = "Station"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .name: .string, .unitCode: .string, .host: .tokens(StationHost.self), .address: .string,
                .latitude: .number, .longitude: .number, .capacity: .integer, .schedule: .list(.tokens(StationSession.self)),
                .staff: .list(.closed([StaffKeys.name: .string, .phone: .string], required: [.name])), .volunteerIds: .list(.string),
                .facilities: .string, .status: .tokens(StationStatus.self), .openedOn: .string, .closedOn: .string,
                .enrolled: .integer, .createdAt: .string, .updatedAt: .string,
            ],
            required: [
                .id, .name, .unitCode, .host, .capacity, .schedule, .staff, .volunteerIds, .status, .enrolled, .createdAt, .updatedAt,
            ])
    }
}
