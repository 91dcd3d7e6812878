import Foundation

/// A point on the globe (WGS-84 degrees): a household, a volunteer, a station or a candidate site.
public struct GeoPoint: Sendable, Equatable, Hashable, Codable {
    public let latitude: Double, longitude: Double
    public init(latitude: Double, longitude: Double) { self.latitude = latitude; self.longitude = longitude }

    /// Great-circle distance in whole metres (haversine).
    public func metres(to o: GeoPoint) -> Int {
        Int(exactMetres(to: o).rounded())
    }

    /// The same distance unrounded, for comparisons against a reach where rounding would blur the boundary.
    public func exactMetres(to o: GeoPoint) -> Double {
        let rad = Double.pi / 180
        let dLat = (o.latitude - latitude) * rad, dLon = (o.longitude - longitude) * rad
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(latitude * rad) * cos(o.latitude * rad) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * GeoPoint.earthRadiusMetres * asin(min(1, a.squareRoot()))
    }

    /// The mean Earth radius the haversine uses.
    public static let earthRadiusMetres = 6_371_000.0
}
