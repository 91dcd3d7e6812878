import Foundation

/// `POST /api/v1/stations/{id}/enrolments`: the child and her first day (today when left out).
public struct EnrolmentInput: Codable, Sendable, Equatable {
    public var childId: String?
    public var from: String?
    public init(childId: String? = nil, from: String? = nil) {
        self.childId = childId
        self.from = from
    }
}

/// `…/enrolments/{eid}/end`: her last day (today when left out) and why she left.
public struct EnrolmentEndInput: Codable, Sendable, Equatable {
    public var on: String?
    public var reason: String?
    public init(on: String? = nil, reason: String? = nil) {
        self.on = on
        self.reason = reason
    }
}

/// `PUT /api/v1/stations/{id}/attendance/{date}`: the day's marks, which replace the ones stored for that day.
public struct RosterInput: Codable, Sendable, Equatable {
    public var entries: [RosterEntryInput]?
    public init(entries: [RosterEntryInput]? = nil) { self.entries = entries }
}

/// `POST /api/v1/stations/{id}/activities`: what the station did on a day, and with which of its children.
public struct StationActivityInput: Codable, Sendable, Equatable {
    public var kind: String?
    public var date: String?
    public var title: String?
    public var note: String?
    public var participants: [String]?
    public init(kind: String? = nil, date: String? = nil, title: String? = nil, note: String? = nil, participants: [String]? = nil) {
        self.kind = kind
        self.date = date
        self.title = title
        self.note = note
        self.participants = participants
    }
}

public struct CheckedStationActivity: Sendable, Equatable {
    public let kind: StationActivityKind
    public let date: CivilDate
    public let title: String?
    public let note: String?
    public let participants: [String]
}

public enum StationActivityRules {
    /// Every problem at once: a known kind, a day not in the future (today when left out), and at least one
    /// participant, each enrolled at the station that day and named once (`participants[i]`).
    public static func check(
        _ input: StationActivityInput, today: CivilDate, enrolled: (String, CivilDate) -> Bool, _ c: inout FormChecker
    ) -> CheckedStationActivity? {
        let kind = c.token(input.kind, "kind", StationActivityKind.self)
        let day = (input.date ?? "").trimmingCharacters(in: .whitespaces).isEmpty ? today : c.date(input.date, "date")
        if let day, day > today { c.errors.append(FieldError(field: "date", key: "pairing.error.future")) }
        let title = c.text(input.title), note = c.text(input.note)
        StationForm.text(title, "title", &c)
        StationForm.text(note, "note", &c)
        var people: [String] = []
        for (i, raw) in (input.participants ?? []).enumerated() {
            let id = raw.trimmingCharacters(in: .whitespaces)
            if id.isEmpty || people.contains(id) {
                c.errors.append(FieldError(field: "participants[\(i)]", key: "stations.error.duplicateChild"))
            } else if let day, !enrolled(id, day) {
                c.errors.append(FieldError(field: "participants[\(i)]", key: "stations.error.notEnrolled"))
            } else {
                people.append(id)
            }
        }
        if (input.participants ?? []).isEmpty { c.errors.append(FieldError(field: "participants", key: "field.error.required")) }
        guard c.errors.isEmpty, let kind, let day else { return nil }
        return CheckedStationActivity(kind: kind, date: day, title: title, note: note, participants: people)
    }
}
