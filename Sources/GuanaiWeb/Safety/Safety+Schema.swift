import GuanaiCore
import OpenAPIKit30

// Visits', alerts' and reports' shapes for the OpenAPI document. `Keys` names each type's JSON properties (the
// coding keys Swift makes are private to the type's file, Core's internal to Core); APISchemaTests checks each
// `Keys` against what its type reads.

extension VisitInput: APISchema {
    enum Keys: String, CodingKey { case date, mode, checklist, notes }
    static let apiName = "VisitInput"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.date: .string, .mode: .tokens(VisitMode.self),
                .checklist: .closed(VisitCheck.allCases.map { ($0.rawValue, JSONSchema.tokens(CheckAnswer.self)) }, required: []),
                .notes: .string,
            ],
            required: [.mode])
    }
}

extension VisitDTO: APISchema {
    enum Keys: String, CodingKey { case id, childId, date, mode, checklist, notes, by, createdAt, photos }
    static let apiName = "Visit"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .childId: .string, .date: .string, .mode: .string, .checklist: .map(.string), .notes: .string,
                .by: .string, .createdAt: .string, .photos: .list(.string),
            ],
            required: [.id, .childId, .date, .mode, .checklist, .notes, .by, .createdAt])
    }
}

extension AlertDTO: APISchema {
    enum Keys: String, CodingKey {
        case id, childId, childName, villageCode, kind, level, status, reasons, createdAt, escalatedTo, acknowledgedAt, acknowledgedBy,
            plan, resolvedAt, resolution
    }
    static let apiName = "Alert"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .childId: .string, .childName: .string, .villageCode: .string, .kind: .tokens(AlertKind.self),
                .level: .string, .status: .tokens(AlertStatus.self), .reasons: .list(ReasonDTO.self), .createdAt: .string,
                .escalatedTo: .list(.string), .acknowledgedAt: .nullableString, .acknowledgedBy: .nullableString, .plan: .nullableString,
                .resolvedAt: .nullableString, .resolution: .nullableString,
            ],
            required: [.id, .childId, .childName, .villageCode, .kind, .level, .status, .reasons, .createdAt, .escalatedTo])
    }
}

/// The response plan of an alert (the controller reads the body as a dictionary).
enum AlertPlanBody: APISchema {
    enum Keys: String, CodingKey { case plan }
    static let apiName = "AlertPlan"
    static var apiSchema: JSONSchema { .closed([Keys.plan: .string]) }
}

/// How an alert was resolved (the controller reads the body as a dictionary).
enum AlertResolveBody: APISchema {
    enum Keys: String, CodingKey { case note }
    static let apiName = "AlertResolve"
    static var apiSchema: JSONSchema { .closed([Keys.note: .string]) }
}

extension ReportInput: APISchema {
    enum Keys: String, CodingKey { case childId, reporter, reporterContact, reportedAt, seen, policeCalled, policeReportNo }
    static let apiName = "ReportInput"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.childId: .string, .reporter: .string, .reporterContact: .string, .reportedAt: .string, .seen: .string,
                .policeCalled: .boolean, .policeReportNo: .string,
            ],
            required: [.childId, .reporter, .seen])
    }
}

extension ReportStepInput: APISchema {
    enum Keys: String, CodingKey { case step, action, note, doneAt }
    static let apiName = "ReportStepInput"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.step: .tokens(ReportStepKind.self),
                .action: .oneOf(ReportAction.allCases.map(\.rawValue) + InterventionDecision.allCases.map(\.rawValue)),
                .note: .string, .doneAt: .string,
            ],
            required: [.step, .note])
    }
}

extension ReportStepDTO: APISchema {
    enum Keys: String, CodingKey { case id, step, action, note, doneAt, by, createdAt }
    static let apiName = "ReportStep"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .step: .string, .action: .nullableString, .note: .string, .doneAt: .string, .by: .string,
                .createdAt: .string,
            ],
            required: [.id, .step, .note, .doneAt, .by, .createdAt])
    }
}

extension ReportDTO: APISchema {
    enum Keys: String, CodingKey {
        case id, childId, villageCode, reporter, reporterContact, reportedAt, seen, policeCalled, policeReportNo, filedBy, filedAt, status,
            closedAt, steps
    }
    static let apiName = "Report"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .childId: .string, .villageCode: .string, .reporter: .string, .reporterContact: .string,
                .reportedAt: .string, .seen: .string, .policeCalled: .boolean, .policeReportNo: .nullableString, .filedBy: .string,
                .filedAt: .string, .status: .tokens(ReportStatus.self), .closedAt: .nullableString, .steps: .list(ReportStepDTO.self),
            ],
            required: [.id, .childId, .villageCode, .reporter, .reportedAt, .seen, .policeCalled, .filedBy, .filedAt, .status, .steps])
    }
}
