import Fluent
import Vapor
import GuanaiCore
import GuanaiSheets

/// Fairs with their counts, and one fair's attendees and hires, as a spreadsheet (`.xlsx`, or `.csv` with
/// `format=csv`). Who may export (`export`) and reads employment; audited. ID numbers stay masked: a list taken away
/// is a list that can be lost.
struct JobFairExportController {
    func register(_ r: any RoutesBuilder) {
        r.get(JobFairPagesController.components(FairURL.export), use: fairs)
        r.get(JobFairPagesController.components(FairURL.peopleExport(nil)), use: people)
    }

    func fairs(req: Request) async throws -> Response {
        try req.requireBrowse(.employment)
        try req.require(.export)
        let scoped = try req.scoped
        let j = scoped.narrowed(req.query[String.self, at: APIQuery.unit.rawValue] ?? "")
        let (items, _) = try await scoped.jobFairs(unit: j.root?.value, page: 1, per: 10_000)
        let dtos = try await JobFairAPIController.dtos(items, scoped)
        let units = try await scoped.unitNames(items.map(\.unitCode))
        let l = req.lang
        let headers = [
            "fairs.field.name", "fairs.field.date", "fairs.field.unitCode", "fairs.field.place", "fairs.employers", "fairs.postings",
            "fairs.attendees", "fairs.intents", "fairs.hires",
        ].map { l.t($0) }
        let rows: [[CellValue]] = dtos.map { f in
            [.text(f.name), .text(f.date), .text(units[f.unitCode] ?? f.unitCode), f.place.map(CellValue.text) ?? .empty]
                + [f.employers, f.postings, f.attendees, f.intents, f.hires].map { .number(String($0)) }
        }
        let unit = j.root?.value ?? ""
        return try await StationExportController.send(
            req, title: l.t("fairs.title"), file: "job-fairs-\(unit)", headers: headers, rows: rows,
            audit: AuditEvent(.export, .employment, unit, unit: unit, detail: ["record": "job_fair", "rows": String(rows.count)]))
    }

    /// One row per attendee, with what she wanted and where she was hired, and the follow-up's answer.
    func people(req: Request) async throws -> Response {
        let fair = try await JobFairAPIController.load(req)
        try req.require(.export)
        let scoped = try req.scoped
        let d = try await JobFairAPIController.detail(fair, scoped)
        let people = try await scoped.fairPeople(d.attendees.compactMap { UUID(uuidString: $0.personId) })
        let titles = Dictionary(uniqueKeysWithValues: d.postings.map { ($0.id, $0.title) })
        let l = req.lang
        let headers = [
            "fairs.field.personId", "fairs.searchWoman", "fairs.intents", "fairs.hires", "fairs.followup",
        ].map { l.t($0) }
        let rows: [[CellValue]] = d.attendees.map { a in
            let p = UUID(uuidString: a.personId).flatMap { people[$0] }
            let wants = d.intents.filter { $0.personId == a.personId }.compactMap { $0.postingId.flatMap { titles[$0] } }
            let hires = d.hires.filter { $0.personId == a.personId }
            return [
                .text(p?.name ?? l.t("fairs.unnamed")), p?.idNumber.map { .text(Masking.idNumber($0)) } ?? .empty,
                .text(wants.joined(separator: l.t("list.sep"))),
                .text(hires.compactMap { $0.postingId.flatMap { titles[$0] } }.joined(separator: l.t("list.sep"))),
                .text(hires.compactMap { $0.followup.map { l.t("followup.outcome." + $0.outcome) } }.joined(separator: l.t("list.sep"))),
            ]
        }
        return try await StationExportController.send(
            req, title: fair.name, file: "job-fair-\(fair.date)", headers: headers, rows: rows,
            audit: AuditEvent(
                .export, .employment, fair.id!.uuidString, unit: fair.unitCode,
                detail: ["record": "job_fair_people", "rows": String(rows.count)]))
    }
}
