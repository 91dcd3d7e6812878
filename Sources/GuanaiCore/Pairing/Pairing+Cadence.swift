/// How often a volunteer should be in contact with her child, and who is reminded when she is not.
/// Defaults follow the action's plan: two contacts in the pair's first calendar month, then at least one a month;
/// a lapse reminds the volunteer after 3 days, the village worker after 7, the township after 14.
public struct ContactCadenceRules: NumberSettings {
    public static let storageKey = "pairing.cadence"
    public static var fields: [(name: String, keyPath: WritableKeyPath<ContactCadenceRules, Int>, range: ClosedRange<Int>)] {
        [
            ("firstMonthContacts", \.firstMonthContacts, 1...8), ("monthlyContacts", \.monthlyContacts, 1...8),
            ("volunteerDays", \.volunteerDays, 0...31), ("villageDays", \.villageDays, 1...31), ("townshipDays", \.townshipDays, 1...62),
        ]
    }

    /// The volunteer is reminded first, then the village, then the township.
    public func problemsAcrossFields() -> [FieldError] {
        volunteerDays < villageDays && villageDays < townshipDays ? [] : [FieldError(field: "villageDays", key: "pairing.error.levelOrder")]
    }

    public var firstMonthContacts: Int
    public var monthlyContacts: Int
    public var volunteerDays: Int
    public var villageDays: Int
    public var townshipDays: Int

    public init() { self.init(firstMonthContacts: 2) }

    public init(firstMonthContacts: Int = 2, monthlyContacts: Int = 1, volunteerDays: Int = 3, villageDays: Int = 7, townshipDays: Int = 14)
    {
        self.firstMonthContacts = firstMonthContacts
        self.monthlyContacts = monthlyContacts
        self.volunteerDays = volunteerDays
        self.villageDays = villageDays
        self.townshipDays = townshipDays
    }

    public func days(_ level: ReminderLevel) -> Int {
        switch level {
        case .volunteer: return volunteerDays
        case .village: return villageDays
        case .township: return townshipDays
        }
    }
}

/// Who an overdue contact reminds, in order.
public enum ReminderLevel: String, Sendable, Codable, CaseIterable {
    case volunteer, village, township
}

/// A pair's standing against the cadence on one day.
public struct ContactStanding: Sendable, Equatable {
    /// The calendar month whose quota was missed (`2026-10`), when the pair is overdue.
    public let shortMonth: String?
    /// Contacts still missing from that month.
    public let missing: Int
    /// Days since that month ended; 0 on the first day of the next month.
    public let daysOverdue: Int
    /// Reminder levels already due, in order.
    public let levels: [ReminderLevel]
    /// The next day the standing can change without a new contact: the sweep looks at the pair again then.
    public let nextCheck: CivilDate
    /// Contacts in the current month, and how many it asks for.
    public let thisMonth: Int
    public let thisMonthQuota: Int

    public var overdue: Bool { shortMonth != nil }
}

public enum ContactCadence {
    public static func monthKey(_ d: CivilDate) -> String { CivilDate.digits(d.year, 4) + "-" + CivilDate.digits(d.month, 2) }
    public static func firstOfMonth(_ d: CivilDate) -> CivilDate { CivilDate(year: d.year, month: d.month, day: 1)! }
    public static func firstOfNextMonth(_ d: CivilDate) -> CivilDate {
        firstOfMonth(d).adding(days: CivilDate.daysIn(year: d.year, month: d.month))
    }

    /// A pair is overdue when the last calendar month that has ended fell short of its quota and no contact has been
    /// made since it ended: one contact this month puts the pair back in step (a missed month stays in the history,
    /// but nobody is reminded of it again). The first month of a pair asks for `firstMonthContacts`. After a pause,
    /// the month of resuming asks nothing: the months the pair was paused are not missed contacts.
    public static func standing(
        startedOn: CivilDate, resumedOn: CivilDate? = nil, contacts: [CivilDate], today: CivilDate,
        rules: ContactCadenceRules = ContactCadenceRules()
    ) -> ContactStanding {
        let startMonth = firstOfMonth(startedOn)
        let thisMonth = firstOfMonth(today)
        let quotaThis = thisMonth == startMonth ? rules.firstMonthContacts : rules.monthlyContacts
        let countThis = contacts.filter { firstOfMonth($0) == thisMonth && $0 <= today }.count
        let remindFrom = firstOfNextMonth(today).adding(days: rules.volunteerDays)
        guard thisMonth > startMonth else {
            return ContactStanding(
                shortMonth: nil, missing: 0, daysOverdue: 0, levels: [], nextCheck: remindFrom, thisMonth: countThis,
                thisMonthQuota: quotaThis)
        }
        let lastMonth = firstOfMonth(thisMonth.adding(days: -1))
        let quotaLast = lastMonth == startMonth ? rules.firstMonthContacts : rules.monthlyContacts
        let countLast = contacts.filter { firstOfMonth($0) == lastMonth }.count
        let graceUntil = resumedOn.map(firstOfMonth) ?? startMonth.adding(days: -1)
        guard countLast < quotaLast, countThis == 0, lastMonth > graceUntil else {
            return ContactStanding(
                shortMonth: nil, missing: 0, daysOverdue: 0, levels: [], nextCheck: remindFrom, thisMonth: countThis,
                thisMonthQuota: quotaThis)
        }
        let days = today.dayNumber - thisMonth.dayNumber
        let levels = ReminderLevel.allCases.filter { days >= rules.days($0) }
        // The next level's day, or the next month's first reminder once every level has been told.
        let next = ReminderLevel.allCases.first { days < rules.days($0) }.map { thisMonth.adding(days: rules.days($0)) } ?? remindFrom
        return ContactStanding(
            shortMonth: monthKey(lastMonth), missing: quotaLast - countLast, daysOverdue: days, levels: levels, nextCheck: next,
            thisMonth: countThis, thisMonthQuota: quotaThis)
    }
}
