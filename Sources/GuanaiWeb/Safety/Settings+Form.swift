import GuanaiCore

/// The risk rules form: one number per rule, named as Core's `RiskSettings.fields` declares it.
struct SettingsForm: Decodable {
    var values: [String: String]

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: FormKey.self)
        var values: [String: String] = [:]
        for (name, _, _) in RiskSettings.fields { values[name] = try c.decodeIfPresent(String.self, forKey: FormKey(name)) }
        self.values = values
    }
}
