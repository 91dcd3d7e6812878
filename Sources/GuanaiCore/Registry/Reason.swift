/// Why a rule decided what it did: a stable code, the values the sentence needs, and the sentence in Chinese.
/// The code and parameters let each reader get the sentence in her own language; the Chinese text stays because
/// notifications go out in Chinese whatever the reader chose, and records stored before parameters existed carry
/// only that text.
public struct Reason: Sendable, Equatable, Codable, Hashable {
    public let code: String
    /// Tokens (`working_away`, `dibao`), numbers or dates, in the order the code's sentence uses them.
    public let params: [String]
    public let message: String

    public init(_ code: ReasonCode, _ params: [String] = [], _ message: String) {
        self.code = code.rawValue
        self.params = params
        self.message = message
    }

    enum CodingKeys: String, CodingKey { case code, params, message }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        // Stored before parameters existed: the Chinese text is all there is.
        params = try c.decodeIfPresent([String].self, forKey: .params) ?? []
        message = try c.decode(String.self, forKey: .message)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        if !params.isEmpty { try c.encode(params, forKey: .params) }
        try c.encode(message, forKey: .message)
    }
}

/// Every reason a rule can give. The raw values are the API's `code`s and are never renamed.
public enum ReasonCode: String, Sendable, CaseIterable, Codable {
    // Classification of children. Parameters: the father's and mother's effective situation (`ParentSituation`
    // raw value, or `unknown` when not recorded) where the sentence names them.
    case leftBehindBothAway = "left_behind.both_away"
    case leftBehindOneAway = "left_behind.one_away_other_incapable"
    case orphan = "orphan"
    case deFactoUnsupported = "de_facto_unsupported"
    /// Parameter: `dibao` or `tekun`.
    case difficultyPoverty = "difficulty_poverty"
    /// Parameter: `severe_disability` or `mild_disability`.
    case difficultyDisability = "difficulty_disability"
    /// Parameter: `improper` (监护不当) or `de_facto` (事实无人抚养).
    case difficultyGuardianship = "difficulty_guardianship"

    // Left-behind women. Parameter of the last two: the months threshold.
    case womanUrban = "woman.urban"
    case womanHusbandNotAway = "woman.husband_not_away"
    case womanSinceUnknown = "woman.since_unknown"
    case womanLeftBehind = "woman.left_behind"
    case womanAwayShort = "woman.away_short"

    // Risk tiers.
    case riskLivingAlone = "risk.living_alone"
    case riskSiblingsOnly = "risk.siblings_only"
    /// Parameter: what befell the guardian — `deceased`, `missing`, `hospitalised`, `serious_illness`, `severe_disability`.
    case riskNoCapableCaregiver = "risk.no_capable_caregiver"
    case riskNoCaregiver = "risk.no_caregiver"
    /// A parent the record says nothing about and no guardian: unknown, not absent (see `RiskRules`).
    case riskCaregiverUnknown = "risk.caregiver_unknown"
    case riskOpenReport = "risk.open_report"
    /// Parameters: the young-child age and the old-guardian age.
    case riskYoungOldGuardian = "risk.young_old_guardian"
    /// Parameter: the young-child age.
    case riskYoungSickGuardian = "risk.young_sick_guardian"
    case riskOrphan = "risk.orphan"
    case riskDeFactoUnsupported = "risk.de_facto_unsupported"
    case riskGuardianship = "risk.guardianship"
    case riskPoverty = "risk.poverty"
    case riskDisability = "risk.disability"
    case riskSafetyNeed = "risk.safety_need"
    /// Parameter: the number of days.
    case riskNoContact = "risk.no_contact"
    case riskNormal = "risk.normal"

    // Alerts. Parameter: the day the visit was due.
    case alertOverdue = "alert.overdue"

    /// How many parameters the code's sentence uses.
    public var parameterCount: Int {
        switch self {
        case .leftBehindOneAway, .orphan, .deFactoUnsupported, .riskYoungOldGuardian: return 2
        case .difficultyPoverty, .difficultyDisability, .difficultyGuardianship, .womanLeftBehind, .womanAwayShort,
            .riskNoCapableCaregiver, .riskYoungSickGuardian, .riskNoContact, .alertOverdue:
            return 1
        default: return 0
        }
    }
}
