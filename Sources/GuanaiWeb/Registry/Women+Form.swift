import GuanaiCore

/// Registering a left-behind woman: her own fields, her husband's, the plain fields of `WomanDetail`, the needs.
struct WomanPageForm: Decodable, PlainForm {
    var name: String?
    var idNumber: String?
    var villageCode: String?
    var hukou: String?
    var phone: String?
    var needs: [String]?
    var husband: PersonFields
    var details: PostedDetails<WomanDetail>

    /// `address` is the edit page's: registering takes it from the household.
    enum CodingKeys: String, CodingKey { case name, idNumber, villageCode, hukou, phone, needs, address }

    static let plain: [(CodingKeys, WritableKeyPath<WomanPageForm, String?>)] = [
        (.name, \.name), (.idNumber, \.idNumber), (.villageCode, \.villageCode), (.hukou, \.hukou), (.phone, \.phone),
    ]

    init(from decoder: any Decoder) throws {
        husband = try PersonFields(decoder.container(keyedBy: FormKey.self), .husband)
        details = try PostedDetails(from: decoder)
        needs = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent([String].self, forKey: .needs)
        try decodePlain(decoder)
    }

    var input: WomanInput {
        WomanInput(
            name: name, idNumber: idNumber, villageCode: villageCode, hukou: hukou, phone: phone,
            husband: ParentInput(
                name: husband.values[.name], idNumber: husband.values[.idNumber], situation: husband.values[.situation],
                workPlace: husband.values[.workPlace], since: husband.values[.since]),
            details: details.details, needs: needs ?? [], confirmLinks: false)
    }

    var typed: [String: [String]] {
        var out = plainTyped.merging(husband.typed(.husband)) { a, _ in a }
        for (f, v) in details.values { out[f.rawValue] = [v] }
        out[CodingKeys.needs.rawValue] = needs
        return out
    }
}

/// 修改 a woman: her own fields and her husband's situation with the values shown, her plain fields, the needs.
struct WomanEditForm: Decodable {
    var fields: Twins
    var needs: PostedNeeds

    static let own =
        [WomanPageForm.CodingKeys.name, .phone, .address].map(\.rawValue)
        + [PersonField.situation, .workPlace].map(PersonSection.husband.name)
    static let names = own + WomanDetail.allCases.map(\.rawValue)

    init(from decoder: any Decoder) throws {
        fields = try Twins(decoder.container(keyedBy: FormKey.self), Self.names)
        needs = try PostedNeeds(decoder)
    }

    var input: WomanInput {
        var input = WomanInput()
        let changed = fields.changed
        input.name = changed[WomanPageForm.CodingKeys.name.rawValue]
        input.phone = changed[WomanPageForm.CodingKeys.phone.rawValue]
        input.address = changed[WomanPageForm.CodingKeys.address.rawValue]
        let situation = changed[PersonSection.husband.name(.situation)], workPlace = changed[PersonSection.husband.name(.workPlace)]
        if situation != nil || workPlace != nil { input.husband = ParentInput(situation: situation, workPlace: workPlace) }
        input.details = .typed(named: changed)
        input.needs = needs.changed
        return input
    }

    var typed: [String: [String]] { fields.typed.merging([PostedNeeds.name: needs.now]) { a, _ in a } }
    var shown: [String: [String]] { fields.shown.merging([PostedNeeds.name: needs.was]) { a, _ in a } }
}

/// A household's quick form: its group in the village, address, poverty status.
struct HouseholdPageForm: Decodable {
    var villageGroup: String?
    var address: String?
    var poverty: String?

    enum CodingKeys: String, CodingKey { case villageGroup, address, poverty }

    var input: HouseholdInput { HouseholdInput(villageGroup: villageGroup, address: address, poverty: poverty) }
}
