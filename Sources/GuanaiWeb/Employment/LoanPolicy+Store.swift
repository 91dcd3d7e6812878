import Fluent
import SQLKit
import Vapor
import GuanaiCore

extension LoanPolicyInput: Content {}

/// The loan policy, one row of `settings` (`loans.policy`), as checked by Core; the standard policy until a city admin
/// saves one. Every instance reads the same row, and a change is one audited transaction with its before and after.
enum LoanPolicyStore {
    static let key = "loans.policy"

    static func load(on db: any Database) async throws -> LoanPolicy {
        guard let row = try await db.sql.select().column("value").from("settings").where("key", .equal, key).first(),
            let text = try? row.decode(column: "value", as: String.self),
            let input = try? JSONDecoder().decode(LoanPolicyInput.self, from: Data(text.utf8))
        else { return .standard }
        var c = FormChecker()
        return LoanPolicy.check(input, &c) ?? .standard
    }

    /// 422 naming each bad field; nothing written then.
    static func save(_ raw: LoanPolicyInput, by actor: AuditActor, at: Date, on db: any Database) async throws -> LoanPolicy {
        var c = Checker()
        let checked = LoanPolicy.check(raw, &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        let before = try await load(on: db)
        let fields = AuditLog.diff(auditFields(before), auditFields(checked))
        guard !fields.isEmpty else { return checked }
        try await db.transaction { tx in
            try await tx.sql.delete(from: "settings").where("key", .equal, key).run()
            try await tx.sql.insert(into: "settings").columns("key", "value", "updated_at", "updated_by")
                .values(SQLBind(key), SQLBind(RegistryService.json(checked.input)), SQLBind(AuditLog.timestamp(at)), SQLBind(actor.name))
                .run()
            try await AuditLog.append(AuditEvent(AuditAction.update, .settings, key, fields: fields), by: actor, at: at, on: tx)
        }
        return checked
    }

    static func auditFields(_ p: LoanPolicy) -> [String: String] {
        [
            "individualMax": p.individualMax.description, "partnershipPercent": String(p.partnershipPercent),
            "maxTermMonths": String(p.maxTermMonths), "rateCapOverLprBP": String(p.rateCapOverLprBP),
            "borrowerBelowLprBP": String(p.borrowerBelowLprBP), "maxLoans": String(p.maxLoans), "minAge": String(p.minAge),
            "maxAge": String(p.maxAge), "lpr": p.lpr.map { "\($0.from.iso):\($0.rateBP)" }.joined(separator: ","),
        ]
    }
}
