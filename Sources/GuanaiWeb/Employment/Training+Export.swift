import Fluent
import Vapor
import GuanaiCore
import GuanaiSheets

/// The courses of a unit, and a course's enrolments, as a spreadsheet (`.xlsx`, or `.csv` with `format=csv`). Who may
/// export (`export`) and reads employment records; audited with the row count.
struct TrainingExportController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.coursesExport.components, use: courses)
        r.get(SiteURL.courseEnrolmentsExport(nil).components, use: enrolments)
    }

    func courses(req: Request) async throws -> Response {
        try req.requireBrowse(.employment)
        try req.require(.export)
        let scoped = try req.scoped
        let j = scoped.narrowed(req.query[String.self, at: APIQuery.unit.rawValue] ?? "")
        let (items, _) = try await scoped.courses(unit: j.root?.value, page: 1, per: 10_000)
        let names = try await scoped.unitNames(items.map(\.unitCode))
        let l = req.lang
        let headers = [
            "course.title", "course.topic", "course.organiser", "course.partner", "course.unitCode", "course.from", "course.to",
            "course.place", "course.capacity", "course.enrolled",
        ].map { l.t($0) }
        var rows: [[CellValue]] = []
        for c in items {
            let enrolled = try await scoped.enrolledCount(c)
            rows.append([
                .text(c.title), .text(l.t("course.topic." + c.topic.rawValue)), .text(c.organiser), c.partner.map(CellValue.text) ?? .empty,
                .text(names[c.unitCode] ?? c.unitCode), .text(c.fromOn), .text(c.toOn), c.place.map(CellValue.text) ?? .empty,
                .number(String(c.capacity)), .number(String(enrolled)),
            ])
        }
        let unit = j.root?.value ?? ""
        return try await StationExportController.send(
            req, title: l.t("courses.title"), file: "courses-\(unit)", headers: headers, rows: rows,
            audit: AuditEvent(AuditAction.export, .employment, unit, unit: unit, detail: ["rows": String(rows.count)]))
    }

    func enrolments(req: Request) async throws -> Response {
        try req.requireBrowse(.employment)
        try req.require(.export)
        guard let c = try await req.scoped.course(req.parameters.get("id")) else { throw Abort(.notFound) }
        let scoped = try req.scoped
        let all = try await TrainingAPIController.dtos(c, try await scoped.trainingEnrolments(c), scoped)
        let units = try await scoped.unitNames(all.map(\.unitCode))
        let l = req.lang
        let headers = [
            "course.student", "course.unitCode", "course.stageLabel", "course.presentDays", "course.heldDays", "course.certificateNo",
            "course.completedOn", "course.followup.month3", "course.followup.month6",
        ].map { l.t($0) }
        let rows: [[CellValue]] = all.map { e in
            func outcome(_ m: Int) -> CellValue {
                e.followups.first { $0.month == m }.map { .text(l.t("followup.outcome." + $0.outcome)) } ?? .empty
            }
            return [
                .text(e.name), .text(units[e.unitCode] ?? e.unitCode), .text(l.t("course.stage." + e.stage)),
                .number(String(e.presentDays)), .number(String(e.heldDays)), e.certificateNo.map(CellValue.text) ?? .empty,
                e.completedOn.map(CellValue.text) ?? .empty, outcome(3), outcome(6),
            ]
        }
        return try await StationExportController.send(
            req, title: c.title, file: "course-\(c.recordID)", headers: headers, rows: rows,
            audit: AuditEvent(AuditAction.export, c.recordID, unit: c.unitCode, detail: ["rows": String(rows.count)]))
    }
}
