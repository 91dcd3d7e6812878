/// What an audit entry is about, as stored in its `record_type` column. A record kind of the access rules is one of
/// them; the rest are things only the trail names (a person row, a board sheet, the division list, a setting).
/// Stored: a new case takes a new token; an existing token is never renamed.
public enum AuditSubject: String, Sendable, Codable, CaseIterable {
    case unit, account, audit
    case household, child, woman, person
    case visit, alert, report, board, settings
    case volunteer, pair, contact, checkin, campaign
    case health, employment, rights
    /// A screening or a follow-up: its trail says a result field changed, never the value.
    case healthResult = "health_result"
    case divisions
    case station, group, donation
    /// A candidate site for a station (siting); written by who approves.
    case site
    case visitPhoto = "visit_photo"
    /// An import is recorded under the ledger it read.
    case children, women, households, volunteers
    case stations, enrolments
    case neighbourGroups = "neighbour_groups"
    case sites
    case trainingEnrolments = "training_enrolments"
    case fairAttendees = "fair_attendees"
    case loans, repayments
    case screeningResults = "screening_results"
    case teamMembers = "team_members"

    public init(_ kind: RecordKind) { self = AuditSubject(rawValue: kind.rawValue)! }
}

/// What was done, as stored in an audit entry's `action` column.
public enum AuditAction: String, Sendable, Codable, CaseIterable {
    case login, logout
    case loginFailed = "login_failed"
    case locked = "account_locked"
    case create, update, delete
    case view, reveal, export
    case `import`
}

extension AuditSubject {
    public init(_ kind: IntakeKind) { self = AuditSubject(rawValue: kind.rawValue)! }
}

/// What made a change nobody typed: a record reclassified by the rules, or an alert resolved and a child's dates moved
/// on by a visit. Stored in the trail's `by` detail and an alert's `resolution`.
public enum ChangeCause: String, Sendable, Codable, CaseIterable {
    case classification, visit
    /// A day present at a station or a volunteer's contact: the child was seen, so the 60-day rule may ease.
    case contact
}
