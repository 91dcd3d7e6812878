import Testing
import Foundation
@testable import GuanaiCore

/// The woman, household, child-change and person-change rules without a database.
@Suite struct WomanFormTests {
    let village = DivisionCode("421081104200")!
    static func id(_ y: Int, _ m: Int, _ d: Int, order: Int) -> String {
        IDNumber.make(address: "421081", birth: CivilDate(year: y, month: m, day: d)!, order: order).value
    }

    func input() -> WomanInput {
        WomanInput(
            name: " 李秀英 ", idNumber: Self.id(1990, 5, 1, order: 222), villageCode: "421081104200", hukou: "rural",
            husband: ParentInput(name: "王大山", situation: "working_away", since: "2025-03-01"),
            details: .typed([.childrenInCare: "2", .skills: " 刺绣 "]), needs: ["development"])
    }

    @Test func aCompleteRegistration() throws {
        var c = FormChecker()
        let k = try #require(WomanForm.check(input(), village: village, &c))
        #expect(k.name == "李秀英" && k.health == .healthy && k.husband?.situation == .workingAway)
        let d = k.record.details
        #expect(k.record.husbandSince == "2025-03-01" && d[count: .childrenInCare] == 2 && d[count: .eldersInCare] == 0)
        #expect(d[text: .skills] == "刺绣" && k.record.needs == "development" && !d[flag: .farming])
    }

    @Test func everyProblemInTheFormsOrder() {
        var i = input()
        i.name = ""
        i.idNumber = Self.id(1990, 5, 1, order: 221)
        i.hukou = nil
        i.needs = ["money"]
        i.details[count: .eldersInCare] = 21
        var c = FormChecker()
        let village = [FieldError(field: "villageCode", key: "registry.error.village")]
        #expect(WomanForm.check(i, village: nil, villageErrors: village, &c) == nil)
        #expect(c.errors.map(\.field) == ["name", "idNumber", "villageCode", "hukou", "needs", "eldersInCare"])
        #expect(c.errors[1].key == "women.error.notFemale")
    }

    @Test func inCareIsZeroToTwenty() {
        for (n, ok) in [(-1, false), (0, true), (20, true), (21, false)] {
            var i = input()
            i.details[count: .childrenInCare] = n
            var c = FormChecker()
            #expect((WomanForm.check(i, village: village, &c) != nil) == ok, "\(n)")
        }
    }

    @Test func aChangeMergesOnlyWhatWasSent() throws {
        var r = WomanForm.Record(
            husbandSituation: "working_away", husbandWorkPlace: "深圳", husbandSince: "2024-01-01",
            details: .typed([.childrenInCare: "1", .eldersInCare: "1", .farming: "1", .skills: "刺绣", .employmentInterest: "1"]).complete,
            needs: "development")
        let stored = r
        var c = FormChecker()
        try #require(WomanForm.change(WomanInput(), &c)).apply(to: &r)
        #expect(r == stored, "nothing sent, nothing changes")
        let sent = WomanInput(
            name: " 李秀 ", phone: "", husband: ParentInput(situation: "at_home", workPlace: " "),
            details: .typed([.eldersInCare: "0", .skills: ""]), needs: [])
        let change = try #require(WomanForm.change(sent, &c))
        change.apply(to: &r)
        #expect(change.name == "李秀" && change.phone == .some(nil), "a blank phone clears it")
        #expect(r.husbandSituation == "at_home" && r.husbandWorkPlace == nil && r.husbandSince == "2024-01-01")
        #expect(r.details[count: .eldersInCare] == 0 && r.details[text: .skills] == nil && r.needs == "" && r.details[flag: .farming])
    }

    @Test func aChangeIsCheckedBeforeAnythingApplies() {
        var c = FormChecker()
        let bad = WomanInput(
            name: " ", phone: "123", husband: ParentInput(situation: "away", since: "2024-13-01"),
            details: .typed([.childrenInCare: "30"]), needs: ["x"])
        #expect(WomanForm.change(bad, &c) == nil)
        #expect(c.errors.map(\.field) == ["husband.situation", "husband.since", "needs", "name", "phone", "childrenInCare"])
    }

    @Test func leftBehindIsActiveElseSheExitsOnce() {
        let today = CivilDate(year: 2026, month: 10, day: 15)!
        #expect(WomanForm.status(.exited, exitedOn: "2026-01-01", leftBehind: true, today: today) == (.active, nil))
        #expect(WomanForm.status(.new, exitedOn: nil, leftBehind: false, today: today) == (.exited, "2026-10-15"))
        #expect(WomanForm.status(.exited, exitedOn: "2026-01-01", leftBehind: false, today: today) == (.exited, "2026-01-01"), "dated once")
    }
}

@Suite struct HouseholdFormTests {
    @Test func pointsOnTheGlobeAndKnownPoverty() throws {
        var c = FormChecker()
        #expect(HouseholdForm.change(HouseholdInput(latitude: 91, longitude: -181, poverty: "rich"), &c) == nil)
        #expect(c.errors.map(\.field) == ["poverty", "latitude", "longitude"])
        c = FormChecker()
        var r = HouseholdForm.Record(poverty: "none", address: "旧址", villageGroup: "一组", latitude: nil, longitude: nil)
        try #require(
            HouseholdForm.change(
                HouseholdInput(villageGroup: " ", address: " 新址 ", latitude: 90, poverty: "dibao"),
                &c)
        ).apply(to: &r)
        #expect(r == HouseholdForm.Record(poverty: "dibao", address: "新址", villageGroup: nil, latitude: 90, longitude: nil))
        #expect(r.auditFields["latitude"] == "90.0" && r.auditFields["longitude"] == "")
    }
}

@Suite struct ChildChangeTests {
    static func id(_ y: Int, _ m: Int, _ d: Int, order: Int) -> String {
        IDNumber.make(address: "421081", birth: CivilDate(year: y, month: m, day: d)!, order: order).value
    }
    let grandmother = ChildChange.StoredGuardian(name: "张桂兰", idNumber: id(1954, 3, 3, order: 224), birthDate: "1954-03-03")
    var stored: ChildChange.Stored {
        .init(livingArrangement: .withGuardian, improperGuardianship: false, improperNote: nil, guardian: grandmother)
    }

    func patch(_ json: String) throws -> ChildPatch { try JSONDecoder().decode(ChildPatch.self, from: Data(json.utf8)) }

    @Test func nullsAreToldFromAbsentKeys() throws {
        let p = try patch(#"{"school": null, "grade": "三年级", "father": {"workPlace": null, "situation": "at_home"}, "guardian": null}"#)
        #expect(
            p.cleared == ["school", "father.workPlace", "guardian"] && p.details[text: .grade] == "三年级" && p.father?.situation == "at_home")
        let person = try JSONDecoder().decode(PersonPatch.self, from: Data(#"{"phone": null, "name": "王"}"#.utf8))
        #expect(person.cleared == ["phone"] && person.name == "王")
    }

    @Test func requiredFieldsCannotBeClearedAndParentsKeepWhoTheyAre() throws {
        var c = FormChecker()
        let p = try patch(#"{"name": null, "needs": null, "father": {"name": "别人"}, "mother": {"idNumber": "1"}}"#)
        #expect(ChildChange.check(p, stored: stored, &c) == nil)
        #expect(c.errors.map(\.field) == ["name", "needs", "father.name", "mother.idNumber"])
        #expect(c.errors.suffix(2).allSatisfy { $0.key == "registry.error.parentIdentity" })
    }

    @Test func theStoredGuardianMergesAnyoneElseIsNew() throws {
        var c = FormChecker()
        let sent = try patch(#"{"guardian": {"name": "张桂兰", "health": "chronic_illness", "relation": "grandmother"}}"#)
        let same = try #require(ChildChange.check(sent, stored: stored, &c))
        #expect(same.newGuardian == nil && same.relation == .grandmother && same.guardianUpdate?.health == "chronic_illness")
        let other = try #require(ChildChange.check(try patch(#"{"guardian": {"name": "李四", "relation": "relative"}}"#), stored: stored, &c))
        #expect(other.newGuardian?.name == "李四" && other.guardianUpdate == nil && other.relation == nil)
        #expect(ChildChange.check(try patch(#"{"guardian": {"birthDate": "1950-01-01"}}"#), stored: stored, &c) == nil)
        #expect(c.errors.map(\.key) == ["id.error.birthMismatch"], "her ID number says her birth date")
    }

    @Test func aGuardianIsNeededWhileTheChildLivesWithOne() throws {
        var c = FormChecker()
        #expect(ChildChange.check(try patch(#"{"removeGuardian": true}"#), stored: stored, &c) == nil)
        #expect(c.errors.map(\.key) == ["registry.error.guardianNeeded"])
        c = FormChecker()
        #expect(ChildChange.check(try patch(#"{"removeGuardian": true, "livingArrangement": "with_parent"}"#), stored: stored, &c) != nil)
    }

    @Test func improperGuardianshipNeedsANoteWhenTouched() throws {
        var c = FormChecker()
        #expect(ChildChange.check(try patch(#"{"improperGuardianship": true}"#), stored: stored, &c) == nil)
        #expect(c.errors.map(\.field) == ["improperNote"])
        let flagged = ChildChange.Stored(livingArrangement: .withParent, improperGuardianship: true, improperNote: nil, guardian: nil)
        c = FormChecker()
        #expect(ChildChange.check(try patch(#"{"school": "镇小学"}"#), stored: flagged, &c) != nil, "untouched: not asked again")
    }

    @Test func villageErrorsComeInTheFormsOrder() throws {
        var c = FormChecker()
        let p = try patch(#"{"name": " ", "villageCode": "x", "livingArrangement": "alone?"}"#)
        #expect(
            ChildChange.check(
                p, stored: stored, villageErrors: [FieldError(field: "villageCode", key: "registry.error.village")],
                &c) == nil)
        #expect(c.errors.map(\.field) == ["name", "villageCode", "livingArrangement"])
    }

    @Test func aPersonsChange() throws {
        var c = FormChecker()
        var p = PersonPatch(name: " ", phone: "", ethnicity: "火星族", health: "ill", disabilityGrade: 5, vitalStatus: "alive")
        p.cleared = ["vitalStatus"]
        #expect(p.check(&c) == nil)
        #expect(c.errors.map(\.field) == ["name", "health", "vitalStatus", "ethnicity", "disabilityGrade"])
        c = FormChecker()
        let k = try #require(PersonPatch(phone: "", health: "chronic_illness", healthSince: "2026-01-02", disabilityGrade: 4).check(&c))
        #expect(k.phone == .some(nil) && k.health == .chronicIllness && k.healthSince?.iso == "2026-01-02")
    }
}
