import Fluent
import Vapor
import GuanaiCore

/// Where a module takes people the registry need not hold a record of (a screened woman, a team's member): by ID
/// number, as the registry links people.
extension RegistryService {
    /// The field names a caller's errors are given under (a sheet's columns, a form's inputs).
    struct PersonFields: Sendable {
        var idNumber = "idNumber", name = "name", village = "villageCode"
        /// The message when she is not registered and no village is given to register her in.
        var noVillage = "intake.error.registerVillage"
    }

    /// The person with this ID number in the jurisdiction, her name checked against the one typed; else a new person of
    /// `village` (a village's code), audited as made. Someone registered outside the jurisdiction is refused without
    /// saying where; with `womenOnly`, a man is refused.
    static func personByID(
        idNumber: String?, name: String?, phone: String?, hukou: Hukou? = nil, village: String?, womenOnly: Bool,
        fields f: PersonFields = PersonFields(),
        scoped s: Scoped, actor: AuditActor, at: Date, detail: [String: String] = [:]
    ) async throws -> Person {
        var c = FormChecker()
        guard let id = c.idNumber(idNumber, f.idNumber, required: true) else { throw FieldErrors(c.errors) }
        let notWoman = FieldErrors([FieldError(field: f.idNumber, key: "health.error.notWoman")])
        if let p = try await Person.query(on: s.db).filter(\.$idNumber == id.value).first() {
            guard s.inScope(p.unitCode) else {
                throw FieldErrors([FieldError(field: f.idNumber, key: "registry.error.registeredElsewhere")])
            }
            if let typed = c.text(name), IntakeReader.word(typed) != IntakeReader.word(p.name) {
                throw FieldErrors([FieldError(field: f.name, key: "registry.error.idNameDiffers", args: [p.name])])
            }
            if womenOnly, p.sex == Sex.male.rawValue { throw notWoman }
            return p
        }
        if womenOnly, id.sex == .male { throw notWoman }
        guard let typed = c.required(name, f.name) else { throw FieldErrors(c.errors) }
        guard let village, DivisionCode(village)?.level == .village, s.inScope(village) else {
            throw FieldErrors([FieldError(field: f.village, key: f.noVillage)])
        }
        var errors: [FieldError] = []
        let p = person(
            existing: nil, id: id, name: typed, field: "", unit: village, scoped: s, confirm: true, errors: &errors,
            fill: {
                $0.phone = phone.flatMap { c.text($0) }
                $0.hukou = hukou?.rawValue
            }, compare: [], at: at)
        try await p.create(on: s.db)
        try await AuditLog.append(
            AuditEvent(AuditAction.create, p.recordID, unit: village, fields: AuditLog.created(p.auditFields), detail: detail),
            by: actor, at: at, on: s.db)
        return p
    }
}
