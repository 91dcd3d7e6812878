/// Who may do what in the health module (issue 20, "Who may do what" and item 5), as pure rules the routes and pages
/// ask. Results are a record kind of their own (`health_result`): the health department's accounts and the health
/// officers read them; everyone else sees counts and due lists at most.
public enum HealthAccess {
    /// A `health_officer` duty counts only on a role that may hold it (a city admin).
    public static func isOfficer(_ role: Role, duties: [Duty]) -> Bool {
        duties.contains(.healthOfficer) && Duty.healthOfficer.roles.contains(role)
    }

    /// Screenings, pathway steps and follow-ups, each result field.
    public static func mayReadResults(_ role: Role, duties: [Duty]) -> Bool { role == .partnerHealth || isOfficer(role, duties: duties) }

    /// Results, steps, attempts and lost: the health department enters them; the officers only read.
    public static func mayRecordResults(_ role: Role) -> Bool { role == .partnerHealth }

    /// The indicators page, whose follow-up and diagnosis figures come from results.
    public static func mayReadIndicators(_ role: Role, duties: [Duty]) -> Bool { mayReadResults(role, duties: duties) }

    /// Campaigns, invitations and appointments.
    public static func mayRunCampaigns(_ role: Role) -> Bool { [.cityAdmin, .townshipStaff, .partnerHealth].contains(role) }

    /// Due lists and attendance: the campaign's people and the village worker, who knows the women and calls them.
    public static func mayWorkDueLists(_ role: Role) -> Bool { mayRunCampaigns(role) || role == .villageWorker }

    /// Counts per unit (screened, due, follow-ups open) and a woman's "screened on" line, without a result.
    public static func maySeeCounts(_ role: Role) -> Bool { mayWorkDueLists(role) || role == .inspector }

    /// Fitness and culture teams and their activities.
    public static func mayManageTeams(_ role: Role) -> Bool { [.cityAdmin, .townshipStaff, .villageWorker].contains(role) }

    /// `PUT /api/v1/health/settings`.
    public static func mayEditSettings(_ role: Role) -> Bool { role == .cityAdmin }
}
