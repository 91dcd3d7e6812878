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
        var vc = Checker()
        let moveTo: Unit? = patch.villageCode != nil ? try await checkVillage(patch.villageCode, &vc, scoped: scoped) : nil
        var stored: Person? = nil
        if let id = child.guardian { stored = try await scoped.people([id])[id] }
        let storedFacts = ChildChange.Stored(
            livingArrangement: LivingArrangement(rawValue: child.livingArrangement),
            improperGuardianship: child.improperGuardianship, improperNote: child.improperNote,
            guardian: stored.map { .init(name: $0.name, idNumber: $0.idNumber, birthDate: $0.birthDate) })
        let checkedChange = ChildChange.check(patch, stored: storedFacts, villageErrors: vc.errors, &c)
        try c.throwIfAny()
        guard let k = checkedChange else { throw FieldErrors(c.errors) }
        let (guardianUpdate, fphone, mphone) = (k.guardianUpdate, k.father.phone, k.mother.phone)
        var errors: [FieldError] = []
        let guardian = k.newGuardian
        var newGuardian: Person? = nil
        if let g = guardian {
            newGuardian = try await person(
                id: g.id, name: g.name, field: "guardian", unit: child.unitCode, scoped: scoped, confirm: patch.confirmLinks ?? false,
                errors: &errors,
                fill: { p in
                    p.phone = g.phone
                    p.health = g.health.rawValue
                    if p.birthDate == nil { p.birthDate = g.birthDate?.iso }
                }, compare: [("birthDate", nil, g.birthDate?.iso)], at: at)
        }
        if !errors.isEmpty { throw FieldErrors(errors) }
        // The guardian's own record first: every child she cares for reads it, this one included.
        if let up = guardianUpdate, let stored { _ = try await patchPerson(stored, up, scoped: scoped, actor: actor, at: at) }
        for (id, phone, key) in [(child.father, fphone, "father"), (child.mother, mphone, "mother")] {
            guard let id, phone != nil || cleared.contains(key + ".phone"), let p = try await scoped.people([id])[id] else { continue }
            var up = PersonPatch(phone: phone)
            if phone == nil { up.cleared.insert(FieldName.phone.rawValue) }
            _ = try await patchPerson(p, up, scoped: scoped, actor: actor, at: at)
        }
        let checked = c, guardianPerson = newGuardian, target = moveTo
        try await scoped.db.transaction { tx in
            let c = checked
            var record = child.changeRecord
            let removesGuardian = ChildChange.apply(k, patch, to: &record)
            child.changeRecord = record
            if removesGuardian { child.guardianID = nil }
            if let g = guardianPerson {
                if !g._$idExists {
                    try await g.create(on: tx)
                    try await AuditLog.append(
                        AuditEvent(
                            AuditAction.create, g.recordID, unit: g.unitCode, fields: AuditLog.created(g.auditFields)),
                        by: actor, at: at, on: tx)
                }
                child.guardianID = g.id
            }
            // The child's name is her person record's; the address is her household's.
            if let n = patch.name, let me = try await Person.find(child.person, on: tx) {
                let name = n.trimmingCharacters(in: .whitespacesAndNewlines)
                if name != me.name {
                    let pb = me.auditFields
                    me.name = name
                    me.initials = Pinyin.initials(name)
                    me.updatedAt = at
                    try await me.save(on: tx)
                    try await AuditLog.append(
                        AuditEvent(
                            AuditAction.update, me.recordID, unit: me.unitCode, fields: AuditLog.diff(pb, me.auditFields)),
                        by: actor, at: at, on: tx)
                }
            }
            if patch.address != nil || cleared.contains("address") {
                let address = patch.address.flatMap { c.text($0) } ?? ""
                if let hid = child.household, let h = try await Household.find(hid, on: tx) {
                    if h.address != address {
                        let old = h.address
                        h.address = address
                        try await h.save(on: tx)
                        try await AuditLog.append(
                            AuditEvent(
                                AuditAction.update, hid, unit: h.unitCode,
                                fields: AuditLog.diff(["address": old], ["address": address])), by: actor, at: at, on: tx)
                    }
                } else if !address.isEmpty {
                    let h = Household()
                    h.id = TimeOrderedID.next()
                    h.unitCode = child.unitCode
                    h.address = address
                    h.poverty = PovertyStatus.none.rawValue
                    h.createdAt = at
                    try await h.create(on: tx)
                    try await AuditLog.append(
                        AuditEvent(
                            AuditAction.create, h.recordID, unit: h.unitCode,
                            fields: AuditLog.created(["poverty": h.poverty, "address": h.address])), by: actor, at: at, on: tx)
                    child.householdID = h.id
                }
            }
            var left: String? = nil
            if let u = target, u.code != child.unitCode {
                // Moving village keeps the record and its history; the child's own person record moves with her.
                left = child.unitCode
                child.unitCode = u.code
                if let me = try await Person.find(child.person, on: tx) { me.unitCode = u.code; try await me.save(on: tx) }
            }
            child.updatedAt = at
            let (facts, _) = try await facts(for: child, on: tx)
            apply(ChildClassifier.classify(facts, on: today(at)), to: child, today: today(at), reason: nil)
            try await copyGuardian(child, on: tx)
            try await SafetyService.assess(child, facts: facts, on: tx, at: at, settings: try await SafetyService.settings(on: tx))
            try await child.save(on: tx)
            if let left { try await ChildTally.refresh([left], on: tx) }
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.update, child.recordID, unit: child.unitCode,
                    fields: AuditLog.diff(before, child.auditFields)), by: actor, at: at, on: tx)
            try await SafetyService.raiseIfCritical(child, before: tierBefore, on: tx, actor: actor, at: at)
        }
        return child
    }

    /// classification reads her is recomputed in the same transaction.
    static func patchPerson(_ person: Person, _ patch: PersonPatch, scoped: Scoped, actor: AuditActor, at: Date) async throws -> (
        Person, [Child]
    ) {
        var c = Checker()
        let before = person.auditFields
        let checked = patch.check(&c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        let (phone, health, vital) = (checked.phone, checked.health, checked.vitalStatus)
        let (since, birth) = (checked.healthSince, checked.birthDate)
        let changed: [Child] = try await scoped.db.transaction { tx in
            var changed: [Child] = []
            if let n = patch.name { person.name = n.trimmingCharacters(in: .whitespaces); person.initials = Pinyin.initials(person.name) }
            if patch.cleared.contains(FieldName.phone.rawValue) { person.phone = nil } else if let p = phone { person.phone = p }
            if let b = birth, person.idNumber == nil { person.birthDate = b.iso }
            if patch.cleared.contains("healthSince") { person.healthSince = nil }
            if let h = health { person.health = h.rawValue; person.healthSince = since?.iso ?? person.healthSince }
            if let v = vital { person.vitalStatus = v.rawValue }
            if patch.cleared.contains("ethnicity") {
                person.ethnicity = nil
            } else if let e = patch.ethnicity {
                person.ethnicity = e.isEmpty ? nil : e
            }
            if patch.cleared.contains("disabilityGrade") {
                person.disabilityGrade = nil
            } else if let g = patch.disabilityGrade {
                person.disabilityGrade = g
            }
            person.updatedAt = at
            try await person.save(on: tx)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.update, person.recordID, unit: person.unitCode,
                    fields: AuditLog.diff(before, person.auditFields)), by: actor, at: at, on: tx)
            for child in try await children(linkedTo: person.recordID, on: tx)
            where try await reclassify(child, on: tx, actor: actor, at: at) {
                changed.append(child)
            }
            return changed
        }
        return (person, changed)
    }
}
