import Foundation

/// 居民身份证号码 per GB 11643-1999: 6-digit address code, 8-digit birth date, 3-digit order (odd = male),
/// check character from the ISO 7064 MOD 11-2 weights.
public struct IDNumber: Hashable, Sendable, CustomStringConvertible {
    public let value: String
    public let birthDate: CivilDate
    public let sex: Sex

    public var description: String { value }
    public var addressCode: String { String(value.prefix(6)) }

    public enum Problem: Error, Equatable, Sendable {
        case empty
        /// A 15-digit number from before 1999: the 18-digit number is needed.
        case legacy15
        case length(Int)
        case characters
        case birthDate
        case checkDigit(expected: Character)
    }

    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checks: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    public static func checkCharacter(for first17: String) -> Character? {
        let digits = first17.compactMap { $0.wholeNumberValue }
        guard digits.count == 17, first17.count == 17 else { return nil }
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return checks[sum % 11]
    }

    /// Full-width digits, spaces and a lowercase x are what people type; they are normalised, not refused.
    public static func normalise(_ raw: String) -> String {
        var out = ""
        for u in raw.unicodeScalars {
            if u.properties.isWhitespace { continue }
            if (0xFF10...0xFF19).contains(u.value) {
                out.unicodeScalars.append(Unicode.Scalar(u.value - 0xFF10 + 0x30)!)
            } else if u == "x" || u == "ｘ" || u == "Ｘ" {
                out.append("X")
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    public init(_ raw: String) throws(Problem) {
        let s = IDNumber.normalise(raw)
        if s.isEmpty { throw .empty }
        if s.count == 15 && s.allSatisfy({ $0.isASCII && $0.isNumber }) { throw .legacy15 }
        guard s.count == 18 else { throw .length(s.count) }
        let body = s.prefix(17), last = s.last!
        guard body.allSatisfy({ $0.isASCII && $0.isNumber }), last.isASCII && (last.isNumber || last == "X") else { throw .characters }
        let ymd = String(s.dropFirst(6).prefix(8))
        guard let y = Int(ymd.prefix(4)), let m = Int(ymd.dropFirst(4).prefix(2)), let d = Int(ymd.suffix(2)),
            y >= 1900, let date = CivilDate(year: y, month: m, day: d)
        else { throw .birthDate }
        let expected = IDNumber.checkCharacter(for: String(body))!
        guard expected == last else { throw .checkDigit(expected: expected) }
        value = s
        birthDate = date
        sex = (Int(String(s.dropFirst(16).prefix(1)))! % 2 == 1) ? .male : .female
    }

    /// Builds a valid number from its parts (synthetic data and tests; never copied from anyone).
    public static func make(address: String, birth: CivilDate, order: Int) -> IDNumber {
        let o = String(format: "%03d", order % 1000)
        let first17 = address + birth.compact + o
        return try! IDNumber(first17 + String(checkCharacter(for: first17)!))
    }
}

/// A calendar date without time or zone: birth dates, due dates.
public struct CivilDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(year: year, month: month) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// `2015-03-02`
    public init?(iso s: String) {
        let parts = s.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public init(from decoder: any Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let d = CivilDate(iso: s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "date must be YYYY-MM-DD"))
        }
        self = d
    }
    public func encode(to encoder: any Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(iso) }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // By hand, not String(format:): a sweep or an import formats millions of dates, and the format parser cost more
    // than everything else about a date.
    public var iso: String { Self.digits(year, 4) + "-" + Self.digits(month, 2) + "-" + Self.digits(day, 2) }
    public var compact: String { Self.digits(year, 4) + Self.digits(month, 2) + Self.digits(day, 2) }

    /// `n` (not negative) in at least `width` digits, zero-padded.
    public static func digits(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
    public var description: String { iso }
    public static func < (a: Self, b: Self) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// Days since 1970-01-01 (proleptic Gregorian), for arithmetic.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// The same month and day `years` later; 29 February falls on 28 February in a common year.
    public func anniversary(_ years: Int) -> CivilDate {
        let y = year + years
        return CivilDate(year: y, month: month, day: min(day, CivilDate.daysIn(year: y, month: month)))!
    }

    /// The date in China (UTC+8) at an instant: "today" for people in 石首.
    public static func inChina(_ d: Date) -> CivilDate {
        CivilDate(dayNumber: Int(floor((d.timeIntervalSince1970 + 8 * 3600) / 86400)))
    }
}
