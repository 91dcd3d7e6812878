import Testing
@testable import GuanaiCore

@Suite struct IDNumberTests {
    // Built by the algorithm from made-up parts, never copied from a person.
    static let girl = IDNumber.make(address: "421081", birth: CivilDate(year: 2015, month: 3, day: 2)!, order: 124)

    @Test func checkDigitAndDerivedFields() throws {
        #expect(IDNumber.checkCharacter(for: "11010519491231002") == "X")
        let id = try IDNumber("11010519491231002X")
        #expect(id.birthDate == CivilDate(year: 1949, month: 12, day: 31))
        #expect(id.sex == .female)
        #expect(try IDNumber("11010519491231002x").value == "11010519491231002X")
        #expect(try IDNumber(" 110105 19491231002X ").value == "11010519491231002X")
        #expect(try IDNumber("１１０１０５１９４９１２３１００２Ｘ").value == "11010519491231002X")
        #expect(Self.girl.sex == .female)
        #expect(Self.girl.birthDate.iso == "2015-03-02")
        #expect(Self.girl.addressCode == "421081")
    }

    @Test func problems() {
        #expect(throws: IDNumber.Problem.legacy15) { try IDNumber("110105491231002") }
        #expect(throws: IDNumber.Problem.empty) { try IDNumber("  ") }
        #expect(throws: IDNumber.Problem.length(17)) { try IDNumber("11010519491231002") }
        #expect(throws: IDNumber.Problem.characters) { try IDNumber("1101051949123100AX") }
        #expect(throws: IDNumber.Problem.checkDigit(expected: "X")) { try IDNumber("110105194912310021") }
        #expect(throws: IDNumber.Problem.birthDate) {
            try IDNumber(
                String(IDNumber.make(address: "421081", birth: CivilDate(year: 2015, month: 2, day: 28)!, order: 1).value.prefix(6))
                    + "20150230" + "0012")
        }
        // Every single-digit change of a valid number is caught by the check character.
        let v = Self.girl.value
        for i in 0..<17 {
            var chars = Array(v)
            let d = chars[i].wholeNumberValue!
            chars[i] = Character(String((d + 1) % 10))
            #expect(throws: IDNumber.Problem.self) { try IDNumber(String(chars)) }
        }
    }
}

@Suite struct AgeTests {
    @Test func sixteenOnTheDayAfterTheBirthday() {
        let born = CivilDate(year: 2010, month: 6, day: 15)!
        #expect(Age.isUnder(16, born: born, on: CivilDate(year: 2026, month: 6, day: 14)!))
        #expect(Age.isUnder(16, born: born, on: CivilDate(year: 2026, month: 6, day: 15)!), "on the birthday still under 16")
        #expect(!Age.isUnder(16, born: born, on: CivilDate(year: 2026, month: 6, day: 16)!))
        #expect(Age.years(born: born, on: CivilDate(year: 2026, month: 6, day: 15)!) == 15)
        #expect(Age.years(born: born, on: CivilDate(year: 2026, month: 6, day: 16)!) == 16)
        #expect(Age.dayReaching(16, born: born) == CivilDate(year: 2026, month: 6, day: 16))
        let leap = CivilDate(year: 2012, month: 2, day: 29)!
        #expect(Age.dayReaching(16, born: leap) == CivilDate(year: 2028, month: 3, day: 1))
        #expect(Age.dayReaching(1, born: leap) == CivilDate(year: 2013, month: 3, day: 1))
    }

    @Test func dayArithmetic() {
        let d = CivilDate(year: 2026, month: 11, day: 28)!
        #expect(CivilDate(dayNumber: d.dayNumber) == d)
        #expect(d.adding(days: 3).iso == "2026-12-01")
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CivilDate(year: 2026, month: 2, day: 29) == nil)
    }
}

@Suite struct ClassificationTests {
    static let born = CivilDate(year: 2010, month: 6, day: 15)!
    static let dayBefore16 = CivilDate(year: 2026, month: 6, day: 14)!
    static let on16 = CivilDate(year: 2026, month: 6, day: 15)!
    static let after16 = CivilDate(year: 2026, month: 6, day: 16)!
    static let on18 = CivilDate(year: 2028, month: 6, day: 15)!
    static let after18 = CivilDate(year: 2028, month: 6, day: 16)!

    static func facts(_ f: ParentSituation?, _ m: ParentSituation?, hukou: Hukou = .rural) -> ChildFacts {
        ChildFacts(
            birthDate: born, hukou: hukou, father: f.map { ParentFacts(situation: $0) }, mother: m.map { ParentFacts(situation: $0) })
    }

    static func cats(_ c: ChildFacts, _ d: CivilDate = dayBefore16) -> Set<ChildCategory> {
        Set(ChildClassifier.classify(c, on: d).categories)
    }

    @Test func leftBehindAtTheSixteenBoundary() {
        let c = Self.facts(.workingAway, .workingAway)
        #expect(Self.cats(c, Self.dayBefore16) == [.leftBehind])
        #expect(Self.cats(c, Self.on16) == [.leftBehind])
        #expect(Self.cats(c, Self.after16) == [])
        let r = ChildClassifier.classify(c, on: Self.dayBefore16)
        #expect(r.leftBehind && r.reasons.first?.code == "left_behind.both_away")
        #expect(r.nextAgeChange == Self.after16)
        #expect(ChildClassifier.classify(c, on: Self.after16).nextAgeChange == CivilDate(year: 2028, month: 6, day: 16))
    }

    @Test(arguments: [ParentSituation.deceased, .missing, .seriouslyIll, .severelyDisabled, .imprisoned])
    func oneAwayOtherWithoutCapacity(_ other: ParentSituation) {
        #expect(Self.cats(Self.facts(.workingAway, other)).contains(.leftBehind))
        #expect(Self.cats(Self.facts(other, .workingAway)).contains(.leftBehind))
    }

    @Test func notLeftBehind() {
        #expect(Self.cats(Self.facts(.workingAway, .atHome)) == [])
        #expect(Self.cats(Self.facts(.workingAway, .workingAway, hukou: .urban)) == [])
        #expect(Self.cats(Self.facts(.workingAway, nil)) == [])
        #expect(Self.cats(Self.facts(.atHome, .atHome)) == [])
    }

    @Test func ownRecordOverridesTheLink() {
        var c = Self.facts(.workingAway, .atHome)
        c.mother = ParentFacts(situation: .atHome, vitalStatus: .deceased)
        #expect(Self.cats(c).contains(.leftBehind), "a mother marked deceased is deceased whatever the link says")
        c.mother = ParentFacts(situation: .atHome, health: .hospitalised)
        #expect(Self.cats(c).contains(.leftBehind))
        c.mother = ParentFacts(situation: .atHome, health: .chronicIllness)
        #expect(!Self.cats(c).contains(.leftBehind))
        var d = Self.facts(.deceased, .deceased)
        d.father = ParentFacts(situation: .deceased, vitalStatus: .alive)
        #expect(Self.cats(d).contains(.orphan), "the link's own situation still counts when the person says nothing else")
    }

    @Test func orphanAndDeFactoAtEighteen() {
        let o = Self.facts(.deceased, .deceased)
        #expect(Self.cats(o, Self.after16) == [.orphan])
        #expect(Self.cats(o, Self.on18) == [.orphan])
        #expect(Self.cats(o, Self.after18) == [])
        let d = Self.facts(.imprisoned, .severelyDisabled)
        #expect(Self.cats(d, Self.after16) == [.deFactoUnsupported, .difficultyGuardianship])
        #expect(Self.cats(d, Self.after18) == [])
        #expect(Self.cats(Self.facts(.deceased, .seriouslyIll), Self.after16) == [.deFactoUnsupported, .difficultyGuardianship])
        #expect(Self.cats(Self.facts(.missing, .imprisoned), Self.after16) == [.deFactoUnsupported, .difficultyGuardianship])
        #expect(Self.cats(Self.facts(.deceased, .workingAway), Self.after16) == [])
        #expect(Self.cats(Self.facts(.deceased, .workingAway), Self.dayBefore16) == [.leftBehind])
    }

    @Test func difficulty() {
        var c = Self.facts(.atHome, .atHome)
        c.poverty = .dibao
        c.ownHealth = .mildDisability
        c.improperGuardianship = true
        #expect(Self.cats(c) == [.difficultyPoverty, .difficultyDisability, .difficultyGuardianship])
        c.poverty = .monitored
        #expect(!Self.cats(c).contains(.difficultyPoverty))
        #expect(Self.cats(c, Self.after18) == [])
        let r = ChildClassifier.classify(c, on: Self.dayBefore16)
        #expect(r.reasons.allSatisfy { !$0.message.isEmpty && !$0.code.isEmpty })
    }
}

@Suite struct SyntheticDataTests {
    static let today = CivilDate(year: 2026, month: 11, day: 28)!
    static let villages = ["421081104200", "421081104202", "421081105200"]

    @Test func ageBandsFollowThe2018Figures() {
        let kids = SyntheticRegistry.children(count: 20_000, seed: 7, villages: Self.villages, today: Self.today)
        #expect(kids.count == 20_000)
        var counts = [0, 0, 0]
        for k in kids {
            let id = try! IDNumber(k.idNumber)
            let age = Age.years(born: id.birthDate, on: Self.today)
            #expect(age <= 15)
            counts[age <= 5 ? 0 : (age <= 13 ? 1 : 2)] += 1
        }
        for (i, (_, share)) in SyntheticRegistry.ageBands.enumerated() {
            let actual = Double(counts[i]) / Double(kids.count)
            #expect(abs(actual - share) <= 0.01, "band \(i): \(actual) vs \(share)")
        }
    }

    @Test func deterministicUniqueAndMostlyGrandparents() {
        let a = SyntheticRegistry.children(count: 3000, seed: 42, villages: Self.villages, today: Self.today)
        let b = SyntheticRegistry.children(count: 3000, seed: 42, villages: Self.villages, today: Self.today)
        #expect(a.map(\.idNumber) == b.map(\.idNumber))
        #expect(a.map(\.name) == b.map(\.name))
        let ids = a.flatMap { [$0.idNumber, $0.father.idNumber, $0.mother.idNumber] + ($0.guardian.map { [$0.idNumber] } ?? []) }
        // Siblings share parents, so compare per person: every distinct person has a distinct number.
        var byID: [String: String] = [:]
        for k in a {
            for (id, name) in [(k.idNumber, k.name), (k.father.idNumber, k.father.name), (k.mother.idNumber, k.mother.name)] {
                if let n = byID[id] { #expect(n == name) } else { byID[id] = name }
            }
        }
        #expect(ids.allSatisfy { (try? IDNumber($0)) != nil })
        let guarded = a.compactMap(\.guardian)
        let grand = guarded.filter { [.grandmother, .grandfather, .maternalGrandmother, .maternalGrandfather].contains($0.relation) }
        #expect(Double(grand.count) / Double(guarded.count) > 0.93)
        #expect(a.contains { $0.living == .alone || $0.living == .withSiblingsOnly })
        #expect(guarded.contains { (try! IDNumber($0.idNumber)).birthDate.year <= Self.today.year - 76 && $0.health != .healthy })
        #expect(
            SyntheticRegistry.children(count: 10, seed: 43, villages: Self.villages, today: Self.today).map(\.idNumber)
                != a.prefix(10).map(\.idNumber))
    }

    @Test func womenAreMostlyLeftBehindAndNeverShareAnIDWithTheChildrensFamilies() {
        let w = SyntheticRegistry.women(count: 2000, seed: 42, villages: Self.villages, today: Self.today)
        #expect(
            w.map(\.idNumber) == SyntheticRegistry.women(count: 2000, seed: 42, villages: Self.villages, today: Self.today).map(\.idNumber))
        let ids = w.flatMap { [$0.idNumber, $0.husband.idNumber] }
        #expect(Set(ids).count == ids.count)
        #expect(w.allSatisfy { (try? IDNumber($0.idNumber))?.sex == .female && (try? IDNumber($0.husband.idNumber))?.sex == .male })
        let families = SyntheticRegistry.children(count: 3000, seed: 42, villages: Self.villages, today: Self.today)
        let familyIDs = Set(
            families.flatMap { [$0.idNumber, $0.father.idNumber, $0.mother.idNumber] + ($0.guardian.map { [$0.idNumber] } ?? []) })
        #expect(familyIDs.isDisjoint(with: ids))
        let leftBehind = w.filter {
            WomanClassifier.classify(hukou: .rural, husbandSituation: $0.husband.situation, awaySince: $0.husbandSince, today: Self.today)
                .leftBehind
        }.count
        let share = Double(leftBehind) / Double(w.count)
        #expect(share > 0.7 && share < 0.9, "most, not all, qualify: \(share)")
    }
}

@Suite struct WomanClassificationTests {
    @Test func sixCalendarMonthsAway() {
        let since = CivilDate(year: 2026, month: 3, day: 31)!
        #expect(WomanClassifier.addMonths(since, 6) == CivilDate(year: 2026, month: 9, day: 30))
        let before = WomanClassifier.classify(
            hukou: .rural, husbandSituation: .workingAway, awaySince: since, today: CivilDate(year: 2026, month: 9, day: 29)!)
        #expect(!before.leftBehind && before.qualifiesOn == CivilDate(year: 2026, month: 9, day: 30))
        #expect(
            WomanClassifier.classify(
                hukou: .rural, husbandSituation: .workingAway, awaySince: since, today: CivilDate(year: 2026, month: 9, day: 30)!
            ).leftBehind)
        #expect(
            !WomanClassifier.classify(
                hukou: .urban, husbandSituation: .workingAway, awaySince: since, today: CivilDate(year: 2027, month: 1, day: 1)!
            ).leftBehind)
        #expect(
            !WomanClassifier.classify(
                hukou: .rural, husbandSituation: .atHome, awaySince: since, today: CivilDate(year: 2027, month: 1, day: 1)!
            ).leftBehind)
        #expect(
            WomanClassifier.classify(
                hukou: .rural, husbandSituation: .workingAway, awaySince: since, today: CivilDate(year: 2026, month: 7, day: 1)!, months: 3
            ).leftBehind)
    }
}
