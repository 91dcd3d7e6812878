/// The programme's ages, intervals and follow-up deadlines, as data (`GET/PUT /api/v1/health/settings`, issue 20).
public struct HealthSettings: NumberSettings {
    /// Screened from this age (周岁) …
    public var ageFrom = 35
    /// … to this one, both included: she stays eligible on her birthday after `ageTo`, as 周岁 count.
    public var ageTo = 64
    /// A cytology counts for this many years, an HPV test for `hpvIntervalYears`; a co-test for both.
    public var cytologyIntervalYears = 3
    public var hpvIntervalYears = 5
    public var breastIntervalYears = 2
    /// Days from a screen or a step to the next examination it calls for.
    public var examinationDays = 30
    /// Days from a biopsy or colposcopy to the pathology result, and from that to the diagnosis.
    public var pathologyDays = 30
    /// Days from a diagnosis that needs treatment to the treatment.
    public var treatmentDays = 60
    /// Days after the health partner is told of a late step before the health officers are.
    public var escalateAfterDays = 14
    /// 1: a BI-RADS 4 or 5 ultrasound goes to mammography before the biopsy; 0: straight to the biopsy.
    public var biopsyNeedsMammography = 0
    /// What counts as caught early, for `earlyDiagnosisRate`. Not a number: the page edits it as its own lists.
    public var earlyDiagnosis = EarlyDiagnosisSets()
    public init() {}

    public static let storageKey = "health.settings"

    /// Each number's sensible range: the programme's ages within adulthood, intervals of a year to ten, deadlines of a
    /// day to a year.
    public static var fields: [(name: String, keyPath: WritableKeyPath<HealthSettings, Int>, range: ClosedRange<Int>)] {
        [
            ("ageFrom", \.ageFrom, 18...100), ("ageTo", \.ageTo, 18...100),
            ("cytologyIntervalYears", \.cytologyIntervalYears, 1...10), ("hpvIntervalYears", \.hpvIntervalYears, 1...10),
            ("breastIntervalYears", \.breastIntervalYears, 1...10), ("examinationDays", \.examinationDays, 1...365),
            ("pathologyDays", \.pathologyDays, 1...365), ("treatmentDays", \.treatmentDays, 1...365),
            ("escalateAfterDays", \.escalateAfterDays, 1...90), ("biopsyNeedsMammography", \.biopsyNeedsMammography, 0...1),
        ]
    }

    public func problemsAcrossFields() -> [FieldError] {
        ageTo < ageFrom ? [FieldError(field: "ageTo", key: "health.error.ageOrder", args: [String(ageFrom)])] : []
    }

    public func days(_ kind: HealthDeadlineKind) -> Int {
        switch kind {
        case .examination: return examinationDays
        case .pathology: return pathologyDays
        case .treatment: return treatmentDays
        }
    }
}

/// The diagnoses counted as precancers and the cancer stages counted as early, by programme. The defaults are the
/// issue's: cervical CIN2, CIN3, AIS and stage IA; breast DCIS and stages I–IIA.
public struct EarlyDiagnosisSets: Sendable, Codable, Equatable {
    public var cervicalDiagnoses: [CervicalDiagnosis] = [.cin2, .cin3, .ais]
    public var cervicalStages: [CancerStage] = [.ia]
    public var breastDiagnoses: [BreastDiagnosis] = [.dcis]
    public var breastStages: [CancerStage] = [.i, .iia]
    public init() {}

    /// The PUT's `earlyDiagnosis` part: each list replaces the stored one when sent. A precancer is neither a normal
    /// finding nor a cancer (cancers count by stage), so those are refused by index.
    public func applying(_ input: EarlyDiagnosisInput, _ c: inout FormChecker) -> EarlyDiagnosisSets? {
        var next = self
        let before = c.errors.count
        if let raw = input.cervicalDiagnoses {
            next.cervicalDiagnoses = Self.list(raw, "earlyDiagnosis.cervicalDiagnoses", refused: [.normal, .cancer], &c)
        }
        if let raw = input.breastDiagnoses {
            next.breastDiagnoses = Self.list(raw, "earlyDiagnosis.breastDiagnoses", refused: [.benign, .cancer], &c)
        }
        if let raw = input.cervicalStages { next.cervicalStages = Self.list(raw, "earlyDiagnosis.cervicalStages", refused: [], &c) }
        if let raw = input.breastStages { next.breastStages = Self.list(raw, "earlyDiagnosis.breastStages", refused: [], &c) }
        return c.errors.count == before ? next : nil
    }

    /// Tokens in the enum's order, each once; an unknown or refused one names `field[i]`.
    static func list<T: RawRepresentable & CaseIterable & Equatable>(
        _ raw: [String], _ field: String, refused: [T], _ c: inout FormChecker
    ) -> [T] where T.RawValue == String {
        var seen: [T] = []
        for (i, s) in raw.enumerated() {
            guard let t = c.token(s, "\(field)[\(i)]", T.self) else { continue }
            if refused.contains(t) {
                c.errors.append(FieldError(field: "\(field)[\(i)]", key: "field.error.choice"))
            } else if !seen.contains(t) {
                seen.append(t)
            }
        }
        return T.allCases.filter(seen.contains)
    }
}

/// The lists as typed on the settings page or sent in the PUT.
public struct EarlyDiagnosisInput: Codable, Sendable, Equatable {
    public var cervicalDiagnoses: [String]?
    public var cervicalStages: [String]?
    public var breastDiagnoses: [String]?
    public var breastStages: [String]?
    public init(
        cervicalDiagnoses: [String]? = nil, cervicalStages: [String]? = nil, breastDiagnoses: [String]? = nil,
        breastStages: [String]? = nil
    ) {
        self.cervicalDiagnoses = cervicalDiagnoses
        self.cervicalStages = cervicalStages
        self.breastDiagnoses = breastDiagnoses
        self.breastStages = breastStages
    }
}

/// The PUT's body: the numbers sent replace those stored, the rest stay; so do the early-diagnosis lists.
public struct HealthSettingsInput: Codable, Sendable, Equatable {
    public var ageFrom: Int?
    public var ageTo: Int?
    public var cytologyIntervalYears: Int?
    public var hpvIntervalYears: Int?
    public var breastIntervalYears: Int?
    public var examinationDays: Int?
    public var pathologyDays: Int?
    public var treatmentDays: Int?
    public var escalateAfterDays: Int?
    public var biopsyNeedsMammography: Int?
    public var earlyDiagnosis: EarlyDiagnosisInput?
    public init() {}

    /// As `NumberSettings.applying` reads a form.
    public var values: [String: String] {
        let all: [String: Int?] = [
            "ageFrom": ageFrom, "ageTo": ageTo, "cytologyIntervalYears": cytologyIntervalYears, "hpvIntervalYears": hpvIntervalYears,
            "breastIntervalYears": breastIntervalYears, "examinationDays": examinationDays, "pathologyDays": pathologyDays,
            "treatmentDays": treatmentDays, "escalateAfterDays": escalateAfterDays, "biopsyNeedsMammography": biopsyNeedsMammography,
        ]
        return all.compactMapValues { $0.map(String.init) }
    }
}

extension HealthSettings {
    /// The whole PUT: every bad number and every bad list entry at once, or the settings that would result.
    public func applying(_ input: HealthSettingsInput) -> Result<HealthSettings, FieldErrors> {
        var c = FormChecker()
        var next = self
        switch applying(input.values) {
        case .success(let s): next = s
        case .failure(let e): c.errors += e.items
        }
        if let early = input.earlyDiagnosis, let sets = earlyDiagnosis.applying(early, &c) { next.earlyDiagnosis = sets }
        return c.errors.isEmpty ? .success(next) : .failure(FieldErrors(c.errors))
    }
}
