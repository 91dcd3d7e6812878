import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// Women eligible on a day and those each programme covers, per village: what counts and coverage need, counted by
/// the database within Core's bounds (`HealthDueRules.eligibleBirthDays`, `coveredSince`) instead of read woman by
/// woman, so a province's figure reads no row into memory.
struct HealthCoverageCount: Sendable, Equatable {
    var eligible = 0, cervical = 0, breast = 0
    /// Covered by both programmes: the rest are due for one at least.
    var both = 0
    var due: Int { eligible - both }

    mutating func add(eligible e: Int, cervical c: Int, breast b: Int, both cb: Int) {
        (eligible, cervical, breast, both) = (eligible + e, cervical + c, breast + b, both + cb)
    }
}

extension Jurisdiction {
    /// The length of the codes one level below the root: the rows of a figure (a village's are its own).
    var childDigits: Int {
        guard let root, root.level != .village else { return 12 }
        return DivisionLevel(rawValue: root.level.rawValue + 1)!.significantDigits
    }
}

extension Scoped {
    /// Keyed by the unit `digits` long (a village by default; a figure one level down asks for that level, so a
    /// province answers a dozen rows, not every village's), padded to a full code.
    func healthCoverage(_ j: Jurisdiction, today: CivilDate, _ s: HealthSettings, digits: Int = 12) async throws
        -> [String: HealthCoverageCount]
    {
        let r = j.range
        let part = SQLRaw("substr(p.unit_code, 1, \(digits))")
        let born = HealthDueRules.eligibleBirthDays(on: today, s)
        let c = HealthDueRules.coveredSince(.cervical, on: today, s), b = HealthDueRules.coveredSince(.breast, on: today, s).cytology
        let cervical: SQLQueryString = "(x.last_cytology >= \(bind: c.cytology.iso) OR x.last_hpv >= \(bind: c.hpv.iso))"
        let rows = try await db.sql.raw(
            """
            SELECT \(part) AS unit_code, COUNT(*) AS n,
            SUM(CASE WHEN \(cervical) THEN 1 ELSE 0 END) AS c,
            SUM(CASE WHEN x.last_breast >= \(bind: b.iso) THEN 1 ELSE 0 END) AS b,
            SUM(CASE WHEN \(cervical) AND x.last_breast >= \(bind: b.iso) THEN 1 ELSE 0 END) AS cb
            FROM \(ident: Person.schema) p LEFT JOIN \(ident: HealthHistoryRow.schema) x ON x.person_id = p.id
            WHERE p.sex = \(bind: Sex.female.rawValue) AND p.unit_code >= \(bind: r.lowerBound) AND p.unit_code <= \(bind: r.upperBound)
            AND p.birth_date >= \(bind: born.lowerBound.iso) AND p.birth_date <= \(bind: born.upperBound.iso)
            AND p.vital_status = \(bind: VitalStatus.alive.rawValue) AND p.hukou = \(bind: Hukou.rural.rawValue)
            GROUP BY \(part)
            """
        ).all()
        var out: [String: HealthCoverageCount] = [:]
        for row in rows {
            guard let unit = (try? row.decode(column: "unit_code", as: String.self)).flatMap(DivisionCode.init)?.value else { continue }
            let n = { (k: String) in Int((try? row.decode(column: k, as: Int64?.self)) ?? 0 ?? 0) }
            out[unit, default: HealthCoverageCount()].add(eligible: n("n"), cervical: n("c"), breast: n("b"), both: n("cb"))
        }
        return out
    }
}
