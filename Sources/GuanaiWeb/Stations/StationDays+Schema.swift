import GuanaiCore
import OpenAPIKit30

// The shapes of a station's days and of the calendar for the OpenAPI document; APISchemaTests checks each `Keys`.

extension EnrolmentInput: APISchema {
    enum Keys: String, CodingKey { case childId, from }
    static let apiName = "EnrolmentInput"
    static var apiSchema: JSONSchema { .closed([Keys.childId: .string, .from: .string(format: .date)], required: [.childId]) }
}

extension EnrolmentEndInput: APISchema {
    enum Keys: String, CodingKey { case on, reason }
    static let apiName = "EnrolmentEndInput"
    static var apiSchema: JSONSchema { .closed([Keys.on: .string(format: .date), .reason: .string], required: []) }
}

extension EnrolmentDTO: APISchema {
    enum Keys: String, CodingKey { case id, stationId, childId, childName, from, to, endReason }
    static let apiName = "Enrolment"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .stationId: .string, .childId: .string, .childName: .string, .from: .string, .to: .string,
                .endReason: .string,
            ], required: [.id, .stationId, .childId, .childName, .from])
    }
}

extension RosterEntryInput: APISchema {
    enum Keys: String, CodingKey { case childId, status, note }
    static let apiName = "RosterEntryInput"
    static var apiSchema: JSONSchema {
        .closed([Keys.childId: .string, .status: .tokens(AttendanceStatus.self), .note: .string], required: [.childId, .status])
    }
}

extension RosterInput: APISchema {
    enum Keys: String, CodingKey { case entries }
    static let apiName = "RosterInput"
    static var apiSchema: JSONSchema { .closed([Keys.entries: .list(RosterEntryInput.apiSchema)], required: [.entries]) }
}

extension RosterDTO: APISchema {
    enum Keys: String, CodingKey { case stationId, date, open, reason, entries }
    enum LineKeys: String, CodingKey { case childId, name, status, note }
    static let apiName = "Roster"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.stationId: .string, .date: .string, .open: .boolean, .reason: .string,
                .entries: .list(
                    .closed(
                        [LineKeys.childId: .string, .name: .string, .status: .tokens(AttendanceStatus.self), .note: .string],
                        required: [.childId, .name])),
            ], required: [.stationId, .date, .open, .entries])
    }
}

extension StationActivityInput: APISchema {
    enum Keys: String, CodingKey { case kind, date, title, note, participants }
    static let apiName = "StationActivityInput"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.kind: .tokens(StationActivityKind.self), .date: .string(format: .date), .title: .string, .note: .string,
                .participants: .nonEmptyList(.string),
            ], required: [.kind, .participants])
    }
}

extension StationActivityDTO: APISchema {
    enum Keys: String, CodingKey { case id, stationId, kind, date, title, note, participants, createdAt }
    static let apiName = "StationActivity"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .stationId: .string, .kind: .tokens(StationActivityKind.self), .date: .string, .title: .string,
                .note: .string, .participants: .list(.string), .createdAt: .string,
            ], required: [.id, .stationId, .kind, .date, .participants, .createdAt])
    }
}

extension StationCalendarInput: APISchema {
    enum Keys: String, CodingKey { case year, winter, summer, closedDays }
    enum RangeKeys: String, CodingKey { case from, to }
    static let apiName = "StationCalendarInput"
    static var apiSchema: JSONSchema {
        let range = JSONSchema.closed([RangeKeys.from: .string(format: .date), .to: .string(format: .date)], required: [.from, .to])
        return .closed(
            [
                Keys.year: .integer(maximum: (2100, false), minimum: (2000, false)), .winter: range, .summer: range,
                .closedDays: .list(.string(format: .date)),
            ], required: [.year])
    }
}

extension StationCalendarDTO: APISchema {
    enum Keys: String, CodingKey { case year, winter, summer, closedDays }
    enum RangeKeys: String, CodingKey { case from, to }
    static let apiName = "StationCalendar"
    static var apiSchema: JSONSchema {
        let range = JSONSchema.closed([RangeKeys.from: .string, .to: .string], required: [.from, .to])
        return .closed([Keys.year: .integer, .winter: range, .summer: range, .closedDays: .list(.string)], required: [.year, .closedDays])
    }
}

/// The station rules' fields and ranges as Core declares them (`StationRules.fields`); a PUT may send some.
extension StationRules: APISchema {
    static let apiName = "StationRules"
    static var apiSchema: JSONSchema {
        .closed(
            fields.map { f in (f.name, JSONSchema.integer(maximum: (f.range.upperBound, false), minimum: (f.range.lowerBound, false))) },
            required: [])
    }
}

extension CoverageDTO: APISchema {
    enum Keys: String, CodingKey { case unitCode, leftBehind, enrolled, reachable, covered, rate, rows, priority }
    enum RowKeys: String, CodingKey { case unitCode, name, leftBehind, covered, rate }
    enum PriorityKeys: String, CodingKey { case childId, villageCode, riskTier }
    static let apiName = "StationCoverage"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.unitCode: .string, .leftBehind: .integer, .enrolled: .integer, .reachable: .integer, .covered: .integer,
                .rate: .number,
                .rows: .list(
                    .closed(
                        [RowKeys.unitCode: .string, .name: .string, .leftBehind: .integer, .covered: .integer, .rate: .number],
                        required: [.unitCode, .name, .leftBehind, .covered, .rate])),
                .priority: .list(
                    .closed(
                        [PriorityKeys.childId: .string, .villageCode: .string, .riskTier: .tokens(RiskTier.self)],
                        required: [.childId, .villageCode, .riskTier])),
            ], required: [.unitCode, .leftBehind, .enrolled, .reachable, .covered, .rate, .rows, .priority])
    }
}
