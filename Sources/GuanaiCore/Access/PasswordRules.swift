import Foundation

/// What a new password must be, and when a session has idled out. The hashing and the sessions' rows are the web's.
public enum PasswordRules {
    public static let minLength = 8

    /// Field → catalogue key for each problem with a change of password: at least 8 characters with letters and
    /// digits, not the current one, typed the same twice. Whether `current` is right is the caller's check (a hash).
    public static func problems(current: String, new: String, confirm: String) -> [String: String] {
        var e: [String: String] = [:]
        if new.count < minLength {
            e["new"] = "password.error.short"
        } else if !new.contains(where: \.isNumber) || !new.contains(where: \.isLetter) {
            e["new"] = "password.error.mix"
        } else if new == current {
            e["new"] = "password.error.same"
        }
        if confirm != new { e["confirm"] = "password.error.confirm" }
        return e
    }
}

/// A session's state on a request, from when it was last seen (and ended, if it was).
public enum SessionRules {
    public enum State: Sendable, Equatable {
        /// Live; `touch`: record this request as its last sign of life (at most once a minute, not a write a request).
        case valid(touch: Bool)
        /// Idled out; `end`: it ends now (it had not been ended yet). A session ended by idling still proves who
        /// posted a late form, so that form can be kept.
        case expired(end: Bool)
        /// Ended by a logout: nothing.
        case none
    }

    public static let touchEvery: TimeInterval = 60

    public static func state(lastSeen: Date, ended: Date?, now: Date, idleSeconds: TimeInterval) -> State {
        if let ended { return ended.timeIntervalSince(lastSeen) >= idleSeconds ? .expired(end: false) : .none }
        if now.timeIntervalSince(lastSeen) > idleSeconds { return .expired(end: true) }
        return .valid(touch: now.timeIntervalSince(lastSeen) > touchEvery)
    }
}
