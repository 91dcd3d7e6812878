/// Figures that add up: a village's, a township's, a county's.
public protocol AdditiveFigures: Sendable {
    init()
    static func + (a: Self, b: Self) -> Self
}

public enum DivisionRollup {
    /// Villages' figures summed into the units one level below `unit` (a village's own figures stay its own), in code
    /// order: the rows of a portfolio or a report.
    public static func rows<F: AdditiveFigures>(_ villages: [String: F], under unit: DivisionCode) -> [(code: String, figures: F)] {
        let digits = unit.level == .village ? 12 : DivisionLevel(rawValue: unit.level.rawValue + 1)!.significantDigits
        var out: [String: F] = [:]
        for (code, f) in villages where code.hasPrefix(unit.prefix) {
            guard let child = DivisionCode(String(code.prefix(digits))) else { continue }
            out[child.value] = (out[child.value] ?? F()) + f
        }
        return out.keys.sorted().map { ($0, out[$0]!) }
    }

    /// `n / d` to four places rounded half up ("0.0375"); nil when `d` is 0.
    public static func rate(_ n: Int64, _ d: Int64) -> String? {
        guard d > 0 else { return nil }
        let tenThousandths = LoanInterest.roundHalfUp(n * 10_000, d)
        let whole = tenThousandths / 10_000, rest = tenThousandths % 10_000
        let digits = String(rest)
        return "\(whole)." + String(repeating: "0", count: 4 - digits.count) + digits
    }
}
