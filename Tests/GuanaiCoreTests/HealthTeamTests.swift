import Foundation
import Testing

@testable import GuanaiCore

/// Fitness and culture teams (issue 20, item 7): the team form, and activities whose participants are a count or ids.
@Suite struct HealthTeamTests {
    let today = CivilDate(iso: "2027-03-10")!
    let leader = "6F9619FF-8B86-D011-B42D-00C04FC964FF"
    let member = "6F9619FF-8B86-D011-B42D-00C04FC964FE"

    func fields(_ c: FormChecker) -> [String] { c.errors.map(\.field) }

    @Test func aTeamNamesEachBadField() {
        var c = FormChecker()
        #expect(HealthTeamForm.check(HealthTeamInput(), &c) == nil)
        #expect(fields(c) == ["name", "kind", "unitCode", "leaderPersonId"])
        c = FormChecker()
        let bad = HealthTeamInput(name: "广场舞队", kind: "ballet", unitCode: "421081", leaderPersonId: leader, members: [member, "x"])
        #expect(HealthTeamForm.check(bad, &c) == nil)
        #expect(fields(c) == ["kind", "unitCode", "members[1]"])
        c = FormChecker()
        let ok = HealthTeamForm.check(
            HealthTeamInput(
                name: "石华堰村腰鼓队", kind: "waist_drum", unitCode: "421081104200", leaderPersonId: leader, members: [member, leader]),
            &c)
        #expect(ok?.kind == .waistDrum && ok?.members == [PersonID(leader)!, PersonID(member)!])
    }

    @Test func participantsAreACountOrIds() throws {
        let decode = { (json: String) throws -> HealthTeamActivityInput in
            try JSONDecoder().decode(HealthTeamActivityInput.self, from: Data(json.utf8))
        }
        let counted = try decode(#"{"date":"2027-03-08","place":"村广场","participants":42}"#)
        var c = FormChecker()
        #expect(HealthTeamForm.activity(counted, today: today, &c)?.participants == .count(42))
        let named = try decode(#"{"date":"2027-03-08","place":"村广场","participants":["\#(leader)","\#(member)","\#(leader)"]}"#)
        c = FormChecker()
        let people = HealthTeamForm.activity(named, today: today, &c)?.participants
        #expect(people == .people([PersonID(leader)!, PersonID(member)!]) && people?.count == 2)
        let odd = try decode(#"{"date":"2027-03-11","participants":{"n":3}}"#)
        c = FormChecker()
        #expect(HealthTeamForm.activity(odd, today: today, &c) == nil)
        #expect(fields(c) == ["date", "place", "participants"] && c.errors[2].key == "field.error.choice")
        for p: HealthParticipantsInput? in [nil, .personIds([]), .count(0), .count(5_001)] {
            c = FormChecker()
            #expect(HealthTeamForm.activity(.init(date: "2027-03-08", place: "村广场", participants: p), today: today, &c) == nil)
            #expect(fields(c) == ["participants"])
        }
        c = FormChecker()
        #expect(HealthTeamForm.activity(.init(date: "2027-03-08", place: "村广场", participants: .personIds(["y"])), today: today, &c) == nil)
        #expect(fields(c) == ["participants[0]"])
        // What it sends back is what it read.
        let round = try JSONDecoder().decode(HealthParticipantsInput.self, from: JSONEncoder().encode(HealthParticipantsInput.count(7)))
        #expect(round == .count(7))
    }
}
