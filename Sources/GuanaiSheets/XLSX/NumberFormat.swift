/// What a cell's number format makes of a number: the reader only needs to know about dates.
enum NumberFormatKind: UInt8, Sendable {
    case plain
    case date
    /// A date format showing year and month but no day.
    case yearMonth

    /// Built-in ids (ECMA-376 §18.8.30 plus the zh-CN/zh-TW/ja/ko locale ranges) that show a date.
    /// The pure time formats among them (18–21, 32–35, 45–47, 55–56) stay numbers: a
    /// time of day has no calendar date and would surface as 1899-12-30.
    static func builtIn(_ id: Int) -> NumberFormatKind {
        switch id {
        case 14...17, 22, 28...31, 36, 50...54, 58: return .date
        case 27, 57: return .yearMonth  // zh-CN `yyyy"年"m"月"`
        default: return .plain
        }
    }

    /// Classifies a custom format code by its date tokens, looking only outside quoted literals,
    /// backslash/underscore/asterisk escapes and `[...]` sections (colours, locales, conditions).
    static func classify(code: String) -> NumberFormatKind {
        var hasYear = false
        var hasMonth = false
        var hasDay = false
        var inQuote = false
        var inBracket = false
        var skipNext = false
        for scalar in code.unicodeScalars {
            if skipNext { skipNext = false; continue }
            if inQuote {
                if scalar == "\"" { inQuote = false }
                continue
            }
            if inBracket {
                if scalar == "]" { inBracket = false }
                continue
            }
            switch scalar {
            case "\"": inQuote = true
            case "[": inBracket = true
            case "\\", "_", "*": skipNext = true
            case ";": break
            case "y", "Y", "年": hasYear = true
            case "m", "M", "月": hasMonth = true
            case "d", "D", "日": hasDay = true
            default: break
            }
        }
        if hasDay { return .date }
        if hasYear { return hasMonth ? .yearMonth : .date }
        return .plain  // `m` alone is minutes (`h:mm`, `mm:ss`)
    }
}
