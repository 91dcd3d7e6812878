import Fluent
import Foundation
import SQLKit
import Vapor
import GuanaiCore

/// `bench/rights.sh`: synthetic rights cases across all of Hubei's villages (石首市 denser), over 2025–2026; then the
/// stats of the city and of the province for 2026 as the endpoint computes them against one hand-written aggregate
/// statement over the same table, each timed many times, their figures compared number by number.
public enum RightsBench {
    /// The figures the bench prints for each scope, named as the endpoint's JSON names them.
    enum Headline: String, CaseIterable { case cases, accepted, resolved, followupsDue, followupsOnTime, medianDaysToResolve }

    public struct Timing: Sendable {
        public let median: Double, p95: Double
    }

    public struct Scope: Sendable {
        public let name: String, unit: String, agrees: Bool
        public let ours: Timing, sql: Timing
        /// The figures both sides agree on, or each figure on which they differ.
        public let summary: String, differences: [String]
    }

    public struct Figures: Sendable {
        public let cases: Int, cityCases: Int, villages: Int, divisionsSeconds: Double, loadSeconds: Double
        public let scopes: [Scope]
    }

    /// The bench's day and period: the calendar year 2026, over by then; cases were received from the start of 2025.
    static let today = CivilDate(year: 2026, month: 12, day: 31)!
    static let period = (from: CivilDate(year: 2026, month: 1, day: 1)!, to: today)
    static let firstDay = CivilDate(year: 2025, month: 1, day: 1)!
    static let city = "421081", province = "420000000000"
    /// The city's share of the cases, in percent: its ~300 villages would get about 1 % of a province-wide spread.
    static let cityShare = 10

    public static func run(_ app: Application, cases target: Int, seed: UInt64, runs: Int, warmups: Int) async throws -> Figures {
        let db = app.db
        let t0 = ContinuousClock.now
        _ = try await DivisionLoader.load(app, code: province)
        let divisionsSeconds = StationCoverageBench.seconds(ContinuousClock.now - t0)
        let villages = try await Unit.query(on: db).filter(\.$level == DivisionLevel.village.rawValue).filter(\.$status == .active).all()
            .map(\.code).sorted()
        let t1 = ContinuousClock.now
        if try await RightsCase.query(on: db).count() == 0 {
            try await load(db, cases: target, seed: seed, villages: villages, at: app.now)
        }
        let loadSeconds = StationCoverageBench.seconds(ContinuousClock.now - t1)
        // What the app's start-up and sweep give SQLite, and autovacuum PostgreSQL within a minute of such a load.
        if db.sql.dialect.name == "sqlite" {
            try await DatabaseStatistics.refresh(db)
        } else {
            try await db.sql.raw("VACUUM ANALYZE \(ident: RightsCase.schema)").run()
        }
        var scopes: [Scope] = []
        for (name, unit) in [("city", city), ("province", province)] {
            let code = DivisionCode(unit)!
            let scoped = Scoped(db: db, jurisdiction: Jurisdiction(root: code))
            var ours: RightsStatsDTO? = nil
            var hand: [String: String] = [:]
            let (o, s) = try await timed(runs: runs, warmups: warmups) {
                ours = try await scoped.rightsStats(unit: unit, from: period.from, to: period.to)
                _ = try JSONEncoder().encode(ours!)
            } sql: {
                hand = try await handWritten(db, unit: code)
            }
            let mine = figures(ours!)
            let differences = Set(mine.keys).union(hand.keys).sorted().filter { mine[$0] != hand[$0] }
                .map { "\($0) ours=\(mine[$0] ?? "-") sql=\(hand[$0] ?? "-")" }
            let headline = Headline.allCases.map(\.rawValue)
            scopes.append(
                Scope(
                    name: name, unit: code.value, agrees: differences.isEmpty, ours: o, sql: s,
                    summary: (headline.map { "\($0)=\(mine[$0] ?? "-")" } + ["rows=\(ours!.rows.count)"]).joined(separator: " "),
                    differences: differences))
        }
        let cityRange = DivisionCode(city)!.range
        return Figures(
            cases: try await RightsCase.query(on: db).count(),
            cityCases: try await RightsCase.query(on: db).filter(\.$unitCode >= cityRange.lowerBound)
                .filter(\.$unitCode <= cityRange.upperBound).count(),
            villages: villages.count, divisionsSeconds: divisionsSeconds, loadSeconds: loadSeconds, scopes: scopes)
    }

    /// Both sides in turn, so that whatever else the machine runs weighs on each alike; median and 95th percentile.
    static func timed(
        runs: Int, warmups: Int, ours: () async throws -> Void, sql: () async throws -> Void
    ) async throws -> (Timing, Timing) {
        var a: [Double] = [], b: [Double] = []
        for i in 0..<(warmups + runs) {
            let t0 = ContinuousClock.now
            try await ours()
            let t1 = ContinuousClock.now
            try await sql()
            let t2 = ContinuousClock.now
            guard i >= warmups else { continue }
            a.append(StationCoverageBench.seconds(t1 - t0) * 1000)
            b.append(StationCoverageBench.seconds(t2 - t1) * 1000)
        }
        return (timing(a), timing(b))
    }

    static func timing(_ samples: [Double]) -> Timing {
        let s = samples.sorted()
        let p95 = s[max(0, Int((Double(s.count) * 0.95).rounded(.up)) - 1)]
        return Timing(median: s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2, p95: p95)
    }

    /// Every number the endpoint answers, by a name both sides share.
    static func figures(_ d: RightsStatsDTO) -> [String: String] {
        var out: [String: String] = [
            "cases": String(d.cases), "accepted": String(d.accepted), "resolved": String(d.resolved),
            "resolutionRate": d.resolutionRate ?? "-", "followupsDue": String(d.followupsDue),
            "followupsOnTime": String(d.rows.reduce(0) { $0 + $1.followupsOnTime }), "followupRate": d.followupsOnTime ?? "-",
            "medianDaysToResolve": d.medianDaysToResolve.map { String($0) } ?? "-",
        ]
        for (k, n) in d.byCategory { out["category." + k] = String(n) }
        for (k, n) in d.byChannel { out["channel." + k] = String(n) }
        for r in d.rows {
            let f = RightsFigures(
                cases: r.cases, accepted: r.accepted, resolved: r.resolved, followupsDue: r.followupsDue, followupsOnTime: r.followupsOnTime
            )
            out.merge(row(r.unitCode, f, rate: r.resolutionRate)) { a, _ in a }
        }
        return out
    }

    static func row(_ code: String, _ f: RightsFigures, rate: String?) -> [String: String] {
        let p = "row." + code + "."
        return [
            p + "cases": String(f.cases), p + "accepted": String(f.accepted), p + "resolved": String(f.resolved),
            p + "resolutionRate": rate ?? "-", p + "followupsDue": String(f.followupsDue), p + "followupsOnTime": String(f.followupsOnTime),
        ]
    }

    /// The same figures in one statement, as a reader who knows the table would write it: one pass over the unit's
    /// cases of the period, counted by conditions and grouped by the units one level down; the breakdowns and the
    /// median (the middle one or two of the ranked days, summed) alongside. The totals are the rows added up.
    static func handWritten(_ db: any Database, unit: DivisionCode) async throws -> [String: String] {
        let (f, t) = (period.from.iso, period.to.iso)
        let (lo, hi) = (unit.range.lowerBound, unit.range.upperBound)
        let digits = unit.level == .village ? 12 : DivisionLevel(rawValue: unit.level.rawValue + 1)!.significantDigits
        let agreed = RightsStats.agreements.map(\.rawValue)
        let rows = try await db.sql.raw(
            """
            WITH c AS (
            SELECT substr(unit_code, 1, \(unsafeRaw: String(digits))) AS part, category, channel,
            CASE WHEN received_on >= \(bind: f) AND received_on <= \(bind: t) THEN 1 ELSE 0 END AS rec,
            CASE WHEN accepted_on >= \(bind: f) AND accepted_on <= \(bind: t) THEN 1 ELSE 0 END AS acc,
            CASE WHEN accepted_on >= \(bind: f) AND accepted_on <= \(bind: t) AND outcome_kind IN (\(bind: agreed[0]), \(bind: agreed[1]))
            THEN 1 ELSE 0 END AS res,
            CASE WHEN accepted_on >= \(bind: f) AND accepted_on <= \(bind: t) THEN outcome_days END AS days,
            CASE WHEN followup_due_on >= \(bind: f) AND followup_due_on <= \(bind: t) THEN 1 ELSE 0 END AS due,
            CASE WHEN followup_due_on >= \(bind: f) AND followup_due_on <= \(bind: t) AND first_followup_on <= followup_due_on
            THEN 1 ELSE 0 END AS ok
            FROM rights_cases WHERE unit_code >= \(bind: lo) AND unit_code <= \(bind: hi)
            AND ((received_on >= \(bind: f) AND received_on <= \(bind: t)) OR (accepted_on >= \(bind: f) AND accepted_on <= \(bind: t))
            OR (followup_due_on >= \(bind: f) AND followup_due_on <= \(bind: t))))
            SELECT 'row' AS k, part AS v, CAST(SUM(rec) AS BIGINT) AS a, CAST(SUM(acc) AS BIGINT) AS b, CAST(SUM(res) AS BIGINT) AS d,
            CAST(SUM(due) AS BIGINT) AS e, CAST(SUM(ok) AS BIGINT) AS g FROM c GROUP BY part
            UNION ALL SELECT 'category', category, COUNT(*), 0, 0, 0, 0 FROM c WHERE rec = 1 GROUP BY category
            UNION ALL SELECT 'channel', channel, COUNT(*), 0, 0, 0, 0 FROM c WHERE rec = 1 GROUP BY channel
            UNION ALL SELECT 'median', '', CAST(SUM(days) AS BIGINT), COUNT(*), 0, 0, 0 FROM (
            SELECT days, ROW_NUMBER() OVER (ORDER BY days) AS i, COUNT(*) OVER () AS n FROM c WHERE days IS NOT NULL) m
            WHERE i = (n + 1) / 2 OR i = (n + 2) / 2
            """
        ).all()
        var out: [String: String] = [:]
        var total = RightsFigures()
        for r in rows {
            let (k, v) = (try r.decode(column: "k", as: String.self), try r.decode(column: "v", as: String.self))
            let n = try ["a", "b", "d", "e", "g"].map { Int(try r.decode(column: $0, as: Int64?.self) ?? 0) }
            switch k {
            case "row":
                let fig = RightsFigures(cases: n[0], accepted: n[1], resolved: n[2], followupsDue: n[3], followupsOnTime: n[4])
                total = total + fig
                // A unit with cases of the period only by its 回访 or acceptance has no received row of its own.
                out.merge(row(DivisionCode(v)!.value, fig, rate: fig.resolutionRate)) { a, _ in a }
            case "median": out["medianDaysToResolve"] = n[1] == 0 ? "-" : String(Double(n[0]) / Double(n[1]))
            default: out[k + "." + v] = String(n[0])
            }
        }
        out.merge([
            "cases": String(total.cases), "accepted": String(total.accepted), "resolved": String(total.resolved),
            "resolutionRate": total.resolutionRate ?? "-", "followupsDue": String(total.followupsDue),
            "followupsOnTime": String(total.followupsOnTime), "followupRate": total.followupRate ?? "-",
        ]) { a, _ in a }
        return out
    }

    /// One case's summary row, its dates consistent with its status: only accepted cases have an acceptance day and a
    /// deadline; an outcome comes 3–120 days after acceptance (most within the 30 days aimed at); an agreement's 回访
    /// falls due 30 days after it and was made by then (80 %), late (12 %) or not at all (8 %); a case closes some
    /// days after its last step. Nothing after the bench's day.
    struct Case {
        var status = RightsStatus.received
        var accepted: CivilDate? = nil, deadline: CivilDate? = nil, kind: RightsOutcomeKind? = nil, outcome: CivilDate? = nil
        var due: CivilDate? = nil, firstFollowup: CivilDate? = nil, closed: CivilDate? = nil, check: CivilDate? = nil
        var days: Int? = nil

        init(received: CivilDate, _ rng: inout SplitMix64) {
            let settings = RightsSettings()
            let roll = Int.random(in: 0..<100, using: &rng)
            if roll < 18 {
                status = roll < 10 ? .declined : .referred
                close(after: received, &rng)
                return
            }
            let on = received.adding(days: Int.random(in: 0...10, using: &rng))
            guard on <= today else { return }
            (status, accepted, deadline) = (.accepted, on, on.adding(days: settings.mediationDays))
            let spread = Int.random(in: 0..<100, using: &rng)
            let gap = Int.random(in: spread < 70 ? 3...30 : spread < 95 ? 31...60 : 61...120, using: &rng)
            guard on.adding(days: gap) <= today else {
                if today.dayNumber - on.dayNumber >= 7 || Bool.random(using: &rng) { status = .mediating }
                check = RightsDeadlines.firstCheck(due: deadline!, today: today, settings)
                return
            }
            let o = on.adding(days: gap)
            let k = Int.random(in: 0..<100, using: &rng)
            (outcome, days, kind) = (o, gap, k < 45 ? .writtenAgreement : k < 75 ? .oralAgreement : .failed)
            guard kind != .failed else {
                status = .failed
                close(after: o, &rng)
                return
            }
            let d = o.adding(days: settings.followupDays)
            (status, due) = (.agreed, d)
            let visit = Int.random(in: 0..<100, using: &rng)
            var f: CivilDate? = nil
            if visit < 80 || (d > today && visit < 90) {
                f = o.adding(days: Int.random(in: 5...settings.followupDays, using: &rng))
            } else if visit < 92 {
                f = d.adding(days: Int.random(in: 1...40, using: &rng))
            }
            guard let f, f <= today else {
                check = RightsDeadlines.firstCheck(due: d, today: today, settings)
                return
            }
            (status, firstFollowup) = (.followedUp, f)
            close(after: f, &rng)
        }

        /// Six in ten cases that ended are closed within 30 days; the others wait for it.
        mutating func close(after day: CivilDate, _ rng: inout SplitMix64) {
            let on = day.adding(days: Int.random(in: 0...30, using: &rng))
            guard Int.random(in: 0..<10, using: &rng) < 6, on <= today else { return }
            (status, closed) = (.closed, on)
        }
    }

    static func pick<T>(_ weighted: [(T, Int)], _ rng: inout SplitMix64) -> T {
        var r = Int.random(in: 0..<weighted.reduce(0) { $0 + $1.1 }, using: &rng)
        for (v, w) in weighted {
            if r < w { return v }
            r -= w
        }
        return weighted[0].0
    }

    static let categories: [(RightsCategory, Int)] = [
        (.familyConflict, 30), (.marriage, 20), (.support, 10), (.neighbourDispute, 12), (.landProperty, 15), (.domesticViolence, 8),
        (.other, 5),
    ]
    static let channels: [(RightsChannel, Int)] = [
        (.walkIn, 40), (.hotline12338, 15), (.homeVisit, 15), (.referralPolice, 6), (.referralCourt, 4), (.referralVillage, 10),
        (.neighbourGroup, 7), (.other, 3),
    ]

    /// The summary rows only, written straight to the table in batches: a fixture, not activity (no texts, no
    /// assignments, no audit). Case numbers run per county and year as the intake gives them.
    static func load(_ db: any Database, cases target: Int, seed: UInt64, villages: [String], at: Date) async throws {
        let cityVillages = villages.filter { $0.hasPrefix(city) }
        var rng = SplitMix64(seed: seed)
        var seqs: [String: Int] = [:]
        let columns = [
            "id", "case_no", "county_code", "year", "seq", "unit_code", "channel", "category", "status", "womens_home", "received_on",
            "accepted_on", "deadline_on", "outcome_kind", "outcome_on", "followup_due_on", "closed_on", "check_on", "outcome_days",
            "first_followup_on", "created_by", "created_at", "updated_at",
        ]
        let span = today.dayNumber - firstDay.dayNumber + 1
        var done = 0
        while done < target {
            var rows: [[any Encodable & Sendable]] = []
            for _ in 0..<min(20_000, target - done) {
                let inCity = Int.random(in: 0..<100, using: &rng) < cityShare
                let village = inCity ? cityVillages.randomElement(using: &rng)! : villages.randomElement(using: &rng)!
                let received = firstDay.adding(days: Int.random(in: 0..<span, using: &rng))
                let c = Case(received: received, &rng)
                let county = String(village.prefix(6)) + "000000"
                let seq = seqs["\(county)/\(received.year)", default: 0] + 1
                seqs["\(county)/\(received.year)"] = seq
                rows.append([
                    TimeOrderedID.next(), RightsCaseForm.caseNumber(year: received.year, sequence: seq), county, received.year, seq,
                    village,
                    pick(channels, &rng).rawValue, pick(categories, &rng).rawValue, c.status.rawValue,
                    Int.random(in: 0..<10, using: &rng) < 6, received.iso, c.accepted?.iso, c.deadline?.iso, c.kind?.rawValue,
                    c.outcome?.iso, c.due?.iso, c.closed?.iso, c.check?.iso, c.days, c.firstFollowup?.iso, "bench", at, at,
                ])
            }
            let batch = rows
            try await db.transaction { tx in
                for chunk in stride(from: 0, to: batch.count, by: 1000) {
                    var ins = tx.sql.insert(into: RightsCase.schema).columns(columns)
                    for r in batch[chunk..<min(chunk + 1000, batch.count)] { ins = ins.values(r.map { SQLBind($0) }) }
                    try await ins.run()
                }
            }
            done += batch.count
        }
    }
}
