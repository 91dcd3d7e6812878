import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// The contact cadence's numbers, stored with the other rules so every instance applies the same ones.
enum CadenceSettingsStore {
    static let key = ContactCadenceRules.storageKey

    static func load(on db: any Database) async throws -> ContactCadenceRules {
        try await SettingsStore.load(ContactCadenceRules.self, on: db)
    }

    /// Validates (each number in range, the levels in order), stores and audits. Pairs pick the new numbers up as
    /// the sweep next looks at them.
    static func save(_ values: [String: Int], by actor: AuditActor, at: Date, on db: any Database) async throws -> ContactCadenceRules {
        let today = RegistryService.today(at).iso
        let active = PairStatus.active.rawValue
        return try await SettingsStore.save(values.mapValues(String.init), as: ContactCadenceRules.self, by: actor, at: at, on: db) { tx in
            // Every active pair is looked at again by the next sweep under the new numbers.
            try await tx.sql.raw("UPDATE pairs SET contact_check_on = \(bind: today) WHERE status = \(bind: active)").run()
        }
    }
}

/// The pairing part of the one sweep: active pairs whose check day has come (an indexed column), their standing
/// against the cadence, and a reminder for each level now due — once, by the unique (pair, month, level) key.
enum PairingSweep {
    static func run(on db: any Database, at: Date) async throws -> Int {
        let today = RegistryService.today(at)
        // Approved pairs whose planned start day has come (few: most start at the first contact).
        for p in try await Pair.query(on: db).filter(\.$status == .approved).filter(\.$startedOn <= today.iso).all() {
            try await PairingService.act(
                p, .start, PairActionInput(note: ""), startedOn: p.startedOn, by: "system", actor: .system("sweep"), at: at, on: db)
        }
        let rules = try await CadenceSettingsStore.load(on: db)
        // Accounts read once: every reminder of the sweep goes to the same few hundred people.
        let directory = try await RecipientDirectory.load(on: db)
        var sent = 0
        while true {
            let due = try await Pair.query(on: db).filter(\.$status == .active).filter(\.$contactCheckOn <= today.iso)
                .sort(\.$contactCheckOn).limit(500).all()
            if due.isEmpty { break }
            let standings = try await PairingService.standings(due, today: today, rules: rules, on: db)
            sent += try await db.transaction { tx -> Int in
                var n = 0
                for p in due {
                    guard let s = standings[p.recordID] else {
                        p.contactCheckOn = nil
                        try await p.save(on: tx)
                        continue
                    }
                    if let month = s.shortMonth {
                        for level in s.levels
                        where try await remind(p, month: month, level: level, standing: s, directory: directory, on: tx, at: at) { n += 1 }
                    }
                    // Always later than today, so the loop ends.
                    p.contactCheckOn = s.nextCheck.iso
                    try await p.save(on: tx)
                }
                return n
            }
        }
        return sent
    }

    /// One reminder, if not sent before: the row, an outbox message to each person of the level, an audit entry.
    static func remind(
        _ p: Pair, month: String, level: ReminderLevel, standing s: ContactStanding, directory: RecipientDirectory, on db: any Database,
        at: Date
    ) async throws -> Bool {
        let sent = try await PairReminder.query(on: db).filter(\.$pairID == p.id!).filter(\.$month == month).filter(\.$level == level)
            .first()
        if sent != nil { return false }
        let r = PairReminder()
        r.id = TimeOrderedID.next()
        r.pairID = p.id!
        r.unitCode = p.unitCode
        r.month = month
        r.level = level
        r.daysOverdue = s.daysOverdue
        r.createdAt = at
        try await r.create(on: db)
        let users: [User]
        switch level {
        case .volunteer:
            let v = try await Volunteer.find(p.volunteer, on: db)
            users = try await v?.userID.asyncFlatMap { try await User.find($0, on: db) }.map { $0.disabled ? [] : [$0] } ?? []
        case .village: users = directory.recipients(unit: p.unitCode, roles: [.villageWorker])
        case .township: users = directory.recipients(unit: p.unitCode, roles: [.townshipStaff])
        }
        for u in users {
            try await Outbox.enqueue(reminder: r, pair: p, standing: s, to: u, givenNameOnly: level == .volunteer, on: db, at: at)
        }
        try await AuditLog.append(
            AuditEvent(
                AuditAction.update, p.recordID, unit: p.unitCode,
                detail: [
                    "reminder": level.rawValue, "month": month, "daysOverdue": String(s.daysOverdue), "recipients": String(users.count),
                ]),
            by: .system("sweep"), at: at, on: db)
        return true
    }
}

extension Outbox {
    /// A contact reminder travels the same channels as alerts; the volunteer's own message names the child by given
    /// name only, as everything she sees does.
    static func enqueue(
        reminder r: PairReminder, pair p: Pair, standing s: ContactStanding, to u: User, givenNameOnly: Bool, on db: any Database, at: Date
    ) async throws {
        let key = "reminder:\(r.id!.uuidString):\(u.id!.uuidString)"
        let full = try await Child.find(p.child, on: db).asyncFlatMap { try await Person.find($0.person, on: db)?.name } ?? ""
        let message = UILanguage.zh.t("pairing.reminder.message", s.shortMonth ?? "", String(s.missing), String(s.daysOverdue))
        let payload = OutboxPayload(
            key: key, alertId: r.id!.uuidString, childId: p.childID.uuidString,
            childName: givenNameOnly ? ChineseName.givenName(full) : full,
            unitCode: p.unitCode, kind: "contact_reminder", level: r.level.rawValue, reasons: [message],
            reason: "reminder",
            to: .init(username: u.username, name: u.displayName, phone: u.phone), createdAt: AuditLog.timestamp(at))
        try await write(payload, about: r.id!, to: u, on: db, at: at)
    }
}
extension ContactCadenceRules: Content {}
