import Fluent
import Vapor
import GuanaiCore
import GuanaiSheets

/// The loans of the jurisdiction (or of `unit`), one row each, as a spreadsheet (`.xlsx`, or `.csv` with
/// `format=csv`). Who may export (`export`) and reads employment; audited. No ID numbers: the name and the village say
/// whose loan it is, and a list taken away is a list that can be lost.
struct LoanExportController {
    func register(_ r: any RoutesBuilder) {
        r.get(LoanPagesController.components(LoanURL.export), use: loans)
    }

    func loans(req: Request) async throws -> Response {
        try req.requireBrowse(.employment)
        try req.require(.export)
        let scoped = try req.scoped
        let unit = try DonationAPIController.summaryUnit(req)
        let (items, _) = try await scoped.loans(unit: unit, status: nil, page: 1, per: 100_000)
        let names = try await LoanQueries.borrowerNames(items, on: scoped.db)
        let units = try await scoped.unitNames(items.map(\.unitCode))
        let l = req.lang
        let headers = [
            "loans.field.personId", "loans.field.unitCode", "loans.field.kind", "loans.field.project", "loans.field.amount",
            "loans.field.termMonths", "loans.field.status", "loans.field.appliedOn", "loans.approved", "loans.field.rateBP",
            "loans.disbursed", "loans.disbursedOn", "loans.outstanding", "loans.overdue",
        ].map { l.t($0) }
        func money(_ fen: Int64?) -> CellValue { fen.map { CellValue.number(Yuan(fen: $0).description) } ?? .empty }
        let rows: [[CellValue]] = items.map { x in
            [
                .text(names[x.id!] ?? ""), .text(units[x.unitCode] ?? x.unitCode), .text(l.t("loans.kind." + x.kind.rawValue)),
                .text(x.project), money(x.amountFen), .number(String(x.termMonths)), .text(l.t("loans.status." + x.status.rawValue)),
                .text(x.appliedOn), money(x.approvedFen), x.rateBP.map { CellValue.number(String($0)) } ?? .empty, money(x.disbursedFen),
                x.disbursedOn.map(CellValue.text) ?? .empty, money(x.disbursedOn == nil ? nil : x.outstandingFen),
                .text(x.overdue ? l.t("loans.overdue") : ""),
            ]
        }
        return try await StationExportController.send(
            req, title: l.t("loans.title"), file: "loans-\(unit)", headers: headers, rows: rows,
            audit: AuditEvent(
                .export, .employment, unit, unit: unit, detail: ["record": IntakeKind.loans.rawValue, "rows": String(rows.count)]))
    }
}
