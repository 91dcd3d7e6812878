import Testing
import Foundation
import GuanaiCore

/// A site's result sheet read as the API's inputs (issue 20): which screens a row holds, the method its results imply,
/// and the campaign a screen counts for when the sheet does not say.
@Suite struct HealthLedgerTests {
    let person = "0190aaaa-0000-7000-8000-000000000001"

    @Test func aRowHoldsOneScreenPerProgrammeWithResults() {
        let both = LedgerRow.screenings(
            ["date": "2026-11-10", "site": "卫生院", "gynaecExam": "normal", "cytology": "nilm", "hpv": "negative", "ultrasound": "birads_2"],
            personId: person, campaignId: { _ in nil })
        #expect(both.map(\.programme) == ["cervical", "breast"])
        #expect(both[0].method == "cotest" && both[0].ultrasound == nil && both[1].cytology == nil && both[1].ultrasound == "birads_2")
        let hpvOnly = LedgerRow.screenings(["hpv": "other_high_risk"], personId: person, campaignId: { _ in nil })
        #expect(hpvOnly.map(\.method) == ["hpv"])
        #expect(LedgerRow.screenings(["date": "2026-11-10"], personId: person, campaignId: { _ in nil }).isEmpty)
        // A column that says the method wins over what the results imply.
        #expect(
            LedgerRow.screenings(["method": "cytology", "hpv": "negative"], personId: person, campaignId: { _ in nil })[0].method
                == "cytology")
    }

    @Test func aProgrammeCellKeepsTheOtherProgrammesResultsForTheFormToRefuse() {
        var c = FormChecker()
        let rows = LedgerRow.screenings(
            [
                "programme": "cervical", "date": "2026-11-10", "site": "卫生院", "gynaecExam": "normal", "cytology": "nilm",
                "ultrasound": "birads_1",
            ],
            personId: person, campaignId: { _ in nil })
        #expect(rows.count == 1 && rows[0].ultrasound == "birads_1")
        _ = HealthScreeningForm.check(rows[0], today: CivilDate(iso: "2026-11-18")!, &c)
        #expect(c.errors.map(\.field) == ["ultrasound"])
        // 两癌 in the cell: each programme with a result.
        #expect(
            LedgerRow.screenings(["programme": "both", "clinicalExam": "normal"], personId: person, campaignId: { _ in nil }).count == 1)
    }

    @Test func theCampaignIsTheOneThatRunsTheProgrammeOrHasTheSite() {
        let a = HealthCampaignID(UUID()), b = HealthCampaignID(UUID()), c = HealthCampaignID(UUID())
        let cervical = HealthCampaignPick.Candidate(id: a, programme: .cervical, siteNames: ["镇卫生院"])
        let both = HealthCampaignPick.Candidate(id: b, programme: .both, siteNames: ["市妇幼保健院"])
        let another = HealthCampaignPick.Candidate(id: c, programme: .both, siteNames: ["镇卫生院"])
        #expect(HealthCampaignPick.pick([cervical, both], programme: .breast, site: nil) == b)
        #expect(HealthCampaignPick.pick([cervical, both], programme: .cervical, site: "镇 卫生院") == a)
        #expect(HealthCampaignPick.pick([cervical, both], programme: .cervical, site: "村卫生室") == nil)
        #expect(HealthCampaignPick.pick([both, another], programme: .breast, site: nil) == nil)
        #expect(HealthCampaignPick.pick([], programme: .breast, site: "镇卫生院") == nil)
    }
}

@Suite struct HealthTeamMemberLinesTests {
    @Test func eachLineIsANameAndAnIDNumberInEitherOrder() {
        let lines = HealthTeamForm.memberLines("张三 421081197203030702\n\n421081197005050712，李 四\r\n王五\n42108119690606072x")
        #expect(
            lines == [
                .init(line: 1, name: "张三", idNumber: "421081197203030702"), .init(line: 3, name: "李四", idNumber: "421081197005050712"),
                .init(line: 4, name: "王五", idNumber: nil), .init(line: 5, name: nil, idNumber: "42108119690606072X"),
            ])
        #expect(HealthTeamForm.memberLines("  \n").isEmpty)
    }
}

/// The bounds the counting queries use give, day by day, the answers of the rules woman by woman.
@Suite struct HealthDueBoundsTests {
    @Test func theBirthDayRangeIsTheEligibleAges() {
        let s = HealthSettings()
        for today in ["2026-11-18", "2028-02-29", "2027-02-28", "2027-03-01", "2026-12-31", "2027-01-01"].compactMap(CivilDate.init(iso:)) {
            let range = HealthDueRules.eligibleBirthDays(on: today, s)
            let start = today.anniversary(-(s.ageTo + 2)).dayNumber, end = today.anniversary(-(s.ageFrom - 1)).dayNumber
            for n in start...end {
                let born = CivilDate(dayNumber: n)
                let facts = HealthPersonFacts(sex: .female, vitalStatus: .alive, hukou: .rural, birthDate: born)
                #expect(range.contains(born) == HealthDueRules.isEligible(facts, on: today, s), "\(today.iso) \(born.iso)")
            }
        }
    }

    @Test func theCoveredSinceDaysAreTheIntervals() {
        let s = HealthSettings()
        let facts = HealthPersonFacts(sex: .female, vitalStatus: .alive, hukou: .rural, birthDate: CivilDate(iso: "1975-06-15")!)
        for today in ["2026-11-18", "2028-02-29", "2027-02-28", "2027-03-01"].compactMap(CivilDate.init(iso:)) {
            let c = HealthDueRules.coveredSince(.cervical, on: today, s), b = HealthDueRules.coveredSince(.breast, on: today, s)
            for n in (today.dayNumber - 6 * 366)...today.dayNumber {
                let d = CivilDate(dayNumber: n)
                let cyto = HealthScreeningHistory(lastCytology: d), hpv = HealthScreeningHistory(lastHPV: d)
                let breast = HealthScreeningHistory(lastBreast: d)
                #expect((d >= c.cytology) == HealthDueRules.isCovered(.cervical, facts, cyto, on: today, s), "\(today.iso) \(d.iso)")
                #expect((d >= c.hpv) == HealthDueRules.isCovered(.cervical, facts, hpv, on: today, s), "\(today.iso) \(d.iso)")
                #expect((d >= b.cytology) == HealthDueRules.isCovered(.breast, facts, breast, on: today, s), "\(today.iso) \(d.iso)")
            }
        }
    }
}
