import Fluent
import Vapor
import GuanaiCore

/// The safety net's writes: a child's risk tier (recomputed with her classification, in the same transaction),
/// critical alerts raised by the change that caused them, visits, and the alert's acknowledge → plan → resolve.
enum SafetyService {
    // MARK: risk

    /// The rules' numbers, as a city admin last set them (read from the database, so every instance applies the same).
    static func settings(on db: any Database) async throws -> RiskSettings { try await RiskSettingsStore.load(on: db) }

    /// Recomputes the tier, its reasons, the next day time alone changes it, and the next visit due, on the record
    /// (the caller saves). A child is monitored while she is in a category, or while an alert or report is open.
    static func assess(_ c: Child, facts: ChildFacts, on db: any Database, at: Date, settings s: RiskSettings, context: ChildContext? = nil)
        async throws
    {
        // A child not yet saved has no alert to look for.
        let open = try await (c._$idExists ? c.id : nil).asyncFlatMap { id in
            if let context { return try await context.openCritical(ChildID(id), on: db) }
            return try await openCritical(ChildID(id), on: db)
        }
        var guardian: Person? = nil
        if let gid = c.guardian {
            if let context {
                guardian = try await context.person(gid, on: db)
            } else {
                guardian = try await Person.find(gid, on: db)
            }
        }
        assess(c, facts: facts, guardian: guardian, open: open, at: at, settings: s)
    }

    /// The same, with the guardian's record and the open critical alert (if any) already in hand.
    static func assess(_ c: Child, facts: ChildFacts, guardian guardianRecord: Person?, open: Alert?, at: Date, settings s: RiskSettings) {
        let today = RegistryService.today(at)
        let guardian = guardianRecord.map { GuardianFacts(birthDate: $0.birth, vitalStatus: $0.vital, health: $0.healthValue) }
        let risk = RiskFacts(
            birthDate: facts.birthDate, living: LivingArrangement(rawValue: c.livingArrangement) ?? .withGuardian,
            father: facts.father, mother: facts.mother, guardian: guardian, categories: c.categoryList, needs: c.needList,
            lastContact: today)
        let open = open.map { ChildMonitoring.OpenCritical(since: RegistryService.today($0.createdAt), hasPlan: $0.plan != nil) }
        let lastVisit = c.lastVisitOn.flatMap(CivilDate.init(iso:))
        guard
            let m = ChildMonitoring.assess(
                status: c.status, openReport: c.openReport, open: open, risk: risk, lastVisit: lastVisit,
                lastContact: c.lastContactOn.flatMap(CivilDate.init(iso:)), registered: RegistryService.today(c.createdAt), today: today,
                settings: s)
        else {
            c.riskTier = nil; c.riskReasons = nil; c.riskReview = nil; c.nextVisitDue = nil; c.overdueStep = 0
            return
        }
        c.riskTier = m.assessment.tier.rawValue
        c.riskReasons = RegistryService.json(m.assessment.reasons)
        c.riskReview = m.assessment.nextChange?.iso
        if m.nextVisitDue.iso != c.nextVisitDue { c.nextVisitDue = m.nextVisitDue.iso; c.overdueStep = 0 }
    }

    static func openCritical(_ child: ChildID, on db: any Database) async throws -> Alert? {
        try await Alert.query(on: db).filter(\.$childID == child.uuid).filter(\.$kind == .critical).filter(\.$status != .resolved).first()
    }

    /// After a save that may have made the child critical: one alert per episode, in the same transaction, in the
    /// inboxes of the child's village workers and township staff (`AlertBatch.raise`, a batch of one).
    @discardableResult
    static func raiseIfCritical(_ c: Child, before: RiskTier?, on db: any Database, actor: AuditActor, at: Date) async throws -> Alert? {
        guard c.tier == .critical, before != .critical else { return nil }
        return try await AlertBatch(on: db, actor: actor, at: at).raise([(c, before)]).first ?? nil
    }

    // MARK: visits

    static func recordVisit(
        _ c: Child, _ input: VisitInput, photos files: [(name: String, bytes: Data)] = [], user: Signer?, scoped: Scoped, actor: AuditActor,
        at: Date, settings: RiskSettings
    ) async throws -> Visit {
        let k = try VisitForm.check(input, photos: files, today: RegistryService.today(at)).get()
        let photos = k.photos
        let v = Visit()
        v.childID = c.id!
        v.unitCode = c.unitCode
        v.visitedOn = k.date.iso
        v.mode = k.mode.rawValue
        v.checklist = RegistryService.json(k.checks)
        v.notes = k.notes
        v.byUser = user?.userID.uuid
        v.byName = user?.displayName ?? actor.name
        v.createdAt = at
        try await scoped.db.transaction { tx in
            try await v.create(on: tx)
            if !photos.isEmpty {
                try await VisitPhotos.store(photos, visit: v, on: tx, at: at)
                try await v.save(on: tx)
            }
            let before = c.auditFields
            if (c.lastVisitOn ?? "") < v.visitedOn { c.lastVisitOn = v.visitedOn }
            if (c.lastContactOn ?? "") < v.visitedOn { c.lastContactOn = v.visitedOn }
            // A missed visit is made up by this one.
            for a in try await Alert.query(on: tx).filter(\.$childID == c.id!).filter(\.$kind == .overdueVisit).filter(
                \.$status != .resolved
            ).all() {
                a.status = .resolved; a.resolvedAt = at; a.resolvedBy = v.byName; a.resolution = ChangeCause.visit.rawValue
                try await a.save(on: tx)
            }
            let (facts, _) = try await RegistryService.facts(for: c, on: tx)
            try await assess(c, facts: facts, on: tx, at: at, settings: settings)
            c.updatedAt = at
            c.tallyUnchanged = true
            try await c.save(on: tx)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.create, v.recordID, unit: c.unitCode,
                    fields: AuditLog.created([
                        "childId": c.id!.uuidString, "visitedOn": v.visitedOn, "mode": v.mode, "checklist": v.checklist, "notes": v.notes,
                        "photos": String(v.photos),
                    ])),
                by: actor, at: at, on: tx)
            let diff = AuditLog.diff(before, c.auditFields)
            if !diff.isEmpty {
                try await AuditLog.append(
                    AuditEvent(AuditAction.update, c.recordID, unit: c.unitCode, fields: diff, detail: ["by": ChangeCause.visit.rawValue]),
                    by: actor, at: at, on: tx)
            }
        }
        return v
    }

    /// Children seen on `day` (present at a station, or spoken with by their volunteer): their last contact moves
    /// on, and their tier is worked out again, since the 60-day rule reads it. A tier that changes is in the trail.
    static func contacted(_ children: [UUID], on day: CivilDate, actor: AuditActor, at: Date, on db: any Database) async throws {
        guard !children.isEmpty else { return }
        let stale = try await Child.query(on: db).filter(\.$id ~~ children).group(.or) {
            $0.filter(\.$lastContactOn == nil).filter(\.$lastContactOn < day.iso)
        }.all()
        guard !stale.isEmpty else { return }
        let s = try await settings(on: db)
        for c in stale {
            let before = c.auditFields
            c.lastContactOn = day.iso
            let (facts, _) = try await RegistryService.facts(for: c, on: db)
            try await assess(c, facts: facts, on: db, at: at, settings: s)
            c.tallyUnchanged = true
            try await c.save(on: db)
            let diff = AuditLog.diff(before, c.auditFields)
            if !diff.isEmpty {
                try await AuditLog.append(
                    AuditEvent(
                        AuditAction.update, c.recordID, unit: c.unitCode, fields: diff, detail: ["by": ChangeCause.contact.rawValue]),
                    by: actor, at: at, on: db)
            }
        }
    }

    // MARK: acknowledge, plan, resolve

    static func acknowledge(_ a: Alert, by name: String, actor: AuditActor, at: Date, on db: any Database) async throws {
        guard let next = AlertLifecycle.acknowledged(a.status) else { return }
        let before = a.status
        a.status = next
        a.acknowledgedAt = at
        a.acknowledgedBy = name
        try await db.transaction { tx in
            try await a.save(on: tx)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.update, a.recordID, unit: a.unitCode,
                    fields: ["status": FieldChange(before: before.rawValue, after: next.rawValue)]), by: actor, at: at, on: tx)
        }
    }

    /// The response plan (应对计划): who looks after the child now and how; critical visits then fall to every 3 days.
    static func recordPlan(
        _ a: Alert, plan: String, by name: String, actor: AuditActor, at: Date, on db: any Database, settings: RiskSettings
    ) async throws {
        let problems = AlertLifecycle.planProblems(plan)
        guard problems.isEmpty else { throw FieldErrors(problems) }
        let text = plan.trimmingCharacters(in: .whitespacesAndNewlines)
        let before = a.plan
        a.plan = text
        a.planAt = at
        a.planBy = name
        try await db.transaction { tx in
            try await a.save(on: tx)
            if let c = try await Child.find(a.child, on: tx) {
                let (facts, _) = try await RegistryService.facts(for: c, on: tx)
                try await assess(c, facts: facts, on: tx, at: at, settings: settings)
                c.tallyUnchanged = true
                try await c.save(on: tx)
            }
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.update, a.recordID, unit: a.unitCode,
                    fields: ["plan": FieldChange(before: before, after: text)]), by: actor, at: at, on: tx)
        }
    }

    /// Closing an episode needs all three: acknowledged, a visit since the alert, and a plan. The tier stays what
    /// the rules say: a child still without a capable caregiver stays critical after her alert is resolved.
    static func resolve(_ a: Alert, note: String, by name: String, actor: AuditActor, at: Date, on db: any Database) async throws {
        let text = note.trimmingCharacters(in: .whitespacesAndNewlines)
        let record = AlertLifecycle.Record(
            kind: a.kind, acknowledged: a.acknowledgedAt != nil,
            visitedSinceRaised: a.kind == .critical ? try await visitedSince(a, on: db) : false, hasPlan: a.plan != nil)
        let errors = AlertLifecycle.resolveProblems(record, note: note)
        if !errors.isEmpty { throw FieldErrors(errors) }
        guard a.status.isLive else { return }
        let before = a.status
        a.status = .resolved
        a.resolvedAt = at
        a.resolvedBy = name
        a.resolution = text
        try await db.transaction { tx in
            try await a.save(on: tx)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.update, a.recordID, unit: a.unitCode,
                    fields: [
                        "status": FieldChange(before: before.rawValue, after: AlertStatus.resolved.rawValue),
                        "resolution": FieldChange(before: nil, after: text),
                    ]), by: actor, at: at, on: tx)
        }
    }

    /// A visit recorded after the alert was raised.
    static func visitedSince(_ a: Alert, on db: any Database) async throws -> Bool {
        try await Visit.query(on: db).filter(\.$childID == a.childID).filter(\.$createdAt >= a.createdAt).first() != nil
    }
}

// The visit's input and its checks are Core's (VisitForm); here it becomes request content.
extension VisitInput: Content {}

extension Optional {
    func asyncFlatMap<T>(_ f: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let w = self else { return nil }
        return try await f(w)
    }
}
