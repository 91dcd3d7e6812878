import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// `bench/registry.sh`: bulk-loads synthetic children (a benchmark fixture, so no audit entries) and times the three
/// reads people wait for: the first list page, a filtered list, and a child's detail, as a city admin would see them.
public enum RegistryBench {
    public struct Figures: Sendable {
        public let rows: Int; public let loadSeconds: Double; public let firstPageMs: Double; public let filteredMs: Double;
        public let detailMs: Double; public let extraMs: [(String, Double)]
    }

    static func ms(_ body: () async throws -> Void) async rethrows -> Double {
        var samples: [Double] = []
        for _ in 0..<7 {
            let t0 = ContinuousClock.now
            try await body()
            let d = ContinuousClock.now - t0
            samples.append(Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15)
        }
        return samples.sorted()[samples.count / 2]
    }

    public static func run(_ app: Application, children target: Int) async throws -> Figures {
        let db = app.db
        let county = DivisionCode(app.guanai.county)!
        let villages = try await Unit.query(on: db).filter(\.$level == DivisionLevel.village.rawValue).filter(\.$status == .active).all()
            .map(\.code)
        let today = RegistryService.today(app.now)
        let existing = try await Child.query(on: db).count()
        let t0 = ContinuousClock.now
        if existing < target {
            try await load(db, count: target - existing, seed: UInt64(existing + 1), villages: villages, today: today, at: app.now)
        }
        // The bulk load bypasses the models, so the tallies are recomputed once at the end, village by village.
        try await ChildTally.refresh(Set(villages), on: db)
        let loadTime = ContinuousClock.now - t0
        // A database just bulk-loaded has no statistics yet: SQLite gets what the app's start-up and sweep run, and
        // PostgreSQL what autovacuum would do within a minute of such a load.
        if db.sql.dialect.name == "sqlite" {
            try await DatabaseStatistics.refresh(db)
        } else {
            try await db.sql.raw("VACUUM ANALYZE children").run()
            try await db.sql.raw("VACUUM ANALYZE people").run()
        }
        let scoped = Scoped(db: db, jurisdiction: Jurisdiction(root: county))
        let first = try await ms { _ = try await scoped.children(matching: ChildFilter(), today: today, page: 1, per: 50) }
        let someVillage = villages.sorted()[villages.count / 2]
        let filtered = try await ms {
            _ = try await scoped.children(
                matching: ChildFilter(unit: someVillage, category: ChildCategory.leftBehind.rawValue, ageBand: "6-13"), today: today,
                page: 1, per: 50)
        }
        // Not targets, but lists people use at city level and must not fall off a cliff.
        var extra: [(String, Double)] = []
        for (name, f) in [
            ("city_orphans", ChildFilter(category: ChildCategory.orphan.rawValue)),
            ("city_guardian_70plus", ChildFilter(guardianAge: "70+")),
            ("city_oldest_first", ChildFilter(sort: .oldest)), ("city_page_100", ChildFilter()),
        ] {
            extra.append(
                (
                    name,
                    try await ms {
                        _ = try await scoped.children(matching: f, today: today, page: name == "city_page_100" ? 100 : 1, per: 50)
                    }
                ))
        }
        let any = try await Child.query(on: db).sort(\.$id).offset(target / 2).first()!
        let detail = try await ms {
            _ = try await RegistryDTO.load(try await scoped.child(any.recordID)!, scoped: scoped, today: today)
        }
        let rows = try await Child.query(on: db).count()
        return Figures(
            rows: rows, loadSeconds: Double(loadTime.components.seconds) + Double(loadTime.components.attoseconds) / 1e18,
            firstPageMs: first, filteredMs: filtered, detailMs: detail, extraMs: extra)
    }

    static func load(_ db: any Database, count: Int, seed: UInt64, villages: [String], today: CivilDate, at: Date) async throws {
        let batch = 20_000
        var done = 0
        var gen = SyntheticRegistry.Generator(seed: seed, villages: villages, today: today)
        while done < count {
            let kids = gen.next(min(batch, count - done))
            var people: [String: [any Encodable & Sendable]] = [:]
            var childRows: [[any Encodable & Sendable]] = []
            var personIDs: [String: UUID] = [:]
            func person(_ id: String, _ name: String, _ unit: String, _ health: String) -> UUID {
                if let u = personIDs[id] { return u }
                let u = TimeOrderedID.next()
                personIDs[id] = u
                let parsed = try? IDNumber(id)
                people[id] = [
                    u, unit, name, id, (parsed?.sex ?? .female).rawValue, parsed?.birthDate.iso ?? "2000-01-01", Hukou.rural.rawValue,
                    health,
                    VitalStatus.alive.rawValue,
                    Pinyin.initials(name), at, at,
                ]
                return u
            }
            let noDetails = Details<ChildDetail>().complete
            for k in kids {
                let me = person(k.idNumber, k.name, k.villageCode, Health.healthy.rawValue)
                let f = person(k.father.idNumber, k.father.name, k.villageCode, Health.healthy.rawValue)
                let m = person(k.mother.idNumber, k.mother.name, k.villageCode, Health.healthy.rawValue)
                let g = k.guardian.map { person($0.idNumber, $0.name, k.villageCode, $0.health.rawValue) }
                let gBirth = k.guardian.flatMap { (try? IDNumber($0.idNumber))?.birthDate.iso }
                let born = (try? IDNumber(k.idNumber))?.birthDate ?? today
                let facts = ChildFacts(
                    birthDate: born, hukou: .rural, father: ParentFacts(situation: k.father.situation),
                    mother: ParentFacts(situation: k.mother.situation), poverty: k.poverty)
                let r = ChildClassifier.classify(facts, on: today)
                childRows.append(
                    [
                        TimeOrderedID.next(), me, k.villageCode, born.iso, f, k.father.situation.rawValue, m, k.mother.situation.rawValue,
                        g,
                        k.guardian?.relation.rawValue, gBirth, k.guardian?.health.rawValue,
                        k.living.rawValue, k.needs.map(\.rawValue).joined(separator: ","), ChildNeed.bits(k.needs), false, true,
                        r.categories.map(\.rawValue).joined(separator: ","),
                        ChildCategory.bits(r.categories), RegistryService.json(r.reasons), r.leftBehind,
                        (r.categories.isEmpty ? ChildStatus.exited : .active).rawValue, r.nextAgeChange?.iso, at, at,
                    ] + ChildDetail.allCases.map { noDetails.bind($0) })
            }
            let peopleRows = Array(people.values), childBatch = childRows
            try await db.transaction { tx in
                // A bigger page cache for SQLite: random UUID keys otherwise make every insert a disk read.
                if tx.sql.dialect.name == "sqlite" { try await tx.sql.raw("PRAGMA cache_size=-1000000").run() }
                let pcols = [
                    "id", "unit_code", "name", "id_number", "sex", "birth_date", "hukou", "health", "vital_status", "initials",
                    "created_at", "updated_at",
                ]
                let rows = peopleRows
                for chunk in stride(from: 0, to: rows.count, by: 1000) {
                    var ins = tx.sql.insert(into: "people").columns(pcols)
                    for r in rows[chunk..<min(chunk + 1000, rows.count)] { ins = ins.values(r.map { SQLBind($0) }) }
                    try await ins.run()
                }
                let ccols =
                    [
                        "id", "person_id", "unit_code", "birth_date", "father_id", "father_situation", "mother_id", "mother_situation",
                        "guardian_id", "guardian_relation", "guardian_birth", "guardian_health",
                        "living_arrangement", "needs", "need_bits", "improper_guardianship", "consent", "categories",
                        "category_bits", "reasons", "left_behind", "status", "next_review", "created_at", "updated_at",
                    ] + ChildDetail.allCases.map(\.column)
                for chunk in stride(from: 0, to: childBatch.count, by: 700) {
                    var ins = tx.sql.insert(into: "children").columns(ccols)
                    for r in childBatch[chunk..<min(chunk + 700, childBatch.count)] { ins = ins.values(r.map { SQLBind($0) }) }
                    try await ins.run()
                }
            }
            done += kids.count
            if done % 100_000 < batch { print("  loaded \(done) children") }
        }
    }
}
