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

/// Whether an event still stands. A cancelled event keeps its record (and its reason) and is changed no more.
public enum ChildrenEventStatus: String, Sendable, Codable, CaseIterable {
    case active, cancelled
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

    /// A PATCH over the event as stored: the keys sent replace the stored ones, `participants` the whole list.
    public static func merged(_ current: ChildrenEventInput, _ patch: ChildrenEventInput) -> ChildrenEventInput {
        ChildrenEventInput(
            kind: patch.kind ?? current.kind, date: patch.date ?? current.date, unitCode: patch.unitCode ?? current.unitCode,
            title: patch.title ?? current.title, participants: patch.participants ?? current.participants)
    }

    /// The key of the refusal when the event may not change at all (a cancelled event is kept as it was), else nil.
    public static func refusal(_ status: ChildrenEventStatus) -> String? {
        status == .cancelled ? "event.error.cancelled" : nil
    }

    /// A change to an event, checked whole as a new one is, and then: an event already held (its stored day before
    /// today) cannot be moved into the future, which would turn a record of what happened into a plan.
    public static func checkChange(
        _ patch: ChildrenEventInput, current: ChildrenEventInput, unit: UnitFacts?, known: Set<String>, today: CivilDate,
        _ c: inout FormChecker
    ) -> CheckedChildrenEvent? {
        let checked = check(merged(current, patch), unit: unit, known: known, &c)
        if let was = current.date.flatMap(CivilDate.init(iso:)), was < today,
            let now = patch.date.flatMap({ CivilDate(iso: $0.trimmingCharacters(in: .whitespaces)) }), now > today
        {
            c.errors.append(FieldError(field: "date", key: "event.error.pastToFuture", args: [was.iso]))
            return nil
        }
        return checked
    }

    /// Cancelling needs a reason, told to whoever reads the event later.
    public static func checkCancel(reason: String?, _ c: inout FormChecker) -> String? {
        let r = c.required(reason, "reason")
        StationForm.text(r, "reason", &c)
        return c.errors.isEmpty ? r : nil
    }
}
