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
}

extension Scoped {
    func auditEntries(_ f: AuditFilter) -> QueryBuilder<AuditEntry> {
        var q = AuditEntry.query(on: db).within(jurisdiction, \.$unitCode)
        if !f.user.isEmpty { q = q.filter(\.$actorName == f.user) }
        if !f.recordType.isEmpty { q = q.filter(\.$recordType == f.recordType) }
        if !f.recordID.isEmpty { q = q.filter(\.$recordID == f.recordID) }
        if !f.action.isEmpty { q = q.filter(\.$action == f.action) }
        if f.from.count == 10 { q = q.filter(\.$at >= f.from) }
        if f.to.count == 10 { q = q.filter(\.$at < f.to + "T99") }
        return q
    }

    func auditPage(_ f: AuditFilter, page: Int, per: Int) async throws -> (items: [AuditEntry], total: Int) {
        let q = auditEntries(f)
        let total = try await q.count()
        let items = try await q.sort(\.$id, .descending).range((page - 1) * per ..< page * per).all()
        return (items, total)
    }
}
