import Foundation

/// An amount of money in yuan, held as whole fen (分) so sums are exact on both database engines and in Swift alike.
/// It reads and writes the decimal text the API carries ("200000.00"): digits, at most two decimals, no sign, no
/// exponent, at most `Yuan.max`; never a `Double`, which cannot hold 0.10 exactly.
public struct Yuan: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let fen: Int64

    public init(fen: Int64) { self.fen = fen }

    /// Ten billion yuan: more than any county has been given; a longer number is a typing slip.
    public static let max = Yuan(fen: 1_000_000_000_000)
    public static let zero = Yuan(fen: 0)

    /// nil for anything but `digits[.d[d]]` within `max` (surrounding blanks and a thousands comma-free form only).
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 13,
            whole.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            let frac = parts[1]
            guard (1...2).contains(frac.count), frac.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            cents = Int64(frac)! * (frac.count == 1 ? 10 : 1)
        }
        guard let w = Int64(whole) else { return nil }
        let (f, overflow) = w.multipliedReportingOverflow(by: 100)
        guard !overflow, f + cents <= Yuan.max.fen else { return nil }
        fen = f + cents
    }

    /// The same amount as a `Decimal`, for callers that compute in decimals.
    public var decimal: Decimal { Decimal(fen) / 100 }

    /// Always two decimals: "200000.00".
    public var description: String {
        let cents = fen % 100
        return "\(fen / 100)." + (cents < 10 ? "0" : "") + String(cents)
    }

    /// For reading on a page: thousands separated by commas, "200,000.00". The API keeps `description`.
    public var grouped: String {
        var whole = String(fen / 100)
        var i = whole.count - 3
        while i > 0 {
            whole.insert(",", at: whole.index(whole.startIndex, offsetBy: i))
            i -= 3
        }
        let cents = fen % 100
        return whole + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    public static func < (a: Yuan, b: Yuan) -> Bool { a.fen < b.fen }
    public static func + (a: Yuan, b: Yuan) -> Yuan { Yuan(fen: a.fen + b.fen) }
    public static func - (a: Yuan, b: Yuan) -> Yuan { Yuan(fen: a.fen - b.fen) }

    /// The sum of amounts, each within `max`: a county's books hold far fewer than 9·10⁶ of them, so Int64 fen cannot
    /// overflow.
    public static func sum(_ xs: some Sequence<Yuan>) -> Yuan { Yuan(fen: xs.reduce(0) { $0 + $1.fen }) }
}
