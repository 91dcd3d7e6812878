import Fluent
import Foundation
import GuanaiCore

/// A service station (留守儿童服务站): a place in a village or township where children spend the hours after school
/// and the holidays. Its checks are Core's (`StationForm`); here it is stored.
final class Station: Model, @unchecked Sendable {
    static let schema = "stations"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "host") var host: StationHost
    @OptionalField(key: "address") var address: String?
    @OptionalField(key: "latitude") var latitude: Double?
    @OptionalField(key: "longitude") var longitude: Double?
    @Field(key: "capacity") var capacity: Int
    @Field(key: "schedule") var scheduleText: String
    @Field(key: "staff") var staffJSON: String
    @OptionalField(key: "facilities") var facilities: String?
    @Field(key: "status") var status: StationStatus
    @OptionalField(key: "opened_on") var openedOn: String?
    @OptionalField(key: "closed_on") var closedOn: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    var schedule: [StationSession] { scheduleText.split(separator: ",").compactMap { StationSession(rawValue: String($0)) } }

    var staff: [StationInput.Staff] {
        (try? JSONDecoder().decode([StationInput.Staff].self, from: Data(staffJSON.utf8))) ?? []
    }

    /// Takes every checked field; the volunteers are rows of their own.
    func apply(_ s: CheckedStation) {
        name = s.name
        unitCode = s.unitCode
        host = s.host
        address = s.address
        latitude = s.point?.latitude
        longitude = s.point?.longitude
        capacity = s.capacity
        scheduleText = s.schedule.map(\.rawValue).joined(separator: ",")
        let staff = s.staff.map { StationInput.Staff(name: $0.name, phone: $0.phone) }
        staffJSON = (try? JSONEncoder().encode(staff)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        facilities = s.facilities
        status = s.status
        openedOn = s.openedOn?.iso
        closedOn = s.closedOn?.iso
    }

    /// What the trail records of a station: every field as text, so a change shows before and after.
    var auditFields: [String: String] {
        [
            "name": name, "unitCode": unitCode, "host": host.rawValue, "address": address ?? "",
            "latitude": latitude.map { String($0) } ?? "", "longitude": longitude.map { String($0) } ?? "",
            "capacity": String(capacity), "schedule": scheduleText, "staff": staffJSON, "facilities": facilities ?? "",
            "status": status.rawValue, "openedOn": openedOn ?? "", "closedOn": closedOn ?? "",
        ]
    }
}

/// A volunteer who helps at a station, in the order the station lists them.
final class StationVolunteer: Model, @unchecked Sendable {
    static let schema = "station_volunteers"
    @ID(key: .id) var id: UUID?
    @Field(key: "station_id") var stationID: UUID
    @Field(key: "volunteer_id") var volunteerID: UUID
    @Field(key: "position") var position: Int
    init() {}
}

extension Station: TypedRecord { typealias Kind = RecordTag.Station }
