import Fluent
import Vapor
import GuanaiCore
import GuanaiSheets

/// The case summaries of the jurisdiction (or of `unit`, optionally of one `status`) as a spreadsheet (`.xlsx`, or
/// `.csv` with `format=csv`): the list's columns and the outcome's kind and days, never a party, a word of the case or
/// a reason. Who may export (`export`) and reads rights records; audited.
struct RightsExportController {
    func register(_ r: any RoutesBuilder) {
        r.get(RightsPagesController.components(RightsURL.export), use: cases)
    }

    func cases(req: Request) async throws -> Response {
        try req.requireBrowse(.rights)
        try req.require(.export)
        let unit = try DonationAPIController.summaryUnit(req)
        let status = req.query[String.self, at: "status"].flatMap(RightsStatus.init(rawValue:))
        let (items, _) = try await req.scoped.rightsCases(unit: unit, status: status, page: 1, per: 100_000)
        let summaries = try await RightsAPIController.summaries(items, req)
        let l = req.lang
        let headers =
            [
                "caseNo", "villageCode", "category", "channel", "status", "womensHome", "receivedOn", "acceptedOn", "deadlineOn", "outcome",
                "outcomeOn", "followupDueOn", "closedOn", "assigned",
            ].map { l.t("rp.field." + $0) }
        func day(_ s: String?) -> CellValue { s.map(CellValue.text) ?? .empty }
        let rows: [[CellValue]] = summaries.map { s in
            [
                .text(s.caseNo), .text(s.villageName), .text(l.t("rp.category." + s.category)), .text(l.t("rp.channel." + s.channel)),
                .text(l.t("rp.status." + s.status)), .text(s.womensHome ? l.t("rp.yes") : ""), .text(s.receivedOn), day(s.acceptedOn),
                day(s.deadlineOn), s.outcomeKind.map { CellValue.text(l.t("rp.outcome." + $0)) } ?? .empty, day(s.outcomeOn),
                day(s.followupDueOn), day(s.closedOn), .text(RightsPageViews.staff(l, s)),
            ]
        }
        return try await StationExportController.send(
            req, title: l.t("rp.title"), file: "rights-\(unit)", headers: headers, rows: rows,
            audit: AuditEvent(
                .export, .rights, unit, unit: unit, detail: ["record": RecordKind.rights.rawValue, "rows": String(rows.count)]))
    }
}
