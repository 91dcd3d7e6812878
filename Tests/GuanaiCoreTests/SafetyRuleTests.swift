import Foundation
import Testing
@testable import GuanaiCore

/// The safety net's decisions without a database: escalation steps and their boundaries, an alert's lifecycle, the
/// visit schedule.
@Suite struct SafetyRuleTests {
    let s = RiskSettings()
    let raised = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func escalationStepsGoWhereTheRuleSays() {
        #expect(EscalationStep.critical == [.acknowledgeTimeout, .noVisit])
        #expect(EscalationStep.overdue == [.overdueTownship, .overdueCity])
        #expect(EscalationStep.acknowledgeTimeout.level == .city && EscalationStep.noVisit.level == .city)
        #expect(EscalationStep.overdueTownship.level == .township && EscalationStep.overdueCity.level == .city)
        #expect(EscalationLevel.city.recipients == [.cityAdmin] && EscalationLevel.township.recipients == [.townshipStaff])
        // Acknowledging stops the 2-hour step; only a visit stops the 24-hour one.
        #expect(EscalationStep.acknowledgeTimeout.waitingStatuses == [.open] && !EscalationStep.acknowledgeTimeout.stoppedByVisit)
        #expect(EscalationStep.noVisit.waitingStatuses == [.open, .acknowledged] && EscalationStep.noVisit.stoppedByVisit)
    }

    @Test func twoHoursToAcknowledgeTwentyFourToVisit() {
        // An alert raised exactly 2 hours ago is due; one raised a second later is not.
        let now = raised.addingTimeInterval(2 * 3600)
        let ack = EscalationStep.acknowledgeTimeout.raisedAtOrBefore(now, settings: s)!
        #expect(raised <= ack && raised.addingTimeInterval(1) > ack)
        let visit = EscalationStep.noVisit.raisedAtOrBefore(raised.addingTimeInterval(24 * 3600), settings: s)!
        #expect(raised <= visit && raised.addingTimeInterval(1) > visit)
        var quick = s
        quick.acknowledgeHours = 1
        #expect(EscalationStep.acknowledgeTimeout.raisedAtOrBefore(now, settings: quick)! == raised.addingTimeInterval(3600))
        #expect(EscalationStep.overdueTownship.raisedAtOrBefore(now, settings: s) == nil)
    }

    @Test func overdueVisitsGoToTheTownshipAfterThreeDaysAndTheCityAfterSeven() {
        let today = CivilDate(iso: "2026-12-10")!
        #expect(EscalationStep.overdueTownship.dueOnOrBefore(today, settings: s)?.iso == "2026-12-07")
        #expect(EscalationStep.overdueCity.dueOnOrBefore(today, settings: s)?.iso == "2026-12-03")
        #expect(EscalationStep.overdueTownship.overdueIndex == 0 && EscalationStep.overdueCity.overdueIndex == 1)
        #expect(EscalationStep.noVisit.dueOnOrBefore(today, settings: s) == nil)
    }

    @Test func theAccountsAnAlertReaches() {
        let village = DivisionCode("421081104200")!, other = DivisionCode("421081104202")!
        let township = DivisionCode("421081104000")!, otherTownship = DivisionCode("421081105000")!, city = DivisionCode("421081000000")!
        #expect(
            Escalation.firstRecipients(.critical) == [.villageWorker, .townshipStaff]
                && Escalation.firstRecipients(.overdueVisit) == [.villageWorker])
        #expect(Escalation.reaches(role: .villageWorker, account: village, child: village))
        #expect(!Escalation.reaches(role: .villageWorker, account: other, child: village))
        #expect(Escalation.reaches(role: .townshipStaff, account: township, child: village))
        #expect(!Escalation.reaches(role: .townshipStaff, account: otherTownship, child: village))
        // Township staff placed at the city (or a village) are not the township's people.
        #expect(!Escalation.reaches(role: .townshipStaff, account: city, child: village))
        #expect(Escalation.reaches(role: .cityAdmin, account: city, child: village))
    }

    @Test func anAlertsLifecycle() {
        #expect(AlertLifecycle.acknowledged(.open) == .acknowledged)
        #expect(AlertLifecycle.acknowledged(.acknowledged) == nil && AlertLifecycle.acknowledged(.resolved) == nil)
        #expect(AlertStatus.live == [.open, .acknowledged])
        let ready = AlertLifecycle.Record(kind: .critical, acknowledged: true, visitedSinceRaised: true, hasPlan: true)
        #expect(AlertLifecycle.resolveProblems(ready, note: "外婆接回家照顾") == [])
        #expect(AlertLifecycle.resolveProblems(ready, note: " \n").map(\.key) == ["field.error.required"])
        let bare = AlertLifecycle.Record(kind: .critical, acknowledged: false, visitedSinceRaised: false, hasPlan: false)
        #expect(
            AlertLifecycle.resolveProblems(bare, note: "x").map(\.key) == [
                "alert.error.notAcknowledged", "alert.error.noVisit", "alert.error.noPlan",
            ])
        #expect(AlertLifecycle.resolveProblems(bare, note: "x").map(\.field) == ["note", "note", "plan"])
        // A missed visit needs only a word on how it ended.
        let missed = AlertLifecycle.Record(kind: .overdueVisit, acknowledged: false, visitedSinceRaised: false, hasPlan: false)
        #expect(AlertLifecycle.resolveProblems(missed, note: "已电话联系") == [])
        #expect(AlertLifecycle.planProblems("  ").map(\.field) == ["plan"] && AlertLifecycle.planProblems("姑姑每天看望") == [])
    }

    @Test func theNextVisit() {
        let today = CivilDate(iso: "2026-12-10")!, registered = CivilDate(iso: "2026-11-01")!
        func due(_ last: String?, _ tier: RiskTier, plan: Bool = false, since: String? = nil) -> String {
            VisitSchedule.nextDue(
                lastVisit: last.flatMap(CivilDate.init(iso:)), registered: registered, tier: tier, hasPlan: plan,
                criticalSince: since.flatMap(CivilDate.init(iso:)), today: today, settings: s
            ).iso
        }
        #expect(due(nil, .normal) == "2026-12-01", "30 days after registration")
        #expect(due("2026-12-01", .high) == "2026-12-08" && due("2026-12-01", .medium) == "2026-12-15")
        // Critical: on the alert's day at the latest, when the last visit was before it; then daily, every 3 days with a plan.
        #expect(due("2026-11-20", .critical, since: "2026-12-09") == "2026-11-21")
        #expect(due("2026-12-05", .critical, since: "2026-12-09") == "2026-12-06")
        #expect(due("2026-12-09", .critical, since: "2026-12-09") == "2026-12-10")
        #expect(due("2026-12-09", .critical, plan: true, since: "2026-12-09") == "2026-12-12")
        // Not visited since she became critical, visited long ago: due on that day, not 30 days after the visit.
        var slow = s
        slow.criticalDays = 7
        #expect(
            VisitSchedule.nextDue(
                lastVisit: CivilDate(iso: "2026-12-05"), registered: registered, tier: .critical, hasPlan: false,
                criticalSince: CivilDate(iso: "2026-12-08"), today: today, settings: slow
            ).iso == "2026-12-08")
        #expect(due(nil, .critical) == "2026-11-02" && due(nil, .critical, since: nil) <= today.iso)
    }
}

@Suite struct RiskSettingsBoundsTests {
    @Test func boundsBesideTheDefaults() throws {
        let d = RiskSettings()
        for (name, kp, range) in RiskSettings.fields {
            #expect(range.contains(d[keyPath: kp]), "\(name) default \(d[keyPath: kp]) outside \(range)")
        }
        #expect(try d.applying(["acknowledgeHours": "1", "normalDays": " 45 ", "highDays": ""]).get().acknowledgeHours == 1)
        #expect(try d.applying(["normalDays": "45"]).get().normalDays == 45 && (try d.applying(["highDays": ""]).get()) == d)
        guard case .failure(let e) = d.applying(["acknowledgeHours": "0", "normalDays": "93", "criticalDays": "x", "youngChildAge": "16"])
        else {
            Issue.record("out of range accepted"); return
        }
        #expect(e.items.map(\.field) == ["criticalDays", "normalDays", "acknowledgeHours"])
        #expect(e.items.first?.args == ["1–7"])
        // The city after the township, both ways of getting it wrong.
        guard case .failure(let order) = d.applying(["overdueTownshipDays": "7", "overdueCityDays": "7"]) else {
            Issue.record("same day accepted"); return
        }
        #expect(order.items.map(\.key) == ["settings.error.cityAfterTownship"])
    }
}

@Suite struct ReportWorkflowTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    typealias W = ReportWorkflow

    func filing(reporter: String? = "邻居", seen: String? = "孩子一个人在家两天", at: String? = nil, police: Bool? = nil, number: String? = nil)
        -> Result<W.Filing, FieldErrors>
    {
        W.filing(
            .init(reporter: reporter, reporterContact: nil, reportedAt: at, seen: seen, policeCalled: police, policeReportNo: number),
            now: now)
    }

    @Test func filingAReport() throws {
        let f = try filing().get()
        #expect(f.reportedAt == now && f.reporterContact == "" && f.policeReportNo == nil && !f.policeCalled)
        guard case .failure(let e) = filing(reporter: " ", seen: nil, at: "昨天", police: true, number: "") else {
            Issue.record("accepted"); return
        }
        #expect(e.items.map(\.field) == ["reporter", "seen", "reportedAt", "policeReportNo"])
        // Five minutes ahead is a phone's clock; six is the future.
        #expect((try? filing(at: W.iso(now.addingTimeInterval(300))).get()) != nil)
        guard case .failure(let later) = filing(at: W.iso(now.addingTimeInterval(360))) else { Issue.record("future accepted"); return }
        #expect(later.items.map(\.key) == ["report.error.future"])
        #expect(try filing(at: "2026-11-18T19:00", police: true, number: " 石公(刑)2026-118 ").get().policeReportNo == "石公(刑)2026-118")
        #expect(W.instant("2026-11-18T19:00", default: now) == Date(timeIntervalSince1970: 1_795_000_000 - 400), "19:00 in 石首 is 11:00 UTC")
    }

    @Test func stepsAndClosing() throws {
        func entry(_ step: String?, _ action: String? = nil, note: String? = "已联系", status: ReportStatus = .open) -> Result<
            W.Entry, FieldErrors
        > {
            W.entry(step: step, action: action, note: note, doneAt: nil, status: status, now: now)
        }
        #expect(try entry("emergency", "relatives_care").get().action == "relatives_care")
        #expect(try entry("assessment", "relatives_care").get().action == nil, "only two steps carry an action")
        #expect(try entry("intervention", "not_needed").get().step == .intervention)
        guard case .failure(let e) = entry("intervention", "maybe", note: " ", status: .closed) else { Issue.record("accepted"); return }
        #expect(e.items.map(\.field) == ["action", "note", "step"])
        guard case .failure(let none) = entry("emergency") else { Issue.record("no action accepted"); return }
        #expect(none.items.map(\.field) == ["action"])
        #expect(W.closeProblems(stepsWithEntries: [.emergency, .plan]).map(\.field) == ["step.assessment", "step.intervention"])
        #expect(W.closeProblems(stepsWithEntries: Set(ReportStepKind.allCases)) == [])
    }
}

extension ReportWorkflow {
    static func iso(_ d: Date) -> String { ISO8601DateFormatter().string(from: d) }
}
