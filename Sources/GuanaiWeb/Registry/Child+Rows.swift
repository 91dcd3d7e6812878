import Fluent
import SQLKit
import Foundation
import GuanaiCore

/// Children, people and households read with plain SQL and built field by field, and the sweep's columns written
/// back with one statement per few hundred children. Fluent decodes and saves a model by reflecting over its
/// properties on every row (`Fields.properties`), which for a 45-field child cost more than the rules and the SQL
/// together; the sweep reads and writes a million of them. The models built here are complete (every column is
/// read) and marked as fetched, so everything that takes a `Child` or a `Person` works on them unchanged.
enum ChildRows {
    /// Every column of `children`, in the schema's order. `ChildRowsTests` checks it against `Child.keys`.
    static let columns =
        [
            "id", "person_id", "unit_code", "birth_date", "household_id",
            "father_id", "father_situation", "father_work_place", "father_since",
            "mother_id", "mother_situation", "mother_work_place", "mother_since",
            "guardian_id", "guardian_relation", "living_arrangement", "improper_guardianship", "improper_note", "needs",
            "informed_on", "consent", "categories", "category_bits", "need_bits", "guardian_birth", "guardian_health",
            "risk_tier", "risk_reasons", "risk_review", "next_visit_due", "last_visit_on", "last_contact_on", "open_report", "overdue_step",
            "reasons", "left_behind", "status", "exited_on", "exit_reason", "next_review", "voided_reason", "merged_into",
            "created_at", "updated_at",
        ] + ChildDetail.allCases.map(\.column)

    /// A select of every column of `children`, to which the caller adds its filter, order and limit.
    static func select(on db: any Database) -> SQLSelectBuilder {
        db.sql.select().columns(columns.map { SQLColumn($0) }).from("children")
    }

    static func all(_ q: SQLSelectBuilder) async throws -> [Child] {
        try await q.all().map(child)
    }

    static func child(_ r: any SQLRow) throws -> Child {
        let c = Child()
        c.id = try r.decode(column: "id", as: UUID.self)
        c.personID = try r.decode(column: "person_id", as: UUID.self)
        c.unitCode = try r.decode(column: "unit_code", as: String.self)
        c.birthDate = try r.decode(column: "birth_date", as: String.self)
        c.householdID = try r.decode(column: "household_id", as: UUID?.self)
        c.details = try details(r)
        c.fatherID = try r.decode(column: "father_id", as: UUID?.self)
        c.fatherSituation = try r.decode(column: "father_situation", as: String?.self)
        c.fatherWorkPlace = try r.decode(column: "father_work_place", as: String?.self)
        c.fatherSince = try r.decode(column: "father_since", as: String?.self)
        c.motherID = try r.decode(column: "mother_id", as: UUID?.self)
        c.motherSituation = try r.decode(column: "mother_situation", as: String?.self)
        c.motherWorkPlace = try r.decode(column: "mother_work_place", as: String?.self)
        c.motherSince = try r.decode(column: "mother_since", as: String?.self)
        c.guardianID = try r.decode(column: "guardian_id", as: UUID?.self)
        c.guardianRelation = try r.decode(column: "guardian_relation", as: String?.self)
        c.livingArrangement = try r.decode(column: "living_arrangement", as: String.self)
        c.improperGuardianship = try r.decode(column: "improper_guardianship", as: Bool.self)
        c.improperNote = try r.decode(column: "improper_note", as: String?.self)
        c.needs = try r.decode(column: "needs", as: String.self)
        c.informedOn = try r.decode(column: "informed_on", as: String?.self)
        c.consent = try r.decode(column: "consent", as: Bool.self)
        c.categories = try r.decode(column: "categories", as: String.self)
        c.categoryBits = try r.decode(column: "category_bits", as: Int.self)
        c.needBits = try r.decode(column: "need_bits", as: Int.self)
        c.guardianBirth = try r.decode(column: "guardian_birth", as: String?.self)
        c.guardianHealth = try r.decode(column: "guardian_health", as: String?.self)
        c.riskTier = try r.decode(column: "risk_tier", as: String?.self)
        c.riskReasons = try r.decode(column: "risk_reasons", as: String?.self)
        c.riskReview = try r.decode(column: "risk_review", as: String?.self)
        c.nextVisitDue = try r.decode(column: "next_visit_due", as: String?.self)
        c.lastVisitOn = try r.decode(column: "last_visit_on", as: String?.self)
        c.lastContactOn = try r.decode(column: "last_contact_on", as: String?.self)
        c.openReport = try r.decode(column: "open_report", as: Bool.self)
        c.overdueStep = try r.decode(column: "overdue_step", as: Int.self)
        c.reasons = try r.decode(column: "reasons", as: String.self)
        c.leftBehind = try r.decode(column: "left_behind", as: Bool.self)
        c.status = try r.decode(column: "status", as: ChildStatus.self)
        c.exitedOn = try r.decode(column: "exited_on", as: String?.self)
        c.exitReason = try r.decode(column: "exit_reason", as: String?.self)
        c.nextReview = try r.decode(column: "next_review", as: String?.self)
        c.voidedReason = try r.decode(column: "voided_reason", as: String?.self)
        c.mergedInto = try r.decode(column: "merged_into", as: UUID?.self)
        c.createdAt = try r.decode(column: "created_at", as: Date.self)
        c.updatedAt = try r.decode(column: "updated_at", as: Date.self)
        c._$idExists = true
        return c
    }

    /// The plain fields Core declares, each from its column.
    static func details<F: RecordDetail>(_ r: any SQLRow) throws -> Details<F> {
        var d = Details<F>()
        for f in F.allCases {
            switch f.kind {
            case .text: d[text: f] = try r.decode(column: f.column, as: String?.self)
            case .flag: d[flag: f] = try r.decode(column: f.column, as: Bool.self)
            case .count: d[count: f] = try r.decode(column: f.column, as: Int.self)
            }
        }
        return d
    }

    /// What classifying and assessing a child can change (`RegistryService.apply`, `copyGuardian`,
    /// `SafetyService.assess`, and `updated_at`). `ChildRowsTests` checks that a sweep through the models changes
    /// nothing else.
    static let sweepColumns = [
        "categories", "category_bits", "reasons", "left_behind", "status", "exited_on", "exit_reason", "next_review",
        "guardian_birth", "guardian_health", "risk_tier", "risk_reasons", "risk_review", "next_visit_due", "overdue_step", "updated_at",
    ]

    static func sweepValues(_ c: Child) -> [any Encodable & Sendable] {
        [
            c.categories, c.categoryBits, c.reasons, c.leftBehind, c.status.rawValue, c.exitedOn, c.exitReason, c.nextReview,
            c.guardianBirth, c.guardianHealth, c.riskTier, c.riskReasons, c.riskReview, c.nextVisitDue, c.overdueStep, c.updatedAt,
        ]
    }

    /// Writes the sweep's columns of these children: `UPDATE … FROM (VALUES …)`, a few hundred rows a statement
    /// (SQLite ≥ 3.33 and PostgreSQL). Bypasses `ChildTallyMiddleware`: callers recompute the tallies of the
    /// villages whose counts moved (`ChildContext.touched`, `refreshTallies`).
    static func writeSweep(_ kids: [Child], on db: any Database) async throws {
        try await update(kids, columns: sweepColumns, values: sweepValues, on: db)
    }

    /// `UPDATE children SET c = v.columnN … FROM (VALUES (id, …), …) AS v WHERE children.id = v.column1`.
    static func update(_ kids: [Child], columns: [String], values: (Child) -> [any Encodable & Sendable], on db: any Database) async throws
    {
        guard !kids.isEmpty else { return }
        let set = columns.enumerated().map { "\($1) = v.column\($0 + 2)" }.joined(separator: ", ")
        // Under SQLite's 32,766 and PostgreSQL's 65,535 parameters a statement.
        let per = max(1, 8000 / (columns.count + 1))
        for chunk in kids.chunked(per) {
            var rows: [any SQLExpression] = []
            rows.reserveCapacity(chunk.count)
            for c in chunk {
                var binds: [any SQLExpression] = [SQLBind(c.id!)]
                for v in values(c) { binds.append(SQLBind(v)) }
                rows.append(SQLGroupExpression(SQLList(binds)))
            }
            try await db.sql.raw("UPDATE children SET \(unsafeRaw: set) FROM (VALUES \(SQLList(rows))) AS v WHERE children.id = v.column1")
                .run()
        }
    }
}

enum PersonRows {
    static let columns = [
        "id", "unit_code", "name", "id_number", "sex", "birth_date", "ethnicity", "hukou", "phone", "health", "health_since",
        "disability_grade", "vital_status", "household_id", "initials", "created_at", "updated_at",
    ]

    static func people(_ ids: some Collection<PersonID>, on db: any Database) async throws -> [Person] {
        guard !ids.isEmpty else { return [] }
        return try await db.sql.select().columns(columns.map { SQLColumn($0) }).from("people").where("id", .in, ids.map(\.uuid)).all().map(
            person)
    }

    static func person(_ r: any SQLRow) throws -> Person {
        let p = Person()
        p.id = try r.decode(column: "id", as: UUID.self)
        p.unitCode = try r.decode(column: "unit_code", as: String.self)
        p.name = try r.decode(column: "name", as: String.self)
        p.idNumber = try r.decode(column: "id_number", as: String?.self)
        p.sex = try r.decode(column: "sex", as: String?.self)
        p.birthDate = try r.decode(column: "birth_date", as: String?.self)
        p.ethnicity = try r.decode(column: "ethnicity", as: String?.self)
        p.hukou = try r.decode(column: "hukou", as: String?.self)
        p.phone = try r.decode(column: "phone", as: String?.self)
        p.health = try r.decode(column: "health", as: String.self)
        p.healthSince = try r.decode(column: "health_since", as: String?.self)
        p.disabilityGrade = try r.decode(column: "disability_grade", as: Int?.self)
        p.vitalStatus = try r.decode(column: "vital_status", as: String.self)
        p.householdID = try r.decode(column: "household_id", as: UUID?.self)
        p.initials = try r.decode(column: "initials", as: String.self)
        p.createdAt = try r.decode(column: "created_at", as: Date.self)
        p.updatedAt = try r.decode(column: "updated_at", as: Date.self)
        p._$idExists = true
        return p
    }
}

enum HouseholdRows {
    static let columns = ["id", "unit_code", "village_group", "address", "latitude", "longitude", "poverty", "created_at", "voided_reason"]

    static func households(_ ids: some Collection<HouseholdID>, on db: any Database) async throws -> [Household] {
        guard !ids.isEmpty else { return [] }
        return try await db.sql.select().columns(columns.map { SQLColumn($0) }).from("households").where("id", .in, ids.map(\.uuid)).all()
            .map(
                household)
    }

    static func household(_ r: any SQLRow) throws -> Household {
        let h = Household()
        h.id = try r.decode(column: "id", as: UUID.self)
        h.unitCode = try r.decode(column: "unit_code", as: String.self)
        h.villageGroup = try r.decode(column: "village_group", as: String?.self)
        h.address = try r.decode(column: "address", as: String.self)
        h.latitude = try r.decode(column: "latitude", as: Double?.self)
        h.longitude = try r.decode(column: "longitude", as: Double?.self)
        h.poverty = try r.decode(column: "poverty", as: String.self)
        h.createdAt = try r.decode(column: "created_at", as: Date.self)
        h.voidedReason = try r.decode(column: "voided_reason", as: String?.self)
        h._$idExists = true
        return h
    }
}
