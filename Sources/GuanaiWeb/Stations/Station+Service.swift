import Fluent
import Vapor
import GuanaiCore

extension StationInput: Content {}
extension UnitPointInput: Content {}

/// Stations registered and changed, each change audited on the station's record; and a unit's point, audited on the
/// unit. Core's `StationForm` and `UnitPointForm` judge the input; this reads the facts they need and stores.
enum StationService {
    static func create(_ input: StationInput, scoped: Scoped, actor: AuditActor, at: Date) async throws -> Station {
        let checked = try await check(input, scoped: scoped, at: at)
        let s = Station()
        s.id = TimeOrderedID.next()
        s.apply(checked)
        s.createdAt = at
        s.updatedAt = at
        try await scoped.db.transaction { tx in
            try await s.create(on: tx)
            try await link(s, checked.volunteerIds, on: tx)
            var fields = s.auditFields
            fields["volunteerIds"] = checked.volunteerIds.joined(separator: ",")
            try await AuditLog.append(
                AuditEvent(AuditAction.create, s.recordID, unit: s.unitCode, fields: AuditLog.created(fields)), by: actor, at: at, on: tx)
        }
        return s
    }

    /// A PATCH: the fields sent replace the station's, the rest stay; the whole is checked again, so an open station
    /// cannot keep a closing day. `whole`: the edit page, which posts every field, so a field left blank is cleared.
    static func update(_ s: Station, _ patch: StationInput, whole: Bool = false, scoped: Scoped, actor: AuditActor, at: Date) async throws
        -> Station
    {
        let volunteersBefore = try await scoped.stationVolunteers(s)
        let merged = whole ? patch : merge(current(s, volunteers: volunteersBefore), patch)
        let checked = try await check(merged, scoped: scoped, at: at)
        var before = s.auditFields
        before["volunteerIds"] = volunteersBefore.joined(separator: ",")
        s.apply(checked)
        var after = s.auditFields
        after["volunteerIds"] = checked.volunteerIds.joined(separator: ",")
        let diff = AuditLog.diff(before, after)
        guard !diff.isEmpty else { return s }
        s.updatedAt = at
        try await scoped.db.transaction { tx in
            try await s.update(on: tx)
            if checked.volunteerIds != volunteersBefore {
                try await StationVolunteer.query(on: tx).filter(\.$stationID == s.id!).delete()
                try await link(s, checked.volunteerIds, on: tx)
            }
            try await AuditLog.append(AuditEvent(AuditAction.update, s.recordID, unit: s.unitCode, fields: diff), by: actor, at: at, on: tx)
        }
        return s
    }

    /// The unit must lie in the jurisdiction (else 404); its facts and the volunteers found there go to Core.
    static func check(_ input: StationInput, scoped: Scoped, at: Date) async throws -> CheckedStation {
        let unit = try await scoped.unitFactsForWrite(StationForm.unitCode(input))
        var c = Checker()
        let checked = StationForm.check(
            input, unit: unit, knownVolunteers: try await scoped.knownVolunteers(input.volunteerIds),
            today: RegistryService.today(at), &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        return checked
    }

    static func link(_ s: Station, _ volunteers: [String], on db: any Database) async throws {
        for (i, v) in volunteers.enumerated() {
            guard let uuid = UUID(uuidString: v) else { continue }
            let row = StationVolunteer()
            row.id = TimeOrderedID.next()
            row.stationID = s.id!
            row.volunteerID = uuid
            row.position = i
            try await row.create(on: db)
        }
    }

    /// The stored station as the form would type it.
    static func current(_ s: Station, volunteers: [String]) -> StationInput {
        StationInput(
            name: s.name, unitCode: s.unitCode, host: s.host.rawValue, address: s.address, latitude: s.latitude, longitude: s.longitude,
            capacity: s.capacity, schedule: s.schedule.map(\.rawValue), staff: s.staff, volunteerIds: volunteers, facilities: s.facilities,
            status: s.status.rawValue, openedOn: s.openedOn, closedOn: s.closedOn)
    }

    static func merge(_ base: StationInput, _ p: StationInput) -> StationInput {
        var m = base
        if let v = p.name { m.name = v }
        if let v = p.unitCode { m.unitCode = v }
        if let v = p.host { m.host = v }
        if let v = p.address { m.address = v }
        if p.latitude != nil || p.longitude != nil { (m.latitude, m.longitude) = (p.latitude, p.longitude) }
        if let v = p.capacity { m.capacity = v }
        if let v = p.schedule { m.schedule = v }
        if let v = p.staff { m.staff = v }
        if let v = p.volunteerIds { m.volunteerIds = v }
        if let v = p.facilities { m.facilities = v }
        if let v = p.status { m.status = v }
        if let v = p.openedOn { m.openedOn = v }
        if let v = p.closedOn { m.closedOn = v }
        return m
    }

    /// Sets or corrects a unit's point (`approve`); the trail records both coordinates before and after.
    static func setPoint(_ u: Unit, _ input: UnitPointInput, actor: AuditActor, at: Date, on db: any Database) async throws -> Unit {
        var c = Checker()
        let point = UnitPointForm.check(input, &c)
        try c.throwIfAny()
        guard let point else { throw FieldErrors(c.errors) }
        let before = pointFields(u)
        u.latitude = point.latitude
        u.longitude = point.longitude
        let diff = AuditLog.diff(before, pointFields(u))
        guard !diff.isEmpty else { return u }
        try await db.transaction { tx in
            try await u.update(on: tx)
            try await AuditLog.append(
                AuditEvent(AuditAction.update, AuditSubject.unit, u.code, unit: u.code, fields: diff), by: actor, at: at, on: tx)
        }
        return u
    }

    static func pointFields(_ u: Unit) -> [String: String] {
        ["latitude": u.latitude.map { String($0) } ?? "", "longitude": u.longitude.map { String($0) } ?? ""]
    }
}
