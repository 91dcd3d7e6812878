import Fluent
import Vapor
import GuanaiCore
import GuanaiSheets

/// The stations of a unit, and a station's enrolments, as a spreadsheet (`.xlsx`, or `.csv` with `format=csv`) for
/// the next level up. Who may export (`export`) and reads stations; audited with the row count.
struct StationExportController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.stationsExport.components, use: stations)
        r.get(SiteURL.stationEnrolmentsExport(nil).components, use: enrolments)
    }

    static func format(_ req: Request) -> LedgerExport.Format {
        req.query[String.self, at: "format"].flatMap(LedgerExport.Format.init(rawValue:)) ?? .xlsx
    }

    static func send(
        _ req: Request, title: String, file: String, headers: [String], rows: [[CellValue]], audit: AuditEvent
    ) async throws -> Response {
        let format = Self.format(req)
        let tmp = req.workDir.file(.export, format.rawValue)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let columns = headers.map { LedgerExport.Column(header: $0, width: 14) }
        _ = try await LedgerExport.write(format, to: tmp, title: title, columns: columns) { emit in
            for r in rows { try emit(r) }
            return rows.count
        }
        var event = audit
        event.detail["format"] = format.rawValue
        try await req.audit(event)
        let today = RegistryService.today(req.now).iso
        return IntakePagesController.download(
            try Data(contentsOf: tmp), name: title + "-\(today).\(format.rawValue)", ascii: "\(file)-\(today).\(format.rawValue)",
            xlsx: format == .xlsx)
    }

    func stations(req: Request) async throws -> Response {
        try req.requireBrowse(.station)
        try req.require(.export)
        let scoped = try req.scoped
        let j = scoped.narrowed(req.query[String.self, at: APIQuery.unit.rawValue] ?? "")
        let (items, _) = try await scoped.stations(unit: j.root?.value, page: 1, per: 10_000)
        let counts = try await scoped.enrolledCounts(items)
        let names = try await scoped.unitNames(items.map(\.unitCode))
        let l = req.lang
        let headers = [
            "station.name", "station.unit", "station.host", "station.address", "station.capacity", "station.children", "station.schedule",
            "station.status", "station.openedOn", "station.closedOn", "station.latitude", "station.longitude",
        ].map { l.t($0) }
        let rows: [[CellValue]] = items.map { s in
            [
                .text(s.name), .text(names[s.unitCode] ?? s.unitCode), .text(l.t("stationHost." + s.host.rawValue)),
                s.address.map(CellValue.text) ?? .empty, .number(String(s.capacity)), .number(String(counts[s.id!] ?? 0)),
                .text(StationViews.sessions(l, s.schedule)), .text(l.t("stationStatus." + s.status.rawValue)),
                s.openedOn.map(CellValue.text) ?? .empty, s.closedOn.map(CellValue.text) ?? .empty,
                s.latitude.map { .number(String($0)) } ?? .empty, s.longitude.map { .number(String($0)) } ?? .empty,
            ]
        }
        let unit = j.root?.value ?? ""
        return try await Self.send(
            req, title: l.t("station.title"), file: "stations-\(unit)", headers: headers, rows: rows,
            audit: AuditEvent(AuditAction.export, .station, unit, unit: unit, detail: ["rows": String(rows.count)]))
    }

    func enrolments(req: Request) async throws -> Response {
        try req.requireBrowse(.station)
        try req.require(.export)
        let s = try await StationPagesController().load(req)
        let scoped = try req.scoped
        let all = try await scoped.enrolments(s, all: true)
        let village = try await scoped.villages(of: all.map(\.childID))
        let names = try await scoped.childNames(all.map(\.child))
        let units = try await scoped.unitNames(Array(village.values))
        let l = req.lang
        let headers = ["enrol.child", "station.unit", "enrol.from", "enrolEnd.on", "enrolEnd.reason"].map { l.t($0) }
        let rows: [[CellValue]] = all.map { e in
            let v = village[e.childID] ?? ""
            return [
                .text(names[e.child] ?? ""), .text(units[v] ?? v), .text(e.fromOn), e.toOn.map(CellValue.text) ?? .empty,
                e.endReason.map(CellValue.text) ?? .empty,
            ]
        }
        return try await Self.send(
            req, title: s.name, file: "enrolments-\(s.recordID)", headers: headers, rows: rows,
            audit: AuditEvent(AuditAction.export, s.recordID, unit: s.unitCode, detail: ["rows": String(rows.count)]))
    }
}
