import Testing
@testable import GuanaiCore

/// A campaign's attendance day and the nesting of its stages (issue 20, item 2).
@Suite struct HealthCampaignStageTests {
    static let campaign = CheckedHealthCampaign(
        year: 2027, unitCode: DivisionCode("421081104000")!, programme: .both, target: 300,
        sites: [.init(name: "镇卫生院", dates: [CivilDate(iso: "2027-03-10")!, CivilDate(iso: "2027-03-11")!])])

    @Test func attendanceIsOnADayTheCampaignHoldsAndNotAhead() {
        let id = "01A23D49-E864-7073-9F2B-4D8EDF08A028"
        var c = FormChecker()
        let ok = HealthCampaignForm.attendance(
            HealthAttendanceInput(personId: id, date: "2027-03-11"), campaign: Self.campaign, today: CivilDate(iso: "2027-03-11")!, &c)
        #expect(ok?.1.iso == "2027-03-11" && c.errors.isEmpty)
        var off = FormChecker()
        _ = HealthCampaignForm.attendance(
            HealthAttendanceInput(personId: id, date: "2027-03-12"), campaign: Self.campaign, today: CivilDate(iso: "2027-04-01")!, &off)
        #expect(off.errors.map(\.field) == ["date"] && off.errors.first?.key == "health.error.siteDay")
        var ahead = FormChecker()
        _ = HealthCampaignForm.attendance(
            HealthAttendanceInput(personId: "x", date: "2027-03-11"), campaign: Self.campaign, today: CivilDate(iso: "2027-03-10")!, &ahead)
        #expect(Set(ahead.errors.map(\.field)) == ["personId", "date"])
    }

    @Test func stagesNestAndAWomanWhoCameUninvitedCountsAtEach() {
        #expect(HealthCampaignStage.of(booked: false, attended: false, screened: true) == .screened)
        #expect(HealthCampaignStage.of(booked: true, attended: true, screened: false) == .attended)
        #expect(HealthCampaignStage.of(booked: true, attended: false, screened: false) == .booked)
        #expect(HealthCampaignStage.of(booked: false, attended: false, screened: false) == .invited)
        let p = HealthCampaignProgress(target: 10, stages: [.invited, .booked, .attended, .screened, .screened])
        #expect(p == HealthCampaignProgress(target: 10, invited: 5, booked: 4, attended: 3, screened: 2))
        #expect(p.rate == "0.2000" && p.remaining == 8 && p.turnout == "0.6000")
    }
}
