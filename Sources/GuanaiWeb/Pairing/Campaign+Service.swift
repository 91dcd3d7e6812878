import Fluent
import Vapor
import GuanaiCore

// The inputs and their checks are Core's (CampaignForm); here they become request content.
extension CampaignInput: Content {}
extension CampaignVolunteerInput: Content {}

/// Pilot campaigns and the volunteers who signed up for them. Every change is audited on the campaign's record.
enum CampaignService {
    static func create(_ input: CampaignInput, scoped: Scoped, by name: String, actor: AuditActor, at: Date) async throws -> Campaign {
        var c = Checker()
        let unit = try await CampaignForm.unitCode(input).asyncFlatMap { try await scoped.unit($0) }
        let checked = CampaignForm.check(
            input, unit: unit.map(\.formFacts),
            today: RegistryService.today(at), &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        let k = Campaign()
        k.id = TimeOrderedID.next()
        k.name = checked.name
        k.unitCode = checked.unitCode
        k.launchedOn = checked.launchedOn.iso
        k.note = checked.note
        k.createdBy = name
        k.createdAt = at
        try await scoped.db.transaction { tx in
            try await k.create(on: tx)
            try await AuditLog.append(
                AuditEvent(AuditAction.create, k.recordID, unit: k.unitCode, fields: AuditLog.created(k.auditFields)),
                by: actor, at: at, on: tx)
        }
        return k
    }

    /// Signs a volunteer up: she must be in the caller's scope, active, from the campaign's township, and not already
    /// signed up for it.
    static func addVolunteer(_ k: Campaign, _ input: CampaignVolunteerInput, scoped: Scoped, actor: AuditActor, at: Date) async throws
        -> CampaignVolunteer
    {
        var c = Checker()
        let v = try await VolunteerID(input.volunteerId ?? "").asyncFlatMap { try await scoped.volunteer($0) }
        let signedOn = CampaignForm.signUp(
            input, volunteer: v.map { .init(status: $0.status, unitCode: $0.unitCode) },
            campaignUnit: k.unitCode, launchedOn: k.launchedOn, today: RegistryService.today(at), &c)
        try c.throwIfAny()
        guard let v, let signed = signedOn else { throw FieldErrors(c.errors) }
        if try await CampaignVolunteer.query(on: scoped.db).filter(\.$campaignID == k.id!).filter(\.$volunteerID == v.id!).first() != nil {
            throw FieldErrors([FieldError(field: "volunteerId", key: "campaign.error.alreadySigned")])
        }
        let row = CampaignVolunteer()
        row.id = TimeOrderedID.next()
        row.campaignID = k.id!
        row.volunteerID = v.id!
        row.signedOn = signed.iso
        try await scoped.db.transaction { tx in
            try await row.create(on: tx)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.update, k.recordID, unit: k.unitCode,
                    fields: ["volunteer": FieldChange(before: nil, after: v.id!.uuidString)],
                    detail: ["signedOn": row.signedOn, "name": v.name]), by: actor, at: at, on: tx)
        }
        return row
    }
}
