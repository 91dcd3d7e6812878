/// One programme's counts for a unit and a year (issue 20, item 6): only counts, never a woman or a result.
public struct HealthProgrammeFigures: Codable, Sendable, Equatable, AdditiveFigures {
    /// The campaigns' targets of the year (a `both` campaign's counts for each programme).
    public var target = 0
    /// Women screened in the year, each once.
    public var screened = 0
    /// Women eligible on the day the figures are read, and those of them screened within the interval.
    public var eligible = 0
    public var covered = 0
    /// Screens of the year, and the abnormal ones.
    public var screens = 0
    public var abnormal = 0
    /// Abnormal screens of the year whose first step's due day has passed, and those of them whose follow-up reached a
    /// result (`HealthIndicators.isConcluded`).
    public var followupsDue = 0
    public var followupsConcluded = 0
    /// Diagnoses recorded in the year: precancers (the settings' list), cancers, and the cancers of an early stage.
    public var precancers = 0
    public var cancers = 0
    public var earlyCancers = 0
    public init() {}

    public static func + (a: Self, b: Self) -> Self {
        var s = a
        for k in Self.counts { s[keyPath: k] += b[keyPath: k] }
        return s
    }

    static var counts: [WritableKeyPath<Self, Int>] {
        [
            \.target, \.screened, \.eligible, \.covered, \.screens, \.abnormal, \.followupsDue, \.followupsConcluded, \.precancers,
            \.cancers, \.earlyCancers,
        ]
    }

    /// One more diagnosis, as `HealthIndicators.diagnosisClass` reads it.
    public mutating func add(_ d: HealthDiagnosisClass?) {
        switch d {
        case .precancer: precancers += 1
        case .earlyCancer: cancers += 1; earlyCancers += 1
        case .cancer: cancers += 1
        case nil: break
        }
    }

    /// One more abnormal screen: counted for `followupCompletion` once its first due day has passed (before `asOf`).
    public mutating func addAbnormal(firstDueOn: CivilDate, concluded: Bool, asOf: CivilDate) {
        abnormal += 1
        guard firstDueOn < asOf else { return }
        followupsDue += 1
        if concluded { followupsConcluded += 1 }
    }

    /// The five indicators of this programme, in `HealthIndicatorCode` order.
    public func items(_ p: HealthProgramme) -> [HealthIndicator] {
        HealthIndicatorCode.allCases.map { code in
            let (n, d): (Int, Int)
            switch code {
            case .screeningRate: (n, d) = (screened, target)
            case .coverage: (n, d) = (covered, eligible)
            case .abnormalRate: (n, d) = (abnormal, screens)
            case .followupCompletion: (n, d) = (followupsConcluded, followupsDue)
            case .earlyDiagnosisRate: (n, d) = (precancers + earlyCancers, precancers + cancers)
            }
            return HealthIndicator(code: code, programme: p, numerator: n, denominator: d)
        }
    }
}

/// Both programmes' counts for a unit: what `DivisionRollup` sums from villages into townships.
public struct HealthFigures: Codable, Sendable, Equatable, AdditiveFigures {
    public var cervical = HealthProgrammeFigures()
    public var breast = HealthProgrammeFigures()
    public init() {}
    public init(cervical: HealthProgrammeFigures, breast: HealthProgrammeFigures) {
        self.cervical = cervical
        self.breast = breast
    }

    public subscript(_ p: HealthProgramme) -> HealthProgrammeFigures {
        get { p == .cervical ? cervical : breast }
        set { if p == .cervical { cervical = newValue } else { breast = newValue } }
    }

    public static func + (a: Self, b: Self) -> Self { HealthFigures(cervical: a.cervical + b.cervical, breast: a.breast + b.breast) }

    /// Every indicator: the cervical five, then the breast five.
    public var items: [HealthIndicator] { HealthProgramme.allCases.flatMap { self[$0].items($0) } }
}

/// `{"code","programme","numerator","denominator","value","formula"}`; `value` is null (written, not left out) when
/// the denominator is 0.
public struct HealthIndicator: Codable, Sendable, Equatable {
    public let code: HealthIndicatorCode
    public let programme: HealthProgramme
    public let numerator: Int
    public let denominator: Int
    public init(code: HealthIndicatorCode, programme: HealthProgramme, numerator: Int, denominator: Int) {
        self.code = code
        self.programme = programme
        self.numerator = numerator
        self.denominator = denominator
    }

    public var formula: String { code.formula }

    /// Four places, rounded half up; nil when the denominator is 0.
    public var value: String? { DivisionRollup.rate(Int64(numerator), Int64(denominator)) }

    enum CodingKeys: String, CodingKey { case code, programme, numerator, denominator, value, formula }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            code: try c.decode(HealthIndicatorCode.self, forKey: .code), programme: try c.decode(HealthProgramme.self, forKey: .programme),
            numerator: try c.decode(Int.self, forKey: .numerator), denominator: try c.decode(Int.self, forKey: .denominator))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(programme, forKey: .programme)
        try c.encode(numerator, forKey: .numerator)
        try c.encode(denominator, forKey: .denominator)
        try c.encode(value, forKey: .value)
        try c.encode(formula, forKey: .formula)
    }
}

/// How a diagnosis counts for `earlyDiagnosisRate`.
public enum HealthDiagnosisClass: Sendable, Equatable {
    case precancer, earlyCancer, cancer
}

public enum HealthIndicators {
    /// A diagnosis in the settings' precancer list, a cancer of a stage within an early one, another cancer, or
    /// nothing the rate counts (a normal finding, CIN1, a benign lump).
    public static func diagnosisClass(_ result: HealthStepResult, stage: CancerStage?, _ sets: EarlyDiagnosisSets) -> HealthDiagnosisClass?
    {
        let early: [CancerStage]
        switch result {
        case .cervical(.cancer): early = sets.cervicalStages
        case .breast(.cancer): early = sets.breastStages
        case .cervical(let d): return sets.cervicalDiagnoses.contains(d) ? .precancer : nil
        case .breast(let d): return sets.breastDiagnoses.contains(d) ? .precancer : nil
        default: return nil
        }
        guard let stage else { return .cancer }
        return early.contains(where: stage.isWithin) ? .earlyCancer : .cancer
    }

    /// A follow-up that reached a result: a diagnosis recorded (treatment may still be awaited), or ended on a normal
    /// finding, a diagnosis or a treatment. Open without a diagnosis, or lost, it has not.
    public static func isConcluded(_ status: HealthFollowupStatus, hasDiagnosis: Bool) -> Bool {
        switch status {
        case .closedNormal, .diagnosed, .treated: return true
        case .open: return hasDiagnosis
        case .lost: return false
        }
    }

    /// The `rows` of the answer: villages' figures summed into the units one level below `unit`, each with its items.
    public static func rows(_ villages: [String: HealthFigures], under unit: DivisionCode) -> [(code: String, items: [HealthIndicator])] {
        DivisionRollup.rows(villages, under: unit).map { ($0.code, $0.figures.items) }
    }
}
