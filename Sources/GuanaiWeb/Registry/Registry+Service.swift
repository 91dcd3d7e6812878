import Fluent
import Vapor
import GuanaiCore

/// A parent or guardian ID number that already exists with other details: linked only once the person confirms.
struct LinkDifference: Sendable, Codable, Equatable {
    let field: String
    let existing: String
    let submitted: String
}

enum RegistryService {
    static func today(_ at: Date) -> CivilDate { CivilDate.inChina(at) }

    static func json<T: Encodable>(_ v: T) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        return String(decoding: (try? enc.encode(v)) ?? Data("[]".utf8), as: UTF8.self)
    }

    // MARK: people

    /// Finds the person with this ID number, or makes a new one. An existing person outside the jurisdiction cannot be
    /// linked from here (that would reveal her); one inside is linked, and differing details need confirmation.
    static func person(
        id: IDNumber?, name: String, field: String, unit: String, scoped: Scoped, confirm: Bool, errors: inout [FieldError],
        fill: (Person) -> Void, compare: [(String, String?, String?)], at: Date
    ) async throws -> Person {
        var existing: Person? = nil
        if let id { existing = try await Person.query(on: scoped.db).filter(\.$idNumber == id.value).first() }
        return person(
            existing: existing, id: id, name: name, field: field, unit: unit, scoped: scoped, confirm: confirm, errors: &errors, fill: fill,
            compare: compare, at: at)
    }

    /// The same, with the person holding this ID number (if any) already looked up: a bulk import looks up a batch at once.
    static func person(
        existing: Person?, id: IDNumber?, name: String, field: String, unit: String, scoped: Scoped, confirm: Bool,
        errors: inout [FieldError],
        fill: (Person) -> Void, compare: [(String, String?, String?)], at: Date
    ) -> Person {
        if id != nil, let existing {
            guard scoped.inScope(existing.unitCode) else {
                errors.append(FieldError(field: field + ".idNumber", key: "registry.error.elsewhere"))
                return existing
            }
            var diffs = existing.name == name ? [] : [LinkDifference(field: "name", existing: existing.name, submitted: name)]
            for (f, old, new) in compare where new != nil && old != nil && old != new {
                diffs.append(LinkDifference(field: f, existing: old!, submitted: new!))
            }
            if !diffs.isEmpty && !confirm {
                errors.append(
                    FieldError(
                        field: field + ".idNumber", key: "registry.error.linkDiffers",
                        args: [diffs.map { "\($0.existing) ≠ \($0.submitted)" }.joined(separator: "; ")]))
            }
            return existing
        }
        let p = Person()
        p.id = TimeOrderedID.next()
        p.unitCode = unit
        p.name = name
        p.idNumber = id?.value
        p.sex = id?.sex.rawValue
        p.birthDate = id?.birthDate.iso
        p.health = Health.healthy.rawValue
        p.vitalStatus = VitalStatus.alive.rawValue
        p.initials = Pinyin.initials(name)
        p.createdAt = at
        p.updatedAt = at
        fill(p)
        return p
    }

    // MARK: create

    /// A child's input once every field has passed its check, and the village record she is registered in: what
    /// `createChild` and the bulk import both build from.
    @dynamicMemberLookup
    struct CheckedChild {
        let form: ChildForm.Checked
        let village: Unit
        subscript<T>(dynamicMember kp: KeyPath<ChildForm.Checked, T>) -> T { form[keyPath: kp] }
    }

    /// Every check of a child's fields that needs no database is Core's (`ChildForm`); errors go into `c`, nil when
    /// there are any. The village comes from the database, inside the jurisdiction.
    static func check(_ input: ChildInput, village: Unit?, _ c: inout Checker, ledger: Bool = false) -> CheckedChild? {
        guard let form = ChildForm.check(input, village: village.flatMap { DivisionCode($0.code) }, &c, ledger: ledger), let village else {
            return nil
        }
        return CheckedChild(form: form, village: village)
    }

    static func createChild(_ input: ChildInput, scoped: Scoped, actor: AuditActor, at: Date, context: ChildContext? = nil) async throws
        -> Child
    {
        var c = Checker()
        let village = try await checkVillage(input.villageCode, &c, scoped: scoped, context: context)
        let checked = check(input, village: village, &c)
        try c.throwIfAny()
        guard let checked else { throw FieldErrors(c.errors) }
        // One form is a batch of one: the same lookups, rules and writes as a ledger import.
        let outcome = try await scoped.db.transaction { tx in
            try await ChildCreation.create(
                [ChildCreation.Row(input: input, checked: checked)], scoped: scoped.on(tx), actor: actor, at: at, context: context)[0]
        }
        switch outcome {
        case .created(let child, _): return child
        case .conflict(let existingID?): throw ConflictError(field: "idNumber", key: "registry.error.childExists", existingID: existingID)
        case .conflict(nil): throw ConflictError(field: "idNumber", key: "registry.error.registeredElsewhere", existingID: nil)
        case .likelyDuplicates(let ids): throw LikelyDuplicates(childIDs: ids)
        case .invalid(let errors): throw FieldErrors(errors)
        }
    }

    typealias CheckedParent = ChildForm.Parent
    typealias CheckedGuardian = ChildForm.Guardian

    static func checkVillage(_ raw: String?, _ c: inout Checker, scoped: Scoped, context: ChildContext? = nil) async throws -> Unit? {
        guard let code = c.required(raw, "villageCode") else { return nil }
        // An import asks about the same few hundred villages thousands of times.
        if let u = context?.villages[code] { return u }
        var unit = try await scoped.unit(code)
        if unit == nil { unit = try await scoped.units(named: code).first(where: { $0.divisionLevel == .village }) }
        guard let u = unit, u.isActive, u.divisionLevel == .village else {
            c.errors.append(FieldError(field: "villageCode", key: "registry.error.village"))
            return nil
        }
        context?.villages[code] = u
        return u
    }

    // MARK: classification

    /// Everything the rules read about a child, from her own record, her parents' and guardian's records and her household.
    static func facts(
        for child: Child, person: Person? = nil, on db: any Database, context: ChildContext? = nil, known: [PersonID: Person] = [:],
        household knownHousehold: Household? = nil
    ) async throws -> (ChildFacts, Person) {
        func find(_ id: PersonID) async throws -> Person? {
            if let p = known[id] { return p }
            if let context { return try await context.person(id, on: db) }
            return try await Person.find(id, on: db)
        }
        var me = person
        if me == nil { me = try await find(child.person) }
        guard let me else { throw Abort(.notFound) }
        var household: Household? = knownHousehold.flatMap { $0.recordID == child.household ? $0 : nil }
        if household == nil, let h = child.household {
            if let context {
                household = try await context.household(h, on: db)
            } else {
                household = try await Household.find(h, on: db)
            }
        }
        let father = try await child.father.asyncFlatMap { try await find($0) }
        let mother = try await child.mother.asyncFlatMap { try await find($0) }
        return (facts(for: child, me: me, father: father, mother: mother, household: household), me)
    }

    /// The same, from records already in hand.
    static func facts(for child: Child, me: Person, father: Person?, mother: Person?, household: Household?) -> ChildFacts {
        func parent(_ p: Person?, _ situation: String?) -> ParentFacts? {
            guard let s = situation.flatMap(ParentSituation.init(rawValue:)) else { return nil }
            return ParentFacts(situation: s, vitalStatus: p?.vital ?? .alive, health: p?.healthValue ?? .healthy)
        }
        return ChildFacts(
            birthDate: me.birth ?? CivilDate(year: 2000, month: 1, day: 1)!, hukou: Hukou(rawValue: me.hukou ?? "") ?? .rural,
            father: parent(father, child.fatherSituation), mother: parent(mother, child.motherSituation),
            ownHealth: me.healthValue, improperGuardianship: child.improperGuardianship,
            poverty: PovertyStatus(rawValue: household?.poverty ?? "") ?? .none)
    }

    /// Writes a classification onto the record: exit when nothing applies any more, re-entry when something applies again.
    static func apply(_ r: Classification, to child: Child, today: CivilDate, reason: String?) {
        child.setCategories(r.categories)
        child.reasons = json(r.reasons)
        child.leftBehind = r.leftBehind
        var standing = child.standing
        standing.apply(r, today: today, reason: reason)
        child.standing = standing
    }

    /// Copies the guardian's birth date and health onto the child for the list's filters. Returns whether they changed.
    @discardableResult
    static func copyGuardian(_ child: Child, on db: any Database, context: ChildContext? = nil, known: [PersonID: Person] = [:])
        async throws
        -> Bool
    {
        let before = [child.guardianBirth, child.guardianHealth]
        var g: Person? = nil
        if let id = child.guardian {
            if let p = known[id] {
                g = p
            } else if let context {
                g = try await context.person(id, on: db)
            } else {
                g = try await Person.find(id, on: db)
            }
        }
        child.guardianBirth = g?.birthDate
        child.guardianHealth = g?.health
        return before != [child.guardianBirth, child.guardianHealth]
    }

    /// Recomputes one child's classification; audited when anything changed. Returns whether it changed.
    @discardableResult
    static func reclassify(_ child: Child, on db: any Database, actor: AuditActor, at: Date, context: ChildContext? = nil) async throws
        -> Bool
    {
        let tierBefore = child.tier
        let tallyBefore = child.tallyKey
        guard let change = try await recompute(child, on: db, at: at, context: context) else { return false }
        // The sweep saves thousands of children whose counts do not move; only a real change recomputes the tally,
        // and in a batch that defers tallies, once per village at the batch's end.
        child.tallyUnchanged = tallyBefore == child.tallyKey
        if let context, context.deferTally, !child.tallyUnchanged { child.tallyUnchanged = true; context.touched(child.unitCode) }
        try await child.save(on: db)
        if let e = change.audit {
            if let context { context.audit(e) } else { try await AuditLog.append(e, by: actor, at: at, on: db) }
        }
        if let a = try await SafetyService.raiseIfCritical(child, before: tierBefore, on: db, actor: actor, at: at) { context?.opened(a) }
        return true
    }

    /// What recomputing a child changed: nil when nothing did; else the trail entry, if an audited field moved.
    struct Recomputed { let audit: AuditEvent? }

    /// The rules of `reclassify` on the record in hand, without saving it: classification, exit or re-entry, the
    /// guardian's copied fields, tier and due dates. The sweep's plain-SQL batches (`ChildSweep`) write the rows
    /// themselves and share this.
    static func recompute(_ child: Child, on db: any Database, at: Date, context: ChildContext?) async throws -> Recomputed? {
        let before = child.auditFields
        let (facts, _) = try await facts(for: child, on: db, context: context)
        let t = today(at)
        let r = ChildClassifier.classify(facts, on: t)
        let hint = ChildStanding.exitHint(wasLeftBehind: child.leftBehind, now: r, born: facts.birthDate, today: t)
        let oldReview = child.nextReview
        let safetyBefore = [child.riskReasons, child.riskReview, child.nextVisitDue]
        apply(r, to: child, today: t, reason: hint)
        let guardianCopied = try await copyGuardian(child, on: db, context: context)
        let settings: RiskSettings
        if let context { settings = context.settings } else { settings = try await SafetyService.settings(on: db) }
        try await SafetyService.assess(child, facts: facts, on: db, at: at, settings: settings, context: context)
        let diff = AuditLog.diff(before, child.auditFields)
        let safetyMoved = safetyBefore != [child.riskReasons, child.riskReview, child.nextVisitDue]
        if diff.isEmpty && oldReview == child.nextReview && !guardianCopied && !safetyMoved { return nil }
        child.updatedAt = at
        return Recomputed(
            audit: diff.isEmpty
                ? nil
                : AuditEvent(
                    AuditAction.update, child.recordID, unit: child.unitCode, fields: diff,
                    detail: ["by": ChangeCause.classification.rawValue])
        )
    }

    /// Children whose classification reads this person: as the child, a parent or the guardian.
    static func children(linkedTo person: PersonID, on db: any Database) async throws -> [Child] {
        let personID = person.uuid
        return try await Child.query(on: db).group(.or) {
            $0.filter(\.$personID == personID).filter(\.$fatherID == personID).filter(\.$motherID == personID).filter(
                \.$guardianID == personID)
        }.filter(\.$status != .voided).all()
    }
}
