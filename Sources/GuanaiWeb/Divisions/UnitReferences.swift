/// Every column that places a record in a unit. A merge moves all of `moving` from the absorbed unit to the survivor.
/// Naming rule: such a column is called `unit_code` or ends in `_unit_code`; a test lists the database's columns and
/// fails when one is in neither list, so a new table cannot be forgotten by the merge.
enum UnitReferences {
    static let moving: [(table: String, column: String)] = [
        ("users", "unit_code"),
        ("households", "unit_code"),
        ("people", "unit_code"),
        ("children", "unit_code"),
        ("women", "unit_code"),
        // A child's visits and alerts go where the child goes.
        ("visits", "unit_code"),
        ("alerts", "unit_code"),
        ("reports", "unit_code"),
        // A ledger waiting to be confirmed is imported into the unit that absorbed its own.
        ("intake_uploads", "unit_code"),
        // A volunteer belongs to her home unit; a pair and its contacts go where the child goes.
        ("volunteers", "unit_code"),
        ("pairs", "unit_code"),
        ("pair_contacts", "unit_code"),
        ("pair_reminders", "unit_code"),
        ("pair_checkins", "unit_code"),
        // A pilot campaign stays with its village when the village is merged into another.
        ("campaigns", "unit_code"),
        // A station serves the village it stands in, whatever the village is called after a merge.
        ("stations", "unit_code"),
        // A neighbour group stays with its households' village (neighbour_groups.unit_code is the API's villageCode).
        ("neighbour_groups", "unit_code"),
        // A candidate site is a building in its village.
        ("sites", "unit_code"),
        // A township's donors and donations are booked by whichever township absorbed it.
        ("donors", "unit_code"),
        ("donations", "unit_code"),
        // An event stays with the unit that held it.
        ("children_events", "unit_code"),
        // A course stays with the unit that holds it; an enrolment keeps its woman's unit, so goes where she goes.
        ("courses", "unit_code"),
        ("training_enrolments", "unit_code"),
        // A job fair stays with the unit that held it.
        ("job_fairs", "unit_code"),
        // A loan is read and counted in its borrower's village: it goes where she goes, and its open reminders with it.
        ("loans", "unit_code"),
        ("reminders", "unit_code"),
        // A rights case stays with its village (its number keeps the county it was given in).
        ("rights_cases", "unit_code"),
        // A screening, its follow-up and her screening history are read in her village: they go where she goes.
        ("health_screenings", "unit_code"),
        ("health_followups", "unit_code"),
        ("health_histories", "unit_code"),
        // A campaign stays with its township; an invitation goes where its woman goes.
        ("health_campaigns", "unit_code"),
        ("health_invitations", "unit_code"),
        // A team stays with its township or village.
        ("health_teams", "unit_code"),
    ]

    /// Columns that name a unit but describe history and must stay where they are.
    static let staying: [(table: String, column: String)] = [
        ("unit_changes", "unit_code"),
        // The trail is append-only: an entry stays filed under the unit it was written for.
        ("audit_log", "unit_code"),
    ]

    /// Columns of figures computed from the moving ones; a merge recomputes them for both units.
    static let derived: [(table: String, column: String)] = [
        ("child_tallies", "unit_code"),
        // Coverage counts and the villages waiting for a recount: a merge marks both units (`ChildTally.refresh`).
        ("station_coverage", "unit_code"), ("station_coverage_marks", "unit_code"),
    ]
}
