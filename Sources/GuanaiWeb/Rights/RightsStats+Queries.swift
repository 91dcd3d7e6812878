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
    /// The unit's figures for the period by village in four grouped statements (received, accepted and resolved,
    /// 回访 due and on time, days to outcome), summed up in Core. PostgreSQL sums as numeric: each sum is cast back.
    func rightsStats(unit: String, from: CivilDate, to: CivilDate) async throws -> RightsStatsDTO {
        guard let code = DivisionCode(unit) else { throw Abort(.notFound) }
        let lo = code.range.lowerBound, hi = code.range.upperBound
        let (f, t) = (from.iso, to.iso)
        var villages: [String: RightsFigures] = [:]
        var byCategory: [String: Int] = [:], byChannel: [String: Int] = [:]
        for row in try await db.sql.raw(
            """
            SELECT unit_code, category, channel, COUNT(*) AS n FROM rights_cases
            WHERE received_on >= \(bind: f) AND received_on <= \(bind: t) AND unit_code >= \(bind: lo) AND unit_code <= \(bind: hi)
            GROUP BY unit_code, category, channel
            """
        ).all() {
            let n = try row.decode(column: "n", as: Int.self)
            villages[try row.decode(column: "unit_code", as: String.self), default: RightsFigures()].cases += n
            byCategory[try row.decode(column: "category", as: String.self), default: 0] += n
            byChannel[try row.decode(column: "channel", as: String.self), default: 0] += n
        }
        let agreed = RightsStats.agreements.map(\.rawValue)
        var histogram: [Int: Int] = [:]
        for row in try await db.sql.raw(
            """
            SELECT unit_code, outcome_days, COUNT(*) AS n,
            CAST(SUM(CASE WHEN outcome_kind IN (\(bind: agreed[0]), \(bind: agreed[1])) THEN 1 ELSE 0 END) AS BIGINT) AS resolved
            FROM rights_cases
            WHERE accepted_on >= \(bind: f) AND accepted_on <= \(bind: t) AND unit_code >= \(bind: lo) AND unit_code <= \(bind: hi)
            GROUP BY unit_code, outcome_days
            """
        ).all() {
            let n = try row.decode(column: "n", as: Int.self), u = try row.decode(column: "unit_code", as: String.self)
            villages[u, default: RightsFigures()].accepted += n
            villages[u, default: RightsFigures()].resolved += Int(try row.decode(column: "resolved", as: Int64.self))
            if let d = try row.decode(column: "outcome_days", as: Int?.self) { histogram[d, default: 0] += n }
        }
        for row in try await db.sql.raw(
            """
            SELECT unit_code, COUNT(*) AS n,
            CAST(SUM(CASE WHEN first_followup_on IS NOT NULL AND first_followup_on <= followup_due_on THEN 1 ELSE 0 END) AS BIGINT) AS ok
            FROM rights_cases
            WHERE followup_due_on >= \(bind: f) AND followup_due_on <= \(bind: t) AND unit_code >= \(bind: lo) AND unit_code <= \(bind: hi)
            GROUP BY unit_code
            """
        ).all() {
            let u = try row.decode(column: "unit_code", as: String.self)
            villages[u, default: RightsFigures()].followupsDue += try row.decode(column: "n", as: Int.self)
            villages[u, default: RightsFigures()].followupsOnTime += Int(try row.decode(column: "ok", as: Int64.self))
        }
        let total = villages.values.reduce(RightsFigures(), +)
        let parts = DivisionRollup.rows(villages, under: code)
        let names = try await unitNames(parts.map(\.code))
        return RightsStatsDTO(
            unitCode: code.value, from: f, to: t, cases: total.cases, accepted: total.accepted, resolved: total.resolved,
            resolutionRate: total.resolutionRate, byCategory: byCategory, byChannel: byChannel,
            medianDaysToResolve: RightsStats.median(histogram), followupsOnTime: total.followupRate, followupsDue: total.followupsDue,
            rows: parts.map {
                .init(
                    unitCode: $0.code, name: names[$0.code] ?? $0.code, cases: $0.figures.cases, accepted: $0.figures.accepted,
                    resolved: $0.figures.resolved, resolutionRate: $0.figures.resolutionRate, followupsDue: $0.figures.followupsDue,
                    followupsOnTime: $0.figures.followupsOnTime)
            })
    }
}
