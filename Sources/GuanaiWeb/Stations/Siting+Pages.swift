import Fluent
import Vapor
import GuanaiCore

/// Where a page's siting form posts its numbers: typed text until Core judges it.
struct SitingPageForm: Codable {
    var unit: String?
    var count: String?
    var reachMetres: String?
    enum CodingKeys: String, CodingKey { case unit, count, reachMetres }
    var input: SitingInput {
        func int(_ s: String?) -> Int? { s.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
        // Text that is no number is out of range, not left out.
        return SitingInput(
            unit: unit, count: int(count) ?? 0, reachMetres: (reachMetres ?? "").isEmpty ? nil : int(reachMetres) ?? -1, siteIds: nil)
    }
}

struct SitePageForm: Codable {
    var name: String?
    var kind: String?
    var unitCode: String?
    var latitude: String?
    var longitude: String?
    enum CodingKeys: String, CodingKey { case name, kind, unitCode, latitude, longitude }
    var input: SiteInput {
        func number(_ s: String?) -> Double? {
            guard let t = s?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
            return Double(t) ?? .nan
        }
        return SiteInput(name: name, kind: kind, unitCode: unitCode, latitude: number(latitude), longitude: number(longitude))
    }
}

/// /stations/siting: where to open the next stations, with the map drawn on the server; /stations/sites/new adds a
/// candidate. Who approves (city, township) only.
struct SitingPagesController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.stationSiting.components, use: siting)
        r.get(SiteURL.siteNew.components, use: newSite)
        r.post(SiteURL.siteNew.components, use: createSite)
    }

    func siting(req: Request) async throws -> Response {
        try SitingAPIController.requireApprove(req)
        let scoped = try req.scoped
        var f = try req.query.decode(SitingPageForm.self)
        let rules = try await SettingsStore.load(StationRules.self, on: scoped.db)
        let j = scoped.narrowed(f.unit ?? "")
        f.unit = j.root?.value
        var result: StationSitingViews.Result?
        var errors: [String: String] = [:]
        if f.count != nil {
            do {
                let r = try await SitingService.plan(f.input, scoped: scoped)
                if (f.reachMetres ?? "").isEmpty { f.reachMetres = String(r.reach) }
                result = .init(
                    plan: r.plan, reach: r.reach, children: r.children, stations: r.stations, candidates: r.candidates,
                    names: try await scoped.unitNames(r.plan.sites.map(\.unitCode)))
            } catch let e as FieldErrors {
                errors = req.messages(e)
            }
        } else {
            f.count = "3"
            f.reachMetres = String(rules.reachMetres)
        }
        let units = try await AccountsController.unitOptions(scoped).filter {
            DivisionCode($0.0).map { $0.level != .village } ?? false
        }
        return StationSitingViews.page(
            req, typed: f, errors: errors, result: result, units: units, sites: try await scoped.sites(in: j),
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func newSite(req: Request) async throws -> Response {
        try SitingAPIController.requireApprove(req)
        var f = SitePageForm()
        f.kind = SiteKind.school.rawValue
        return StationSitingViews.siteForm(
            req, typed: f, errors: [:], units: try await StationPagesController.units(try req.scoped), status: .ok)
    }

    func createSite(req: Request) async throws -> Response {
        try SitingAPIController.requireApprove(req)
        let f = try await req.form(SitePageForm.self)
        do {
            let s = try await SitingService.create(f.input, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            let township = DivisionCode(s.unitCode).flatMap { $0.level == .village ? $0.parent : $0 }?.value ?? s.unitCode
            return req.redirect(to: SiteURL.stationSiting.with(query: [(APIQuery.unit.rawValue, township)]))
        } catch let e as FieldErrors {
            return StationSitingViews.siteForm(
                req, typed: f, errors: req.messages(e), units: try await StationPagesController.units(try req.scoped),
                status: .unprocessableEntity)
        }
    }
}
