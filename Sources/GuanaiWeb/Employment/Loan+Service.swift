import Fluent
import Vapor
import GuanaiCore

/// Loans stored: Core decides every rule (`LoanRules`, `LoanStepRules`, `LoanRepaymentRules`, `LoanStanding`,
/// `SubsidyRules`); here the facts are read, the result saved with its audit entry in one transaction.
enum LoanService {
    static func apply(_ input: LoanApplicationInput, scoped: Scoped, by signer: Signer, actor: AuditActor, at: Date) async throws -> Loan {
        let today = RegistryService.today(at)
        let applicant = try await scoped.borrower(input.personId)
        var partners: [Borrower?] = []
        for id in input.partnerIds ?? [] { partners.append(try await scoped.borrower(id)) }
        let policy = try await LoanPolicyStore.load(on: scoped.db)
        var c = Checker()
        let checked = LoanRules.application(input, applicant: applicant, partners: partners, policy: policy, today: today, &c)
        try c.throwIfAny()
        guard let checked, let pid = input.personId.flatMap(PersonID.init), let person = try await scoped.person(pid) else {
            throw FieldErrors(c.errors)
        }
        let l = Loan()
        l.id = TimeOrderedID.next()
        l.personID = person.id!
        l.unitCode = person.unitCode
        l.kind = checked.kind
        l.project = checked.project
        l.amountFen = checked.amount.fen
        l.termMonths = checked.termMonths
        l.status = .applied
        l.appliedOn = today.iso
        l.appliedBy = signer.username
        l.lastActor = signer.username
        l.outstandingFen = 0
        l.overdue = false
        l.everOverdue = false
        l.subsidyPaidFen = 0
        l.createdAt = at
        l.updatedAt = at
        let partnerIDs = (input.partnerIds ?? []).compactMap { UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)) }
        try await scoped.db.transaction { tx in
            try await l.create(on: tx)
            for (pid, role) in [(person.id!, "borrower")] + partnerIDs.map({ ($0, "partner") }) {
                let lp = LoanPerson()
                lp.loanID = l.id!
                lp.personID = pid
                lp.role = role
                try await lp.create(on: tx)
            }
            var fields = l.auditFields
            fields["partnerIds"] = partnerIDs.map(\.uuidString).joined(separator: ",")
            try await AuditLog.append(
                AuditEvent(AuditAction.create, l.recordID, unit: l.unitCode, fields: AuditLog.created(fields)), by: actor, at: at, on: tx)
        }
        return l
    }

    /// One step, in order, never by the account behind the last one; the bank's terms and the disbursement fix the
    /// schedule, and from the disbursement on the sweep watches the loan.
    static func step(_ l: Loan, _ input: LoanStepInput, scoped: Scoped, by signer: Signer, actor: AuditActor, at: Date) async throws
        -> Loan
    {
        let today = RegistryService.today(at)
        let policy = try await LoanPolicyStore.load(on: scoped.db)
        if let s = input.step.flatMap({ LoanStep(rawValue: $0) }), !s.recordedBy.contains(signer.role) { throw Abort(.forbidden) }
        let facts = LoanStepRules.Facts(
            status: l.status, lastActor: l.lastActor, applied: l.amount, approved: l.approvedFen.map(Yuan.init(fen:)),
            appliedOn: CivilDate(iso: l.appliedOn) ?? today, lastStepOn: l.lastStepOn.flatMap(CivilDate.init(iso:)))
        var c = Checker()
        let checked = LoanStepRules.check(input, facts: facts, actor: signer.username, policy: policy, today: today, &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        let before = l.auditFields
        let s = LoanStepRecord()
        s.id = TimeOrderedID.next()
        s.loanID = l.id!
        s.step = checked.step
        s.decision = checked.decision
        s.on = checked.on.iso
        s.byName = signer.username
        s.byDisplay = signer.displayName
        s.documentNo = checked.documentNo
        s.reason = checked.reason
        s.amountFen = checked.amount?.fen
        s.rateBP = checked.rateBP
        s.termMonths = checked.termMonths
        s.createdAt = at
        l.status = checked.status
        l.lastActor = signer.username
        l.lastStepOn = checked.on.iso
        l.updatedAt = at
        if checked.decision == .approved, checked.step == .bankApproval {
            l.approvedFen = checked.amount?.fen
            l.rateBP = checked.rateBP
            l.lprBP = checked.lprBP
            l.borrowerBP = checked.lprBP.map { max(0, $0 - policy.borrowerBelowLprBP) }
            l.approvedTerm = checked.termMonths
            l.method = checked.method
        }
        if checked.decision == .approved, checked.step == .disburse, let amount = checked.amount {
            l.disbursedOn = checked.on.iso
            l.disbursedFen = amount.fen
            l.outstandingFen = amount.fen
            refresh(l, repayments: [], today: today)
        }
        try await scoped.db.transaction { tx in
            try await s.create(on: tx)
            try await l.save(on: tx)
            var fields = AuditLog.diff(before, l.auditFields)
            fields["step." + checked.step.rawValue] = FieldChange(before: nil, after: checked.decision.rawValue)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.update, l.recordID, unit: l.unitCode, fields: fields,
                    detail: ["documentNo": checked.documentNo ?? "", "on": checked.on.iso]),
                by: actor, at: at, on: tx)
        }
        return l
    }

    /// A repayment booked; the loan's standing is worked out again at once (a late loan paid up leaves 我的提醒 now,
    /// not at the next sweep).
    static func repay(
        _ l: Loan, _ input: LoanRepaymentInput, source: String, scoped: Scoped, by signer: Signer, actor: AuditActor, at: Date
    ) async throws -> LoanRepayment {
        let today = RegistryService.today(at)
        var c = Checker()
        let checked = LoanRepaymentRules.check(
            input, status: l.status, disbursedOn: l.disbursedOn.flatMap(CivilDate.init(iso:)), outstanding: Yuan(fen: l.outstandingFen),
            today: today, &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        let r = LoanRepayment()
        r.id = TimeOrderedID.next()
        r.loanID = l.id!
        r.on = checked.on.iso
        r.principalFen = checked.principal.fen
        r.interestFen = checked.interest.fen
        r.source = source
        r.byName = signer.username
        r.createdAt = at
        try await scoped.db.transaction { tx in
            try await r.create(on: tx)
            let all = try await LoanRepayment.query(on: tx).filter(\.$loanID == l.id!).all().compactMap(\.repayment)
            let before = l.auditFields
            refresh(l, repayments: all, today: today)
            l.updatedAt = at
            try await l.save(on: tx)
            if !l.overdue { try await Reminders.resolve(.loan, l.id!, on: tx, at: at) }
            var fields = AuditLog.diff(before, l.auditFields)
            fields["repayment"] = FieldChange(
                before: nil, after: "\(checked.on.iso) \(checked.principal.description)+\(checked.interest.description)")
            try await AuditLog.append(
                AuditEvent(AuditAction.update, l.recordID, unit: l.unitCode, fields: fields, detail: ["source": source]), by: actor, at: at,
                on: tx)
        }
        return r
    }

    /// Outstanding principal, the overdue flag (once set, `ever_overdue` stays: a repeat loan needs a clean record),
    /// settled, and the sweep's next look.
    static func refresh(_ l: Loan, repayments: [Repayment], today: CivilDate) {
        guard let fen = l.disbursedFen else { return }
        let s = LoanStanding.on(today, amount: Yuan(fen: fen), schedule: l.schedule, repayments: repayments)
        l.outstandingFen = s.outstanding.fen
        l.overdue = s.overdue
        if s.overdue { l.everOverdue = true }
        l.overdueCheckOn = s.settled ? nil : (s.nextCheck ?? (s.overdue ? nil : today.adding(days: 1))).map(\.iso)
        if s.settled, l.status == .disbursed {
            l.status = .settled
            l.settledOn = today.iso
        }
    }
}
