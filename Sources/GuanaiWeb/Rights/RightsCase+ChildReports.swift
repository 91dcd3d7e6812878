import Fluent
import Vapor
import GuanaiCore

extension RightsChildReportInput: Content {}

/// The mandatory report a case offers for each child of the household (issue 19, item 7). Filing goes into the safety
/// net exactly as a volunteer's concern does (`ReportService.file`, as the system, the mediator named as reporter);
/// declining is kept with its reason. Either way the case's trail names the child and the report, never the words.
extension RightsService {
    /// The children the page offers the report for: those of the registered parties' households.
    static func householdChildren(_ rc: RightsCase, on db: any Database) async throws -> [RightsQueries.HouseholdChild] {
        let people = try await texts(rc, on: db).partyList.compactMap { $0.personId.flatMap(UUID.init(uuidString:)) }
        return try await RightsQueries.householdChildren(of: people, on: db)
    }

    /// By an account with full access, whatever the case's status: a child's danger does not wait for the case.
    static func childReport(
        _ rc: RightsCase, _ input: RightsChildReportInput, scoped: Scoped, by s: Signer, actor: AuditActor, at: Date
    ) async throws -> RightsChildReportRow {
        try await requireFull(rc, s, on: scoped.db, at: at)
        let household = try await householdChildren(rc, on: scoped.db)
        var c = FormChecker()
        let decision = RightsChildReportForm.check(input, household: Set(household.map(\.id)), &c)
        try c.throwIfAny()
        guard let decision else { throw FieldErrors(c.errors) }
        let row = RightsChildReportRow()
        (row.id, row.caseID, row.childID, row.declined, row.byName, row.createdAt) = (
            TimeOrderedID.next(), rc.id!, decision.childId, decision.declined, s.displayName, at
        )
        let phone = try await User.find(s.userID.uuid, on: scoped.db)?.phone
        try await scoped.db.transaction { tx in
            var detail = ["childReport.childId": decision.childId.uuidString]
            switch decision {
            case .file(let id, let seen):
                guard let child = try await Child.find(id, on: tx) else { throw Abort(.notFound) }
                let input = ReportInput(
                    childId: id.uuidString, reporter: UILanguage.zh.t("rights.reporter", s.displayName), reporterContact: phone ?? "",
                    reportedAt: nil, seen: seen, policeCalled: false, policeReportNo: nil)
                let r = try await ReportService.file(child, input, filedBy: s.displayName, scoped: .system(tx), actor: actor, at: at)
                row.reportID = r.id
                detail["childReport.reportId"] = r.id!.uuidString
            case .decline(_, let reason):
                row.reason = reason
                detail["childReport.declined"] = "true"
            }
            try await row.create(on: tx)
            try await saved(
                rc, before: rc.auditFields, confidential: decision.declined ? ["childReport.reason"] : [], detail: detail, actor: actor,
                at: at, on: tx)
        }
        return row
    }
}

/// A decision about a child of the household, as the case's detail lists it.
struct RightsChildReportDTO: Content {
    let id: String, childId: String, childName: String, reportId: String?, declined: Bool, reason: String?, by: String, at: String
    init(_ r: RightsChildReportRow, name: String) {
        (id, childId, childName, reportId, declined) = (r.id!.uuidString, r.childID.uuidString, name, r.reportID?.uuidString, r.declined)
        (reason, by, at) = (r.reason, r.byName, AuditLog.timestamp(r.createdAt))
    }
}

/// A child the case may report: name and age only.
struct RightsHouseholdChildDTO: Content {
    let id: String, name: String, age: Int?
}
