import GuanaiCore
import OpenAPIKit30

// Volunteers', pairs' and the volunteer desk's shapes for the OpenAPI document. `Keys` names each type's JSON
// properties (the coding keys Swift makes are private to the type's file, Core's internal to Core); APISchemaTests
// checks each `Keys` against what its type reads.

extension VolunteerMainDTO: APISchema {
    enum Keys: String, CodingKey {
        case id, name, idNumber, phone, unitCode, skills, capacity, load, latitude, longitude, screening, screened, status, serviceHours
    }
    static let apiName = "Volunteer"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .name: .string, .idNumber: .string, .phone: .nullableString, .unitCode: .string,
                .skills: .list(.string), .capacity: .integer, .load: .integer, .latitude: .nullableNumber, .longitude: .nullableNumber,
                .screening: .list(Check.apiSchema), .screened: .boolean, .status: .string, .serviceHours: .number,
            ],
            required: [.id, .name, .idNumber, .unitCode, .skills, .capacity, .load, .screening, .screened, .status, .serviceHours])
    }
}

extension VolunteerMainDTO.Check {
    enum Keys: String, CodingKey { case step, on, by }
    static var apiSchema: JSONSchema { .closed([Keys.step: .tokens(ScreeningStep.self), .on: .string, .by: .string]) }
}

/// Registering needs some fields, a PATCH (`PatchOf<VolunteerInput>`) none.
extension VolunteerInput: APISchema {
    enum Keys: String, CodingKey { case name, idNumber, phone, unitCode, skills, capacity, latitude, longitude, status, account }
    static let apiName = "VolunteerInput"
    static var apiSchema: JSONSchema {
        JSONSchema.closed(
            [
                Keys.name: .string, .idNumber: .string, .phone: .string, .unitCode: .string, .skills: .list(.tokens(VolunteerSkill.self)),
                .capacity: .integer, .latitude: .number, .longitude: .number, .status: .tokens(VolunteerStatus.self), .account: .string,
            ],
            required: [.name, .idNumber, .unitCode]
        ).adding(details: VolunteerDetail.self, nullable: false, response: false)
    }
}

extension ScreeningInput: APISchema {
    enum Keys: String, CodingKey { case step, on }
    static let apiName = "ScreeningInput"
    static var apiSchema: JSONSchema { .closed([Keys.step: .tokens(ScreeningStep.self), .on: .string], required: [.step]) }
}

extension PairInput: APISchema {
    enum Keys: String, CodingKey { case childId, volunteerId }
    static let apiName = "PairInput"
    static var apiSchema: JSONSchema { .closed([Keys.childId: .string, .volunteerId: .string]) }
}

/// Every pair action reads this one type; approving and closing each document the part they use.
extension PairActionInput: APISchema {
    enum Keys: String, CodingKey { case note, closeReason, startOn }
    static let apiName = "PairActionInput"
    static var apiSchema: JSONSchema {
        .closed([Keys.note: .string, .closeReason: .tokens(PairCloseReason.self), .startOn: .string], required: [])
    }
}

/// Approving a pair (`PairActionInput`): the day it starts, if the township sets one.
enum PairApproveBody: APISchema {
    static let apiName = "PairApproveInput"
    static var apiSchema: JSONSchema { .closed([PairActionInput.Keys.startOn: .string], required: []) }
}

/// Closing a pair (`PairActionInput`): a reason and a note.
enum PairCloseBody: APISchema {
    static let apiName = "PairCloseInput"
    static var apiSchema: JSONSchema { .closed([PairActionInput.Keys.note: .string, .closeReason: .tokens(PairCloseReason.self)]) }
}

extension PairDTO: APISchema {
    enum Keys: String, CodingKey { case id, childId, volunteerId, villageCode, status, startedOn, closeReason, closeNote, cost, history }
    static let apiName = "Pair"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .childId: .string, .volunteerId: .string, .villageCode: .string, .status: .tokens(PairStatus.self),
                .startedOn: .nullableString, .closeReason: .nullableString, .closeNote: .nullableString, .cost: .nullableInteger,
                .history: .list(PairEventDTO.apiSchema),
            ],
            required: [.id, .childId, .volunteerId, .villageCode, .status, .history])
    }
}

extension PairEventDTO {
    enum Keys: String, CodingKey { case from, to, note, by, at }
    static var apiSchema: JSONSchema {
        .closed(
            [Keys.from: .nullableString, .to: .string, .note: .string, .by: .string, .at: .string], required: [.to, .note, .by, .at])
    }
}

extension ContactInput: APISchema {
    enum Keys: String, CodingKey { case date, mode, minutes, notes }
    static let apiName = "ContactInput"
    static var apiSchema: JSONSchema {
        .closed([Keys.date: .string, .mode: .tokens(ContactMode.self), .minutes: .integer, .notes: .string], required: [.mode])
    }
}

extension ContactDTO: APISchema {
    enum Keys: String, CodingKey { case id, pairId, date, mode, minutes, notes, by, onBehalf }
    static let apiName = "Contact"
    static var apiSchema: JSONSchema {
        .closed([
            Keys.id: .string, .pairId: .string, .date: .string, .mode: .string, .minutes: .integer, .notes: .string, .by: .string,
            .onBehalf: .boolean,
        ])
    }
}

extension CheckinInput: APISchema {
    enum Keys: String, CodingKey { case with, date, notes }
    static let apiName = "CheckinInput"
    static var apiSchema: JSONSchema {
        .closed([Keys.with: .tokens(CheckinWith.self), .date: .string, .notes: .string], required: [.with, .notes])
    }
}

extension CheckinDTO: APISchema {
    enum Keys: String, CodingKey { case id, pairId, with, date, notes, by }
    static let apiName = "Checkin"
    static var apiSchema: JSONSchema {
        .closed([Keys.id: .string, .pairId: .string, .with: .string, .date: .string, .notes: .string, .by: .string])
    }
}

/// The cadence's fields and ranges as Core declares them (`ContactCadenceRules.fields`); a PUT may send some.
extension ContactCadenceRules: APISchema {
    static let apiName = "Cadence"
    static var apiSchema: JSONSchema {
        .closed(
            fields.map { f in (f.name, JSONSchema.integer(maximum: (f.range.upperBound, false), minimum: (f.range.lowerBound, false))) },
            required: [])
    }
}

extension PairingAPIController.SuggestionsInput: APISchema {
    enum Keys: String, CodingKey { case unit }
    static let apiName = "SuggestionsInput"
    static var apiSchema: JSONSchema { .closed([Keys.unit: .string]) }
}

extension SuggestionsDTO: APISchema {
    enum Keys: String, CodingKey { case unit, children, volunteers, totalCost, unpaired, suggestions }
    static let apiName = "Suggestions"
    static var apiSchema: JSONSchema {
        .closed([
            Keys.unit: .string, .children: .integer, .volunteers: .integer, .totalCost: .integer, .unpaired: .list(.string),
            .suggestions: .list(SuggestionDTO.apiSchema),
        ])
    }
}

extension SuggestionDTO {
    enum Keys: String, CodingKey { case childId, volunteerId, cost, reasons }
    static var apiSchema: JSONSchema {
        .closed([Keys.childId: .string, .volunteerId: .string, .cost: .integer, .reasons: .list(ReasonDTO.self)])
    }
}

/// What a volunteer sees of one child, and nothing else (`DeskChild`).
extension DeskChild: APISchema {
    static let apiName = "DeskChild"
    static var apiSchema: JSONSchema {
        .closed(
            [
                CodingKeys.pairId: .string, .status: .oneOf(VolunteerDesk.visible.map(\.rawValue)), .givenName: .string, .age: .integer,
                .school: .nullableString, .guardianPhone: .nullableString, .needs: .list(.string),
                .recentContacts: .list(Contact.apiSchema),
                .contactsThisMonth: .integer, .contactsDueThisMonth: .integer, .overdue: .boolean,
            ],
            required: [.pairId, .status, .givenName, .age, .needs, .recentContacts, .contactsThisMonth, .contactsDueThisMonth, .overdue])
    }
}

extension DeskChild.Contact {
    enum Keys: String, CodingKey { case date, mode, minutes, notes }
    static var apiSchema: JSONSchema { .closed([Keys.date: .string, .mode: .string, .minutes: .integer, .notes: .string]) }
}

extension DeskAPIController.ConcernInput: APISchema {
    enum Keys: String, CodingKey { case seen }
    static let apiName = "ConcernInput"
    static var apiSchema: JSONSchema { .closed([Keys.seen: .string], required: [.seen]) }
}

extension DeskAPIController.ConcernDTO: APISchema {
    enum Keys: String, CodingKey { case reportId, status }
    static let apiName = "Concern"
    static var apiSchema: JSONSchema { .closed([Keys.reportId: .string, .status: .string]) }
}
