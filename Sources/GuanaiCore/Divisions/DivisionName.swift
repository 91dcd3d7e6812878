import Foundation

/// Official and everyday names of a unit. Registers say 石华堰村委会; people say 石华堰村. Lookups match both.
public enum DivisionName {
    /// The everyday name for an official one.
    public static func short(for official: String, kind: DivisionKind) -> String {
        let s = official.trimmingCharacters(in: .whitespaces)
        switch kind {
        case .villageCommittee:
            for suffix in ["村民委员会", "村委会"] where s.hasSuffix(suffix) && s.count > suffix.count {
                return String(s.dropLast(suffix.count)) + "村"
            }
        case .residentsCommittee:
            for suffix in ["社区居民委员会", "社区居委会", "居民委员会", "居委会"] where s.hasSuffix(suffix) && s.count > suffix.count {
                return String(s.dropLast(suffix.count)) + "社区"
            }
        case .livingArea:
            if s.hasSuffix("生活区") && s.count > 3 { return String(s.dropLast(3)) }
        case .subdistrict:
            if s.hasSuffix("街道办事处") { return String(s.dropLast(5)) + "街道" }
        default: break
        }
        return s
    }

    /// The official name for one typed by an administrator in everyday form (王李场村 → 王李场村委会).
    public static func official(for typed: String, kind: DivisionKind) -> String {
        let s = typed.trimmingCharacters(in: .whitespaces)
        switch kind {
        case .villageCommittee:
            if s.hasSuffix("村委会") || s.hasSuffix("村民委员会") { return s }
            if s.hasSuffix("村") { return s + "委会" }
            return s + "村委会"
        case .residentsCommittee:
            if s.hasSuffix("居委会") || s.hasSuffix("居民委员会") { return s }
            if s.hasSuffix("社区") { return String(s.dropLast(2)) + "居委会" }
            return s + "居委会"
        default:
            return s
        }
    }

    /// Key that both names of a unit reduce to, for matching what people type.
    public static func matchKey(_ name: String) -> String {
        var s = name.filter { !$0.isWhitespace }
        for suffix in ["村民委员会", "村委会", "居民委员会", "社区居委会", "居委会", "社区", "生活区", "村"] where s.hasSuffix(suffix) && s.count > suffix.count {
            s = String(s.dropLast(suffix.count))
            break
        }
        return s
    }
}
