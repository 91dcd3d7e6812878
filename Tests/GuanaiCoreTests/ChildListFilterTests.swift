import Testing
@testable import GuanaiCore

/// What a list filter selects, without a database: statuses, bits, and the 周岁 arithmetic of the age bands.
@Suite struct ChildListFilterTests {
    let today = CivilDate(year: 2026, month: 10, day: 15)!

    @Test func statusesCategoriesAndNeeds() {
        #expect(ChildFilter().statuses == [.active] && ChildFilter(exited: "1").statuses == [.exited])
        #expect(ChildFilter(exited: "all").statuses == [.active, .exited])
        #expect(ChildFilter(category: "difficulty").categoryBits == ChildCategory.difficultyBits)
        #expect(ChildFilter(category: "orphan").categoryBits == ChildCategory.orphan.bit && ChildFilter(category: "x").categoryBits == nil)
        #expect(ChildFilter(need: "study").needBits == ChildNeed.study.bit && ChildFilter(tier: "critical").riskTier == .critical)
        #expect(ChildFilter(guardianHealth: "poor").guardianHealths.count == 4)
        #expect(ChildFilter(guardianHealth: "hospitalised").guardianHealths == [.hospitalised])
        #expect(ChildFilter().isEmpty && !ChildFilter(sort: .oldest).isEmpty)
    }

    @Test func anAgeBandIsBirthDatesByCompletedYears() throws {
        // 6–13 周岁 on 2026-10-15: born after 2012-10-15 (14 the day after), on or before 2020-10-15 (not yet 6 on it).
        let b = try #require(ChildFilter(ageBand: "6-13").birthBounds(today: today))
        #expect(b == BirthBounds(atLeast: "2012-10-15", below: "2020-10-15", atMost: nil, known: true))
        let young = try #require(ChildFilter(ageBand: "0-5").birthBounds(today: today))
        #expect(young.atLeast == "2020-10-15" && young.below == nil && young.atMost == "2026-10-15", "no one born in the future")
        #expect(ChildFilter(ageBand: "7-9").birthBounds(today: today) == nil)
        let leap = CivilDate(year: 2028, month: 2, day: 29)!
        #expect(ChildFilter.yearsBefore(leap, 1).iso == "2027-02-28")
    }

    @Test func aGuardiansAgeBand() throws {
        #expect(
            try #require(ChildFilter(guardianAge: "70+").guardianBirthBounds(today: today))
                == BirthBounds(atLeast: nil, below: "1956-10-15", atMost: nil, known: false))
        #expect(
            try #require(ChildFilter(guardianAge: "under60").guardianBirthBounds(today: today))
                == BirthBounds(atLeast: "1966-10-15", below: nil, atMost: nil, known: true), "a birth date must be known")
        let none = ChildFilter(guardianAge: "none")
        #expect(none.withoutGuardian && none.guardianBirthBounds(today: today) == nil)
    }
}
