import Testing
@testable import GuanaiCore

/// The child form's checks without a database: what is required, what is derived, and each error naming its field.
@Suite struct ChildFormTests {
    let village = DivisionCode("421081104200")!
    static func id(_ y: Int, _ m: Int, _ d: Int, order: Int) -> String {
        IDNumber.make(address: "421081", birth: CivilDate(year: y, month: m, day: d)!, order: order).value
    }

    func input() -> ChildInput {
        ChildInput(
            name: "王小花", idNumber: Self.id(2018, 1, 10, order: 122), hukou: "rural",
            father: ParentInput(name: "王大山", situation: "working_away"), mother: ParentInput(situation: "working_away"),
            guardian: GuardianInput(name: "张桂兰", idNumber: Self.id(1954, 3, 3, order: 224), relation: "grandmother"),
            livingArrangement: "with_guardian")
    }

    @Test func aCompleteFormIsChecked() throws {
        var c = FormChecker()
        let k = try #require(ChildForm.check(input(), village: village, &c))
        #expect(c.errors == [] && k.name == "王小花" && k.village == village && k.living == .withGuardian && k.health == .healthy)
        #expect(k.guardian?.birthDate?.iso == "1954-03-03", "the guardian's birth date comes from her ID number")
        #expect(k.father?.situation == .workingAway && k.mother?.name == nil)
    }

    @Test func everyProblemNamesItsField() {
        var i = input()
        i.name = "  "
        i.sex = "male"
        i.hukou = "城市"
        i.guardian = GuardianInput(name: "", relation: "干妈")
        i.improperGuardianship = true
        var c = FormChecker()
        #expect(ChildForm.check(i, village: nil, &c) == nil)
        #expect(c.errors.map(\.field) == ["name", "sex", "hukou", "guardian.name", "guardian.relation", "guardian.name", "improperNote"])
        #expect(c.errors.map(\.key).contains("id.error.sexMismatch"))
    }

    @Test func livingIsDerivedOnlyFromWhatWasSaid() throws {
        var i = input()
        i.livingArrangement = nil
        var c = FormChecker()
        #expect(try #require(ChildForm.check(i, village: village, &c)).living == .withGuardian, "a guardian named")
        i.guardian = nil
        i.father = ParentInput(situation: "at_home")
        c = FormChecker()
        #expect(try #require(ChildForm.check(i, village: village, &c)).living == .withParent, "a parent at home")
        // Nothing to derive it from: chosen, never defaulted.
        i.father = ParentInput(situation: "working_away")
        c = FormChecker()
        #expect(ChildForm.check(i, village: village, &c) == nil && c.errors.map(\.field) == ["livingArrangement"])
    }

    @Test func aLedgerMayNameAParentWithoutASituation() {
        var i = input()
        i.father = ParentInput(name: "王大山", idNumber: Self.id(1990, 5, 1, order: 111))
        var form = FormChecker(), ledger = FormChecker()
        #expect(ChildForm.check(i, village: village, &form) == nil && form.errors.map(\.field) == ["father.situation"])
        #expect(ChildForm.check(i, village: village, &ledger, ledger: true) != nil && ledger.errors == [])
    }
}
