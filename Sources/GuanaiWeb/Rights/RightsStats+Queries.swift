import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// `GET /api/v1/rights/stats`: counts of the summary table only, never a confidential column.
struct RightsStatsDTO: Content {
    struct Row: Content {
        let unitCode: String, name: String, cases: Int, accepted: Int, resolved: Int, resolutionRate: String?
        let followupsDue: Int, followupsOnTime: Int
    }
    let unitCode: String, from: String, to: String
    let cases: Int, accepted: Int, resolved: Int, resolutionRate: String?
    let byCategory: [String: Int], byChannel: [String: Int]
    let medianDaysToResolve: Double?
    /// 回访 done by the due day over those due in the period; null when none fell due.
    let followupsOnTime: String?
    let followupsDue: Int
    let rows: [Row]
}

extension Scoped {
    /// The unit's figures for the period in three grouped statements (received, accepted and resolved, 回访 due and on
    /// time), each already added up by the units one level down: a province answers a few hundred rows, not one per
    /// village, kind and day, which decoding made cost more than the counting (bench/rights.sh). Each reads a
    /// covering index of its day (M0052). PostgreSQL sums as numeric: each sum is cast back.
    func rightsStats(unit: String, from: CivilDate, to: CivilDate) async throws -> RightsStatsDTO {
        guard let code = DivisionCode(unit) else { throw Abort(.notFound) }
        let lo = code.range.lowerBound, hi = code.range.upperBound
        let (f, t) = (from.iso, to.iso)
        // The part of a village's code that names the row it falls in, as `DivisionRollup.rows` cuts it.
        let digits = code.level == .village ? 12 : DivisionLevel(rawValue: code.level.rawValue + 1)!.significantDigits
        let part = SQLRaw("substr(unit_code, 1, \(digits))")
        var parts: [String: RightsFigures] = [:]
        var byCategory: [String: Int] = [:], byChannel: [String: Int] = [:]
        for row in try await db.sql.raw(
            """
            SELECT \(part) AS part, category, channel, COUNT(*) AS n FROM rights_cases
            WHERE received_on >= \(bind: f) AND received_on <= \(bind: t) AND unit_code >= \(bind: lo) AND unit_code <= \(bind: hi)
            GROUP BY \(part), category, channel
            """
        ).all() {
            let n = try row.decode(column: "n", as: Int.self)
            parts[try row.decode(column: "part", as: String.self), default: RightsFigures()].cases += n
            byCategory[try row.decode(column: "category", as: String.self), default: 0] += n
            byChannel[try row.decode(column: "channel", as: String.self), default: 0] += n
        }
        let agreed = RightsStats.agreements.map(\.rawValue)
        var histogram: [Int: Int] = [:]
        for row in try await db.sql.raw(
            """
            SELECT \(part) AS part, outcome_days, COUNT(*) AS n,
            CAST(SUM(CASE WHEN outcome_kind IN (\(bind: agreed[0]), \(bind: agreed[1])) THEN 1 ELSE 0 END) AS BIGINT) AS resolved
            FROM rights_cases
            WHERE accepted_on >= \(bind: f) AND accepted_on <= \(bind: t) AND unit_code >= \(bind: lo) AND unit_code <= \(bind: hi)
            GROUP BY \(part), outcome_days
            """
        ).all() {
            let n = try row.decode(column: "n", as: Int.self), u = try row.decode(column: "part", as: String.self)
            parts[u, default: RightsFigures()].accepted += n
            parts[u, default: RightsFigures()].resolved += Int(try row.decode(column: "resolved", as: Int64.self))
            if let d = try row.decode(column: "outcome_days", as: Int?.self) { histogram[d, default: 0] += n }
        }
        for row in try await db.sql.raw(
            """
            SELECT \(part) AS part, COUNT(*) AS n,
            CAST(SUM(CASE WHEN first_followup_on IS NOT NULL AND first_followup_on <= followup_due_on THEN 1 ELSE 0 END) AS BIGINT) AS ok
            FROM rights_cases
            WHERE followup_due_on >= \(bind: f) AND followup_due_on <= \(bind: t) AND unit_code >= \(bind: lo) AND unit_code <= \(bind: hi)
            GROUP BY \(part)
            """
        ).all() {
            let u = try row.decode(column: "part", as: String.self)
            parts[u, default: RightsFigures()].followupsDue += try row.decode(column: "n", as: Int.self)
            parts[u, default: RightsFigures()].followupsOnTime += Int(try row.decode(column: "ok", as: Int64.self))
        }
        let total = parts.values.reduce(RightsFigures(), +)
        let rows = DivisionRollup.rows(parts, under: code)
        let names = try await unitNames(rows.map(\.code))
        return RightsStatsDTO(
            unitCode: code.value, from: f, to: t, cases: total.cases, accepted: total.accepted, resolved: total.resolved,
            resolutionRate: total.resolutionRate, byCategory: byCategory, byChannel: byChannel,
            medianDaysToResolve: RightsStats.median(histogram), followupsOnTime: total.followupRate, followupsDue: total.followupsDue,
            rows: rows.map {
                .init(
                    unitCode: $0.code, name: names[$0.code] ?? $0.code, cases: $0.figures.cases, accepted: $0.figures.accepted,
                    resolved: $0.figures.resolved, resolutionRate: $0.figures.resolutionRate, followupsDue: $0.figures.followupsDue,
                    followupsOnTime: $0.figures.followupsOnTime)
            })
    }
}
