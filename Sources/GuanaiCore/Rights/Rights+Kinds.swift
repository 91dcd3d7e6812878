/// How a case reached the 妇女之家 (issue 19): the woman came, the 12338 hotline, a home visit, a referral by the police,
/// a court or the village committee, a neighbour group, or otherwise.
public enum RightsChannel: String, Sendable, Codable, CaseIterable {
    case walkIn = "walk_in"
    case hotline12338 = "hotline_12338"
    case homeVisit = "home_visit"
    case referralPolice = "referral_police"
    case referralCourt = "referral_court"
    case referralVillage = "referral_village"
    case neighbourGroup = "neighbour_group"
    case other
}

public enum RightsCategory: String, Sendable, Codable, CaseIterable {
    case familyConflict = "family_conflict"
    case marriage, support
    case neighbourDispute = "neighbour_dispute"
    case landProperty = "land_property"
    case domesticViolence = "domestic_violence"
    case other
}

/// Where a case stands. `RightsLifecycle` holds the moves.
public enum RightsStatus: String, Sendable, Codable, CaseIterable {
    case received, accepted, mediating, agreed
    case followedUp = "followed_up"
    case failed, declined, referred, closed
}

public enum PartyRole: String, Sendable, Codable, CaseIterable {
    case applicant, respondent, other
}

/// A mediation's end: an agreement said aloud (口头协议), a written one (人民调解协议书), or none reached.
public enum RightsOutcomeKind: String, Sendable, Codable, CaseIterable {
    case oralAgreement = "oral_agreement"
    case writtenAgreement = "written_agreement"
    case failed
}

/// Where a woman is sent on when mediation cannot help.
public enum RightsReferral: String, Sendable, Codable, CaseIterable {
    case court, arbitration
    case legalAid = "legal_aid"
    case police
}

/// How an agreement was kept, as the 回访 found it.
public enum RightsCompliance: String, Sendable, Codable, CaseIterable {
    case complied, partly
    case notComplied = "not_complied"
}

/// How an account came to read a case it is not assigned to: break-glass (临时查阅), or naming herself mediator.
public enum RightsAccessKind: String, Sendable, Codable, CaseIterable {
    case breakGlass = "break_glass"
    case selfAssign = "self_assign"
}

/// Why an account is on a case: it received the case (took it in), or it mediates.
public enum RightsAssignmentKind: String, Sendable, Codable, CaseIterable {
    case receiver, mediator
}
