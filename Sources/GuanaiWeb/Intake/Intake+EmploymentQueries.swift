import Fluent
import Vapor
import GuanaiCore

/// What the employment ledgers look up while reading in: records named as a ledger names them, inside the
/// jurisdiction only.
extension Scoped {
    /// The registered person with this ID number, when the caller reaches her.
    func registeredPerson(idNumber: String) async throws -> Person? {
        guard let p = try await Person.query(on: db).filter(\.$idNumber == idNumber).first(), inScope(p.unitCode) else { return nil }
        return p
    }

    /// Courses of this title that the import's unit sees (its own, its villages', and the township's above it).
    func courses(titled title: String, from: String?, seenFrom unit: String) async throws -> [Course] {
        var q = Course.query(on: db).filter(\.$title == title)
        if let from { q = q.filter(\.$fromOn == from) }
        let j = narrowed(unit)
        return try await q.all().filter { TrainingAccess.sees(courseUnit: $0.unitCode, j) }
    }

    func jobFairs(named name: String, on date: String?, under unit: String) async throws -> [JobFair] {
        var q = JobFair.query(on: db).within(narrowed(unit), \.$unitCode).filter(\.$name == name)
        if let date { q = q.filter(\.$date == date) }
        return try await q.all()
    }

    /// The loans she borrows (not those she is a partner in), oldest first.
    func loansBorrowed(by person: UUID) async throws -> [Loan] {
        try await Loan.query(on: db).filter(\.$personID == person).sort(\.$createdAt).all().filter { inScope($0.unitCode) }
    }

    /// A loan by its number (its id, as the loan's page shows it).
    func loan(number: String) async throws -> Loan? {
        guard let id = UUID(uuidString: number.trimmingCharacters(in: .whitespaces)), let l = try await Loan.find(id, on: db),
            inScope(l.unitCode)
        else { return nil }
        return l
    }

    func repayments(of loans: [UUID]) async throws -> [LoanRepayment] {
        loans.isEmpty ? [] : try await LoanRepayment.query(on: db).filter(\.$loanID ~~ loans).all()
    }
}

extension IntakeCLI {
    /// The `--as` account as the loans' rules see an account (maker ≠ checker by username); nil without `--as`.
    static func signer(_ app: Application, _ username: String?) async throws -> Signer? {
        guard let username, let u = try await User.query(on: app.db).filter(\.$username == username).first() else { return nil }
        return Signer(
            userID: UserID(u.id!), username: u.username, displayName: u.displayName, role: u.role, unitCode: u.unitCode, unitName: "",
            mustChangePassword: false, sessionID: UUID(), csrf: "")
    }
}
