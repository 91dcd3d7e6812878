import Fluent
import Vapor
import GuanaiCore

/// A household read in from a ledger: known by its head's ID number (a ledger has no other key for it), so the
/// same file read twice finds every household already there.
enum HouseholdIntake {
    static func create(_ v: [String: String], village: String?, scoped: Scoped, actor: AuditActor, at: Date) async throws {
        var c = Checker()
        let name = c.required(v["head.name"], "head.name")
        let id = c.idNumber(v["head.idNumber"], "head.idNumber", required: true)
        let unit = try await RegistryService.checkVillage(village ?? v["villageCode"], &c, scoped: scoped)
        let poverty = c.token(v["poverty"], "poverty", PovertyStatus.self, required: false) ?? .none
        let lat = v["latitude"].flatMap(Double.init), lon = v["longitude"].flatMap(Double.init)
        if let lat, !(-90...90).contains(lat) { c.errors.append(FieldError(field: "latitude", key: "field.error.choice")) }
        if let lon, !(-180...180).contains(lon) { c.errors.append(FieldError(field: "longitude", key: "field.error.choice")) }
        if (lat == nil) != (lon == nil) {
            c.errors.append(FieldError(field: lat == nil ? "latitude" : "longitude", key: "field.error.required"))
        }
        try c.throwIfAny()
        if let p = try await Person.query(on: scoped.db).filter(\.$idNumber == id!.value).first(), let h = p.householdID {
            throw ConflictError.existing(
                field: "head.idNumber", key: "household.error.exists", id: h.uuidString, unit: p.unitCode, scoped: scoped)
        }
        var errors: [FieldError] = []
        let head = try await RegistryService.person(
            id: id, name: name!, field: "head", unit: unit!.code, scoped: scoped, confirm: true, errors: &errors,
            fill: { p in p.hukou = Hukou.rural.rawValue }, compare: [], at: at)
        if !errors.isEmpty { throw FieldErrors(errors) }
        let h = Household()
        h.id = TimeOrderedID.next()
        h.unitCode = unit!.code
        h.villageGroup = c.text(v["villageGroup"])
        h.address = c.text(v["address"]) ?? ""
        h.latitude = lat
        h.longitude = lon
        h.poverty = poverty.rawValue
        h.createdAt = at
        try await scoped.db.transaction { tx in
            try await h.create(on: tx)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.create, h.recordID, unit: h.unitCode,
                    fields: AuditLog.created([
                        "poverty": h.poverty, "address": h.address, "villageGroup": h.villageGroup ?? "", "head": head.id!.uuidString,
                    ])), by: actor, at: at, on: tx)
            let isNew = !head._$idExists
            head.householdID = h.id
            if isNew {
                try await head.create(on: tx)
                try await AuditLog.append(
                    AuditEvent(
                        AuditAction.create, head.recordID, unit: head.unitCode, fields: AuditLog.created(head.auditFields)),
                    by: actor, at: at, on: tx)
            } else {
                try await head.save(on: tx)
                try await AuditLog.append(
                    AuditEvent(
                        AuditAction.update, head.recordID, unit: head.unitCode,
                        fields: ["householdId": FieldChange(before: nil, after: h.id!.uuidString)]), by: actor, at: at, on: tx)
            }
        }
    }
}
