/// The 六有 of a 妇女之家 (women's home) as an inspection ticks them: a place, facilities, a work plan, rules on the wall,
/// activities, and their effect.
public struct SixHas: Codable, Sendable, Equatable {
    public var place: Bool
    public var facilities: Bool
    public var plan: Bool
    public var rules: Bool
    public var activities: Bool
    public var effect: Bool
    public init(
        place: Bool = false, facilities: Bool = false, plan: Bool = false, rules: Bool = false, activities: Bool = false,
        effect: Bool = false
    ) {
        self.place = place
        self.facilities = facilities
        self.plan = plan
        self.rules = rules
        self.activities = activities
        self.effect = effect
    }

    /// How many of the six are ticked.
    public var count: Int { [place, facilities, plan, rules, activities, effect].filter { $0 }.count }
}

/// Whether a 妇女之家 works or is only a sign on a door.
public enum WomensHomeRating: String, Codable, Sendable, CaseIterable {
    /// All six, and at least `activitiesNeeded` activities in the last three months.
    case functioning
    /// Neither of the others.
    case partial
    /// 挂牌: no activity in three months and nothing ticked beyond the place.
    case nominal

    public static let activitiesNeeded = 3

    /// `activitiesInLast3Months` counts the activities dated within `window(endingOn:)` of the day rated. A home whose
    /// "activities" box is ticked but has none counted is rated on the count: the box is an inspector's impression.
    public static func rate(check: SixHas, activitiesInLast3Months: Int) -> WomensHomeRating {
        if check.count == 6 && activitiesInLast3Months >= activitiesNeeded { return .functioning }
        let beyondPlace = check.count - (check.place ? 1 : 0)
        if activitiesInLast3Months <= 0 && beyondPlace == 0 { return .nominal }
        return .partial
    }

    /// The last three months up to `day`, both ends included: from the day after the same day three months earlier
    /// (the month's last day when it has no such day) through `day`. 2027-06-15 gives 2027-03-16 … 2027-06-15, and
    /// 2027-05-31 gives 2027-03-01 … 2027-05-31 (three months before is 28 February), so windows of consecutive quarter
    /// ends meet without overlapping.
    public static func window(endingOn day: CivilDate) -> ClosedRange<CivilDate> {
        WomanClassifier.addMonths(day, -3).adding(days: 1)...day
    }
}
