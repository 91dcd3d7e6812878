/// A date as a register states it.
public enum DateValue: Sendable, Equatable, Hashable {
    case day(year: Int, month: Int, day: Int)
    /// Only year and month were given (出生年月); the caller compares it with the ID's birth month.
    case month(year: Int, month: Int)
}

public enum DateParseResult: Sendable, Equatable {
    case empty
    case date(DateValue)
    /// A number like `2019.1`: typed either as 2019.1 or as 2019.10, which Excel stores alike.
    case januaryOrOctober(year: Int)
    /// Not a date, or a date that does not exist (`2015-02-30`); the payload is the normalised text.
    case invalid(String)
}

extension Normalize {
    /// Years outside this range are typing errors in a register of living people.
    static let plausibleYears = 1900...2100

    /// Reads a date cell in any of the forms registers use:
    /// date cells; serial numbers (only if `serialsAllowed`, i.e. the column is a date column);
    /// `2015-03-02`, `2015/3/2`, `2015.3.2`, `2015年3月2日`, `20150302` (a trailing time is ignored);
    /// month-only `2019.3`, `2019-03`, `2019/3`, `2019年3月`, `201903`.
    public static func date(_ value: CellValue, serialsAllowed: Bool = true, date1904: Bool = false) -> DateParseResult {
        switch value {
        case .empty:
            return .empty
        case let .date(year, month, day):
            return checkedDay(year, month, day, original: DateText.day(year: year, month: month, day: day))
        case let .month(year, month):
            return checkedMonth(year, month, original: DateText.month(year: year, month: month))
        case .number(let raw):
            return date(fromNumberText: text(raw), serialsAllowed: serialsAllowed, date1904: date1904)
        case .text(let raw):
            let normalised = text(raw)
            return normalised.isEmpty ? .empty : date(fromText: normalised)
        case .bool, .error:
            return .invalid(text(value) ?? "")
        }
    }

    private static func date(fromNumberText raw: String, serialsAllowed: Bool, date1904: Bool) -> DateParseResult {
        let parts = raw.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 1, raw.count == 8 || raw.count == 6, raw.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return compactDigits(raw)
        }
        // 2019.3 typed into a general cell is stored as the number 2019.3.
        if parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), plausibleYears.contains(year),
            (1...2).contains(parts[1].count), let month = Int(parts[1])
        {
            if parts[1] == "1" { return .januaryOrOctober(year: year) }
            return checkedMonth(year, month, original: raw)
        }
        guard serialsAllowed, let serial = Double(raw), let day = ExcelDate.date(fromSerial: serial, date1904: date1904) else {
            return .invalid(raw)
        }
        return checkedDay(day.year, day.month, day.day, original: raw)
    }

    private static func date(fromText raw: String) -> DateParseResult {
        // Drop a time part: "2015-03-02 00:00:00", "2015-03-02T00:00".
        var text = Substring(raw)
        if let cut = text.firstIndex(where: { $0 == " " || $0 == "T" }) { text = text[..<cut] }
        if text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return text.count == 8 || text.count == 6 ? compactDigits(String(text)) : .invalid(raw)
        }
        var groups: [Int] = []
        var groupLengths: [Int] = []
        var separators: [Character] = []
        var current = ""
        for character in text {
            if character.isASCII && character.isNumber {
                current.append(character)
                continue
            }
            guard !current.isEmpty, "-/.年月日".contains(character) else { return .invalid(raw) }
            groups.append(Int(current)!)
            groupLengths.append(current.count)
            current = ""
            separators.append(character)
        }
        if !current.isEmpty {
            groups.append(Int(current)!)
            groupLengths.append(current.count)
        }
        guard groupLengths.first == 4, groupLengths.dropFirst().allSatisfy({ (1...2).contains($0) }) else {
            return .invalid(raw)
        }
        let separatorText = String(separators)
        switch groups.count {
        case 3:
            guard ["--", "//", "..", "年月", "年月日"].contains(separatorText) else { return .invalid(raw) }
            return checkedDay(groups[0], groups[1], groups[2], original: raw)
        case 2:
            guard ["-", "/", ".", "年", "年月"].contains(separatorText) else { return .invalid(raw) }
            return checkedMonth(groups[0], groups[1], original: raw)
        default:
            return .invalid(raw)
        }
    }

    private static func compactDigits(_ digits: String) -> DateParseResult {
        let year = Int(digits.prefix(4))!
        let month = Int(digits.dropFirst(4).prefix(2))!
        if digits.count == 6 { return checkedMonth(year, month, original: digits) }
        return checkedDay(year, month, Int(digits.suffix(2))!, original: digits)
    }

    private static func checkedDay(_ year: Int, _ month: Int, _ day: Int, original: String) -> DateParseResult {
        guard plausibleYears.contains(year), ExcelDate.isValid(year: year, month: month, day: day) else {
            return .invalid(original)
        }
        return .date(.day(year: year, month: month, day: day))
    }

    private static func checkedMonth(_ year: Int, _ month: Int, original: String) -> DateParseResult {
        guard plausibleYears.contains(year), (1...12).contains(month) else { return .invalid(original) }
        return .date(.month(year: year, month: month))
    }
}
