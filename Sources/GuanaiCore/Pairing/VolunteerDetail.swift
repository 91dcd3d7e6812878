/// A volunteer's plain fields (单位, 荣誉, 空闲时间): shown to staff who pair, read by no rule (matching reads her
/// skills, capacity and place).
public enum VolunteerDetail: String, CodingKey, RecordDetail {
    case organisation, honours, availableTime

    public var kind: DetailKind { .text }

    public var labelKey: String { "volunteer." + rawValue }
}
