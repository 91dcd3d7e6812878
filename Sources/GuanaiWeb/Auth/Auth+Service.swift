import Fluent
import Vapor
import Crypto
import GuanaiCore

enum Tokens {
    static func random(_ bytes: Int = 32) -> String {
        var g = SystemRandomNumberGenerator()
        let raw = (0..<bytes).map { _ in UInt8.random(in: 0...255, using: &g) }
        return Data(raw).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
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
    /// Checks a password, counting failures: the 5th failure in a row locks the account for 15 minutes.
    /// Every outcome is audited; a failed login names the attempted username, never the password.
    static func attempt(username rawName: String, password: String, req: Request) async throws -> LoginOutcome {
        let cfg = req.application.guanai
        let now = req.now
        let username = rawName.trimmingCharacters(in: .whitespaces)
        let ip = req.clientIP
        guard let user = try await UserDirectory.byUsername(username, on: req.db) else {
            _ = try? await req.password.async.verify(password, created: "$2b$04$abcdefghijklmnopqrstuu5G6n5cUjUYzPyYVbaFtqqf6VzKk7Vy")
            try await AuditLog.append(AuditEvent(AuditAction.loginFailed, "account", "unknown", detail: ["username": String(username.prefix(64))]), by: AuditActor(id: nil, name: String(username.prefix(64)), ip: ip), at: now, on: req.db)
            return .invalid
        }
        let who = AuditActor(id: user.id?.uuidString, name: user.username, ip: ip, unitCode: user.unitCode)
        if let until = user.lockedUntil, until > now {
            try await AuditLog.append(AuditEvent(AuditAction.loginFailed, "account", user.id!.uuidString, detail: ["reason": "locked"]), by: who, at: now, on: req.db)
            return .locked(until: until)
        }
        let ok = (try? await req.password.async.verify(password, created: user.passwordHash)) ?? false
        if !ok {
            try await req.db.transaction { tx in
                user.failedLogins += 1
                var event = AuditEvent(AuditAction.loginFailed, "account", user.id!.uuidString, detail: ["failures": String(user.failedLogins)])
                if user.failedLogins >= cfg.lockoutThreshold {
                    user.lockedUntil = now.addingTimeInterval(cfg.lockoutSeconds)
                    user.failedLogins = 0
                    event.action = AuditAction.locked
                }
                try await user.save(on: tx)
                try await AuditLog.append(event, by: who, at: now, on: tx)
            }
            if let until = user.lockedUntil, until > now { return .locked(until: until) }
            return .invalid
        }
        if user.disabled {
            try await AuditLog.append(AuditEvent(AuditAction.loginFailed, "account", user.id!.uuidString, detail: ["reason": "disabled"]), by: who, at: now, on: req.db)
            return .disabled
        }
        user.failedLogins = 0
        user.lockedUntil = nil
        try await user.save(on: req.db)
        return .success(user)
    }

    /// Opens a session; the plain token goes to the client once, the database keeps its hash.
    static func open(for user: User, kind: String, req: Request) async throws -> (token: String, session: UserSession) {
        let token = Tokens.random()
        let s = UserSession(tokenHash: Tokens.hash(token), userID: user.id!, kind: kind, csrf: Tokens.random(24), at: req.now)
        try await req.db.transaction { tx in
            try await s.create(on: tx)
            try await AuditLog.append(AuditEvent(AuditAction.login, "account", user.id!.uuidString, detail: ["via": kind]), by: AuditActor(id: user.id?.uuidString, name: user.username, ip: req.clientIP, unitCode: user.unitCode), at: req.now, on: tx)
        }
        return (token, s)
    }

    enum Lookup { case valid(UserSession, User), expired(UserSession, User), none }

    /// Finds the session behind a token. Idle longer than the limit → expired (and ended).
    static func lookup(token: String, kind: String, req: Request) async throws -> Lookup {
        guard let s = try await UserSession.query(on: req.db).filter(\.$tokenHash == Tokens.hash(token)).filter(\.$kind == kind).first(),
              let user = try await User.find(s.userID, on: req.db) else { return .none }
        let now = req.now
        let idle = req.application.guanai.sessionIdleSeconds
        if user.disabled { return .none }
        // A session ended by idling (not by logout) still proves who posted a late form, so that form can be kept.
        if let ended = s.endedAt { return ended.timeIntervalSince(s.lastSeenAt) >= idle ? .expired(s, user) : .none }
        if now.timeIntervalSince(s.lastSeenAt) > idle {
            s.endedAt = now
            try await s.save(on: req.db)
            return .expired(s, user)
        }
        // One write a minute at most keeps an active session alive without a write per request.
        if now.timeIntervalSince(s.lastSeenAt) > 60 {
            s.lastSeenAt = now
            try await s.save(on: req.db)
        }
        return .valid(s, user)
    }

    static func actor(_ user: User, _ s: UserSession, on db: any Database) async throws -> Actor {
        let unit = try await Unit.find(user.unitCode, on: db)
        return Actor(userID: user.id!, username: user.username, displayName: user.displayName, role: user.roleValue, unitCode: user.unitCode, unitName: unit?.shortName ?? user.unitCode, mustChangePassword: user.mustChangePassword, sessionID: s.id!, csrf: s.csrf)
    }

    static func close(_ actor: Actor, req: Request) async throws {
        try await req.db.transaction { tx in
            if let s = try await UserSession.find(actor.sessionID, on: tx) {
                s.endedAt = req.now
                try await s.save(on: tx)
            }
            try await AuditLog.append(AuditEvent(AuditAction.logout, "account", actor.userID.uuidString), by: req.auditActor, at: req.now, on: tx)
        }
    }
}
