import Fluent
import Vapor
import GuanaiCore

extension Scoped {
    func healthTeams(unit: String?) async throws -> [HealthTeam] {
        try await HealthTeam.query(on: db).within(unit.map(narrowed) ?? jurisdiction, \.$unitCode).sort(\.$unitCode).sort(\.$name)
            .limit(2000).all()
    }

    func healthTeam(_ id: HealthTeamID) async throws -> HealthTeam? {
        guard let t = try await HealthTeam.find(id.uuid, on: db), inScope(t.unitCode) else { return nil }
        return t
    }

    func healthTeamActivities(_ ids: [UUID]) async throws -> [UUID: [HealthTeamActivityRow]] {
        var out: [UUID: [HealthTeamActivityRow]] = [:]
        for chunk in ids.chunked(500) {
            for a in try await HealthTeamActivityRow.query(on: db).filter(\.$teamID ~~ Array(chunk)).sort(\.$date, .descending).all() {
                out[a.teamID, default: []].append(a)
            }
        }
        return out
    }
}

/// Teams and their activities (item 7): checked by Core; the unit, the leader, the members and the named participants
/// must be the caller's (else 404 for the unit, 422 naming the person's field).
enum HealthTeamService {
    /// The people of the list that the caller does not reach, each named at `field[i]`.
    static func unknown(_ ids: [PersonID], _ field: String, scoped: Scoped, _ c: inout FormChecker) async throws {
        let found = try await scoped.people(ids)
        for (i, id) in ids.enumerated() where found[id].map({ !scoped.inScope($0.unitCode) }) ?? true {
            c.errors.append(FieldError(field: "\(field)[\(i)]", key: "health.error.person"))
        }
    }

    static func create(_ input: HealthTeamInput, scoped: Scoped, by s: Signer, actor: AuditActor, at: Date) async throws -> HealthTeam {
        var c = FormChecker()
        let checked = HealthTeamForm.check(input, &c)
        if let code = checked?.unitCode {
            if try await scoped.unitFactsForWrite(code.value)?.isActive != true {
                c.errors.append(FieldError(field: "unitCode", key: "field.error.choice"))
            }
        }
        if let checked {
            if try await scoped.person(checked.leaderPersonId) == nil {
                c.errors.append(FieldError(field: "leaderPersonId", key: "health.error.person"))
            }
            try await unknown(Array(checked.members.dropFirst()), "members", scoped: scoped, &c)
        }
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        return try await scoped.db.transaction { tx in
            let t = HealthTeam()
            t.id = TimeOrderedID.next()
            (t.name, t.kind, t.unitCode) = (checked.name, checked.kind, checked.unitCode.value)
            t.leaderPersonID = checked.leaderPersonId.uuid
            t.membersText = RegistryService.json(checked.members.map(\.uuid))
            t.createdBy = s.username
            (t.createdAt, t.updatedAt) = (at, at)
            try await t.create(on: tx)
            try await AuditLog.append(
                AuditEvent(AuditAction.create, t.recordID, unit: t.unitCode, fields: AuditLog.created(t.auditFields)), by: actor, at: at,
                on: tx)
            return t
        }
    }

    static func activity(_ t: HealthTeam, _ input: HealthTeamActivityInput, scoped: Scoped, by s: Signer, actor: AuditActor, at: Date)
        async throws
    {
        var c = FormChecker()
        let checked = HealthTeamForm.activity(input, today: RegistryService.today(at), &c)
        if case .people(let ids)? = checked?.participants { try await unknown(ids, "participants", scoped: scoped, &c) }
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        try await scoped.db.transaction { tx in
            let a = HealthTeamActivityRow()
            a.id = TimeOrderedID.next()
            a.teamID = t.id!
            (a.date, a.place, a.participants) = (checked.date.iso, checked.place, checked.participants.count)
            if case .people(let ids) = checked.participants { a.participantIDs = RegistryService.json(ids.map(\.uuid)) }
            a.byName = s.displayName
            a.createdAt = at
            try await a.create(on: tx)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.update, t.recordID, unit: t.unitCode,
                    detail: ["activity": checked.date.iso, "participants": String(checked.participants.count)]), by: actor, at: at, on: tx)
        }
    }
}

extension HealthTeamService {
    /// A person joins a team (a members' sheet read in): added after the others, or made the leader (moved first).
    /// false when she is a member already and is not being made the leader.
    static func join(_ t: HealthTeam, _ p: Person, leader: Bool, actor: AuditActor, at: Date, on db: any Database) async throws -> Bool {
        var members = t.members
        let id = p.id!
        if members.contains(id), !leader || t.leaderPersonID == id { return false }
        guard members.count < HealthTeamForm.maxMembers || members.contains(id) else {
            throw FieldErrors([FieldError(field: "teamName", key: "health.error.teamFull", args: [String(HealthTeamForm.maxMembers)])])
        }
        let before = t.auditFields
        members.removeAll { $0 == id }
        if leader {
            members.insert(id, at: 0)
            t.leaderPersonID = id
        } else {
            members.append(id)
        }
        t.membersText = RegistryService.json(members)
        t.updatedAt = at
        try await t.save(on: db)
        try await AuditLog.append(
            AuditEvent(AuditAction.update, t.recordID, unit: t.unitCode, fields: AuditLog.diff(before, t.auditFields)), by: actor, at: at,
            on: db)
        return true
    }
}
