import Fluent
import SQLKit
import Vapor
import GuanaiCore

extension Scoped {
    /// A case in the jurisdiction; nil (so 404) for one outside it.
    func rightsCase(_ id: RightsCaseID) async throws -> RightsCase? {
        guard let c = try await RightsCase.find(id, on: db), inScope(c.unitCode) else { return nil }
        return c
    }

    /// Case summaries in the jurisdiction (or within `unit`), newest first, optionally of one status.
    func rightsCases(unit: String?, status: RightsStatus?, page: Int, per: Int) async throws -> (items: [RightsCase], total: Int) {
        var q = RightsCase.query(on: db).within(unit.map(narrowed) ?? jurisdiction, \.$unitCode)
        if let status { q = q.filter(\.$status == status) }
        return (
            try await q.copy().sort(\.$receivedOn, .descending).sort(\.$caseNo, .descending).range(((page - 1) * per)..<(page * per))
                .all(),
            try await q.count()
        )
    }
}

/// What a case's service and pages read besides the case row.
enum RightsQueries {
    /// The county's next running number for the year (the unique key catches two intakes taking the same one).
    static func nextSequence(county: String, year: Int, on db: any Database) async throws -> Int {
        let row = try await db.sql.select().column(SQLFunction("MAX", args: SQLColumn("seq")), as: "top").from(RightsCase.schema)
            .where("county_code", .equal, county).where("year", .equal, year).first()
        return ((try row?.decode(column: "top", as: Int?.self)) ?? 0) + 1
    }

    static func assignments(of ids: [UUID], on db: any Database) async throws -> [UUID: [RightsAssignment]] {
        guard !ids.isEmpty else { return [:] }
        var out: [UUID: [RightsAssignment]] = [:]
        for chunk in ids.chunked(500) {
            for a in try await RightsAssignment.query(on: db).filter(\.$caseID ~~ Array(chunk)).sort(\.$assignedAt).sort(\.$id).all() {
                out[a.caseID, default: []].append(a)
            }
        }
        return out
    }

    static func grants(of id: UUID, on db: any Database) async throws -> [RightsGrant] {
        try await RightsGrant.query(on: db).filter(\.$caseID == id).sort(\.$grantedAt, .descending).all()
    }

    /// An account's break-glass grants on a case, for the access check.
    static func grants(of id: UUID, username: String, on db: any Database) async throws -> [RightsGrant] {
        try await RightsGrant.query(on: db).filter(\.$caseID == id).filter(\.$username == username)
            .filter(\.$kind == .breakGlass).all()
    }

    /// The deadline reminders sent about the case, oldest first: each step is shown on it.
    static func reminders(of id: UUID, on db: any Database) async throws -> [Reminder] {
        try await Reminder.query(on: db).filter(\.$subjectType == .rightsCase).filter(\.$subjectID == id).sort(\.$createdAt).all()
    }

    static func meetings(of id: UUID, on db: any Database) async throws -> [RightsMeetingRow] {
        try await RightsMeetingRow.query(on: db).filter(\.$caseID == id).sort(\.$date).sort(\.$createdAt).all()
    }

    static func followups(of id: UUID, on db: any Database) async throws -> [RightsFollowupRow] {
        try await RightsFollowupRow.query(on: db).filter(\.$caseID == id).sort(\.$on).sort(\.$createdAt).all()
    }

    /// The accounts a caller asks to make mediators, as the rule reads them.
    static func users(_ ids: [UUID], on db: any Database) async throws -> [UUID: User] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await User.query(on: db).filter(\.$id ~~ ids).all()
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.id!, $0) })
    }
}

extension RightsQueries {
    /// The active accounts that may mediate a case in `village` (`RightsAccess.mayMediate`, within their own
    /// jurisdiction), as the page's 指派调解员 list offers them: the township's staff, the village's worker, the
    /// justice bureau's accounts.
    static func mediatorCandidates(for village: String, on db: any Database) async throws -> [User] {
        let township = String(village.prefix(9)) + "000"
        let rows = try await User.query(on: db).filter(\.$disabled == false)
            .group(.or) { g in
                g.group(.and) { $0.filter(\.$role == .townshipStaff).filter(\.$unitCode == township) }
                g.group(.and) { $0.filter(\.$role == .villageWorker).filter(\.$unitCode == village) }
                g.filter(\.$role == .partnerJustice)
            }
            .sort(\.$role).sort(\.$displayName).all()
        return rows.filter { u in
            (DivisionCode(u.unitCode).map { Jurisdiction(root: $0).contains(village) } ?? false)
                && RightsAccess.mayMediate(role: u.role, unit: u.unitCode, village: village)
        }
    }
}

extension RightsQueries {
    /// A child the case's registered parties live with or care for, as the case shows her: a name and an age.
    struct HouseholdChild: Sendable {
        let id: UUID, name: String, birthDate: String, unitCode: String
    }

    /// The children of the parties' households, and those whose mother, father or guardian is a party: current
    /// records only. Read past the reader's jurisdiction, as a volunteer's concern is filed: a justice bureau mediator
    /// reads no child records, yet must be able to report the child of the home she mediates.
    static func householdChildren(of people: [UUID], on db: any Database) async throws -> [HouseholdChild] {
        guard !people.isEmpty else { return [] }
        let households = try await Person.query(on: db).filter(\.$id ~~ people).all().compactMap(\.householdID)
        let kids = try await Child.query(on: db).filter(\.$status ~~ [ChildStatus.new, .active]).filter(\.$mergedInto == nil)
            .group(.or) { g in
                g.filter(\.$personID ~~ people).filter(\.$motherID ~~ people).filter(\.$fatherID ~~ people)
                    .filter(\.$guardianID ~~ people)
                if !households.isEmpty { g.filter(\.$householdID ~~ households) }
            }
            .sort(\.$birthDate).all()
        let names = try await Person.query(on: db).filter(\.$id ~~ kids.map(\.personID)).all()
            .reduce(into: [UUID: String]()) { $0[$1.id!] = $1.name }
        return kids.map { HouseholdChild(id: $0.id!, name: names[$0.personID] ?? "", birthDate: $0.birthDate, unitCode: $0.unitCode) }
    }

    static func childReports(of id: UUID, on db: any Database) async throws -> [RightsChildReportRow] {
        try await RightsChildReportRow.query(on: db).filter(\.$caseID == id).sort(\.$createdAt).all()
    }
}
