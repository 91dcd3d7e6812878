import Fluent
import Vapor
import GuanaiCore

/// A case's course after intake: mediators, consent, meetings, the outcome, 回访, closing, and break-glass reads.
extension RightsService {
    /// Mediators added by township or city staff or a rights officer: each an active account that may mediate in the
    /// case's village (else 422 `userIds[i]`); naming oneself needs a reason, kept with the case's accesses.
    static func assign(_ rc: RightsCase, _ input: RightsMediatorsInput, scoped: Scoped, by s: Signer, actor: AuditActor, at: Date)
        async throws
    {
        guard RightsAccess.mayAssign(try await viewer(s, on: scoped.db)) else { throw Abort(.forbidden) }
        var c = FormChecker()
        let asked = RightsMediationForm.mediators(input, &c)
        try c.throwIfAny()
        guard let asked else { throw FieldErrors(c.errors) }
        if rc.status == .closed { throw FieldErrors([FieldError(field: "status", key: "rights.error.status", args: [rc.status.rawValue])]) }
        let users = try await RightsQueries.users(asked.ids, on: scoped.db)
        for (i, id) in asked.ids.enumerated() {
            guard let u = users[id], !u.disabled, Jurisdiction(root: DivisionCode(u.unitCode) ?? DivisionCode("99")!).contains(rc.unitCode),
                RightsAccess.mayMediate(role: u.role, unit: u.unitCode, village: rc.unitCode)
            else {
                c.errors.append(FieldError(field: "userIds[\(i)]", key: "rights.error.mediator"))
                continue
            }
        }
        let selfNamed = asked.ids.contains(s.userID.uuid)
        if selfNamed, asked.reason == nil { c.errors.append(FieldError(field: "reason", key: "rights.error.selfReason")) }
        try c.throwIfAny()
        let have = try await RightsQueries.assignments(of: [rc.id!], on: scoped.db)[rc.id!, default: []]
        let mediating = Set(have.filter { $0.kind == .mediator }.map(\.username))
        let added = asked.ids.compactMap { users[$0] }.filter { !mediating.contains($0.username) }
        guard !added.isEmpty else { return }
        try await scoped.db.transaction { tx in
            for u in added {
                let mine = u.id == s.userID.uuid
                // The account that took the case in is already on it: she becomes its mediator.
                if let intake = have.first(where: { $0.username == u.username }) {
                    intake.kind = .mediator
                    try await intake.save(on: tx)
                } else {
                    try await assignment(
                        rc, userID: u.id!, username: u.username, name: u.displayName, role: u.role, kind: .mediator, by: s,
                        reason: mine ? asked.reason : nil, at: at
                    ).create(on: tx)
                }
                if mine, let reason = asked.reason {
                    let g = RightsGrant()
                    (g.id, g.caseID, g.username, g.role, g.kind) = (TimeOrderedID.next(), rc.id!, s.username, s.role, .selfAssign)
                    (g.reason, g.grantedAt, g.until) = (reason, at, nil)
                    try await g.create(on: tx)
                }
            }
            try await saved(
                rc, before: rc.auditFields, detail: ["mediators": added.map(\.username).joined(separator: ",")], actor: actor, at: at,
                on: tx)
        }
    }

    /// Both parties consent: accepted, the deadline set. A refusal: referred on, with the advice given.
    static func accept(_ rc: RightsCase, _ input: RightsAcceptInput, scoped: Scoped, by s: Signer, actor: AuditActor, at: Date)
        async throws
    {
        try await requireFull(rc, s, on: scoped.db, at: at)
        var c = FormChecker()
        let answer = RightsMediationForm.accept(input, &c)
        try c.throwIfAny()
        guard let answer else { throw FieldErrors(c.errors) }
        let next = try moved(rc, answer.consented ? .accept : .refuse)
        let settings = try await RightsSettingsStore.load(on: scoped.db)
        let today = RegistryService.today(at)
        let before = rc.auditFields
        rc.status = next
        if answer.consented {
            let deadline = today.adding(days: settings.mediationDays)
            (rc.acceptedOn, rc.deadlineOn) = (today.iso, deadline.iso)
            rc.checkOn = RightsDeadlines.firstCheck(due: deadline, today: today, settings).iso
        }
        try await scoped.db.transaction { tx in
            if let advice = answer.advice {
                let text = try await texts(rc, on: tx)
                text.advice = advice
                try await text.save(on: tx)
            }
            try await saved(
                rc, before: before, confidential: answer.advice == nil ? [] : ["advice"], actor: actor, at: at, on: tx)
        }
    }

    static func decline(_ rc: RightsCase, _ input: RightsReasonInput, scoped: Scoped, by s: Signer, actor: AuditActor, at: Date)
        async throws
    {
        try await requireFull(rc, s, on: scoped.db, at: at)
        var c = FormChecker()
        let reason = RightsMediationForm.reason(input, &c)
        try c.throwIfAny()
        let next = try moved(rc, .decline)
        let before = rc.auditFields
        rc.status = next
        try await scoped.db.transaction { tx in
            let text = try await texts(rc, on: tx)
            text.declineReason = reason
            try await text.save(on: tx)
            try await saved(
                rc, before: before, confidential: ["declineReason"], actor: actor, at: at, on: tx)
        }
    }

    /// A meeting held; the first makes the case `mediating`.
    static func meet(_ rc: RightsCase, _ input: RightsMeetingInput, scoped: Scoped, by s: Signer, actor: AuditActor, at: Date)
        async throws -> RightsMeetingRow
    {
        try await requireFull(rc, s, on: scoped.db, at: at)
        var c = FormChecker()
        let m = RightsMediationForm.meeting(
            input, acceptedOn: rc.acceptedOn.flatMap(CivilDate.init(iso:)), today: RegistryService.today(at), &c)
        try c.throwIfAny()
        guard let m else { throw FieldErrors(c.errors) }
        let next = try moved(rc, .meet)
        let before = rc.auditFields
        rc.status = next
        let row = RightsMeetingRow()
        (row.id, row.caseID, row.date, row.place) = (TimeOrderedID.next(), rc.id!, m.date.iso, m.place)
        (row.attendees, row.minutes, row.byName, row.createdAt) = (RegistryService.json(m.attendees), m.minutes, s.username, at)
        try await scoped.db.transaction { tx in
            try await row.create(on: tx)
            try await saved(
                rc, before: before, confidential: ["meeting.attendees", "meeting.minutes"], detail: ["meeting": m.date.iso], actor: actor,
                at: at, on: tx)
        }
        return row
    }

    /// The mediation's end: an agreement (回访 then due) or a failure sent on.
    static func outcome(_ rc: RightsCase, _ input: RightsOutcomeInput, scoped: Scoped, by s: Signer, actor: AuditActor, at: Date)
        async throws
    {
        try await requireFull(rc, s, on: scoped.db, at: at)
        var c = FormChecker()
        let o = RightsMediationForm.outcome(
            input, since: rc.acceptedOn.flatMap(CivilDate.init(iso:)), today: RegistryService.today(at), &c)
        try c.throwIfAny()
        guard let o else { throw FieldErrors(c.errors) }
        let next = try moved(rc, o.kind == .failed ? .fail : .agree)
        let settings = try await RightsSettingsStore.load(on: scoped.db)
        let before = rc.auditFields
        (rc.status, rc.outcomeKind, rc.outcomeOn, rc.checkOn) = (next, o.kind, o.on.iso, nil)
        rc.outcomeDays = rc.acceptedOn.flatMap(CivilDate.init(iso:)).map { o.on.dayNumber - $0.dayNumber }
        if o.kind != .failed {
            let due = o.on.adding(days: settings.followupDays)
            rc.followupDueOn = due.iso
            rc.checkOn = RightsDeadlines.firstCheck(due: due, today: RegistryService.today(at), settings).iso
        }
        try await scoped.db.transaction { tx in
            try await Reminders.resolve(.rightsCase, rc.id!, on: tx, at: at)
            let text = try await texts(rc, on: tx)
            text.outcome = RegistryService.json(o)
            try await text.save(on: tx)
            try await saved(
                rc, before: before, confidential: ["outcome"], actor: actor, at: at, on: tx)
        }
    }

    /// A 回访 of the agreement; another may follow.
    static func followup(_ rc: RightsCase, _ input: RightsFollowupInput, scoped: Scoped, by s: Signer, actor: AuditActor, at: Date)
        async throws -> RightsFollowupRow
    {
        try await requireFull(rc, s, on: scoped.db, at: at)
        var c = FormChecker()
        let f = RightsMediationForm.followup(input, since: rc.outcomeOn.flatMap(CivilDate.init(iso:)), today: RegistryService.today(at), &c)
        try c.throwIfAny()
        guard let f else { throw FieldErrors(c.errors) }
        let next = try moved(rc, .followUp)
        let before = rc.auditFields
        // The due day stays: the stats judge the first 回访 by it.
        (rc.status, rc.checkOn) = (next, nil)
        if rc.firstFollowupOn == nil { rc.firstFollowupOn = f.on.iso }
        let row = RightsFollowupRow()
        (row.id, row.caseID, row.on, row.compliance) = (TimeOrderedID.next(), rc.id!, f.on.iso, f.compliance)
        (row.note, row.byName, row.createdAt) = (f.note, s.username, at)
        try await scoped.db.transaction { tx in
            try await row.create(on: tx)
            try await Reminders.resolve(.rightsCase, rc.id!, on: tx, at: at)
            try await saved(
                rc, before: before, confidential: f.note == nil ? [] : ["followup.note"], detail: ["compliance": f.compliance.rawValue],
                actor: actor, at: at, on: tx)
        }
        return row
    }

    static func close(_ rc: RightsCase, _ input: RightsReasonInput, scoped: Scoped, by s: Signer, actor: AuditActor, at: Date)
        async throws
    {
        try await requireFull(rc, s, on: scoped.db, at: at)
        var c = FormChecker()
        let reason = RightsMediationForm.reason(input, &c)
        try c.throwIfAny()
        let next = try moved(rc, .close)
        let before = rc.auditFields
        (rc.status, rc.closedOn, rc.checkOn) = (next, RegistryService.today(at).iso, nil)
        try await scoped.db.transaction { tx in
            try await Reminders.resolve(.rightsCase, rc.id!, on: tx, at: at)
            let text = try await texts(rc, on: tx)
            text.closeReason = reason
            try await text.save(on: tx)
            try await saved(
                rc, before: before, confidential: ["closeReason"], actor: actor, at: at, on: tx)
        }
    }

    /// A read-only look at a case one is not assigned to, for a stated reason, for the configured hours.
    static func breakGlass(_ rc: RightsCase, _ input: RightsReasonInput, scoped: Scoped, by s: Signer, actor: AuditActor, at: Date)
        async throws -> Date
    {
        guard RightsAccess.mayBreakGlass(s.role) else { throw Abort(.forbidden) }
        var c = FormChecker()
        let reason = RightsMediationForm.reason(input, &c)
        try c.throwIfAny()
        guard let reason else { throw FieldErrors(c.errors) }
        let until = at.addingTimeInterval(try await RightsSettingsStore.load(on: scoped.db).breakGlassSeconds)
        let g = RightsGrant()
        (g.id, g.caseID, g.username, g.role, g.kind) = (TimeOrderedID.next(), rc.id!, s.username, s.role, .breakGlass)
        (g.reason, g.grantedAt, g.until) = (reason, at, until)
        try await scoped.db.transaction { tx in
            try await g.create(on: tx)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.view, rc.recordID, unit: rc.unitCode,
                    detail: [RightsAccessKind.breakGlass.rawValue: reason, "until": AuditLog.timestamp(until)]),
                by: actor, at: at, on: tx)
        }
        return until
    }

    static func moved(_ rc: RightsCase, _ e: RightsEvent) throws -> RightsStatus {
        switch RightsLifecycle.move(rc.status, e) {
        case .success(let s): return s
        case .failure(let err): throw FieldErrors([err])
        }
    }

    static func texts(_ rc: RightsCase, on db: any Database) async throws -> RightsCaseText {
        guard let t = try await RightsCaseText.find(rc.id, on: db) else { throw Abort(.internalServerError) }
        return t
    }
}
