/// Who gave: the kind the 公示 totals by.
public enum DonorKind: String, Sendable, Codable, CaseIterable {
    case enterprise, association, individual, government
}

/// Money handed over, or goods valued in yuan.
public enum DonationType: String, Sendable, Codable, CaseIterable {
    case money, goods
}

/// What part of a donation went to: a station, an event, or one child.
public enum AllocationTarget: String, Sendable, Codable, CaseIterable {
    case station, event, child
}
