/// What a step found, typed by the step: a review's or colposcopy's finding, a triage's cytology, a mammogram's
/// BI-RADS, a diagnosis. Biopsies, pathology, histopathology and treatment record no result here: the finding of the
/// tissue is the diagnosis step's.
public enum HealthStepResult: Sendable, Equatable {
    case finding(HealthExamFinding)
    case cytology(CytologyResult)
    case birads(BiRads)
    case cervical(CervicalDiagnosis)
    case breast(BreastDiagnosis)

    /// As stored and sent: the token alone, read back by `init(step:programme:token:)` (the step says how).
    public var token: String {
        switch self {
        case .finding(let f): return f.rawValue
        case .cytology(let r): return r.rawValue
        case .birads(let b): return b.rawValue
        case .cervical(let d): return d.rawValue
        case .breast(let d): return d.rawValue
        }
    }

    /// The token read the way `step` of `programme` records it; nil when it is not one of those.
    public init?(step: FollowupStep, programme: HealthProgramme, token: String) {
        guard let kind = HealthStepResult.kind(step, programme) else { return nil }
        switch kind {
        case .finding: guard let v = HealthExamFinding(rawValue: token) else { return nil }; self = .finding(v)
        case .cytology: guard let v = CytologyResult(rawValue: token) else { return nil }; self = .cytology(v)
        case .birads: guard let v = BiRads(rawValue: token) else { return nil }; self = .birads(v)
        case .cervical: guard let v = CervicalDiagnosis(rawValue: token) else { return nil }; self = .cervical(v)
        case .breast: guard let v = BreastDiagnosis(rawValue: token) else { return nil }; self = .breast(v)
        }
    }

    public enum Kind: Sendable, Equatable { case finding, cytology, birads, cervical, breast }

    /// What a step's result is, or nil for the steps that take none.
    public static func kind(_ step: FollowupStep, _ programme: HealthProgramme) -> Kind? {
        switch step {
        case .review, .colposcopy: return .finding
        case .cytologyTriage: return .cytology
        case .mammography: return .birads
        case .diagnosis: return programme == .cervical ? .cervical : .breast
        case .histopathology, .biopsy, .pathology, .treatment: return nil
        }
    }

    /// The tokens the form offers for a step's result.
    public static func tokens(_ step: FollowupStep, _ programme: HealthProgramme) -> [String] {
        switch kind(step, programme) {
        case .finding: return HealthExamFinding.allCases.map(\.rawValue)
        case .cytology: return CytologyResult.allCases.map(\.rawValue)
        case .birads: return BiRads.allCases.map(\.rawValue)
        case .cervical: return CervicalDiagnosis.allCases.map(\.rawValue)
        case .breast: return BreastDiagnosis.allCases.map(\.rawValue)
        case nil: return []
        }
    }

    /// A cancer is staged; nothing else is.
    public var isCancer: Bool { self == .cervical(.cancer) || self == .breast(.cancer) }

    /// The diagnosis, when this is one.
    public var diagnosis: String? {
        switch self {
        case .cervical(let d): return d.rawValue
        case .breast(let d): return d.rawValue
        default: return nil
        }
    }
}

/// Where a follow-up stands: its status, the steps that may be recorded next (the first is the one awaited and shown),
/// the day the awaited one is due, and the day of the last thing recorded (a step is not dated before it).
public struct HealthFollowupPosition: Codable, Sendable, Equatable {
    public var status: HealthFollowupStatus
    public var nextSteps: [FollowupStep]
    public var dueOn: CivilDate?
    public var since: CivilDate
    public init(status: HealthFollowupStatus, nextSteps: [FollowupStep], dueOn: CivilDate?, since: CivilDate) {
        self.status = status
        self.nextSteps = nextSteps
        self.dueOn = dueOn
        self.since = since
    }

    /// The step awaited now, as the answer's `followUp.nextStep`.
    public var nextStep: FollowupStep? { nextSteps.first }
}

/// The pathway of an abnormal screen (issue 20, item 4), as pure functions: whether a screen opens a follow-up and with
/// which step, which steps may follow a step's result, and when each is due.
public enum HealthPathway {
    /// The first step an abnormal screen calls for; nil for a normal screen. Cervical: cytology ASC-US or worse, or HPV
    /// 16/18, → colposcopy (other high-risk HPV with such cytology is the first case); other high-risk HPV without it →
    /// cytology triage; an abnormal gynaecological examination alone → review. Breast: BI-RADS 0 or 3 → mammography,
    /// 4 or 5 → biopsy (mammography first under `biopsyNeedsMammography`); an abnormal clinical examination alone →
    /// review.
    public static func firstStep(_ s: CheckedHealthScreening, _ settings: HealthSettings) -> FollowupStep? {
        switch s.programme {
        case .cervical:
            if s.cytology?.isAbnormal == true || s.hpv == .hpv16_18 { return .colposcopy }
            if s.hpv == .otherHighRisk { return .cytologyTriage }
            return s.gynaecExam == .abnormal ? .review : nil
        case .breast:
            switch s.ultrasound {
            case .birads0, .birads3: return .mammography
            case .birads4, .birads5: return settings.biopsyNeedsMammography == 1 ? .mammography : .biopsy
            default: return s.clinicalExam == .abnormal ? .review : nil
            }
        }
    }

    public static func isAbnormal(_ s: CheckedHealthScreening, _ settings: HealthSettings) -> Bool {
        firstStep(s, settings) != nil
    }

    /// The follow-up an abnormal screen opens, due `examinationDays` after the screen; nil for a normal one.
    public static func open(_ s: CheckedHealthScreening, _ settings: HealthSettings) -> HealthFollowupPosition? {
        firstStep(s, settings).map { position(after: s.date, next: [$0], settings) }
    }

    /// The steps a step's result allows next, the awaited one first; empty when the follow-up ends there.
    public static func next(_ step: FollowupStep, _ result: HealthStepResult?, _ programme: HealthProgramme) -> [FollowupStep] {
        switch (step, result) {
        case (.review, .finding(.abnormal)): return programme == .cervical ? [.colposcopy] : [.mammography, .biopsy]
        case (.cytologyTriage, .cytology(let r)) where r.isAbnormal: return [.colposcopy]
        case (.colposcopy, .finding(.abnormal)): return [.histopathology]
        case (.histopathology, _), (.pathology, _): return [.diagnosis]
        case (.biopsy, _): return [.pathology]
        case (.mammography, .birads(let b)):
            switch b {
            case .birads0, .birads3: return [.review]
            case .birads4, .birads5: return [.biopsy]
            case .birads1, .birads2: return []
            }
        case (.diagnosis, .cervical(let d)): return d.needsTreatment ? [.treatment] : []
        case (.diagnosis, .breast(let d)): return d.needsTreatment ? [.treatment] : []
        default: return []
        }
    }

    /// How a follow-up ends when a step allows nothing after it: treatment done, a diagnosis, or a normal finding.
    public static func ending(_ step: FollowupStep) -> HealthFollowupStatus {
        switch step {
        case .treatment: return .treated
        case .diagnosis: return .diagnosed
        default: return .closedNormal
        }
    }

    /// The position after a checked step: the steps it allows, due from the step's day by the first one's deadline,
    /// or the follow-up ended.
    public static func advance(_ step: CheckedHealthStep, programme: HealthProgramme, _ settings: HealthSettings)
        -> HealthFollowupPosition
    {
        let following = next(step.step, step.result, programme)
        guard !following.isEmpty else {
            return HealthFollowupPosition(status: ending(step.step), nextSteps: [], dueOn: nil, since: step.date)
        }
        return position(after: step.date, next: following, settings)
    }

    static func position(after day: CivilDate, next: [FollowupStep], _ settings: HealthSettings) -> HealthFollowupPosition {
        HealthFollowupPosition(
            status: .open, nextSteps: next, dueOn: day.adding(days: settings.days(next[0].deadline)), since: day)
    }

    /// A whole follow-up replayed from its screen: the position after each step in order, or the first step refused.
    /// For a page that shows the pathway, and for tests; the web keeps the last position on the row.
    public static func replay(
        _ s: CheckedHealthScreening, _ steps: [CheckedHealthStep], _ settings: HealthSettings
    ) -> Result<HealthFollowupPosition?, FieldError> {
        guard var at = open(s, settings) else { return steps.isEmpty ? .success(nil) : .failure(stepError([])) }
        for step in steps {
            guard at.status.isOpen, at.nextSteps.contains(step.step) else { return .failure(stepError(at.nextSteps)) }
            at = advance(step, programme: s.programme, settings)
        }
        return .success(at)
    }

    /// 422 `step`, naming the steps that may come next (none when the follow-up has ended).
    public static func stepError(_ allowed: [FollowupStep]) -> FieldError {
        FieldError(field: "step", key: "health.error.step", args: [allowed.map(\.rawValue).joined(separator: ", ")])
    }
}
