/// Pure value helpers the importer applies to cells before validating them.
public enum Normalize {
    /// Full-width ASCII (U+FF01–FF5E) to half-width and the ideographic space to a plain space,
    /// as typed with a Chinese IME in full-width mode.
    public static func halfWidth(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { ($0.value >= 0xFF01 && $0.value <= 0xFF5E) || $0.value == 0x3000 }) else {
            return text
        }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// `halfWidth` plus trimming of whitespace including NBSP, the ideographic space and
    /// zero-width characters pasted from web pages. Inner spaces are kept.
    public static func text(_ text: String) -> String {
        let converted = halfWidth(text)
        let scalars = converted.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isTrimmable($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !isTrimmable($0) })!
        return String(scalars[start...end])
    }

    /// The cell as normalised text: numbers as their stored text, dates as `yyyy-mm-dd`/`yyyy-mm`,
    /// `nil` for an empty cell or one that normalises to nothing.
    public static func text(_ value: CellValue) -> String? {
        let result: String
        switch value {
        case .empty: return nil
        case .text(let string): result = text(string)
        case .number(let string): result = string
        case let .date(year, month, day): result = DateText.day(year: year, month: month, day: day)
        case let .month(year, month): result = DateText.month(year: year, month: month)
        case .bool(let flag): result = flag ? "TRUE" : "FALSE"
        case .error(let literal): result = literal
        }
        return result.isEmpty ? nil : result
    }

    static func isTrimmable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: return true
        default: return scalar.properties.isWhitespace
        }
    }
}
