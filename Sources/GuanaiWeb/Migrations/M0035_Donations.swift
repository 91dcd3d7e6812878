import Fluent
import SQLKit

/// Donors, donations and their allocations. Money is whole fen in a 64-bit integer: sums are exact on both engines.
struct M0035_Donations: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("donors")
            .id()
            .field("unit_code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("public_name", .bool, .required)
            .field("contact", .string)
            .field("phone", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "donors_unit").on("donors").column("unit_code").run()
        try await db.schema("donations")
            .id()
            .field("unit_code", .string, .required)
            .field("donor_id", .uuid, .required)
            .field("type", .string, .required)
            .field("amount_fen", .int64, .required)
            .field("description", .string)
            .field("receipt_no", .string)
            .field("received_on", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "donations_unit").on("donations").column("unit_code").run()
        try await db.sql.create(index: "donations_donor").on("donations").column("donor_id").run()
        try await db.schema("donation_allocations")
            .id()
            .field("donation_id", .uuid, .required)
            .field("target_kind", .string, .required)
            .field("target_id", .uuid, .required)
            .field("amount_fen", .int64, .required)
            .field("on_date", .string, .required)
            .field("note", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await db.sql.create(index: "donation_allocations_donation").on("donation_allocations").column("donation_id").run()
    }
    func revert(on db: any Database) async throws {
        for t in ["donation_allocations", "donations", "donors"] { try await db.schema(t).delete() }
    }
}
