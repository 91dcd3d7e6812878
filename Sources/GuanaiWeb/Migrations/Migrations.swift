import Fluent

/// Numbered and append-only: a migration that has shipped is never edited, a change is a new number.
/// One migration per file, named as its type: Fluent records `String(reflecting:)` of the type, so a renamed or
/// nested migration would run again on every existing database (`LayoutTests` holds the names).
enum Migrations {
    static let all: [any AsyncMigration] = [
        M0001_CreateUnits(), M0002_CreateUnitChanges(), M0003_CreateUsers(), M0004_CreateSessions(),
        M0005_CreatePendingForms(), M0006_CreateAuditLog(), M0007_AuditAppendOnlyTriggers(),
        M0008_CreateRegistry(), M0009_CreateWomen(), M0010_ChildMergedInto(), M0011_ChildListIndex(), M0012_ChildTallies(),
        M0013_SafetyNet(), M0014_SweepLease(), M0015_Reports(), M0016_Outbox(), M0017_Settings(), M0018_VisitPhotos(),
        M0019_IntakeUploads(), M0020_Pairing(), M0021_PairFollowup(), M0022_Campaigns(), M0023_PairStartIndex(),
        M0024_LikelyDuplicateIndex(), M0025_OverdueSweepIndex(), M0026_AlertsDueIndex(), M0027_LoginFailures(),
        M0028_IntakeLease(), M0029_IntakePreviewWatch(), M0030_Stations(), M0031_StationDays(), M0032_LastContact(),
        // Neighbour groups (issue 17, items 9–12).
        M0033_NeighbourGroups(),
        M0034_Sites(),
        // Donors and donations (issue 17, item 8).
        M0035_Donations(),
        // Children's events (issue 17, item 7).
        M0036_ChildrenEvents(),
        M0039_AccountDuties(),
        // Events changed and cancelled.
        M0040_ChildrenEventChanges(),
        M0041_StationCoverage(),
        // Training courses, enrolments, attendance, follow-ups (issue 18, Training).
        M0043_Training(),
        // Job fairs (issue 18, item 4).
        M0044_JobFairs(),
        // Guaranteed start-up loans and the generic reminders table (issue 18, items 5-10).
        M0045_Loans(),
        // The loan portfolio from two indexes.
        M0046_LoanFigures(),
        // Rights cases and mediation (issue 19).
        M0048_Rights(),
        M0049_RightsReminders(),
        M0050_RightsStats(),
        M0051_RightsSafety(),
        // The rights stats from three covering indexes.
        M0052_RightsStatsIndex(),
        M0053_RightsChildReports(),
        M0054_Health(),
        M0055_HealthCampaigns(),
        M0056_HealthTeams(),
        M0057_HealthWomenIndex(),
    ]
}
