import Foundation

/// One line of a day's roster as typed.
public struct RosterEntryInput: Codable, Sendable, Equatable {
    public var childId: String?
    public var status: String?
    public var note: String?
    public init(childId: String? = nil, status: String? = nil, note: String? = nil) {
        self.childId = childId
        self.status = status
        self.note = note
    }
}

public struct RosterEntry: Sendable, Equatable {
    public let childId: String
    public let status: AttendanceStatus
    public let note: String?
}

/// A station's roster for one day, with no database. The day's marks replace what was there, so a child appears once.
public struct RosterRules: Sendable, Equatable {
    /// How many days back a roster may still be filled or changed: memory fades, and a week covers a missed visit.
    public var maxAgeDays = 7

    public init(maxAgeDays: Int = 7) { self.maxAgeDays = maxAgeDays }

    /// Why a day cannot take a roster, or nil when it can: a future day, one the station does not keep (its schedule
    /// or the calendar), or one more than `maxAgeDays` ago. Field `date`.
    public func dateProblem(_ d: CivilDate, today: CivilDate, schedule: StationSchedule, calendars: [StationCalendar]) -> FieldError? {
        if d > today { return FieldError(field: "date", key: "pairing.error.future") }
        if d.dayNumber < today.dayNumber - maxAgeDays {
            return FieldError(field: "date", key: "stations.error.tooOld", args: [String(maxAgeDays)])
        }
        if !schedule.isOpen(on: d, calendars: calendars) { return FieldError(field: "date", key: "stations.error.closedDay") }
        return nil
    }

    /// The whole `PUT …/attendance/{date}`: the date, then each entry (`entries[i].childId`, `.status`, `.note`).
    /// `enrolled` answers whether a child holds a place at this station on the day (her period covers it).
    public func check(
        date raw: String, entries: [RosterEntryInput], today: CivilDate, schedule: StationSchedule, calendars: [StationCalendar],
        enrolled: (String, CivilDate) -> Bool, _ c: inout FormChecker
    ) -> (date: CivilDate, entries: [RosterEntry])? {
        let d = c.date(raw, "date")
        if raw.trimmingCharacters(in: .whitespaces).isEmpty { c.errors.append(FieldError(field: "date", key: "field.error.required")) }
        if let d, let p = dateProblem(d, today: today, schedule: schedule, calendars: calendars) { c.errors.append(p) }
        var seen: Set<String> = []
        var out: [RosterEntry] = []
        for (i, e) in entries.enumerated() {
            let f = "entries[\(i)]"
            let id = c.required(e.childId, f + ".childId")
            if let id {
                if !seen.insert(id).inserted {
                    c.errors.append(FieldError(field: f + ".childId", key: "stations.error.duplicateChild"))
                } else if let d, !enrolled(id, d) {
                    c.errors.append(FieldError(field: f + ".childId", key: "stations.error.notEnrolled"))
                }
            }
            let status = c.token(e.status, f + ".status", AttendanceStatus.self)
            let note = c.text(e.note)
            StationForm.text(note, f + ".note", &c)
            if status == .leave, note == nil { c.errors.append(FieldError(field: f + ".note", key: "stations.error.leaveNote")) }
            if let id, let status { out.append(RosterEntry(childId: id, status: status, note: note)) }
        }
        guard c.errors.isEmpty, let d else { return nil }
        return (d, out)
    }
}
