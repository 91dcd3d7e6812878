import Foundation

/// A target, a weight, a cap or a score, exactly as decimals are written ("0.85", "120", "1.2"). Decimal underneath, not
/// Double, so 0.8505 − 0.85 is 0.0005 (the cascade's tolerance is decided on that digit) and 0.125 rounds up to 0.13.
/// Codable as its text, so a stored scheme reads back digit for digit whatever the platform's JSON does with numbers.
public struct TargetNumber: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    public let value: Decimal

    public init(_ value: Decimal) { self.value = value }
    public init(integerLiteral n: Int) { value = Decimal(n) }

    /// Plain decimal text only: an optional "-", digits, and optionally "." with digits after it. No exponent, no "+",
    /// no grouping and no spaces, because `Decimal(string:)` reads "12abc" as 12 and "1e3" as 1000.
    public init?(_ text: String) {
        guard Self.parts(text) != nil, let d = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        value = d
    }

    /// The digits before and after the point of plain decimal text, and whether it is negative; nil for anything else.
    static func parts(_ text: String) -> (negative: Bool, whole: Substring, fraction: Substring)? {
        var s = Substring(text)
        let negative = s.first == "-"
        if negative { s = s.dropFirst() }
        let halves = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = halves[0], fraction = halves.count == 2 ? halves[1] : ""
        let digit = { (c: Character) in c.isASCII && c.isNumber }
        guard !whole.isEmpty, whole.allSatisfy(digit), fraction.allSatisfy(digit), halves.count == 1 || !fraction.isEmpty else {
            return nil
        }
        return (negative, whole, fraction)
    }

    public init(from decoder: any Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let n = TargetNumber(s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a plain decimal"))
        }
        self = n
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    /// The shortest text of the value: "0.85" for 0.850, "120".
    public var description: String { value.description }

    public static func < (a: Self, b: Self) -> Bool { a.value < b.value }

    /// The value rounded half up (half away from zero) to `places` decimals.
    public func rounding(_ places: Int) -> TargetNumber {
        var exact = value, out = Decimal()
        NSDecimalRound(&out, &exact, places, .plain)
        return TargetNumber(out)
    }

    /// Rounded half up to `places` decimals and written with exactly that many: "96.00", "0.1300", "-1".
    public func text(places: Int) -> String {
        let r = rounding(places).value
        let negative = r < 0
        let scaled = (negative ? -r : r) * Self.power(places)
        let digits = scaled.description
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        let cut = padded.index(padded.endIndex, offsetBy: -places)
        let body = places == 0 ? padded : padded[..<cut] + "." + padded[cut...]
        return (negative ? "-" : "") + body
    }

    static func power(_ places: Int) -> Decimal { (0..<places).reduce(Decimal(1)) { p, _ in p * 10 } }
}
