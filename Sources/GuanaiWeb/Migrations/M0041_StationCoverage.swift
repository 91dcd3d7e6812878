import Fluent
import Foundation
import SQLKit

/// Per-village coverage counts (`StationCoverageTally`): the coverage endpoint sums a few hundred rows instead of
/// measuring every left-behind child against every open station on each request. `reach_metres` is the reach the
/// row was counted with, so a change in the settings is seen and everything recounted. The marks are a queue of
/// villages to recount: writers only insert (no key, so two writers never wait for each other), the sweep deletes.
struct M0041_StationCoverage: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.sql.create(table: "station_coverage")
            .column("unit_code", type: .text, .primaryKey(autoIncrement: false))
            .column("left_behind", type: .bigint, .notNull)
            .column("enrolled", type: .bigint, .notNull)
            .column("reachable", type: .bigint, .notNull)
            .column("covered", type: .bigint, .notNull)
            .column("reach_metres", type: .bigint, .notNull)
            // ISO-8601 text, as the audit trail's times: compares as text on both engines.
            .column("computed_at", type: .text, .notNull)
            .run()
        try await db.sql.create(table: "station_coverage_marks")
            .column("unit_code", type: .text, .notNull)
            .column("marked_at", type: .text, .notNull)
            .run()
        try await db.sql.create(index: "station_coverage_marks_unit").on("station_coverage_marks").column("unit_code").run()
        // The answer's live part, the critical and high children: a county's few thousand of them by status, tier and
        // village instead of every active child of the county. Status first so that SQLite, which cannot tell from
        // bound values how few the tiers select, still prefers it to `children_list` (status, unit_code).
        try await db.sql.create(index: "children_coverage_priority").on("children").column("status").column("risk_tier").column("unit_code")
            .run()
        try await StationCoverageTally.recountAll(on: db, at: Date())
    }

    func revert(on db: any Database) async throws {
        try await db.sql.drop(index: "children_coverage_priority").run()
        try await db.sql.drop(table: "station_coverage_marks").run()
        try await db.sql.drop(table: "station_coverage").run()
    }
}
