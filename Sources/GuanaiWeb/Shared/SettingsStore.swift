import Fluent
import Foundation
import GuanaiCore
import SQLKit

/// Where every `NumberSettings` lives: one JSON row per kind in `settings`, read by every instance (nothing is kept
/// in memory), changed in one transaction with its audit entry and whatever the new numbers make due again.
enum SettingsStore {
    static func load<S: NumberSettings>(_ type: S.Type, on db: any Database) async throws -> S {
        guard let row = try await db.sql.select().column("value").from("settings").where("key", .equal, S.storageKey).first(),
            let text = try? row.decode(column: "value", as: String.self),
            let stored = try? JSONDecoder().decode(S.self, from: Data(text.utf8))
        else { return S() }
        return stored
    }

    /// Checks (`NumberSettings.applying`: 422 naming each field), stores and audits. `afterwards` runs in the same
    /// transaction, only when a number changed: records judged by the old numbers are marked to be looked at again.
    static func save<S: NumberSettings>(
        _ values: [String: String], as type: S.Type, unit: String? = nil, by actor: AuditActor, at: Date, on db: any Database,
        afterwards: @escaping @Sendable (any Database) async throws -> Void = { _ in }
    ) async throws -> S {
        let before = try await load(S.self, on: db)
        let next = try before.applying(values).get()
        return try await store(next, before: before, unit: unit, by: actor, at: at, on: db, afterwards: afterwards)
    }

    /// Settings already checked (a kind with more than numbers checks its own), stored and audited when they differ:
    /// each number's change, and `extra` for what is not a number.
    static func store<S: NumberSettings>(
        _ next: S, before: S, extra: [String: FieldChange] = [:], unit: String? = nil, by actor: AuditActor, at: Date,
        on db: any Database, afterwards: @escaping @Sendable (any Database) async throws -> Void = { _ in }
    ) async throws -> S {
        var fields = extra
        for c in before.changes(to: next) { fields[c.name] = FieldChange(before: String(c.before), after: String(c.after)) }
        guard !fields.isEmpty else { return next }
        let json = RegistryService.json(next)
        let changes = fields
        try await db.transaction { tx in
            try await tx.sql.delete(from: "settings").where("key", .equal, S.storageKey).run()
            try await tx.sql.insert(into: "settings").columns("key", "value", "updated_at", "updated_by")
                .values(SQLBind(S.storageKey), SQLBind(json), SQLBind(AuditLog.timestamp(at)), SQLBind(actor.name)).run()
            try await afterwards(tx)
            let event = AuditEvent(AuditAction.update, .settings, S.storageKey, unit: unit, fields: changes)
            try await AuditLog.append(event, by: actor, at: at, on: tx)
        }
        return next
    }
}
