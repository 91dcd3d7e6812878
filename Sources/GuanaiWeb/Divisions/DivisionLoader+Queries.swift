import Foundation
import Fluent
import SQLKit
import GuanaiCore

extension DivisionLoader {
    struct StoredUnit: Decodable {
        let code: String
        let status: String
    }

    /// The status of every stored unit in the root's range and of the root's parents: the plan needs nothing else.
    static func storedStatuses(under root: DivisionCode, on db: any Database) async throws -> [String: UnitStatus] {
        let range = root.range
        var ancestors: [String] = []
        var next = root.parent
        while let p = next {
            ancestors.append(p.value)
            next = p.parent
        }
        var q = db.sql.select().column("code").column("status").from(Unit.schema).where {
            $0.where(SQLIdentifier("code"), .greaterThanOrEqual, SQLBind(range.lowerBound))
                .where(SQLIdentifier("code"), .lessThanOrEqual, SQLBind(range.upperBound))
        }
        if !ancestors.isEmpty { q = q.orWhere(SQLIdentifier("code"), .in, SQLBind.group(ancestors)) }
        var out: [String: UnitStatus] = [:]
        // Decoded whole: a province is 29,000 rows, and PostgreSQL's rows look a column up by name on every read.
        for row in try await q.all(decoding: StoredUnit.self) { out[row.code] = UnitStatus(rawValue: row.status) ?? .active }
        return out
    }

    /// Statistical units, active, created now; chunked multi-row inserts keep a province's 29,000 units to about ten
    /// statements on either engine.
    static func insertUnits(_ records: [DivisionRecord], at: Date, on db: any Database) async throws {
        let columns = ["code", "official_name", "short_name", "kind", "level", "parent_code", "statistical", "status", "created_at"]
        let rows: [[any Encodable & Sendable]] = records.map { r in
            [
                r.code.value, r.officialName, r.shortName, r.kind.rawValue, r.level.rawValue, r.parent?.value, true,
                UnitStatus.active.rawValue, at,
            ]
        }
        try await db.sql.insert(into: Unit.schema, columns: columns, rows: rows)
    }
}
