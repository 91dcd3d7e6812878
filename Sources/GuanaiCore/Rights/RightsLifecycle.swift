/// What happens to a case: each is allowed from some statuses only, and moves it to one.
public enum RightsEvent: String, Sendable, CaseIterable {
    /// Both parties consent to mediation.
    case accept
    /// A party refuses mediation: the case is referred on with advice.
    case refuse
    /// The 妇女之家 cannot take it (not a dispute for mediation, already before a court …).
    case decline
    case meet
    case agree
    case fail
    case followUp = "follow_up"
    case close
}

public enum RightsLifecycle {
    /// `received → accepted → mediating → agreed → followed_up → closed`, `failed → closed`, and from `received`
    /// `declined` or `referred` (each closable). A 回访 may be repeated; a second meeting keeps it `mediating`.
    public static func next(_ s: RightsStatus, _ e: RightsEvent) -> RightsStatus? {
        switch (s, e) {
        case (.received, .accept): return .accepted
        case (.received, .refuse): return .referred
        case (.received, .decline): return .declined
        case (.accepted, .meet), (.mediating, .meet): return .mediating
        case (.mediating, .agree): return .agreed
        case (.mediating, .fail): return .failed
        case (.agreed, .followUp), (.followedUp, .followUp): return .followedUp
        case (.followedUp, .close), (.failed, .close), (.declined, .close), (.referred, .close): return .closed
        default: return nil
        }
    }

    /// The move or 422 `status` naming where the case stands.
    public static func move(_ s: RightsStatus, _ e: RightsEvent) -> Result<RightsStatus, FieldError> {
        guard let n = next(s, e) else {
            return .failure(FieldError(field: "status", key: "rights.error.status", args: [s.rawValue]))
        }
        return .success(n)
    }

    /// Still to be mediated or followed up: the cases a deadline can fall on.
    public static func isOpen(_ s: RightsStatus) -> Bool { [.received, .accepted, .mediating, .agreed].contains(s) }
}
