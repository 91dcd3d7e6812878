import GuanaiCore

/// The people on a record's forms, each posting its fields as `<section>.<field>` (`father.phone`): the names Core's
/// field errors use, so a 422 names the field the page shows.
enum PersonSection: String { case father, mother, guardian, husband }

enum PersonField: String, CaseIterable { case name, idNumber, situation, workPlace, since, phone, birthDate, relation, health }

extension PersonSection {
    func name(_ f: PersonField) -> String { rawValue + "." + f.rawValue }
}

/// One person's fields as posted.
struct PersonFields: Sendable {
    var values: [PersonField: String] = [:]

    init(_ c: KeyedDecodingContainer<FormKey>, _ s: PersonSection) throws {
        for f in PersonField.allCases { values[f] = try c.decodeIfPresent(String.self, forKey: FormKey(s.name(f))) }
    }

    var parent: ParentInput {
        ParentInput(
            name: values[.name], idNumber: values[.idNumber], situation: values[.situation], workPlace: values[.workPlace],
            since: values[.since], phone: values[.phone])
    }

    var guardian: GuardianInput {
        GuardianInput(
            name: values[.name], idNumber: values[.idNumber], birthDate: values[.birthDate], relation: values[.relation],
            health: values[.health], phone: values[.phone])
    }

    func typed(_ s: PersonSection) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: values.map { (s.name($0), [$1]) })
    }
}

/// A form's own fields, declared once as (name, property): decoding and showing the form again both read this list.
protocol PlainForm {
    associatedtype CodingKeys: CodingKey
    static var plain: [(CodingKeys, WritableKeyPath<Self, String?>)] { get }
}

extension PlainForm {
    mutating func decodePlain(_ decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        for (k, p) in Self.plain { self[keyPath: p] = try c.decodeIfPresent(String.self, forKey: k) }
    }

    var plainTyped: [String: [String]] {
        var out: [String: [String]] = [:]
        for (k, p) in Self.plain { if let v = self[keyPath: p] { out[k.stringValue] = [v] } }
        return out
    }
}

/// 新建儿童档案: the child, the parents, the guardian, the plain fields of `ChildDetail` and the ticked needs.
struct ChildPageForm: Decodable, PlainForm {
    var name: String?
    var idNumber: String?
    var sex: String?
    var birthDate: String?
    var villageCode: String?
    var hukou: String?
    var ethnicity: String?
    var health: String?
    var poverty: String?
    var address: String?
    var livingArrangement: String?
    var improperGuardianship: String?
    var improperNote: String?
    var informedOn: String?
    var consent: String?
    var confirmLinks: String?
    var acknowledgeDuplicates: String?
    var needs: [String]?
    var father: PersonFields
    var mother: PersonFields
    var guardian: PersonFields
    var details: PostedDetails<ChildDetail>

    enum CodingKeys: String, CodingKey {
        case name, idNumber, sex, birthDate, villageCode, hukou, ethnicity, health, poverty, address, livingArrangement
        case improperGuardianship, improperNote, informedOn, consent, confirmLinks, acknowledgeDuplicates, needs
    }

    static let plain: [(CodingKeys, WritableKeyPath<ChildPageForm, String?>)] = [
        (.name, \.name), (.idNumber, \.idNumber), (.sex, \.sex), (.birthDate, \.birthDate), (.villageCode, \.villageCode),
        (.hukou, \.hukou), (.ethnicity, \.ethnicity), (.health, \.health), (.poverty, \.poverty), (.address, \.address),
        (.livingArrangement, \.livingArrangement), (.improperGuardianship, \.improperGuardianship), (.improperNote, \.improperNote),
        (.informedOn, \.informedOn), (.consent, \.consent), (.confirmLinks, \.confirmLinks),
        (.acknowledgeDuplicates, \.acknowledgeDuplicates),
    ]

    init(from decoder: any Decoder) throws {
        let people = try decoder.container(keyedBy: FormKey.self)
        father = try PersonFields(people, .father)
        mother = try PersonFields(people, .mother)
        guardian = try PersonFields(people, .guardian)
        details = try PostedDetails(from: decoder)
        needs = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent([String].self, forKey: .needs)
        try decodePlain(decoder)
    }

    var input: ChildInput {
        ChildInput(
            name: name, idNumber: idNumber, sex: sex, birthDate: birthDate, villageCode: villageCode, hukou: hukou,
            ethnicity: ethnicity, health: health, details: details.details, poverty: poverty, address: address,
            father: father.parent, mother: mother.parent, guardian: guardian.guardian, livingArrangement: livingArrangement,
            needs: needs ?? [], improperGuardianship: improperGuardianship == Forms.on, improperNote: improperNote,
            informedOn: informedOn, consent: consent == Forms.on, confirmLinks: confirmLinks == Forms.on,
            acknowledgeDuplicates: acknowledgeDuplicates == Forms.on)
    }

    /// Everything typed, by name, for the page shown again with a 409 or 422.
    var typed: [String: [String]] {
        var out = plainTyped.merging(father.typed(.father)) { a, _ in a }.merging(mother.typed(.mother)) { a, _ in a }
            .merging(guardian.typed(.guardian)) { a, _ in a }
        for (f, v) in details.values { out[f.rawValue] = [v] }
        out[CodingKeys.needs.rawValue] = needs
        return out
    }
}

/// Ticked needs with the list the page showed (`needs.was`, comma-separated).
struct PostedNeeds: Sendable {
    var now: [String]
    var was: [String]

    static let name = ChildPageForm.CodingKeys.needs.rawValue

    init(_ decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: FormKey.self)
        now = (try c.decodeIfPresent([String].self, forKey: FormKey(Self.name)) ?? []).sorted()
        was = (try c.value(Self.name + Forms.wasSuffix) ?? "").split(separator: ",").map(String.init).sorted()
    }

    var changed: [String]? { now == was ? nil : now }
}

/// 修改基本信息 of a child: name, address and the plain fields of `ChildDetail`, each with the value shown.
struct ChildEditForm: Decodable {
    var fields: Twins
    var needs: PostedNeeds

    static let own = [ChildPageForm.CodingKeys.name, .address].map(\.rawValue)
    static let names = own + ChildDetail.allCases.map(\.rawValue)

    init(from decoder: any Decoder) throws {
        fields = try Twins(decoder.container(keyedBy: FormKey.self), Self.names)
        needs = try PostedNeeds(decoder)
    }

    var patch: ChildPatch {
        var patch = ChildPatch()
        let changed = fields.changed
        patch.name = changed[ChildPageForm.CodingKeys.name.rawValue]
        patch.address = changed[ChildPageForm.CodingKeys.address.rawValue]
        patch.details = .typed(named: changed)
        patch.needs = needs.changed
        return patch
    }

    var typed: [String: [String]] { fields.typed.merging([PostedNeeds.name: needs.now]) { a, _ in a } }
    var shown: [String: [String]] { fields.shown.merging([PostedNeeds.name: needs.was]) { a, _ in a } }
}

/// The small forms on a child's page: a parent's situation, where the child lives, the needs, the 监护不当 flag.
/// Each field has its twin (`Forms.was`), so a form changes only what the person changed.
struct ChildQuickForm: Decodable {
    var patch = ChildPatch()

    enum CodingKeys: String, CodingKey { case improperForm, needsForm, improperGuardianship, improperNote, livingArrangement }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: FormKey.self)
        for section in [PersonSection.father, .mother] {
            let situation = try c.changed(section.name(.situation)), workPlace = try c.changed(section.name(.workPlace))
            guard situation != nil || workPlace != nil else { continue }
            let p = ParentInput(situation: situation, workPlace: workPlace)
            if section == .father { patch.father = p } else { patch.mother = p }
        }
        if let x = try c.changed(CodingKeys.livingArrangement.rawValue) { patch.livingArrangement = x }
        if try c.value(CodingKeys.needsForm.rawValue) != nil {
            patch.needs = try c.decodeIfPresent([String].self, forKey: FormKey(PostedNeeds.name)) ?? []
        }
        // An unticked box is not posted; in the 监护不当 form it means "no".
        let improper = CodingKeys.improperGuardianship.rawValue
        if let x = try c.value(improper) ?? (try c.value(CodingKeys.improperForm.rawValue)).map({ _ in "" }),
            try c.value(improper + Forms.wasSuffix) != x
        {
            patch.improperGuardianship = x == Forms.on
        }
        if let x = try c.changed(CodingKeys.improperNote.rawValue) { patch.improperNote = x }
    }
}

/// A guardian's or parent's quick form on the child's page: phone, health, alive or not, each with its twin.
struct PersonQuickForm: Decodable {
    var back: String?
    var phone: String?
    var health: String?
    var vitalStatus: String?

    enum CodingKeys: String, CodingKey { case back, phone, health, vitalStatus }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: FormKey.self)
        back = try c.value(CodingKeys.back.rawValue)
        phone = try c.changed(CodingKeys.phone.rawValue)
        health = try c.changed(CodingKeys.health.rawValue)
        vitalStatus = try c.changed(CodingKeys.vitalStatus.rawValue)
    }
}

/// Voiding a record, merging it into another, revealing an ID number on the child's page.
struct ChildCorrectionForm: Decodable {
    var reason: String?
    var into: String?
    var mergeReason: String?
    var child: String?

    enum CodingKeys: String, CodingKey { case reason, into, mergeReason, child }
}

extension RegistryViews {
    /// The names of the quick forms on a child's page.
    typealias QuickKey = ChildQuickForm.CodingKeys
    typealias PersonKey = PersonQuickForm.CodingKeys
}
