import Fluent
import Vapor
import GuanaiCore

extension HealthSettingsInput: Content {}

/// The programme's settings live as every `NumberSettings` does (`SettingsStore`), with the early-diagnosis lists
/// beside the numbers in the same row.
enum HealthSettingsStore {
    static func load(on db: any Database) async throws -> HealthSettings { try await SettingsStore.load(HealthSettings.self, on: db) }

    /// 422 naming each number out of range and each bad list entry; nothing written then.
    static func save(_ input: HealthSettingsInput, by actor: AuditActor, at: Date, on db: any Database) async throws -> HealthSettings {
        let before = try await load(on: db)
        let next = try before.applying(input).get()
        var extra: [String: FieldChange] = [:]
        if next.earlyDiagnosis != before.earlyDiagnosis {
            extra["earlyDiagnosis"] = FieldChange(
                before: RegistryService.json(before.earlyDiagnosis), after: RegistryService.json(next.earlyDiagnosis))
        }
        return try await SettingsStore.store(next, before: before, extra: extra, by: actor, at: at, on: db)
    }
}

/// The settings as the API reads and writes them: the numbers and the early-diagnosis lists.
struct HealthSettingsDTO: Content {
    let ageFrom: Int, ageTo: Int, cytologyIntervalYears: Int, hpvIntervalYears: Int, breastIntervalYears: Int
    let examinationDays: Int, pathologyDays: Int, treatmentDays: Int, escalateAfterDays: Int, biopsyNeedsMammography: Int
    let earlyDiagnosis: EarlyDiagnosisInput

    init(_ s: HealthSettings) {
        (ageFrom, ageTo) = (s.ageFrom, s.ageTo)
        (cytologyIntervalYears, hpvIntervalYears, breastIntervalYears) = (
            s.cytologyIntervalYears, s.hpvIntervalYears, s.breastIntervalYears
        )
        (examinationDays, pathologyDays, treatmentDays) = (s.examinationDays, s.pathologyDays, s.treatmentDays)
        (escalateAfterDays, biopsyNeedsMammography) = (s.escalateAfterDays, s.biopsyNeedsMammography)
        let e = s.earlyDiagnosis
        earlyDiagnosis = EarlyDiagnosisInput(
            cervicalDiagnoses: e.cervicalDiagnoses.map(\.rawValue), cervicalStages: e.cervicalStages.map(\.rawValue),
            breastDiagnoses: e.breastDiagnoses.map(\.rawValue), breastStages: e.breastStages.map(\.rawValue))
    }
}
