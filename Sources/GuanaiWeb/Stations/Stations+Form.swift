import GuanaiCore

/// A station as typed on its new or edit page. Staff come as parallel rows (`staffName`, `staffPhone`); a row left
/// blank is no one. Numbers stay text until Core judges them, so what was typed comes back as typed.
struct StationPageForm: Codable {
    var name: String?
    var unitCode: String?
    var host: String?
    var address: String?
    var latitude: String?
    var longitude: String?
    var capacity: String?
    var schedule: [String]?
    var staffName: [String]?
    var staffPhone: [String]?
    var volunteerIds: [String]?
    var facilities: String?
    var status: String?
    var openedOn: String?
    var closedOn: String?

    enum CodingKeys: String, CodingKey {
        case name, unitCode, host, address, latitude, longitude, capacity, schedule, staffName, staffPhone, volunteerIds, facilities,
            status, openedOn, closedOn
    }

    /// Rows a page offers for staff: a station has a few helpers, a phone screen holds three comfortably.
    static let staffRows = 3

    init() {}

    init(_ s: Station, volunteers: [String]) {
        name = s.name; unitCode = s.unitCode; host = s.host.rawValue; address = s.address
        latitude = s.latitude.map { String($0) }; longitude = s.longitude.map { String($0) }; capacity = String(s.capacity)
        schedule = s.schedule.map(\.rawValue); staffName = s.staff.map { $0.name ?? "" }; staffPhone = s.staff.map { $0.phone ?? "" }
        volunteerIds = volunteers; facilities = s.facilities; status = s.status.rawValue; openedOn = s.openedOn; closedOn = s.closedOn
    }

    var input: StationInput {
        let names = staffName ?? [], phones = staffPhone ?? []
        var staff: [StationInput.Staff] = []
        for i in 0..<max(names.count, phones.count) {
            let n = i < names.count ? names[i] : "", p = i < phones.count ? phones[i] : ""
            if n.trimmingCharacters(in: .whitespaces).isEmpty && p.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            staff.append(.init(name: n, phone: p))
        }
        func number(_ s: String?) -> Double? { s.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } }
        let typedCapacity = capacity?.trimmingCharacters(in: .whitespaces) ?? ""
        return StationInput(
            name: name, unitCode: unitCode, host: host, address: address,
            // Text that is no number is refused as out of range, not dropped.
            latitude: (latitude ?? "").isEmpty ? nil : number(latitude) ?? .nan,
            longitude: (longitude ?? "").isEmpty ? nil : number(longitude) ?? .nan,
            capacity: typedCapacity.isEmpty ? nil : Int(typedCapacity) ?? -1, schedule: schedule ?? [], staff: staff,
            volunteerIds: volunteerIds ?? [], facilities: facilities, status: status, openedOn: openedOn, closedOn: closedOn)
    }
}
