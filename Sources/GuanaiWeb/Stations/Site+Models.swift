import Fluent
import Foundation
import GuanaiCore

/// A place a station could open (a school, another building), a candidate for siting beside the village committees.
final class Site: Model, @unchecked Sendable {
    static let schema = "sites"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: SiteKind
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "latitude") var latitude: Double
    @Field(key: "longitude") var longitude: Double
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    func apply(_ s: CheckedSite) {
        name = s.name
        kind = s.kind
        unitCode = s.unitCode
        latitude = s.point.latitude
        longitude = s.point.longitude
    }

    var auditFields: [String: String] {
        ["name": name, "kind": kind.rawValue, "unitCode": unitCode, "latitude": String(latitude), "longitude": String(longitude)]
    }

    var input: SiteInput { SiteInput(name: name, kind: kind.rawValue, unitCode: unitCode, latitude: latitude, longitude: longitude) }
}

extension Site: TypedRecord { typealias Kind = RecordTag.Site }
