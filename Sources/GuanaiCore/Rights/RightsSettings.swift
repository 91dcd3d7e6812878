/// The deadlines and the break-glass window, as data (`GET/PUT /api/v1/rights/settings`, issue 19 item 6).
public struct RightsSettings: NumberSettings {
    /// Days from acceptance to an outcome (人民调解 aims at 30).
    public var mediationDays = 30
    /// The mediators are reminded this many days before the deadline.
    public var remindBeforeDays = 5
    /// Days overdue before the rights officers are told, after the township.
    public var escalateAfterDays = 7
    /// The 回访 falls due this many days after an agreement.
    public var followupDays = 30
    /// How long a break-glass read lasts.
    public var breakGlassHours = 3
    /// A protection order's expiry is told to the mediators this many days ahead.
    public var protectionOrderWarnDays = 14
    public init() {}

    public var breakGlassSeconds: Double { Double(breakGlassHours) * 3600 }

    public static let storageKey = "rights.settings"

    /// Each setting's sensible range: a deadline of a day to a year, a reminder up to two months ahead, break-glass of
    /// an hour to three days.
    public static var fields: [(name: String, keyPath: WritableKeyPath<RightsSettings, Int>, range: ClosedRange<Int>)] {
        [
            ("mediationDays", \.mediationDays, 1...365), ("remindBeforeDays", \.remindBeforeDays, 0...60),
            ("escalateAfterDays", \.escalateAfterDays, 0...90), ("followupDays", \.followupDays, 1...365),
            ("breakGlassHours", \.breakGlassHours, 1...72), ("protectionOrderWarnDays", \.protectionOrderWarnDays, 0...90),
        ]
    }

    public var input: RightsSettingsInput {
        RightsSettingsInput(
            mediationDays: mediationDays, remindBeforeDays: remindBeforeDays, escalateAfterDays: escalateAfterDays,
            followupDays: followupDays, breakGlassHours: breakGlassHours, protectionOrderWarnDays: protectionOrderWarnDays)
    }
}

/// The PUT's body: the numbers sent replace those stored, the rest stay.
public struct RightsSettingsInput: Codable, Sendable, Equatable {
    public var mediationDays: Int?
    public var remindBeforeDays: Int?
    public var escalateAfterDays: Int?
    public var followupDays: Int?
    public var breakGlassHours: Int?
    public var protectionOrderWarnDays: Int?
    public init(
        mediationDays: Int? = nil, remindBeforeDays: Int? = nil, escalateAfterDays: Int? = nil, followupDays: Int? = nil,
        breakGlassHours: Int? = nil, protectionOrderWarnDays: Int? = nil
    ) {
        self.mediationDays = mediationDays
        self.remindBeforeDays = remindBeforeDays
        self.escalateAfterDays = escalateAfterDays
        self.followupDays = followupDays
        self.breakGlassHours = breakGlassHours
        self.protectionOrderWarnDays = protectionOrderWarnDays
    }
}

extension RightsSettingsInput {
    /// As `NumberSettings.applying` reads a form.
    public var values: [String: String] {
        let all: [String: Int?] = [
            "mediationDays": mediationDays, "remindBeforeDays": remindBeforeDays, "escalateAfterDays": escalateAfterDays,
            "followupDays": followupDays, "breakGlassHours": breakGlassHours, "protectionOrderWarnDays": protectionOrderWarnDays,
        ]
        return all.compactMapValues { $0.map(String.init) }
    }
}
