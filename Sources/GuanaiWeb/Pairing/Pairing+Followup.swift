import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// One reminder of an overdue contact, sent once per pair, missed month and level: the unique key is what keeps a
/// second sweep, or a second sweeper, from sending it again.
final class PairReminder: Model, @unchecked Sendable {
    static let schema = "pair_reminders"
    @ID(key: .id) var id: UUID?
    @Field(key: "pair_id") var pairID: UUID
    @Field(key: "unit_code") var unitCode: String
    /// The calendar month that fell short, `2026-10`.
    @Field(key: "month") var month: String
    @Field(key: "level") var level: String
    @Field(key: "days_overdue") var daysOverdue: Int
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A staff support check-in (回访) with the volunteer or with the child's guardian, kept apart from her contacts: it
/// is the federation following up, not service hours.
final class PairCheckin: Model, @unchecked Sendable {
    static let schema = "pair_checkins"
    @ID(key: .id) var id: UUID?
    @Field(key: "pair_id") var pairID: UUID
    @Field(key: "unit_code") var unitCode: String
    /// `volunteer` or `guardian`.
    @Field(key: "with_whom") var withWhom: String
    @Field(key: "on_date") var onDate: String
    @Field(key: "notes") var notes: String
    @Field(key: "by_name") var byName: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

enum CheckinWith: String, CaseIterable, Sendable { case volunteer, guardian }

struct M0021_PairFollowup: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // When the sweep should look at an active pair again (the next day its contact standing can change), the
        // day it came back from a pause, and its latest contact: indexed so the sweep reads only what is due.
        try await db.schema("pairs").field("contact_check_on", .string).update()
        try await db.schema("pairs").field("resumed_on", .string).update()
        try await db.schema("pairs").field("last_contact_on", .string).update()
        try await db.sql.create(index: "pairs_contact_check").on("pairs").column("status").column("contact_check_on").run()
        try await db.schema("pair_reminders")
            .id()
            .field("pair_id", .uuid, .required)
            .field("unit_code", .string, .required)
            .field("month", .string, .required)
            .field("level", .string, .required)
            .field("days_overdue", .int, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "pair_id", "month", "level")
            .create()
        try await db.schema("pair_checkins")
            .id()
            .field("pair_id", .uuid, .required)
            .field("unit_code", .string, .required)
            .field("with_whom", .string, .required)
            .field("on_date", .string, .required)
            .field("notes", .string, .required)
            .field("by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "pair_checkins_pair").on("pair_checkins").column("pair_id").column("on_date").run()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("pair_checkins").delete()
        try await db.schema("pair_reminders").delete()
    }
}

/// Approved pairs with a planned start day are found by the sweep through this index.
struct M0023_PairStartIndex: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.sql.create(index: "pairs_start").on("pairs").column("status").column("started_on").run()
    }
    func revert(on db: any Database) async throws { try await db.sql.drop(index: "pairs_start").run() }
}
