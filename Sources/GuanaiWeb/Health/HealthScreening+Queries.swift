import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// A woman as the due rules and the due list read her: her facts from `people`, her household's poverty, her history.
struct HealthWomanRow: Sendable {
    let personId: PersonID
    let name: String
    let unitCode: String
    let phone: String?
    let poverty: PovertyStatus
    let facts: HealthPersonFacts
    let history: HealthScreeningHistory
}

/// The columns the due rules read, each from its table: the woman (`p`), her household (`h`), her history (`x`).
private enum Column: String, CaseIterable {
    case id, name, phone, poverty
    case unitCode = "unit_code"
    case birthDate = "birth_date"
    case lastCytology = "last_cytology"
    case lastHPV = "last_hpv"
    case lastBreast = "last_breast"

    var table: String {
        switch self {
        case .poverty: return "h"
        case .lastCytology, .lastHPV, .lastBreast: return "x"
        default: return "p"
        }
    }
}

extension Scoped {
    /// The women of `j` the programme may reach on `today`: female, alive, rural, of the age (Core decides each; the
    /// query narrows by Core's bounds). With `dueFor`, only those the programme does not cover: the due list reads its
    /// women, not the covered ones too.
    func healthEligible(_ j: Jurisdiction, today: CivilDate, _ s: HealthSettings, dueFor: HealthProgramme? = nil) async throws
        -> [HealthWomanRow]
    {
        let r = j.range
        let born = HealthDueRules.eligibleBirthDays(on: today, s)
        let (oldest, youngest) = (born.lowerBound.iso, born.upperBound.iso)
        var q = db.sql.select()
        for c in Column.allCases { q = q.column(SQLColumn(c.rawValue, table: c.table), as: c.rawValue) }
        q =
            q
            .from(SQLAlias(SQLIdentifier(Person.schema), as: SQLIdentifier("p")))
            .join(
                SQLAlias(SQLIdentifier(Household.schema), as: SQLIdentifier("h")), method: SQLJoinMethod.left,
                on: SQLColumn("household_id", table: "p"), .equal, SQLColumn("id", table: "h")
            )
            .join(
                SQLAlias(SQLIdentifier(HealthHistoryRow.schema), as: SQLIdentifier("x")), method: SQLJoinMethod.left,
                on: SQLColumn("id", table: "p"), .equal, SQLColumn("person_id", table: "x")
            )
            .where(SQLColumn("unit_code", table: "p"), .greaterThanOrEqual, SQLBind(r.lowerBound))
            .where(SQLColumn("unit_code", table: "p"), .lessThanOrEqual, SQLBind(r.upperBound))
            .where(SQLColumn("sex", table: "p"), .equal, SQLBind(Sex.female.rawValue))
            .where(SQLColumn("vital_status", table: "p"), .equal, SQLBind(VitalStatus.alive.rawValue))
            .where(SQLColumn("hukou", table: "p"), .equal, SQLBind(Hukou.rural.rawValue))
            .where(SQLColumn("birth_date", table: "p"), .greaterThanOrEqual, SQLBind(oldest))
            .where(SQLColumn("birth_date", table: "p"), .lessThanOrEqual, SQLBind(youngest))
        if let p = dueFor {
            let since = HealthDueRules.coveredSince(p, on: today, s)
            func before(_ column: Column, _ day: CivilDate) -> SQLExpression {
                SQLGroupExpression(
                    SQLBinaryExpression(
                        SQLBinaryExpression(SQLColumn(column.rawValue, table: column.table), .is, SQLLiteral.null), .or,
                        SQLBinaryExpression(SQLColumn(column.rawValue, table: column.table), .lessThan, SQLBind(day.iso))))
            }
            switch p {
            case .cervical: q = q.where(before(.lastCytology, since.cytology)).where(before(.lastHPV, since.hpv))
            case .breast: q = q.where(before(.lastBreast, since.cytology))
            }
        }
        let rows = try await q.all()
        return rows.compactMap { row -> HealthWomanRow? in
            guard let id = try? row.decode(column: "id", as: UUID.self),
                let born = (try? row.decode(column: "birth_date", as: String.self)).flatMap(CivilDate.init(iso:))
            else { return nil }
            let day = { (c: String) in (try? row.decode(column: c, as: String?.self))?.flatMap(CivilDate.init(iso:)) }
            let facts = HealthPersonFacts(sex: .female, vitalStatus: .alive, hukou: .rural, birthDate: born)
            guard HealthDueRules.isEligible(facts, on: today, s) else { return nil }
            return HealthWomanRow(
                personId: PersonID(id), name: (try? row.decode(column: "name", as: String.self)) ?? "",
                unitCode: (try? row.decode(column: "unit_code", as: String.self)) ?? "",
                phone: try? row.decode(column: Column.phone.rawValue, as: String?.self),
                poverty: (try? row.decode(column: "poverty", as: String?.self))?.flatMap(PovertyStatus.init(rawValue:))
                    ?? PovertyStatus.none,
                facts: facts,
                history: HealthScreeningHistory(
                    lastCytology: day("last_cytology"), lastHPV: day("last_hpv"), lastBreast: day("last_breast")))
        }
    }

    /// The due list of a programme: the women due on `today`, poor first, then longest due (`HealthDueList`).
    func healthDue(unit: String?, programme: HealthProgramme, today: CivilDate, _ s: HealthSettings) async throws
        -> [(HealthWomanRow, CivilDate)]
    {
        let women = try await healthEligible(unit.map(narrowed) ?? jurisdiction, today: today, s, dueFor: programme)
        var byID: [PersonID: (HealthWomanRow, CivilDate)] = [:]
        for w in women {
            guard let since = HealthDueRules.dueSince(programme, w.facts, w.history, on: today, s) else { continue }
            byID[w.personId] = (w, since)
        }
        let order = HealthDueList.sorted(byID.map { HealthDueRow(personId: $0.key, dueSince: $0.value.1, poverty: $0.value.0.poverty) })
        return order.compactMap { byID[$0.personId] }
    }

    /// Screenings of the jurisdiction (or `unit` within it), newest first; `campaign` narrows.
    func healthScreenings(unit: String?, campaign: UUID?, page: Int, per: Int) async throws -> (items: [HealthScreening], total: Int) {
        var q = HealthScreening.query(on: db).within(unit.map(narrowed) ?? jurisdiction, \.$unitCode)
        if let campaign { q = q.filter(\.$campaignID == campaign) }
        return (
            try await q.copy().sort(\.$date, .descending).sort(\.$id, .descending).range(((page - 1) * per)..<(page * per)).all(),
            try await q.count()
        )
    }

    /// Follow-ups, overdue first (the earliest due day), then the open ones by due day, then the ended ones.
    func healthFollowups(unit: String?, open: Bool?, overdue: Bool, today: CivilDate, page: Int, per: Int) async throws
        -> (items: [HealthFollowup], total: Int)
    {
        var q = HealthFollowup.query(on: db).within(unit.map(narrowed) ?? jurisdiction, \.$unitCode)
        if let open { q = open ? q.filter(\.$status == .open) : q.filter(\.$status != .open) }
        if overdue { q = q.filter(\.$status == .open).filter(\.$dueOn < today.iso) }
        // The ended ones have no due day: last on both engines (SQLite sorts NULL first, PostgreSQL last).
        let ended = DatabaseQuery.Sort.sql(unsafeRaw: "CASE WHEN due_on IS NULL THEN 1 ELSE 0 END")
        return (
            try await q.copy().sort(ended).sort(\.$dueOn).sort(\.$updatedAt, .descending).sort(\.$id)
                .range(((page - 1) * per)..<(page * per)).all(),
            try await q.count()
        )
    }

    /// A person of the jurisdiction by her ID number, as a site's sheet names her.
    func person(idNumber raw: String?) async throws -> Person? {
        guard let raw, let id = try? IDNumber(raw), let p = try await Person.query(on: db).filter(\.$idNumber == id.value).first(),
            inScope(p.unitCode)
        else { return nil }
        return p
    }

    /// Her last screen of each kind, when she has one.
    func healthHistory(_ person: PersonID) async throws -> HealthScreeningHistory? {
        try await HealthHistoryRow.find(person.uuid, on: db).map(\.history)
    }

    func healthScreening(_ id: HealthScreeningID) async throws -> HealthScreening? {
        guard let s = try await HealthScreening.find(id.uuid, on: db), inScope(s.unitCode) else { return nil }
        return s
    }

    func healthFollowup(_ id: HealthFollowupID) async throws -> HealthFollowup? {
        guard let f = try await HealthFollowup.find(id.uuid, on: db), inScope(f.unitCode) else { return nil }
        return f
    }
}

/// What a follow-up's page and answer read besides its row.
enum HealthQueries {
    static func steps(of id: UUID, on db: any Database) async throws -> [HealthStepRow] {
        try await HealthStepRow.query(on: db).filter(\.$followupID == id).sort(\.$date).sort(\.$createdAt).all()
    }

    static func attempts(of id: UUID, on db: any Database) async throws -> [HealthAttemptRow] {
        try await HealthAttemptRow.query(on: db).filter(\.$followupID == id).sort(\.$on).sort(\.$createdAt).all()
    }

    static func followups(ofScreenings ids: [UUID], on db: any Database) async throws -> [UUID: HealthFollowup] {
        var out: [UUID: HealthFollowup] = [:]
        for chunk in ids.chunked(500) {
            for f in try await HealthFollowup.query(on: db).filter(\.$screeningID ~~ Array(chunk)).all() { out[f.screeningID] = f }
        }
        return out
    }
}

extension Scoped {
    /// Counts without a result (item 5): women screened this year (either programme), women due now (either), open
    /// follow-ups; for the unit and each unit one level down.
    func healthCounts(unit: String?, today: CivilDate, _ s: HealthSettings) async throws -> HealthCountsDTO {
        let j = unit.map(narrowed) ?? jurisdiction
        let root = j.root?.value ?? ""
        let rowsUnits = try await Scoped(db: db, jurisdiction: j).children(of: root)
        let r = j.range
        func grouped(_ q: SQLSelectBuilder) async throws -> [String: Int] {
            var out: [String: Int] = [:]
            for row in try await q.all() {
                guard let code = try? row.decode(column: "unit_code", as: String.self), let n = try? row.decode(column: "n", as: Int.self)
                else { continue }
                out[code, default: 0] += n
            }
            return out
        }
        let screened = try await grouped(
            db.sql.select().column("unit_code").column(SQLRaw("COUNT(DISTINCT person_id)"), as: "n").from(HealthScreening.schema)
                .where("unit_code", .greaterThanOrEqual, r.lowerBound).where("unit_code", .lessThanOrEqual, r.upperBound)
                .where("date", .greaterThanOrEqual, String(format: "%04d-01-01", today.year))
                .where("date", .lessThanOrEqual, String(format: "%04d-12-31", today.year)).groupBy("unit_code"))
        let open = try await grouped(
            db.sql.select().column("unit_code").column(SQLRaw("COUNT(*)"), as: "n").from(HealthFollowup.schema)
                .where("unit_code", .greaterThanOrEqual, r.lowerBound).where("unit_code", .lessThanOrEqual, r.upperBound)
                .where("status", .equal, HealthFollowupStatus.open.rawValue).groupBy("unit_code"))
        let due = try await healthCoverage(j, today: today, s, digits: j.childDigits).mapValues(\.due)
        func sum(_ m: [String: Int], under code: DivisionCode) -> Int { m.filter { $0.key.hasPrefix(code.prefix) }.values.reduce(0, +) }
        let rows = rowsUnits.compactMap { u -> HealthCountsDTO.Row? in
            guard let c = DivisionCode(u.code) else { return nil }
            return HealthCountsDTO.Row(
                unitCode: u.code, name: u.shortName, screened: sum(screened, under: c), due: sum(due, under: c),
                followupsOpen: sum(open, under: c))
        }
        let name = try await unitNames([root])[root] ?? root
        return HealthCountsDTO(
            unit: root, name: name, year: today.year, screened: screened.values.reduce(0, +), due: due.values.reduce(0, +),
            followupsOpen: open.values.reduce(0, +), rows: rows)
    }
}
