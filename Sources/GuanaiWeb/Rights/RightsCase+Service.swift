import Fluent
import Vapor
import GuanaiCore

/// Rights cases' writes (issue 19): each checked by Core, done in one transaction with its trail entry. The trail keeps
/// the summary's values; of the confidential fields it says only that they changed.
enum RightsService {
    /// The error code of a detail the caller may not open (the summary stays in the list).
    static let restricted = "restricted"
    /// What the trail writes for a confidential field's value.
    static let withheld = "[confidential]"

    static func restrictedError() -> Abort { Abort(.forbidden, reason: restricted) }

    static func viewer(_ s: Signer, on db: any Database) async throws -> RightsAccess.Viewer {
        let duties = try await User.find(s.userID, on: db)?.duties ?? []
        return RightsAccess.Viewer(username: s.username, role: s.role, duties: duties)
    }

    /// How far the caller reaches into this case.
    static func level(_ c: RightsCase, _ v: RightsAccess.Viewer, on db: any Database, at: Date) async throws -> RightsAccess.Level {
        let assigned = try await RightsAssignment.query(on: db).filter(\.$caseID == c.id!).filter(\.$username == v.username).count()
        if assigned > 0 || v.isOfficer { return .full }
        let grants = try await RightsQueries.grants(of: c.id!, username: v.username, on: db)
            .compactMap { g in g.until.map { RightsAccess.Grant(username: g.username, until: $0) } }
        return RightsAccess.level(v, assigned: [], grants: grants, now: at)
    }

    /// Assigned or an officer, else 403 `restricted`: break-glass reads and changes nothing.
    static func requireFull(_ c: RightsCase, _ s: Signer, on db: any Database, at: Date) async throws {
        guard try await level(c, try await viewer(s, on: db), on: db, at: at) == .full else { throw restrictedError() }
    }

    static func confidential(_ names: [String]) -> [String: FieldChange] {
        Dictionary(uniqueKeysWithValues: names.map { ($0, FieldChange(before: nil, after: withheld)) })
    }

    /// The case saved as changed now, and its trail entry: the last step of every write.
    static func saved(
        _ c: RightsCase, before: [String: String], confidential names: [String] = [], detail: [String: String] = [:],
        actor: AuditActor, at: Date, on db: any Database
    ) async throws {
        c.updatedAt = at
        try await c.save(on: db)
        try await audit(c, before: before, confidential: names, detail: detail, actor: actor, at: at, on: db)
    }

    static func audit(
        _ c: RightsCase, before: [String: String], confidential names: [String] = [], detail: [String: String] = [:],
        actor: AuditActor, at: Date, on db: any Database
    ) async throws {
        var fields = AuditLog.diff(before, c.auditFields)
        fields.merge(confidential(names)) { a, _ in a }
        try await AuditLog.append(
            AuditEvent(AuditAction.update, c.recordID, unit: c.unitCode, fields: fields, detail: detail), by: actor, at: at, on: db)
    }

    /// A new case, numbered in its county and year, assigned to the account that took it in. Parties linked to a
    /// registered person must name one in the jurisdiction; nobody is added to the registry.
    static func create(_ input: RightsCaseInput, scoped: Scoped, by s: Signer, actor: AuditActor, at: Date) async throws -> RightsCase {
        let village = try await scoped.unitFactsForWrite(RightsCaseForm.villageCode(input))
        var c = FormChecker()
        let checked = RightsCaseForm.check(input, village: village, today: RegistryService.today(at), &c)
        if let checked {
            for (i, p) in checked.parties.enumerated() {
                guard let raw = p.personId else { continue }
                if try await scoped.person(PersonID(UUID(uuidString: raw)!)) == nil {
                    c.errors.append(FieldError(field: "parties[\(i)].personId", key: "rights.error.person"))
                }
            }
        }
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        let county = String(checked.villageCode.prefix(6)) + "000000"
        let year = checked.receivedOn.year
        // Two intakes in the county at once may read the same last number; the unique key refuses the second, which
        // takes the next.
        for attempt in 1...5 {
            let seq = try await RightsQueries.nextSequence(county: county, year: year, on: scoped.db)
            let rc = RightsCase()
            rc.id = TimeOrderedID.next()
            (rc.caseNo, rc.countyCode, rc.year, rc.seq) = (RightsCaseForm.caseNumber(year: year, sequence: seq), county, year, seq)
            (rc.unitCode, rc.channel, rc.category, rc.status) = (checked.villageCode, checked.channel, checked.category, .received)
            (rc.womensHome, rc.receivedOn, rc.createdBy, rc.createdAt, rc.updatedAt) = (
                checked.womensHome, checked.receivedOn.iso, s.username, at, at
            )
            let text = RightsCaseText()
            (text.id, text.parties, text.narrative, text.request) = (
                rc.id, RegistryService.json(checked.parties), checked.narrative, checked.request
            )
            do {
                try await scoped.db.transaction { tx in
                    try await rc.create(on: tx)
                    try await text.create(on: tx)
                    try await assignment(
                        rc, userID: s.userID.uuid, username: s.username, name: s.displayName, role: s.role, kind: .receiver, by: s,
                        reason: nil,
                        at: at
                    ).create(on: tx)
                    var fields = AuditLog.diff([:], rc.auditFields)
                    fields.merge(confidential(["parties", "narrative"] + (checked.request == nil ? [] : ["request"]))) { a, _ in a }
                    try await AuditLog.append(
                        AuditEvent(AuditAction.create, rc.recordID, unit: rc.unitCode, fields: fields), by: actor, at: at, on: tx)
                }
                return rc
            } catch let e as any DatabaseError where e.isConstraintFailure && attempt < 5 {
                continue
            }
        }
        throw Abort(.conflict)
    }

    static func assignment(
        _ c: RightsCase, userID: UUID, username: String, name: String, role: Role, kind: RightsAssignmentKind, by s: Signer,
        reason: String?, at: Date
    ) -> RightsAssignment {
        let a = RightsAssignment()
        (a.id, a.caseID, a.userID, a.username, a.displayName, a.role) = (TimeOrderedID.next(), c.id!, userID, username, name, role)
        (a.kind, a.assignedBy, a.reason, a.assignedAt) = (kind, s.username, reason, at)
        return a
    }
}
