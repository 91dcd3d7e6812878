import Fluent
import Vapor
import Crypto
import GuanaiCore

enum Tokens {
    static func random(_ bytes: Int = 32) -> String {
        var g = SystemRandomNumberGenerator()
        let raw = (0..<bytes).map { _ in UInt8.random(in: 0...255, using: &g) }
        return Data(raw).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

enum LoginOutcome: Sendable {
    case success(User)
    case invalid
    case locked(until: Date)
    case disabled
}

enum LoginService {
    /// Checks a password, counting failures per username (`LoginThrottle`): the same work and the same answers for a
    /// name that exists and one that does not — one bcrypt check at the configured cost, one failure row, one audit
    /// entry — so neither the status nor the time tells which names are real. A failed login names the attempted
    /// username in the trail, never the password.
    static func attempt(username rawName: String, password: String, req: Request) async throws -> LoginOutcome {
        let cfg = req.application.guanai
        let now = req.now
        let username = rawName.trimmingCharacters(in: .whitespaces)
        let ip = req.clientIP
        let key = Tokens.hash(LoginThrottle.key(username))
        let throttle = LoginThrottle(threshold: cfg.lockoutThreshold, lockSeconds: cfg.lockoutSeconds)
        let failures = try await LoginFailure.query(on: req.db).filter(\.$nameHash == key).all(\.$at)
        let user = try await UserDirectory.byUsername(username, on: req.db)
        let who =
            user.map { AuditActor(id: $0.id?.uuidString, name: $0.username, ip: ip, unitCode: $0.unitCode) }
            ?? AuditActor(id: nil, name: String(username.prefix(64)), ip: ip)
        let record = user?.id?.uuidString ?? "unknown"
        if let until = throttle.lockedUntil(failures: failures, now: now) {
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.loginFailed, .account, record, detail: ["reason": "locked", "username": String(username.prefix(64))]),
                by: who, at: now, on: req.db)
            return .locked(until: until)
        }
        let hash = user?.passwordHash ?? req.application.dummyPasswordHash
        let ok = ((try? await req.password.async.verify(password, created: hash)) ?? false) && user != nil
        if !ok {
            let locks = throttle.locks(after: failures, now: now)
            try await req.db.transaction { tx in
                let f = LoginFailure()
                f.id = TimeOrderedID.next()
                f.nameHash = key
                f.at = now
                try await f.create(on: tx)
                var event = AuditEvent(
                    AuditAction.loginFailed, .account, record,
                    detail: ["failures": String(failures.count + 1), "username": String(username.prefix(64))])
                if locks { event.action = AuditAction.locked }
                // The same statement whether or not the name exists (it changes no row then), for the admin's list.
                try await User.query(on: tx).filter(\.$username == username).set(
                    \.$lockedUntil, to: locks ? now.addingTimeInterval(cfg.lockoutSeconds) : nil
                ).update()
                try await AuditLog.append(event, by: who, at: now, on: tx)
            }
            return locks ? .locked(until: now.addingTimeInterval(cfg.lockoutSeconds)) : .invalid
        }
        let u = user!
        if u.disabled {
            try await AuditLog.append(
                AuditEvent(AuditAction.loginFailed, u.recordID, detail: ["reason": "disabled"]), by: who, at: now,
                on: req.db)
            return .disabled
        }
        try await LoginFailure.query(on: req.db).filter(\.$nameHash == key).delete()
        u.failedLogins = 0
        u.lockedUntil = nil
        try await u.save(on: req.db)
        return .success(u)
    }

    /// Forgets failures for a name: an administrator's password reset unlocks the account at once.
    static func forgetFailures(username: String, on db: any Database) async throws {
        try await LoginFailure.query(on: db).filter(\.$nameHash == Tokens.hash(LoginThrottle.key(username))).delete()
    }

    /// Opens a session; the plain token goes to the client once, the database keeps its hash.
    static func open(for user: User, kind: String, req: Request) async throws -> (token: String, session: UserSession) {
        let token = Tokens.random()
        let s = UserSession(tokenHash: Tokens.hash(token), user: user.recordID, kind: kind, csrf: Tokens.random(24), at: req.now)
        try await req.db.transaction { tx in
            try await s.create(on: tx)
            try await AuditLog.append(
                AuditEvent(AuditAction.login, user.recordID, detail: ["via": kind]),
                by: AuditActor(id: user.id?.uuidString, name: user.username, ip: req.clientIP, unitCode: user.unitCode), at: req.now, on: tx
            )
        }
        return (token, s)
    }

    enum Lookup { case valid(UserSession, User), expired(UserSession, User), none }

    /// Finds the session behind a token. Idle longer than the limit → expired (and ended).
    static func lookup(token: String, kind: String, req: Request) async throws -> Lookup {
        guard let s = try await UserSession.query(on: req.db).filter(\.$tokenHash == Tokens.hash(token)).filter(\.$kind == kind).first(),
            let user = try await User.find(s.userID, on: req.db)
        else { return .none }
        let now = req.now
        let idle = req.application.guanai.sessionIdleSeconds
        if user.disabled { return .none }
        switch SessionRules.state(lastSeen: s.lastSeenAt, ended: s.endedAt, now: now, idleSeconds: idle) {
        case .none: return .none
        case .expired(let end):
            if end {
                s.endedAt = now
                try await s.save(on: req.db)
            }
            return .expired(s, user)
        case .valid(let touch):
            if touch {
                s.lastSeenAt = now
                try await s.save(on: req.db)
            }
            return .valid(s, user)
        }
    }

    static func actor(_ user: User, _ s: UserSession, on db: any Database) async throws -> Signer {
        let unit = try await Unit.find(user.unitCode, on: db)
        return Signer(
            userID: user.recordID, username: user.username, displayName: user.displayName, role: user.role, unitCode: user.unitCode,
            unitName: unit?.shortName ?? user.unitCode, mustChangePassword: user.mustChangePassword, sessionID: s.id!, csrf: s.csrf,
            duties: user.duties)
    }

    static func close(_ actor: Signer, req: Request) async throws {
        try await req.db.transaction { tx in
            if let s = try await UserSession.find(actor.sessionID, on: tx) {
                s.endedAt = req.now
                try await s.save(on: tx)
            }
            try await AuditLog.append(
                AuditEvent(AuditAction.logout, actor.userID), by: req.auditActor, at: req.now, on: tx)
        }
    }
}

/// One failed sign-in, kept under a hash of the name tried (see `LoginThrottle`); the sweep removes old rows.
final class LoginFailure: Model, @unchecked Sendable {
    static let schema = "login_failures"
    @ID(key: .id) var id: UUID?
    @Field(key: "name_hash") var nameHash: String
    @Field(key: "at") var at: Date
    init() {}
}

struct DummyPasswordHashKey: StorageKey { typealias Value = String }

extension Application {
    /// A hash of a random password at the configured cost, made once at start: an unknown name costs the same bcrypt
    /// work as a real one.
    var dummyPasswordHash: String {
        get { storage[DummyPasswordHashKey.self] ?? "$2b$04$abcdefghijklmnopqrstuu5G6n5cUjUYzPyYVbaFtqqf6VzKk7Vy" }
        set { storage[DummyPasswordHashKey.self] = newValue }
    }
}
