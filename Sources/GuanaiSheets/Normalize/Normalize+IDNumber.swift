/// What an ID-number cell holds once normalised.
public enum IDNumberValue: Sendable, Equatable {
    case empty
    /// Normalised text (half-width, no spaces, trailing `x` upper-cased). Not validated: a
    /// 15-digit old-style number or a wrong checksum is returned as is for the app to reject.
    case text(String)
    /// The cell holds a number that lost digits (Excel keeps 15 significant digits, and shows
    /// `4.21081E+17`); the payload is the stored text. The real ID cannot be recovered.
    case lostDigits(String)
}

extension Normalize {
    public static func idNumber(_ value: CellValue) -> IDNumberValue {
        switch value {
        case .empty:
            return .empty
        case .number(let raw):
            return idNumber(fromNumberText: raw)
        case .text(let raw):
            var cleaned = String(text(raw).unicodeScalars.filter { !isTrimmable($0) })
            // `'4210…` and `="4210…"` are the usual tricks to keep Excel from eating digits.
            if cleaned.hasPrefix("'") { cleaned.removeFirst() }
            if cleaned.hasPrefix("=\""), cleaned.hasSuffix("\""), cleaned.count >= 3 {
                cleaned = String(cleaned.dropFirst(2).dropLast())
            }
            if cleaned.isEmpty { return .empty }
            if isExponentForm(cleaned) { return .lostDigits(cleaned) }
            if cleaned.last == "x" { cleaned = String(cleaned.dropLast()) + "X" }
            return .text(cleaned)
        case let .date(year, month, day):
            return .text(DateText.day(year: year, month: month, day: day))
        case let .month(year, month):
            return .text(DateText.month(year: year, month: month))
        case .bool, .error:
            return .text(Normalize.text(value) ?? "")
        }
    }

    /// A number cell: exact digits survive only when the producer wrote the integer itself.
    private static func idNumber(fromNumberText raw: String) -> IDNumberValue {
        let trimmed = text(raw)
        if isExponentForm(trimmed) { return .lostDigits(trimmed) }
        var digits = Substring(trimmed)
        if let dot = digits.firstIndex(of: ".") {
            guard digits[digits.index(after: dot)...].allSatisfy({ $0 == "0" }) else { return .text(trimmed) }
            digits = digits[..<dot]
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .text(trimmed) }
        if digits.count >= 16 {
            // Excel keeps 15 significant digits, so an 18-digit number typed into a general cell
            // ends in zeros. A real ID ending in "000" is flagged too: re-typing it as text is
            // cheaper than importing a wrong one.
            let significant = digits.reversed().drop { $0 == "0" }.count
            if significant <= 15 { return .lostDigits(trimmed) }
        }
        return .text(String(digits))
    }

    private static func isExponentForm(_ text: String) -> Bool {
        guard let e = text.firstIndex(where: { $0 == "E" || $0 == "e" }) else { return false }
        let mantissa = text[..<e]
        var exponent = text[text.index(after: e)...]
        if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
        return !mantissa.isEmpty && !exponent.isEmpty
            && mantissa.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
            && exponent.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
