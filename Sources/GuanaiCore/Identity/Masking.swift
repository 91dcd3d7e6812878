/// Masks for lists and default details: enough to tell records apart, not enough to misuse.
public enum Masking {
    /// 421081********1234: address code and the last four kept.
    public static func idNumber(_ s: String) -> String {
        guard s.count > 10 else { return String(repeating: "*", count: s.count) }
        return String(s.prefix(6)) + String(repeating: "*", count: s.count - 10) + String(s.suffix(4))
    }

    /// 138****5678
    public static func phone(_ s: String) -> String {
        guard s.count >= 7 else { return String(repeating: "*", count: s.count) }
        return String(s.prefix(3)) + String(repeating: "*", count: s.count - 7) + String(s.suffix(4))
    }
}

public enum PhoneNumber {
    /// Mainland mobile: 11 digits starting with 1.
    public static func isValidMobile(_ s: String) -> Bool {
        s.count == 11 && s.first == "1" && s.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

/// The given name alone, which is all a volunteer sees of her child: the surname is one character, or two for the
/// compound surnames still common (欧阳, 司马 …) when the name is long enough to have both.
public enum ChineseName {
    static let compound: Set<String> = [
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "独孤", "南宫", "西门", "百里", "呼延",
    ]

    public static func givenName(_ name: String) -> String {
        let chars = Array(name.trimmingCharacters(in: .whitespaces))
        guard chars.count >= 2 else { return String(chars) }
        // A name in Latin letters (rare, minority or foreign) has no surname to drop safely.
        guard chars.allSatisfy({ !$0.isASCII }) else { return String(chars) }
        if chars.count >= 3, compound.contains(String(chars[0...1])) { return String(chars[2...]) }
        return String(chars[1...])
    }
}
