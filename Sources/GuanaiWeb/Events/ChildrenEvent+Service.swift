import Fluent
import Vapor
import GuanaiCore

extension ChildrenEventInput: Content {}

/// `POST /api/v1/events/{id}/cancel`.
struct ChildrenEventCancelInput: Content {
    var reason: String?
}

/// Events recorded, changed and cancelled, audited under the station trail; Core's `ChildrenEventForm` judges the input.
enum ChildrenEventService {
    static func create(_ input: ChildrenEventInput, scoped: Scoped, actor: AuditActor, at: Date) async throws -> ChildrenEvent {
        let unit = try await scoped.unitFactsForWrite(input.unitCode)
        var c = Checker()
        let checked = ChildrenEventForm.check(input, unit: unit, known: try await scoped.knownChildren(input.participants), &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        let e = ChildrenEvent()
        e.id = TimeOrderedID.next()
        e.apply(checked)
        e.status = .active
        e.createdAt = at
        try await scoped.db.transaction { tx in
            try await e.create(on: tx)
            try await AuditLog.append(
                AuditEvent(AuditAction.create, e.recordID, unit: e.unitCode, fields: AuditLog.created(e.auditFields)), by: actor, at: at,
                on: tx)
        }
        return e
    }

    /// Core says whether the event may change at all (409 when cancelled) and checks the whole as changed.
    static func requireChangeable(_ e: ChildrenEvent) throws {
        if let key = ChildrenEventForm.refusal(e.status) { throw ConflictError(field: "status", key: key, existingID: nil) }
    }

    /// A PATCH: keys sent replace the stored ones (`participants` the whole list); audited field by field.
    static func update(_ e: ChildrenEvent, _ patch: ChildrenEventInput, scoped: Scoped, actor: AuditActor, at: Date) async throws
        -> ChildrenEvent
    {
        try requireChangeable(e)
        let merged = ChildrenEventForm.merged(e.input, patch)
        let unit = try await scoped.unitFactsForWrite(merged.unitCode)
        // A child already on the list stays nameable even when she has since moved out of the jurisdiction.
        let known = try await scoped.knownChildren(merged.participants).union(e.participants)
        var c = Checker()
        let checked = ChildrenEventForm.checkChange(patch, current: e.input, unit: unit, known: known, today: RegistryService.today(at), &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        let before = e.auditFields
        e.apply(checked)
        return try await save(e, before: before, scoped: scoped, actor: actor, at: at)
    }

    static func cancel(_ e: ChildrenEvent, reason: String?, scoped: Scoped, actor: AuditActor, at: Date) async throws -> ChildrenEvent {
        try requireChangeable(e)
        var c = Checker()
        let checked = ChildrenEventForm.checkCancel(reason: reason, &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        let before = e.auditFields
        e.status = .cancelled
        e.cancelReason = checked
        return try await save(e, before: before, scoped: scoped, actor: actor, at: at)
    }

    private static func save(_ e: ChildrenEvent, before: [String: String], scoped: Scoped, actor: AuditActor, at: Date) async throws
        -> ChildrenEvent
    {
        let diff = AuditLog.diff(before, e.auditFields)
        guard !diff.isEmpty else { return e }
        e.updatedAt = at
        try await scoped.db.transaction { tx in
            try await e.update(on: tx)
            try await AuditLog.append(AuditEvent(AuditAction.update, e.recordID, unit: e.unitCode, fields: diff), by: actor, at: at, on: tx)
        }
        return e
    }
}
