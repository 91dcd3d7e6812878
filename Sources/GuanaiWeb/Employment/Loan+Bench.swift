import Fluent
import Foundation
import SQLKit
import Vapor
import GuanaiCore

/// `bench/loans.sh`: synthetic disbursed loans across the city's villages with their repayments (most on time, some
/// late, a few missed) and some paid subsidies; then the city portfolio as the endpoint computes it against one
/// hand-written aggregate over the same table, and a quarter's subsidy run (every lent loan's subsidy for one calendar
/// quarter, read from the database and worked out by Core) whose rows are exported for Python's `decimal` to redo.
public enum LoanBench {
    public struct Figures: Sendable {
        public let loans: Int, repayments: Int, loadSeconds: Double
        public let portfolioMs: Double, handSQLms: Double, portfolioAgrees: Bool, portfolio: String
        public let subsidyMs: Double, subsidyLoans: Int, subsidyTotal: String
    }

    /// What the portfolio's figures are called in the bench's output, in the order both sides give them.
    static let figureNames = ["count", "amount", "outstanding", "overdue", "borrowers", "subsidyPaid"]

    /// The bench's day and the quarter it runs: the third quarter of 2026, over by then.
    static let today = CivilDate(year: 2026, month: 10, day: 15)!
    static let quarter = (from: CivilDate(year: 2026, month: 7, day: 1)!, to: CivilDate(year: 2026, month: 9, day: 30)!)

    public static func run(_ app: Application, loans target: Int, seed: UInt64, export: String?) async throws -> Figures {
        let db = app.db
        let t0 = ContinuousClock.now
        if try await Loan.query(on: db).count() == 0 { try await load(app, loans: target, seed: seed) }
        let loadSeconds = StationCoverageBench.seconds(ContinuousClock.now - t0)
        if db.sql.dialect.name == "sqlite" {
            try await DatabaseStatistics.refresh(db)
        } else {
            for t in [Loan.schema, LoanRepayment.schema, LoanSubsidyClaim.schema] {
                try await db.sql.raw("VACUUM ANALYZE \(ident: t)").run()
            }
        }
        let county = app.guanai.county
        let scoped = Scoped(db: db, jurisdiction: Jurisdiction(root: DivisionCode(county)!))
        var ours: LoanPortfolioDTO? = nil
        let portfolioMs = try await RegistryBench.ms {
            ours = try await scoped.loanPortfolio(unit: county)
            _ = try JSONEncoder().encode(ours!)
        }
        var hand: [String] = []
        let handMs = try await RegistryBench.ms { hand = try await handWritten(db) }
        let o = ours!
        let mine = [String(o.count), o.amount, o.outstanding, o.overdueAmount, String(o.women), o.subsidyPaid]

        var total: Int64 = 0, counted = 0
        var rows: [[String: Any]] = []
        let subsidyMs = try await RegistryBench.ms {
            (total, counted) = try await subsidyRun(db, collect: nil)
        }
        if let export {
            _ = try await subsidyRun(db, collect: { rows.append($0) })
            let json = try JSONSerialization.data(
                withJSONObject: ["quarter": [quarter.from.iso, quarter.to.iso], "through": today.iso, "loans": rows])
            try json.write(to: URL(fileURLWithPath: export))
        }
        return Figures(
            loans: try await Loan.query(on: db).count(), repayments: try await LoanRepayment.query(on: db).count(),
            loadSeconds: loadSeconds, portfolioMs: portfolioMs, handSQLms: handMs, portfolioAgrees: mine == hand,
            portfolio: zip(figureNames, mine).map { "\($0)=\($1)" }
                .joined(separator: " "),
            subsidyMs: subsidyMs, subsidyLoans: counted, subsidyTotal: Yuan(fen: total).description)
    }

    /// The city's figures in one aggregate statement, as a reader who knows the tables would write it.
    static func handWritten(_ db: any Database) async throws -> [String] {
        let row = try await db.sql.raw(
            """
            SELECT COUNT(*) AS n, CAST(SUM(disbursed_fen) AS BIGINT) AS amount, CAST(SUM(outstanding_fen) AS BIGINT) AS outstanding,
            CAST(SUM(CASE WHEN overdue = \(bind: true) THEN outstanding_fen ELSE 0 END) AS BIGINT) AS late,
            COUNT(DISTINCT person_id) AS women_n,
            (SELECT SUM(subsidy_fen) FROM loan_subsidies WHERE status = \(bind: SubsidyStatus.paid.rawValue)) AS paid_fen
            FROM loans WHERE status IN (\(bind: LoanStatus.disbursed.rawValue), \(bind: LoanStatus.settled.rawValue))
            """
        ).first()!
        let fen = { (c: String) in Yuan(fen: (try? row.decode(column: c, as: Int64?.self)) ?? 0).description }
        return [
            String(try row.decode(column: "n", as: Int.self)), fen("amount"), fen("outstanding"), fen("late"),
            String(try row.decode(column: "women_n", as: Int.self)), fen("paid_fen"),
        ]
    }

    /// Every lent loan's subsidy for the quarter, a page of loans and their repayments at a time.
    static func subsidyRun(_ db: any Database, collect: (([String: Any]) -> Void)?) async throws -> (Int64, Int) {
        var total: Int64 = 0, counted = 0
        var after: UUID? = nil
        while true {
            let page = try await LoanQueries.lentTerms(after: after, limit: 2000, on: db)
            guard let last = page.last else { break }
            after = last.id
            let paid = try await LoanQueries.repayments(of: page.map(\.id), on: db)
            for (id, t) in page {
                let repayments = paid[id] ?? []
                guard let p = t.subsidy(quarterEnding: quarter.to, repayments: repayments, today: today) else { continue }
                total += p.subsidy.fen
                counted += 1
                collect?([
                    "id": id.uuidString, "amount": t.amount.fen, "disbursedOn": t.disbursedOn.iso, "term": t.termMonths,
                    "method": t.method.rawValue, "rateBP": t.rateBP, "borrowerBP": t.borrowerBP,
                    "through": t.settledOn.map { min($0, today) }?.iso ?? today.iso,
                    "repayments": repayments.map { [$0.on.iso, $0.principal.fen, $0.interest.fen] as [Any] }, "subsidy": p.subsidy.fen,
                ])
            }
        }
        return (total, counted)
    }

    /// Loans disbursed over the year before the quarter, 10,000–200,000 yuan, 12–36 months, 300–450 BP (the LPR of 300
    /// less 150 for the borrower); each instalment due by the bench day paid on its day (88 %), late (10 %) or not at
    /// all (2 %); a fifth of the loans with their second-quarter subsidy paid. Written straight to the tables: a
    /// fixture, not activity (no audit, no steps).
    static func load(_ app: Application, loans target: Int, seed: UInt64) async throws {
        let db = app.db
        let villages = try await Unit.query(on: db).filter(\.$level == DivisionLevel.village.rawValue).filter(\.$status == .active).all()
            .map(\.code).sorted()
        var rng = SplitMix64(seed: seed)
        let at = app.now
        var people: [UUID] = []
        var batch: [Loan] = [], pays: [LoanRepayment] = [], claims: [LoanSubsidyClaim] = []
        func flush(_ force: Bool) async throws {
            if batch.count >= 500 || force, !batch.isEmpty {
                try await batch.create(on: db)
                batch = []
            }
            if pays.count >= 1000 || force, !pays.isEmpty {
                try await pays.create(on: db)
                pays = []
            }
            if claims.count >= 500 || force, !claims.isEmpty {
                try await claims.create(on: db)
                claims = []
            }
        }
        let start = CivilDate(year: 2025, month: 7, day: 1)!
        for n in 0..<target {
            let l = Loan()
            l.id = TimeOrderedID.next()
            // One woman in ten borrows a second time.
            let person = n > 0 && Int.random(in: 0..<10, using: &rng) == 0 ? people[Int.random(in: 0..<people.count, using: &rng)] : UUID()
            people.append(person)
            l.personID = person
            l.unitCode = villages[Int.random(in: 0..<villages.count, using: &rng)]
            l.kind = .individual
            l.project = "bench"
            l.amountFen = Int64(Int.random(in: 100...2000, using: &rng)) * 10_000
            l.termMonths = [12, 24, 36][Int.random(in: 0..<3, using: &rng)]
            let on = start.adding(days: Int.random(in: 0..<365, using: &rng))
            (l.appliedOn, l.appliedBy, l.lastActor, l.lastStepOn) = (on.iso, "bench", "bench", on.iso)
            l.status = .disbursed
            l.approvedFen = l.amountFen
            l.rateBP = Int.random(in: 300...450, using: &rng)
            (l.lprBP, l.borrowerBP, l.approvedTerm) = (300, 150, l.termMonths)
            l.method = Int.random(in: 0..<10, using: &rng) < 7 ? .interestOnly : .equalPrincipal
            (l.disbursedOn, l.disbursedFen) = (on.iso, l.amountFen)
            (l.outstandingFen, l.overdue, l.everOverdue, l.subsidyPaidFen) = (l.amountFen, false, false, 0)
            (l.createdAt, l.updatedAt) = (at, at)
            var booked: [Repayment] = []
            for row in l.schedule where row.due <= today {
                let roll = Int.random(in: 0..<100, using: &rng)
                if roll >= 98 { continue }
                let day = roll < 88 ? row.due : min(today, row.due.adding(days: Int.random(in: 1...40, using: &rng)))
                booked.append(Repayment(on: day, principal: row.principal, interest: row.interest))
            }
            for r in booked {
                let p = LoanRepayment()
                (p.id, p.loanID, p.on, p.principalFen, p.interestFen) = (
                    TimeOrderedID.next(), l.id!, r.on.iso, r.principal.fen, r.interest.fen
                )
                (p.source, p.byName, p.createdAt) = ("import", "bench", at)
                pays.append(p)
            }
            LoanService.refresh(l, repayments: booked, today: today)
            if Int.random(in: 0..<5, using: &rng) == 0,
                let q2 = LoanService.subsidies(l, repayments: booked, today: today).first(where: { $0.to.iso == "2026-06-30" }),
                q2.subsidy.fen > 0
            {
                let c = LoanSubsidyClaim()
                (c.id, c.loanID, c.periodFrom, c.periodTo, c.subsidyFen) = (
                    TimeOrderedID.next(), l.id!, q2.from.iso, q2.to.iso, q2.subsidy.fen
                )
                (c.status, c.claimedBy, c.claimedAt, c.paidBy, c.paidAt) = (.paid, "bench", at, "bench2", at)
                claims.append(c)
                l.subsidyPaidFen += c.subsidyFen
            }
            batch.append(l)
            try await flush(false)
        }
        try await flush(true)
    }
}
