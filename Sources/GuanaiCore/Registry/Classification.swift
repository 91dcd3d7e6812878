/// Age in 周岁 as Chinese legal practice counts it: a person reaches N years on the day *after* the Nth birthday
/// (最高人民法院: 周岁以12个公历月计算，从周岁生日的第二天起算). So on her 16th birthday a child is still under 16.
public enum Age {
    /// Completed years on `date` by that rule.
    public static func years(born: CivilDate, on date: CivilDate) -> Int {
        var n = date.year - born.year
        // Not yet past the anniversary (on it counts as not yet reached).
        if date <= born.anniversary(n) { n -= 1 }
        return max(n, 0)
    }

    public static func isUnder(_ limit: Int, born: CivilDate, on date: CivilDate) -> Bool {
        date <= born.anniversary(limit)
    }

    /// The first day on which the person is no longer under `limit`.
    public static func dayReaching(_ limit: Int, born: CivilDate) -> CivilDate {
        born.anniversary(limit).adding(days: 1)
    }
}

/// What the rules look at for one parent: the link's situation, overridden by the person's own record.
public struct ParentFacts: Sendable, Equatable {
    public var situation: ParentSituation
    public var vitalStatus: VitalStatus
    public var health: Health

    public init(situation: ParentSituation, vitalStatus: VitalStatus = .alive, health: Health = .healthy) {
        self.situation = situation
        self.vitalStatus = vitalStatus
        self.health = health
    }

    /// A father marked deceased is deceased for every rule, whatever the link says.
    public var effective: ParentSituation {
        switch vitalStatus {
        case .deceased: return .deceased
        case .missing: return .missing
        case .alive: break
        }
        switch health {
        case .seriousIllness, .hospitalised: return situation == .imprisoned ? .imprisoned : .seriouslyIll
        case .severeDisability: return situation == .imprisoned ? .imprisoned : .severelyDisabled
        default: return situation
        }
    }
}

public struct ChildFacts: Sendable, Equatable {
    public var birthDate: CivilDate
    public var hukou: Hukou
    /// An unknown parent (not recorded) counts as absent from the home but not as without capacity.
    public var father: ParentFacts?
    public var mother: ParentFacts?
    public var ownHealth: Health
    public var improperGuardianship: Bool
    public var poverty: PovertyStatus

    public init(
        birthDate: CivilDate, hukou: Hukou, father: ParentFacts?, mother: ParentFacts?, ownHealth: Health = .healthy,
        improperGuardianship: Bool = false, poverty: PovertyStatus = .none
    ) {
        self.birthDate = birthDate
        self.hukou = hukou
        self.father = father
        self.mother = mother
        self.ownHealth = ownHealth
        self.improperGuardianship = improperGuardianship
        self.poverty = poverty
    }
}

public struct Classification: Sendable, Equatable {
    public var categories: [ChildCategory]
    public var reasons: [Reason]
    public var leftBehind: Bool { categories.contains(.leftBehind) }
    /// The next date on which the result can change by age alone (16th or 18th birthday passing), for the sweep.
    public var nextAgeChange: CivilDate?
}

/// 农村留守儿童 (国发〔2016〕13号), 孤儿, 事实无人抚养儿童 (民发〔2019〕62号), 困境儿童 (国发〔2016〕36号).
/// Computed, never typed by hand; every category comes with its reasons in Chinese.
public enum ChildClassifier {
    static let names: [ParentSituation: String] = [
        .atHome: "在家", .workingAway: "外出务工", .imprisoned: "服刑在押", .missing: "失踪（失联）",
        .deceased: "死亡", .seriouslyIll: "重病或住院", .severelyDisabled: "重度残疾",
    ]

    static let deFactoStates: Set<ParentSituation> = [.severelyDisabled, .seriouslyIll, .imprisoned, .missing]

    public static func classify(_ c: ChildFacts, on today: CivilDate) -> Classification {
        var cats: [ChildCategory] = []
        var reasons: [Reason] = []
        let under16 = Age.isUnder(16, born: c.birthDate, on: today)
        let under18 = Age.isUnder(18, born: c.birthDate, on: today)
        let f = c.father?.effective, m = c.mother?.effective
        let fs = f.map { names[$0]! } ?? "未登记", ms = m.map { names[$0]! } ?? "未登记"
        let parents = [f?.rawValue ?? "unknown", m?.rawValue ?? "unknown"]

        // 留守: under 16, rural, both away, or one away and the other without capacity.
        if under16 && c.hukou == .rural, let f, let m {
            if f == .workingAway && m == .workingAway {
                cats.append(.leftBehind)
                reasons.append(Reason(.leftBehindBothAway, [], "父母双方均外出务工，未满16周岁，农村户籍"))
            } else if (f == .workingAway && m.withoutCapacity) || (m == .workingAway && f.withoutCapacity) {
                cats.append(.leftBehind)
                reasons.append(Reason(.leftBehindOneAway, parents, "父亲\(fs)、母亲\(ms)：一方外出务工、另一方无监护能力，未满16周岁，农村户籍"))
            }
        }

        var orphan = false
        if under18, let f, let m, [.deceased, .missing].contains(f), [.deceased, .missing].contains(m) {
            orphan = true
            cats.append(.orphan)
            reasons.append(Reason(.orphan, parents, "父亲\(fs)、母亲\(ms)，未满18周岁"))
        }

        var deFacto = false
        if under18, !orphan, let f, let m {
            let both = deFactoStates.contains(f) && deFactoStates.contains(m)
            let one =
                ([.deceased, .missing].contains(f) && deFactoStates.contains(m))
                || ([.deceased, .missing].contains(m) && deFactoStates.contains(f))
            if both || one {
                deFacto = true
                cats.append(.deFactoUnsupported)
                reasons.append(Reason(.deFactoUnsupported, parents, "父亲\(fs)、母亲\(ms)，事实上无人抚养，未满18周岁"))
            }
        }

        if under18 {
            if c.poverty == .dibao || c.poverty == .tekun {
                cats.append(.difficultyPoverty)
                reasons.append(Reason(.difficultyPoverty, [c.poverty.rawValue], c.poverty == .dibao ? "家庭为低保户" : "家庭为特困供养户"))
            }
            if c.ownHealth == .severeDisability || c.ownHealth == .mildDisability {
                cats.append(.difficultyDisability)
                reasons.append(Reason(.difficultyDisability, [c.ownHealth.rawValue], c.ownHealth == .severeDisability ? "本人重度残疾" : "本人残疾"))
            }
            if c.improperGuardianship || deFacto {
                cats.append(.difficultyGuardianship)
                reasons.append(
                    Reason(
                        .difficultyGuardianship, [c.improperGuardianship ? "improper" : "de_facto"],
                        c.improperGuardianship ? "存在监护不当情形" : "事实无人抚养，属监护困境"))
            }
        }

        var next: CivilDate? = nil
        if under16 { next = Age.dayReaching(16, born: c.birthDate) } else if under18 { next = Age.dayReaching(18, born: c.birthDate) }
        return Classification(categories: cats, reasons: reasons, nextAgeChange: next)
    }
}

/// A child record's standing after a classification: exit when nothing applies any more, re-entry when something
/// applies again. A voided record keeps its categories for the history but never comes back into a list by itself.
public struct ChildStanding: Sendable, Equatable {
    public var status: ChildStatus
    public var exitedOn: String?
    /// A catalogue key (`registry.exit.*`).
    public var exitReason: String?
    public var nextReview: String?

    public init(status: ChildStatus, exitedOn: String?, exitReason: String?, nextReview: String?) {
        self.status = status
        self.exitedOn = exitedOn
        self.exitReason = exitReason
        self.nextReview = nextReview
    }

    /// `reason`: why she exits, when the caller knows better than "not eligible" (new) or "changed" (listed).
    public mutating func apply(_ r: Classification, today: CivilDate, reason: String?) {
        guard status != .voided else { nextReview = nil; return }
        nextReview = r.nextAgeChange?.iso
        if r.categories.isEmpty {
            if status != .exited {
                exitReason = reason ?? (status == .new ? "registry.exit.notEligible" : "registry.exit.changed")
                status = .exited
                exitedOn = today.iso
            }
        } else {
            status = .active
            exitedOn = nil
            exitReason = nil
        }
    }

    /// A left-behind child who is no longer, and is 16 or over: she exits because of her age.
    public static func exitHint(wasLeftBehind: Bool, now r: Classification, born: CivilDate, today: CivilDate) -> String? {
        wasLeftBehind && !r.leftBehind && !Age.isUnder(16, born: born, on: today) ? "registry.exit.aged16" : nil
    }
}
