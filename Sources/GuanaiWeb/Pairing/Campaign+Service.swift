import Fluent
import Vapor
import GuanaiCore

struct CampaignInput: Content, Sendable {
    var name: String?
    var unitCode: String?
    var launchedOn: String?
    var note: String?
}

struct CampaignVolunteerInput: Content, Sendable {
    var volunteerId: String?
    /// The day she signed up; the launch day when not given (most sign up at the meeting itself).
    var signedOn: String?
}

/// Pilot campaigns and the volunteers who signed up for them. Every change is audited on the campaign's record.
enum CampaignService {
    static let maxName = 100
    static let maxNote = 2000

    /// The township whose volunteers may sign up: a village campaign draws on its whole township, as pairing does.
    static func township(of unitCode: String) -> String {
        DivisionCode(unitCode)?.level == .village ? String(unitCode.prefix(9)) + "000" : unitCode
    }

    static func create(_ input: CampaignInput, scoped: Scoped, by name: String, actor: AuditActor, at: Date) async throws -> Campaign {
        var c = Checker()
        let title = c.required(input.name, "name")
        if let t = title, t.count > maxName { c.errors.append(FieldError(field: "name", key: "field.error.tooLong")) }
        var unit: Unit? = nil
        if let code = c.required(input.unitCode, "unitCode") {
            unit = try await scoped.unit(code)
            // Only a place that runs pairs: a village, or a township piloting across its villages.
            if unit == nil || unit?.isActive != true || !(unit!.divisionLevel == .village || unit!.divisionLevel == .township) {
                unit = nil
                c.errors.append(FieldError(field: "unitCode", key: "field.error.choice"))
            }
        }
        let launched: CivilDate?
        if (input.launchedOn ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            launched = nil
            c.errors.append(FieldError(field: "launchedOn", key: "field.error.required"))
        } else {
            launched = c.date(input.launchedOn, "launchedOn")
        }
        // A campaign is recorded after its launch meeting, never planned ahead here.
        if let d = launched, d > RegistryService.today(at) { c.errors.append(FieldError(field: "launchedOn", key: "campaign.error.future")) }
        let note = c.text(input.note) ?? ""
        if note.count > maxNote { c.errors.append(FieldError(field: "note", key: "field.error.tooLong")) }
        try c.throwIfAny()
        let k = Campaign()
        k.id = TimeOrderedID.next()
        k.name = title!
        k.unitCode = unit!.code
        k.launchedOn = launched!.iso
        k.note = note
        k.createdBy = name
        k.createdAt = at
        try await scoped.db.transaction { tx in
            try await k.create(on: tx)
            try await AuditLog.append(AuditEvent(AuditAction.create, "campaign", k.id!.uuidString, unit: k.unitCode, fields: AuditLog.created(k.auditFields)), by: actor, at: at, on: tx)
        }
        return k
    }

    /// Signs a volunteer up: she must be in the caller's scope, active, from the campaign's township, and not already
    /// signed up for it.
    static func addVolunteer(_ k: Campaign, _ input: CampaignVolunteerInput, scoped: Scoped, actor: AuditActor, at: Date) async throws -> CampaignVolunteer {
        var c = Checker()
        let v = try await scoped.volunteer(input.volunteerId ?? "")
        if v == nil {
            c.errors.append(FieldError(field: "volunteerId", key: (input.volunteerId ?? "").isEmpty ? "field.error.required" : "pairing.error.volunteer"))
        } else if v!.status != .active {
            c.errors.append(FieldError(field: "volunteerId", key: "pairing.error.withdrawn"))
        } else if !Jurisdiction(root: DivisionCode(township(of: k.unitCode))!).contains(v!.unitCode) {
            c.errors.append(FieldError(field: "volunteerId", key: "campaign.error.elsewhere"))
        }
        let today = RegistryService.today(at)
        let signed = (input.signedOn ?? "").trimmingCharacters(in: .whitespaces).isEmpty ? CivilDate(iso: k.launchedOn) : c.date(input.signedOn, "signedOn")
        if let d = signed, d > today { c.errors.append(FieldError(field: "signedOn", key: "visit.error.future")) }
        try c.throwIfAny()
        if try await CampaignVolunteer.query(on: scoped.db).filter(\.$campaignID == k.id!).filter(\.$volunteerID == v!.id!).first() != nil {
            throw FieldErrors([FieldError(field: "volunteerId", key: "campaign.error.alreadySigned")])
        }
        let row = CampaignVolunteer()
        row.id = TimeOrderedID.next()
        row.campaignID = k.id!
        row.volunteerID = v!.id!
        row.signedOn = signed!.iso
        try await scoped.db.transaction { tx in
            try await row.create(on: tx)
            try await AuditLog.append(AuditEvent(AuditAction.update, "campaign", k.id!.uuidString, unit: k.unitCode,
                                                 fields: ["volunteer": FieldChange(before: nil, after: v!.id!.uuidString)], detail: ["signedOn": row.signedOn, "name": v!.name]), by: actor, at: at, on: tx)
        }
        return row
    }
}
