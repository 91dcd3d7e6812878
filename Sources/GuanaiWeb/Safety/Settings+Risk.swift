import Fluent
import Foundation
import SQLKit
import GuanaiCore

enum RiskSettingsStore {
    static func load(on db: any Database) async throws -> RiskSettings { try await SettingsStore.load(RiskSettings.self, on: db) }

    /// Validates, stores, audits, and marks every monitored child due for reassessment at the next sweep.
    static func save(_ values: [String: String], by actor: AuditActor, at: Date, on db: any Database) async throws -> RiskSettings {
        let today = RegistryService.today(at).iso
        return try await SettingsStore.save(values, as: RiskSettings.self, unit: actor.unitCode ?? "", by: actor, at: at, on: db) { tx in
            try await tx.sql.raw("UPDATE children SET risk_review = \(bind: today) WHERE risk_tier IS NOT NULL").run()
        }
    }
}
