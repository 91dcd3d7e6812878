/// The two free screenings of the 两癌 programme (issue 20): 宫颈癌 and 乳腺癌.
public enum HealthProgramme: String, Sendable, Codable, CaseIterable {
    case cervical, breast
}

/// What a campaign screens for: one programme, or both at the same sites and days.
public enum HealthCampaignProgramme: String, Sendable, Codable, CaseIterable {
    case cervical, breast, both

    public var programmes: [HealthProgramme] {
        switch self {
        case .cervical: return [.cervical]
        case .breast: return [.breast]
        case .both: return HealthProgramme.allCases
        }
    }

    public func covers(_ p: HealthProgramme) -> Bool { programmes.contains(p) }
}

/// A gynaecological or clinical breast examination, and the result of a review or a colposcopy.
public enum HealthExamFinding: String, Sendable, Codable, CaseIterable {
    case normal, abnormal
}

/// The cervical primary test: cytology alone, HPV alone, or both at once (a co-test counts for both intervals).
public enum CervicalMethod: String, Sendable, Codable, CaseIterable {
    case cytology, hpv, cotest

    public var takesCytology: Bool { self != .hpv }
    public var takesHPV: Bool { self != .cytology }
}

/// The Bethesda categories. Everything but NILM is "ASC-US or worse": AGC and the squamous lesions all send her on.
public enum CytologyResult: String, Sendable, Codable, CaseIterable {
    case nilm
    case ascUS = "asc_us"
    case ascH = "asc_h"
    case lsil, hsil, scc, agc

    public var isAbnormal: Bool { self != .nilm }
}

public enum HPVResult: String, Sendable, Codable, CaseIterable {
    case negative
    case hpv16_18
    case otherHighRisk = "other_high_risk"
}

/// BI-RADS categories of a breast ultrasound or mammogram.
public enum BiRads: String, Sendable, Codable, CaseIterable {
    case birads0 = "birads_0"
    case birads1 = "birads_1"
    case birads2 = "birads_2"
    case birads3 = "birads_3"
    case birads4 = "birads_4"
    case birads5 = "birads_5"
}

/// The steps of a follow-up after an abnormal screen. `HealthPathway` holds which may follow which.
public enum FollowupStep: String, Sendable, Codable, CaseIterable {
    case review, colposcopy
    case cytologyTriage = "cytology_triage"
    case histopathology, mammography, biopsy, pathology, diagnosis, treatment

    /// Which deadline the step is awaited under.
    public var deadline: HealthDeadlineKind {
        switch self {
        case .review, .colposcopy, .cytologyTriage, .mammography, .biopsy: return .examination
        case .histopathology, .pathology, .diagnosis: return .pathology
        case .treatment: return .treatment
        }
    }
}

/// The settings' three waits: to the next examination, to a pathology result (and the diagnosis it gives), to treatment.
public enum HealthDeadlineKind: String, Sendable, Codable, CaseIterable {
    case examination, pathology, treatment
}

public enum CervicalDiagnosis: String, Sendable, Codable, CaseIterable {
    case normal, cin1, cin2, cin3, ais, cancer

    /// CIN2 and worse are treated.
    public var needsTreatment: Bool { [.cin2, .cin3, .ais, .cancer].contains(self) }
}

public enum BreastDiagnosis: String, Sendable, Codable, CaseIterable {
    case benign
    case atypicalHyperplasia = "atypical_hyperplasia"
    case dcis, cancer

    public var needsTreatment: Bool { self == .dcis || self == .cancer }
}

/// A cancer's stage as the pathology report writes it (FIGO for the cervix, TNM groups for the breast).
public enum CancerStage: String, Sendable, Codable, CaseIterable {
    case i = "I"
    case ia = "IA"
    case ia1 = "IA1"
    case ia2 = "IA2"
    case ib = "IB"
    case ib1 = "IB1"
    case ib2 = "IB2"
    case ib3 = "IB3"
    case ii = "II"
    case iia = "IIA"
    case iia1 = "IIA1"
    case iia2 = "IIA2"
    case iib = "IIB"
    case iii = "III"
    case iiia = "IIIA"
    case iiib = "IIIB"
    case iiic = "IIIC"
    case iiic1 = "IIIC1"
    case iiic2 = "IIIC2"
    case iv = "IV"
    case iva = "IVA"
    case ivb = "IVB"

    /// Whether this stage is `group` or one of its sub-stages: IA1 is within IA and within I, but II is not within I.
    public func isWithin(_ group: CancerStage) -> Bool {
        guard rawValue.hasPrefix(group.rawValue) else { return false }
        let rest = rawValue.dropFirst(group.rawValue.count)
        return rest.first.map { $0 != "I" && $0 != "V" } ?? true
    }
}

/// Where a follow-up stands: open, or ended one of four ways. Only `lost` ends it without a result.
public enum HealthFollowupStatus: String, Sendable, Codable, CaseIterable {
    case open
    /// A review, triage, colposcopy or mammogram found nothing that needs more.
    case closedNormal = "closed_normal"
    /// A diagnosis that needs no treatment.
    case diagnosed
    /// Treatment done.
    case treated
    /// Lost to follow-up, said explicitly with a reason after two attempts.
    case lost

    public var isOpen: Bool { self == .open }
}

/// Why a follow-up was given up.
public enum HealthLostReason: String, Sendable, Codable, CaseIterable {
    case refused, unreachable, moved
    case treatedElsewhere = "treated_elsewhere"
    case deceased
}

/// How staff tried to reach a woman for her next step.
public enum HealthAttemptChannel: String, Sendable, Codable, CaseIterable {
    case phone
    case homeVisit = "home_visit"
    case sms, other
}

/// What the module puts in the outbox besides reminders: an invitation to a woman, who has no account.
public enum HealthOutboxKind: String, Sendable, Codable, CaseIterable {
    case screeningInvitation = "screening_invitation"
}

/// 文体健身团队 kinds (item 7).
public enum HealthTeamKind: String, Sendable, Codable, CaseIterable {
    case squareDance = "square_dance"
    case waistDrum = "waist_drum"
    case opera, walking, taichi, other
}

/// The reminders of a late follow-up step, once per (follow-up, due day, level): the health partner the day after the
/// due day, the health officers `escalateAfterDays` after that.
public enum HealthReminderLevel: String, Sendable, Codable, CaseIterable {
    case late = "followup_late"
    case escalated = "followup_escalated"

    /// Who is told: the health department's accounts (by role), then the accounts holding the duty.
    public var role: Role? { self == .late ? .partnerHealth : nil }
    public var duty: Duty? { self == .escalated ? .healthOfficer : nil }
}

/// The figures the indicators page shows, by the API's code.
public enum HealthIndicatorCode: String, Sendable, Codable, CaseIterable {
    case screeningRate, coverage, abnormalRate, followupCompletion, earlyDiagnosisRate

    /// The formula the pages show beside the figure, in the figures' own words.
    public var formula: String {
        switch self {
        case .screeningRate: return "screened / target"
        case .coverage: return "eligible screened within the interval / eligible"
        case .abnormalRate: return "abnormal screens / screens"
        case .followupCompletion: return "follow-ups ended with a result / abnormal screens past their first deadline"
        case .earlyDiagnosisRate: return "(precancers + early cancers) / (precancers + cancers)"
        }
    }
}

/// The module's records. Screenings and follow-ups are results (`health_result`): their trail is read under that
/// kind's rule. Campaigns and teams are the staff's `health` work.
extension RecordTag {
    public enum HealthCampaign: AuditedKind { public static let auditSubject = AuditSubject.health }
    public enum HealthScreening: AuditedKind { public static let auditSubject = AuditSubject.healthResult }
    public enum HealthFollowup: AuditedKind { public static let auditSubject = AuditSubject.healthResult }
    public enum HealthTeam: AuditedKind { public static let auditSubject = AuditSubject.health }
}

public typealias HealthCampaignID = RecordID<RecordTag.HealthCampaign>
public typealias HealthScreeningID = RecordID<RecordTag.HealthScreening>
public typealias HealthFollowupID = RecordID<RecordTag.HealthFollowup>
public typealias HealthTeamID = RecordID<RecordTag.HealthTeam>
