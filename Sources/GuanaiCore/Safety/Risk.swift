import Foundation

/// Risk tiers of the safety net (关爱保护): how closely a child must be watched, from who is actually caring for her.
public enum RiskTier: String, Sendable, Codable, CaseIterable, Comparable {
    case normal, medium, high, critical

    var rank: Int {
        switch self {
        case .normal: 0;
        case .medium: 1;
        case .high: 2;
        case .critical: 3
        }
    }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// The numbers a city admin may change. Defaults are the action's; every duration is in whole days or hours.
public struct RiskSettings: NumberSettings {
    public static let storageKey = "risk"

    /// A sole guardian this old (周岁) or older makes a young child high risk.
    public var oldGuardianAge = 70
    /// Children under this age (周岁) with an old or sick sole guardian are high risk.
    public var youngChildAge = 6
    /// No visit or contact for this many days makes a child at least medium risk.
    public var noContactDays = 60
    /// Days between visits by tier; critical children are visited daily until a response plan exists.
    public var criticalDays = 1
    public var criticalWithPlanDays = 3
    public var highDays = 7
    public var mediumDays = 14
    public var normalDays = 30
    /// An alert nobody acknowledged goes to the city after this many hours.
    public var acknowledgeHours = 2
    /// A critical child with no visit this many hours after the alert goes to the city again.
    public var firstVisitHours = 24
    /// Overdue visits of other tiers go to the township, then to the city, after these many days overdue.
    public var overdueTownshipDays = 3
    public var overdueCityDays = 7

    public init() {}

    /// Each number a city admin may set, with its allowed range, in the form's order. A bound keeps a rule a rule:
    /// a cadence of 0 days or an acknowledgement window of a week would switch the safety net off.
    public static var fields: [(name: String, keyPath: WritableKeyPath<RiskSettings, Int>, range: ClosedRange<Int>)] {
        [
            ("oldGuardianAge", \.oldGuardianAge, 50...100), ("youngChildAge", \.youngChildAge, 1...16),
            ("noContactDays", \.noContactDays, 7...365),
            ("criticalDays", \.criticalDays, 1...7), ("criticalWithPlanDays", \.criticalWithPlanDays, 1...14),
            ("highDays", \.highDays, 1...31),
            ("mediumDays", \.mediumDays, 1...62), ("normalDays", \.normalDays, 7...92), ("acknowledgeHours", \.acknowledgeHours, 1...48),
            ("firstVisitHours", \.firstVisitHours, 1...72), ("overdueTownshipDays", \.overdueTownshipDays, 1...30),
            ("overdueCityDays", \.overdueCityDays, 2...60),
        ]
    }

    /// The city hears of a missed visit after the township does, never before.
    public func problemsAcrossFields() -> [FieldError] {
        overdueCityDays <= overdueTownshipDays ? [FieldError(field: "overdueCityDays", key: "settings.error.cityAfterTownship")] : []
    }

    public func cadence(_ tier: RiskTier, plan: Bool) -> Int {
        switch tier {
        case .critical: plan ? criticalWithPlanDays : criticalDays
        case .high: highDays
        case .medium: mediumDays
        case .normal: normalDays
        }
    }
}

/// The entrusted guardian as the rules see her (her own person record).
public struct GuardianFacts: Sendable, Equatable {
    public var birthDate: CivilDate?
    public var vitalStatus: VitalStatus
    public var health: Health
    public init(birthDate: CivilDate?, vitalStatus: VitalStatus = .alive, health: Health = .healthy) {
        self.birthDate = birthDate
        self.vitalStatus = vitalStatus
        self.health = health
    }
    /// Alive, not missing, not seriously ill, hospitalised or severely disabled.
    public var capable: Bool { vitalStatus == .alive && !health.removesCapacity }
}

public struct RiskFacts: Sendable, Equatable {
    public var birthDate: CivilDate
    public var living: LivingArrangement
    public var father: ParentFacts?
    public var mother: ParentFacts?
    public var guardian: GuardianFacts?
    public var categories: [ChildCategory]
    public var needs: [ChildNeed]
    /// The last visit or contact, or the registration when there has been none.
    public var lastContact: CivilDate
    public var openReport: Bool

    public init(
        birthDate: CivilDate, living: LivingArrangement, father: ParentFacts?, mother: ParentFacts?, guardian: GuardianFacts?,
        categories: [ChildCategory], needs: [ChildNeed], lastContact: CivilDate, openReport: Bool = false
    ) {
        self.birthDate = birthDate
        self.living = living
        self.father = father
        self.mother = mother
        self.guardian = guardian
        self.categories = categories
        self.needs = needs
        self.lastContact = lastContact
        self.openReport = openReport
    }
}

public struct RiskAssessment: Sendable, Equatable {
    public var tier: RiskTier
    public var reasons: [Reason]
    /// The next day on which time alone can change the tier (a sixth birthday, a guardian turning 70, 60 days
    /// without contact); the sweep finds due children by it.
    public var nextChange: CivilDate?
}

public enum RiskRules {
    /// The reason on an overdue-visit alert.
    public static func overdueReason(due: String) -> Reason { Reason(.alertOverdue, [due], "应在\(due)走访，已逾期") }

    static let poorHealth: Set<Health> = [.chronicIllness, .seriousIllness, .hospitalised, .severeDisability]

    /// A parent at home who can care: alive, not missing, not seriously ill, hospitalised, severely disabled or imprisoned.
    static func capableAtHome(_ p: ParentFacts?) -> Bool { p?.effective == .atHome }

    public static func assess(_ f: RiskFacts, on today: CivilDate, settings s: RiskSettings = RiskSettings()) -> RiskAssessment {
        var critical: [Reason] = [], high: [Reason] = [], medium: [Reason] = []
        var next: [CivilDate] = []
        let parentHome = capableAtHome(f.father) || capableAtHome(f.mother)
        let guardianCapable = f.guardian?.capable ?? false

        // 紧急
        switch f.living {
        case .alone: critical.append(Reason(.riskLivingAlone, [], "独自居住"))
        case .withSiblingsOnly: critical.append(Reason(.riskSiblingsOnly, [], "只和兄弟姐妹住，没有大人照料"))
        default: break
        }
        if !parentHome && !guardianCapable && f.living != .alone && f.living != .withSiblingsOnly {
            if let g = f.guardian {
                let token =
                    g.vitalStatus == .deceased
                    ? "deceased"
                    : g.vitalStatus == .missing
                        ? "missing"
                        : g.health == .hospitalised ? "hospitalised" : g.health == .seriousIllness ? "serious_illness" : "severe_disability"
                let what =
                    g.vitalStatus == .deceased
                    ? "已去世"
                    : g.vitalStatus == .missing ? "失联" : g.health == .hospitalised ? "住院" : g.health == .seriousIllness ? "重病" : "重度残疾"
                critical.append(Reason(.riskNoCapableCaregiver, [token], "父母不在身边，唯一的委托监护人\(what)，没有有能力的照料人"))
            } else if f.father == nil || f.mother == nil {
                // A parent the record says nothing about (a ledger without that column) is unknown, not away: no
                // one is known to be absent, so no critical alert — raised in bulk by an import it would be false.
                high.append(Reason(.riskCaregiverUnknown, [], "父母情况不明，也没有委托监护人，请核实谁在照料"))
            } else {
                critical.append(Reason(.riskNoCaregiver, [], "父母不在身边，也没有委托监护人"))
            }
        }
        if f.openReport { critical.append(Reason(.riskOpenReport, [], "有尚未结案的强制报告")) }

        // 高
        if !parentHome, let g = f.guardian, guardianCapable {
            if Age.isUnder(s.youngChildAge, born: f.birthDate, on: today) {
                next.append(Age.dayReaching(s.youngChildAge, born: f.birthDate))
                if let b = g.birthDate, !Age.isUnder(s.oldGuardianAge, born: b, on: today) {
                    high.append(
                        Reason(
                            .riskYoungOldGuardian, [String(s.youngChildAge), String(s.oldGuardianAge)],
                            "未满\(s.youngChildAge)周岁，唯一的监护人已满\(s.oldGuardianAge)周岁"))
                } else if let b = g.birthDate {
                    next.append(Age.dayReaching(s.oldGuardianAge, born: b))
                }
                if poorHealth.contains(g.health) {
                    high.append(Reason(.riskYoungSickGuardian, [String(s.youngChildAge)], "未满\(s.youngChildAge)周岁，唯一的监护人身体不好"))
                }
            }
        }
        if f.categories.contains(.orphan) { high.append(Reason(.riskOrphan, [], "孤儿")) }
        if f.categories.contains(.deFactoUnsupported) { high.append(Reason(.riskDeFactoUnsupported, [], "事实无人抚养儿童")) }
        if f.categories.contains(.difficultyGuardianship) { high.append(Reason(.riskGuardianship, [], "监护困境")) }

        // 中
        if f.categories.contains(.difficultyPoverty) { medium.append(Reason(.riskPoverty, [], "低保或特困家庭")) }
        if f.categories.contains(.difficultyDisability) { medium.append(Reason(.riskDisability, [], "本人残疾")) }
        if f.needs.contains(.safety) { medium.append(Reason(.riskSafetyNeed, [], "需要安全维护")) }
        let silentFrom = f.lastContact.adding(days: s.noContactDays)
        if today >= silentFrom {
            medium.append(Reason(.riskNoContact, [String(s.noContactDays)], "\(s.noContactDays)天以上没有走访或联系"))
        } else {
            next.append(silentFrom)
        }

        let tier: RiskTier = !critical.isEmpty ? .critical : !high.isEmpty ? .high : !medium.isEmpty ? .medium : .normal
        let reasons = critical + high + medium
        return RiskAssessment(
            tier: tier, reasons: reasons.isEmpty ? [Reason(.riskNormal, [], "有人照料，按月走访")] : reasons,
            nextChange: next.filter { $0 > today }.min())
    }
}
