import Foundation

/// A unit's point on the map, as typed for `PUT /api/v1/units/{code}/point`: where a village committee sits, from
/// which coverage and siting measure reach.
public struct UnitPointInput: Codable, Sendable, Equatable {
    public var latitude: Double?
    public var longitude: Double?
    public init(latitude: Double? = nil, longitude: Double? = nil) { self.latitude = latitude; self.longitude = longitude }
}

public enum UnitPointForm {
    /// Both coordinates, each finite and on the globe; a unit's point is set or corrected, never half typed.
    public static func check(_ input: UnitPointInput, _ c: inout FormChecker) -> GeoPoint? {
        if input.latitude == nil { c.errors.append(FieldError(field: "latitude", key: "field.error.required")) }
        if input.longitude == nil { c.errors.append(FieldError(field: "longitude", key: "field.error.required")) }
        guard input.latitude != nil, input.longitude != nil else { return nil }
        return StationForm.point(input.latitude, input.longitude, &c)
    }
}
