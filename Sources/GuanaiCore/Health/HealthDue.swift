/// What the due rules read of a woman: from `people`, not only the women's registry.
public struct HealthPersonFacts: Sendable, Equatable {
    public var sex: Sex
    public var vitalStatus: VitalStatus
    public var hukou: Hukou
    public var birthDate: CivilDate
    public init(sex: Sex, vitalStatus: VitalStatus, hukou: Hukou, birthDate: CivilDate) {
        self.sex = sex
        self.vitalStatus = vitalStatus
        self.hukou = hukou
        self.birthDate = birthDate
    }
}

/// The days of her last screens, by what they tested: a co-test sets both cervical days.
public struct HealthScreeningHistory: Sendable, Equatable {
    public var lastCytology: CivilDate?
    public var lastHPV: CivilDate?
    public var lastBreast: CivilDate?
    public init(lastCytology: CivilDate? = nil, lastHPV: CivilDate? = nil, lastBreast: CivilDate? = nil) {
        self.lastCytology = lastCytology
        self.lastHPV = lastHPV
        self.lastBreast = lastBreast
    }

    /// The history with one more screen in it (a later day replaces an earlier one).
    public func adding(_ s: CheckedHealthScreening) -> HealthScreeningHistory {
        var h = self
        let later = { (old: CivilDate?) in max(old ?? s.date, s.date) }
        switch s.programme {
        case .cervical:
            if s.method?.takesCytology == true { h.lastCytology = later(h.lastCytology) }
            if s.method?.takesHPV == true { h.lastHPV = later(h.lastHPV) }
        case .breast: h.lastBreast = later(h.lastBreast)
        }
        return h
    }

    /// The last screen of the programme, whatever it tested: the due list's `lastScreenedOn`.
    public func last(_ p: HealthProgramme) -> CivilDate? {
        switch p {
        case .cervical: return [lastCytology, lastHPV].compactMap { $0 }.max()
        case .breast: return lastBreast
        }
    }
}

public enum HealthDueRules {
    /// The first day she is `ageFrom` (周岁: the day after that birthday).
    public static func eligibleFrom(_ p: HealthPersonFacts, _ s: HealthSettings) -> CivilDate {
        Age.dayReaching(s.ageFrom, born: p.birthDate)
    }

    /// The last day she is still `ageTo`: her birthday after it, since 周岁 turn the day after.
    public static func eligibleUntil(_ p: HealthPersonFacts, _ s: HealthSettings) -> CivilDate {
        p.birthDate.anniversary(s.ageTo + 1)
    }

    /// Female, alive, rural, aged `ageFrom`–`ageTo` 周岁 on `day`.
    public static func isEligible(_ p: HealthPersonFacts, on day: CivilDate, _ s: HealthSettings) -> Bool {
        guard p.sex == .female, p.vitalStatus == .alive, p.hukou == .rural else { return false }
        return eligibleFrom(p, s) <= day && day <= eligibleUntil(p, s)
    }

    /// The day the programme became due, whether or not that day has come: a screen is due again on the anniversary of
    /// its interval. Cervical: the later of the cytology's and the HPV test's (a primary she never had sets no bound),
    /// so both must have run out. Never screened: the day she became eligible, as also when the interval ran out
    /// before that.
    public static func dueOn(_ p: HealthProgramme, _ person: HealthPersonFacts, _ h: HealthScreeningHistory, _ s: HealthSettings)
        -> CivilDate
    {
        let from = eligibleFrom(person, s)
        let bounds: [CivilDate]
        switch p {
        case .cervical:
            bounds = [
                h.lastCytology?.anniversary(s.cytologyIntervalYears), h.lastHPV?.anniversary(s.hpvIntervalYears),
            ].compactMap { $0 }
        case .breast: bounds = [h.lastBreast?.anniversary(s.breastIntervalYears)].compactMap { $0 }
        }
        return max(from, bounds.max() ?? from)
    }

    /// The day she has been due since, for the due list; nil when she is not eligible on `today` or not yet due.
    public static func dueSince(
        _ p: HealthProgramme, _ person: HealthPersonFacts, _ h: HealthScreeningHistory, on today: CivilDate, _ s: HealthSettings
    ) -> CivilDate? {
        guard isEligible(person, on: today, s) else { return nil }
        let d = dueOn(p, person, h, s)
        return d <= today ? d : nil
    }

    /// Eligible and screened within the interval: the numerator of `coverage`.
    public static func isCovered(
        _ p: HealthProgramme, _ person: HealthPersonFacts, _ h: HealthScreeningHistory, on today: CivilDate, _ s: HealthSettings
    ) -> Bool {
        isEligible(person, on: today, s) && h.last(p) != nil && dueSince(p, person, h, on: today, s) == nil
    }
}

/// One line of the due list, as the sort sees it.
public struct HealthDueRow: Sendable, Equatable {
    public var personId: PersonID
    public var dueSince: CivilDate
    public var poverty: PovertyStatus
    public init(personId: PersonID, dueSince: CivilDate, poverty: PovertyStatus) {
        self.personId = personId
        self.dueSince = dueSince
        self.poverty = poverty
    }

    /// 低保 and 特困 first: the programme reaches the poorest before the rest.
    public var isPoor: Bool { Self.isPoor(poverty) }
    public static func isPoor(_ p: PovertyStatus) -> Bool { p == .dibao || p == .tekun }
}

public enum HealthDueList {
    /// Poor first, then longest due (earliest `dueSince`), then by id so a page reads the same each time.
    public static func precedes(_ a: HealthDueRow, _ b: HealthDueRow) -> Bool {
        if a.isPoor != b.isPoor { return a.isPoor }
        if a.dueSince != b.dueSince { return a.dueSince < b.dueSince }
        return a.personId < b.personId
    }

    public static func sorted(_ rows: [HealthDueRow]) -> [HealthDueRow] { rows.sorted(by: precedes) }
}

/// The same rules as bounds a query can count by, for figures over many women (counts, indicators): each bound is
/// found by the rule itself around its approximate day, so a count by these bounds is the count by `isEligible` and
/// `isCovered` woman by woman (the tests hold both to it).
extension HealthDueRules {
    /// The birth days of the women of eligible age on `today`: from the oldest still `ageTo` to the youngest already
    /// `ageFrom`.
    public static func eligibleBirthDays(on today: CivilDate, _ s: HealthSettings) -> ClosedRange<CivilDate> {
        let facts = { (born: CivilDate) in HealthPersonFacts(sex: .female, vitalStatus: .alive, hukou: .rural, birthDate: born) }
        var youngest = today.anniversary(-s.ageFrom).adding(days: 3)
        while eligibleFrom(facts(youngest), s) > today { youngest = youngest.adding(days: -1) }
        var oldest = today.anniversary(-(s.ageTo + 1)).adding(days: -3)
        while eligibleUntil(facts(oldest), s) < today { oldest = oldest.adding(days: 1) }
        return oldest...max(oldest, youngest)
    }

    /// The first day of a last screen that still covers her on `today`: a screen on that day or later has not run out.
    /// Cervical: a cytology or an HPV test from its own day on (either covers her); breast: the breast screen's.
    public static func coveredSince(_ p: HealthProgramme, on today: CivilDate, _ s: HealthSettings) -> (cytology: CivilDate, hpv: CivilDate)
    {
        func since(_ years: Int) -> CivilDate {
            var d = today.anniversary(-years).adding(days: -3)
            while d.anniversary(years) <= today { d = d.adding(days: 1) }
            return d
        }
        switch p {
        case .cervical: return (since(s.cytologyIntervalYears), since(s.hpvIntervalYears))
        case .breast:
            let d = since(s.breastIntervalYears)
            return (d, d)
        }
    }
}
