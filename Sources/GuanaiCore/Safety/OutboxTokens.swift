import Foundation

/// An outbox message's delivery: `pending`, `sending` (claimed), `sent`, `failed` (gave up), `skipped` (no such channel).
public enum OutboxStatus: String, Sendable, Codable, CaseIterable { case pending, sending, sent, failed, skipped }

/// The channels beyond the inbox a message can go out by; `webhook` posts to the configured URL.
public enum OutboxChannelName: String, Sendable, Codable, CaseIterable { case webhook }

/// When a failed delivery is tried again: after 30 s, 1 min, 2 min … up to an hour between attempts, and not after
/// the eighth attempt.
public enum OutboxRetry {
    public static let maxAttempts = 8

    public static func backoff(_ attempts: Int) -> Double { min(3600, 30 * pow(2, Double(max(0, attempts - 1)))) }

    /// After `attempts` failed attempts: pending again with the time to wait, or failed for good.
    public static func afterFailure(attempts: Int) -> (status: OutboxStatus, wait: Double?) {
        attempts >= maxAttempts ? (.failed, nil) : (.pending, backoff(attempts))
    }
}
