import Foundation

/// Points bucketed into cells at least `reach` metres wide, so every point within `reach` of a place lies in the
/// place's cell or one of its eight neighbours. Finding who is near a station then costs a few cells, not every pair.
public struct GeoGrid: Sendable {
    public let reachMetres: Double
    let latStep: Double, lonStep: Double
    var cells: [Cell: [Int32]] = [:]

    struct Cell: Hashable, Sendable { let lat: Int32, lon: Int32 }

    /// `points`: indices into the caller's array with their point. `maxAbsLatitude`: the farthest from the equator any
    /// point or query lies; a degree of longitude is narrowest there, so cells sized for it are wide enough everywhere.
    public init(reachMetres: Double, maxAbsLatitude: Double, points: [(Int, GeoPoint)]) {
        self.reachMetres = reachMetres
        let metresPerDegree = GeoPoint.earthRadiusMetres * Double.pi / 180
        // 1% wider than the reach: the haversine over a cell's width differs from the flat measure by far less than
        // that at a few kilometres, so no point within reach falls two cells away.
        let cellMetres = max(reachMetres, 1) * 1.01
        latStep = cellMetres / metresPerDegree
        let cosLat = cos(min(89, abs(maxAbsLatitude) + 0.5) * Double.pi / 180)
        lonStep = cellMetres / (metresPerDegree * cosLat)
        for (i, p) in points { cells[cell(p), default: []].append(Int32(i)) }
    }

    func cell(_ p: GeoPoint) -> Cell {
        Cell(
            lat: Int32(clamping: Int((p.latitude / latStep).rounded(.down))),
            lon: Int32(clamping: Int((p.longitude / lonStep).rounded(.down))))
    }

    /// Calls `body` with every stored index in the 3×3 cells around `p`, each once; the caller measures the distance.
    public func forEachCandidate(near p: GeoPoint, _ body: (Int) -> Void) {
        let c = cell(p)
        for dl in Int32(-1)...1 {
            for dn in Int32(-1)...1 {
                if let list = cells[Cell(lat: c.lat &+ dl, lon: c.lon &+ dn)] { for i in list { body(Int(i)) } }
            }
        }
    }

    /// Every stored index within `reachMetres` of `p` (haversine, boundary included), ascending.
    public func within(_ p: GeoPoint, points: [GeoPoint?]) -> [Int] {
        var out: [Int] = []
        forEachCandidate(near: p) { i in
            if let q = points[i], q.exactMetres(to: p) <= reachMetres { out.append(i) }
        }
        return out.sorted()
    }
}
