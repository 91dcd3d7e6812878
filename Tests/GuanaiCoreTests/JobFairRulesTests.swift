import Testing
import GuanaiCore

/// Issue 18, job fairs: the forms' checks, who may attend, intend and be hired, and the follow-up's day, all without a
/// database.
@Suite struct JobFairRulesTests {
    private func fields(_ body: (inout FormChecker) -> Void) -> [String] {
        var c = FormChecker()
        body(&c)
        return c.errors.map(\.field)
    }

    private let village = UnitFacts(code: "421081104201", level: .village, isActive: true)

    @Test func aFairNeedsANameAUnitAndADay() {
        var c = FormChecker()
        let ok = JobFairRules.fair(.init(name: " 春风送岗位 ", unitCode: village.code, date: "2027-02-20", place: "镇文化广场"), unit: village, &c)
        #expect(ok?.name == "春风送岗位" && ok?.unitCode == village.code && ok?.date.iso == "2027-02-20" && ok?.place == "镇文化广场")
        #expect(fields { _ = JobFairRules.fair(.init(), unit: nil, &$0) } == ["name", "unitCode", "date"])
        #expect(
            fields { _ = JobFairRules.fair(.init(name: "x", unitCode: "1", date: "2027-02-30"), unit: nil, &$0) } == ["unitCode", "date"])
        let retired = UnitFacts(code: village.code, level: .village, isActive: false)
        #expect(
            fields { _ = JobFairRules.fair(.init(name: "x", unitCode: village.code, date: "2027-02-01"), unit: retired, &$0) } == [
                "unitCode"
            ])
    }

    @Test func aPatchKeepsWhatItDoesNotSend() {
        let base = JobFairInput(name: "a", unitCode: "b", date: "2027-01-01", place: "p")
        #expect(
            JobFairInput(date: "2027-03-01").merged(over: base) == JobFairInput(name: "a", unitCode: "b", date: "2027-03-01", place: "p"))
    }

    @Test func anEmployerNeedsANameAndAMobileIfAny() {
        #expect(fields { _ = JobFairRules.employer(.init(name: "某服装厂", phone: "13800001111"), &$0) } == [])
        #expect(fields { _ = JobFairRules.employer(.init(phone: "123"), &$0) } == ["name", "phone"])
    }

    private func posting(_ min: String?, _ max: String?, openings: Int? = 3, known: Bool = true) -> (CheckedFairPosting?, [String]) {
        var c = FormChecker()
        let p = JobFairRules.posting(
            .init(employerId: "E", title: "缝纫工", payMin: min, payMax: max, suitsCarers: true, openings: openings), employerKnown: known, &c)
        return (p, c.errors.map(\.field))
    }

    @Test func payRunsUpwardsInYuanAndBothEndsAreNamedWhenItDoesNot() {
        #expect(posting("3000", "4500.5").0?.payMax == Yuan("4500.50"))
        #expect(posting("3000.00", "3000.00").1 == [])
        #expect(posting(nil, "3000").1 == [] && posting("", "").0?.payMin == nil)
        #expect(posting("3000.01", "3000.00").1 == ["payMin", "payMax"])
        #expect(posting("-1", "3.001").1 == ["payMin", "payMax"])
        #expect(posting("1", "2", known: false).1 == ["employerId"])
    }

    @Test func aPostingOffersAtLeastOneOpening() {
        #expect(posting("1", "2", openings: 1).1 == [])
        #expect(posting("1", "2", openings: 0).1 == ["openings"])
        #expect(posting("1", "2", openings: nil).1 == ["openings"])
        #expect(posting("1", "2", openings: 10_001).1 == ["openings"])
        #expect(posting("1", "2").0?.suitsCarers == true)
    }

    @Test func anAttendeeIsALivingWomanTheCallerReaches() {
        let woman = JobFairRules.Woman(female: true, alive: true)
        #expect(fields { _ = JobFairRules.attendee(personId: "P", woman: woman, &$0) } == [])
        #expect(fields { _ = JobFairRules.attendee(personId: nil, woman: woman, &$0) } == ["personId"])
        var c = FormChecker()
        _ = JobFairRules.attendee(personId: "P", woman: .init(female: false, alive: true), &c)
        _ = JobFairRules.attendee(personId: "P", woman: .init(female: true, alive: false), &c)
        _ = JobFairRules.attendee(personId: "P", woman: nil, &c)
        #expect(c.errors.map(\.key) == ["fairs.error.notWoman", "fairs.error.notAlive", "fairs.error.unknownPerson"])
    }

    @Test func anIntentNeedsTheWomanAtTheFairAndThePostingOfIt() {
        let input = FairPersonInput(personId: "P", postingId: "J")
        #expect(fields { _ = JobFairRules.intent(input, .init(attended: true, postingOfFair: true), &$0) } == [])
        #expect(fields { _ = JobFairRules.intent(input, .init(attended: false, postingOfFair: false), &$0) } == ["personId", "postingId"])
        #expect(fields { _ = JobFairRules.intent(.init(), .init(attended: true, postingOfFair: true), &$0) } == ["personId", "postingId"])
    }

    @Test func hiresStopAtThePostingsOpenings() {
        let input = FairPersonInput(personId: "P", postingId: "J")
        #expect(fields { _ = JobFairRules.hire(input, .init(attended: true, postingOfFair: true, openings: 2, hired: 1), &$0) } == [])
        #expect(
            fields { _ = JobFairRules.hire(input, .init(attended: true, postingOfFair: true, openings: 2, hired: 2), &$0) } == ["postingId"]
        )
        #expect(
            fields { _ = JobFairRules.hire(input, .init(attended: false, postingOfFair: true, openings: 2, hired: 0), &$0) } == ["personId"]
        )
    }

    @Test func theFollowupIsDueThreeMonthsOnAndMissingAWeekLater() {
        let hired = CivilDate(iso: "2026-11-30")!
        #expect(JobFairRules.followupDue(hiredOn: hired).iso == "2027-02-28")
        #expect(JobFairRules.followupCheckOn(hiredOn: hired).iso == "2027-03-07")
        #expect(JobFairRules.followupCheckOn(hiredOn: CivilDate(iso: "2027-01-10")!).iso == "2027-04-17")
        let check = JobFairRules.followupCheckOn(hiredOn: hired)
        #expect(!JobFairRules.followupLate(checkOn: check, today: CivilDate(iso: "2027-03-06")!))
        #expect(JobFairRules.followupLate(checkOn: check, today: CivilDate(iso: "2027-03-07")!))
        #expect(!JobFairRules.followupLate(checkOn: nil, today: CivilDate(iso: "2030-01-01")!))
    }

    @Test func aFollowupNamesAnOutcome() {
        var c = FormChecker()
        let r = JobFairRules.followup(.init(outcome: "employed", note: " 在厂 "), &c)
        #expect(r?.outcome == .employed && r?.note == "在厂")
        #expect(fields { _ = JobFairRules.followup(.init(outcome: "rich"), &$0) } == ["outcome"])
        #expect(fields { _ = JobFairRules.followup(.init(), &$0) } == ["outcome"])
    }

    @Test func fairsAreTheStaffsAndTheLabourDepartmentsWorkAndTheInspectorReads() {
        for role in [Role.cityAdmin, .townshipStaff, .villageWorker, .partnerHR] {
            #expect(Policy.browses(role, .employment) && Policy.worksOnEmployment(role), "\(role)")
        }
        #expect(Policy.browses(.inspector, .employment) && !Policy.worksOnEmployment(.inspector))
        for role in [Role.volunteer, .partnerHealth, .partnerJustice] {
            #expect(!Policy.browses(role, .employment) && !Policy.worksOnEmployment(role), "\(role)")
        }
    }
}
