/// Who lends a station its rooms.
public enum StationHost: String, Sendable, Codable, CaseIterable {
    case school
    case villageCommittee = "village_committee"
    case womensHome = "womens_home"
    case other
}

/// When a station opens: after school on school days, at weekends, in the winter or the summer holiday.
public enum StationSession: String, Sendable, Codable, CaseIterable {
    case afterSchool = "after_school"
    case weekends
    case winterHoliday = "winter_holiday"
    case summerHoliday = "summer_holiday"
}

public enum StationStatus: String, Sendable, Codable, CaseIterable {
    case open, closed
}

/// One child's mark on one station day.
public enum AttendanceStatus: String, Sendable, Codable, CaseIterable {
    case present, absent, leave
}

/// What a station does with its children on a day.
public enum StationActivityKind: String, Sendable, Codable, CaseIterable {
    case homework, reading
    case psychologicalSupport = "psychological_support"
    case safetyEducation = "safety_education"
    case parentVideoCall = "parent_video_call"
    case other
}

/// A children's event outside a station's own days (a summer camp, a visit).
public enum ChildrenEventKind: String, Sendable, Codable, CaseIterable {
    case holidayCamp = "holiday_camp"
    case parentVideoCall = "parent_video_call"
    case safetyEducation = "safety_education"
    case healthEducation = "health_education"
    case volunteerVisit = "volunteer_visit"
    case other
}
