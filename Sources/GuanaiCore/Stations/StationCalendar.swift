import Foundation

/// The school year's holidays and the days every station stays shut (Spring Festival, a flood), one per year, set by
/// the city. Stations read it to know which sessions a day falls in; a year with no calendar has no holidays known.
public struct StationCalendar: Sendable, Equatable, Codable {
    public struct Range: Sendable, Equatable, Codable {
        public let from: CivilDate, to: CivilDate
        public init(from: CivilDate, to: CivilDate) { self.from = from; self.to = to }
        public func contains(_ d: CivilDate) -> Bool { from <= d && d <= to }
    }

    public let year: Int
    public let winter: Range?
    public let summer: Range?
    public let closedDays: Set<CivilDate>

    public init(year: Int, winter: Range?, summer: Range?, closedDays: Set<CivilDate> = []) {
        self.year = year
        self.winter = winter
        self.summer = summer
        self.closedDays = closedDays
    }

    public func isHoliday(_ d: CivilDate) -> Bool { (winter?.contains(d) ?? false) || (summer?.contains(d) ?? false) }
}

/// The calendar as typed for `PUT /api/v1/stations/calendar`.
public struct StationCalendarInput: Sendable, Codable {
    public struct RangeInput: Sendable, Codable {
        public var from: String?, to: String?
        public init(from: String? = nil, to: String? = nil) { self.from = from; self.to = to }
    }
    public var year: Int?
    public var winter: RangeInput?
    public var summer: RangeInput?
    public var closedDays: [String]?

    public init(year: Int? = nil, winter: RangeInput? = nil, summer: RangeInput? = nil, closedDays: [String]? = nil) {
        self.year = year
        self.winter = winter
        self.summer = summer
        self.closedDays = closedDays
    }
}

extension StationCalendar {
    /// Every field's problem at once. A holiday must end on or after it starts and touch its year (the winter
    /// holiday may begin in the December before); a closed day lies in the year.
    public static func check(_ input: StationCalendarInput, _ c: inout FormChecker) -> StationCalendar? {
        guard let year = input.year else {
            c.errors.append(FieldError(field: "year", key: "field.error.required"))
            return nil
        }
        if !(2000...2100).contains(year) { c.errors.append(FieldError(field: "year", key: "field.error.choice")) }
        func range(_ r: StationCalendarInput.RangeInput?, _ name: String) -> Range? {
            guard let r else { return nil }
            let from = c.date(r.from, name + ".from"), to = c.date(r.to, name + ".to")
            if r.from == nil || r.from?.isEmpty == true { c.errors.append(FieldError(field: name + ".from", key: "field.error.required")) }
            if r.to == nil || r.to?.isEmpty == true { c.errors.append(FieldError(field: name + ".to", key: "field.error.required")) }
            guard let from, let to else { return nil }
            if to < from { c.errors.append(FieldError(field: name + ".to", key: "stations.error.rangeOrder")); return nil }
            if to.year != year && from.year != year {
                c.errors.append(FieldError(field: name + ".from", key: "stations.error.outsideYear", args: [String(year)]))
                return nil
            }
            return Range(from: from, to: to)
        }
        let winter = range(input.winter, "winter"), summer = range(input.summer, "summer")
        var closed: Set<CivilDate> = []
        for (i, raw) in (input.closedDays ?? []).enumerated() {
            let field = "closedDays[\(i)]"
            guard let d = c.date(raw, field) else {
                if raw.trimmingCharacters(in: .whitespaces).isEmpty {
                    c.errors.append(FieldError(field: field, key: "field.error.required"))
                }
                continue
            }
            if d.year != year { c.errors.append(FieldError(field: field, key: "stations.error.outsideYear", args: [String(year)])) }
            closed.insert(d)
        }
        guard c.errors.isEmpty else { return nil }
        return StationCalendar(year: year, winter: winter, summer: summer, closedDays: closed)
    }
}

extension CivilDate {
    /// Monday is 1, Sunday 7 (ISO 8601). 1970-01-01, day number 0, was a Thursday.
    public var isoWeekday: Int { ((dayNumber % 7 + 7) % 7 + 3) % 7 + 1 }
    public var isWeekend: Bool { isoWeekday >= 6 }
}

/// The sessions a station keeps, read against the year's calendar.
public struct StationSchedule: Sendable, Equatable {
    public let sessions: Set<StationSession>
    public init(_ sessions: Set<StationSession>) { self.sessions = sessions }

    /// The sessions `d` falls in, whether or not this station keeps them. A closed day falls in none; a holiday
    /// weekday is a holiday, not a school day; a weekend is a weekend and, inside a holiday, a holiday day too.
    /// Every calendar is read, not only `d`'s year's: a winter holiday may begin in the December before.
    public static func sessions(on d: CivilDate, calendars: [StationCalendar]) -> Set<StationSession> {
        if calendars.contains(where: { $0.closedDays.contains(d) }) { return [] }
        var out: Set<StationSession> = []
        if calendars.contains(where: { $0.winter?.contains(d) == true }) { out.insert(.winterHoliday) }
        if calendars.contains(where: { $0.summer?.contains(d) == true }) { out.insert(.summerHoliday) }
        if d.isWeekend {
            out.insert(.weekends)
        } else if out.isEmpty {
            out.insert(.afterSchool)
        }
        return out
    }

    /// Open when `d` falls in a session this station keeps. With no calendar set no holiday is known, so only
    /// school days and weekends open.
    public func isOpen(on d: CivilDate, calendars: [StationCalendar]) -> Bool {
        !sessions.isDisjoint(with: Self.sessions(on: d, calendars: calendars))
    }

    public func isOpen(on d: CivilDate, calendar: StationCalendar?) -> Bool { isOpen(on: d, calendars: calendar.map { [$0] } ?? []) }
}
