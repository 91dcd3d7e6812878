/// The kinds of ledger that can be read in; the web module hangs each kind's column schema on these tokens.
public enum IntakeKind: String, Sendable, Codable, CaseIterable {
    case children, women, households, volunteers
    /// Service stations, children's places at them, neighbour groups (one row per member household) and candidate
    /// sites for new stations (issue 17).
    case stations, enrolments
    case neighbourGroups = "neighbour_groups"
    case sites
    /// Issue 18: women enrolled on courses, a fair's attendees, loan applications and repayments from the bank's statements.
    case trainingEnrolments = "training_enrolments"
    case fairAttendees = "fair_attendees"
    case loans, repayments
    /// Issue 20: a screening site's result sheet (by the health partner), and the members of fitness and culture teams.
    case screeningResults = "screening_results"
    case teamMembers = "team_members"
}

/// An uploaded ledger's step: `uploaded` (previewable), `committing` (an import holds or held it), `committed` (imported).
public enum IntakeUploadStatus: String, Sendable, Codable, CaseIterable { case uploaded, committing, committed }
