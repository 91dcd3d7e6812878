import Testing

@testable import GuanaiCore

/// Campaigns (issue 20, item 2): the form by field and by site index, invitations for women due only, appointments on
/// a site's days, and the progress arithmetic.
@Suite struct HealthCampaignTests {
    let today = CivilDate(iso: "2027-03-10")!
    let township = "421081104000"
    let a = "6F9619FF-8B86-D011-B42D-00C04FC964FF"
    let b = "6F9619FF-8B86-D011-B42D-00C04FC964FE"

    func fields(_ c: FormChecker) -> [String] { c.errors.map(\.field) }

    func good() -> HealthCampaignInput {
        HealthCampaignInput(
            year: 2027, unitCode: township, programme: "both", target: 300,
            sites: [
                .init(name: "桃花山镇卫生院", dates: ["2027-04-12", "2027-04-10", "2027-04-12"]), .init(name: "石华堰村卫生室", dates: ["2027-05-08"]),
            ])
    }

    @Test func aCampaignNamesEachBadField() throws {
        var c = FormChecker()
        #expect(HealthCampaignForm.check(HealthCampaignInput(), today: today, &c) == nil)
        #expect(fields(c) == ["year", "unitCode", "programme", "target", "sites"])
        c = FormChecker()
        let bad = HealthCampaignInput(
            year: 2030, unitCode: "421081104200", programme: "lungs", target: 0,
            sites: [.init(name: "A", dates: ["2027-04-01"]), .init(name: " ", dates: []), .init(name: "A", dates: ["2027-13-01"])])
        #expect(HealthCampaignForm.check(bad, today: today, &c) == nil)
        #expect(
            fields(c) == ["year", "unitCode", "programme", "target", "sites[1].name", "sites[1].dates", "sites[2].name", "sites[2].dates"])
        // A day outside the campaign's year names the site's days.
        var late = good()
        late.sites![1].dates = ["2028-01-02"]
        c = FormChecker()
        #expect(HealthCampaignForm.check(late, today: today, &c) == nil)
        #expect(fields(c) == ["sites[1].dates"] && c.errors[0].key == "health.error.year")
        c = FormChecker()
        let ok = try #require(HealthCampaignForm.check(good(), today: today, &c))
        #expect(ok.unitCode.value == township && ok.programme == .both && ok.target == 300)
        #expect(ok.sites[0].dates == [CivilDate(iso: "2027-04-10")!, CivilDate(iso: "2027-04-12")!])
        // Nine digits are a township's code too.
        var short = good()
        short.unitCode = "421081104"
        c = FormChecker()
        #expect(HealthCampaignForm.check(short, today: today, &c)?.unitCode.value == township)
    }

    @Test func onlyWomenDueAreInvited() throws {
        let due: Set<PersonID> = [PersonID(a)!]
        var c = FormChecker()
        #expect(HealthCampaignForm.invitations(.init(personIds: [a, a.lowercased()]), due: due, &c) == [PersonID(a)!])
        c = FormChecker()
        #expect(HealthCampaignForm.invitations(.init(personIds: [a, b]), due: due, &c) == nil)
        #expect(fields(c) == ["personIds"] && c.errors[0].key == "health.error.notDue" && c.errors[0].args == [b])
        c = FormChecker()
        #expect(HealthCampaignForm.invitations(.init(personIds: []), due: due, &c) == nil)
        #expect(fields(c) == ["personIds"])
        c = FormChecker()
        #expect(HealthCampaignForm.invitations(.init(personIds: [a, "nobody"]), due: due, &c) == nil)
        #expect(fields(c) == ["personIds[1]"])
        c = FormChecker()
        let many = Array(repeating: a, count: HealthCampaignForm.maxInvitations + 1)
        #expect(HealthCampaignForm.invitations(.init(personIds: many), due: due, &c) == nil)
        #expect(c.errors.map(\.key) == ["health.error.tooMany"])
    }

    @Test func anAppointmentIsOnOneOfASitesDays() throws {
        var c = FormChecker()
        let campaign = try #require(HealthCampaignForm.check(good(), today: today, &c))
        let ok = HealthCampaignForm.appointment(.init(personId: a, date: "2027-04-10", site: "桃花山镇卫生院"), campaign: campaign, &c)
        #expect(ok?.date == CivilDate(iso: "2027-04-10") && c.errors.isEmpty)
        c = FormChecker()
        #expect(HealthCampaignForm.appointment(.init(personId: a, date: "2027-05-08", site: "桃花山镇卫生院"), campaign: campaign, &c) == nil)
        #expect(fields(c) == ["date"] && c.errors[0].key == "health.error.siteDay")
        c = FormChecker()
        #expect(HealthCampaignForm.appointment(.init(personId: "x", date: "2027-05-08", site: "县医院"), campaign: campaign, &c) == nil)
        #expect(fields(c) == ["personId", "site"])
    }

    @Test func progressAddsUpAgainstTheTarget() {
        let one = HealthCampaignProgress(target: 300, invited: 120, booked: 90, attended: 80, screened: 75)
        let two = HealthCampaignProgress(target: 100, invited: 30, booked: 20, attended: 20, screened: 25)
        let sum = one + two
        #expect(sum == HealthCampaignProgress(target: 400, invited: 150, booked: 110, attended: 100, screened: 100))
        #expect(sum.rate == "0.2500" && sum.remaining == 300 && sum.turnout == "0.6667")
        #expect(HealthCampaignProgress().rate == nil && HealthCampaignProgress().turnout == nil)
        #expect(HealthCampaignProgress(target: 10, invited: 0, booked: 0, attended: 0, screened: 12).remaining == 0)
    }

    @Test func aBothCampaignCoversEachProgramme() {
        #expect(HealthCampaignProgramme.both.programmes == [.cervical, .breast])
        #expect(HealthCampaignProgramme.breast.covers(.breast) && !HealthCampaignProgramme.breast.covers(.cervical))
    }
}
