import Fluent
import SQLKit
import Vapor
import GuanaiCore

struct LoanPortfolioDTO: Content {
    struct Figures: Content {
        let unitCode: String, name: String, count: Int, amount: String, outstanding: String, overdueAmount: String
        let overdueRate: String?, subsidyPaid: String, women: Int

        init(_ code: String, _ name: String, _ f: LoanFigures) {
            unitCode = code; self.name = name; count = f.count; amount = f.amount.description; outstanding = f.outstanding.description
            overdueAmount = f.overdueAmount.description; overdueRate = f.overdueRate; subsidyPaid = f.subsidyPaid.description
            women = f.women
        }
    }
    let unitCode: String, count: Int, amount: String, outstanding: String, overdueAmount: String, overdueRate: String?
    let subsidyPaid: String, women: Int
    let rows: [Figures]
}

extension Scoped {
    /// PostgreSQL sums bigints as numeric, so each sum is cast back to an integer both engines decode.
    /// The unit's loans lent (disbursed or settled) in figures, with its units one level down: one grouped pass by
    /// village over the covering index `loans_figures` (M0046), summed up in Core; the women counted once over the
    /// whole unit, since a woman who moved may have borrowed in two villages.
    func loanPortfolio(unit: String) async throws -> LoanPortfolioDTO {
        guard let code = DivisionCode(unit) else { throw Abort(.notFound) }
        let r = code.range
        let lent = [LoanStatus.disbursed.rawValue, LoanStatus.settled.rawValue]
        var villages: [String: LoanFigures] = [:]
        let rows = try await db.sql.raw(
            """
            SELECT unit_code, COUNT(*) AS n, CAST(SUM(disbursed_fen) AS BIGINT) AS amount,
            CAST(SUM(outstanding_fen) AS BIGINT) AS outstanding,
            CAST(SUM(CASE WHEN overdue = \(bind: true) THEN outstanding_fen ELSE 0 END) AS BIGINT) AS late,
            COUNT(DISTINCT person_id) AS women, CAST(SUM(subsidy_paid_fen) AS BIGINT) AS paid
            FROM loans WHERE unit_code >= \(bind: r.lowerBound) AND unit_code <= \(bind: r.upperBound)
            AND status IN (\(bind: lent[0]), \(bind: lent[1])) GROUP BY unit_code
            """
        ).all()
        for row in rows {
            villages[try row.decode(column: "unit_code", as: String.self)] = LoanFigures(
                count: try row.decode(column: "n", as: Int.self), amount: Yuan(fen: try row.decode(column: "amount", as: Int64.self)),
                outstanding: Yuan(fen: try row.decode(column: "outstanding", as: Int64.self)),
                overdueAmount: Yuan(fen: try row.decode(column: "late", as: Int64.self)),
                subsidyPaid: Yuan(fen: try row.decode(column: "paid", as: Int64.self)),
                women: try row.decode(column: "women", as: Int.self))
        }
        // `unit_code || ''` keeps SQLite off `loans_figures` here: walking `loans_women` in person order counts each
        // woman without sorting, where the unit's range on `loans_figures` would sort the whole unit's loans first.
        let women =
            try await db.sql.raw(
                """
                SELECT COUNT(*) AS women FROM (SELECT person_id FROM loans
                WHERE unit_code || '' >= \(bind: r.lowerBound) AND unit_code || '' <= \(bind: r.upperBound)
                AND status IN (\(bind: lent[0]), \(bind: lent[1])) GROUP BY person_id) w
                """
            ).first()?.decode(column: "women", as: Int.self) ?? 0
        var total = villages.values.reduce(LoanFigures(), +)
        total.women = women
        let parts = LoanPortfolio.rows(villages, under: code)
        let names = try await unitNames(parts.map(\.code))
        return LoanPortfolioDTO(
            unitCode: code.value, count: total.count, amount: total.amount.description, outstanding: total.outstanding.description,
            overdueAmount: total.overdueAmount.description, overdueRate: total.overdueRate, subsidyPaid: total.subsidyPaid.description,
            women: total.women, rows: parts.map { .init($0.code, names[$0.code] ?? $0.code, $0.figures) })
    }
}

extension LoanService {
    /// A quarter's subsidy claimed (frozen at the amount computed now) or paid, by the rule `SubsidyRules` holds.
    static func subsidy(_ l: Loan, from: String, to target: SubsidyStatus, scoped: Scoped, by signer: Signer, actor: AuditActor, at: Date)
        async throws
    {
        let today = RegistryService.today(at)
        let repayments = try await LoanQueries.repayments(of: [l.id!], on: scoped.db)[l.id!] ?? []
        // A quarter the loan has not lived through (or not yet disbursed): the day names the wrong thing, the loan is there.
        guard let period = subsidies(l, repayments: repayments, today: today).first(where: { $0.from.iso == from }) else {
            throw FieldErrors([FieldError(field: "from", key: "subsidy.error.noQuarter", args: [from])])
        }
        try await scoped.db.transaction { tx in
            let claim = try await LoanSubsidyClaim.query(on: tx).filter(\.$loanID == l.id!).filter(\.$periodFrom == from).first()
            if let e = SubsidyRules.check(
                to: target, current: claim?.status ?? .computed, claimedBy: claim?.claimedBy, actor: signer.username,
                quarterOver: period.to < today, amount: period.subsidy)
            {
                throw FieldErrors([e])
            }
            let row = claim ?? LoanSubsidyClaim()
            if claim == nil {
                row.id = TimeOrderedID.next()
                row.loanID = l.id!
                row.periodFrom = period.from.iso
                row.periodTo = period.to.iso
                row.subsidyFen = period.subsidy.fen
                row.claimedBy = signer.username
                row.claimedAt = at
            }
            row.status = target
            if target == .paid {
                row.paidBy = signer.username
                row.paidAt = at
                l.subsidyPaidFen += row.subsidyFen
                try await l.save(on: tx)
            }
            try await row.save(on: tx)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.update, l.recordID, unit: l.unitCode,
                    fields: [
                        "subsidy.\(period.from.iso)": FieldChange(before: (claim?.status ?? .computed).rawValue, after: target.rawValue)
                    ],
                    detail: ["subsidy": Yuan(fen: row.subsidyFen).description]),
                by: actor, at: at, on: tx)
        }
    }
}
