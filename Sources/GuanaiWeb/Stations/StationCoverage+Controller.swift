import Fluent
import Vapor
import GuanaiCore

struct CoverageRowDTO: Content {
    let unitCode: String, name: String, leftBehind: Int, covered: Int, rate: Double
}

struct CoveragePriorityDTO: Content {
    let childId: String, villageCode: String, riskTier: String
}

/// `GET /api/v1/stations/coverage`: of the active left-behind children, how many hold a place, how many an open
/// station reaches, how many either; by unit one level down; the uncovered critical, then high, children first.
struct CoverageDTO: Content {
    let unitCode: String, leftBehind: Int, enrolled: Int, reachable: Int, covered: Int, rate: Double
    let rows: [CoverageRowDTO]
    let priority: [CoveragePriorityDTO]

    /// At most this many children in `priority`: a list to work through, not a register.
    static let priorityLimit = 500

    init(unit: String, _ r: CoverageReport, names: [String: String]) {
        unitCode = unit; leftBehind = r.leftBehind; enrolled = r.enrolled; reachable = r.reachable; covered = r.covered; rate = r.rate
        rows = r.rows.map {
            CoverageRowDTO(
                unitCode: $0.unitCode, name: names[$0.unitCode] ?? $0.unitCode, leftBehind: $0.leftBehind, covered: $0.covered,
                rate: $0.rate)
        }
        priority = r.priority.prefix(Self.priorityLimit).map {
            CoveragePriorityDTO(childId: $0.childId, villageCode: $0.villageCode, riskTier: $0.tier.rawValue)
        }
    }
}

/// Coverage for the API and the page: a `unit` above or outside the caller's jurisdiction answers for her own, as
/// the registry lists do.
struct StationCoverageController {
    func register(api: any RoutesBuilder, web: any RoutesBuilder) {
        api.get("stations", "coverage", use: coverage)
        web.get(SiteURL.stationCoverage.components, use: page)
    }

    static func report(_ req: Request) async throws -> (unit: String, report: CoverageReport, names: [String: String], reach: Int) {
        try req.requireBrowse(.station)
        let scoped = try req.scoped
        let j = scoped.narrowed(req.query[String.self, at: APIQuery.unit.rawValue] ?? "")
        let rules = try await SettingsStore.load(StationRules.self, on: scoped.db)
        let r = Coverage.report(
            children: try await scoped.coverageChildren(j), stations: try await scoped.openStationsForCoverage(),
            reachMetres: rules.reachMetres, rowUnit: { Coverage.rowUnit(scope: j.root, village: $0) })
        let unit = j.root?.value ?? ""
        let villages = r.priority.prefix(StationCoverageViews.priorityShown).map(\.villageCode)
        return (unit, r, try await scoped.unitNames(r.rows.map(\.unitCode) + [unit] + villages), rules.reachMetres)
    }

    func coverage(req: Request) async throws -> CoverageDTO {
        let (unit, r, names, _) = try await Self.report(req)
        return CoverageDTO(unit: unit, r, names: names)
    }

    func page(req: Request) async throws -> Response {
        let (unit, r, names, reach) = try await Self.report(req)
        let scoped = try req.scoped
        let shown = Array(r.priority.prefix(StationCoverageViews.priorityShown))
        let kids = try await scoped.childNames(shown.compactMap { UUID(uuidString: $0.childId).map(ChildID.init) })
        return StationCoverageViews.page(
            req, unit: unit, r, names: names, childNames: kids, reach: reach, units: try await AccountsController.unitOptions(scoped))
    }
}
