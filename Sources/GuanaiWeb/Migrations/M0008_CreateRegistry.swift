import Fluent
import SQLKit

struct M0008_CreateRegistry: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("households")
            .id()
            .field("unit_code", .string, .required)
            .field("village_group", .string)
            .field("address", .string, .required)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("poverty", .string, .required)
            .field("created_at", .datetime, .required)
            .field("voided_reason", .string)
            .create()
        try await db.sql.create(index: "households_unit").on("households").column("unit_code").run()

        try await db.schema("people")
            .id()
            .field("unit_code", .string, .required)
            .field("name", .string, .required)
            .field("id_number", .string)
            .field("sex", .string)
            .field("birth_date", .string)
            .field("ethnicity", .string)
            .field("hukou", .string)
            .field("phone", .string)
            .field("health", .string, .required)
            .field("health_since", .string)
            .field("disability_grade", .int)
            .field("vital_status", .string, .required)
            .field("household_id", .uuid)
            .field("initials", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "id_number")
            .create()
        try await db.sql.create(index: "people_unit").on("people").column("unit_code").run()
        try await db.sql.create(index: "people_name").on("people").column("name").run()

        try await db.schema("children")
            .id()
            .field("person_id", .uuid, .required)
            .field("unit_code", .string, .required)
            .field("birth_date", .string, .required)
            .field("household_id", .uuid)
            .field("school", .string)
            .field("grade", .string)
            .field("boarding", .bool, .required)
            .field("father_id", .uuid)
            .field("father_situation", .string)
            .field("father_work_place", .string)
            .field("father_since", .string)
            .field("mother_id", .uuid)
            .field("mother_situation", .string)
            .field("mother_work_place", .string)
            .field("mother_since", .string)
            .field("guardian_id", .uuid)
            .field("guardian_relation", .string)
            .field("living_arrangement", .string, .required)
            .field("improper_guardianship", .bool, .required)
            .field("improper_note", .string)
            .field("needs", .string, .required)
            .field("informed_on", .string)
            .field("consent", .bool, .required)
            .field("categories", .string, .required)
            .field("reasons", .string, .required)
            .field("left_behind", .bool, .required)
            .field("status", .string, .required)
            .field("exited_on", .string)
            .field("exit_reason", .string)
            .field("next_review", .string)
            .field("voided_reason", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "person_id")
            .create()
        for (name, cols) in [
            ("children_unit", ["unit_code", "status"]), ("children_father", ["father_id"]), ("children_mother", ["mother_id"]),
            ("children_guardian", ["guardian_id"]), ("children_review", ["next_review"]), ("children_birth", ["birth_date"]),
        ] {
            var b = db.sql.create(index: SQLIdentifier(name)).on("children")
            for c in cols { b = b.column(c) }
            try await b.run()
        }
    }

    func revert(on db: any Database) async throws {
        try await db.schema("children").delete()
        try await db.schema("people").delete()
        try await db.schema("households").delete()
    }
}
