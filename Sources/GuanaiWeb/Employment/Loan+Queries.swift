import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// Reads the loans' service and sweep need, a batch at a time.
enum LoanQueries {
    /// Each loan's repayments, in one query per 500 loans.
    static func repayments(of ids: [UUID], on db: any Database) async throws -> [UUID: [Repayment]] {
        var out: [UUID: [Repayment]] = [:]
        // Four columns straight from SQL: the sweep and a quarter's run read them for thousands of loans at a time.
        for chunk in ids.chunked(500) {
            let rows = try await db.sql.select().column("loan_id").column("on_date").column("principal_fen").column("interest_fen")
                .from(LoanRepayment.schema).where("loan_id", .in, Array(chunk)).orderBy("on_date").all()
            for row in rows {
                guard let on = CivilDate(iso: try row.decode(column: "on_date", as: String.self)) else { continue }
                out[try row.decode(column: "loan_id", as: UUID.self), default: []].append(
                    Repayment(
                        on: on, principal: Yuan(fen: try row.decode(column: "principal_fen", as: Int64.self)),
                        interest: Yuan(fen: try row.decode(column: "interest_fen", as: Int64.self))))
            }
        }
        return out
    }

    /// Lent loans' terms, a page at a time in id order after `after`: what a quarter's subsidy run reads.
    static func lentTerms(after: UUID?, limit: Int, on db: any Database) async throws -> [(id: UUID, terms: LoanTerms)] {
        var q = db.sql.select()
            .columns("id", "disbursed_on", "disbursed_fen", "approved_term", "rate_bp", "borrower_bp", "method", "settled_on")
            .from(Loan.schema).where("status", .in, [LoanStatus.disbursed.rawValue, LoanStatus.settled.rawValue])
        if let after { q = q.where("id", .greaterThan, after) }
        return try await q.orderBy("id").limit(limit).all().compactMap { row in
            guard let on = CivilDate(iso: try row.decode(column: "disbursed_on", as: String?.self) ?? ""),
                let fen = try row.decode(column: "disbursed_fen", as: Int64?.self),
                let term = try row.decode(column: "approved_term", as: Int?.self),
                let rate = try row.decode(column: "rate_bp", as: Int?.self),
                let bp = try row.decode(column: "borrower_bp", as: Int?.self)
            else { return nil }
            let method = try row.decode(column: "method", as: String?.self).flatMap(RepaymentMethod.init(rawValue:)) ?? .interestOnly
            let settled = try row.decode(column: "settled_on", as: String?.self).flatMap(CivilDate.init(iso:))
            return (
                try row.decode(column: "id", as: UUID.self),
                LoanTerms(
                    amount: Yuan(fen: fen), disbursedOn: on, termMonths: term, rateBP: rate, borrowerBP: bp, method: method,
                    settledOn: settled)
            )
        }
    }

    /// The borrowers' names, for reminders and lists.
    static func borrowerNames(_ loans: [Loan], on db: any Database) async throws -> [UUID: String] {
        var byPerson: [UUID: String] = [:]
        for chunk in Array(Set(loans.map(\.personID))).chunked(500) {
            for p in try await Person.query(on: db).filter(\.$id ~~ chunk).all() { byPerson[p.id!] = p.name }
        }
        return Dictionary(uniqueKeysWithValues: loans.map { ($0.id!, byPerson[$0.personID] ?? "") })
    }

    /// A person's loans as the eligibility rules count them: as borrower or as partner, rejected ones included
    /// (the rules leave them out).
    static func priorLoans(of person: UUID, on db: any Database) async throws -> [Borrower.PriorLoan] {
        let ids = try await LoanPerson.query(on: db).filter(\.$personID == person).all().map(\.loanID)
        guard !ids.isEmpty else { return [] }
        return try await Loan.query(on: db).filter(\.$id ~~ ids).all().map {
            Borrower.PriorLoan(
                status: $0.status, everOverdue: $0.everOverdue, on: CivilDate(iso: $0.appliedOn) ?? CivilDate(iso: "2000-01-01")!)
        }
    }
}

extension Scoped {
    func loan(_ id: LoanID) async throws -> Loan? {
        guard let l = try await Loan.find(id, on: db), inScope(l.unitCode) else { return nil }
        return l
    }

    /// Loans in the jurisdiction (or within `unit`), newest first, optionally of one status.
    func loans(unit: String?, status: LoanStatus?, page: Int, per: Int) async throws -> (items: [Loan], total: Int) {
        var q = Loan.query(on: db).within(unit.map(narrowed) ?? jurisdiction, \.$unitCode)
        if let status { q = q.filter(\.$status == status) }
        return (
            try await q.copy().sort(\.$createdAt, .descending).range(((page - 1) * per)..<(page * per)).all(), try await q.count()
        )
    }
}

extension Scoped {
    /// What the loan rules read about a person the caller reads, her loans included (as borrower or partner, all
    /// jurisdictions: a loan elsewhere still counts); nil when there is no such person in the jurisdiction.
    func borrower(_ raw: String?) async throws -> Borrower? {
        guard let id = raw.flatMap({ UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)) }),
            let p = try await person(PersonID(id))
        else { return nil }
        return Borrower(
            female: p.sex == Sex.female.rawValue, alive: p.vital == .alive, birthDate: p.birthDate.flatMap { CivilDate(iso: $0) },
            loans: try await LoanQueries.priorLoans(of: id, on: db))
    }
}
