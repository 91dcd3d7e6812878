import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// Children who look like the one being registered: shown before saving, not an error once acknowledged.
struct LikelyDuplicates: Error, Sendable {
    let childIDs: [String]
}

/// Columns that name the account responsible for something; a handover moves them to the successor.
/// Later modules (inboxes, pairs, cases) add theirs here.
enum UserDuties {
    static let moving: [(table: String, column: String)] = []
}

enum AccountService {
    static func oneTimePassword() -> String { TemporaryPassword.make() }

    static func validate(_ n: NewAccount, creator: Signer?, scoped: Scoped) async throws -> (Role, Unit) {
        let unit = try await scoped.unit(AccountForm.unitCode(n))
        let facts = unit.map(\.formFacts)
        let role = try AccountForm.check(n, creator: creator?.role, unit: facts).get()
        let username = n.username.trimmingCharacters(in: .whitespaces)
        if let existing = try await UserDirectory.byUsername(username, on: scoped.db) {
            throw ConflictError(field: "username", key: "account.error.usernameTaken", existingID: existing.id?.uuidString ?? "")
        }
        guard let unit else { throw FieldErrors([]) }
        return (role, unit)
    }

    /// Creates an account with a one-time password that must be changed at first login.
    static func create(
        _ n: NewAccount, creator: Signer?, scoped: Scoped, hasher: @Sendable (String) async throws -> String, by actor: AuditActor,
        at: Date, mustChange: Bool = true, password: String? = nil
    ) async throws -> (User, String) {
        let (role, unit) = try await validate(n, creator: creator, scoped: scoped)
        let pw = password ?? oneTimePassword()
        let phone = n.phone.trimmingCharacters(in: .whitespaces)
        let user = User(
            username: n.username.trimmingCharacters(in: .whitespaces), displayName: n.displayName.trimmingCharacters(in: .whitespaces),
            role: role, unitCode: unit.code, phone: phone.isEmpty ? nil : phone, passwordHash: try await hasher(pw), mustChange: mustChange,
            at: at)
        try await scoped.db.transaction { tx in
            try await user.create(on: tx)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.create, user.recordID, unit: user.unitCode, fields: AuditLog.created(user.auditFields)),
                by: actor, at: at, on: tx)
        }
        return (user, pw)
    }

    static func update(
        _ user: User, by actor: AuditActor, at: Date, on db: any Database, detail: [String: String] = [:], _ change: (User) -> Void
    ) async throws {
        let before = user.auditFields
        change(user)
        try await db.transaction { tx in
            try await user.save(on: tx)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.update, user.recordID, unit: user.unitCode,
                    fields: AuditLog.diff(before, user.auditFields), detail: detail), by: actor, at: at, on: tx)
        }
    }

    static func endSessions(of user: UserID, at: Date, on db: any Database) async throws {
        try await UserSession.query(on: db).filter(\.$userID == user.uuid).filter(\.$endedAt == nil).set(\.$endedAt, to: at).update()
    }

    static func setDisabled(_ user: User, _ disabled: Bool, by actor: AuditActor, at: Date, on db: any Database) async throws {
        try await update(user, by: actor, at: at, on: db) { $0.disabled = disabled }
        if disabled { try await endSessions(of: user.recordID, at: at, on: db) }
    }

    static func resetPassword(
        _ user: User, hasher: @Sendable (String) async throws -> String, by actor: AuditActor, at: Date, on db: any Database
    ) async throws -> String {
        let pw = oneTimePassword()
        let hash = try await hasher(pw)
        try await update(user, by: actor, at: at, on: db, detail: ["password": "reset"]) {
            $0.passwordHash = hash
            $0.mustChangePassword = true
            $0.failedLogins = 0
            $0.lockedUntil = nil
        }
        try await LoginService.forgetFailures(username: user.username, on: db)
        try await endSessions(of: user.recordID, at: at, on: db)
        return pw
    }

    /// A village's 村妇联主席 changes: the successor gets a new account with the same role and unit, the old account's
    /// duties move to it, and the old account is disabled and points at its successor.
    static func handover(
        _ old: User, to n: NewAccount, creator: Signer, scoped: Scoped, hasher: @Sendable (String) async throws -> String,
        by actor: AuditActor, at: Date
    ) async throws -> (User, String) {
        guard !old.disabled else { throw FieldErrors([FieldError(field: "username", key: "account.error.alreadyDisabled")]) }
        var spec = n
        spec.role = old.role.rawValue
        spec.unitCode = old.unitCode
        let (successor, pw) = try await create(spec, creator: creator, scoped: scoped, hasher: hasher, by: actor, at: at)
        try await scoped.db.transaction { tx in
            var moved: [String: String] = [:]
            for d in UserDuties.moving {
                try await tx.sql.update(d.table).set(SQLIdentifier(d.column), to: SQLBind(successor.id!)).where(
                    SQLIdentifier(d.column), .equal, SQLBind(old.id!)
                ).run()
                moved[d.table] = AuditDetailKey.moved.rawValue
            }
            try await update(old, by: actor, at: at, on: tx, detail: ["handoverTo": successor.username].merging(moved) { a, _ in a }) {
                $0.disabled = true
                $0.successorID = successor.id
            }
            try await endSessions(of: old.recordID, at: at, on: tx)
        }
        return (successor, pw)
    }
}
