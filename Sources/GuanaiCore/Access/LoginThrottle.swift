import Foundation

/// Failed sign-ins are counted per username, whether or not an account of that name exists, so that the answers
/// (401 for a wrong password, 423 when locked) say nothing about which names are real. Every `threshold`-th failure
/// in a row locks the name for `lockSeconds`; attempts while locked are not counted; a success clears the count.
public struct LoginThrottle: Sendable, Equatable {
    public var threshold: Int
    public var lockSeconds: TimeInterval
    /// Failures older than this are forgotten (the sweep removes them).
    public var memorySeconds: TimeInterval = 24 * 3600

    public init(threshold: Int, lockSeconds: TimeInterval) {
        self.threshold = max(1, threshold)
        self.lockSeconds = lockSeconds
    }

    /// Until when the name is locked, from its remembered failures (any order).
    public func lockedUntil(failures: [Date], now: Date) -> Date? {
        let recent = failures.filter { now.timeIntervalSince($0) < memorySeconds }.sorted()
        guard recent.count >= threshold, recent.count % threshold == 0, let last = recent.last else { return nil }
        let until = last.addingTimeInterval(lockSeconds)
        return until > now ? until : nil
    }

    /// Whether the failure being recorded now (after `failures`) locks the name.
    public func locks(after failures: [Date], now: Date) -> Bool {
        lockedUntil(failures: failures + [now], now: now) != nil
    }

    /// The key failures are kept under: a hash, so the table holds no list of the names people tried.
    public static func key(_ username: String) -> String {
        username.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
