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
/// The counts are the sweep's per-village counts (`station_coverage`), a village with a change not yet swept
/// recounted live; `priority` is read live from the critical and high children alone.
struct CoverageDTO: Content {
    let unitCode: String, leftBehind: Int, enrolled: Int, reachable: Int, covered: Int, rate: Double
    let rows: [CoverageRowDTO]
    let priority: [CoveragePriorityDTO]

    /// At most this many children in `priority`: a list to work through, not a register.
    static let priorityLimit = 500

    init(_ f: StationCoverageFigures) {
        let r = f.report
        unitCode = f.unit; leftBehind = r.leftBehind; enrolled = r.enrolled; reachable = r.reachable; covered = r.covered; rate = r.rate
        rows = r.rows.map {
            CoverageRowDTO(
                unitCode: $0.unitCode, name: f.names[$0.unitCode] ?? $0.unitCode, leftBehind: $0.leftBehind, covered: $0.covered,
                rate: $0.rate)
        }
        priority = r.priority.prefix(Self.priorityLimit).map {
            CoveragePriorityDTO(childId: $0.childId, villageCode: $0.villageCode, riskTier: $0.tier.rawValue)
        }
    }
}

/// What the API and the page show: the report, the names it needs, the reach, and how fresh the counts are.
struct StationCoverageFigures {
    let unit: String, report: CoverageReport, names: [String: String], reach: Int

    /// Counts from the kept per-village rows, summed by township or county; a village the sweep has yet to recount
    /// (a mark waiting, or counted with another reach) is recounted here, so the answer is always today's. Priority
    /// from the critical and high children alone, measured now against the open stations.
    static func load(_ scoped: Scoped, unit requested: String) async throws -> Self {
        let j = scoped.narrowed(requested)
        let rules = try await SettingsStore.load(StationRules.self, on: scoped.db)
        let stations = try await scoped.openStationsForCoverage()
        let villages = try await StationCoverageTally.current(in: j.range, reach: rules.reachMetres, stations: stations, on: scoped.db)
        let urgent = try await scoped.coverageChildren(j, tiers: [.critical, .high])
        let live = Coverage.report(children: urgent, stations: stations, reachMetres: rules.reachMetres, rowUnit: { _ in nil })
        let r = Coverage.report(villages: villages, priority: live.priority) { Coverage.rowUnit(scope: j.root, village: $0) }
        let unit = j.root?.value ?? ""
        let shown = r.priority.prefix(StationCoverageViews.priorityShown).map(\.villageCode)
        return Self(
            unit: unit, report: r, names: try await scoped.unitNames(r.rows.map(\.unitCode) + [unit] + shown), reach: rules.reachMetres)
    }
}

/// Coverage for the API and the page: a `unit` above or outside the caller's jurisdiction answers for her own, as
/// the registry lists do.
struct StationCoverageController {
    func register(api: any RoutesBuilder, web: any RoutesBuilder) {
        api.get("stations", "coverage", use: coverage)
        web.get(SiteURL.stationCoverage.components, use: page)
    }

    static func figures(_ req: Request) async throws -> StationCoverageFigures {
        try req.requireBrowse(.station)
        return try await StationCoverageFigures.load(try req.scoped, unit: req.query[String.self, at: APIQuery.unit.rawValue] ?? "")
    }

    func coverage(req: Request) async throws -> CoverageDTO {
        CoverageDTO(try await Self.figures(req))
    }

    func page(req: Request) async throws -> Response {
        let f = try await Self.figures(req)
        let scoped = try req.scoped
        let shown = Array(f.report.priority.prefix(StationCoverageViews.priorityShown))
        let kids = try await scoped.childNames(shown.compactMap { UUID(uuidString: $0.childId).map(ChildID.init) })
        return StationCoverageViews.page(req, f, childNames: kids, units: try await AccountsController.unitOptions(scoped))
    }
}
