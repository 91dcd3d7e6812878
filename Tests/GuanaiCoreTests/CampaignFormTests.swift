import Testing
@testable import GuanaiCore

/// A pilot campaign and signing volunteers up, without a database.
@Suite struct CampaignFormTests {
    let today = CivilDate(year: 2026, month: 10, day: 15)!
    let village = CampaignForm.UnitFacts(code: "421081104200", level: .village, isActive: true)

    @Test func aCampaignIsRecordedAfterItsLaunchInAPlaceThatPairs() throws {
        var c = FormChecker()
        let k = try #require(
            CampaignForm.check(
                CampaignInput(name: " 试点 ", unitCode: "421081104200", launchedOn: "2026-10-01"),
                unit: village,
                today: today, &c))
        #expect(
            k
                == CampaignForm.Checked(
                    name: "试点", unitCode: "421081104200", launchedOn: CivilDate(year: 2026, month: 10, day: 1)!,
                    note: ""))
        let county = CampaignForm.UnitFacts(code: "421081000000", level: .county, isActive: true)
        let bad = CampaignInput(name: String(repeating: "名", count: 101), unitCode: "421081000000", launchedOn: "2030-01-01")
        #expect(CampaignForm.check(bad, unit: county, today: today, &c) == nil)
        #expect(c.errors.map(\.key) == ["field.error.tooLong", "field.error.choice", "campaign.error.future"])
        c = FormChecker()
        #expect(CampaignForm.check(CampaignInput(name: "x", unitCode: " "), unit: nil, today: today, &c) == nil)
        #expect(c.errors.map(\.field) == ["unitCode", "launchedOn"])
    }

    @Test func aVillageCampaignDrawsOnItsTownship() {
        #expect(CampaignForm.township(of: "421081104200") == "421081104000" && CampaignForm.township(of: "421081104000") == "421081104000")
        var c = FormChecker()
        let near = CampaignForm.VolunteerFacts(status: .active, unitCode: "421081104202")
        #expect(
            CampaignForm.signUp(
                CampaignVolunteerInput(volunteerId: "v"), volunteer: near, campaignUnit: "421081104200",
                launchedOn: "2026-10-01", today: today, &c)?.iso == "2026-10-01", "the launch day when not given")
        let far = CampaignForm.VolunteerFacts(status: .active, unitCode: "421081105200")
        #expect(
            CampaignForm.signUp(
                CampaignVolunteerInput(volunteerId: "v", signedOn: "2027-01-01"), volunteer: far,
                campaignUnit: "421081104200",
                launchedOn: "2026-10-01", today: today, &c) == nil)
        #expect(c.errors.map(\.key) == ["campaign.error.elsewhere", "visit.error.future"])
        c = FormChecker()
        _ = CampaignForm.signUp(
            CampaignVolunteerInput(), volunteer: nil, campaignUnit: "421081104200", launchedOn: "2026-10-01",
            today: today, &c)
        _ = CampaignForm.signUp(
            CampaignVolunteerInput(volunteerId: "x"), volunteer: nil, campaignUnit: "421081104200",
            launchedOn: "2026-10-01",
            today: today, &c)
        let gone = CampaignForm.VolunteerFacts(status: .withdrawn, unitCode: "421081104202")
        _ = CampaignForm.signUp(
            CampaignVolunteerInput(volunteerId: "v"), volunteer: gone, campaignUnit: "421081104200",
            launchedOn: "2026-10-01",
            today: today, &c)
        #expect(c.errors.map(\.key) == ["field.error.required", "pairing.error.volunteer", "pairing.error.withdrawn"])
    }
}
