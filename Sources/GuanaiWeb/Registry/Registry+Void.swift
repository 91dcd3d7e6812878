import Fluent
import SQLKit
import Vapor
import GuanaiCore

struct VoidRequest: Content { let reason: String? }
struct MergeRequest: Content { let into: String?; let reason: String? }

/// A mistaken record is voided with a reason, never deleted; a duplicate is merged into the record that stays,
/// and the survivor's timeline shows both histories.
enum RegistryCorrections {
    static func void(_ child: Child, reason: String, mergedInto: ChildID? = nil, scoped: Scoped, actor: AuditActor, at: Date) async throws {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw FieldErrors([FieldError(field: "reason", key: "unit.error.reasonRequired")])
        }
        let before = child.auditFields
        child.voidedReason = reason.trimmingCharacters(in: .whitespaces)
        child.survivor = mergedInto
        child.nextReview = nil
        child.status = .voided
        child.riskTier = nil; child.riskReasons = nil; child.riskReview = nil; child.nextVisitDue = nil
        child.updatedAt = at
        try await transaction(scoped.db) { tx in
            try await child.save(on: tx)
            // Alerts about a record that should not exist are closed with the reason.
            for a in try await Alert.query(on: tx).filter(\.$childID == child.id!).filter(\.$status != .resolved).all() {
                a.status = .resolved; a.resolvedAt = at; a.resolvedBy = actor.name; a.resolution = child.voidedReason
                try await a.save(on: tx)
            }
            var fields = AuditLog.diff(before, child.auditFields)
            fields["voidedReason"] = FieldChange(before: nil, after: child.voidedReason)
            if let m = mergedInto { fields["mergedInto"] = FieldChange(before: nil, after: m.description) }
            try await AuditLog.append(
                AuditEvent(AuditAction.update, child.recordID, unit: child.unitCode, fields: fields), by: actor, at: at,
                on: tx)
        }
    }

    static func merge(_ duplicate: Child, into survivorID: String, reason: String, scoped: Scoped, actor: AuditActor, at: Date) async throws
        -> Child
    {
        guard let survivor = try await resolve(survivorID, scoped: scoped), survivor.id != duplicate.id else {
            throw FieldErrors([FieldError(field: "into", key: "registry.error.mergeTarget")])
        }
        // Both entries or neither: a merge half-written would hide the duplicate without telling the survivor.
        try await scoped.db.transaction { tx in
            try await void(
                duplicate, reason: reason, mergedInto: survivor.recordID, scoped: Scoped(db: tx, jurisdiction: scoped.jurisdiction),
                actor: actor,
                at: at)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.update, survivor.recordID, unit: survivor.unitCode,
                    detail: ["absorbed": duplicate.recordID.description, "reason": reason]), by: actor, at: at, on: tx)
        }
        return survivor
    }

    /// The record that stays, named by its record id or by the child's ID number (what a person has at hand).
    static func resolve(_ key: String, scoped: Scoped) async throws -> Child? {
        let k = key.trimmingCharacters(in: .whitespaces)
        if let id = ChildID(k) { return try await scoped.child(id) }
        guard let id = try? IDNumber(k), let p = try await Person.query(on: scoped.db).filter(\.$idNumber == id.value).first(),
            scoped.inScope(p.unitCode),
            let c = try await scoped.children().filter(\.$personID == p.id!).first()
        else { return nil }
        return c
    }

    /// Joins the caller's transaction when there is one (Fluent does not nest them).
    static func transaction(_ db: any Database, _ body: @escaping @Sendable (any Database) async throws -> Void) async throws {
        if db.inTransaction { try await body(db) } else { try await db.transaction { try await body($0) } }
    }

    /// The records merged into this one, so its timeline can show their histories too.
    static func mergedIDs(into id: ChildID, on db: any Database) async throws -> [ChildID] {
        try await Child.query(on: db).filter(\.$mergedInto == id.uuid).all(\.$id).map(ChildID.init)
    }
}
