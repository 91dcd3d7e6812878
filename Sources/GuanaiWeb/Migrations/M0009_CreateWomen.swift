import Fluent
import SQLKit

struct M0009_CreateWomen: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("women")
            .id()
            .field("person_id", .uuid, .required)
            .field("unit_code", .string, .required)
            .field("household_id", .uuid)
            .field("husband_id", .uuid)
            .field("husband_situation", .string)
            .field("husband_work_place", .string)
            .field("husband_since", .string)
            .field("children_in_care", .int, .required)
            .field("elders_in_care", .int, .required)
            .field("farming", .bool, .required)
            .field("skills", .string)
            .field("needs", .string, .required)
            .field("employment_interest", .bool, .required)
            .field("health_interest", .bool, .required)
            .field("left_behind", .bool, .required)
            .field("reasons", .string, .required)
            .field("status", .string, .required)
            .field("exited_on", .string)
            .field("next_review", .string)
            .field("voided_reason", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "person_id")
            .create()
        try await db.sql.create(index: "women_unit").on("women").column("unit_code").column("status").run()
        try await db.sql.create(index: "women_review").on("women").column("next_review").run()
    }
    func revert(on db: any Database) async throws { try await db.schema("women").delete() }
}
