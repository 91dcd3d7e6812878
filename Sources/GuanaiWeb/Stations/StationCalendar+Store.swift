import Fluent
import SQLKit
import Vapor
import GuanaiCore

extension StationCalendarInput: Content {}

/// The holiday calendar, one row of `settings` per year (`stations.calendar.2027`), as typed and checked: every
/// instance reads the same, and a change is one audited transaction.
enum StationCalendarStore {
    static func key(_ year: Int) -> String { "stations.calendar.\(year)" }

    static func input(_ year: Int, on db: any Database) async throws -> StationCalendarInput? {
        guard let row = try await db.sql.select().column("value").from("settings").where("key", .equal, key(year)).first(),
            let text = try? row.decode(column: "value", as: String.self)
        else { return nil }
        return try? JSONDecoder().decode(StationCalendarInput.self, from: Data(text.utf8))
    }

    static func load(_ year: Int, on db: any Database) async throws -> StationCalendar? {
        guard let stored = try await input(year, on: db) else { return nil }
        var c = FormChecker()
        return StationCalendar.check(stored, &c)
    }

    /// The calendars a day may fall under: its own year's, and the next year's, whose winter holiday may begin in
    /// this December.
    static func around(_ day: CivilDate, on db: any Database) async throws -> [StationCalendar] {
        var out: [StationCalendar] = []
        for y in [day.year, day.year + 1] { if let k = try await load(y, on: db) { out.append(k) } }
        return out
    }

    /// Checked by Core (422 naming each field), stored in the typed, normalised form, audited with before and after.
    static func save(_ raw: StationCalendarInput, by actor: AuditActor, at: Date, on db: any Database) async throws -> StationCalendar {
        var c = Checker()
        let checked = StationCalendar.check(raw, &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        let next = StationCalendarDTO(checked)
        let before = try await load(checked.year, on: db).map(StationCalendarDTO.init)
        let fields = AuditLog.diff(before?.auditFields ?? [:], next.auditFields)
        guard !fields.isEmpty else { return checked }
        let k = key(checked.year)
        try await db.transaction { tx in
            try await tx.sql.delete(from: "settings").where("key", .equal, k).run()
            try await tx.sql.insert(into: "settings").columns("key", "value", "updated_at", "updated_by")
                .values(SQLBind(k), SQLBind(RegistryService.json(next.input)), SQLBind(AuditLog.timestamp(at)), SQLBind(actor.name)).run()
            try await AuditLog.append(AuditEvent(AuditAction.update, .settings, k, fields: fields), by: actor, at: at, on: tx)
        }
        return checked
    }
}

struct StationCalendarRangeDTO: Content {
    let from: String, to: String
}

/// A year's calendar as the API shows it: days in ISO form, closed days in order; a year never set shows no holidays.
struct StationCalendarDTO: Content {
    let year: Int
    let winter: StationCalendarRangeDTO?
    let summer: StationCalendarRangeDTO?
    let closedDays: [String]

    init(_ k: StationCalendar) {
        year = k.year
        winter = k.winter.map { StationCalendarRangeDTO(from: $0.from.iso, to: $0.to.iso) }
        summer = k.summer.map { StationCalendarRangeDTO(from: $0.from.iso, to: $0.to.iso) }
        closedDays = k.closedDays.sorted().map(\.iso)
    }

    init(empty year: Int) {
        self.year = year
        winter = nil
        summer = nil
        closedDays = []
    }

    var input: StationCalendarInput {
        StationCalendarInput(
            year: year, winter: winter.map { .init(from: $0.from, to: $0.to) }, summer: summer.map { .init(from: $0.from, to: $0.to) },
            closedDays: closedDays)
    }

    var auditFields: [String: String] {
        [
            "winter": winter.map { $0.from + "–" + $0.to } ?? "", "summer": summer.map { $0.from + "–" + $0.to } ?? "",
            "closedDays": closedDays.joined(separator: ","),
        ]
    }
}
