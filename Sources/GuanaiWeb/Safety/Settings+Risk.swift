import Fluent
import SQLKit
import Vapor
import GuanaiCore

enum RiskSettingsStore {
    static func load(on db: any Database) async throws -> RiskSettings {
        guard let row = try await db.sql.select().column("value").from("settings").where("key", .equal, "risk").first(),
              let text = try? row.decode(column: "value", as: String.self),
              let s = try? JSONDecoder().decode(RiskSettings.self, from: Data(text.utf8)) else { return RiskSettings() }
        return s
    }

    /// Validates, stores, audits, and marks every monitored child due for reassessment at the next sweep.
    static func save(_ values: [String: String], by actor: AuditActor, at: Date, on db: any Database) async throws -> RiskSettings {
        let before = try await load(on: db)
        let next = try before.applying(values).get()
        var changes: [String: FieldChange] = [:]
        for (name, kp, _) in RiskSettings.fields where before[keyPath: kp] != next[keyPath: kp] {
            changes[name] = FieldChange(before: String(before[keyPath: kp]), after: String(next[keyPath: kp]))
        }
        guard !changes.isEmpty else { return next }
        let fieldChanges = changes
        let json = RegistryService.json(next)
        let today = RegistryService.today(at).iso
        try await db.transaction { tx in
            try await tx.sql.delete(from: "settings").where("key", .equal, "risk").run()
            try await tx.sql.insert(into: "settings").columns("key", "value", "updated_at", "updated_by")
                .values(SQLBind("risk"), SQLBind(json), SQLBind(AuditLog.timestamp(at)), SQLBind(actor.name)).run()
            try await tx.sql.raw("UPDATE children SET risk_review = \(bind: today) WHERE risk_tier IS NOT NULL").run()
            try await AuditLog.append(AuditEvent(AuditAction.update, "settings", "risk", unit: actor.unitCode ?? "", fields: fieldChanges), by: actor, at: at, on: tx)
        }
        return next
    }
}
