/// A child's plain fields (学校, 年级, 住校). What a rule reads (how she lives, her parents, her needs) is not here.
public enum ChildDetail: String, CodingKey, RecordDetail {
    case school, grade, boarding

    public var kind: DetailKind {
        switch self {
        case .school, .grade: .text
        case .boarding: .flag
        }
    }

    public var labelKey: String { "children." + rawValue }
}
