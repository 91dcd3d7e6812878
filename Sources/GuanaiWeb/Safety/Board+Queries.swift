import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// One row of the statistics table: a township (for the city) or a village (for a township).
struct BoardRow: Sendable {
    var code = "", name = ""
    var monitored = 0, critical = 0, high = 0, medium = 0, overdue = 0, visitedThisMonth = 0, stillDue = 0, openReports = 0
    var doneRate: Double? { visitedThisMonth + stillDue == 0 ? nil : Double(visitedThisMonth) / Double(visitedThisMonth + stillDue) }
    mutating func add(_ o: BoardRow) {
        monitored += o.monitored; critical += o.critical; high += o.high; medium += o.medium; overdue += o.overdue
        visitedThisMonth += o.visitedThisMonth; stillDue += o.stillDue; openReports += o.openReports
    }
}

struct Board: Sendable {
    var critical: [Child] = []
    var overdue: [Child] = []
    var reports: [Report] = []
    var rows: [BoardRow] = []
    var total = BoardRow()
}

extension Scoped {
    /// The safety-net board of a jurisdiction (or of one unit inside it): grouped counts by unit from indexed
    /// columns, rolled up here to the level below the board's unit.
    func board(unit: String, today: CivilDate) async throws -> Board {
        let scope = narrowed(unit)
        let r = scope.range
        let sql = db.sql
        let monthStart = CivilDate(year: today.year, month: today.month, day: 1)!
        let monthEnd = CivilDate(year: today.year, month: today.month, day: CivilDate.daysIn(year: today.year, month: today.month))!
        var byUnit: [String: BoardRow] = [:]
        func rows(_ q: SQLQueryString) async throws -> [(String, String?, Int)] {
            try await sql.raw(q).all().map {
                (
                    try $0.decode(column: "u", as: String.self), try? $0.decode(column: "k", as: String?.self),
                    try $0.decode(column: "n", as: Int.self)
                )
            }
        }
        for (u, tier, n) in try await rows(
            """
            SELECT unit_code AS u, risk_tier AS k, COUNT(*) AS n FROM children
            WHERE risk_tier IS NOT NULL AND unit_code >= \(bind: r.lowerBound) AND unit_code <= \(bind: r.upperBound)
            GROUP BY unit_code, risk_tier
            """)
        {
            byUnit[u, default: BoardRow()].monitored += n
            switch RiskTier(rawValue: tier ?? "") {
            case .critical: byUnit[u]!.critical += n
            case .high: byUnit[u]!.high += n
            case .medium: byUnit[u]!.medium += n
            default: break
            }
        }
        for (u, _, n) in try await rows(
            """
            SELECT unit_code AS u, NULL AS k, COUNT(*) AS n FROM children
            WHERE overdue_step IN (0, 1, 2) AND next_visit_due < \(bind: today.iso) AND risk_tier IS NOT NULL
              AND unit_code >= \(bind: r.lowerBound) AND unit_code <= \(bind: r.upperBound) GROUP BY unit_code
            """)
        { byUnit[u, default: BoardRow()].overdue += n }
        for (u, _, n) in try await rows(
            """
            SELECT unit_code AS u, NULL AS k, COUNT(*) AS n FROM children
            WHERE overdue_step IN (0, 1, 2) AND next_visit_due <= \(bind: monthEnd.iso) AND risk_tier IS NOT NULL
              AND unit_code >= \(bind: r.lowerBound) AND unit_code <= \(bind: r.upperBound) GROUP BY unit_code
            """)
        { byUnit[u, default: BoardRow()].stillDue += n }
        for (u, _, n) in try await rows(
            """
            SELECT unit_code AS u, NULL AS k, COUNT(DISTINCT child_id) AS n FROM visits
            WHERE visited_on >= \(bind: monthStart.iso) AND visited_on <= \(bind: monthEnd.iso)
              AND unit_code >= \(bind: r.lowerBound) AND unit_code <= \(bind: r.upperBound) GROUP BY unit_code
            """)
        { byUnit[u, default: BoardRow()].visitedThisMonth += n }
        for (u, _, n) in try await rows(
            """
            SELECT unit_code AS u, NULL AS k, COUNT(*) AS n FROM reports
            WHERE status = \(bind: ReportStatus.open.rawValue)
              AND unit_code >= \(bind: r.lowerBound) AND unit_code <= \(bind: r.upperBound) GROUP BY unit_code
            """)
        { byUnit[u, default: BoardRow()].openReports += n }

        // Roll villages up to the level just below the board's unit (townships for a county, villages for a township).
        let level: DivisionLevel = scope.root?.level == .county ? .township : .village
        var rolled: [String: BoardRow] = [:]
        var b = Board()
        for (u, row) in byUnit {
            guard let code = DivisionCode(u) else { continue }
            let key = level == .township ? (code.level == .village ? code.parent?.value ?? u : u) : u
            rolled[key, default: BoardRow(code: key)].add(row)
            b.total.add(row)
        }
        let names = try await unitNames(Array(rolled.keys))
        b.rows = rolled.values.map {
            var x = $0; x.name = names[x.code] ?? x.code; return x
        }.sorted { $0.code < $1.code }

        b.critical = try await Child.query(on: db).filter(\.$riskTier == RiskTier.critical.rawValue).within(scope, \.$unitCode).sort(
            \.$unitCode
        ).limit(200).all()
        // Overdue: critical first, then high, medium, normal; within a tier the longest overdue first.
        let late = try await Child.query(on: db).filter(\.$overdueStep ~~ [0, 1, 2]).filter(\.$nextVisitDue < today.iso).filter(
            \.$riskTier != nil
        )
        .within(scope, \.$unitCode).sort(\.$nextVisitDue).limit(500).all()
        b.overdue = Array(
            late.sorted { ($0.tier ?? .normal, $1.nextVisitDue ?? "") > ($1.tier ?? .normal, $0.nextVisitDue ?? "") }.prefix(100))
        b.reports = try await Report.query(on: db).filter(\.$status == .open).within(scope, \.$unitCode).sort(\.$filedAt).limit(100).all()
        return b
    }
}
