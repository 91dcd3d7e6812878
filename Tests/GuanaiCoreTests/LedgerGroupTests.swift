import Testing
@testable import GuanaiCore

/// A neighbour-group roster's rows made into one group's input, and the group form's errors sent back to the rows.
@Suite struct LedgerGroupTests {
    static func member(_ row: Int, _ h: String, leader: Bool = false, consent: String? = "2026-11-01") -> LedgerGroup.Member {
        .init(row: row, householdId: h, headPersonId: "P" + h, leader: leader, consentedOn: consent)
    }

    @Test func theMarkedRowLeadsAndEveryMemberKeepsItsConsent() {
        let (input, problems) = LedgerGroup.input(
            name: "一组", village: "421081104200",
            members: [Self.member(3, "A"), Self.member(5, "B", leader: true), Self.member(6, "C", consent: nil)])
        #expect(problems.isEmpty)
        #expect(input.leaderPersonId == "PB" && input.members?.map(\.householdId) == ["A", "B", "C"])
        #expect(input.members?.last?.consentedOn == nil)
    }

    @Test func noLeaderOrTwoIsSaidOnTheRowsConcerned() {
        let none = LedgerGroup.input(name: "g", village: "v", members: [Self.member(3, "A"), Self.member(4, "B")]).1
        #expect(none.map(\.row) == [3, 4] && none.allSatisfy { $0.1.field == "leader" && $0.1.key == "intake.error.noLeader" })
        let two = LedgerGroup.input(
            name: "g", village: "v", members: [Self.member(3, "A", leader: true), Self.member(4, "B"), Self.member(7, "C", leader: true)]
        ).1
        #expect(two.map(\.row) == [3, 7] && two.allSatisfy { $0.1.key == "intake.error.twoLeaders" })
    }

    @Test func theFormsErrorsGoBackToTheirRowsAndColumns() {
        let members = [Self.member(3, "A", leader: true), Self.member(4, "B"), Self.member(9, "C"), Self.member(10, "B")]
        let placed = LedgerGroup.place(
            [
                FieldError(field: "members[2].consentedOn", key: "neighbours.error.consentRequired"),
                FieldError(field: "members[1].householdId", key: "field.error.choice"),
                FieldError(field: "members", key: "neighbours.error.inOtherGroup", args: ["C"]),
                FieldError(field: "members", key: "neighbours.error.duplicateHousehold"),
                FieldError(field: "members", key: "neighbours.error.size", args: ["3", "10"]),
                FieldError(field: "leaderPersonId", key: "neighbours.error.leaderNotMember"),
            ], members: members)
        #expect(placed[9]?.map(\.field) == ["consentedOn", "head.idNumber", "name"])
        #expect(placed[4]?.map(\.field) == ["head.idNumber", "name"])
        #expect(placed[10]?.map(\.key) == ["neighbours.error.duplicateHousehold", "neighbours.error.size"])
        #expect(placed[3]?.map(\.field) == ["name", "leader"])
        #expect(placed[3]?.first?.args == ["3", "10"])
    }

    @Test func aStationRowIsTheFormsInput() {
        let s = LedgerRow.station(
            ["name": "站", "capacity": "40", "schedule": "after_school,winter_holiday", "staff.phone": "13900001111", "latitude": "29.7"],
            unit: "421081104200")
        #expect(s.unitCode == "421081104200" && s.capacity == 40 && s.schedule == ["after_school", "winter_holiday"])
        #expect(s.host == "other" && s.staff == [.init(name: nil, phone: "13900001111")] && s.latitude == 29.7 && s.longitude == nil)
        #expect(LedgerRow.station(["name": "站"], unit: nil).staff == nil)
        let site = LedgerRow.site(["name": "小学", "longitude": "112.4"], unit: "421081104000")
        #expect(site.kind == "school" && site.longitude == 112.4 && site.latitude == nil)
        #expect(IntakeKind.neighbourGroups.requiredKeys.contains("leader") && IntakeKind.enrolments.placedByStation)
    }
}
