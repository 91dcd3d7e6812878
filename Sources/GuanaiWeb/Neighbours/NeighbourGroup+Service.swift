import Fluent
import Vapor
import GuanaiCore

extension NeighbourGroupInput: Content {}
extension NeighbourActivityInput: Content {}

/// Groups formed and changed, activities recorded and concerns raised, each audited on the group's record. Core's
/// `NeighbourGroupForm` and `NeighbourActivityForm` judge the input; this reads the facts they need and stores.
enum NeighbourGroupService {
    static let limits = NeighbourGroupLimits()

    static func create(_ input: NeighbourGroupInput, scoped: Scoped, actor: AuditActor, at: Date) async throws -> NeighbourGroup {
        let checked = try await check(input, scoped: scoped, excluding: nil, at: at)
        let g = NeighbourGroup()
        g.id = TimeOrderedID.next()
        g.apply(checked)
        g.createdAt = at
        g.updatedAt = at
        try await oneGroupEach {
            try await scoped.db.transaction { tx in
                try await g.create(on: tx)
                let members = try await link(g, checked.members, on: tx)
                try await AuditLog.append(
                    AuditEvent(AuditAction.create, g.recordID, unit: g.villageCode, fields: AuditLog.created(g.auditFields(members))),
                    by: actor,
                    at: at, on: tx)
            }
        }
        return g
    }

    /// A PATCH: the fields sent replace the group's, the rest stay; the whole is checked again. `members`, when sent,
    /// is the whole new list.
    static func update(_ g: NeighbourGroup, _ patch: NeighbourGroupInput, scoped: Scoped, actor: AuditActor, at: Date) async throws
        -> NeighbourGroup
    {
        let before = try await scoped.groupMembers(g)
        let checked = try await check(merge(current(g, before), patch), scoped: scoped, excluding: g.id, at: at)
        let old = g.auditFields(before)
        g.apply(checked)
        let planned = checked.members.enumerated().map { member(g, $0.element, at: $0.offset) }
        let diff = AuditLog.diff(old, g.auditFields(planned))
        guard !diff.isEmpty else { return g }
        g.updatedAt = at
        try await oneGroupEach {
            try await scoped.db.transaction { tx in
                try await g.update(on: tx)
                try await NeighbourGroupMember.query(on: tx).filter(\.$groupID == g.id!).delete()
                _ = try await link(g, checked.members, on: tx)
                try await AuditLog.append(
                    AuditEvent(AuditAction.update, g.recordID, unit: g.villageCode, fields: diff), by: actor, at: at, on: tx)
            }
        }
        return g
    }

    /// The village must lie in the jurisdiction (else 404); the facts go to Core.
    static func check(_ input: NeighbourGroupInput, scoped: Scoped, excluding: UUID?, at: Date) async throws -> CheckedNeighbourGroup {
        let input = normalised(input)
        if try await scoped.unitOutside(input.villageCode?.trimmingCharacters(in: .whitespaces)) { throw Abort(.notFound) }
        var c = Checker()
        let checked = NeighbourGroupForm.check(
            input, facts: try await scoped.neighbourGroupFacts(input, excluding: excluding), limits: limits,
            today: RegistryService.today(at), &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        return checked
    }

    /// Ids as the database spells them (a UUID in upper case), so one household typed twice in two cases is one.
    static func normalised(_ input: NeighbourGroupInput) -> NeighbourGroupInput {
        func id(_ s: String?) -> String? { s.map { UUID(uuidString: $0.trimmingCharacters(in: .whitespaces))?.uuidString ?? $0 } }
        var out = input
        out.leaderPersonId = id(input.leaderPersonId)
        out.members = input.members?.map { .init(householdId: id($0.householdId), consentedOn: $0.consentedOn) }
        return out
    }

    /// Two staff saving the same household into two groups at once: the unique live household refuses the second, and
    /// the answer is the form's own.
    static func oneGroupEach(_ body: () async throws -> Void) async throws {
        do { try await body() } catch let e as any DatabaseError where e.isConstraintFailure {
            throw FieldErrors([FieldError(field: "members", key: "neighbours.error.inOtherGroup", args: [""])])
        }
    }

    static func member(_ g: NeighbourGroup, _ m: CheckedNeighbourGroup.Member, at position: Int) -> NeighbourGroupMember {
        let row = NeighbourGroupMember()
        row.id = TimeOrderedID.next()
        row.groupID = g.id!
        row.householdID = UUID(uuidString: m.householdId)!
        row.consentedOn = m.consentedOn.iso
        row.position = position
        row.liveHouseholdID = g.status == .active ? row.householdID : nil
        return row
    }

    static func link(_ g: NeighbourGroup, _ members: [CheckedNeighbourGroup.Member], on db: any Database) async throws
        -> [NeighbourGroupMember]
    {
        let rows = members.enumerated().map { member(g, $0.element, at: $0.offset) }
        for r in rows { try await r.create(on: db) }
        return rows
    }

    static func current(_ g: NeighbourGroup, _ members: [NeighbourGroupMember]) -> NeighbourGroupInput {
        NeighbourGroupInput(
            villageCode: g.villageCode, name: g.name, leaderPersonId: g.leaderPersonID.uuidString,
            members: members.map { .init(householdId: $0.householdID.uuidString, consentedOn: $0.consentedOn) }, status: g.status.rawValue)
    }

    static func merge(_ base: NeighbourGroupInput, _ p: NeighbourGroupInput) -> NeighbourGroupInput {
        var m = base
        if let v = p.villageCode { m.villageCode = v }
        if let v = p.name { m.name = v }
        if let v = p.leaderPersonId { m.leaderPersonId = v }
        if let v = p.members { m.members = v }
        if let v = p.status { m.status = v }
        return m
    }

    /// A dissolved group does nothing new: 409, as for a closed case.
    static func requireActive(_ g: NeighbourGroup) throws {
        guard g.status.acts else { throw ConflictError(field: "status", key: "neighbours.error.dissolved", existingID: nil) }
    }

    static func addActivity(
        _ g: NeighbourGroup, _ input: NeighbourActivityInput, by name: String, actor: AuditActor, at: Date, on db: any Database
    )
        async throws -> NeighbourActivity
    {
        try requireActive(g)
        var c = Checker()
        let checked = NeighbourActivityForm.check(input, today: RegistryService.today(at), &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        let a = NeighbourActivity()
        a.id = TimeOrderedID.next()
        a.groupID = g.id!
        a.kind = checked.kind
        a.date = checked.date.iso
        a.note = checked.note
        a.recordedBy = name
        a.createdAt = at
        try await db.transaction { tx in
            try await a.create(on: tx)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.update, g.recordID, unit: g.villageCode,
                    fields: AuditLog.created(["activity.kind": a.kind.rawValue, "activity.date": a.date, "activity.note": a.note ?? ""])),
                by: actor, at: at, on: tx)
        }
        return a
    }

    /// The leader saw something about a child of the group: filed as a mandatory report exactly as a volunteer's
    /// concern is (`ReportService.file`), the leader named as reporter with her phone; the group's trail names the report.
    static func raiseConcern(
        _ g: NeighbourGroup, childId: String?, seen: String?, scoped: Scoped, filedBy: String, actor: AuditActor, at: Date
    ) async throws -> Report {
        try requireActive(g)
        let kids = try await scoped.memberChildren(try await scoped.groupMembers(g))
        var c = Checker()
        let id = NeighbourActivityForm.concernChild(childId, memberChildren: Set(kids.map { $0.id!.uuidString }), &c)
        if (seen ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            c.errors.append(FieldError(field: "seen", key: "field.error.required"))
        }
        try c.throwIfAny()
        guard let id, let child = kids.first(where: { $0.id!.uuidString == id }) else { throw FieldErrors(c.errors) }
        let leader = try await Person.find(g.leaderPersonID, on: scoped.db)
        let input = ReportInput(
            childId: id, reporter: UILanguage.zh.t("neighbours.reporter", leader?.name ?? ""), reporterContact: leader?.phone ?? "",
            reportedAt: nil, seen: seen, policeCalled: false, policeReportNo: nil)
        let r = try await ReportService.file(child, input, filedBy: filedBy, scoped: scoped, actor: actor, at: at)
        try await AuditLog.append(
            AuditEvent(
                AuditAction.update, g.recordID, unit: g.villageCode,
                fields: AuditLog.created(["concern.childId": id, "concern.reportId": r.id!.uuidString])),
            by: actor, at: at, on: scoped.db)
        return r
    }
}

extension NeighbourGroup {
    func apply(_ c: CheckedNeighbourGroup) {
        villageCode = c.villageCode
        name = c.name
        leaderPersonID = UUID(uuidString: c.leaderPersonId) ?? leaderPersonID
        status = c.status
    }
}
