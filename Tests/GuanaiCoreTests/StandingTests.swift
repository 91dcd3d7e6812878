import Testing
import Foundation
@testable import GuanaiCore

/// A child's standing after classification, whether the safety net watches her, and when a failed delivery is
/// tried again.
@Suite struct ChildStandingTests {
    let today = CivilDate(year: 2026, month: 10, day: 15)!
    let listed = Classification(categories: [.leftBehind], reasons: [], nextAgeChange: CivilDate(year: 2030, month: 1, day: 10))
    let none = Classification(categories: [], reasons: [], nextAgeChange: nil)

    @Test func sheExitsOnceAndReentersWhenSomethingAppliesAgain() {
        var s = ChildStanding(status: .new, exitedOn: nil, exitReason: nil, nextReview: nil)
        s.apply(none, today: today, reason: nil)
        #expect(s == ChildStanding(status: .exited, exitedOn: "2026-10-15", exitReason: "registry.exit.notEligible", nextReview: nil))
        s.apply(none, today: CivilDate(year: 2026, month: 11, day: 1)!, reason: "other")
        #expect(s.exitedOn == "2026-10-15" && s.exitReason == "registry.exit.notEligible", "an exit is dated once")
        s.apply(listed, today: today, reason: nil)
        #expect(s == ChildStanding(status: .active, exitedOn: nil, exitReason: nil, nextReview: "2030-01-10"))
        s.apply(none, today: today, reason: nil)
        #expect(s.exitReason == "registry.exit.changed")
    }

    @Test func aVoidedRecordNeverComesBackByItself() {
        var s = ChildStanding(status: .voided, exitedOn: nil, exitReason: nil, nextReview: "2027-01-01")
        s.apply(listed, today: today, reason: nil)
        #expect(s == ChildStanding(status: .voided, exitedOn: nil, exitReason: nil, nextReview: nil))
    }

    @Test func sixteenIsTheReasonALeftBehindChildExits() {
        let born = CivilDate(year: 2010, month: 10, day: 14)!
        #expect(ChildStanding.exitHint(wasLeftBehind: true, now: none, born: born, today: today) == "registry.exit.aged16")
        #expect(ChildStanding.exitHint(wasLeftBehind: true, now: none, born: CivilDate(year: 2012, month: 1, day: 1)!, today: today) == nil)
        #expect(ChildStanding.exitHint(wasLeftBehind: false, now: none, born: born, today: today) == nil)
        #expect(ChildStanding.exitHint(wasLeftBehind: true, now: listed, born: born, today: today) == nil)
    }
}

@Suite struct ChildMonitoringTests {
    let today = CivilDate(year: 2026, month: 10, day: 15)!
    let registered = CivilDate(year: 2026, month: 9, day: 1)!
    let s = RiskSettings()
    func risk(_ living: LivingArrangement) -> RiskFacts {
        RiskFacts(
            birthDate: CivilDate(year: 2016, month: 1, day: 1)!, living: living, father: nil, mother: nil,
            guardian: GuardianFacts(birthDate: CivilDate(year: 1960, month: 1, day: 1)!), categories: [.leftBehind], needs: [],
            lastContact: today)
    }

    @Test func onlyListedChildrenOrAnOpenCaseAreWatched() {
        #expect(
            ChildMonitoring.assess(
                status: .exited, openReport: false, open: nil, risk: risk(.withGuardian), lastVisit: nil,
                registered: registered, today: today, settings: s) == nil)
        let report = ChildMonitoring.assess(
            status: .exited, openReport: true, open: nil, risk: risk(.withGuardian), lastVisit: nil,
            registered: registered, today: today, settings: s)
        #expect(report?.assessment.tier == .critical, "an open report is critical")
    }

    @Test func theNextVisitFollowsTheTierFromTheLastVisit() throws {
        let m = try #require(
            ChildMonitoring.assess(
                status: .active, openReport: false, open: nil, risk: risk(.withGuardian),
                lastVisit: nil,
                registered: registered, today: today, settings: s))
        #expect(
            m.nextVisitDue == registered.adding(days: s.cadence(m.assessment.tier, plan: false)),
            "from the registration before any visit")
        let visited = CivilDate(year: 2026, month: 10, day: 1)!
        let v = try #require(
            ChildMonitoring.assess(
                status: .active, openReport: false, open: nil, risk: risk(.withGuardian),
                lastVisit: visited,
                registered: registered, today: today, settings: s))
        #expect(v.nextVisitDue == visited.adding(days: s.cadence(v.assessment.tier, plan: false)))
    }

    @Test func aCriticalChildIsVisitedByTheAlertsDay() throws {
        let since = CivilDate(year: 2026, month: 10, day: 10)!
        let m = try #require(
            ChildMonitoring.assess(
                status: .active, openReport: false, open: .init(since: since, hasPlan: false),
                risk: risk(.alone),
                lastVisit: nil, registered: registered, today: today, settings: s))
        #expect(m.assessment.tier == .critical && m.nextVisitDue <= since)
        let planned = try #require(
            ChildMonitoring.assess(
                status: .active, openReport: false, open: .init(since: since, hasPlan: true),
                risk: risk(.alone), lastVisit: today, registered: registered, today: today,
                settings: s))
        #expect(planned.nextVisitDue == today.adding(days: s.criticalWithPlanDays))
    }

    /// The 60-day rule reads any contact (a visit, a station day, a volunteer's contact); the visit schedule, visits.
    @Test func noContactCountsStationDaysAndVolunteersButVisitsAreStillDue() throws {
        let visited = today.adding(days: -s.noContactDays)
        func silent(_ contact: CivilDate?) throws -> (Bool, ChildMonitoring.Outcome) {
            let m = try #require(
                ChildMonitoring.assess(
                    status: .active, openReport: false, open: nil, risk: risk(.withGuardian), lastVisit: visited, lastContact: contact,
                    registered: registered, today: today, settings: s))
            return (m.assessment.reasons.contains { $0.code == ReasonCode.riskNoContact.rawValue }, m)
        }
        #expect(try silent(nil).0, "60 days since the visit, nothing since")
        #expect(try silent(visited.adding(days: -5)).0, "an older contact changes nothing")
        let (seen, m) = try silent(today.adding(days: -(s.noContactDays - 1)))
        #expect(!seen, "a day at the station 59 days ago")
        #expect(m.nextVisitDue == visited.adding(days: s.cadence(m.assessment.tier, plan: false)), "the next visit counts from the visit")
        #expect(try silent(today.adding(days: -s.noContactDays)).0, "exactly 60 days ago is silent again")
        #expect(
            ChildMonitoring.latest(nil, nil) == nil && ChildMonitoring.latest(today, nil) == today
                && ChildMonitoring.latest(nil, today) == today)
    }
}

@Suite struct OutboxRetryTests {
    @Test func backOffDoublesUpToAnHourThenGivesUp() {
        #expect(OutboxRetry.afterFailure(attempts: 1) == (.pending, 30))
        #expect(OutboxRetry.afterFailure(attempts: 7) == (.pending, 1920))
        #expect(OutboxRetry.afterFailure(attempts: 8) == (.failed, nil))
        #expect(OutboxRetry.backoff(0) == 30 && OutboxRetry.backoff(20) == 3600)
    }
}
