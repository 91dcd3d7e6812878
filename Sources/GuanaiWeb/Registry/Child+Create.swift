import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// Registers children: one from a form, or a batch of a few hundred from a ledger import, by the same rules.
///
/// A batch looks up what it needs with a handful of `IN` queries (people by ID number, their children, likely
/// duplicates, households) and writes with multi-row inserts instead of one model save per record: at 100,000 rows
/// the difference is hours against seconds, because a model save reflects over every field of the record. Rows are
/// still handled one after another in file order, so a later row links to a parent an earlier row registered, and
/// siblings share a household, exactly as if they had been typed one at a time.
enum ChildCreation {
    struct Row: Sendable {
        let input: ChildInput
        let checked: RegistryService.CheckedChild
    }

    enum Outcome: Sendable {
        /// `similar`: children with the same name (or pinyin), birth date and township, acknowledged by the row.
        case created(Child, similar: [String])
        /// nil when the registered child lies outside the caller's jurisdiction (see `ConflictError.existing`).
        case conflict(existingID: String?)
        case likelyDuplicates([String])
        case invalid([FieldError])
    }

    static func create(_ rows: [Row], scoped: Scoped, actor: AuditActor, at: Date, context: ChildContext?) async throws -> [Outcome] {
        let db = scoped.db
        precondition(db.inTransaction, "a batch is written all or nothing")
        let lookups = try await Lookups.load(rows, on: db)
        let settings: RiskSettings
        if let context { settings = context.settings } else { settings = try await SafetyService.settings(on: db) }
        let today = RegistryService.today(at)

        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(rows.count)
        var newPeople: [Person] = [], newHouseholds: [Household] = [], newChildren: [Child] = []
        var byIDNumber: [String: Person] = [:]
        var childByPerson: [PersonID: ChildID] = [:]
        var batchSimilar: [SimilarKey: [(name: String, pinyin: String, childID: String)]] = [:]
        var events: [AuditEvent] = []

        for row in rows {
            let k = row.checked, input = row.input
            func existing(_ id: IDNumber?) -> Person? { id.flatMap { byIDNumber[$0.value] ?? lookups.people[$0.value] } }

            // A second registration of the same child is a conflict that points at the first.
            if let p = existing(k.id), let cid = childByPerson[p.recordID] ?? lookups.childOfPerson[p.recordID] {
                outcomes.append(.conflict(existingID: scoped.inScope(p.unitCode) ? cid.description : nil))
                continue
            }
            let key = SimilarKey(birth: k.id.birthDate.iso, township: String(k.village.code.prefix(9)), initials: Pinyin.initials(k.name))
            let pinyin = Pinyin.full(k.name)
            let similar =
                (lookups.similar[key] ?? []).filter { $0.name == k.name || $0.pinyin == pinyin }.map(\.childID)
                + (batchSimilar[key] ?? []).filter { $0.name == k.name || $0.pinyin == pinyin }.map(\.childID)
            if input.acknowledgeDuplicates != true && !similar.isEmpty {
                outcomes.append(.likelyDuplicates(similar))
                continue
            }

            var errors: [FieldError] = []
            let confirm = input.confirmLinks ?? false
            let unit = k.village.code
            let childPerson = RegistryService.person(
                existing: existing(k.id), id: k.id, name: k.name, field: "child", unit: unit, scoped: scoped, confirm: true,
                errors: &errors,
                fill: { p in
                    p.hukou = k.hukou.rawValue
                    p.ethnicity = k.ethnicity
                    p.health = k.health.rawValue
                }, compare: [], at: at)
            func parent(_ p: RegistryService.CheckedParent?, _ field: String, _ sex: Sex) -> Person? {
                guard let p, let name = p.name else { return nil }
                return RegistryService.person(
                    existing: existing(p.id), id: p.id, name: name, field: field, unit: unit, scoped: scoped, confirm: confirm,
                    errors: &errors,
                    fill: { q in
                        q.sex = q.sex ?? sex.rawValue
                        q.phone = p.phone
                        q.hukou = k.hukou.rawValue
                    }, compare: [("phone", nil, p.phone)], at: at)
            }
            let father = parent(k.father, "father", .male), mother = parent(k.mother, "mother", .female)
            var guardian: Person? = nil
            if let g = k.guardian {
                guardian = RegistryService.person(
                    existing: existing(g.id), id: g.id, name: g.name, field: "guardian", unit: unit, scoped: scoped, confirm: confirm,
                    errors: &errors,
                    fill: { p in
                        p.phone = g.phone
                        p.health = g.health.rawValue
                        if p.birthDate == nil { p.birthDate = g.birthDate?.iso }
                    }, compare: [("birthDate", nil, g.birthDate?.iso)], at: at)
            }
            if !errors.isEmpty {
                outcomes.append(.invalid(errors))
                continue
            }

            // Siblings share a household: reuse a parent's, else start one for this child.
            var householdID = father?.householdID ?? mother?.householdID
            var household: Household? = householdID.flatMap {
                lookups.households[HouseholdID($0)] ?? newHouseholds.last(where: { h in h.id == householdID })
            }
            if householdID == nil {
                let h = Household()
                h.id = TimeOrderedID.next()
                h.unitCode = unit
                h.address = k.address
                h.poverty = k.poverty.rawValue
                h.createdAt = at
                newHouseholds.append(h)
                events.append(
                    AuditEvent(
                        AuditAction.create, h.recordID, unit: unit,
                        fields: AuditLog.created(["poverty": h.poverty, "address": h.address])))
                householdID = h.id
                household = h
            }
            var seen = Set<UUID>()
            for p in [childPerson, father, mother, guardian].compactMap({ $0 })
            where !p._$idExists && seen.insert(p.id!).inserted && byIDNumber[p.idNumber ?? ""] !== p {
                if p.householdID == nil { p.householdID = householdID }
                newPeople.append(p)
                if let n = p.idNumber { byIDNumber[n] = p }
                events.append(
                    AuditEvent(AuditAction.create, p.recordID, unit: p.unitCode, fields: AuditLog.created(p.auditFields)))
            }

            let child = newChild(k, input: input, person: childPerson, father: father, mother: mother, guardian: guardian, at: at)
            child.householdID = householdID
            let facts = RegistryService.facts(for: child, me: childPerson, father: father, mother: mother, household: household)
            RegistryService.apply(ChildClassifier.classify(facts, on: today), to: child, today: today, reason: nil)
            child.guardianBirth = guardian?.birthDate
            child.guardianHealth = guardian?.health
            SafetyService.assess(child, facts: facts, guardian: guardian, open: nil, at: at, settings: settings)
            newChildren.append(child)
            childByPerson[childPerson.recordID] = child.recordID
            batchSimilar[key, default: []].append((k.name, pinyin, child.id!.uuidString))
            events.append(
                AuditEvent(AuditAction.create, child.recordID, unit: unit, fields: AuditLog.created(child.auditFields)))
            outcomes.append(.created(child, similar: similar))
        }

        try await db.sql.insert(into: Household.schema, columns: Household.rowColumns, rows: newHouseholds.map(\.rowValues))
        try await db.sql.insert(into: Person.schema, columns: Person.rowColumns, rows: newPeople.map(\.rowValues))
        try await db.sql.insert(into: Child.schema, columns: Child.rowColumns, rows: newChildren.map(\.rowValues))
        if let context {
            for e in events { context.audit(e, by: actor) }
        } else {
            try await AuditLog.append(contentsOf: events, by: actor, at: at, on: db)
        }
        // Inserted without the model, so without the tally middleware: the villages' counts are refreshed here, or
        // once at the end of an import that defers them.
        let units = Set(newChildren.map(\.unitCode))
        if let context, context.deferTally { units.forEach(context.touched) } else { try await ChildTally.refresh(units, on: db) }
        for child in newChildren where child.tier == .critical {
            if let a = try await SafetyService.raiseIfCritical(child, before: nil, on: db, actor: actor, at: at) { context?.opened(a) }
        }
        return outcomes
    }

    static func newChild(
        _ k: RegistryService.CheckedChild, input: ChildInput, person: Person, father: Person?, mother: Person?, guardian: Person?, at: Date
    ) -> Child {
        let child = Child()
        child.id = TimeOrderedID.next()
        child.personID = person.id!
        child.unitCode = k.village.code
        child.birthDate = k.id.birthDate.iso
        child.details = k.details
        child.fatherID = father?.id
        child.fatherSituation = k.father?.situation?.rawValue
        child.fatherWorkPlace = k.father?.workPlace
        child.fatherSince = k.father?.since?.iso
        child.motherID = mother?.id
        child.motherSituation = k.mother?.situation?.rawValue
        child.motherWorkPlace = k.mother?.workPlace
        child.motherSince = k.mother?.since?.iso
        child.guardianID = guardian?.id
        child.guardianRelation = k.guardian?.relation.rawValue
        child.livingArrangement = k.living.rawValue
        child.improperGuardianship = input.improperGuardianship ?? false
        child.improperNote = k.improperNote
        child.setNeeds(k.needs)
        child.informedOn = k.informed?.iso
        child.consent = input.consent ?? false
        child.createdAt = at
        child.updatedAt = at
        child.status = .new
        child.setCategories([])
        child.reasons = "[]"
        child.leftBehind = false
        child.openReport = false
        child.overdueStep = 0
        return child
    }

    /// A likely duplicate is a child in the same township born the same day whose name is the same or sounds the same
    /// (曾 read Zēng as a surname, so 曾小红 and 增小红 match): the same child typed twice with another ID number, most
    /// likely. Looked up by birth date and pinyin initials (an index); names with the same full pinyin have the same
    /// initials, so the final check (same name, or same full pinyin) is made in code.
    struct SimilarKey: Hashable { let birth: String; let township: String; let initials: String }

    /// What a batch reads before it writes anything.
    struct Lookups {
        var people: [String: Person] = [:]
        var childOfPerson: [PersonID: ChildID] = [:]
        var households: [HouseholdID: Household] = [:]
        var similar: [SimilarKey: [(name: String, pinyin: String, childID: String)]] = [:]

        static func load(_ rows: [Row], on db: any Database) async throws -> Lookups {
            var l = Lookups()
            var numbers = Set<String>()
            for r in rows {
                for id in [r.checked.id, r.checked.father?.id, r.checked.mother?.id, r.checked.guardian?.id].compactMap({ $0 }) {
                    numbers.insert(id.value)
                }
            }
            for chunk in Array(numbers).chunked(500) {
                for p in try await Person.query(on: db).filter(\.$idNumber ~~ Array(chunk)).all() {
                    if let n = p.idNumber { l.people[n] = p }
                }
            }
            let found = l.people.values.compactMap(\.id)
            for chunk in found.chunked(500) {
                for row in try await db.sql.select().column("id").column("person_id").from(Child.schema).where(
                    "person_id", .in, Array(chunk)
                ).all() {
                    let person = PersonID(try row.decode(column: "person_id", as: UUID.self))
                    l.childOfPerson[person] = ChildID(try row.decode(column: "id", as: UUID.self))
                }
            }
            let householdIDs = Set(l.people.values.compactMap(\.householdID))
            for chunk in Array(householdIDs).chunked(500) {
                for h in try await Household.query(on: db).filter(\.$id ~~ Array(chunk)).all() { l.households[h.recordID] = h }
            }
            // Likely duplicates: people with the same birth date and initials (an index), then their children.
            let pairs = Set(rows.map { [$0.checked.id.birthDate.iso, Pinyin.initials($0.checked.name)] })
            for chunk in Array(pairs).chunked(200) {
                let match = SQLGroupExpression(
                    SQLList(
                        chunk.map { pair in
                            SQLGroupExpression(
                                SQLBinaryExpression(
                                    SQLBinaryExpression(SQLColumn("birth_date", table: "p"), .equal, SQLBind(pair[0])), .and,
                                    SQLBinaryExpression(SQLColumn("initials", table: "p"), .equal, SQLBind(pair[1]))))
                        }, separator: SQLRaw(" OR ")))
                let found = try await db.sql.select()
                    .column(SQLColumn("id", table: "c"), as: "child_id").column(SQLColumn("unit_code", table: "c"), as: "unit_code")
                    .column(SQLColumn("birth_date", table: "c"), as: "birth_date").column(SQLColumn("name", table: "p"), as: "name")
                    .column(SQLColumn("initials", table: "p"), as: "initials")
                    .from(SQLAlias(SQLIdentifier(Person.schema), as: SQLIdentifier("p")))
                    .join(
                        SQLAlias(SQLIdentifier(Child.schema), as: SQLIdentifier("c")), on: SQLColumn("person_id", table: "c"), .equal,
                        SQLColumn("id", table: "p")
                    )
                    .where(match).where(SQLColumn("voided_reason", table: "c"), .is, SQLLiteral.null)
                    .all()
                for row in found {
                    let name = try row.decode(column: "name", as: String.self)
                    let key = SimilarKey(
                        birth: try row.decode(column: "birth_date", as: String.self),
                        township: String(try row.decode(column: "unit_code", as: String.self).prefix(9)),
                        initials: try row.decode(column: "initials", as: String.self))
                    l.similar[key, default: []].append(
                        (name, Pinyin.full(name), try row.decode(column: "child_id", as: UUID.self).uuidString))
                }
            }
            return l
        }
    }
}

/// The values a bulk insert writes, in the order of the columns the plain-row readers read (`ChildRows` and its
/// siblings). A test checks both against the models' fields, so a field added later cannot be silently left out.
extension Household {
    static var rowColumns: [String] { HouseholdRows.columns }
    var rowValues: [any Encodable & Sendable] {
        [id!, unitCode, villageGroup, address, latitude, longitude, poverty, createdAt, voidedReason]
    }
}

extension Person {
    static var rowColumns: [String] { PersonRows.columns }
    var rowValues: [any Encodable & Sendable] {
        [
            id!, unitCode, name, idNumber, sex, birthDate, ethnicity, hukou, phone, health, healthSince, disabilityGrade, vitalStatus,
            householdID, initials, createdAt, updatedAt,
        ]
    }
}

extension Child {
    static var rowColumns: [String] { ChildRows.columns }
    var rowValues: [any Encodable & Sendable] {
        [
            id!, personID, unitCode, birthDate, householdID,
            fatherID, fatherSituation, fatherWorkPlace, fatherSince, motherID, motherSituation, motherWorkPlace, motherSince,
            guardianID, guardianRelation, livingArrangement, improperGuardianship, improperNote, needs, informedOn, consent,
            categories, categoryBits, needBits, guardianBirth, guardianHealth, riskTier, riskReasons, riskReview,
            nextVisitDue, lastVisitOn, lastContactOn, openReport, overdueStep, reasons, leftBehind, status.rawValue, exitedOn, exitReason,
            nextReview, voidedReason, mergedInto, createdAt, updatedAt,
        ] + ChildDetail.allCases.map { details.bind($0) }
    }
}

extension SQLDatabase {
    /// Multi-row inserts in chunks that stay under both engines' limits on bound values (SQLite 32,766, PostgreSQL 65,535).
    func insert(into table: String, columns: [String], rows: [[any Encodable & Sendable]]) async throws {
        guard !rows.isEmpty else { return }
        let per = Swift.max(1, 30_000 / Swift.max(1, columns.count))
        for chunk in rows.chunked(per) {
            var insert = self.insert(into: table).columns(columns)
            for r in chunk { insert = insert.values(r.map { SQLBind($0) }) }
            try await insert.run()
        }
    }
}
