import Fluent
import Vapor
import GuanaiCore

/// Screening results and follow-ups (issue 20): each write checked by Core, done in one transaction with its trail
/// entry. The trail names the result fields that changed and never their values.
enum HealthService {
    /// What the trail writes for a result's value.
    static let withheld = "[result]"

    static func withheldFields(_ names: [String]) -> [String: FieldChange] {
        Dictionary(uniqueKeysWithValues: names.map { ($0, FieldChange(before: nil, after: withheld)) })
    }

    /// A screen of a woman of the jurisdiction: her history moved on, and a follow-up opened when the screen is
    /// abnormal. The same programme on the same day for the same woman is refused at `date` (a sheet typed twice).
    static func screen(_ input: HealthScreeningInput, scoped: Scoped, by s: Signer, actor: AuditActor, at: Date) async throws
        -> (HealthScreening, HealthFollowup?)
    {
        var c = FormChecker()
        let today = RegistryService.today(at)
        // The campaign named must be one the caller reads; its programme bounds the screen's.
        var campaign: HealthCampaign? = nil
        if let raw = c.text(input.campaignId), let id = HealthCampaignID(raw) {
            campaign = try await scoped.healthCampaign(id)
            if campaign == nil { c.errors.append(FieldError(field: "campaignId", key: "health.error.campaign")) }
        }
        let checked = HealthScreeningForm.check(input, campaignProgramme: campaign?.programme, today: today, &c)
        var person: Person? = nil
        if let id = checked?.personId ?? input.personId.flatMap(UUID.init(uuidString:)).map(PersonID.init) {
            person = try await scoped.person(id)
            if person == nil {
                c.errors.append(FieldError(field: "personId", key: "health.error.person"))
            } else if person?.sex == Sex.male.rawValue {
                // A woman registered without an ID number has no sex on record; only a known man is refused.
                c.errors.append(FieldError(field: "personId", key: "health.error.notWoman"))
            }
        }
        if let checked, let person,
            try await HealthScreening.query(on: scoped.db).filter(\.$personID == person.id!).filter(\.$programme == checked.programme)
                .filter(\.$date == checked.date.iso).count() > 0
        {
            c.errors.append(FieldError(field: "date", key: "health.error.duplicate"))
        }
        try c.throwIfAny()
        guard let checked, let person else { throw FieldErrors(c.errors) }
        let settings = try await HealthSettingsStore.load(on: scoped.db)
        let named = campaign
        return try await scoped.db.transaction { tx in
            let row = HealthScreening()
            row.id = TimeOrderedID.next()
            row.personID = person.id!
            row.unitCode = person.unitCode
            row.campaignID = checked.campaignId?.uuid
            row.programme = checked.programme
            row.date = checked.date.iso
            row.site = checked.site
            (row.gynaecExam, row.method, row.cytology, row.hpv) = (checked.gynaecExam, checked.method, checked.cytology, checked.hpv)
            (row.clinicalExam, row.ultrasound) = (checked.clinicalExam, checked.ultrasound)
            row.abnormal = HealthPathway.isAbnormal(checked, settings)
            row.createdBy = s.username
            row.createdAt = at
            try await row.create(on: tx)
            try await remember(checked, unit: person.unitCode, on: tx)
            if let campaign = named {
                // She came: her invitation (made now if she came without one) says so.
                let inv = try await HealthCampaignService.invitation(of: person, in: campaign, today: today, at: at, on: tx)
                if inv.attendedOn == nil { inv.attendedOn = checked.date.iso }
                inv.updatedAt = at
                try await inv.save(on: tx)
            }
            let results = checked.programme == .cervical ? HealthScreeningForm.cervicalFields : HealthScreeningForm.breastFields
            var fields = AuditLog.created([
                "personId": person.id!.uuidString, "programme": checked.programme.rawValue, "date": checked.date.iso, "site": checked.site,
            ])
            fields.merge(withheldFields(results)) { a, _ in a }
            try await AuditLog.append(
                AuditEvent(AuditAction.create, row.recordID, unit: row.unitCode, fields: fields), by: actor, at: at, on: tx)
            guard let position = HealthPathway.open(checked, settings) else { return (row, nil) }
            let f = HealthFollowup()
            f.id = TimeOrderedID.next()
            f.screeningID = row.id!
            f.personID = person.id!
            f.unitCode = person.unitCode
            f.programme = checked.programme
            f.openedOn = checked.date.iso
            f.firstDueOn = position.dueOn?.iso ?? checked.date.iso
            f.attempts = 0
            f.move(to: position, today: today, settings)
            (f.createdAt, f.updatedAt) = (at, at)
            try await f.create(on: tx)
            var opened = AuditLog.created(f.auditFields)
            opened.merge(withheldFields(["status", "nextStep"])) { _, b in b }
            try await AuditLog.append(
                AuditEvent(AuditAction.create, f.recordID, unit: f.unitCode, fields: opened, detail: ["screeningId": row.id!.uuidString]),
                by: actor, at: at, on: tx)
            return (row, f)
        }
    }

    /// Her last screen of each kind, moved on by this one.
    static func remember(_ s: CheckedHealthScreening, unit: String, on db: any Database) async throws {
        let existing = try await HealthHistoryRow.find(s.personId.uuid, on: db)
        let h = (existing?.history ?? HealthScreeningHistory()).adding(s)
        let row = existing ?? HealthHistoryRow()
        row.id = s.personId.uuid
        row.unitCode = unit
        (row.lastCytology, row.lastHPV, row.lastBreast) = (h.lastCytology?.iso, h.lastHPV?.iso, h.lastBreast?.iso)
        try await row.save(on: db)
    }

    /// A step of the pathway: the follow-up moves to where Core says, its reminders for the old due day put away.
    static func step(_ f: HealthFollowup, _ input: HealthStepInput, by s: Signer, actor: AuditActor, at: Date, on db: any Database)
        async throws -> HealthFollowup
    {
        let today = RegistryService.today(at)
        var c = FormChecker()
        let checked = HealthStepForm.check(input, at: f.position, programme: f.programme, today: today, &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        let settings = try await HealthSettingsStore.load(on: db)
        return try await db.transaction { tx in
            let before = f.auditFields
            let row = HealthStepRow()
            row.id = TimeOrderedID.next()
            row.followupID = f.id!
            row.step = checked.step
            row.date = checked.date.iso
            row.result = checked.result?.token
            row.stage = checked.stage
            row.byName = s.displayName
            row.createdAt = at
            try await row.create(on: tx)
            if let d = checked.result?.diagnosis {
                (f.diagnosis, f.stage) = (d, checked.stage)
            }
            f.move(to: HealthPathway.advance(checked, programme: f.programme, settings), today: today, settings)
            try await saved(f, before: before, results: ["step", "result", "stage"], actor: actor, at: at, on: tx)
            try await Reminders.resolve(.healthFollowup, f.id!, on: tx, at: at)
            return f
        }
    }

    /// A try to reach her; two make `lost` possible.
    static func attempt(_ f: HealthFollowup, _ input: HealthAttemptInput, by s: Signer, actor: AuditActor, at: Date, on db: any Database)
        async throws -> HealthFollowup
    {
        var c = FormChecker()
        let screened = try await HealthScreening.find(f.screeningID, on: db).flatMap { CivilDate(iso: $0.date) }
        let checked = HealthStepForm.attempt(
            input, at: f.position, screenedOn: screened ?? CivilDate(iso: f.openedOn)!, today: RegistryService.today(at), &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        return try await db.transaction { tx in
            let before = f.auditFields
            let row = HealthAttemptRow()
            row.id = TimeOrderedID.next()
            row.followupID = f.id!
            row.on = checked.on.iso
            row.channel = checked.channel
            row.note = checked.note
            row.byName = s.displayName
            row.createdAt = at
            try await row.create(on: tx)
            f.attempts += 1
            try await saved(f, before: before, results: checked.note == nil ? [] : ["note"], actor: actor, at: at, on: tx)
            return f
        }
    }

    /// Lost to follow-up, said with a reason after the attempts Core asks for: never silent.
    static func lost(_ f: HealthFollowup, _ input: HealthLostInput, actor: AuditActor, at: Date, on db: any Database) async throws
        -> HealthFollowup
    {
        var c = FormChecker()
        let reason = HealthStepForm.lost(input, at: f.position, attempts: f.attempts, &c)
        try c.throwIfAny()
        guard let reason else { throw FieldErrors(c.errors) }
        let settings = try await HealthSettingsStore.load(on: db)
        return try await db.transaction { tx in
            let before = f.auditFields
            f.lostReason = reason
            f.move(to: HealthStepForm.lostPosition(f.position), today: RegistryService.today(at), settings)
            f.endedOn = RegistryService.today(at).iso
            try await saved(f, before: before, results: ["lostReason"], actor: actor, at: at, on: tx)
            try await Reminders.resolve(.healthFollowup, f.id!, on: tx, at: at)
            return f
        }
    }

    static func saved(
        _ f: HealthFollowup, before: [String: String], results: [String], actor: AuditActor, at: Date, on db: any Database
    ) async throws {
        f.updatedAt = at
        try await f.save(on: db)
        var fields = AuditLog.diff(before, f.auditFields)
        if fields["status"] != nil { fields["status"] = FieldChange(before: nil, after: withheld) }
        fields.merge(withheldFields(results)) { a, _ in a }
        try await AuditLog.append(AuditEvent(AuditAction.update, f.recordID, unit: f.unitCode, fields: fields), by: actor, at: at, on: db)
    }
}
