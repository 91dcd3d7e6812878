import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// Notifications beyond the inbox (an SMS gateway, a 企业微信 robot): one row per delivery, written in the same
/// transaction as the delivery, drained later by channels. A row is claimed before it is sent, so two drainers never
/// send it twice; a failed send is retried with back-off; the receiver gets the row's key as `Idempotency-Key`.
final class OutboxMessage: Model, @unchecked Sendable {
    static let schema = "outbox"
    @ID(key: .id) var id: UUID?
    @Field(key: "channel") var channel: OutboxChannelName
    @Field(key: "dedupe_key") var dedupeKey: String
    @Field(key: "alert_id") var alertID: UUID
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "payload") var payload: String
    @Field(key: "status") var status: OutboxStatus
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @OptionalField(key: "claimed_until") var claimedUntil: Date?
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    init() {}
}

/// What a channel receives: enough for a short message to the person responsible, nothing more.
struct OutboxPayload: Codable, Sendable {
    let key: String
    /// The alert's id, or the reminder's (pair, loan, case …): what the delivery is about.
    let alertId: String
    /// A child's alert or reminder names her; other kinds leave both out of the JSON (`subject…` say what it is about).
    let childId: String?
    let childName: String?
    let unitCode: String
    let kind: String
    let level: String
    let reasons: [String]
    let reason: String
    let to: Recipient
    let createdAt: String
    /// What a reminder that is not about a child concerns ("loan", "rights_case", "screening" …), its id and a name
    /// fit to be read by the recipient (a case number, never a confidential detail). Omitted when nil, so the JSON of
    /// the existing kinds is as it was.
    var subjectType: String? = nil
    var subjectId: String? = nil
    var subjectName: String? = nil
    /// `username` is absent for a person without an account (a woman invited to a screening).
    struct Recipient: Codable, Sendable { let username: String?; let name: String; let phone: String? }
}

protocol OutboxChannel: Sendable {
    var name: OutboxChannelName { get }
    func send(_ payload: OutboxPayload, raw: String) async throws
}

/// POSTs the payload as JSON; any 2xx is delivered, anything else is retried.
struct WebhookChannel: OutboxChannel {
    let name = OutboxChannelName.webhook
    let url: URI
    let client: any Client

    struct Failed: Error, CustomStringConvertible { let description: String }

    func send(_ payload: OutboxPayload, raw: String) async throws {
        let res = try await client.post(url) { req in
            req.headers.contentType = .json
            req.headers.replaceOrAdd(name: "Idempotency-Key", value: payload.key)
            req.body = ByteBuffer(string: raw)
        }
        guard (200..<300).contains(res.status.code) else { throw Failed(description: "HTTP \(res.status.code)") }
    }
}

enum Outbox {
    /// What an alert's delivery to one account says.
    static func payload(_ a: Alert, to u: User, reason: String, childName: String, at: Date) -> OutboxPayload {
        OutboxPayload(
            key: "alert:\(a.id!.uuidString):\(u.id!.uuidString):\(reason)", alertId: a.id!.uuidString, childId: a.childID.uuidString,
            childName: childName,
            unitCode: a.unitCode, kind: a.kind.rawValue, level: a.level, reasons: a.reasonList.map(\.message), reason: reason,
            to: .init(username: u.username, name: u.displayName, phone: u.phone), createdAt: AuditLog.timestamp(at))
    }

    /// The children's names, for payloads, with one query a few hundred children.
    static func childNames(_ ids: Set<ChildID>, on db: any Database) async throws -> [ChildID: String] {
        var out: [ChildID: String] = [:]
        for chunk in ids.map(\.uuid).chunked(500) {
            for r in try await db.sql.select().column(SQLColumn("id", table: "children")).column(SQLColumn("name", table: "people")).from(
                Child.schema
            )
            .join("people", on: SQLColumn("person_id", table: "children"), .equal, SQLColumn("id", table: "people"))
            .where(SQLColumn("id", table: "children"), .in, SQLBind.group(Array(chunk))).all() {
                out[ChildID(try r.decode(column: "id", as: UUID.self))] = try r.decode(column: "name", as: String.self)
            }
        }
        return out
    }

    /// One pending delivery; `about` is the alert's (or the reminder's) id, so a record's deliveries can be listed.
    /// The payload's key is the row's unique dedupe key: the same delivery cannot be queued twice.
    static func write(_ p: OutboxPayload, about: UUID, to u: User, on db: any Database, at: Date) async throws {
        try await write([p], about: [about], to: [u], on: db, at: at)
    }

    /// Many at once (a sweep's deliveries), with multi-row inserts.
    static func write(_ payloads: [OutboxPayload], about: [UUID], to users: [User], on db: any Database, at: Date) async throws {
        try await insert(payloads, about: about, userIDs: users.map(\.id), on: db, at: at)
    }

    /// To people without an account (a woman invited to a screening): the payload's `to` carries her name and phone.
    static func writeToPeople(_ payloads: [OutboxPayload], about: [UUID], on db: any Database, at: Date) async throws {
        try await insert(payloads, about: about, userIDs: payloads.map { _ in nil }, on: db, at: at)
    }

    static func insert(_ payloads: [OutboxPayload], about: [UUID], userIDs: [UUID?], on db: any Database, at: Date) async throws {
        guard !payloads.isEmpty else { return }
        var rows: [[any Encodable & Sendable]] = []
        rows.reserveCapacity(payloads.count)
        for (i, p) in payloads.enumerated() {
            rows.append([
                TimeOrderedID.next(), OutboxChannelName.webhook.rawValue, p.key, about[i], userIDs[i], RegistryService.json(p),
                OutboxStatus.pending.rawValue, 0, at, at,
            ])
        }
        try await db.sql.insert(
            into: OutboxMessage.schema,
            columns: [
                "id", "channel", "dedupe_key", "alert_id", "user_id", "payload", "status", "attempts", "next_attempt_at", "created_at",
            ], rows: rows)
    }

    struct Result: Sendable, Equatable { var sent = 0, retried = 0, failed = 0, skipped = 0 }

    static func drain(on db: any Database, channels: [any OutboxChannel], at: Date, limit: Int = 100) async throws -> Result {
        var r = Result()
        let due = try await OutboxMessage.query(on: db).group(.or) {
            $0.group(.and) { $0.filter(\.$status == .pending).filter(\.$nextAttemptAt <= at) }
                .group(.and) { $0.filter(\.$status == .sending).filter(\.$claimedUntil < at) }
        }.sort(\.$nextAttemptAt).limit(limit).all()
        for m in due {
            guard let channel = channels.first(where: { $0.name == m.channel }) else {
                m.status = .skipped
                try await m.save(on: db)
                r.skipped += 1
                continue
            }
            // Claim it: only one drainer's UPDATE matches.
            let (pending, sending) = (OutboxStatus.pending.rawValue, OutboxStatus.sending.rawValue)
            let claimed = try await db.sql.raw(
                """
                UPDATE outbox SET status = \(bind: sending), claimed_until = \(bind: at.addingTimeInterval(120))
                WHERE id = \(bind: m.id!)
                AND (status = \(bind: pending) OR (status = \(bind: sending) AND claimed_until < \(bind: at))) RETURNING id
                """
            ).all()
            guard !claimed.isEmpty, let payload = try? JSONDecoder().decode(OutboxPayload.self, from: Data(m.payload.utf8)) else {
                continue
            }
            let fresh = try await OutboxMessage.find(m.id, on: db) ?? m
            do {
                try await channel.send(payload, raw: m.payload)
                fresh.status = .sent
                fresh.sentAt = at
                fresh.attempts += 1
                fresh.lastError = nil
                r.sent += 1
            } catch {
                fresh.attempts += 1
                fresh.lastError = String(describing: error).prefix(500).description
                let (status, wait) = OutboxRetry.afterFailure(attempts: fresh.attempts)
                fresh.status = status
                if let wait { fresh.nextAttemptAt = at.addingTimeInterval(wait); r.retried += 1 } else { r.failed += 1 }
            }
            fresh.claimedUntil = nil
            try await fresh.save(on: db)
        }
        return r
    }
}
