import Testing

@testable import GuanaiCore

/// 妇女之家 ratings with their three-month window, and the locks approvals put on units, periods and schemes.
@Suite struct TargetsHomeAndLockTests {
    func day(_ s: String) -> CivilDate { CivilDate(iso: s)! }
    func p(_ s: String) -> IndicatorPeriod { IndicatorPeriod(s)! }

    let all = SixHas(place: true, facilities: true, plan: true, rules: true, activities: true, effect: true)

    @Test func functioningPartialOrNominal() {
        #expect(WomensHomeRating.rate(check: all, activitiesInLast3Months: 3) == .functioning)
        #expect(WomensHomeRating.rate(check: all, activitiesInLast3Months: 2) == .partial)
        var five = all
        five.effect = false
        #expect(WomensHomeRating.rate(check: five, activitiesInLast3Months: 9) == .partial)
        #expect(WomensHomeRating.rate(check: SixHas(), activitiesInLast3Months: 0) == .nominal)
        #expect(WomensHomeRating.rate(check: SixHas(place: true), activitiesInLast3Months: 0) == .nominal)
        #expect(WomensHomeRating.rate(check: SixHas(place: true, plan: true), activitiesInLast3Months: 0) == .partial)
        #expect(WomensHomeRating.rate(check: SixHas(place: true), activitiesInLast3Months: 1) == .partial)
        #expect(WomensHomeRating.rate(check: SixHas(activities: true), activitiesInLast3Months: 0) == .partial)
        #expect(all.count == 6 && SixHas(place: true, rules: true).count == 2)
    }

    @Test func theWindowIsThreeMonthsUpToTheDay() {
        #expect(WomensHomeRating.window(endingOn: day("2027-06-15")) == day("2027-03-16")...day("2027-06-15"))
        #expect(WomensHomeRating.window(endingOn: day("2027-05-31")) == day("2027-03-01")...day("2027-05-31"))
        #expect(WomensHomeRating.window(endingOn: day("2028-05-30")) == day("2028-03-01")...day("2028-05-30"))
        #expect(WomensHomeRating.window(endingOn: day("2027-01-10")) == day("2026-10-11")...day("2027-01-10"))
        let w = WomensHomeRating.window(endingOn: day("2027-06-15"))
        #expect(!w.contains(day("2027-03-15")) && w.contains(day("2027-03-16")) && !w.contains(day("2027-06-16")))
    }

    let village = "421081104200", other = "421081104201", township = "421081104000"
    var approvals: [AssessmentApproval] {
        [.init(unitCode: village, period: p("2027-Q1")), .init(unitCode: township, period: p("2027"))]
    }

    @Test func anApprovalLocksWhatItsPeriodContainsForItsUnitOnly() {
        let lock = AssessmentLock(approvals: approvals)
        #expect(lock.isLocked(unit: village, period: p("2027-02")) && lock.isLocked(unit: village, period: p("2027-Q1")))
        #expect(!lock.isLocked(unit: village, period: p("2027-04")) && !lock.isLocked(unit: village, period: p("2027")))
        #expect(lock.isLocked(unit: township, period: p("2027-08")) && lock.isLocked(unit: township, period: p("2027-Q4")))
        #expect(!lock.isLocked(unit: township, period: p("2028-01")))
        #expect(!lock.isLocked(unit: other, period: p("2027-02")) && !lock.isLocked(unit: village, period: p("2027-05")))
    }

    @Test func aSchemeLocksOnItsYearsFirstApproval() {
        #expect(AssessmentLock.schemeLocked(year: 2027, approvals: approvals))
        #expect(!AssessmentLock.schemeLocked(year: 2026, approvals: approvals) && !AssessmentLock.schemeLocked(year: 2027, approvals: []))
        let december = [AssessmentApproval(unitCode: other, period: p("2026-12"))]
        #expect(
            AssessmentLock.schemeLocked(year: 2026, approvals: december) && !AssessmentLock.schemeLocked(year: 2027, approvals: december))
    }

    @Test func reopeningRemovesThatApprovalOnly() {
        let q1 = AssessmentApproval(unitCode: village, period: p("2027-Q1"))
        let left = AssessmentLock.reopen(q1, in: approvals + [q1])
        #expect(left == [.init(unitCode: township, period: p("2027"))])
        #expect(!AssessmentLock(approvals: left).isLocked(unit: village, period: p("2027-02")))
        // A month approved under an approved year stays locked by the year.
        let march = AssessmentApproval(unitCode: township, period: p("2027-03"))
        let reopened = AssessmentLock.reopen(march, in: approvals + [march])
        #expect(reopened == approvals && AssessmentLock(approvals: reopened).isLocked(unit: township, period: p("2027-03")))
        #expect(AssessmentLock.reopen(.init(unitCode: other, period: p("2027")), in: approvals) == approvals)
    }
}
