import Fluent
import Vapor
import GuanaiCore

enum WomenService {
    static func classify(_ w: Woman, hukou: Hukou, today: CivilDate) {
        let r = WomanClassifier.classify(
            hukou: hukou, husbandSituation: w.husbandSituation.flatMap(ParentSituation.init(rawValue:)),
            awaySince: w.husbandSince.flatMap(CivilDate.init(iso:)), today: today)
        w.leftBehind = r.leftBehind
        w.reasons = RegistryService.json(r.reasons)
        w.nextReview = r.qualifiesOn?.iso
        (w.status, w.exitedOn) = WomanForm.status(w.status, exitedOn: w.exitedOn, leftBehind: r.leftBehind, today: today)
    }

    static func create(_ input: WomanInput, scoped: Scoped, actor: AuditActor, at: Date) async throws -> Woman {
        var c = Checker(), vc = Checker()
        let village = try await RegistryService.checkVillage(input.villageCode, &vc, scoped: scoped)
        let checked = WomanForm.check(input, village: village.flatMap { DivisionCode($0.code) }, villageErrors: vc.errors, &c)
        try c.throwIfAny()
        guard let k = checked, let village else { throw FieldErrors(c.errors) }
        let (name, id, hukou, phone, health, husband) = (k.name, k.id, k.hukou, k.phone, k.health, k.husband)
        if let existing = try await Person.query(on: scoped.db).filter(\.$idNumber == id.value).first(),
            let w = try await Woman.query(on: scoped.db).filter(\.$personID == existing.id!).first()
        {
            throw ConflictError.existing(
                field: "idNumber", key: "women.error.exists", id: w.id!.uuidString, unit: w.unitCode, scoped: scoped)
        }
        var errors: [FieldError] = []
        let unit = village.code
        let me = try await RegistryService.person(
            id: id, name: name, field: "woman", unit: unit, scoped: scoped, confirm: input.confirmLinks ?? false, errors: &errors,
            fill: { p in
                p.hukou = hukou.rawValue
                p.phone = phone
                p.health = health.rawValue
                p.ethnicity = k.ethnicity
            }, compare: [("phone", nil, phone)], at: at)
        var husbandPerson: Person? = nil
        if let h = husband, let name = h.name {
            husbandPerson = try await RegistryService.person(
                id: h.id, name: name, field: "husband", unit: unit, scoped: scoped, confirm: input.confirmLinks ?? false, errors: &errors,
                fill: { p in
                    p.sex = p.sex ?? Sex.male.rawValue
                    p.phone = h.phone
                    p.hukou = hukou.rawValue
                }, compare: [], at: at)
        }
        if !errors.isEmpty { throw FieldErrors(errors) }
        let w = Woman()
        w.id = TimeOrderedID.next()
        w.personID = me.id!
        w.unitCode = unit
        w.husbandID = husbandPerson?.id
        w.record = k.record
        w.status = .new
        w.createdAt = at
        w.updatedAt = at
        let husbandP = husbandPerson
        classify(w, hukou: hukou, today: RegistryService.today(at))
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
                try await AuditLog.append(
                    AuditEvent(AuditAction.create, p.recordID, unit: p.unitCode, fields: AuditLog.created(p.auditFields)),
                    by: actor, at: at, on: tx)
            }
            try await w.create(on: tx)
            try await AuditLog.append(
                AuditEvent(AuditAction.create, w.recordID, unit: unit, fields: AuditLog.created(w.auditFields)), by: actor,
                at: at, on: tx)
        }
        return w
    }

    static func patch(_ w: Woman, _ input: WomanInput, scoped: Scoped, actor: AuditActor, at: Date) async throws -> Woman {
        var c = Checker()
        let before = w.auditFields
        let change = WomanForm.change(input, &c)
        try c.throwIfAny()
        guard let change else { throw FieldErrors(c.errors) }
        // Her name and phone are her person record's; the address is her household's.
        if change.name != nil || change.phone != nil, let me = try await Person.find(w.personID, on: scoped.db) {
            var up = PersonPatch(name: change.name)
            if let p = change.phone { if let p { up.phone = p } else { up.cleared.insert(FieldName.phone.rawValue) } }
            _ = try await RegistryService.patchPerson(me, up, scoped: scoped, actor: actor, at: at)
        }
        if let a = change.address, let hid = w.householdID, let h = try await Household.find(hid, on: scoped.db),
            h.address != a.trimmingCharacters(in: .whitespaces)
        {
            _ = try await HouseholdService.patch(h, HouseholdInput(address: a), scoped: scoped, actor: actor, at: at)
        }
        var record = w.record
        change.apply(to: &record)
        w.record = record
        let me = try await Person.find(w.personID, on: scoped.db)
        classify(w, hukou: Hukou(rawValue: me?.hukou ?? "") ?? .rural, today: RegistryService.today(at))
        w.updatedAt = at
        try await scoped.db.transaction { tx in
            try await w.save(on: tx)
            try await AuditLog.append(
                AuditEvent(AuditAction.update, w.recordID, unit: w.unitCode, fields: AuditLog.diff(before, w.auditFields)),
                by: actor, at: at, on: tx)
        }
        return w
    }

    static func dto(_ w: Woman, people: [PersonID: Person], today: CivilDate, lang: UILanguage = .zh) -> WomanDTO {
        let me = people[w.person]
        let hb = w.husband.flatMap { people[$0] }
        let main = WomanMainDTO(
            id: w.id!.uuidString, personId: w.personID.uuidString, name: me?.name ?? "", idNumber: me?.idNumber.map(Masking.idNumber) ?? "",
            birthDate: me?.birthDate, age: me?.birth.map { Age.years(born: $0, on: today) }, villageCode: w.unitCode,
            hukou: me?.hukou ?? Hukou.rural.rawValue,
            phone: me?.phone.map(Masking.phone),
            husband: RegistryDTO.parent(hb, situation: w.husbandSituation, workPlace: w.husbandWorkPlace, since: w.husbandSince),
            needs: w.needList.map(\.rawValue), leftBehind: w.leftBehind,
            reasons: w.reasonList.map { ReasonDTO($0, lang) }, status: w.status.rawValue, householdId: w.householdID?.uuidString,
            createdAt: AuditLog.timestamp(w.createdAt))
        return WomanDTO(main: main, details: w.details.complete)
    }
}

extension Scoped {
    func women() -> QueryBuilder<Woman> { Woman.query(on: db).within(jurisdiction, \.$unitCode).filter(\.$voidedReason == nil) }

    func woman(_ id: WomanID) async throws -> Woman? {
        guard let w = try await Woman.find(id, on: db), inScope(w.unitCode), w.voidedReason == nil else {
            return nil
        }
        return w
    }

    func households() -> QueryBuilder<Household> {
        Household.query(on: db).within(jurisdiction, \.$unitCode).filter(\.$voidedReason == nil)
    }

    func household(_ id: HouseholdID) async throws -> Household? {
        guard let h = try await Household.find(id, on: db), inScope(h.unitCode) else { return nil }
        return h
    }

    func members(of household: HouseholdID) async throws -> [Person] {
        try await Person.query(on: db).filter(\.$householdID == household.uuid).sort(\.$birthDate).all()
    }
}

enum HouseholdService {
    /// A change of poverty status (低保 granted …) reclassifies every child of the household in the same transaction.
    static func patch(_ h: Household, _ input: HouseholdInput, scoped: Scoped, actor: AuditActor, at: Date) async throws -> Household {
        var c = Checker()
        let change = HouseholdForm.change(input, &c)
        try c.throwIfAny()
        guard let change else { throw FieldErrors(c.errors) }
        var record = h.record
        let before = record.auditFields
        change.apply(to: &record)
        h.record = record
        let after = record.auditFields
        try await scoped.db.transaction { tx in
            try await h.save(on: tx)
            try await AuditLog.append(
                AuditEvent(AuditAction.update, h.recordID, unit: h.unitCode, fields: AuditLog.diff(before, after)),
                by: actor, at: at, on: tx)
            for child in try await Child.query(on: tx).filter(\.$householdID == h.id!).all() {
                try await RegistryService.reclassify(child, on: tx, actor: actor, at: at)
            }
        }
        return h
    }
}
