import Fluent
import Vapor
import GuanaiCore

struct AuditFilter: Sendable {
    var user = ""
    var recordType = ""
    var recordID = ""
    var action = ""
    /// Dates as YYYY-MM-DD, inclusive; timestamps are ISO-8601 text, so they compare as strings.
    var from = ""
    var to = ""
    /// Accounts whose display name is `user`, found by `Scoped.resolved`: people search for 王小丽, not wangxl.
    var actorIDs: [String] = []
    /// Match records whose id starts with `recordID`; a record's own history asks for the exact id.
    var recordPrefix = false
    /// Leaves screening results' entries out: the whole trail does not open them (`Policy.mayReadHistory`).
    var hideResults = false
}

extension Scoped {
    func auditEntries(_ f: AuditFilter) -> QueryBuilder<AuditEntry> {
        var q = AuditEntry.query(on: db).within(jurisdiction, \.$unitCode)
        if !f.user.isEmpty {
            let ids: [String?] = f.actorIDs
            q = q.group(.or) { g in
                g.filter(\.$actorName == f.user)
                if !ids.isEmpty { g.filter(\.$actorID ~~ ids) }
            }
        }
        if !f.recordType.isEmpty { q = q.filter(\.$recordType == f.recordType) }
        // A results sheet's import entry names a site's file: it is a result's entry too.
        if f.hideResults {
            q = q.filter(\.$recordType !~ [AuditSubject.healthResult.rawValue, AuditSubject.screeningResults.rawValue])
        }
        // The page shows a record by the first block of its id; a full id still matches itself.
        if !f.recordID.isEmpty { q = f.recordPrefix ? q.filter(\.$recordID =~ f.recordID) : q.filter(\.$recordID == f.recordID) }
        if !f.action.isEmpty { q = q.filter(\.$action == f.action) }
        if f.from.count == 10 { q = q.filter(\.$at >= f.from) }
        if f.to.count == 10 { q = q.filter(\.$at < f.to + "T99") }
        return q
    }

    /// The search form as people fill it in: the record kind by its name in either language, the record by the
    /// short number the page shows (any case), the actor by display name as well as by username.
    func resolved(_ f: AuditFilter) async throws -> AuditFilter {
        var f = f
        f.user = f.user.trimmingCharacters(in: .whitespaces)
        f.recordID = f.recordID.trimmingCharacters(in: .whitespaces)
        f.recordType = f.recordType.trimmingCharacters(in: .whitespaces)
        if !f.recordType.isEmpty, !AuditController.recordTypes.contains(f.recordType) {
            let wanted = f.recordType.lowercased()
            if let t = AuditController.recordTypes.first(where: { t in
                UILanguage.allCases.contains { $0.t("record." + t).lowercased() == wanted }
            }) {
                f.recordType = t
            }
        }
        f.recordPrefix = true
        if f.recordID.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) || ($0 >= 65 && $0 <= 70) || $0 == 45 }) {
            f.recordID = f.recordID.uppercased()
        }
        if !f.user.isEmpty {
            // Accounts anywhere: whoever acted on a record in this jurisdiction is findable by the name she signs with.
            f.actorIDs = try await User.query(on: db).filter(\.$displayName == f.user).all().compactMap { $0.id?.uuidString }
        }
        return f
    }

    func auditPage(_ f: AuditFilter, page: Int, per: Int) async throws -> (items: [AuditEntry], total: Int) {
        let q = auditEntries(f)
        let total = try await q.count()
        let items = try await q.sort(\.$id, .descending).range((page - 1) * per..<page * per).all()
        return (items, total)
    }
}
