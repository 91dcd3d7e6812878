import Fluent
import Vapor
import GuanaiCore

extension Scoped {
    func sites(in j: Jurisdiction) async throws -> [Site] {
        try await Site.query(on: db).within(j, \.$unitCode).sort(\.$unitCode).sort(\.$name).all()
    }

    func site(_ id: SiteID) async throws -> Site? {
        guard let s = try await Site.find(id, on: db), inScope(s.unitCode) else { return nil }
        return s
    }

    /// The candidates of a siting in `j`: every active village committee there with a point (its id is its code),
    /// and the sites there (only `siteIds` when given; any other id is ignored).
    func sitingCandidates(_ j: Jurisdiction, siteIds: [String]?) async throws -> [SitingCandidate] {
        let r = j.range
        let committees = try await Unit.query(on: db).filter(\.$id >= r.lowerBound).filter(\.$id <= r.upperBound)
            .filter(\.$kind == .villageCommittee).filter(\.$status == .active).filter(\.$latitude != nil).all()
        var out = committees.compactMap { u -> SitingCandidate? in
            guard let code = u.id, let la = u.latitude, let lo = u.longitude else { return nil }
            return SitingCandidate(id: code, name: u.officialName, unitCode: code, point: GeoPoint(latitude: la, longitude: lo))
        }
        let wanted = siteIds.map { Set($0.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }) }
        for s in try await sites(in: j) where wanted.map({ $0.contains(s.id!.uuidString) }) ?? true {
            out.append(
                SitingCandidate(
                    id: s.id!.uuidString, name: s.name, unitCode: s.unitCode, point: GeoPoint(latitude: s.latitude, longitude: s.longitude))
            )
        }
        return out
    }
}
