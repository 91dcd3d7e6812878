import Fluent
import Vapor
import GuanaiCore

struct StationStaffDTO: Content {
    let name: String, phone: String?
}

struct StationDTO: Content {
    let id: String, name: String, unitCode: String, host: String, address: String?, latitude: Double?, longitude: Double?
    let capacity: Int, schedule: [String], staff: [StationStaffDTO], volunteerIds: [String], facilities: String?, status: String
    let openedOn: String?, closedOn: String?
    /// Children holding a place now.
    let enrolled: Int
    let createdAt: String, updatedAt: String

    init(_ s: Station, volunteers: [String], enrolled: Int) {
        id = s.recordID.description; name = s.name; unitCode = s.unitCode; host = s.host.rawValue; address = s.address
        latitude = s.latitude; longitude = s.longitude; capacity = s.capacity; schedule = s.schedule.map(\.rawValue)
        staff = s.staff.map { StationStaffDTO(name: $0.name ?? "", phone: $0.phone) }; volunteerIds = volunteers
        facilities = s.facilities; status = s.status.rawValue; openedOn = s.openedOn; closedOn = s.closedOn
        self.enrolled = enrolled
        createdAt = AuditLog.timestamp(s.createdAt); updatedAt = AuditLog.timestamp(s.updatedAt)
    }
}

/// /api/v1/stations: service stations in the jurisdiction; and a unit's point (`PUT /api/v1/units/{code}/point`).
struct StationAPIController {
    func register(_ r: any RoutesBuilder) {
        r.get("stations", use: list)
        r.post("stations", use: create)
        r.get("stations", ":id", use: show)
        r.patch("stations", ":id", use: update)
        r.put("units", ":code", "point", use: setPoint)
    }

    /// Staff write stations in their jurisdiction; the inspector reads them; volunteers and partners do neither.
    static func requireWrite(_ req: Request) throws {
        try req.requireBrowse(.station)
        guard Policy.writes(try req.actor.role, .station) else { throw Abort(.forbidden) }
    }

    func list(req: Request) async throws -> ListPage<StationDTO> {
        try req.requireBrowse(.station)
        let p = try PageParams(req)
        let scoped = try req.scoped
        let (items, total) = try await scoped.stations(unit: req.query[String.self, at: "unit"], page: p.page, per: p.per)
        let counts = try await scoped.enrolledCounts(items)
        var out: [StationDTO] = []
        for s in items { out.append(StationDTO(s, volunteers: try await scoped.stationVolunteers(s), enrolled: counts[s.id!] ?? 0)) }
        return ListPage(items: out, page: p.page, per: p.per, total: total)
    }

    func create(req: Request) async throws -> Response {
        try Self.requireWrite(req)
        let scoped = try req.scoped
        let s = try await StationService.create(try await req.json(StationInput.self), scoped: scoped, actor: req.auditActor, at: req.now)
        return try PairingAPIController().created(try await Self.dto(s, scoped))
    }

    static func dto(_ s: Station, _ scoped: Scoped) async throws -> StationDTO {
        StationDTO(s, volunteers: try await scoped.stationVolunteers(s), enrolled: try await scoped.enrolledCounts([s])[s.id!] ?? 0)
    }

    func load(_ req: Request) async throws -> Station {
        guard let s = try await req.scoped.station(try req.parameters.id()) else { throw Abort(.notFound) }
        return s
    }

    func show(req: Request) async throws -> StationDTO {
        try req.requireBrowse(.station)
        return try await Self.dto(try await load(req), try req.scoped)
    }

    func update(req: Request) async throws -> StationDTO {
        try Self.requireWrite(req)
        let scoped = try req.scoped
        let s = try await StationService.update(
            try await load(req), try await req.json(StationInput.self), scoped: scoped, actor: req.auditActor, at: req.now)
        return try await Self.dto(s, scoped)
    }

    /// Outside the jurisdiction a unit is not there (404); inside, only who approves sets its point.
    func setPoint(req: Request) async throws -> UnitDTO {
        guard let u = try await req.scoped.unit(req.parameters.get("code") ?? "") else { throw Abort(.notFound) }
        try req.require(.approve)
        return UnitDTO(
            try await StationService.setPoint(u, try await req.json(UnitPointInput.self), actor: req.auditActor, at: req.now, on: req.db))
    }
}
