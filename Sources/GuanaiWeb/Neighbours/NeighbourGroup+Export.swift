import Fluent
import Vapor
import GuanaiCore
import GuanaiSheets

/// The groups of a unit with their member households, as a spreadsheet (`.xlsx`, or `.csv` with `format=csv`), one
/// row a household, for the township's or the city's books. Who may export (`export`) and reads groups; audited with
/// the row count, as the stations' export is.
struct NeighbourExportController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.neighbourGroupsExport.components, use: groups)
    }

    func groups(req: Request) async throws -> Response {
        try req.requireBrowse(.group)
        try req.require(.export)
        let scoped = try req.scoped
        let j = scoped.narrowed(req.query[String.self, at: APIQuery.unit.rawValue] ?? "")
        let (items, _) = try await scoped.neighbourGroups(unit: j.root?.value, page: 1, per: 10_000)
        let members = try await scoped.groupMembers(of: items)
        let householdIDs = members.values.flatMap { $0.map(\.householdID) }
        let households = try await scoped.groupHouseholds(householdIDs)
        let people = try await scoped.residents(householdIDs)
        let heads = NeighbourViews.heads(people)
        let names = Dictionary(people.compactMap { p in p.id.map { ($0, p.name) } }, uniquingKeysWith: { a, _ in a })
        let leftBehind = try await scoped.leftBehindHouseholds(within: j)
        let villages = try await scoped.unitNames(items.map(\.villageCode))
        let l = req.lang
        let headers = [
            "neighbours.village", "neighbours.name", "neighbours.status", "neighbours.leader", "neighbours.household",
            "neighbours.leftBehind", "neighbours.consentedOnLabel",
        ].map { l.t($0) }
        var rows: [[CellValue]] = []
        for g in items {
            for m in members[g.id!] ?? [] {
                rows.append([
                    .text(villages[g.villageCode] ?? g.villageCode), .text(g.name), .text(l.t("neighbourStatus." + g.status.rawValue)),
                    .text(names[g.leaderPersonID] ?? ""),
                    .text(NeighbourViews.householdLabel(l, households[m.householdID], id: m.householdID.uuidString, heads: heads)),
                    .text(l.t(leftBehind[m.householdID] != nil ? "word.yes" : "word.no")), .text(m.consentedOn),
                ])
            }
        }
        let unit = j.root?.value ?? ""
        return try await StationExportController.send(
            req, title: l.t("neighbours.title"), file: "neighbour-groups-\(unit)", headers: headers, rows: rows,
            audit: AuditEvent(
                AuditAction.export, .group, unit, unit: unit, detail: ["rows": String(rows.count), "groups": String(items.count)]))
    }
}
