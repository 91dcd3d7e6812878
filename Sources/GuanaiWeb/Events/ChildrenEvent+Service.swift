import Fluent
import Vapor
import GuanaiCore

extension ChildrenEventInput: Content {}

/// Events recorded, audited under the station trail; Core's `ChildrenEventForm` judges the input.
enum ChildrenEventService {
    static func create(_ input: ChildrenEventInput, scoped: Scoped, actor: AuditActor, at: Date) async throws -> ChildrenEvent {
        let unit = try await scoped.unitFactsForWrite(input.unitCode)
        var c = Checker()
        let checked = ChildrenEventForm.check(input, unit: unit, known: try await scoped.knownChildren(input.participants), &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        let e = ChildrenEvent()
        e.id = TimeOrderedID.next()
        e.unitCode = checked.unitCode
        e.kind = checked.kind
        e.date = checked.date.iso
        e.title = checked.title
        e.participantsText = checked.participants.compactMap(UUID.init(uuidString:)).map(\.uuidString).joined(separator: ",")
        e.createdAt = at
        try await scoped.db.transaction { tx in
            try await e.create(on: tx)
            try await AuditLog.append(
                AuditEvent(AuditAction.create, e.recordID, unit: e.unitCode, fields: AuditLog.created(e.auditFields)), by: actor, at: at,
                on: tx)
        }
        return e
    }
}
