import Fluent
import Vapor
import GuanaiCore

struct VisitDTO: Content {
    let id: String, childId: String, date: String, mode: String, checklist: [String: String], notes: String, by: String, createdAt: String
    /// API paths of the visit's photos.
    let photos: [String]
    init(_ v: Visit) {
        id = v.id!.uuidString; childId = v.childID.uuidString; date = v.visitedOn; mode = v.mode; checklist = v.checks; notes = v.notes
        by = v.byName; createdAt = AuditLog.timestamp(v.createdAt)
        photos = (0..<v.photos).map { "/api/v1/visits/\(v.id!.uuidString)/photos/\($0 + 1)" }
    }
}

struct AlertDTO: Content {
    let id: String, childId: String, childName: String, villageCode: String, kind: String, level: String, status: String
    let reasons: [ReasonDTO], createdAt: String, escalatedTo: [String]
    let acknowledgedAt: String?, acknowledgedBy: String?, plan: String?, resolvedAt: String?, resolution: String?
    init(_ a: Alert, childName: String, lang: UILanguage = .zh) {
        id = a.id!.uuidString; childId = a.childID.uuidString; self.childName = childName; villageCode = a.unitCode; kind = a.kind.rawValue;
        level = a.level
        status = a.status.rawValue; reasons = a.reasonList.map { ReasonDTO($0, lang) }; createdAt = AuditLog.timestamp(a.createdAt)
        escalatedTo = a.escalations.map(\.rawValue); acknowledgedAt = a.acknowledgedAt.map(AuditLog.timestamp);
        acknowledgedBy = a.acknowledgedBy; plan = a.plan
        resolvedAt = a.resolvedAt.map(AuditLog.timestamp); resolution = a.resolution
    }
}

extension Scoped {
    /// An alert inside the jurisdiction.
    func alert(_ id: AlertID) async throws -> Alert? {
        guard let a = try await Alert.find(id, on: db), inScope(a.unitCode) else { return nil }
        return a
    }

    /// One account's inbox, read now by its level's rule (`InboxRule`): open alerts first (critical before
    /// overdue), newest first; `openOnly: false` adds the resolved ones after them.
    func inbox(rule: InboxRule, openOnly: Bool, page: Int, per: Int) async throws -> (items: [Alert], total: Int) {
        var q = Alert.query(on: db).within(jurisdiction, \.$unitCode)
        if openOnly { q = q.filter(\.$status ~~ AlertStatus.live) }
        switch rule {
        case .village: break
        case .township:
            q = q.group(.or) {
                $0.filter(\.$kind == .critical).filter(\.$escalatedTo, .custom("LIKE"), "%\(EscalationLevel.township.rawValue)%")
            }
        case .city: q = q.filter(\.$escalatedTo, .custom("LIKE"), "%\(EscalationLevel.city.rawValue)%")
        }
        let total = try await q.copy().count()
        // 'acknowledged' < 'open' < 'resolved' and 'critical' < 'overdue_visit': the order the page wants.
        let items = try await q.sort(.sql(unsafeRaw: "CASE WHEN status = '\(AlertStatus.resolved.rawValue)' THEN 1 ELSE 0 END")).sort(
            \.$kind
        ).sort(\.$createdAt, .descending).sort(\.$id)
            .range((page - 1) * per..<page * per).all()
        return (items, total)
    }

    func activePairCount() async throws -> Int {
        try await Pair.query(on: db).within(jurisdiction, \.$unitCode).filter(\.$status == .active).count()
    }

    func pairs(_ ids: [PairID]) async throws -> [Pair] {
        ids.isEmpty ? [] : try await Pair.query(on: db).filter(\.$id ~~ ids.map(\.uuid)).within(jurisdiction, \.$unitCode).all()
    }

    /// Contact reminders addressed to this level that still stand: the pair is active and has had no contact since.
    func openReminders(rule: InboxRule, limit: Int) async throws -> (items: [PairReminder], total: Int) {
        guard let level = rule.reminderLevel else { return ([], 0) }
        let rows = try await PairReminder.query(on: db).filter(\.$level == level).within(jurisdiction, \.$unitCode)
            .join(Pair.self, on: \PairReminder.$pairID == \Pair.$id).filter(Pair.self, \.$status == .active)
            .sort(\.$createdAt, .descending).all()
        let open = try rows.filter { r in
            let last = try r.joined(Pair.self).lastContactOn
            return last.map { $0 < RegistryService.today(r.createdAt).iso } ?? true
        }
        return (Array(open.prefix(limit)), open.count)
    }

    func visits(of child: ChildID, limit: Int) async throws -> [Visit] {
        try await Visit.query(on: db).filter(\.$childID == child.uuid).within(jurisdiction, \.$unitCode).sort(\.$visitedOn, .descending)
            .sort(
                \.$createdAt, .descending
            ).limit(limit).all()
    }

    func childNames(_ childIDs: some Collection<ChildID>) async throws -> [ChildID: String] {
        let kids = try await Child.query(on: db).filter(\.$id ~~ Set(childIDs).map(\.uuid)).all()
        let people = try await self.people(kids.map(\.person))
        return Dictionary(uniqueKeysWithValues: kids.map { ($0.recordID, people[$0.person]?.name ?? "") })
    }
}

extension Scoped {
    func report(_ id: ReportID) async throws -> Report? {
        guard let r = try await Report.find(id, on: db), inScope(r.unitCode) else { return nil }
        return r
    }

    func reports(child: ChildID) async throws -> [Report] {
        try await Report.query(on: db).filter(\.$childID == child.uuid).within(jurisdiction, \.$unitCode).sort(\.$filedAt, .descending)
            .all()
    }
}

extension Scoped {
    /// The alert's messages beyond the inbox, with who they went to, for its page.
    func notifications(alert: AlertID) async throws -> [(to: String, status: String, attempts: Int)] {
        let rows = try await OutboxMessage.query(on: db).filter(\.$alertID == alert.uuid).sort(\.$createdAt).all()
        let ids = rows.compactMap(\.userID)
        let users = ids.isEmpty ? [] : try await User.query(on: db).filter(\.$id ~~ ids).all()
        let names = Dictionary(uniqueKeysWithValues: users.map { ($0.id!, $0.displayName) })
        return rows.map { (($0.userID.flatMap { names[$0] }) ?? "", $0.status.rawValue, $0.attempts) }
    }
}
