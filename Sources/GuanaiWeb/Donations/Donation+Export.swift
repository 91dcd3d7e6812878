import Fluent
import Vapor
import GuanaiCore
import GuanaiSheets

/// The donations of a unit with their allocations, as a spreadsheet (`.xlsx`, or `.csv` with `format=csv`) for the
/// books: one row an allocation, the donation's columns repeated; a donation with none has one row. Amounts are plain
/// decimal numbers (a spreadsheet groups them itself). Who may export (`export`) and reads donations; audited.
struct DonationExportController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.donationsExport.components, use: donations)
    }

    func donations(req: Request) async throws -> Response {
        try req.requireBrowse(.donation)
        try req.require(.export)
        let scoped = try req.scoped
        let j = scoped.narrowed(req.query[String.self, at: APIQuery.unit.rawValue] ?? "")
        let (items, _) = try await scoped.donations(unit: j.root?.value, page: 1, per: 10_000)
        let donors = try await scoped.donorsByID(items.map(\.donorID))
        let allocations = try await scoped.allocations(of: items)
        let targets = try await scoped.allocationTargetNames(allocations.values.flatMap { $0 })
        let units = try await scoped.unitNames(items.map(\.unitCode))
        let l = req.lang
        let headers = [
            "donation.receivedOn", "donation.donor", "donation.donorKind", "donation.type", "donation.amount", "donation.description",
            "donation.receiptNo", "donation.unit", "donation.allocated", "donation.remaining", "allocation.on", "allocation.to",
            "allocation.target", "allocation.amount", "allocation.note",
        ].map { l.t($0) }
        var rows: [[CellValue]] = []
        for d in items {
            let donor = donors[d.donorID]
            let own = allocations[d.id!] ?? []
            let allocated = Yuan.sum(own.map(\.amount))
            let head: [CellValue] = [
                .text(d.receivedOn), .text(donor?.name ?? ""), donor.map { .text(l.t("donorKind." + $0.kind.rawValue)) } ?? .empty,
                .text(l.t("donationType." + d.type.rawValue)), .number(d.worth.description),
                d.itemDescription.map(CellValue.text) ?? .empty,
                d.receiptNo.map(CellValue.text) ?? .empty, .text(units[d.unitCode] ?? d.unitCode), .number(allocated.description),
                .number((d.worth - allocated).description),
            ]
            if own.isEmpty { rows.append(head + Array(repeating: CellValue.empty, count: 5)) }
            for a in own {
                rows.append(
                    head + [
                        .text(a.on), .text(l.t("allocationTarget." + a.to.rawValue)), targets[a.targetID].map(CellValue.text) ?? .empty,
                        .number(a.amount.description), a.note.map(CellValue.text) ?? .empty,
                    ])
            }
        }
        let unit = j.root?.value ?? ""
        return try await StationExportController.send(
            req, title: l.t("donation.title"), file: "donations-\(unit)", headers: headers, rows: rows,
            audit: AuditEvent(
                AuditAction.export, .donation, unit, unit: unit, detail: ["rows": String(rows.count), "donations": String(items.count)]))
    }
}
