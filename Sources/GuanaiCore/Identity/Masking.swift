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
