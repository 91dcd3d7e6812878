import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// The indicators' answer (item 6): the unit's five figures per programme, and the same for each unit one level down.
struct HealthIndicatorsDTO: Content {
    struct Row: Content { let unitCode: String, name: String, items: [HealthIndicator] }
    let unit: String, name: String, year: Int
    let items: [HealthIndicator]
    let rows: [Row]
}

extension HealthIndicator: Content {}

extension Scoped {
    /// Counts per village (a campaign's target under its township) and programme for `year`, read on `today`: the
    /// screens, women and diagnoses of the year, the women eligible today and those covered, the abnormal screens of
    /// the year with their follow-ups. Core sums and divides.
    func healthFigures(_ j: Jurisdiction, year: Int, today: CivilDate, _ s: HealthSettings) async throws -> [String: HealthFigures] {
        let r = j.range
        let (from, to) = (String(format: "%04d-01-01", year), String(format: "%04d-12-31", year))
        var out: [String: HealthFigures] = [:]
        func bump(_ unit: String, _ p: HealthProgramme, _ change: (inout HealthProgrammeFigures) -> Void) {
            var f = out[unit] ?? HealthFigures()
            switch p {
            case .cervical: change(&f.cervical)
            case .breast: change(&f.breast)
            }
            out[unit] = f
        }
        for c in try await HealthCampaign.query(on: db).filter(\.$year == year).filter(\.$unitCode >= r.lowerBound)
            .filter(\.$unitCode <= r.upperBound).all()
        {
            for p in c.programme.programmes { bump(c.unitCode, p) { $0.target += c.target } }
        }
        let part = SQLRaw("substr(unit_code, 1, \(j.childDigits))")
        let screens = try await db.sql.select().column(part, as: "unit_code").column("programme")
            .column(SQLRaw("COUNT(*)"), as: "screens").column(SQLRaw("COUNT(DISTINCT person_id)"), as: "people")
            .from(HealthScreening.schema).where("unit_code", .greaterThanOrEqual, r.lowerBound).where(
                "unit_code", .lessThanOrEqual, r.upperBound
            )
            .where("date", .greaterThanOrEqual, from).where("date", .lessThanOrEqual, to).groupBy(part).groupBy("programme").all()
        for row in screens {
            guard let unit = (try? row.decode(column: "unit_code", as: String.self)).flatMap(DivisionCode.init)?.value,
                let p = (try? row.decode(column: "programme", as: String.self)).flatMap(HealthProgramme.init(rawValue:))
            else { continue }
            let n = (try? row.decode(column: "screens", as: Int.self)) ?? 0, w = (try? row.decode(column: "people", as: Int.self)) ?? 0
            bump(unit, p) {
                $0.screens += n
                $0.screened += w
            }
        }
        for f in try await HealthFollowup.query(on: db).filter(\.$unitCode >= r.lowerBound).filter(\.$unitCode <= r.upperBound)
            .filter(\.$openedOn >= from).filter(\.$openedOn <= to).all()
        {
            let firstDue = CivilDate(iso: f.firstDueOn) ?? today
            bump(f.unitCode, f.programme) {
                $0.addAbnormal(
                    firstDueOn: firstDue, concluded: HealthIndicators.isConcluded(f.status, hasDiagnosis: f.diagnosis != nil), asOf: today)
            }
        }
        for (f, step) in try await diagnoses(r, from: from, to: to) {
            guard let token = step.result, let result = HealthStepResult(step: .diagnosis, programme: f.programme, token: token) else {
                continue
            }
            bump(f.unitCode, f.programme) { $0.add(HealthIndicators.diagnosisClass(result, stage: step.stage, s.earlyDiagnosis)) }
        }
        for (unit, n) in try await healthCoverage(j, today: today, s, digits: j.childDigits) {
            bump(unit, .cervical) {
                $0.eligible += n.eligible
                $0.covered += n.cervical
            }
            bump(unit, .breast) {
                $0.eligible += n.eligible
                $0.covered += n.breast
            }
        }
        return out
    }

    /// The diagnosis steps recorded in the period, with their follow-ups.
    func diagnoses(_ r: ClosedRange<String>, from: String, to: String) async throws -> [(HealthFollowup, HealthStepRow)] {
        let steps = try await HealthStepRow.query(on: db).filter(\.$step == .diagnosis).filter(\.$date >= from).filter(\.$date <= to).all()
        var followups: [UUID: HealthFollowup] = [:]
        for chunk in Array(Set(steps.map(\.followupID))).chunked(500) {
            for f in try await HealthFollowup.query(on: db).filter(\.$id ~~ Array(chunk)).filter(\.$unitCode >= r.lowerBound)
                .filter(\.$unitCode <= r.upperBound).all()
            {
                followups[f.id!] = f
            }
        }
        return steps.compactMap { st in followups[st.followupID].map { ($0, st) } }
    }

    /// The answer for `unit` (within the jurisdiction, else its own) and `year`.
    func healthIndicators(unit: String?, year: Int, today: CivilDate, _ s: HealthSettings) async throws -> HealthIndicatorsDTO {
        let j = unit.map(narrowed) ?? jurisdiction
        let root = j.root ?? DivisionCode("421081000000")!
        let figures = try await healthFigures(j, year: year, today: today, s)
        let total = figures.values.reduce(HealthFigures(), +)
        let rows = HealthIndicators.rows(figures.filter { $0.key != root.value }, under: root)
        let names = try await unitNames(rows.map(\.code) + [root.value])
        return HealthIndicatorsDTO(
            unit: root.value, name: names[root.value] ?? root.value, year: year, items: total.items,
            rows: rows.map { .init(unitCode: $0.code, name: names[$0.code] ?? $0.code, items: $0.items) })
    }
}
