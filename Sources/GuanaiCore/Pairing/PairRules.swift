import Foundation

/// A pair action as typed.
public struct PairActionInput: Codable, Sendable {
    public var note: String?
    public var closeReason: String?
    /// On approval: the day the pair starts, when the township sets one (else it starts at the first contact).
    public var startOn: String?

    public init(note: String? = nil, closeReason: String? = nil, startOn: String? = nil) {
        self.note = note
        self.closeReason = closeReason
        self.startOn = startOn
    }
}

/// One screening step confirmed, as typed.
public struct ScreeningInput: Codable, Sendable {
    public var step: String?
    public var on: String?

    public init(step: String? = nil, on: String? = nil) {
        self.step = step
        self.on = on
    }
}

/// A contact by the volunteer, as typed.
public struct ContactInput: Codable, Sendable {
    public var date: String?
    public var mode: String?
    public var minutes: Int?
    public var notes: String?

    public init(date: String? = nil, mode: String? = nil, minutes: Int? = nil, notes: String? = nil) {
        self.date = date
        self.mode = mode
        self.minutes = minutes
        self.notes = notes
    }
}

/// Who may be paired: a monitored child without another open pair, a screened active volunteer with room. The
/// caller reads the facts; each failure names its field.
public enum PairGate {
    public struct ChildFacts: Sendable {
        public let status: ChildStatus
        /// Another open pair holds her (not the one being reopened).
        public let otherOpenPair: Bool
        public init(status: ChildStatus, otherOpenPair: Bool) {
            self.status = status
            self.otherOpenPair = otherOpenPair
        }
    }

    public struct VolunteerFacts: Sendable {
        public let status: VolunteerStatus
        /// The screening steps confirmed.
        public let screened: Set<ScreeningStep>
        public let capacity: Int
        /// Her pairs that hold a place: proposed, approved, active and paused.
        public let openLoad: Int
        public init(status: VolunteerStatus, screened: Set<ScreeningStep>, capacity: Int, openLoad: Int) {
            self.status = status
            self.screened = screened
            self.capacity = capacity
            self.openLoad = openLoad
        }
    }

    /// The checks a new or reopened pair must pass. Reopening takes a place again: the closed pair itself is not
    /// counted in her load, so the same room is needed.
    public static func errors(child c: ChildFacts, volunteer v: VolunteerFacts) -> [FieldError] {
        var errors: [FieldError] = []
        if c.status != .active { errors.append(FieldError(field: "childId", key: "pairing.error.childNotListed")) }
        if c.otherOpenPair { errors.append(FieldError(field: "childId", key: "pairing.error.childPaired")) }
        if v.status != .active { errors.append(FieldError(field: "volunteerId", key: "pairing.error.withdrawn")) }
        for step in ScreeningStep.allCases where !v.screened.contains(step) {
            errors.append(FieldError(field: "volunteerId", key: "pairing.error.notScreened." + step.rawValue))
        }
        if v.openLoad >= v.capacity {
            errors.append(FieldError(field: "volunteerId", key: "pairing.error.full", args: [String(v.capacity)]))
        }
        return errors
    }
}

extension PairLifecycle {
    /// The pair's own lifecycle fields as stored.
    public struct Record: Sendable, Equatable {
        public var status: PairStatus
        public var startedOn: String?
        public var resumedOn: String?
        public var closeReason: PairCloseReason?
        public var closeNote: String?

        public init(status: PairStatus, startedOn: String?, resumedOn: String?, closeReason: PairCloseReason?, closeNote: String?) {
            self.status = status
            self.startedOn = startedOn
            self.resumedOn = resumedOn
            self.closeReason = closeReason
            self.closeNote = closeNote
        }
    }

    /// One step of the lifecycle, checked: where it leads and what it carries.
    public struct Step: Sendable, Equatable {
        public let action: PairAction
        public let next: PairStatus
        /// The note as typed, trimmed.
        public let note: String
        public let reason: PairCloseReason?
        /// On approval: the day the township set for the start.
        public let planned: CivilDate?

        /// The history's note: a closing says its reason first.
        public var eventNote: String { action == .close ? (reason?.rawValue ?? "") + ": " + note : note }

        /// A planned day that has already come starts the pair at once.
        public func startsAtOnce(today: CivilDate) -> Bool { planned.map { $0 <= today } ?? false }

        /// The step's effect on the pair. `startedOn`: the first contact's day, when a contact starts the pair.
        public func apply(to r: inout Record, startedOn: String? = nil, today: CivilDate) {
            r.status = next
            if let d = planned { r.startedOn = d.iso }
            // The first contact dates the start, even before a planned day; else the planned day, else today.
            if next == .active && action != .resume && action != .reopen { r.startedOn = startedOn ?? r.startedOn ?? today.iso }
            // Back from a pause or a closing: the months in between are not missed contacts.
            if action == .resume || action == .reopen { r.resumedOn = today.iso }
            if action == .close { r.closeReason = reason; r.closeNote = note }
            if action == .reopen { r.closeReason = nil; r.closeNote = nil }
        }
    }

    /// The transition refused, as the API says it.
    public static let refused = FieldError(field: "status", key: "pairing.error.transition")

    /// Checks one action from `status`: the transition must exist; closing needs a reason and a note; an approval may
    /// set a start day. `gate`: the pair gate's errors, when reopening (the caller reads its facts).
    public static func step(
        from status: PairStatus, _ action: PairAction, _ input: PairActionInput,
        gate: [FieldError] = []
    ) -> Result<Step, FieldErrors> {
        guard let next = next(status, action) else { return .failure(FieldErrors([refused])) }
        var errors: [FieldError] = []
        let note = (input.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var reason: PairCloseReason? = nil
        if action == .close {
            reason = PairCloseReason(rawValue: input.closeReason ?? "")
            if reason == nil {
                errors.append(
                    FieldError(
                        field: "closeReason",
                        key: (input.closeReason ?? "").isEmpty ? "field.error.required" : "field.error.choice"))
            }
            if note.isEmpty { errors.append(FieldError(field: "note", key: "field.error.required")) }
        }
        if action == .reopen { errors += gate }
        var planned: CivilDate? = nil
        if action == .approve, let raw = input.startOn, !raw.trimmingCharacters(in: .whitespaces).isEmpty {
            var c = FormChecker()
            planned = c.date(raw, "startOn")
            errors += c.errors
        }
        if !errors.isEmpty { return .failure(FieldErrors(errors)) }
        return .success(Step(action: action, next: next, note: note, reason: reason, planned: planned))
    }
}

/// The checks of what is recorded about a pair: contacts, staff check-ins and screening steps.
public enum PairRecords {
    public static let minutes = 1...720
    public static let notesLimit = 2000

    public struct Contact: Sendable, Equatable {
        public let date: CivilDate
        public let mode: ContactMode
        public let minutes: Int
        public let notes: String
    }

    /// A contact: a past date (today when empty), a mode, 1…720 minutes (an hour when not said), notes within the
    /// limit, and a pair that is approved or active.
    public static func contact(_ input: ContactInput, pair status: PairStatus, today: CivilDate, _ c: inout FormChecker) -> Contact? {
        let date = VolunteerForm.pastDate(input.date, "date", today: today, &c)
        let mode = c.token(input.mode, "mode", ContactMode.self)
        let minutes = input.minutes ?? 60
        if !self.minutes.contains(minutes) { c.errors.append(FieldError(field: "minutes", key: "field.error.choice")) }
        let notes = (input.notes ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if notes.count > notesLimit { c.errors.append(FieldError(field: "notes", key: "field.error.tooLong")) }
        if status != .approved && status != .active {
            c.errors.append(FieldError(field: "status", key: "pairing.error.notOpenForContact"))
        }
        guard c.errors.isEmpty, let date, let mode else { return nil }
        return Contact(date: date, mode: mode, minutes: minutes, notes: notes)
    }

    public struct Checkin: Sendable, Equatable {
        public let with: CheckinWith
        public let date: CivilDate
        public let notes: String
    }

    /// A staff check-in: with whom, a past date, and notes (required, within the limit).
    public static func checkin(with whom: String?, on date: String?, notes: String?, today: CivilDate, _ c: inout FormChecker) -> Checkin? {
        let with = c.token(whom, "with", CheckinWith.self)
        let d = VolunteerForm.pastDate(date, "date", today: today, &c)
        let text = (notes ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { c.errors.append(FieldError(field: "notes", key: "field.error.required")) }
        if text.count > notesLimit { c.errors.append(FieldError(field: "notes", key: "field.error.tooLong")) }
        guard c.errors.isEmpty, let with, let d else { return nil }
        return Checkin(with: with, date: d, notes: text)
    }

    /// A screening step confirmed on a past date (today when empty).
    public static func screening(
        _ input: ScreeningInput, today: CivilDate,
        _ c: inout FormChecker
    ) -> (step: ScreeningStep, on: CivilDate)? {
        let step = c.token(input.step, "step", ScreeningStep.self)
        let date = VolunteerForm.pastDate(input.on, "on", today: today, &c)
        guard c.errors.isEmpty, let step, let date else { return nil }
        return (step, date)
    }
}
