import Foundation

/// A parent (or a woman's husband) as typed: who, and where and how they are.
public struct ParentInput: Codable, Sendable {
    public var name: String?
    public var idNumber: String?
    public var situation: String?
    public var workPlace: String?
    public var since: String?
    public var phone: String?

    public init(
        name: String? = nil, idNumber: String? = nil, situation: String? = nil, workPlace: String? = nil, since: String? = nil,
        phone: String? = nil
    ) {
        self.name = name
        self.idNumber = idNumber
        self.situation = situation
        self.workPlace = workPlace
        self.since = since
        self.phone = phone
    }
}

/// The entrusted guardian as typed.
public struct GuardianInput: Codable, Sendable {
    public var name: String?
    public var idNumber: String?
    public var birthDate: String?
    public var relation: String?
    public var health: String?
    public var phone: String?

    public init(
        name: String? = nil, idNumber: String? = nil, birthDate: String? = nil, relation: String? = nil, health: String? = nil,
        phone: String? = nil
    ) {
        self.name = name
        self.idNumber = idNumber
        self.birthDate = birthDate
        self.relation = relation
        self.health = health
        self.phone = phone
    }
}

public struct ChildInput: Codable, Sendable {
    public var name: String?
    public var idNumber: String?
    public var sex: String?
    public var birthDate: String?
    public var villageCode: String?
    public var hukou: String?
    public var ethnicity: String?
    public var health: String?
    /// The plain fields typed (`ChildDetail`), flat in the same object.
    public var details = Details<ChildDetail>()
    public var poverty: String?
    public var address: String?
    public var father: ParentInput?
    public var mother: ParentInput?
    public var guardian: GuardianInput?
    public var livingArrangement: String?
    public var needs: [String]?
    public var improperGuardianship: Bool?
    public var improperNote: String?
    public var informedOn: String?
    public var consent: Bool?
    /// Set after the person has seen that an ID number already exists with other details, and confirmed the link.
    public var confirmLinks: Bool?
    /// Set after the person has seen children with the same name (or pinyin) and birth date in the township and says
    /// this is someone else.
    public var acknowledgeDuplicates: Bool?

    public init(
        name: String? = nil, idNumber: String? = nil, sex: String? = nil, birthDate: String? = nil, villageCode: String? = nil,
        hukou: String? = nil, ethnicity: String? = nil, health: String? = nil, details: Details<ChildDetail> = Details(),
        poverty: String? = nil, address: String? = nil, father: ParentInput? = nil, mother: ParentInput? = nil,
        guardian: GuardianInput? = nil, livingArrangement: String? = nil, needs: [String]? = nil, improperGuardianship: Bool? = nil,
        improperNote: String? = nil, informedOn: String? = nil, consent: Bool? = nil, confirmLinks: Bool? = nil,
        acknowledgeDuplicates: Bool? = nil
    ) {
        self.name = name
        self.idNumber = idNumber
        self.sex = sex
        self.birthDate = birthDate
        self.villageCode = villageCode
        self.hukou = hukou
        self.ethnicity = ethnicity
        self.health = health
        self.details = details
        self.poverty = poverty
        self.address = address
        self.father = father
        self.mother = mother
        self.guardian = guardian
        self.livingArrangement = livingArrangement
        self.needs = needs
        self.improperGuardianship = improperGuardianship
        self.improperNote = improperNote
        self.informedOn = informedOn
        self.consent = consent
        self.confirmLinks = confirmLinks
        self.acknowledgeDuplicates = acknowledgeDuplicates
    }
}

extension ChildInput {
    enum CodingKeys: String, CodingKey {
        case name, idNumber, sex, birthDate, villageCode, hukou, ethnicity, health, poverty, address, father, mother, guardian
        case livingArrangement, needs, improperGuardianship, improperNote, informedOn, consent, confirmLinks, acknowledgeDuplicates
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func s(_ k: CodingKeys) throws -> String? { try c.decodeIfPresent(String.self, forKey: k) }
        func b(_ k: CodingKeys) throws -> Bool? { try c.decodeIfPresent(Bool.self, forKey: k) }
        self.init(
            name: try s(.name), idNumber: try s(.idNumber), sex: try s(.sex), birthDate: try s(.birthDate),
            villageCode: try s(.villageCode), hukou: try s(.hukou), ethnicity: try s(.ethnicity), health: try s(.health),
            details: try Details(from: decoder), poverty: try s(.poverty), address: try s(.address),
            father: try c.decodeIfPresent(ParentInput.self, forKey: .father),
            mother: try c.decodeIfPresent(ParentInput.self, forKey: .mother),
            guardian: try c.decodeIfPresent(GuardianInput.self, forKey: .guardian), livingArrangement: try s(.livingArrangement),
            needs: try c.decodeIfPresent([String].self, forKey: .needs), improperGuardianship: try b(.improperGuardianship),
            improperNote: try s(.improperNote), informedOn: try s(.informedOn), consent: try b(.consent),
            confirmLinks: try b(.confirmLinks), acknowledgeDuplicates: try b(.acknowledgeDuplicates))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        for (k, v) in [
            (CodingKeys.name, name), (.idNumber, idNumber), (.sex, sex), (.birthDate, birthDate), (.villageCode, villageCode),
            (.hukou, hukou), (.ethnicity, ethnicity), (.health, health), (.poverty, poverty), (.address, address),
            (.livingArrangement, livingArrangement), (.improperNote, improperNote), (.informedOn, informedOn),
        ] {
            try c.encodeIfPresent(v, forKey: k)
        }
        try c.encodeIfPresent(father, forKey: .father)
        try c.encodeIfPresent(mother, forKey: .mother)
        try c.encodeIfPresent(guardian, forKey: .guardian)
        try c.encodeIfPresent(needs, forKey: .needs)
        for (k, v) in [
            (CodingKeys.improperGuardianship, improperGuardianship), (.consent, consent), (.confirmLinks, confirmLinks),
            (.acknowledgeDuplicates, acknowledgeDuplicates),
        ] {
            try c.encodeIfPresent(v, forKey: k)
        }
        try details.encode(to: encoder)
    }
}

/// The child form's own checks (姓名, 身份证号, 户籍, 居住情况, parents, guardian …), with no database: the input as
/// typed becomes a checked child, or the field errors that name what to fix. The village is looked up by the caller
/// (it needs the jurisdiction) and handed in as a code; a ledger row goes through the same checks (`ledger: true`
/// lets a parent's situation be derived instead of typed).
public enum ChildForm {
    public struct Parent: Sendable {
        public let name: String?, id: IDNumber?, situation: ParentSituation?, workPlace: String?, since: CivilDate?, phone: String?
    }

    public struct Guardian: Sendable {
        public let name: String, id: IDNumber?, birthDate: CivilDate?, relation: GuardianRelation, health: Health, phone: String?
    }

    public struct Checked: Sendable {
        public let name: String
        public let id: IDNumber
        public let village: DivisionCode
        public let hukou: Hukou
        public let living: LivingArrangement
        public let health: Health
        public let poverty: PovertyStatus
        public let ethnicity: String?
        public let needs: [ChildNeed]
        public let informed: CivilDate?
        public let father: Parent?
        public let mother: Parent?
        public let guardian: Guardian?
        public let details: Details<ChildDetail>
        public let improperNote: String?
        public let address: String
    }

    public static func check(_ input: ChildInput, village: DivisionCode?, _ c: inout FormChecker, ledger: Bool = false) -> Checked? {
        let name = c.required(input.name, "name")
        let id = c.idNumber(input.idNumber, "idNumber", required: true)
        if let id {
            if let s = c.token(input.sex, "sex", Sex.self, required: false), s != id.sex {
                c.errors.append(FieldError(field: "sex", key: "id.error.sexMismatch"))
            }
            if let b = c.date(input.birthDate, "birthDate"), b != id.birthDate {
                c.errors.append(FieldError(field: "birthDate", key: "id.error.birthMismatch", args: [id.birthDate.iso]))
            }
        }
        let hukou = c.token(input.hukou, "hukou", Hukou.self)
        let typedLiving = c.token(input.livingArrangement, "livingArrangement", LivingArrangement.self, required: false)
        let health = c.token(input.health, "health", Health.self, required: false) ?? .healthy
        let poverty = c.token(input.poverty, "poverty", PovertyStatus.self, required: false) ?? .none
        if let e = input.ethnicity, !e.isEmpty, !Ethnicity.all.contains(e) {
            c.errors.append(FieldError(field: "ethnicity", key: "field.error.choice"))
        }
        var needs: [ChildNeed] = []
        for n in input.needs ?? [] {
            if let v = ChildNeed(rawValue: n) {
                needs.append(v)
            } else {
                c.errors.append(FieldError(field: "needs", key: "field.error.choice"))
            }
        }
        let informed = c.date(input.informedOn, "informedOn")
        let father = parent(input.father, "father", &c, situationRequired: !ledger)
        let mother = parent(input.mother, "mother", &c, situationRequired: !ledger)
        let guardian = guardian(input.guardian, &c)
        // Not typed: derived from what was (a guardian named, a parent at home), never defaulted to one arrangement;
        // with nothing to derive it from, it must be chosen.
        var living = typedLiving
        if living == nil && (input.livingArrangement ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            let (derived, weak) = LedgerWords.living(guardianNamed: guardian != nil, father: father?.situation, mother: mother?.situation)
            if weak == nil {
                living = derived
            } else {
                c.errors.append(FieldError(field: "livingArrangement", key: "field.error.required"))
            }
        }
        if living == .withGuardian && guardian == nil {
            c.errors.append(FieldError(field: "guardian.name", key: "registry.error.guardianNeeded"))
        }
        if input.improperGuardianship == true && (input.improperNote ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            c.errors.append(FieldError(field: "improperNote", key: "registry.error.improperNote"))
        }
        guard c.errors.isEmpty, let name, let id, let village, let hukou, let living else { return nil }
        return Checked(
            name: name, id: id, village: village, hukou: hukou, living: living, health: health, poverty: poverty,
            ethnicity: input.ethnicity.flatMap { $0.isEmpty ? nil : $0 }, needs: needs, informed: informed,
            father: father, mother: mother, guardian: guardian, details: input.details.normalised.complete,
            improperNote: c.text(input.improperNote), address: c.text(input.address) ?? "")
    }

    public static func parent(_ p: ParentInput?, _ field: String, _ c: inout FormChecker, situationRequired: Bool = true) -> Parent? {
        guard let p, !((p.name ?? "") + (p.idNumber ?? "") + (p.situation ?? "")).trimmingCharacters(in: .whitespaces).isEmpty else {
            return nil
        }
        // A ledger often knows only where a parent is: the situation alone is kept, without a person record. A number
        // to identify or call the parent needs a name to go with it.
        let identified = !((p.idNumber ?? "") + (p.phone ?? "")).trimmingCharacters(in: .whitespaces).isEmpty
        let name = identified ? c.required(p.name, field + ".name") : c.text(p.name)
        let id = c.idNumber(p.idNumber, field + ".idNumber", required: false)
        let situation = c.token(p.situation, field + ".situation", ParentSituation.self, required: situationRequired)
        let since = c.date(p.since, field + ".since")
        let phone = c.phone(p.phone, field + ".phone")
        guard situation != nil || !situationRequired, name != nil || !identified else { return nil }
        return Parent(name: name, id: id, situation: situation, workPlace: c.text(p.workPlace), since: since, phone: phone)
    }

    public static func guardian(_ g: GuardianInput?, _ c: inout FormChecker) -> Guardian? {
        guard let g, !((g.name ?? "") + (g.idNumber ?? "") + (g.relation ?? "")).trimmingCharacters(in: .whitespaces).isEmpty else {
            return nil
        }
        let name = c.required(g.name, "guardian.name")
        let id = c.idNumber(g.idNumber, "guardian.idNumber", required: false)
        var birth = c.date(g.birthDate, "guardian.birthDate")
        if let id {
            if let b = birth, b != id.birthDate {
                c.errors.append(FieldError(field: "guardian.birthDate", key: "id.error.birthMismatch", args: [id.birthDate.iso]))
            }
            birth = id.birthDate
        }
        let relation = c.token(g.relation, "guardian.relation", GuardianRelation.self)
        let health = c.token(g.health, "guardian.health", Health.self, required: false) ?? .healthy
        let phone = c.phone(g.phone, "guardian.phone")
        guard let name, let relation else { return nil }
        return Guardian(name: name, id: id, birthDate: birth, relation: relation, health: health, phone: phone)
    }

}
