import Fluent
import Foundation
import SQLKit
import Vapor
import GuanaiCore

/// `bench/health.sh`: synthetic rural women across all of Hubei's villages (石首市 denser) with screens over 2021–2026,
/// the abnormal ones followed up; then a township's due list, and the indicators of the city and of the province, as
/// the endpoints compute them, each against one hand-written statement, timed in turn and compared figure by figure.
public enum HealthBench {
    public struct Scope: Sendable {
        public let name: String, unit: String, agrees: Bool
        public let ours: RightsBench.Timing, sql: RightsBench.Timing
        public let summary: String, differences: [String]
    }

    public struct Figures: Sendable {
        public let women: Int, screenings: Int, followups: Int, villages: Int, divisionsSeconds: Double, loadSeconds: Double
        public let scopes: [Scope]
    }

    /// The bench's day: late in the year, so the year's figures are nearly whole.
    static let today = CivilDate(year: 2026, month: 11, day: 30)!
    static let firstDay = CivilDate(year: 2021, month: 1, day: 1)!
    static let city = "421081", province = "420000000000", township = "421081104000"
    /// The city's share of the women, in percent: its ~300 villages would get about 1 % of a province-wide spread.
    static let cityShare = 5

    public static func run(_ app: Application, women: Int, screenings: Int, seed: UInt64, runs: Int, warmups: Int) async throws
        -> Figures
    {
        let db = app.db
        let t0 = ContinuousClock.now
        _ = try await DivisionLoader.load(app, code: province)
        let divisionsSeconds = StationCoverageBench.seconds(ContinuousClock.now - t0)
        let villages = try await Unit.query(on: db).filter(\.$level == DivisionLevel.village.rawValue).filter(\.$status == .active).all()
            .map(\.code).sorted()
        let t1 = ContinuousClock.now
        if try await HealthScreening.query(on: db).count() == 0 {
            try await load(db, women: women, screenings: screenings, seed: seed, villages: villages, at: app.now)
        }
        let loadSeconds = StationCoverageBench.seconds(ContinuousClock.now - t1)
        if db.sql.dialect.name == "sqlite" {
            try await DatabaseStatistics.refresh(db)
        } else {
            for t in [Person.schema, HealthHistoryRow.schema, HealthScreening.schema, HealthFollowup.schema, HealthStepRow.schema] {
                try await db.sql.raw("VACUUM ANALYZE \(ident: t)").run()
            }
        }
        let s = HealthSettings()
        var scopes: [Scope] = []
        // The township's due list, as GET /api/v1/health/due?unit=&programme=cervical answers its first page.
        do {
            let scoped = Scoped(db: db, jurisdiction: Jurisdiction(root: DivisionCode(township)!))
            var ours: [(HealthWomanRow, CivilDate)] = [], hand: [String] = []
            let (o, q) = try await RightsBench.timed(runs: runs, warmups: warmups) {
                ours = try await scoped.healthDue(unit: township, programme: .cervical, today: today, s)
                let page = Array(ours.prefix(100))
                let names = try await scoped.unitNames(page.map(\.0.unitCode))
                let dtos = page.map {
                    HealthDueDTO($0.0, dueSince: $0.1, programme: .cervical, villageName: names[$0.0.unitCode] ?? "", today: today)
                }
                _ = try JSONEncoder().encode(dtos)
            } sql: {
                hand = try await dueByHand(db, unit: DivisionCode(township)!, s)
            }
            let mine = Set(ours.map(\.0.personId.uuid.uuidString)), theirs = Set(hand)
            let differences =
                mine == theirs && ours.count == hand.count
                ? [] : ["due ours=\(ours.count) sql=\(hand.count) only ours=\(mine.subtracting(theirs).count)"]
            scopes.append(
                Scope(
                    name: "due", unit: township, agrees: differences.isEmpty, ours: o, sql: q, summary: "due=\(ours.count)",
                    differences: differences))
        }
        for (name, unit) in [("city", city), ("province", province)] {
            let code = DivisionCode(unit)!
            let scoped = Scoped(db: db, jurisdiction: Jurisdiction(root: code))
            var ours: HealthIndicatorsDTO? = nil, hand: [String: String] = [:]
            let (o, q) = try await RightsBench.timed(runs: runs, warmups: warmups) {
                ours = try await scoped.healthIndicators(unit: code.value, year: today.year, today: today, s)
                _ = try JSONEncoder().encode(ours!)
            } sql: {
                hand = try await indicatorsByHand(db, unit: code, s)
            }
            let mine = figures(ours!)
            let differences = Set(mine.keys).union(hand.keys).sorted().filter { mine[$0] != hand[$0] }
                .map { "\($0) ours=\(mine[$0] ?? "-") sql=\(hand[$0] ?? "-")" }
            let headline = ["cervical.coverage", "breast.coverage", "cervical.abnormalRate", "cervical.followupCompletion"]
            scopes.append(
                Scope(
                    name: name, unit: code.value, agrees: differences.isEmpty, ours: o, sql: q,
                    summary: (headline.map { "\($0)=\(mine[$0] ?? "-")" } + ["rows=\(ours!.rows.count)"]).joined(separator: " "),
                    differences: differences))
        }
        return Figures(
            women: try await Person.query(on: db).count(), screenings: try await HealthScreening.query(on: db).count(),
            followups: try await HealthFollowup.query(on: db).count(), villages: villages.count, divisionsSeconds: divisionsSeconds,
            loadSeconds: loadSeconds, scopes: scopes)
    }

    /// Every numerator and denominator the endpoint answers, for the unit and each row, by a name both sides share.
    static func figures(_ d: HealthIndicatorsDTO) -> [String: String] {
        var out: [String: String] = [:]
        func put(_ prefix: String, _ items: [HealthIndicator]) {
            for i in items {
                out[prefix + i.programme.rawValue + "." + i.code.rawValue] = "\(i.numerator)/\(i.denominator)"
            }
        }
        put("", d.items)
        for r in d.rows where r.items.contains(where: { $0.denominator > 0 || $0.numerator > 0 }) {
            put("row." + r.unitCode + ".", r.items)
        }
        return out
    }

    /// The due list as a reader who knows the tables would write it: the women of the unit's villages of eligible age,
    /// rural, alive, with no cytology in the interval and no HPV test in its own (the bounds are the settings' day
    /// arithmetic, done once here).
    static func dueByHand(_ db: any Database, unit: DivisionCode, _ s: HealthSettings) async throws -> [String] {
        let born = HealthDueRules.eligibleBirthDays(on: today, s)
        let c = HealthDueRules.coveredSince(.cervical, on: today, s)
        let rows = try await db.sql.raw(
            """
            SELECT p.id AS id FROM people p LEFT JOIN health_histories x ON x.person_id = p.id
            WHERE p.sex = \(bind: Sex.female.rawValue)
            AND p.unit_code >= \(bind: unit.range.lowerBound) AND p.unit_code <= \(bind: unit.range.upperBound)
            AND p.birth_date >= \(bind: born.lowerBound.iso) AND p.birth_date <= \(bind: born.upperBound.iso)
            AND p.vital_status = \(bind: VitalStatus.alive.rawValue) AND p.hukou = \(bind: Hukou.rural.rawValue)
            AND (x.last_cytology IS NULL OR x.last_cytology < \(bind: c.cytology.iso))
            AND (x.last_hpv IS NULL OR x.last_hpv < \(bind: c.hpv.iso))
            """
        ).all()
        return try rows.map { try $0.decode(column: "id", as: UUID.self).uuidString }
    }

    /// The indicators in one statement: each table's counts of the year grouped by the unit one level down and the
    /// programme, side by side (targets, screens and women screened, abnormal follow-ups with those past their first
    /// due day and concluded, diagnoses by class, eligible women and those covered); the totals are the rows added up.
    static func indicatorsByHand(_ db: any Database, unit: DivisionCode, _ s: HealthSettings) async throws -> [String: String] {
        let digits = unit.level == .village ? 12 : DivisionLevel(rawValue: unit.level.rawValue + 1)!.significantDigits
        let part = SQLRaw("substr(unit_code, 1, \(digits))"), ppart = SQLRaw("substr(p.unit_code, 1, \(digits))")
        let (lo, hi) = (unit.range.lowerBound, unit.range.upperBound)
        let (from, to) = ("\(today.year)-01-01", "\(today.year)-12-31")
        let born = HealthDueRules.eligibleBirthDays(on: today, s)
        let c = HealthDueRules.coveredSince(.cervical, on: today, s), b = HealthDueRules.coveredSince(.breast, on: today, s).cytology
        let e = s.earlyDiagnosis
        let early = { (sets: [CancerStage]) in CancerStage.allCases.filter { st in sets.contains(where: st.isWithin) }.map(\.rawValue) }
        let precancers = e.cervicalDiagnoses.map(\.rawValue) + e.breastDiagnoses.map(\.rawValue)
        let cervicalEarly = early(e.cervicalStages), breastEarly = early(e.breastStages)
        let concluded = HealthFollowupStatus.allCases.filter { HealthIndicators.isConcluded($0, hasDiagnosis: false) }.map(\.rawValue)
        let cancer = CervicalDiagnosis.cancer.rawValue
        let rows = try await db.sql.raw(
            """
            SELECT 't' AS k, \(part) AS u, programme AS p, CAST(SUM(target) AS BIGINT) AS n, 0 AS m FROM health_campaigns
            WHERE year = \(bind: today.year) AND unit_code >= \(bind: lo) AND unit_code <= \(bind: hi) GROUP BY \(part), programme
            UNION ALL SELECT 's', \(part), programme, COUNT(*), COUNT(DISTINCT person_id) FROM health_screenings
            WHERE unit_code >= \(bind: lo) AND unit_code <= \(bind: hi) AND date >= \(bind: from) AND date <= \(bind: to)
            GROUP BY \(part), programme
            UNION ALL SELECT 'a', \(part), programme, COUNT(*),
            SUM(CASE WHEN first_due_on < \(bind: today.iso) THEN 1 ELSE 0 END) FROM health_followups
            WHERE unit_code >= \(bind: lo) AND unit_code <= \(bind: hi) AND opened_on >= \(bind: from) AND opened_on <= \(bind: to)
            GROUP BY \(part), programme
            UNION ALL SELECT 'c', \(part), programme, COUNT(*), 0 FROM health_followups
            WHERE unit_code >= \(bind: lo) AND unit_code <= \(bind: hi) AND opened_on >= \(bind: from) AND opened_on <= \(bind: to)
            AND first_due_on < \(bind: today.iso)
            AND (status IN (\(binds: concluded)) OR (status = \(bind: HealthFollowupStatus.open.rawValue) AND diagnosis IS NOT NULL))
            GROUP BY \(part), programme
            UNION ALL SELECT 'd', substr(f.unit_code, 1, \(unsafeRaw: String(digits))), f.programme,
            SUM(CASE WHEN st.result IN (\(binds: precancers)) THEN 1 ELSE 0 END)
            + 1000000 * SUM(CASE WHEN st.result = \(bind: cancer) THEN 1 ELSE 0 END),
            SUM(CASE WHEN st.result = \(bind: cancer)
            AND ((f.programme = \(bind: HealthProgramme.cervical.rawValue) AND st.stage IN (\(binds: cervicalEarly)))
            OR (f.programme = \(bind: HealthProgramme.breast.rawValue) AND st.stage IN (\(binds: breastEarly)))) THEN 1 ELSE 0 END)
            FROM health_steps st JOIN health_followups f ON f.id = st.followup_id
            WHERE st.step = \(bind: FollowupStep.diagnosis.rawValue) AND st.date >= \(bind: from) AND st.date <= \(bind: to)
            AND f.unit_code >= \(bind: lo) AND f.unit_code <= \(bind: hi)
            GROUP BY substr(f.unit_code, 1, \(unsafeRaw: String(digits))), f.programme
            UNION ALL SELECT 'e', \(ppart), '', COUNT(*),
            SUM(CASE WHEN x.last_cytology >= \(bind: c.cytology.iso) OR x.last_hpv >= \(bind: c.hpv.iso) THEN 1 ELSE 0 END)
            + 10000000 * SUM(CASE WHEN x.last_breast >= \(bind: b.iso) THEN 1 ELSE 0 END)
            FROM people p LEFT JOIN health_histories x ON x.person_id = p.id
            WHERE p.sex = \(bind: Sex.female.rawValue) AND p.unit_code >= \(bind: lo) AND p.unit_code <= \(bind: hi)
            AND p.birth_date >= \(bind: born.lowerBound.iso) AND p.birth_date <= \(bind: born.upperBound.iso)
            AND p.vital_status = \(bind: VitalStatus.alive.rawValue) AND p.hukou = \(bind: Hukou.rural.rawValue) GROUP BY \(ppart)
            """
        ).all()
        var byUnit: [String: HealthFigures] = [:]
        for r in rows {
            let k = try r.decode(column: "k", as: String.self), p = try r.decode(column: "p", as: String.self)
            let u = DivisionCode(try r.decode(column: "u", as: String.self))!.value
            let n = Int(try r.decode(column: "n", as: Int64?.self) ?? 0), m = Int(try r.decode(column: "m", as: Int64?.self) ?? 0)
            var f = byUnit[u] ?? HealthFigures()
            let programmes = HealthCampaignProgramme(rawValue: p)?.programmes ?? []
            switch k {
            case "t": for q in programmes { f[q].target += n }
            case "s": for q in programmes { (f[q].screens, f[q].screened) = (f[q].screens + n, f[q].screened + m) }
            case "a": for q in programmes { (f[q].abnormal, f[q].followupsDue) = (f[q].abnormal + n, f[q].followupsDue + m) }
            case "c": for q in programmes { f[q].followupsConcluded += n }
            case "d":
                for q in programmes {
                    f[q].precancers += n % 1_000_000
                    f[q].cancers += n / 1_000_000
                    f[q].earlyCancers += m
                }
            default:
                for q in HealthProgramme.allCases {
                    f[q].eligible += n
                    f[q].covered += q == .cervical ? m % 10_000_000 : m / 10_000_000
                }
            }
            byUnit[u] = f
        }
        var out: [String: String] = [:]
        func put(_ prefix: String, _ items: [HealthIndicator]) {
            for i in items { out[prefix + i.programme.rawValue + "." + i.code.rawValue] = "\(i.numerator)/\(i.denominator)" }
        }
        put("", byUnit.values.reduce(HealthFigures(), +).items)
        for (u, f) in byUnit where f.items.contains(where: { $0.denominator > 0 || $0.numerator > 0 }) { put("row." + u + ".", f.items) }
        return out
    }

    /// Women as people rows (no women-registry entry: the programme reads people), each with a birth day of 1950–1995,
    /// mostly rural and alive; screens on random women of the later-born, each programme by its own mix of methods
    /// and results, an abnormal one (about 4 %) followed up to a status with its dates; the histories from the screens.
    /// A fixture written straight to the tables in batches: no audit, no outbox.
    static func load(_ db: any Database, women target: Int, screenings: Int, seed: UInt64, villages: [String], at: Date) async throws {
        var rng = SplitMix64(seed: seed)
        let cityVillages = villages.filter { $0.hasPrefix(city) }
        let first = CivilDate(year: 1950, month: 1, day: 1)!.dayNumber, last = CivilDate(year: 1995, month: 12, day: 31)!.dayNumber
        var people: [(UUID, String, CivilDate)] = []
        people.reserveCapacity(target)
        let pcols = [
            "id", "unit_code", "name", "sex", "birth_date", "hukou", "health", "vital_status", "initials", "created_at", "updated_at",
        ]
        var done = 0
        while done < target {
            var rows: [[any Encodable & Sendable]] = []
            for i in 0..<min(20_000, target - done) {
                let inCity = Int.random(in: 0..<100, using: &rng) < cityShare
                let village = inCity ? cityVillages.randomElement(using: &rng)! : villages.randomElement(using: &rng)!
                let born = CivilDate(dayNumber: Int.random(in: first...last, using: &rng))
                let id = TimeOrderedID.next()
                people.append((id, village, born))
                let rural = Int.random(in: 0..<100, using: &rng) < 92, alive = Int.random(in: 0..<100, using: &rng) < 99
                rows.append([
                    id, village, "\u{5987}\u{5973}\(done + i)", Sex.female.rawValue, born.iso, (rural ? Hukou.rural : .urban).rawValue,
                    Health.healthy.rawValue, (alive ? VitalStatus.alive : .deceased).rawValue, "fn", at, at,
                ])
            }
            try await insert(db, Person.schema, pcols, rows)
            done += rows.count
        }
        var history: [UUID: (String?, String?, String?)] = [:]
        let scols = [
            "id", "person_id", "unit_code", "programme", "date", "site", "gynaec_exam", "method", "cytology", "hpv", "clinical_exam",
            "ultrasound", "abnormal", "created_by", "created_at",
        ]
        let fcols = [
            "id", "screening_id", "person_id", "unit_code", "programme", "status", "next_steps", "due_on", "since", "opened_on",
            "first_due_on", "ended_on", "diagnosis", "stage", "attempts", "created_at", "updated_at",
        ]
        let stcols = ["id", "followup_id", "step", "date", "result", "stage", "by_name", "created_at"]
        let span = today.dayNumber - firstDay.dayNumber + 1
        done = 0
        while done < screenings {
            var rows: [[any Encodable & Sendable]] = [], followups: [[any Encodable & Sendable]] = [],
                steps: [[any Encodable & Sendable]] = []
            for _ in 0..<min(20_000, screenings - done) {
                let (person, unit, born) = people[Int.random(in: 0..<people.count, using: &rng)]
                var date = firstDay.adding(days: Int.random(in: 0..<span, using: &rng))
                if date < born.anniversary(35) { date = born.anniversary(35) }
                guard date <= today else { continue }
                let cervical = Int.random(in: 0..<100, using: &rng) < 55
                let abnormal = Int.random(in: 0..<100, using: &rng) < 4
                let id = TimeOrderedID.next()
                var h = history[person] ?? (nil, nil, nil)
                if cervical {
                    let method = [CervicalMethod.cytology, .cytology, .hpv, .cotest][Int.random(in: 0..<4, using: &rng)]
                    let cyto: String? = method.takesCytology ? (abnormal ? CytologyResult.ascUS : .nilm).rawValue : nil
                    let hpv: String? = method.takesHPV ? (abnormal && cyto == nil ? HPVResult.hpv16_18 : .negative).rawValue : nil
                    if method.takesCytology { h.0 = max(h.0 ?? "", date.iso) }
                    if method.takesHPV { h.1 = max(h.1 ?? "", date.iso) }
                    rows.append([
                        id, person, unit, HealthProgramme.cervical.rawValue, date.iso, "\u{536B}\u{751F}\u{9662}",
                        HealthExamFinding.normal.rawValue,
                        method.rawValue, cyto, hpv, nil as String?, nil as String?, abnormal, "bench", at,
                    ])
                } else {
                    h.2 = max(h.2 ?? "", date.iso)
                    rows.append([
                        id, person, unit, HealthProgramme.breast.rawValue, date.iso, "\u{536B}\u{751F}\u{9662}", nil as String?,
                        nil as String?, nil as String?,
                        nil as String?, HealthExamFinding.normal.rawValue, (abnormal ? BiRads.birads4 : .birads2).rawValue, abnormal,
                        "bench", at,
                    ])
                }
                history[person] = h
                guard abnormal else { continue }
                let programme: HealthProgramme = cervical ? .cervical : .breast
                let fid = TimeOrderedID.next(), due = date.adding(days: 30)
                let roll = Int.random(in: 0..<100, using: &rng)
                let status: HealthFollowupStatus =
                    roll < 40 ? .open : roll < 60 ? .closedNormal : roll < 85 ? .diagnosed : roll < 95 ? .treated : .lost
                var diagnosis: String? = nil, stage: String? = nil
                let dx = date.adding(days: Int.random(in: 20...90, using: &rng))
                if (status == .diagnosed || status == .treated || (status == .open && roll < 10)) && dx <= today {
                    let pick = Int.random(in: 0..<10, using: &rng)
                    if cervical {
                        diagnosis =
                            [CervicalDiagnosis.cin1, .cin2, .cin2, .cin3, .ais, .cancer, .cancer, .normal, .cin1, .cin3][pick].rawValue
                    } else {
                        diagnosis =
                            [
                                BreastDiagnosis.benign, .benign, .dcis, .cancer, .cancer, .atypicalHyperplasia, .benign, .dcis, .cancer,
                                .benign,
                            ][
                                pick
                            ].rawValue
                    }
                    if diagnosis == CervicalDiagnosis.cancer.rawValue {
                        stage = [CancerStage.ia, .ib, .i, .iia, .iii][Int.random(in: 0..<5, using: &rng)].rawValue
                    }
                    steps.append([TimeOrderedID.next(), fid, FollowupStep.diagnosis.rawValue, dx.iso, diagnosis, stage, "bench", at])
                }
                let ended = status == .open ? nil : (diagnosis != nil ? dx : date.adding(days: 40)).iso
                followups.append([
                    fid, id, person, unit, programme.rawValue, status.rawValue,
                    status == .open ? (cervical ? FollowupStep.colposcopy : .biopsy).rawValue : "", status == .open ? due.iso : nil,
                    date.iso, date.iso, due.iso, ended, diagnosis, stage, 0, at, at,
                ])
            }
            try await insert(db, HealthScreening.schema, scols, rows)
            try await insert(db, HealthFollowup.schema, fcols, followups)
            try await insert(db, HealthStepRow.schema, stcols, steps)
            done += rows.count
        }
        let units = Dictionary(people.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        let hrows: [[any Encodable & Sendable]] = history.map { [$0.key, units[$0.key]!, $0.value.0, $0.value.1, $0.value.2] }
        try await insert(db, HealthHistoryRow.schema, ["person_id", "unit_code", "last_cytology", "last_hpv", "last_breast"], hrows)
        // A campaign of 2026 in every township of the city, and in one township in ten elsewhere.
        var crows: [[any Encodable & Sendable]] = []
        let townships = Set(villages.map { String($0.prefix(9)) + "000" }).sorted()
        for (i, t) in townships.enumerated() where t.hasPrefix(city) || i % 10 == 0 {
            crows.append([
                TimeOrderedID.next(), today.year, t, HealthCampaignProgramme.both.rawValue, 300 + i % 200, "[]", "bench", at, at,
            ])
        }
        try await insert(
            db, HealthCampaign.schema,
            ["id", "year", "unit_code", "programme", "target", HealthCampaign().$sitesText.key.description, "created_by", "created_at"]
                + ["updated_at"],
            crows)
    }

    static func insert(_ db: any Database, _ table: String, _ columns: [String], _ rows: [[any Encodable & Sendable]]) async throws {
        guard !rows.isEmpty else { return }
        let per = max(1, 30_000 / columns.count)
        try await db.transaction { tx in
            if tx.sql.dialect.name == "sqlite" { try await tx.sql.raw("PRAGMA cache_size=-1000000").run() }
            for chunk in stride(from: 0, to: rows.count, by: per) {
                var ins = tx.sql.insert(into: table).columns(columns)
                for r in rows[chunk..<min(chunk + per, rows.count)] { ins = ins.values(r.map { SQLBind($0) }) }
                try await ins.run()
            }
        }
    }
}
