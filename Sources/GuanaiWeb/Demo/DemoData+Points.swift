import Fluent
import Vapor
import GuanaiCore

extension DemoData {
    /// 60 more synthetic children in 桃花山镇, so the demo township has children beyond its stations' reach for
    /// coverage and siting to show. Like `load`, a second run adds nothing.
    @discardableResult
    public static func loadTownshipChildren(_ app: Application) async throws -> Int {
        let places = try await Demo.places(county: app.guanai.county, on: app.db)
        let scoped = Scoped(db: app.db, jurisdiction: Jurisdiction(root: DivisionCode(app.guanai.county)!))
        let villages = try await Unit.query(on: app.db).filter(\.$parentCode == places.township).filter(\.$status == .active)
            .filter(\.$kind == .villageCommittee).sort(\.$id).all().compactMap(\.id)
        var added = 0
        for k in SyntheticRegistry.children(count: 60, seed: 2027, villages: villages, today: RegistryService.today(app.now)) {
            do {
                _ = try await RegistryService.createChild(input(k), scoped: scoped, actor: .system("demo-data"), at: app.now)
                added += 1
            } catch is ConflictError {
                continue
            }
        }
        return added
    }

    /// Synthetic points for 桃花山镇: each village committee on a grid about 2.5 km apart (near the real township, not
    /// its real villages), each household a few hundred metres from its committee, the stations at their hosts.
    /// Once: a township whose villages have points gets none. Coverage and siting then have something to measure.
    @discardableResult
    public static func loadPoints(_ app: Application) async throws -> Int {
        let db = app.db
        let places = try await Demo.places(county: app.guanai.county, on: db)
        let villages = try await Unit.query(on: db).filter(\.$parentCode == places.township).filter(\.$status == .active).sort(\.$id).all()
        guard !villages.isEmpty, villages.allSatisfy({ $0.latitude == nil }) else { return 0 }
        var point: [String: GeoPoint] = [:]
        for (i, v) in villages.enumerated() {
            let p = GeoPoint(latitude: 29.60 + Double(i / 5) * 0.022, longitude: 112.45 + Double(i % 5) * 0.026)
            _ = try await StationService.setPoint(
                v, UnitPointInput(latitude: p.latitude, longitude: p.longitude), actor: .system("demo-data"), at: app.now, on: db)
            point[v.id!] = p
        }
        var n = 0
        let town = Jurisdiction(root: DivisionCode(places.township)!)
        for h in try await Household.query(on: db).within(town, \.$unitCode).filter(\.$latitude == nil).sort(\.$id).all() {
            guard let p = point[h.unitCode] else { continue }
            // A spread of up to ±0.008° (under a kilometre), fixed by the household's id.
            let bytes = Array(h.id!.uuidString.utf8)
            let a = Double(bytes.reduce(0) { ($0 &* 31 &+ Int($1)) % 1601 }) / 100_000 - 0.008
            let b = Double(bytes.reversed().reduce(0) { ($0 &* 37 &+ Int($1)) % 1601 }) / 100_000 - 0.008
            h.latitude = p.latitude + a
            h.longitude = p.longitude + b
            try await h.save(on: db)
            n += 1
        }
        for s in try await Station.query(on: db).within(town, \.$unitCode).filter(\.$latitude == nil).all() {
            let p = point[s.unitCode] ?? point[villages[0].id!]!
            s.latitude = p.latitude + (s.unitCode == places.township ? 0.004 : 0)
            s.longitude = p.longitude
            try await s.save(on: db)
        }
        return n
    }
}
