/// The registry's tokens. The API uses exactly these; docs/registry.md has the table with Chinese names.
public enum Sex: String, Sendable, Codable, CaseIterable { case female, male }

public enum Hukou: String, Sendable, Codable, CaseIterable { case rural, urban }

public enum Health: String, Sendable, Codable, CaseIterable {
    case healthy
    case chronicIllness = "chronic_illness"
    case seriousIllness = "serious_illness"
    case hospitalised
    case severeDisability = "severe_disability"
    case mildDisability = "mild_disability"

    /// 监护能力: a parent in this health cannot care for a child.
    public var removesCapacity: Bool { self == .seriousIllness || self == .hospitalised || self == .severeDisability }
}

public enum VitalStatus: String, Sendable, Codable, CaseIterable { case alive, deceased, missing }

public enum ParentSituation: String, Sendable, Codable, CaseIterable {
    case atHome = "at_home"
    case workingAway = "working_away"
    case imprisoned
    case missing
    case deceased
    case seriouslyIll = "seriously_ill"
    case severelyDisabled = "severely_disabled"

    /// Without guardianship capacity (国发〔2016〕13号: 死亡、失踪、重病、重残、服刑).
    public var withoutCapacity: Bool { self != .atHome && self != .workingAway }
}

public enum LivingArrangement: String, Sendable, Codable, CaseIterable {
    case withParent = "with_parent"
    case withGuardian = "with_guardian"
    case withSiblingsOnly = "with_siblings_only"
    case alone
}

public enum GuardianRelation: String, Sendable, Codable, CaseIterable {
    case grandmother, grandfather
    case maternalGrandmother = "maternal_grandmother"
    case maternalGrandfather = "maternal_grandfather"
    case relative, neighbour, other
}

/// A child record's standing: `new` until first classified, `active` (在册), `exited` (已退出, kept), `voided` (作废).
public enum ChildStatus: String, Sendable, Codable, CaseIterable { case new, active, exited, voided }

/// A woman on the register: `new` until first classified, `active` while left behind, `exited` when no longer.
public enum WomanStatus: String, Sendable, Codable, CaseIterable { case new, active, exited }

public enum PovertyStatus: String, Sendable, Codable, CaseIterable {
    case none
    case dibao  // 低保
    case tekun  // 特困
    case monitored  // 防返贫监测户
}

/// The five areas in which left-behind children need care (the launch speech's words).
public enum ChildNeed: String, Sendable, Codable, CaseIterable {
    case dailyCare = "daily_care"  // 生活照顾
    case study  // 学业帮助
    case affection  // 亲情抚慰
    case habits  // 习惯养成
    case safety  // 安全维护
}

/// The four pressures on left-behind women the action names.
public enum WomanNeed: String, Sendable, Codable, CaseIterable {
    case development  // 发展能力
    case mentalBurden = "mental_burden"  // 精神负担
    case childEducation = "child_education"  // 教育子女
    case safety  // 安全感
}

public enum ChildCategory: String, Sendable, Codable, CaseIterable {
    case leftBehind = "left_behind"
    case orphan
    case deFactoUnsupported = "de_facto_unsupported"
    case difficultyPoverty = "difficulty_poverty"
    case difficultyDisability = "difficulty_disability"
    case difficultyGuardianship = "difficulty_guardianship"
}

/// 中国56个民族的规范名称.
public enum Ethnicity {
    public static let all = [
        "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族",
        "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族",
        "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族",
        "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
        "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
    ]
}

/// Stored bit per token so lists can filter by category or need from an index alone. The values are part of the
/// database and must never be renumbered; a new token takes the next free bit.
public protocol StoredBits: RawRepresentable, CaseIterable where RawValue == String {
    var bit: Int { get }
}

public extension StoredBits {
    static func bits(_ values: some Sequence<Self>) -> Int { values.reduce(0) { $0 | $1.bit } }
}

extension ChildCategory: StoredBits {
    public var bit: Int {
        switch self {
        case .leftBehind: 1
        case .orphan: 2
        case .deFactoUnsupported: 4
        case .difficultyPoverty: 8
        case .difficultyDisability: 16
        case .difficultyGuardianship: 32
        }
    }
    /// Any of the three 困境儿童 categories.
    public static let difficultyBits =
        ChildCategory.difficultyPoverty.bit | ChildCategory.difficultyDisability.bit | ChildCategory.difficultyGuardianship.bit
}

extension ChildNeed: StoredBits {
    public var bit: Int {
        switch self {
        case .dailyCare: 1
        case .study: 2
        case .affection: 4
        case .habits: 8
        case .safety: 16
        }
    }
}
