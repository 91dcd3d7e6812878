import Fluent
import Vapor
import GuanaiCore

/// Campaigns, invitations, appointments and attendance (issue 20, item 2): checked by Core, each in one transaction
/// with its trail entry. An invitation reaches the woman through the outbox, addressed by name and phone (she has no
/// account).
enum HealthCampaignService {
    static func create(_ input: HealthCampaignInput, scoped: Scoped, by s: Signer, actor: AuditActor, at: Date) async throws
        -> HealthCampaign
    {
        var c = FormChecker()
        let checked = HealthCampaignForm.check(input, today: RegistryService.today(at), &c)
        if let code = checked?.unitCode {
            let unit = try await scoped.unitFactsForWrite(code.value)
            if unit?.isActive != true || unit?.level != .township {
                c.errors.append(FieldError(field: "unitCode", key: "field.error.choice"))
            }
        }
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        return try await scoped.db.transaction { tx in
            let row = HealthCampaign()
            row.id = TimeOrderedID.next()
            row.year = checked.year
            row.unitCode = checked.unitCode.value
            row.programme = checked.programme
            row.target = checked.target
            row.sitesText = RegistryService.json(checked.sites)
            row.createdBy = s.username
            (row.createdAt, row.updatedAt) = (at, at)
            try await row.create(on: tx)
            try await AuditLog.append(
                AuditEvent(AuditAction.create, row.recordID, unit: row.unitCode, fields: AuditLog.created(row.auditFields)), by: actor,
                at: at, on: tx)
            return row
        }
    }

    /// Invites women due for a programme of the campaign, in its township and the caller's jurisdiction; those already
    /// invited are left as they are. Each new one gets an invitation in the outbox.
    static func invite(
        _ campaign: HealthCampaign, _ input: HealthInvitationInput, scoped: Scoped, actor: AuditActor, at: Date
    ) async throws -> Int {
        let today = RegistryService.today(at)
        let settings = try await HealthSettingsStore.load(on: scoped.db)
        var due: [PersonID: HealthWomanRow] = [:]
        for p in campaign.programme.programmes {
            for (w, _) in try await scoped.healthDue(unit: campaign.unitCode, programme: p, today: today, settings)
            where scoped.inScope(w.unitCode) && DivisionCode(campaign.unitCode)?.contains(DivisionCode(w.unitCode)!) == true {
                due[w.personId] = w
            }
        }
        var c = FormChecker()
        let ids = HealthCampaignForm.invitations(input, due: Set(due.keys), &c)
        try c.throwIfAny()
        guard let ids else { throw FieldErrors(c.errors) }
        let already = Set(
            try await HealthInvitation.query(on: scoped.db).filter(\.$campaignID == campaign.id!).filter(\.$personID ~~ ids.map(\.uuid))
                .all().map(\.personID))
        let fresh = ids.filter { !already.contains($0.uuid) }.compactMap { due[$0] }
        let township = try await scoped.unitNames([campaign.unitCode])[campaign.unitCode] ?? campaign.unitCode
        return try await scoped.db.transaction { tx in
            var payloads: [OutboxPayload] = []
            var about: [UUID] = []
            for w in fresh {
                let inv = HealthInvitation()
                inv.id = TimeOrderedID.next()
                inv.campaignID = campaign.id!
                inv.personID = w.personId.uuid
                inv.unitCode = w.unitCode
                inv.invitedOn = today.iso
                (inv.createdAt, inv.updatedAt) = (at, at)
                try await inv.create(on: tx)
                payloads.append(invitation(campaign, inv, w, township: township, at: at))
                about.append(inv.id!)
            }
            try await Outbox.writeToPeople(payloads, about: about, on: tx, at: at)
            try await AuditLog.append(
                AuditEvent(AuditAction.update, campaign.recordID, unit: campaign.unitCode, detail: ["invited": String(fresh.count)]),
                by: actor, at: at, on: tx)
            return fresh.count
        }
    }

    /// The message a woman receives: where and when, nothing of her history.
    static func invitation(_ c: HealthCampaign, _ inv: HealthInvitation, _ w: HealthWomanRow, township: String, at: Date) -> OutboxPayload {
        let zh = UILanguage.zh
        let sites = c.sites.map { s in
            zh.t("health.invitation.site", args: [s.name, s.dates.map(\.iso).joined(separator: zh.t("list.sep"))])
        }
        .joined(separator: zh.t("health.invitation.sep"))
        let text = UILanguage.zh.t("health.invitation.text", args: [w.name, township, sites])
        return OutboxPayload(
            key: "invitation:\(inv.id!.uuidString)", alertId: inv.id!.uuidString, childId: nil, childName: nil, unitCode: w.unitCode,
            kind: HealthOutboxKind.screeningInvitation.rawValue, level: HealthOutboxKind.screeningInvitation.rawValue, reasons: [text],
            reason: HealthOutboxKind.screeningInvitation.rawValue, to: .init(username: nil, name: w.name, phone: w.phone),
            createdAt: AuditLog.timestamp(at), subjectType: AuditSubject.health.rawValue, subjectId: c.id!.uuidString,
            subjectName: township + " " + String(c.year))
    }

    /// Her invitation in this campaign, made now when she came or booked without one.
    static func invitation(of person: Person, in c: HealthCampaign, today: CivilDate, at: Date, on db: any Database) async throws
        -> HealthInvitation
    {
        if let inv = try await HealthInvitation.query(on: db).filter(\.$campaignID == c.id!).filter(\.$personID == person.id!).first() {
            return inv
        }
        let inv = HealthInvitation()
        inv.id = TimeOrderedID.next()
        inv.campaignID = c.id!
        inv.personID = person.id!
        inv.unitCode = person.unitCode
        inv.invitedOn = today.iso
        (inv.createdAt, inv.updatedAt) = (at, at)
        return inv
    }

    /// A woman of the jurisdiction, or 422 at `personId`.
    static func woman(_ id: PersonID?, scoped: Scoped, _ c: inout FormChecker) async throws -> Person? {
        guard let id else { return nil }
        let p = try await scoped.person(id)
        if p == nil || p?.sex == Sex.male.rawValue { c.errors.append(FieldError(field: "personId", key: "health.error.person")) }
        return p?.sex == Sex.male.rawValue ? nil : p
    }

    static func book(_ campaign: HealthCampaign, _ input: HealthAppointmentInput, scoped: Scoped, actor: AuditActor, at: Date)
        async throws -> HealthInvitation
    {
        var c = FormChecker()
        let booked = HealthCampaignForm.appointment(input, campaign: campaign.checked, &c)
        let person = try await woman(
            booked?.personId ?? input.personId.flatMap(UUID.init(uuidString:)).map(PersonID.init), scoped: scoped, &c)
        try c.throwIfAny()
        guard let booked, let person else { throw FieldErrors(c.errors) }
        return try await save(campaign, person, actor: actor, at: at, on: scoped.db) { inv in
            (inv.appointmentOn, inv.appointmentSite) = (booked.date.iso, booked.site)
        }
    }

    static func attend(_ campaign: HealthCampaign, _ input: HealthAttendanceInput, scoped: Scoped, actor: AuditActor, at: Date)
        async throws -> HealthInvitation
    {
        var c = FormChecker()
        let came = HealthCampaignForm.attendance(input, campaign: campaign.checked, today: RegistryService.today(at), &c)
        let person = try await woman(
            came?.0 ?? input.personId.flatMap(UUID.init(uuidString:)).map(PersonID.init), scoped: scoped, &c)
        try c.throwIfAny()
        guard let came, let person else { throw FieldErrors(c.errors) }
        return try await save(campaign, person, actor: actor, at: at, on: scoped.db) { inv in inv.attendedOn = came.1.iso }
    }

    static func save(
        _ campaign: HealthCampaign, _ person: Person, actor: AuditActor, at: Date, on db: any Database,
        _ change: @escaping @Sendable (HealthInvitation) -> Void
    ) async throws -> HealthInvitation {
        try await db.transaction { tx in
            let inv = try await invitation(of: person, in: campaign, today: RegistryService.today(at), at: at, on: tx)
            let before = [
                "appointmentOn": inv.appointmentOn ?? "", "appointmentSite": inv.appointmentSite ?? "", "attendedOn": inv.attendedOn ?? "",
            ]
            change(inv)
            inv.updatedAt = at
            try await inv.save(on: tx)
            let after = [
                "appointmentOn": inv.appointmentOn ?? "", "appointmentSite": inv.appointmentSite ?? "", "attendedOn": inv.attendedOn ?? "",
            ]
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.update, campaign.recordID, unit: inv.unitCode, fields: AuditLog.diff(before, after),
                    detail: ["personId": person.id!.uuidString]), by: actor, at: at, on: tx)
            return inv
        }
    }
}
