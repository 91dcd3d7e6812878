public enum Sex: String, Sendable, Equatable {
    case male
    case female
}

extension Normalize {
    private static let yesWords: Set<String> = ["是", "√", "✓", "✔", "☑", "y", "yes", "1", "有", "true"]
    private static let noWords: Set<String> = ["否", "×", "✗", "✘", "☒", "n", "no", "0", "无", "没有", "false"]

    /// 是/否, √/×, ✓/✗, Y/N, yes/no, 1/0, 有/无, true/false (any case, full-width allowed);
    /// `nil` for empty or anything else.
    public static func yesNo(_ value: CellValue) -> Bool? {
        switch value {
        case .bool(let flag): return flag
        case .number(let text):
            if let number = Double(text) { return number == 1 ? true : (number == 0 ? false : nil) }
            return nil
        case .text(let raw):
            let word = text(raw).lowercased()
            if yesWords.contains(word) { return true }
            if noWords.contains(word) { return false }
            return nil
        default:
            return nil
        }
    }

    private static let maleWords: Set<String> = ["男", "男性", "男孩", "male", "m", "1"]
    private static let femaleWords: Set<String> = ["女", "女性", "女孩", "female", "f", "2"]

    /// 男/女, male/female, M/F, and the ID-card convention 1/2 (GB 2261.1).
    public static func sex(_ value: CellValue) -> Sex? {
        let word: String
        switch value {
        case .text(let raw): word = text(raw).lowercased()
        case .number(let raw): word = raw
        default: return nil
        }
        if maleWords.contains(word) { return .male }
        if femaleWords.contains(word) { return .female }
        return nil
    }
}
