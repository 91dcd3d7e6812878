import GuanaiCore

/// The risk rules form: one number per rule, named as Core's `RiskSettings.fields` declares it.
typealias SettingsForm = NumberSettingsForm<RiskSettings>

/// Any set of numbers a city admin changes, as its page posts them: each field by the name Core declares.
struct NumberSettingsForm<S: NumberSettings>: Decodable {
    var values: [String: String]

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: FormKey.self)
        var values: [String: String] = [:]
        for (name, _, _) in S.fields { values[name] = try c.decodeIfPresent(String.self, forKey: FormKey(name)) }
        self.values = values
    }
}
