import Fluent
import Vapor
import GuanaiCore

extension RightsSafetyInput: Content {}

/// A domestic-violence case's safety plan (issue 19, item 7): by an account with full access, on a case not closed;
/// the whole plan replaced, said on the trail only as changed. A granted order's expiry goes on the summary row for
/// the sweep, which tells the mediators `protectionOrderWarnDays` before it.
extension RightsService {
    static func safety(_ rc: RightsCase, _ input: RightsSafetyInput, scoped: Scoped, by s: Signer, actor: AuditActor, at: Date)
        async throws
    {
        try await requireFull(rc, s, on: scoped.db, at: at)
        var c = FormChecker()
        let plan = RightsSafetyForm.check(input, today: RegistryService.today(at), &c)
        if rc.status == .closed { c.errors.append(FieldError(field: "status", key: "rights.error.status", args: [rc.status.rawValue])) }
        try c.throwIfAny()
        guard let plan else { throw FieldErrors(c.errors) }
        let before = rc.auditFields
        let granted = plan.protectionOrder.flatMap { $0.status == .granted ? $0.expiresOn : nil }
        try await scoped.db.transaction { tx in
            let text = try await texts(rc, on: tx)
            text.safety = RegistryService.json(plan)
            try await text.save(on: tx)
            rc.orderExpiresOn = granted?.iso
            try await saved(
                rc, before: before, confidential: ["safety"], actor: actor, at: at, on: tx)
        }
    }
}

extension RightsSweep {
    /// Granted protection orders whose last day is within the warning days: the mediators are told once per order's
    /// expiry day.
    static func orderExpiries(on db: any Database, at: Date, settings: RightsSettings, directory: RecipientDirectory) async throws -> Int {
        let today = RegistryService.today(at)
        let until = today.adding(days: settings.protectionOrderWarnDays)
        let cases = try await RightsCase.query(on: db).filter(\.$orderExpiresOn >= today.iso).filter(\.$orderExpiresOn <= until.iso)
            .filter(\.$status != .closed).limit(5000).all()
        if cases.isEmpty { return 0 }
        let assigned = try await RightsQueries.assignments(of: cases.compactMap(\.id), on: db)
        let names = try await Scoped.system(db).unitNames(Array(Set(cases.map(\.unitCode))))
        var sent = 0
        for rc in cases {
            guard let expires = rc.orderExpiresOn.flatMap(CivilDate.init(iso:)) else { continue }
            let list = assigned[rc.id!] ?? []
            let mediators = list.filter { $0.kind == .mediator }
            let level = RightsReminderLevel.protectionOrderExpiry
            let note = ReminderNote(
                subject: .rightsCase, subjectID: rc.id!, subjectName: rc.caseNo, unitCode: rc.unitCode, dueOn: expires,
                level: level.rawValue, roles: [], accounts: (mediators.isEmpty ? list : mediators).map(\.username),
                text: ReminderText(
                    key: "rights.reminder.\(level.rawValue)",
                    args: [rc.caseNo, names[rc.unitCode] ?? rc.unitCode, expires.iso, String(expires.dayNumber - today.dayNumber)]),
                daysOverdue: 0, audit: (.rights, rc.id!.uuidString))
            if try await Reminders.send(note, directory: directory, on: db, at: at) { sent += 1 }
        }
        return sent
    }
}
