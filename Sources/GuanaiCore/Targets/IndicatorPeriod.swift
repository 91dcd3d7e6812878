/// The span an indicator, a target or an approval is for: a month ("2027-03"), a quarter ("2027-Q1") or a year ("2027").
/// The token is the only spelling, read and written alike, so it can be stored and looked up as text: "2027-3",
/// "2027-q1", " 2027" and "2027-M03" are refused rather than normalised (a form trims spaces first, `FormChecker.period`).
public struct IndicatorPeriod: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case month, quarter, year
    }

    public static let years = 1900...9999

    public let year: Int
    public let kind: Kind
    /// The month (1–12) or the quarter (1–4); 0 for a year.
    public let number: Int

    public static func month(_ year: Int, _ month: Int) -> IndicatorPeriod? {
        guard years.contains(year), (1...12).contains(month) else { return nil }
        return IndicatorPeriod(year: year, kind: .month, number: month)
    }

    public static func quarter(_ year: Int, _ quarter: Int) -> IndicatorPeriod? {
        guard years.contains(year), (1...4).contains(quarter) else { return nil }
        return IndicatorPeriod(year: year, kind: .quarter, number: quarter)
    }

    public static func year(_ year: Int) -> IndicatorPeriod? {
        years.contains(year) ? IndicatorPeriod(year: year, kind: .year, number: 0) : nil
    }

    /// The month a day falls in.
    public static func month(of day: CivilDate) -> IndicatorPeriod { IndicatorPeriod(year: day.year, kind: .month, number: day.month) }

    private init(year: Int, kind: Kind, number: Int) {
        self.year = year
        self.kind = kind
        self.number = number
    }

    public init?(_ token: String) {
        let ascii = Array(token.utf8)
        let digits = { (r: Range<Int>) in ascii[r].allSatisfy { (48...57).contains($0) } }
        let value = { (r: Range<Int>) in ascii[r].reduce(0) { $0 * 10 + Int($1 - 48) } }
        guard ascii.count >= 4, digits(0..<4) else { return nil }
        let y = value(0..<4)
        let found: IndicatorPeriod?
        switch ascii.count {
        case 4: found = .year(y)
        case 7 where ascii[4] == UInt8(ascii: "-") && ascii[5] == UInt8(ascii: "Q") && digits(6..<7): found = .quarter(y, value(6..<7))
        case 7 where ascii[4] == UInt8(ascii: "-") && digits(5..<7): found = .month(y, value(5..<7))
        default: found = nil
        }
        guard let found else { return nil }
        self = found
    }

    public init(from decoder: any Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let p = IndicatorPeriod(s) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "period must be YYYY, YYYY-Qn or YYYY-MM"))
        }
        self = p
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    public var description: String {
        switch kind {
        case .month: return CivilDate.digits(year, 4) + "-" + CivilDate.digits(number, 2)
        case .quarter: return CivilDate.digits(year, 4) + "-Q" + String(number)
        case .year: return CivilDate.digits(year, 4)
        }
    }

    /// The first month as a count of months since year 0, and how many months the period holds: the one measure that
    /// `contains`, the order and the month lists all read, since periods are aligned to months, quarters and years.
    private var firstMonthIndex: Int {
        switch kind {
        case .month: return year * 12 + number - 1
        case .quarter: return year * 12 + (number - 1) * 3
        case .year: return year * 12
        }
    }

    public var monthCount: Int {
        switch kind {
        case .month: return 1
        case .quarter: return 3
        case .year: return 12
        }
    }

    private static func month(index: Int) -> IndicatorPeriod {
        IndicatorPeriod(year: index / 12, kind: .month, number: index % 12 + 1)
    }

    /// The months inside, in order; a month is its own one.
    public var months: [IndicatorPeriod] { (0..<monthCount).map { Self.month(index: firstMonthIndex + $0) } }

    /// True when every month of `other` lies in this period: a year contains its quarters and months, a quarter its
    /// months, and every period itself. A month never contains a quarter, nor a quarter the year.
    public func contains(_ other: IndicatorPeriod) -> Bool {
        firstMonthIndex <= other.firstMonthIndex && other.firstMonthIndex + other.monthCount <= firstMonthIndex + monthCount
    }

    /// True when `day` falls within the period.
    public func contains(_ day: CivilDate) -> Bool { contains(Self.month(of: day)) }

    public var firstDay: CivilDate {
        let m = Self.month(index: firstMonthIndex)
        return CivilDate(year: m.year, month: m.number, day: 1)!
    }

    public var lastDay: CivilDate {
        let m = Self.month(index: firstMonthIndex + monthCount - 1)
        return CivilDate(year: m.year, month: m.number, day: CivilDate.daysIn(year: m.year, month: m.number))!
    }

    /// The quarter and the year a month lies in, for rolling a month's figures up.
    public var quarter: IndicatorPeriod? {
        kind == .month ? IndicatorPeriod(year: year, kind: .quarter, number: (number - 1) / 3 + 1) : nil
    }
    public var wholeYear: IndicatorPeriod { IndicatorPeriod(year: year, kind: .year, number: 0) }

    /// The `count` months ending with this period's last month, oldest first: a 12-month trend line ending at a month
    /// (2027-03 gives 2026-04 … 2027-03). A quarter or a year ends at its last month. Empty for a count below 1.
    public func previousMonths(_ count: Int) -> [IndicatorPeriod] {
        guard count > 0 else { return [] }
        let last = firstMonthIndex + monthCount - 1
        return (0..<count).map { Self.month(index: last - count + 1 + $0) }.filter { Self.years.contains($0.year) }
    }

    /// Earlier first day first; on the same first day the shorter period first (2027-01, 2027-Q1, 2027).
    public static func < (a: Self, b: Self) -> Bool { (a.firstMonthIndex, a.monthCount) < (b.firstMonthIndex, b.monthCount) }
}
