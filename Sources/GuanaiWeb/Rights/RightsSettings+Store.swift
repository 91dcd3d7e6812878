import Fluent
import Vapor
import GuanaiCore

extension RightsSettingsInput: Content {}

/// The rights deadlines live as every `NumberSettings` does (`SettingsStore`): one audited row of `settings`.
enum RightsSettingsStore {
    static func load(on db: any Database) async throws -> RightsSettings { try await SettingsStore.load(RightsSettings.self, on: db) }

    /// 422 naming each number out of range; nothing written then.
    static func save(_ raw: RightsSettingsInput, by actor: AuditActor, at: Date, on db: any Database) async throws -> RightsSettings {
        try await SettingsStore.save(raw.values, as: RightsSettings.self, by: actor, at: at, on: db)
    }
}
