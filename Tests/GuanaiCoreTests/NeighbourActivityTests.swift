import Foundation
import Testing
import GuanaiCore

/// Issue 17, items 9–12: who may do what with neighbour groups, their activities, concerns and coverage.
@Suite struct NeighbourAccessTests {
    @Test func groupsAreTheStaffsAndTheInspectorReadsThem() {
        for role in [Role.cityAdmin, .townshipStaff, .villageWorker] {
            #expect(Policy.browses(role, .group) && Policy.writes(role, .group), "\(role)")
        }
        #expect(Policy.browses(.inspector, .group) && !Policy.writes(.inspector, .group))
        for role in [Role.volunteer, .partnerHealth, .partnerHR, .partnerJustice] {
            #expect(!Policy.browses(role, .group) && !Policy.writes(role, .group), "\(role)")
        }
        #expect(RecordTag.NeighbourGroup.auditSubject == .group && Policy.historyKind("group") == .group)
    }
}

@Suite struct NeighbourActivityFormTests {
    let today = CivilDate(iso: "2026-12-02")!

    @Test func kindAndADayThatHasHappened() {
        var c = FormChecker()
        let a = NeighbourActivityForm.check(.init(kind: "safety_watch", date: "2026-12-01", note: " 夜间巡查 "), today: today, &c)
        #expect(c.errors == [] && a == CheckedNeighbourActivity(kind: .safetyWatch, date: CivilDate(iso: "2026-12-01")!, note: "夜间巡查"))
        var bad = FormChecker()
        _ = NeighbourActivityForm.check(.init(kind: "party", date: "2026-12-03", note: "x\u{7}"), today: today, &bad)
        #expect(bad.errors.map(\.field) == ["kind", "date", "note"])
        var empty = FormChecker()
        _ = NeighbourActivityForm.check(.init(), today: today, &empty)
        #expect(empty.errors.map(\.field) == ["kind", "date"])
        #expect(NeighbourGroupStatus.active.acts && !NeighbourGroupStatus.dissolved.acts)
    }

    @Test func aConcernIsAboutAChildOfTheGroup() {
        let mine: Set<String> = ["0190A7F0-0000-7000-8000-000000000001"]
        var c = FormChecker()
        #expect(NeighbourActivityForm.concernChild("0190a7f0-0000-7000-8000-000000000001", memberChildren: mine, &c) == mine.first)
        #expect(c.errors == [])
        var far = FormChecker()
        #expect(NeighbourActivityForm.concernChild("0190A7F0-0000-7000-8000-000000000002", memberChildren: mine, &far) == nil)
        #expect(far.errors == [FieldError(field: "childId", key: "neighbours.error.notMemberChild")])
        var none = FormChecker()
        _ = NeighbourActivityForm.concernChild(" ", memberChildren: mine, &none)
        #expect(none.errors.map(\.key) == ["field.error.required"])
    }

    @Test func aDissolvedGroupHoldsNoHousehold() {
        let facts = NeighbourGroupForm.Facts(
            villageActive: true, householdVillage: ["h1": "V", "h2": "V", "h3": "V"], inOtherGroup: ["h2"], leaderHousehold: "h1")
        let members = ["h1", "h2", "h3"].map { NeighbourGroupInput.Member(householdId: $0, consentedOn: "2026-11-01") }
        var active = FormChecker()
        _ = NeighbourGroupForm.check(
            .init(villageCode: "V", name: "互助组", leaderPersonId: "p", members: members), facts: facts, today: today, &active)
        #expect(active.errors.map(\.field) == ["members"])
        var dissolved = FormChecker()
        let g = NeighbourGroupForm.check(
            .init(villageCode: "V", name: "互助组", leaderPersonId: "p", members: members, status: "dissolved"), facts: facts, today: today,
            &dissolved)
        #expect(dissolved.errors == [] && g?.status == .dissolved)
        var unknown = FormChecker()
        _ = NeighbourGroupForm.check(
            .init(villageCode: "V", name: "互助组", leaderPersonId: "p", members: members, status: "paused"), facts: facts, today: today,
            &unknown)
        #expect(unknown.errors.map(\.field) == ["status", "members"])
    }

    @Test func leftBehindHouseholds() {
        #expect(LeftBehindHousehold.counts(child: .active, leftBehind: true))
        #expect(
            !LeftBehindHousehold.counts(child: .exited, leftBehind: true) && !LeftBehindHousehold.counts(child: .active, leftBehind: false))
        #expect(LeftBehindHousehold.counts(woman: .active, leftBehind: true) && !LeftBehindHousehold.counts(woman: .new, leftBehind: true))
    }
}

@Suite struct NeighbourCoverageTests {
    @Test func aUnitAndTheRowsBelowIt() {
        let town = "421002101000", a = "421002101201", b = "421002101202", far = "421002102201"
        let c = NeighbourCoverage.of(
            unit: town, rows: [b, a],
            households: [(a, true), (a, false), (a, true), (b, false), (far, true)])
        #expect(c.total.leftBehindHouseholds == 4 && c.total.grouped == 2 && c.total.rate == 0.5, "the far one is outside")
        #expect(c.rows.map(\.unitCode) == [a, b])
        #expect(c.rows[0].grouped == 2 && c.rows[0].leftBehindHouseholds == 3 && c.rows[1].rate == 0)
        #expect(NeighbourCoverage.of(unit: town, rows: [], households: []).total.rate == 0, "no left-behind household: 0, not NaN")
    }
}
