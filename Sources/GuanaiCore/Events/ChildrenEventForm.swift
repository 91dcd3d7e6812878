import Foundation

/// A children's event (a holiday camp, a safety class, a volunteers' visit) as typed for `POST /api/v1/events`.
public struct ChildrenEventInput: Codable, Sendable {
    public var kind: String?
    public var date: String?
    public var unitCode: String?
    public var title: String?
    /// Registry child ids, each one the caller reads.
    public var participants: [String]?

    public init(kind: String? = nil, date: String? = nil, unitCode: String? = nil, title: String? = nil, participants: [String]? = nil) {
        self.kind = kind
        self.date = date
        self.unitCode = unitCode
        self.title = title
        self.participants = participants
    }
}

public struct CheckedChildrenEvent: Sendable, Equatable {
    public let kind: ChildrenEventKind, date: CivilDate, unitCode: String, title: String, participants: [String]
}

/// The event form's checks, with no database: the unit and which children the caller reads are handed in as facts.
public enum ChildrenEventForm {
    /// A camp for a whole township holds a few hundred children at most; more is a pasting slip.
    public static let maxParticipants = 500

    /// `known`: those of `participants` that name a child the caller reads. An event may be planned ahead, so its date
    /// is any real day.
    public static func check(_ input: ChildrenEventInput, unit: UnitFacts?, known: Set<String>, _ c: inout FormChecker)
        -> CheckedChildrenEvent?
    {
        let kind = c.token(input.kind, "kind", ChildrenEventKind.self)
        let date = c.date(input.date, "date")
        if date == nil, c.text(input.date) == nil { c.errors.append(FieldError(field: "date", key: "field.error.required")) }
        let code = DonationForm.unit(input.unitCode, unit, &c)
        let title = c.required(input.title, "title")
        StationForm.text(title, "title", &c)
        var people: [String] = []
        for (i, raw) in (input.participants ?? []).enumerated() {
            let t = raw.trimmingCharacters(in: .whitespaces)
            if !known.contains(t) {
                c.errors.append(FieldError(field: "participants[\(i)]", key: "field.error.choice"))
            } else if !people.contains(t) {
                people.append(t)
            }
        }
        if people.count > maxParticipants {
            c.errors.append(FieldError(field: "participants", key: "event.error.tooMany", args: [String(maxParticipants)]))
        }
        guard c.errors.isEmpty, let kind, let date, let code, let title else { return nil }
        return CheckedChildrenEvent(kind: kind, date: date, unitCode: code, title: title, participants: people)
    }
}
