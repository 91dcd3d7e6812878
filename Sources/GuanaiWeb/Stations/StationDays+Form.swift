import GuanaiCore

/// A day's roster as posted from the phone page: row `i` carries the child's id (`c<i>`), her mark (`s<i>`, one
/// radio group each) and a note (`n<i>`). A row left unmarked sends no entry, so the child keeps no mark that day.
struct RosterPageForm: Decodable {
    struct Row: Equatable {
        var childId: String, status: String?, note: String?
    }
    var date: String
    var rows: [Row]

    static func child(_ i: Int) -> String { "c\(i)" }
    static func status(_ i: Int) -> String { "s\(i)" }
    static func note(_ i: Int) -> String { "n\(i)" }
    static let dateKey = "date"

    init(date: String, rows: [Row]) {
        self.date = date
        self.rows = rows
    }

    init(from decoder: any Decoder) throws {
        let fields = try [String: String](from: decoder)
        date = fields[Self.dateKey] ?? ""
        var out: [Row] = []
        var i = 0
        // Rows are numbered from 0 without gaps; a station holds at most 500 children.
        while i <= StationForm.capacityRange.upperBound, let id = fields[Self.child(i)] {
            out.append(Row(childId: id, status: fields[Self.status(i)].flatMap { $0.isEmpty ? nil : $0 }, note: fields[Self.note(i)]))
            i += 1
        }
        rows = out
    }

    /// The marked rows as Core reads them, and for each entry the row it came from (errors name entries).
    var input: (RosterInput, rowOfEntry: [Int]) {
        var entries: [RosterEntryInput] = []
        var rowOf: [Int] = []
        for (i, r) in rows.enumerated() where r.status != nil || !(r.note ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            entries.append(RosterEntryInput(childId: r.childId, status: r.status, note: r.note))
            rowOf.append(i)
        }
        return (RosterInput(entries: entries), rowOf)
    }
}

/// Enrolling a child from the station's page: one of the children offered, and her first day.
struct EnrolPageForm: Codable {
    var childId: String?
    var from: String?
    enum CodingKeys: String, CodingKey { case childId, from }
    var input: EnrolmentInput { EnrolmentInput(childId: childId, from: from) }
}

struct EnrolmentEndPageForm: Codable {
    var on: String?
    var reason: String?
    enum CodingKeys: String, CodingKey { case on, reason }
    var input: EnrolmentEndInput { EnrolmentEndInput(on: on, reason: reason) }
}

struct StationActivityPageForm: Codable {
    var kind: String?
    var date: String?
    var title: String?
    var note: String?
    var participants: [String]?
    enum CodingKeys: String, CodingKey { case kind, date, title, note, participants }
    var input: StationActivityInput {
        StationActivityInput(kind: kind, date: date, title: title, note: note, participants: participants ?? [])
    }
}

/// The year's calendar as typed: closed days one per line (or separated by commas or spaces).
struct StationCalendarPageForm: Codable {
    var year: String?
    var winterFrom: String?
    var winterTo: String?
    var summerFrom: String?
    var summerTo: String?
    var closedDays: String?
    enum CodingKeys: String, CodingKey { case year, winterFrom, winterTo, summerFrom, summerTo, closedDays }

    init() {}

    init(_ k: StationCalendarDTO) {
        year = String(k.year); winterFrom = k.winter?.from; winterTo = k.winter?.to; summerFrom = k.summer?.from
        summerTo = k.summer?.to; closedDays = k.closedDays.joined(separator: "\n")
    }

    var input: StationCalendarInput {
        func range(_ a: String?, _ b: String?) -> StationCalendarInput.RangeInput? {
            (a ?? "").isEmpty && (b ?? "").isEmpty ? nil : .init(from: a, to: b)
        }
        let days = (closedDays ?? "").split(whereSeparator: { $0 == "\n" || $0 == "," || $0 == " " || $0 == "\r" || $0 == "\u{FF0C}" })
            .map(String.init)
        return StationCalendarInput(
            year: Int((year ?? "").trimmingCharacters(in: .whitespaces)) ?? -1, winter: range(winterFrom, winterTo),
            summer: range(summerFrom, summerTo), closedDays: days)
    }

    /// Core names `winter.from`, `closedDays[3]`…; the page has one field for each range end and one for the days.
    static func field(_ coreField: String) -> String {
        switch coreField {
        case "winter.from": CodingKeys.winterFrom.rawValue
        case "winter.to": CodingKeys.winterTo.rawValue
        case "summer.from": CodingKeys.summerFrom.rawValue
        case "summer.to": CodingKeys.summerTo.rawValue
        case let f where f.hasPrefix("closedDays"): CodingKeys.closedDays.rawValue
        default: coreField
        }
    }
}
