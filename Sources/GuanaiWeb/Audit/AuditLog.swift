import Fluent
import SQLKit
import Vapor
import Crypto
import Foundation
import GuanaiCore

/// What happened, before it is chained into the trail.
public struct AuditEvent: Sendable {
    public var action: AuditAction
    public var recordType: String
    public var recordID: String
    /// The unit the record belongs to, so each jurisdiction can search its own part of the trail.
    public var unitCode: String?
    /// Field-level changes: name → (before, after). Empty for reads.
    public var fields: [String: FieldChange] = [:]
    /// Anything else worth keeping: filters of an export, counts of an import, reason of a merge.
    public var detail: [String: String] = [:]

    public init(
        _ action: AuditAction, _ subject: AuditSubject, _ recordID: String, unit: String? = nil, fields: [String: FieldChange] = [:],
        detail: [String: String] = [:]
    ) {
        self.unitCode = unit
        self.action = action
        self.recordType = subject.rawValue
        self.recordID = recordID
        self.fields = fields
        self.detail = detail
    }
}

public struct FieldChange: Codable, Sendable, Equatable {
    public let before: String?
    public let after: String?
}

/// The action tokens the trail uses; the search page filters by them.
public enum AuditLog {
    static let genesis = String(repeating: "0", count: 64)
    /// Serialises appends on PostgreSQL across every app instance; SQLite serialises writers itself, and the unique
    /// `prev_hash` makes a forked chain impossible on both.
    static let advisoryLockKey = 4_210_810_001

    static func diff(_ before: [String: String], _ after: [String: String]) -> [String: FieldChange] {
        var out: [String: FieldChange] = [:]
        for key in Set(before.keys).union(after.keys) where before[key] != after[key] {
            out[key] = FieldChange(before: before[key], after: after[key])
        }
        return out
    }

    static func created(_ after: [String: String]) -> [String: FieldChange] {
        after.mapValues { FieldChange(before: nil, after: $0) }
    }

    static func timestamp(_ d: Date) -> String {
        d.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// `{"detail":{…},"fields":{"name":{"after":…,"before":…}}}` with sorted keys, as `JSONEncoder` with `.sortedKeys`
    /// writes it (a test holds the two equal), but written by hand: an import writes several entries per row, and
    /// the encoder's machinery cost more than the rest of the entry.
    static func encodeChanges(_ e: AuditEvent) -> String {
        var out = "{\"detail\":{"
        out.reserveCapacity(64 + e.fields.count * 40)
        for (i, key) in e.detail.keys.sorted().enumerated() {
            if i > 0 { out += "," }
            appendJSON(key, to: &out); out += ":"; appendJSON(e.detail[key]!, to: &out)
        }
        out += "},\"fields\":{"
        for (i, key) in e.fields.keys.sorted().enumerated() {
            if i > 0 { out += "," }
            let c = e.fields[key]!
            appendJSON(key, to: &out); out += ":{"
            if let a = c.after { out += "\"after\":"; appendJSON(a, to: &out) }
            if let b = c.before { if c.after != nil { out += "," }; out += "\"before\":"; appendJSON(b, to: &out) }
            out += "}"
        }
        out += "}}"
        return out
    }

    static func appendJSON(_ s: String, to out: inout String) {
        out += "\""
        // Most values need no escaping at all: appended whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += s
            out += "\""
            return
        }
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        out += "\""
    }

    /// The reference the hand-written encoder is tested against.
    static func encodeChangesWithEncoder(_ e: AuditEvent) -> String {
        struct Body: Encodable { let fields: [String: FieldChange]; let detail: [String: String] }
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? enc.encode(Body(fields: e.fields, detail: e.detail))) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func hash(
        seq: Int, at: String, actorID: String?, actorName: String, ip: String, unitCode: String, action: String, recordType: String,
        recordID: String, changes: String, prevHash: String
    ) -> String {
        let canonical = [String(seq), at, actorID ?? "", actorName, ip, unitCode, action, recordType, recordID, changes, prevHash].joined(
            separator: "\u{1F}")
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in SHA256.hash(data: Data(canonical.utf8)) { out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends several entries by one actor at one instant, chained in order, with one read of the head and
    /// multi-row inserts: a sweep that changes a thousand records writes its trail in a few statements.
    static func append(contentsOf events: [AuditEvent], by actor: AuditActor, at date: Date, on db: any Database) async throws {
        guard !events.isEmpty else { return }
        if !db.inTransaction {
            try await db.transaction { tx in try await append(contentsOf: events, by: actor, at: date, on: tx) }
            return
        }
        if db.isPostgres {
            try await db.sql.raw("SELECT pg_advisory_xact_lock(\(unsafeRaw: String(advisoryLockKey)))").run()
        }
        // Plain SQL rather than models: a bulk import writes several entries per row, and model reflection would
        // cost more than the inserts themselves.
        let last = try await db.sql.raw("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").first()
        var seq = try last?.decode(column: "seq", as: Int.self) ?? 0
        var prev = try last?.decode(column: "hash", as: String.self) ?? genesis
        let at = timestamp(date)
        var rows: [[any Encodable & Sendable]] = []
        rows.reserveCapacity(events.count)
        for event in events {
            seq += 1
            let unit = event.unitCode ?? actor.unitCode ?? ""
            let changes = encodeChanges(event)
            let h = hash(
                seq: seq, at: at, actorID: actor.id, actorName: actor.name, ip: actor.ip, unitCode: unit, action: event.action.rawValue,
                recordType: event.recordType,
                recordID: event.recordID, changes: changes, prevHash: prev)
            rows.append([seq, at, actor.id, actor.name, actor.ip, unit, event.action, event.recordType, event.recordID, changes, prev, h])
            prev = h
        }
        let columns = [
            "seq", "at", "actor_id", "actor_name", "ip", "unit_code", "action", "record_type", "record_id", "changes", "prev_hash", "hash",
        ]
        try await db.sql.insert(into: "audit_log", columns: columns, rows: rows)
    }

    /// Appends now, or, inside a batch that buffers its trail (`ChildContext`), when the batch flushes.
    static func append(_ event: AuditEvent, by actor: AuditActor, at date: Date, on db: any Database, context: ChildContext?) async throws {
        if let context { context.audit(event, by: actor) } else { try await append(event, by: actor, at: date, on: db) }
    }

    /// Appends one entry. Call it inside the transaction of the change it records, so both land or neither does.
    static func append(_ event: AuditEvent, by actor: AuditActor, at date: Date, on db: any Database) async throws {
        if !db.inTransaction {
            try await db.transaction { tx in try await append(event, by: actor, at: date, on: tx) }
            return
        }
        if db.isPostgres {
            try await db.sql.raw("SELECT pg_advisory_xact_lock(\(unsafeRaw: String(advisoryLockKey)))").run()
        }
        let last = try await AuditEntry.query(on: db).sort(\.$id, .descending).first()
        let seq = (last?.id ?? 0) + 1
        let prev = last?.hash ?? genesis
        let e = AuditEntry()
        e.id = seq
        e.at = timestamp(date)
        e.actorID = actor.id
        e.actorName = actor.name
        e.ip = actor.ip
        e.unitCode = event.unitCode ?? actor.unitCode ?? ""
        e.action = event.action.rawValue
        e.recordType = event.recordType
        e.recordID = event.recordID
        e.changes = encodeChanges(event)
        e.prevHash = prev
        e.hash = hash(
            seq: seq, at: e.at, actorID: e.actorID, actorName: e.actorName, ip: e.ip, unitCode: e.unitCode, action: e.action,
            recordType: e.recordType, recordID: e.recordID, changes: e.changes, prevHash: prev)
        try await e.create(on: db)
    }

    public struct VerifyResult: Sendable, Equatable {
        public let checked: Int
        public let firstBroken: Int?
        public let problem: String?
        public var ok: Bool { firstBroken == nil }
    }

    /// Walks the whole chain in order, in pages, recomputing every hash.
    public static func verify(on db: any Database) async throws -> VerifyResult {
        var prev = genesis
        var expected = 1
        var checked = 0
        let page = 2000
        while true {
            let rows = try await AuditEntry.query(on: db).filter(\.$id >= expected).sort(\.$id, .ascending).limit(page).all()
            if rows.isEmpty { break }
            for r in rows {
                let seq = r.id ?? -1
                if seq != expected { return VerifyResult(checked: checked, firstBroken: expected, problem: "missing entry \(expected)") }
                if r.prevHash != prev {
                    return VerifyResult(checked: checked, firstBroken: seq, problem: "entry \(seq) does not link to entry \(seq - 1)")
                }
                let h = hash(
                    seq: seq, at: r.at, actorID: r.actorID, actorName: r.actorName, ip: r.ip, unitCode: r.unitCode, action: r.action,
                    recordType: r.recordType, recordID: r.recordID, changes: r.changes, prevHash: r.prevHash)
                if h != r.hash { return VerifyResult(checked: checked, firstBroken: seq, problem: "entry \(seq) was altered") }
                prev = r.hash
                expected += 1
                checked += 1
            }
        }
        return VerifyResult(checked: checked, firstBroken: nil, problem: nil)
    }
}

extension Request {
    /// Records an event by the signed-in account (or anonymous) at the app clock's now.
    func audit(_ event: AuditEvent, on db: (any Database)? = nil) async throws {
        try await AuditLog.append(event, by: auditActor, at: now, on: db ?? self.db)
    }
}
