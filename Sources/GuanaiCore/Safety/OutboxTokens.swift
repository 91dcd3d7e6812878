/// An outbox message's delivery: `pending`, `sending` (claimed), `sent`, `failed` (gave up), `skipped` (no such channel).
public enum OutboxStatus: String, Sendable, Codable, CaseIterable { case pending, sending, sent, failed, skipped }

/// The channels beyond the inbox a message can go out by; `webhook` posts to the configured URL.
public enum OutboxChannelName: String, Sendable, Codable, CaseIterable { case webhook }
