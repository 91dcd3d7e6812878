/// What a training course teaches (issue 18); a woman's `trainingTopics` use the same words, so suggestions can match.
public enum CourseTopic: String, Sendable, Codable, CaseIterable {
    case ecommerce
    case plantingBreeding = "planting_breeding"
    case domesticService = "domestic_service"
    case handicrafts
    case careWork = "care_work"
    case other
}

/// What became of a woman some months after a course or a hire: the follow-up's answer, the same for both.
public enum FollowupOutcome: String, Sendable, Codable, CaseIterable {
    case employed
    case selfEmployed = "self_employed"
    case businessStarted = "business_started"
    case notWorking = "not_working"
}
