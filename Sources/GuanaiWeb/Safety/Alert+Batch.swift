import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// The accounts alerts go to, read once for a batch of alerts rather than once per alert: a city has hundreds of
/// accounts, while a first sweep over a city may open a hundred thousand alerts.
struct RecipientDirectory: Sendable {
    let users: [User]

    static func load(on db: any Database) async throws -> RecipientDirectory {
        RecipientDirectory(users: try await User.query(on: db).filter(\.$disabled == false).all())
    }

    /// Active accounts of these roles that `Escalation.reaches` for a child of this unit.
    func recipients(unit: String, roles: [Role]) -> [User] {
        guard let code = DivisionCode(unit) else { return [] }
        let wanted = Set(roles)
        return users.filter { u in
            guard wanted.contains(u.role), let own = DivisionCode(u.unitCode) else { return false }
            return Escalation.reaches(role: u.role, account: own, child: code)
        }
    }
}

/// The alert work of many children at once — open, deliver, escalate — with a few reads and multi-row writes a
/// batch instead of a dozen statements an alert. The rules are those of one alert (a form's save is a batch of
/// one); `AlertBatchTests` holds a batch to the one-at-a-time path it replaced. Used inside the caller's
/// transaction by one task at a time.
final class AlertBatch: @unchecked Sendable {
    let db: any Database
    let actor: AuditActor
    let at: Date
    private var directory: RecipientDirectory?

    init(on db: any Database, actor: AuditActor, at: Date, directory: RecipientDirectory? = nil) {
        self.db = db
        self.actor = actor
        self.at = at
        self.directory = directory
    }

    func recipients(unit: String, roles: [Role]) async throws -> [User] {
        if directory == nil { directory = try await RecipientDirectory.load(on: db) }
        return directory!.recipients(unit: unit, roles: roles)
    }

    // MARK: critical alerts

    /// After saves that may have made children critical: one alert per child per episode, in the inboxes of the
    /// child's village workers and township staff, audited. Returns the alert opened for each item, or nil.
    func raise(_ items: [(Child, RiskTier?)]) async throws -> [Alert?] {
        let candidates = items.compactMap { c, before in c.tier == .critical && before != .critical ? c.id.map(ChildID.init) : nil }
        guard !candidates.isEmpty else { return items.map { _ in nil } }
        // Earlier episodes (numbered on) and one still open (no second alert).
        var episodes: [ChildID: Int] = [:], open = Set<ChildID>()
        for chunk in Array(Set(candidates)).chunked(500) {
            for r in try await db.sql.select().column("child_id").column("status").from(Alert.schema)
                .where("kind", .equal, AlertKind.critical.rawValue).where("child_id", .in, chunk.map(\.uuid)).all()
            {
                let id = ChildID(try r.decode(column: "child_id", as: UUID.self))
                episodes[id, default: 0] += 1
                if try r.decode(column: "status", as: AlertStatus.self).isLive { open.insert(id) }
            }
        }
        var out: [Alert?] = [], fresh: [Alert] = [], events: [AuditEvent] = []
        for (c, before) in items {
            guard c.tier == .critical, before != .critical, let id = c.id.map(ChildID.init), !open.contains(id) else {
                out.append(nil); continue
            }
            let a = newAlert(
                child: id, unit: c.unitCode, kind: .critical, episode: String(episodes[id, default: 0] + 1),
                level: RiskTier.critical.rawValue, reasons: c.riskReasons ?? "[]")
            open.insert(id)
            out.append(a)
            fresh.append(a)
            events.append(
                AuditEvent(
                    AuditAction.create, a.recordID, unit: a.unitCode,
                    fields: [
                        "kind": FieldChange(before: nil, after: a.kind.rawValue),
                        "childId": FieldChange(before: nil, after: id.description),
                    ],
                    detail: ["episode": a.episode]))
        }
        try await insert(fresh)
        var deliveries: [(Alert, [User])] = []
        for a in fresh { deliveries.append((a, try await recipients(unit: a.unitCode, roles: Escalation.firstRecipients(.critical)))) }
        try await deliver(deliveries, reason: "assigned")
        try await AuditLog.append(contentsOf: events, by: actor, at: at, on: db)
        return out
    }

    // MARK: overdue visits

    /// The alert for each child's missed due date, opened once (unique child, kind, due date) and delivered to the
    /// village workers; an alert already open for that date is returned as it is.
    func openOverdue(_ kids: [Child]) async throws -> [Alert] {
        var existing: [String: Alert] = [:]
        for chunk in kids.compactMap(\.id).chunked(500) {
            for a in try await Alert.query(on: db).filter(\.$kind == .overdueVisit).filter(\.$childID ~~ Array(chunk)).all() {
                existing[a.childID.uuidString + "|" + a.episode] = a
            }
        }
        var out: [Alert] = [], fresh: [Alert] = []
        for c in kids {
            let episode = c.nextVisitDue ?? ""
            let key = c.id!.uuidString + "|" + episode
            if let a = existing[key] { out.append(a); continue }
            let a = newAlert(
                child: c.recordID, unit: c.unitCode, kind: .overdueVisit, episode: episode,
                level: c.riskTier ?? RiskTier.normal.rawValue, reasons: RegistryService.json([RiskRules.overdueReason(due: episode)]))
            existing[key] = a
            out.append(a)
            fresh.append(a)
        }
        try await insert(fresh)
        var deliveries: [(Alert, [User])] = []
        for a in fresh { deliveries.append((a, try await recipients(unit: a.unitCode, roles: Escalation.firstRecipients(.overdueVisit)))) }
        try await deliver(deliveries, reason: "assigned")
        return out
    }

    // MARK: escalation

    /// One escalation step per alert, once: alerts that already have this step are left alone (the unique
    /// (alert, step) key is the guard against a second sweep or sweeper). The level's accounts get the alert, the
    /// alert records where it has gone, and each step is audited. Returns how many alerts were escalated.
    @discardableResult
    func escalate(_ alerts: [Alert], step: EscalationStep) async throws -> Int {
        let level = step.level
        var done = Set<AlertID>()
        for chunk in alerts.map({ $0.id! }).chunked(500) {
            for r in try await db.sql.select().column("alert_id").from(AlertEscalation.schema)
                .where("step", .equal, step.rawValue).where("alert_id", .in, Array(chunk)).all()
            {
                done.insert(AlertID(try r.decode(column: "alert_id", as: UUID.self)))
            }
        }
        var fresh: [Alert] = []
        for a in alerts where !done.contains(a.recordID) {
            done.insert(a.recordID)
            fresh.append(a)
        }
        guard !fresh.isEmpty else { return 0 }
        try await db.sql.insert(
            into: AlertEscalation.schema, columns: ["id", "alert_id", "step", "to_level", "at"],
            rows: fresh.map { [TimeOrderedID.next(), $0.id!, step.rawValue, level.rawValue, at] })
        var deliveries: [(Alert, [User])] = []
        for a in fresh { deliveries.append((a, try await recipients(unit: a.unitCode, roles: level.recipients))) }
        try await deliver(deliveries, reason: "escalated")
        var events: [AuditEvent] = [], moved: [String: [UUID]] = [:]
        for a in fresh {
            let before = a.escalatedTo
            if !a.escalations.contains(level) {
                a.escalatedTo = (a.escalations + [level]).map(\.rawValue).joined(separator: ",")
                moved[a.escalatedTo, default: []].append(a.id!)
            }
            events.append(
                AuditEvent(
                    AuditAction.update, a.recordID, unit: a.unitCode,
                    fields: before == a.escalatedTo ? [:] : ["escalatedTo": FieldChange(before: before, after: a.escalatedTo)],
                    detail: ["escalation": step.rawValue, "to": level.rawValue]))
        }
        // A handful of distinct values ("township", "city", "township,city"): one UPDATE each.
        for (value, ids) in moved.sorted(by: { $0.key < $1.key }) {
            for chunk in ids.chunked(500) {
                try await db.sql.update(Alert.schema).set("escalated_to", to: value).where("id", .in, Array(chunk)).run()
            }
        }
        try await AuditLog.append(contentsOf: events, by: actor, at: at, on: db)
        return fresh.count
    }

    // MARK: delivery

    /// Puts each alert in its accounts' inboxes and queues one outbox message per new delivery; an account that
    /// already has the alert (a second escalation to the same level) is not told twice.
    func deliver(_ items: [(Alert, [User])], reason: String) async throws {
        let wanted = items.filter { !$0.1.isEmpty }
        guard !wanted.isEmpty else { return }
        var already = Set<String>()
        for chunk in wanted.map({ $0.0.id! }).chunked(500) {
            for r in try await db.sql.select().column("alert_id").column("user_id").from(AlertDelivery.schema).where(
                "alert_id", .in, Array(chunk)
            ).all() {
                already.insert(
                    try r.decode(column: "alert_id", as: UUID.self).uuidString + (try r.decode(column: "user_id", as: UUID.self).uuidString)
                )
            }
        }
        var rows: [[any Encodable & Sendable]] = [], sends: [(Alert, User)] = []
        for (a, users) in wanted {
            for u in users where already.insert(a.id!.uuidString + u.id!.uuidString).inserted {
                rows.append([TimeOrderedID.next(), a.id!, u.id!, reason, at])
                sends.append((a, u))
            }
        }
        try await db.sql.insert(into: AlertDelivery.schema, columns: ["id", "alert_id", "user_id", "reason", "created_at"], rows: rows)
        let names = try await Outbox.childNames(Set(sends.map(\.0.child)), on: db)
        try await Outbox.write(
            sends.map { Outbox.payload($0.0, to: $0.1, reason: reason, childName: names[$0.0.child] ?? "", at: at) },
            about: sends.map(\.0.id!), to: sends.map(\.1), on: db, at: at)
    }

    // MARK: rows

    private func newAlert(child: ChildID, unit: String, kind: AlertKind, episode: String, level: String, reasons: String) -> Alert {
        let a = Alert()
        a.id = TimeOrderedID.next()
        a.child = child
        a.unitCode = unit
        a.kind = kind
        a.episode = episode
        a.level = level
        a.status = .open
        a.reasons = reasons
        a.createdAt = at
        a.escalatedTo = ""
        return a
    }

    /// Multi-row inserts; the models are then marked as stored, so a later save updates them.
    private func insert(_ alerts: [Alert]) async throws {
        guard !alerts.isEmpty else { return }
        try await db.sql.insert(
            into: Alert.schema,
            columns: ["id", "child_id", "unit_code", "kind", "episode", "level", "status", "reasons", "created_at", "escalated_to"],
            rows: alerts.map {
                [
                    $0.id!, $0.childID, $0.unitCode, $0.kind.rawValue, $0.episode, $0.level, $0.status.rawValue, $0.reasons, $0.createdAt,
                    $0.escalatedTo,
                ]
            })
        for a in alerts { a.$id.exists = true }
    }
}
