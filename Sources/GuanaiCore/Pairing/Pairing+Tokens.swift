/// 爱心妈妈 pairing: the tokens the API, the database and the catalogues share.
public enum VolunteerSkill: String, Sendable, Codable, CaseIterable {
    case tutoring, psychologicalSupport = "psychological_support", health, crafts, sports, arts, lifeSkills = "life_skills", legal

    /// The child's needs this skill answers, for the suggestion's skill bonus.
    public var meets: Set<ChildNeed> {
        switch self {
        case .tutoring: return [.study, .habits]
        case .psychologicalSupport: return [.affection]
        case .health: return [.dailyCare, .safety]
        case .crafts, .arts, .sports: return [.affection, .habits]
        case .lifeSkills: return [.dailyCare, .habits]
        case .legal: return [.safety]
        }
    }
}

/// What must be confirmed, with a date and by whom, before a volunteer is paired with a child
/// (未成年人保护法 第62条 asks for the record check of everyone in close contact with minors).
public enum ScreeningStep: String, Sendable, Codable, CaseIterable {
    case identity, recordCheck = "record_check", training, conduct
}

/// Whether a volunteer can take new pairs: a withdrawn volunteer keeps her record and history but is offered no child.
public enum VolunteerStatus: String, Sendable, Codable, CaseIterable {
    case active, withdrawn
}

public enum PairStatus: String, Sendable, Codable, CaseIterable {
    case proposed, approved, active, paused, closed

    /// A pair that holds the child and a place in the volunteer's capacity.
    public var isOpen: Bool { self != .closed }
}

public enum PairCloseReason: String, Sendable, Codable, CaseIterable {
    case childExited = "child_exited", parentReturned = "parent_returned", volunteerWithdrew = "volunteer_withdrew", moved, unreachable,
        misconduct, naturalEnd = "natural_end"
}

public enum ContactMode: String, Sendable, Codable, CaseIterable {
    case visit, call, video, tutoring, gift, outing
}

/// Whom a staff support check-in (回访) was held with: the volunteer herself or the child's guardian.
public enum CheckinWith: String, Sendable, Codable, CaseIterable {
    case volunteer, guardian
}

public enum PairAction: String, Sendable, Codable, CaseIterable {
    case approve, start, pause, resume, close, reopen
}

/// The lifecycle: proposed → approved (township) → active (first contact or a set start date) ⇄ paused → closed;
/// a closed pair is reopened straight to active by the township's approval. Anything else is refused.
public enum PairLifecycle {
    public static func next(_ status: PairStatus, _ action: PairAction) -> PairStatus? {
        switch (status, action) {
        case (.proposed, .approve): return .approved
        case (.approved, .start): return .active
        case (.active, .pause): return .paused
        case (.paused, .resume): return .active
        case (.proposed, .close), (.approved, .close), (.active, .close), (.paused, .close): return .closed
        case (.closed, .reopen): return .active
        default: return nil
        }
    }
}
