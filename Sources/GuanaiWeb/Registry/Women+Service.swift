import Fluent
import Vapor
import GuanaiCore

enum WomenService {
    static func classify(_ w: Woman, hukou: Hukou, today: CivilDate) {
        let r = WomanClassifier.classify(hukou: hukou, husbandSituation: w.husbandSituation.flatMap(ParentSituation.init(rawValue:)),
                                         awaySince: w.husbandSince.flatMap(CivilDate.init(iso:)), today: today)
        w.leftBehind = r.leftBehind
        w.reasons = RegistryService.json(r.reasons)
        w.nextReview = r.qualifiesOn?.iso
        if r.leftBehind { w.status = .active; w.exitedOn = nil }
        else if w.status != .exited { w.status = .exited; w.exitedOn = today.iso }
    }

    static func create(_ input: WomanInput, scoped: Scoped, actor: AuditActor, at: Date) async throws -> Woman {
        var c = Checker()
        let name = c.required(input.name, "name")
        let id = c.idNumber(input.idNumber, "idNumber", required: true)
        if let id, id.sex != .female { c.errors.append(FieldError(field: "idNumber", key: "women.error.notFemale")) }
        let village = try await RegistryService.checkVillage(input.villageCode, &c, scoped: scoped)
        let hukou = c.token(input.hukou, "hukou", Hukou.self)
        let phone = c.phone(input.phone, "phone")
        let health = c.token(input.health, "health", Health.self, required: false) ?? .healthy
        let husband = ChildForm.parent(input.husband, "husband", &c)
        var needs: [WomanNeed] = []
        for n in input.needs ?? [] { if let v = WomanNeed(rawValue: n) { needs.append(v) } else { c.errors.append(FieldError(field: "needs", key: "field.error.choice")) } }
        if (input.childrenInCare ?? 0) < 0 || (input.childrenInCare ?? 0) > 20 { c.errors.append(FieldError(field: "childrenInCare", key: "field.error.choice")) }
        if (input.eldersInCare ?? 0) < 0 || (input.eldersInCare ?? 0) > 20 { c.errors.append(FieldError(field: "eldersInCare", key: "field.error.choice")) }
        try c.throwIfAny()
        if let existing = try await Person.query(on: scoped.db).filter(\.$idNumber == id!.value).first(),
           let w = try await Woman.query(on: scoped.db).filter(\.$personID == existing.id!).first() {
            throw ConflictError.existing(field: "idNumber", key: "women.error.exists", id: w.id!.uuidString, unit: w.unitCode, scoped: scoped)
        }
        var errors: [FieldError] = []
        let unit = village!.code
        let me = try await RegistryService.person(id: id, name: name!, field: "woman", unit: unit, scoped: scoped, confirm: input.confirmLinks ?? false, errors: &errors, fill: { p in
            p.hukou = hukou!.rawValue
            p.phone = phone
            p.health = health.rawValue
            p.ethnicity = input.ethnicity.flatMap { $0.isEmpty ? nil : $0 }
        }, compare: [("phone", nil, phone)], at: at)
        var husbandPerson: Person? = nil
        if let h = husband, let name = h.name {
            husbandPerson = try await RegistryService.person(id: h.id, name: name, field: "husband", unit: unit, scoped: scoped, confirm: input.confirmLinks ?? false, errors: &errors, fill: { p in
                p.sex = p.sex ?? Sex.male.rawValue
                p.phone = h.phone
                p.hukou = hukou!.rawValue
            }, compare: [], at: at)
        }
        if !errors.isEmpty { throw FieldErrors(errors) }
        let w = Woman()
        w.id = TimeOrderedID.next()
        w.personID = me.id!
        w.unitCode = unit
        w.husbandID = husbandPerson?.id
        w.husbandSituation = husband?.situation?.rawValue
        w.husbandWorkPlace = husband?.workPlace
        w.husbandSince = husband?.since?.iso
        w.childrenInCare = input.childrenInCare ?? 0
        w.eldersInCare = input.eldersInCare ?? 0
        w.farming = input.farming ?? false
        w.skills = c.text(input.skills)
        w.needs = needs.map(\.rawValue).joined(separator: ",")
        w.employmentInterest = input.employmentInterest ?? false
        w.healthInterest = input.healthInterest ?? false
        w.status = .new
        w.createdAt = at
        w.updatedAt = at
        let husbandP = husbandPerson
        classify(w, hukou: hukou!, today: RegistryService.today(at))
        try await scoped.db.transaction { tx in
            var householdID = me.householdID ?? husbandP?.householdID
            if householdID == nil {
                let h = Household()
                h.id = TimeOrderedID.next()
                h.unitCode = unit
                h.address = ""
                h.poverty = PovertyStatus.none.rawValue
                h.createdAt = at
                try await h.create(on: tx)
                householdID = h.id
            }
            w.householdID = householdID
            for p in [me, husbandP].compactMap({ $0 }) where !p._$idExists {
                p.householdID = p.householdID ?? householdID
                try await p.create(on: tx)
                try await AuditLog.append(AuditEvent(AuditAction.create, "person", p.id!.uuidString, unit: p.unitCode, fields: AuditLog.created(p.auditFields)), by: actor, at: at, on: tx)
            }
            try await w.create(on: tx)
            try await AuditLog.append(AuditEvent(AuditAction.create, "woman", w.id!.uuidString, unit: unit, fields: AuditLog.created(w.auditFields)), by: actor, at: at, on: tx)
        }
        return w
    }

    static func patch(_ w: Woman, _ input: WomanInput, scoped: Scoped, actor: AuditActor, at: Date) async throws -> Woman {
        var c = Checker()
        let before = w.auditFields
        let hs = input.husband.flatMap { c.token($0.situation, "husband.situation", ParentSituation.self, required: false) }
        let since = input.husband.flatMap { c.date($0.since, "husband.since") }
        var needs: [WomanNeed]? = nil
        if let ns = input.needs {
            needs = []
            for n in ns { if let v = WomanNeed(rawValue: n) { needs!.append(v) } else { c.errors.append(FieldError(field: "needs", key: "field.error.choice")) } }
        }
        if let n = input.name, n.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { c.errors.append(FieldError(field: "name", key: "field.error.required")) }
        let phone = input.phone.map { c.phone($0, "phone") }
        for (k, n) in [("childrenInCare", input.childrenInCare), ("eldersInCare", input.eldersInCare)] where n.map({ !(0...20).contains($0) }) == true {
            c.errors.append(FieldError(field: k, key: "field.error.choice"))
        }
        try c.throwIfAny()
        // Her name and phone are her person record's; the address is her household's.
        if input.name != nil || input.phone != nil, let me = try await Person.find(w.personID, on: scoped.db) {
            var up = PersonPatch(name: input.name?.trimmingCharacters(in: .whitespacesAndNewlines))
            if let p = phone { if let p { up.phone = p } else { up.cleared.insert("phone") } }
            _ = try await RegistryService.patchPerson(me, up, scoped: scoped, actor: actor, at: at)
        }
        if let a = input.address, let hid = w.householdID, let h = try await Household.find(hid, on: scoped.db), h.address != a.trimmingCharacters(in: .whitespaces) {
            _ = try await HouseholdService.patch(h, HouseholdInput(address: a), scoped: scoped, actor: actor, at: at)
        }
        if let s = hs { w.husbandSituation = s.rawValue }
        if let d = since { w.husbandSince = d.iso }
        if let p = input.husband?.workPlace { w.husbandWorkPlace = c.text(p) }
        if let n = input.childrenInCare { w.childrenInCare = max(0, n) }
        if let n = input.eldersInCare { w.eldersInCare = max(0, n) }
        if let b = input.farming { w.farming = b }
        if let s = input.skills { w.skills = c.text(s) }
        if let n = needs { w.needs = n.map(\.rawValue).joined(separator: ",") }
        if let b = input.employmentInterest { w.employmentInterest = b }
        if let b = input.healthInterest { w.healthInterest = b }
        let me = try await Person.find(w.personID, on: scoped.db)
        classify(w, hukou: Hukou(rawValue: me?.hukou ?? "") ?? .rural, today: RegistryService.today(at))
        w.updatedAt = at
        try await scoped.db.transaction { tx in
            try await w.save(on: tx)
            try await AuditLog.append(AuditEvent(AuditAction.update, "woman", w.id!.uuidString, unit: w.unitCode, fields: AuditLog.diff(before, w.auditFields)), by: actor, at: at, on: tx)
        }
        return w
    }

    static func dto(_ w: Woman, people: [UUID: Person], today: CivilDate, lang: UILanguage = .zh) -> WomanDTO {
        let me = people[w.personID]
        let hb = w.husbandID.flatMap { people[$0] }
        return WomanDTO(id: w.id!.uuidString, personId: w.personID.uuidString, name: me?.name ?? "", idNumber: me?.idNumber.map(Masking.idNumber) ?? "",
                        birthDate: me?.birthDate, age: me?.birth.map { Age.years(born: $0, on: today) }, villageCode: w.unitCode, hukou: me?.hukou ?? "rural",
                        phone: me?.phone.map(Masking.phone),
                        husband: RegistryDTO.parent(hb, situation: w.husbandSituation, workPlace: w.husbandWorkPlace, since: w.husbandSince),
                        childrenInCare: w.childrenInCare, eldersInCare: w.eldersInCare, farming: w.farming, skills: w.skills, needs: w.needList.map(\.rawValue),
                        employmentInterest: w.employmentInterest, healthInterest: w.healthInterest, leftBehind: w.leftBehind,
                        reasons: w.reasonList.map { ReasonDTO($0, lang) }, status: w.status.rawValue, householdId: w.householdID?.uuidString,
                        createdAt: AuditLog.timestamp(w.createdAt))
    }
}

extension Scoped {
    func women() -> QueryBuilder<Woman> { Woman.query(on: db).within(jurisdiction, \.$unitCode).filter(\.$voidedReason == nil) }

    func woman(_ id: String) async throws -> Woman? {
        guard let uuid = UUID(uuidString: id), let w = try await Woman.find(uuid, on: db), inScope(w.unitCode), w.voidedReason == nil else { return nil }
        return w
    }

    func households() -> QueryBuilder<Household> { Household.query(on: db).within(jurisdiction, \.$unitCode).filter(\.$voidedReason == nil) }

    func household(_ id: String) async throws -> Household? {
        guard let uuid = UUID(uuidString: id), let h = try await Household.find(uuid, on: db), inScope(h.unitCode) else { return nil }
        return h
    }

    func members(of householdID: UUID) async throws -> [Person] {
        try await Person.query(on: db).filter(\.$householdID == householdID).sort(\.$birthDate).all()
    }
}

enum HouseholdService {
    /// A change of poverty status (低保 granted …) reclassifies every child of the household in the same transaction.
    static func patch(_ h: Household, _ input: HouseholdInput, scoped: Scoped, actor: AuditActor, at: Date) async throws -> Household {
        var c = Checker()
        let poverty = c.token(input.poverty, "poverty", PovertyStatus.self, required: false)
        if let la = input.latitude, !(-90...90).contains(la) { c.errors.append(FieldError(field: "latitude", key: "field.error.choice")) }
        if let lo = input.longitude, !(-180...180).contains(lo) { c.errors.append(FieldError(field: "longitude", key: "field.error.choice")) }
        try c.throwIfAny()
        let before = ["poverty": h.poverty, "address": h.address, "villageGroup": h.villageGroup ?? "", "latitude": h.latitude.map { String($0) } ?? "", "longitude": h.longitude.map { String($0) } ?? ""]
        if let p = poverty { h.poverty = p.rawValue }
        if let a = input.address { h.address = a.trimmingCharacters(in: .whitespaces) }
        if let g = input.villageGroup { h.villageGroup = c.text(g) }
        if let la = input.latitude { h.latitude = la }
        if let lo = input.longitude { h.longitude = lo }
        let after = ["poverty": h.poverty, "address": h.address, "villageGroup": h.villageGroup ?? "", "latitude": h.latitude.map { String($0) } ?? "", "longitude": h.longitude.map { String($0) } ?? ""]
        try await scoped.db.transaction { tx in
            try await h.save(on: tx)
            try await AuditLog.append(AuditEvent(AuditAction.update, "household", h.id!.uuidString, unit: h.unitCode, fields: AuditLog.diff(before, after)), by: actor, at: at, on: tx)
            for child in try await Child.query(on: tx).filter(\.$householdID == h.id!).all() {
                try await RegistryService.reclassify(child, on: tx, actor: actor, at: at)
            }
        }
        return h
    }
}
