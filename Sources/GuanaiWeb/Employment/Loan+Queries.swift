import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// Reads the loans' service and sweep need, a batch at a time.
enum LoanQueries {
    /// Each loan's repayments, in one query per 500 loans.
    static func repayments(of ids: [UUID], on db: any Database) async throws -> [UUID: [Repayment]] {
        var out: [UUID: [Repayment]] = [:]
        for chunk in ids.chunked(500) {
            for r in try await LoanRepayment.query(on: db).filter(\.$loanID ~~ chunk).sort(\.$on).all() {
                if let p = r.repayment { out[r.loanID, default: []].append(p) }
            }
        }
        return out
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
