/// A left-behind woman's plain fields: whom she cares for, what she farms and can do, which services she wants (the
/// employment and health modules select by the interests; no rule of hers reads them).
public enum WomanDetail: String, CodingKey, RecordDetail {
    case childrenInCare, eldersInCare, farming, skills, employmentInterest, healthInterest
    /// The course topics she wants training in (`CourseTopic` tokens, comma-separated; checked by `WomanForm`).
    case trainingTopics

    public var kind: DetailKind {
        switch self {
        case .childrenInCare, .eldersInCare: .count(WomanForm.inCare)
        case .farming, .employmentInterest, .healthInterest: .flag
        case .skills, .trainingTopics: .text
        }
    }

    public var labelKey: String { "women." + rawValue }
}
