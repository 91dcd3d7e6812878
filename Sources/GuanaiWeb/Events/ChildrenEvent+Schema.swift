import GuanaiCore
import OpenAPIKit30

extension ChildrenEventInput: APISchema {
    enum Keys: String, CodingKey { case kind, date, unitCode, title, participants }
    static let apiName = "ChildrenEventInput"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.kind: .tokens(ChildrenEventKind.self), .date: .string, .unitCode: .string, .title: .string,
                .participants: .array(maxItems: ChildrenEventForm.maxParticipants, items: .string),
            ], required: [.kind, .date, .unitCode, .title])
    }
}

extension ChildrenEventDTO: APISchema {
    enum Keys: String, CodingKey { case id, kind, date, unitCode, title, participants, status, cancelReason, createdAt, updatedAt }
    static let apiName = "ChildrenEvent"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .kind: .tokens(ChildrenEventKind.self), .date: .string, .unitCode: .string, .title: .string,
                .participants: .list(.string), .status: .tokens(ChildrenEventStatus.self), .cancelReason: .nullableString,
                .createdAt: .string, .updatedAt: .nullableString,
            ], required: [.id, .kind, .date, .unitCode, .title, .participants, .status, .createdAt])
    }
}

extension ChildrenEventCancelInput: APISchema {
    enum Keys: String, CodingKey { case reason }
    static let apiName = "ChildrenEventCancelInput"
    static var apiSchema: JSONSchema { .closed([Keys.reason: .string], required: [.reason]) }
}
