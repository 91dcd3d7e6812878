import Fluent
import Vapor
import GuanaiCore

/// Changes to a registered child or person: a partial patch, reclassified in the same transaction.
extension RegistryService {
    /// Applies a partial change to a child; parent situations and the guardian are part of it. Reclassifies in the same
    /// transaction, so a change that makes a child left-behind (or not) is never seen half-done.
    static func patchChild(_ child: Child, _ patch: ChildPatch, scoped: Scoped, actor: AuditActor, at: Date) async throws -> Child {
        var c = Checker()
        let before = child.auditFields
        let tierBefore = child.tier
        let cleared = patch.cleared
        var moveTo: Unit? = nil
        for required in ["name", "villageCode", "livingArrangement", "boarding", "improperGuardianship", "consent", "needs"] where cleared.contains(required) {
            c.errors.append(FieldError(field: required, key: "field.error.required"))
        }
        if let n = patch.name, n.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { c.errors.append(FieldError(field: "name", key: "field.error.required")) }
        if patch.villageCode != nil { moveTo = try await checkVillage(patch.villageCode, &c, scoped: scoped) }
        let living = c.token(patch.livingArrangement, "livingArrangement", LivingArrangement.self, required: false)
        var needs: [ChildNeed]? = nil
        if let ns = patch.needs {
            needs = []
            for n in ns { if let v = ChildNeed(rawValue: n) { needs!.append(v) } else { c.errors.append(FieldError(field: "needs", key: "field.error.choice")) } }
        }
        let informed = c.date(patch.informedOn, "informedOn")
        func parentSituation(_ p: ParentInput?, _ f: String) -> (ParentSituation?, CivilDate?, String?) {
            guard let p else { return (nil, nil, nil) }
            return (c.token(p.situation, f + ".situation", ParentSituation.self, required: false), c.date(p.since, f + ".since"), p.phone.flatMap { c.phone($0, f + ".phone") })
        }
        let (fs, fsince, fphone) = parentSituation(patch.father, "father")
        let (ms, msince, mphone) = parentSituation(patch.mother, "mother")
        for (key, p) in [("father", patch.father), ("mother", patch.mother)] where p?.name != nil || p?.idNumber != nil {
            // Who a parent is comes from the registration or a ledger; a patch changes how she is, not who.
            c.errors.append(FieldError(field: key + (p?.idNumber != nil ? ".idNumber" : ".name"), key: "registry.error.parentIdentity"))
        }
        // The guardian merges onto the one stored unless the patch names someone else: then it is a new guardian,
        // and nothing of the previous one's health or phone is carried over to her.
        var stored: Person? = nil
        if let id = child.guardianID { stored = try await scoped.people([id])[id] }
        var guardianUpdate: PersonPatch? = nil
        var relation: GuardianRelation? = nil
        var checkedGuardian: CheckedGuardian? = nil
        if let g = patch.guardian, !cleared.contains("guardian") {
            let sentID = g.idNumber.map(IDNumber.normalise)
            let same = stored != nil && (g.name == nil || g.name?.trimmingCharacters(in: .whitespaces) == stored!.name)
                && (sentID == nil || sentID == stored!.idNumber)
            if same, let stored {
                relation = c.token(g.relation, "guardian.relation", GuardianRelation.self, required: false)
                if cleared.contains("guardian.relation") { c.errors.append(FieldError(field: "guardian.relation", key: "field.error.required")) }
                if cleared.contains("guardian.health") { c.errors.append(FieldError(field: "guardian.health", key: "field.error.required")) }
                _ = c.token(g.health, "guardian.health", Health.self, required: false)
                _ = g.phone.map { c.phone($0, "guardian.phone") }
                let birth = c.date(g.birthDate, "guardian.birthDate")
                if birth != nil, stored.idNumber != nil { c.errors.append(FieldError(field: "guardian.birthDate", key: "id.error.birthMismatch", args: [stored.birthDate ?? ""])) }
                var up = PersonPatch(phone: g.phone, health: g.health)
                if cleared.contains("guardian.phone") { up.cleared.insert("phone") }
                up.birthDate = birth?.iso
                if up.phone != nil || up.health != nil || up.birthDate != nil || !up.cleared.isEmpty { guardianUpdate = up }
            } else {
                checkedGuardian = ChildForm.guardian(g, &c)
            }
        }
        if cleared.contains("guardian") || patch.removeGuardian == true {
            if (living ?? LivingArrangement(rawValue: child.livingArrangement)) == .withGuardian { c.errors.append(FieldError(field: "guardian.name", key: "registry.error.guardianNeeded")) }
        }
        let improper = patch.improperGuardianship ?? child.improperGuardianship
        let note = cleared.contains("improperNote") ? nil : (patch.improperNote ?? child.improperNote)
        if improper && (note ?? "").trimmingCharacters(in: .whitespaces).isEmpty && (patch.improperGuardianship == true || patch.improperNote != nil || cleared.contains("improperNote")) {
            c.errors.append(FieldError(field: "improperNote", key: "registry.error.improperNote"))
        }
        try c.throwIfAny()
        var errors: [FieldError] = []
        let guardian = checkedGuardian
        var newGuardian: Person? = nil
        if let g = guardian {
            newGuardian = try await person(id: g.id, name: g.name, field: "guardian", unit: child.unitCode, scoped: scoped, confirm: patch.confirmLinks ?? false, errors: &errors, fill: { p in
                p.phone = g.phone
                p.health = g.health.rawValue
                if p.birthDate == nil { p.birthDate = g.birthDate?.iso }
            }, compare: [("birthDate", nil, g.birthDate?.iso)], at: at)
        }
        if !errors.isEmpty { throw FieldErrors(errors) }
        // The guardian's own record first: every child she cares for reads it, this one included.
        if let up = guardianUpdate, let stored { _ = try await patchPerson(stored, up, scoped: scoped, actor: actor, at: at) }
        for (id, phone, key) in [(child.fatherID, fphone, "father"), (child.motherID, mphone, "mother")] {
            guard let id, phone != nil || cleared.contains(key + ".phone"), let p = try await scoped.people([id])[id] else { continue }
            var up = PersonPatch(phone: phone)
            if phone == nil { up.cleared.insert("phone") }
            _ = try await patchPerson(p, up, scoped: scoped, actor: actor, at: at)
        }
        let checked = c, newNeeds = needs, guardianPerson = newGuardian, target = moveTo, newRelation = relation
        try await scoped.db.transaction { tx in
            let c = checked
            func text(_ v: String?, _ key: String) -> String?? { cleared.contains(key) ? .some(nil) : v.map { c.text($0) } }
            if let p = text(patch.school, "school") { child.school = p }
            if let p = text(patch.grade, "grade") { child.grade = p }
            if let b = patch.boarding { child.boarding = b }
            if let l = living { child.livingArrangement = l.rawValue }
            if let n = newNeeds { child.setNeeds(n) }
            if let b = patch.improperGuardianship { child.improperGuardianship = b }
            if let n = text(patch.improperNote, "improperNote") { child.improperNote = n }
            if cleared.contains("informedOn") { child.informedOn = nil } else if let d = informed { child.informedOn = d.iso }
            if let b = patch.consent { child.consent = b }
            if cleared.contains("father.situation") { child.fatherSituation = nil }
            if let s = fs { child.fatherSituation = s.rawValue; if s != .workingAway { child.fatherWorkPlace = nil; child.fatherSince = nil } }
            if let w = text(patch.father?.workPlace, "father.workPlace") { child.fatherWorkPlace = w }
            if cleared.contains("father.since") { child.fatherSince = nil } else if let d = fsince { child.fatherSince = d.iso }
            if cleared.contains("mother.situation") { child.motherSituation = nil }
            if let s = ms { child.motherSituation = s.rawValue; if s != .workingAway { child.motherWorkPlace = nil; child.motherSince = nil } }
            if let w = text(patch.mother?.workPlace, "mother.workPlace") { child.motherWorkPlace = w }
            if cleared.contains("mother.since") { child.motherSince = nil } else if let d = msince { child.motherSince = d.iso }
            if patch.removeGuardian == true || cleared.contains("guardian") { child.guardianID = nil; child.guardianRelation = nil }
            if let r = newRelation { child.guardianRelation = r.rawValue }
            if let g = guardianPerson, let gi = guardian {
                if !g._$idExists {
                    try await g.create(on: tx)
                    try await AuditLog.append(AuditEvent(AuditAction.create, "person", g.id!.uuidString, unit: g.unitCode, fields: AuditLog.created(g.auditFields)), by: actor, at: at, on: tx)
                }
                child.guardianID = g.id
                child.guardianRelation = gi.relation.rawValue
            }
            // The child's name is her person record's; the address is her household's.
            if let n = patch.name, let me = try await Person.find(child.personID, on: tx) {
                let name = n.trimmingCharacters(in: .whitespacesAndNewlines)
                if name != me.name {
                    let pb = me.auditFields
                    me.name = name
                    me.initials = Pinyin.initials(name)
                    me.updatedAt = at
                    try await me.save(on: tx)
                    try await AuditLog.append(AuditEvent(AuditAction.update, "person", me.id!.uuidString, unit: me.unitCode, fields: AuditLog.diff(pb, me.auditFields)), by: actor, at: at, on: tx)
                }
            }
            if patch.address != nil || cleared.contains("address") {
                let address = patch.address.flatMap { c.text($0) } ?? ""
                if let hid = child.householdID, let h = try await Household.find(hid, on: tx) {
                    if h.address != address {
                        let old = h.address
                        h.address = address
                        try await h.save(on: tx)
                        try await AuditLog.append(AuditEvent(AuditAction.update, "household", hid.uuidString, unit: h.unitCode, fields: AuditLog.diff(["address": old], ["address": address])), by: actor, at: at, on: tx)
                    }
                } else if !address.isEmpty {
                    let h = Household()
                    h.id = TimeOrderedID.next()
                    h.unitCode = child.unitCode
                    h.address = address
                    h.poverty = PovertyStatus.none.rawValue
                    h.createdAt = at
                    try await h.create(on: tx)
                    try await AuditLog.append(AuditEvent(AuditAction.create, "household", h.id!.uuidString, unit: h.unitCode, fields: AuditLog.created(["poverty": h.poverty, "address": h.address])), by: actor, at: at, on: tx)
                    child.householdID = h.id
                }
            }
            var left: String? = nil
            if let u = target, u.code != child.unitCode {
                // Moving village keeps the record and its history; the child's own person record moves with her.
                left = child.unitCode
                child.unitCode = u.code
                if let me = try await Person.find(child.personID, on: tx) { me.unitCode = u.code; try await me.save(on: tx) }
            }
            child.updatedAt = at
            let (facts, _) = try await facts(for: child, on: tx)
            apply(ChildClassifier.classify(facts, on: today(at)), to: child, today: today(at), reason: nil)
            try await copyGuardian(child, on: tx)
            try await SafetyService.assess(child, facts: facts, on: tx, at: at, settings: try await SafetyService.settings(on: tx))
            try await child.save(on: tx)
            if let left { try await ChildTally.refresh([left], on: tx) }
            try await AuditLog.append(AuditEvent(AuditAction.update, "child", child.id!.uuidString, unit: child.unitCode, fields: AuditLog.diff(before, child.auditFields)), by: actor, at: at, on: tx)
            try await SafetyService.raiseIfCritical(child, before: tierBefore, on: tx, actor: actor, at: at)
        }
        return child
    }

    /// classification reads her is recomputed in the same transaction.
    static func patchPerson(_ person: Person, _ patch: PersonPatch, scoped: Scoped, actor: AuditActor, at: Date) async throws -> (Person, [Child]) {
        var c = Checker()
        let before = person.auditFields
        if let n = patch.name, n.trimmingCharacters(in: .whitespaces).isEmpty { c.errors.append(FieldError(field: "name", key: "field.error.required")) }
        let phone = patch.phone.map { c.phone($0, "phone") }
        let health = c.token(patch.health, "health", Health.self, required: false)
        let vital = c.token(patch.vitalStatus, "vitalStatus", VitalStatus.self, required: false)
        let since = c.date(patch.healthSince, "healthSince")
        let birth = c.date(patch.birthDate, "birthDate")
        for required in ["name", "health", "vitalStatus"] where patch.cleared.contains(required) { c.errors.append(FieldError(field: required, key: "field.error.required")) }
        if let e = patch.ethnicity, !e.isEmpty, !Ethnicity.all.contains(e) { c.errors.append(FieldError(field: "ethnicity", key: "field.error.choice")) }
        if let g = patch.disabilityGrade, !(1...4).contains(g) { c.errors.append(FieldError(field: "disabilityGrade", key: "field.error.choice")) }
        try c.throwIfAny()
        let changed: [Child] = try await scoped.db.transaction { tx in
            var changed: [Child] = []
            if let n = patch.name { person.name = n.trimmingCharacters(in: .whitespaces); person.initials = Pinyin.initials(person.name) }
            if patch.cleared.contains("phone") { person.phone = nil } else if let p = phone { person.phone = p }
            if let b = birth, person.idNumber == nil { person.birthDate = b.iso }
            if patch.cleared.contains("healthSince") { person.healthSince = nil }
            if let h = health { person.health = h.rawValue; person.healthSince = since?.iso ?? person.healthSince }
            if let v = vital { person.vitalStatus = v.rawValue }
            if patch.cleared.contains("ethnicity") { person.ethnicity = nil } else if let e = patch.ethnicity { person.ethnicity = e.isEmpty ? nil : e }
            if patch.cleared.contains("disabilityGrade") { person.disabilityGrade = nil } else if let g = patch.disabilityGrade { person.disabilityGrade = g }
            person.updatedAt = at
            try await person.save(on: tx)
            try await AuditLog.append(AuditEvent(AuditAction.update, "person", person.id!.uuidString, unit: person.unitCode, fields: AuditLog.diff(before, person.auditFields)), by: actor, at: at, on: tx)
            for child in try await children(linkedTo: person.id!, on: tx) where try await reclassify(child, on: tx, actor: actor, at: at) {
                changed.append(child)
            }
            return changed
        }
        return (person, changed)
    }
}
