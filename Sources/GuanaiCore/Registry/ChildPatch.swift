import Foundation

/// A partial change. A key that is absent keeps the stored value; a key sent as `null` clears an optional field
/// (its path is in `cleared`: `"school"`, `"father.workPlace"`, `"guardian"` …); nested objects merge key by key.
public struct ChildPatch: Codable, Sendable {
    public var name: String?
    /// The plain fields sent (`ChildDetail`), flat in the same object.
    public var details = Details<ChildDetail>()
    public var address: String?
    public var villageCode: String?
    public var livingArrangement: String?
    public var needs: [String]?
    public var improperGuardianship: Bool?
    public var improperNote: String?
    public var informedOn: String?
    public var consent: Bool?
    public var father: ParentInput?
    public var mother: ParentInput?
    public var guardian: GuardianInput?
    public var removeGuardian: Bool?
    public var confirmLinks: Bool?
    public var cleared: Set<String> = []

    public init() {}

    public enum CodingKeys: String, CodingKey {
        case name, address, villageCode, livingArrangement, needs, improperGuardianship, improperNote
        case informedOn, consent
        case father, mother, guardian, removeGuardian, confirmLinks
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        details = try Details(from: decoder)
        address = try c.decodeIfPresent(String.self, forKey: .address)
        villageCode = try c.decodeIfPresent(String.self, forKey: .villageCode)
        livingArrangement = try c.decodeIfPresent(String.self, forKey: .livingArrangement)
        needs = try c.decodeIfPresent([String].self, forKey: .needs)
        improperGuardianship = try c.decodeIfPresent(Bool.self, forKey: .improperGuardianship)
        improperNote = try c.decodeIfPresent(String.self, forKey: .improperNote)
        informedOn = try c.decodeIfPresent(String.self, forKey: .informedOn)
        consent = try c.decodeIfPresent(Bool.self, forKey: .consent)
        father = try c.decodeIfPresent(ParentInput.self, forKey: .father)
        mother = try c.decodeIfPresent(ParentInput.self, forKey: .mother)
        guardian = try c.decodeIfPresent(GuardianInput.self, forKey: .guardian)
        removeGuardian = try c.decodeIfPresent(Bool.self, forKey: .removeGuardian)
        confirmLinks = try c.decodeIfPresent(Bool.self, forKey: .confirmLinks)
        cleared = try PatchNulls.keys(c)
        // The plain fields are not among the coding keys: their nulls are read from the object itself.
        let all = try decoder.container(keyedBy: PatchNulls.AnyKey.self)
        cleared.formUnion(try PatchNulls.keys(all).filter { ChildDetail(rawValue: $0) != nil })
        for key in ["father", "mother", "guardian"] {
            guard let k = CodingKeys(rawValue: key), c.contains(k), !(try c.decodeNil(forKey: k)) else { continue }
            let nested = try c.nestedContainer(keyedBy: PatchNulls.AnyKey.self, forKey: k)
            cleared.formUnion(try PatchNulls.keys(nested).map { key + "." + $0 })
        }
    }
}

public struct PersonPatch: Codable, Sendable {
    public var name: String?
    public var phone: String?
    public var ethnicity: String?
    public var health: String?
    public var healthSince: String?
    public var disabilityGrade: Int?
    public var vitalStatus: String?
    /// Only where no ID number says it: a guardian known by name and age.
    public var birthDate: String?
    public var cleared: Set<String> = []

    public init(
        name: String? = nil, phone: String? = nil, ethnicity: String? = nil, health: String? = nil, healthSince: String? = nil,
        disabilityGrade: Int? = nil, vitalStatus: String? = nil
    ) {
        self.name = name; self.phone = phone; self.ethnicity = ethnicity; self.health = health
        self.healthSince = healthSince; self.disabilityGrade = disabilityGrade; self.vitalStatus = vitalStatus
    }

    public enum CodingKeys: String, CodingKey { case name, phone, ethnicity, health, healthSince, disabilityGrade, vitalStatus, birthDate }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        phone = try c.decodeIfPresent(String.self, forKey: .phone)
        ethnicity = try c.decodeIfPresent(String.self, forKey: .ethnicity)
        health = try c.decodeIfPresent(String.self, forKey: .health)
        healthSince = try c.decodeIfPresent(String.self, forKey: .healthSince)
        disabilityGrade = try c.decodeIfPresent(Int.self, forKey: .disabilityGrade)
        vitalStatus = try c.decodeIfPresent(String.self, forKey: .vitalStatus)
        birthDate = try c.decodeIfPresent(String.self, forKey: .birthDate)
        cleared = try PatchNulls.keys(c)
    }
}

/// Which keys of a JSON object were sent as `null`: Codable's optionals cannot tell them from absent ones.
public enum PatchNulls {
    public struct AnyKey: CodingKey {
        public var stringValue: String
        public var intValue: Int? { nil }
        public init(stringValue: String) { self.stringValue = stringValue }
        public init?(intValue: Int) { nil }
    }

    public static func keys<K: CodingKey>(_ c: KeyedDecodingContainer<K>) throws -> Set<String> {
        var out: Set<String> = []
        for k in c.allKeys where try c.decodeNil(forKey: k) { out.insert(k.stringValue) }
        return out
    }
}

/// The checks of a partial change to a registered child, with no database: what is stored is handed in as facts
/// (her living arrangement, the improper-guardianship flag and note, her guardian's record), the village by the
/// caller (`villageErrors`, in the form's order). A patch changes how a parent is, never who.
public enum ChildChange {
    public struct StoredGuardian: Sendable {
        public let name: String
        public let idNumber: String?
        public let birthDate: String?
        public init(name: String, idNumber: String?, birthDate: String?) {
            self.name = name
            self.idNumber = idNumber
            self.birthDate = birthDate
        }
    }

    public struct Stored: Sendable {
        public let livingArrangement: LivingArrangement?
        public let improperGuardianship: Bool
        public let improperNote: String?
        public let guardian: StoredGuardian?
        public init(livingArrangement: LivingArrangement?, improperGuardianship: Bool, improperNote: String?, guardian: StoredGuardian?) {
            self.livingArrangement = livingArrangement
            self.improperGuardianship = improperGuardianship
            self.improperNote = improperNote
            self.guardian = guardian
        }
    }

    /// How a parent is, as the patch says it.
    public struct Parent: Sendable {
        public let situation: ParentSituation?
        public let since: CivilDate?
        public let phone: String?
    }

    public struct Checked: Sendable {
        public let living: LivingArrangement?
        public let needs: [ChildNeed]?
        public let informed: CivilDate?
        public let father: Parent
        public let mother: Parent
        /// A change to the stored guardian's own record (she is the same person).
        public let guardianUpdate: PersonPatch?
        public let relation: GuardianRelation?
        /// Someone else named as guardian: a new guardian, with nothing of the previous one carried over.
        public let newGuardian: ChildForm.Guardian?
    }

    /// Fields that cannot be cleared (sent as `null`).
    public static let required =
        ["name", "villageCode", "livingArrangement", "improperGuardianship", "consent", "needs"] + ChildDetail.flags.map(\.rawValue)

    public static func check(_ patch: ChildPatch, stored: Stored, villageErrors: [FieldError] = [], _ c: inout FormChecker) -> Checked? {
        let cleared = patch.cleared
        for required in required where cleared.contains(required) {
            c.errors.append(FieldError(field: required, key: "field.error.required"))
        }
        if let n = patch.name, n.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            c.errors.append(FieldError(field: "name", key: "field.error.required"))
        }
        c.errors += villageErrors
        let living = c.token(patch.livingArrangement, "livingArrangement", LivingArrangement.self, required: false)
        var needs: [ChildNeed]? = nil
        if let ns = patch.needs {
            needs = []
            for n in ns {
                if let v = ChildNeed(rawValue: n) {
                    needs!.append(v)
                } else {
                    c.errors.append(FieldError(field: "needs", key: "field.error.choice"))
                }
            }
        }
        let informed = c.date(patch.informedOn, "informedOn")
        func parent(_ p: ParentInput?, _ f: String) -> Parent {
            guard let p else { return Parent(situation: nil, since: nil, phone: nil) }
            return Parent(
                situation: c.token(p.situation, f + ".situation", ParentSituation.self, required: false),
                since: c.date(p.since, f + ".since"), phone: p.phone.flatMap { c.phone($0, f + ".phone") })
        }
        let father = parent(patch.father, "father")
        let mother = parent(patch.mother, "mother")
        for (key, p) in [("father", patch.father), ("mother", patch.mother)] where p?.name != nil || p?.idNumber != nil {
            // Who a parent is comes from the registration or a ledger; a patch changes how she is, not who.
            c.errors.append(FieldError(field: key + (p?.idNumber != nil ? ".idNumber" : ".name"), key: "registry.error.parentIdentity"))
        }
        // The guardian merges onto the one stored unless the patch names someone else: then it is a new guardian,
        // and nothing of the previous one's health or phone is carried over to her.
        var guardianUpdate: PersonPatch? = nil
        var relation: GuardianRelation? = nil
        var newGuardian: ChildForm.Guardian? = nil
        if let g = patch.guardian, !cleared.contains("guardian") {
            let sentID = g.idNumber.map(IDNumber.normalise)
            let stored = stored.guardian
            let same =
                stored != nil && (g.name == nil || g.name?.trimmingCharacters(in: .whitespaces) == stored!.name)
                && (sentID == nil || sentID == stored!.idNumber)
            if same, let stored {
                relation = c.token(g.relation, "guardian.relation", GuardianRelation.self, required: false)
                if cleared.contains("guardian.relation") {
                    c.errors.append(FieldError(field: "guardian.relation", key: "field.error.required"))
                }
                if cleared.contains("guardian.health") {
                    c.errors.append(FieldError(field: "guardian.health", key: "field.error.required"))
                }
                _ = c.token(g.health, "guardian.health", Health.self, required: false)
                _ = g.phone.map { c.phone($0, "guardian.phone") }
                let birth = c.date(g.birthDate, "guardian.birthDate")
                if birth != nil, stored.idNumber != nil {
                    c.errors.append(FieldError(field: "guardian.birthDate", key: "id.error.birthMismatch", args: [stored.birthDate ?? ""]))
                }
                var up = PersonPatch(phone: g.phone, health: g.health)
                if cleared.contains("guardian.phone") { up.cleared.insert("phone") }
                up.birthDate = birth?.iso
                if up.phone != nil || up.health != nil || up.birthDate != nil || !up.cleared.isEmpty { guardianUpdate = up }
            } else {
                newGuardian = ChildForm.guardian(g, &c)
            }
        }
        if cleared.contains("guardian") || patch.removeGuardian == true {
            if (living ?? stored.livingArrangement) == .withGuardian {
                c.errors.append(FieldError(field: "guardian.name", key: "registry.error.guardianNeeded"))
            }
        }
        let improper = patch.improperGuardianship ?? stored.improperGuardianship
        let note = cleared.contains("improperNote") ? nil : (patch.improperNote ?? stored.improperNote)
        let touched = patch.improperGuardianship == true || patch.improperNote != nil || cleared.contains("improperNote")
        if improper && (note ?? "").trimmingCharacters(in: .whitespaces).isEmpty && touched {
            c.errors.append(FieldError(field: "improperNote", key: "registry.error.improperNote"))
        }
        guard c.errors.isEmpty else { return nil }
        return Checked(
            living: living, needs: needs, informed: informed, father: father, mother: mother, guardianUpdate: guardianUpdate,
            relation: relation, newGuardian: newGuardian)
    }
}

extension PersonPatch {
    public struct Checked: Sendable {
        /// The phone when one was sent (nil when sent blank).
        public let phone: String??
        public let health: Health?
        public let vitalStatus: VitalStatus?
        public let healthSince: CivilDate?
        public let birthDate: CivilDate?
    }

    /// The checks of a change to a person: a name, a health and a vital status cannot be cleared; a disability
    /// grade is 1…4.
    public func check(_ c: inout FormChecker) -> Checked? {
        if let n = name, n.trimmingCharacters(in: .whitespaces).isEmpty {
            c.errors.append(FieldError(field: "name", key: "field.error.required"))
        }
        let phone = self.phone.map { c.phone($0, "phone") }
        let health = c.token(health, "health", Health.self, required: false)
        let vital = c.token(vitalStatus, "vitalStatus", VitalStatus.self, required: false)
        let since = c.date(healthSince, "healthSince")
        let birth = c.date(birthDate, "birthDate")
        for required in ["name", "health", "vitalStatus"] where cleared.contains(required) {
            c.errors.append(FieldError(field: required, key: "field.error.required"))
        }
        if let e = ethnicity, !e.isEmpty, !Ethnicity.all.contains(e) {
            c.errors.append(FieldError(field: "ethnicity", key: "field.error.choice"))
        }
        if let g = disabilityGrade, !(1...4).contains(g) {
            c.errors.append(FieldError(field: "disabilityGrade", key: "field.error.choice"))
        }
        guard c.errors.isEmpty else { return nil }
        return Checked(phone: phone, health: health, vitalStatus: vital, healthSince: since, birthDate: birth)
    }
}

extension ChildChange {
    /// A parent's situation as the child's record keeps it.
    public struct ParentRecord: Sendable, Equatable {
        public var situation: String?
        public var workPlace: String?
        public var since: String?
        public init(situation: String?, workPlace: String?, since: String?) {
            self.situation = situation
            self.workPlace = workPlace
            self.since = since
        }
    }

    /// The child's own fields a change merges onto, as stored.
    public struct Record: Sendable, Equatable {
        public var details: Details<ChildDetail>
        public var livingArrangement: String
        public var needs: [ChildNeed]
        public var improperGuardianship: Bool
        public var improperNote: String?
        public var informedOn: String?
        public var consent: Bool
        public var father: ParentRecord
        public var mother: ParentRecord
        public var guardianRelation: String?

        public init(
            details: Details<ChildDetail>, livingArrangement: String, needs: [ChildNeed], improperGuardianship: Bool,
            improperNote: String?, informedOn: String?, consent: Bool, father: ParentRecord, mother: ParentRecord,
            guardianRelation: String?
        ) {
            self.details = details
            self.livingArrangement = livingArrangement
            self.needs = needs
            self.improperGuardianship = improperGuardianship
            self.improperNote = improperNote
            self.informedOn = informedOn
            self.consent = consent
            self.father = father
            self.mother = mother
            self.guardianRelation = guardianRelation
        }
    }

    /// Merges a checked change onto the record: a key sent as `null` clears, an absent one keeps; a parent no longer
    /// away keeps no work place or date of leaving. Returns whether the linked guardian is removed; a new guardian's
    /// relation is set here, her record is linked by the caller.
    @discardableResult
    public static func apply(_ k: Checked, _ patch: ChildPatch, to r: inout Record) -> Bool {
        let cleared = patch.cleared, c = FormChecker()
        func text(_ v: String?, _ key: String) -> String?? { cleared.contains(key) ? .some(nil) : v.map { c.text($0) } }
        r.details = r.details.merging(patch.details.normalised)
        if let l = k.living { r.livingArrangement = l.rawValue }
        if let n = k.needs { r.needs = n }
        if let b = patch.improperGuardianship { r.improperGuardianship = b }
        if let n = text(patch.improperNote, "improperNote") { r.improperNote = n }
        if cleared.contains("informedOn") { r.informedOn = nil } else if let d = k.informed { r.informedOn = d.iso }
        if let b = patch.consent { r.consent = b }
        func parent(_ p: inout ParentRecord, _ change: Parent, _ sent: ParentInput?, _ who: String) {
            if cleared.contains(who + ".situation") { p.situation = nil }
            if let s = change.situation {
                p.situation = s.rawValue
                if s != .workingAway { p.workPlace = nil; p.since = nil }
            }
            if let w = text(sent?.workPlace, who + ".workPlace") { p.workPlace = w }
            if cleared.contains(who + ".since") { p.since = nil } else if let d = change.since { p.since = d.iso }
        }
        parent(&r.father, k.father, patch.father, "father")
        parent(&r.mother, k.mother, patch.mother, "mother")
        let removes = patch.removeGuardian == true || cleared.contains("guardian")
        if removes { r.guardianRelation = nil }
        if let g = k.relation { r.guardianRelation = g.rawValue }
        if let g = k.newGuardian { r.guardianRelation = g.relation.rawValue }
        return removes
    }
}
