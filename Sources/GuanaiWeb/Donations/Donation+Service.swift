import Fluent
import Vapor
import GuanaiCore

extension DonorInput: Content {}
extension DonationInput: Content {}
extension AllocationInput: Content {}

/// Donors, donations and allocations booked, each change audited under `donation`. Core's `DonationForm` judges the
/// input; this reads the facts it needs (the unit, the donor, the target, what is already allocated) and stores.
enum DonationService {
    static func createDonor(_ input: DonorInput, scoped: Scoped, actor: AuditActor, at: Date) async throws -> Donor {
        let checked = try await checkDonor(input, scoped: scoped)
        let d = Donor()
        d.id = TimeOrderedID.next()
        d.apply(checked)
        d.createdAt = at
        d.updatedAt = at
        try await scoped.db.transaction { tx in
            try await d.create(on: tx)
            try await AuditLog.append(
                AuditEvent(AuditAction.create, d.recordID, unit: d.unitCode, fields: AuditLog.created(d.auditFields)), by: actor, at: at,
                on: tx)
        }
        return d
    }

    /// A PATCH: the fields sent replace the donor's, the rest stay; `whole` (the edit page) clears what is left blank.
    static func updateDonor(_ d: Donor, _ p: DonorInput, whole: Bool = false, scoped: Scoped, actor: AuditActor, at: Date) async throws
        -> Donor
    {
        var m = DonorInput(
            name: d.name, kind: d.kind.rawValue, publicName: d.publicName, contact: d.contact, phone: d.phone, unitCode: d.unitCode)
        if whole {
            m = p
        } else {
            if let v = p.name { m.name = v }
            if let v = p.kind { m.kind = v }
            if let v = p.publicName { m.publicName = v }
            if let v = p.contact { m.contact = v }
            if let v = p.phone { m.phone = v }
            if let v = p.unitCode { m.unitCode = v }
        }
        let checked = try await checkDonor(m, scoped: scoped)
        let before = d.auditFields
        d.apply(checked)
        let diff = AuditLog.diff(before, d.auditFields)
        guard !diff.isEmpty else { return d }
        d.updatedAt = at
        try await scoped.db.transaction { tx in
            try await d.update(on: tx)
            try await AuditLog.append(AuditEvent(AuditAction.update, d.recordID, unit: d.unitCode, fields: diff), by: actor, at: at, on: tx)
        }
        return d
    }

    static func checkDonor(_ input: DonorInput, scoped: Scoped) async throws -> CheckedDonor {
        let unit = try await scoped.unitFactsForWrite(input.unitCode)
        var c = Checker()
        let checked = DonationForm.checkDonor(input, unit: unit, &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        return checked
    }

    static func createDonation(_ input: DonationInput, scoped: Scoped, actor: AuditActor, at: Date) async throws -> Donation {
        let unit = try await scoped.unitFactsForWrite(input.unitCode)
        let donor = try await scoped.donor(text: input.donorId)
        var c = Checker()
        let checked = DonationForm.checkDonation(input, donorFound: donor != nil, unit: unit, today: RegistryService.today(at), &c)
        try c.throwIfAny()
        guard let checked, let donor else { throw FieldErrors(c.errors) }
        let d = Donation()
        d.id = TimeOrderedID.next()
        d.unitCode = checked.unitCode
        d.donorID = donor.id!
        d.type = checked.type
        d.amountFen = checked.worth.fen
        d.itemDescription = checked.description
        d.receiptNo = checked.receiptNo
        d.receivedOn = checked.receivedOn.iso
        d.createdAt = at
        try await scoped.db.transaction { tx in
            try await d.create(on: tx)
            try await AuditLog.append(
                AuditEvent(AuditAction.create, d.recordID, unit: d.unitCode, fields: AuditLog.created(d.auditFields)), by: actor, at: at,
                on: tx)
        }
        return d
    }

    /// The sum rule is checked inside the transaction after the audit append, whose lock (an advisory lock on
    /// PostgreSQL; SQLite has one writer) serialises writers: two allocations saved at once cannot both take the rest.
    static func allocate(_ d: Donation, _ input: AllocationInput, scoped: Scoped, actor: AuditActor, at: Date) async throws
        -> DonationAllocation
    {
        let to = AllocationTarget(rawValue: input.to?.trimmingCharacters(in: .whitespaces) ?? "")
        let found = try await scoped.allocationTargetFound(to, input.targetId)
        let received = CivilDate(iso: d.receivedOn) ?? RegistryService.today(at)
        let today = RegistryService.today(at)
        @Sendable func check(_ allocated: [Yuan]) throws -> CheckedAllocation {
            var c = Checker()
            let checked = DonationForm.checkAllocation(
                input, worth: d.worth, allocated: allocated, receivedOn: received, targetFound: found, today: today, &c)
            try c.throwIfAny()
            guard let checked else { throw FieldErrors(c.errors) }
            return checked
        }
        // Checked once outside, so a refusal names every field without taking the lock.
        let first = try check(try await scoped.allocations(d).map(\.amount))
        guard let target = UUID(uuidString: first.targetId) else {
            throw FieldErrors([FieldError(field: "targetId", key: "field.error.choice")])
        }
        let a = DonationAllocation()
        a.id = TimeOrderedID.next()
        a.donationID = d.id!
        a.to = first.to
        a.targetID = target
        a.amountFen = first.amount.fen
        a.on = first.on.iso
        a.note = first.note
        a.createdAt = at
        try await scoped.db.transaction { tx in
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.update, d.recordID, unit: d.unitCode,
                    fields: AuditLog.created(a.auditFields)), by: actor, at: at, on: tx)
            _ = try check(try await scoped.on(tx).allocations(d).map(\.amount))
            try await a.create(on: tx)
        }
        return a
    }

    /// A change to one allocation. Core re-checks the whole against what the donation's other allocations leave, once
    /// before the transaction (every bad field named) and again inside it after the audit append, as `allocate` does.
    static func updateAllocation(
        _ d: Donation, _ a: DonationAllocation, _ patch: AllocationInput, scoped: Scoped, actor: AuditActor, at: Date
    ) async throws -> DonationAllocation {
        let current = AllocationInput(
            to: a.to.rawValue, targetId: a.targetID.uuidString, amount: a.amount.description, on: a.on, note: a.note)
        let to = AllocationTarget(rawValue: (patch.to ?? current.to)?.trimmingCharacters(in: .whitespaces) ?? "")
        let found = try await scoped.allocationTargetFound(to, patch.targetId ?? current.targetId)
        let received = CivilDate(iso: d.receivedOn) ?? RegistryService.today(at)
        let today = RegistryService.today(at)
        @Sendable func check(_ all: [DonationAllocation]) throws -> CheckedAllocation {
            var c = Checker()
            let checked = DonationForm.checkAllocationChange(
                patch, current: current, worth: d.worth, others: all.filter { $0.id != a.id }.map(\.amount), receivedOn: received,
                targetFound: found, today: today, &c)
            try c.throwIfAny()
            guard let checked else { throw FieldErrors(c.errors) }
            return checked
        }
        let first = try check(try await scoped.allocations(d))
        guard let target = UUID(uuidString: first.targetId) else {
            throw FieldErrors([FieldError(field: "targetId", key: "field.error.choice")])
        }
        let before = a.auditFields
        a.to = first.to
        a.targetID = target
        a.amountFen = first.amount.fen
        a.on = first.on.iso
        a.note = first.note
        let diff = AuditLog.diff(before, a.auditFields)
        guard !diff.isEmpty else { return a }
        try await scoped.db.transaction { tx in
            var event = AuditEvent(AuditAction.update, d.recordID, unit: d.unitCode, fields: diff)
            event.detail["allocation"] = a.id!.uuidString
            try await AuditLog.append(event, by: actor, at: at, on: tx)
            _ = try check(try await scoped.on(tx).allocations(d))
            try await a.update(on: tx)
        }
        return a
    }
}
