import Testing

@testable import GuanaiCore

/// Who may do what (issue 20): results for the health department and the health officers only, counts for the
/// federation's staff and the inspectors, nothing for volunteers and the other partners.
@Suite struct HealthAccessTests {
    func roles(_ rule: (Role) -> Bool) -> Set<Role> { Set(Role.allCases.filter(rule)) }

    @Test func resultsAreForTheHealthDepartmentAndTheOfficers() {
        #expect(roles { HealthAccess.mayReadResults($0, duties: []) } == [.partnerHealth])
        #expect(roles { HealthAccess.mayReadResults($0, duties: [.healthOfficer]) } == [.partnerHealth, .cityAdmin])
        // A duty the role may not hold opens nothing; the rights duty opens no health result.
        #expect(!HealthAccess.mayReadResults(.inspector, duties: [.healthOfficer]))
        #expect(!HealthAccess.mayReadResults(.cityAdmin, duties: [.rightsOfficer]))
        #expect(roles(HealthAccess.mayRecordResults) == [.partnerHealth])
        #expect(!HealthAccess.mayRecordResults(.cityAdmin))
        #expect(roles { HealthAccess.mayReadIndicators($0, duties: [.healthOfficer]) } == [.partnerHealth, .cityAdmin])
    }

    @Test func campaignsDueListsCountsTeamsAndSettings() {
        #expect(roles(HealthAccess.mayRunCampaigns) == [.cityAdmin, .townshipStaff, .partnerHealth])
        #expect(roles(HealthAccess.mayWorkDueLists) == [.cityAdmin, .townshipStaff, .partnerHealth, .villageWorker])
        #expect(roles(HealthAccess.maySeeCounts) == [.cityAdmin, .townshipStaff, .partnerHealth, .villageWorker, .inspector])
        #expect(roles(HealthAccess.mayManageTeams) == [.cityAdmin, .townshipStaff, .villageWorker])
        #expect(roles(HealthAccess.mayEditSettings) == [.cityAdmin])
        // Volunteers, the labour and the justice partners: nothing of the module.
        for r in [Role.volunteer, .partnerHR, .partnerJustice] {
            #expect(
                !HealthAccess.maySeeCounts(r) && !HealthAccess.mayManageTeams(r) && !HealthAccess.mayReadResults(r, duties: Duty.allCases))
        }
    }
}
