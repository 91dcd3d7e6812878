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
    enum Keys: String, CodingKey { case id, kind, date, unitCode, title, participants, createdAt }
    static let apiName = "ChildrenEvent"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .kind: .tokens(ChildrenEventKind.self), .date: .string, .unitCode: .string, .title: .string,
                .participants: .list(.string), .createdAt: .string,
            ], required: [.id, .kind, .date, .unitCode, .title, .participants, .createdAt])
    }
}
