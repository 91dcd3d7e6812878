import Fluent
import Vapor
import GuanaiCore

/// Issue 18's ledgers read in: course enrolments, a fair's attendees, loan applications and the bank's repayment
/// statements. A woman is known by her ID number (a name that is not hers stops the row), a course by its title,
/// a fair by its name (and date); each row is one call of the service the API uses, so its rules, audit and field
/// names hold, and a row already there counts as a duplicate, so the same file read twice adds nothing.
extension ImportRun {
    func employmentRow(_ r: ReadRow, mapping: [Int: String], headerText: [Int: String], scoped s: Scoped, state: inout State)
        async throws -> ImportPreviewRow
    {
        var added = false
        do {
            switch kind {
            case .trainingEnrolments: added = try await enrolOnCourse(r.values, scoped: s, state: &state)
            case .fairAttendees: added = try await attendFair(r.values, scoped: s, state: &state)
            case .loans: added = try await applyForLoan(r.values, scoped: s)
            case .repayments: added = try await bookRepayment(r.values, scoped: s)
            default: preconditionFailure("not an employment ledger")
            }
        } catch is ConflictError {
            added = false
        } catch let e as FieldErrors {
            return finish(r, .rejected, named(e.items, mapping: mapping, headerText: headerText), state: &state)
        }
        return finish(r, added ? .accepted : .duplicate, [], state: &state)
    }

    /// The account the loans' rules see: the importing account, or the CLI's actor standing for itself.
    var loanSigner: Signer {
        signer
            ?? Signer(
                userID: UserID(UUID()), username: actor.name, displayName: actor.name, role: .cityAdmin, unitCode: unit.code,
                unitName: unit.shortName, mustChangePassword: false, sessionID: UUID(), csrf: "")
    }

    /// The registered woman the row's ID number names, her name checked against the row's.
    func woman(_ v: [String: String], scoped s: Scoped) async throws -> Person {
        guard let id = v["idNumber"] else { throw FieldErrors([FieldError(field: "idNumber", key: "field.error.required")]) }
        guard let p = try await s.registeredPerson(idNumber: id) else {
            throw FieldErrors([FieldError(field: "idNumber", key: "intake.error.womanNotFound")])
        }
        if let typed = v["name"], IntakeReader.word(typed) != IntakeReader.word(p.name) {
            throw FieldErrors([FieldError(field: "name", key: "intake.error.womanName", args: [p.name])])
        }
        return p
    }

    /// One record of those a name (and, when given, a date) picks out: none or several stops the row.
    func pick<T>(
        _ found: [T], id: (T) -> UUID?, field: String, name: String, keys: (none: String, several: String), memo: String,
        state: inout State
    ) throws -> UUID {
        if state.named[memo] == nil {
            state.named[memo] =
                found.count == 1
                ? .success(id(found[0])!)
                : .failure(
                    CellProblemBox(problem: CellProblem(field: field, message: found.isEmpty ? keys.none : keys.several, args: [name])))
        }
        switch state.named[memo]! {
        case .success(let id): return id
        case .failure(let box): throw FieldErrors([FieldError(field: box.problem.field, key: box.problem.message, args: box.problem.args)])
        }
    }

    /// `TrainingService.enrol`: false when she is on the course already.
    func enrolOnCourse(_ v: [String: String], scoped s: Scoped, state: inout State) async throws -> Bool {
        let title = v["courseTitle"] ?? ""
        let memo = "course|" + title + "|" + (v["courseFrom"] ?? "")
        var found: [Course] = []
        if state.named[memo] == nil { found = try await s.courses(titled: title, from: v["courseFrom"], seenFrom: unit.code) }
        let id = try pick(
            found, id: { $0.id }, field: "courseTitle", name: title, keys: ("intake.error.course", "intake.error.courseAmbiguous"),
            memo: memo,
            state: &state)
        let p = try await woman(v, scoped: s)
        guard let course = try await Course.find(id, on: s.db) else { throw Abort(.notFound) }
        do {
            _ = try await TrainingService.enrol(course, personId: p.id!.uuidString, scoped: s, actor: actor, at: at)
        } catch let e as FieldErrors {
            throw FieldErrors(e.items.map { $0.field == "personId" ? FieldError(field: "idNumber", key: $0.key, args: $0.args) : $0 })
        }
        return true
    }

    /// `JobFairService.addAttendee`: false when she is recorded at the fair already.
    func attendFair(_ v: [String: String], scoped s: Scoped, state: inout State) async throws -> Bool {
        let name = v["fairName"] ?? ""
        let memo = "fair|" + name + "|" + (v["fairDate"] ?? "")
        var found: [JobFair] = []
        if state.named[memo] == nil { found = try await s.jobFairs(named: name, on: v["fairDate"], under: unit.code) }
        let id = try pick(
            found, id: { $0.id }, field: "fairName", name: name, keys: ("intake.error.fair", "intake.error.fairAmbiguous"), memo: memo,
            state: &state)
        let p = try await woman(v, scoped: s)
        guard let fair = try await JobFair.find(id, on: s.db) else { throw Abort(.notFound) }
        do {
            _ = try await JobFairService.addAttendee(fair, FairPersonInput(personId: p.id!.uuidString), scoped: s, actor: actor, at: at)
        } catch let e as FieldErrors {
            throw FieldErrors(e.items.map { $0.field == "personId" ? FieldError(field: "idNumber", key: $0.key, args: $0.args) : $0 })
        }
        return true
    }

    /// `LoanService.apply`: false when she has applied for this very loan already (`LedgerSameness.applied`).
    func applyForLoan(_ v: [String: String], scoped s: Scoped) async throws -> Bool {
        let p = try await woman(v, scoped: s)
        var partners: [String] = []
        for n in LedgerRow.idNumbers(v["partners"]) {
            guard let q = try await s.registeredPerson(idNumber: n) else {
                throw FieldErrors([FieldError(field: "partners", key: "intake.error.partnerNotFound", args: [n])])
            }
            partners.append(q.id!.uuidString)
        }
        let input = LedgerRow.loanApplication(v, personId: p.id!.uuidString, partnerIds: partners)
        let had = try await s.loansBorrowed(by: p.id!).map {
            LedgerSameness.Application(
                kind: $0.kind, project: $0.project, amount: Yuan(fen: $0.amountFen), termMonths: $0.termMonths, status: $0.status)
        }
        if LedgerSameness.applied(input, among: had) { return false }
        do {
            _ = try await LoanService.apply(input, scoped: s, by: loanSigner, actor: actor, at: at)
        } catch let e as FieldErrors {
            throw FieldErrors(
                e.items.map { f in
                    if f.field == "personId" { return FieldError(field: "idNumber", key: f.key, args: f.args) }
                    if f.field.hasPrefix("partnerIds") { return FieldError(field: "partners", key: f.key, args: f.args) }
                    return f
                })
        }
        return true
    }

    /// `LoanService.repay` with source "import": false when the loan has this repayment already
    /// (`LedgerSameness.repaid`). The loan is the one its number names, or the borrower's one running loan.
    func bookRepayment(_ v: [String: String], scoped s: Scoped) async throws -> Bool {
        let loans: [Loan]
        if let number = v["loanNumber"] {
            guard let l = try await s.loan(number: number) else {
                throw FieldErrors([FieldError(field: "loanNumber", key: "intake.error.loanNumber", args: [number])])
            }
            loans = [l]
        } else {
            guard v["idNumber"] != nil else { throw FieldErrors([FieldError(field: "idNumber", key: "intake.error.borrowerOrLoan")]) }
            loans = try await s.loansBorrowed(by: try await woman(v, scoped: s).id!)
        }
        let input = LedgerRow.repayment(v)
        let paid = try await s.repayments(of: loans.compactMap(\.id))
        for l in loans where LedgerSameness.repaid(input, among: paid.filter { $0.loanID == l.id }.compactMap(\.repayment)) {
            return false
        }
        let loan: Loan
        switch LedgerSameness.repaymentLoan(loans.map(\.status)) {
        case .one(let i): loan = loans[i]
        case .none where v["loanNumber"] != nil: loan = loans[0]
        case .none: throw FieldErrors([FieldError(field: "idNumber", key: "intake.error.noOpenLoan")])
        case .several: throw FieldErrors([FieldError(field: "idNumber", key: "intake.error.loanAmbiguous")])
        }
        _ = try await LoanService.repay(loan, input, source: AuditAction.import.rawValue, scoped: s, by: loanSigner, actor: actor, at: at)
        return true
    }
}
