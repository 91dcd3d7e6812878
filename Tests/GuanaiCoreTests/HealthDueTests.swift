import Testing

@testable import GuanaiCore

/// Who is eligible and when each screen falls due (issue 20, item 1): the days around the 35th and 65th birthdays and
/// each interval's boundary, exactly.
@Suite struct HealthDueTests {
    let s = HealthSettings()
    let woman = HealthPersonFacts(sex: .female, vitalStatus: .alive, hukou: .rural, birthDate: CivilDate(iso: "1990-06-15")!)

    func d(_ s: String) -> CivilDate { CivilDate(iso: s)! }
    func id(_ n: Int) -> PersonID { PersonID("00000000-0000-0000-0000-00000000000\(n)")! }

    @Test func sheIsEligibleFromTheDayAfterHer35thBirthdayToHer65thBirthday() {
        #expect(!HealthDueRules.isEligible(woman, on: d("2025-06-14"), s))
        // On her 35th birthday she is still 34 周岁.
        #expect(!HealthDueRules.isEligible(woman, on: d("2025-06-15"), s))
        #expect(HealthDueRules.isEligible(woman, on: d("2025-06-16"), s))
        #expect(HealthDueRules.eligibleFrom(woman, s) == d("2025-06-16"))
        #expect(HealthDueRules.isEligible(woman, on: d("2055-06-14"), s))
        // On her 65th birthday she is still 64; the day after she is 65.
        #expect(HealthDueRules.isEligible(woman, on: d("2055-06-15"), s))
        #expect(!HealthDueRules.isEligible(woman, on: d("2055-06-16"), s))
        #expect(HealthDueRules.eligibleUntil(woman, s) == d("2055-06-15"))
    }

    @Test func aLeapDayBirthTurnsOnTheFirstOfMarch() {
        let leap = HealthPersonFacts(sex: .female, vitalStatus: .alive, hukou: .rural, birthDate: d("1988-02-29"))
        #expect(!HealthDueRules.isEligible(leap, on: d("2023-02-28"), s))
        #expect(HealthDueRules.isEligible(leap, on: d("2023-03-01"), s))
    }

    @Test func onlyLivingRuralWomenAreEligible() {
        let day = d("2027-03-10")
        #expect(HealthDueRules.isEligible(woman, on: day, s))
        var other = woman
        other.sex = .male
        #expect(!HealthDueRules.isEligible(other, on: day, s))
        other = woman
        other.vitalStatus = .deceased
        #expect(!HealthDueRules.isEligible(other, on: day, s))
        other.vitalStatus = .missing
        #expect(!HealthDueRules.isEligible(other, on: day, s))
        other = woman
        other.hukou = .urban
        #expect(!HealthDueRules.isEligible(other, on: day, s))
        #expect(HealthDueRules.dueSince(.cervical, other, .init(), on: day, s) == nil)
    }

    @Test func neverScreenedSheIsDueSinceSheBecameEligible() {
        for p in HealthProgramme.allCases {
            #expect(HealthDueRules.dueSince(p, woman, .init(), on: d("2025-06-15"), s) == nil)
            #expect(HealthDueRules.dueSince(p, woman, .init(), on: d("2025-06-16"), s) == d("2025-06-16"))
            #expect(HealthDueRules.dueSince(p, woman, .init(), on: d("2030-01-01"), s) == d("2025-06-16"))
        }
        // Screened at 33: due again when the interval runs out, or when she turns 35 if that is later.
        let early = HealthScreeningHistory(lastCytology: d("2023-07-01"))
        #expect(HealthDueRules.dueSince(.cervical, woman, early, on: d("2026-06-30"), s) == nil)
        #expect(HealthDueRules.dueSince(.cervical, woman, early, on: d("2026-07-01"), s) == d("2026-07-01"))
        let breast = HealthScreeningHistory(lastBreast: d("2023-01-01"))
        #expect(HealthDueRules.dueSince(.breast, woman, breast, on: d("2026-01-01"), s) == d("2025-06-16"))
    }

    @Test func aCytologyCountsThreeYears() {
        let h = HealthScreeningHistory(lastCytology: d("2026-03-10"))
        #expect(HealthDueRules.dueSince(.cervical, woman, h, on: d("2029-03-09"), s) == nil)
        #expect(HealthDueRules.dueSince(.cervical, woman, h, on: d("2029-03-10"), s) == d("2029-03-10"))
        #expect(HealthDueRules.isCovered(.cervical, woman, h, on: d("2029-03-09"), s))
        #expect(!HealthDueRules.isCovered(.cervical, woman, h, on: d("2029-03-10"), s))
    }

    @Test func anHPVTestCountsFiveYears() {
        let h = HealthScreeningHistory(lastHPV: d("2026-03-10"))
        #expect(HealthDueRules.dueSince(.cervical, woman, h, on: d("2031-03-09"), s) == nil)
        #expect(HealthDueRules.dueSince(.cervical, woman, h, on: d("2031-03-10"), s) == d("2031-03-10"))
    }

    @Test func aCoTestCountsForBothAndBothMustHaveRunOut() throws {
        let site = "镇卫生院"
        let person = try #require(PersonID("6F9619FF-8B86-D011-B42D-00C04FC964FF"))
        let cotest = CheckedHealthScreening(
            personId: person, date: d("2026-03-10"), site: site, gynaecExam: .normal, method: .cotest, cytology: .nilm, hpv: .negative)
        let h = HealthScreeningHistory().adding(cotest)
        #expect(h.lastCytology == d("2026-03-10") && h.lastHPV == d("2026-03-10") && h.lastBreast == nil)
        // The cytology ran out after three years, the HPV test has not: not due until five.
        #expect(HealthDueRules.dueSince(.cervical, woman, h, on: d("2029-03-10"), s) == nil)
        #expect(HealthDueRules.dueSince(.cervical, woman, h, on: d("2031-03-09"), s) == nil)
        #expect(HealthDueRules.dueSince(.cervical, woman, h, on: d("2031-03-10"), s) == d("2031-03-10"))
        // A later cytology alone after an old HPV test: the later bound holds.
        let mixed = HealthScreeningHistory(lastCytology: d("2030-01-01"), lastHPV: d("2024-01-01"))
        #expect(HealthDueRules.dueOn(.cervical, woman, mixed, s) == d("2033-01-01"))
        #expect(mixed.last(.cervical) == d("2030-01-01"))
        // An older screen does not move the day back.
        let older = CheckedHealthScreening(
            personId: person, date: d("2025-01-01"), site: site, gynaecExam: .normal, method: .hpv, cytology: nil, hpv: .negative)
        #expect(h.adding(older) == h)
    }

    @Test func aBreastScreenCountsTwoYears() {
        let h = HealthScreeningHistory(lastBreast: d("2026-05-01"))
        #expect(HealthDueRules.dueSince(.breast, woman, h, on: d("2028-04-30"), s) == nil)
        #expect(HealthDueRules.dueSince(.breast, woman, h, on: d("2028-05-01"), s) == d("2028-05-01"))
        // The cervical programme knows nothing of it.
        #expect(HealthDueRules.dueSince(.cervical, woman, h, on: d("2026-06-01"), s) == d("2025-06-16"))
    }

    @Test func theSettingsMoveTheBoundaries() {
        var t = s
        t.ageFrom = 40
        t.cytologyIntervalYears = 1
        #expect(HealthDueRules.eligibleFrom(woman, t) == d("2030-06-16"))
        let h = HealthScreeningHistory(lastCytology: d("2031-01-01"))
        #expect(HealthDueRules.dueSince(.cervical, woman, h, on: d("2032-01-01"), t) == d("2032-01-01"))
    }

    @Test func thePoorComeFirstThenTheLongestDue() {
        let rows = [
            HealthDueRow(personId: id(1), dueSince: d("2020-01-01"), poverty: .none),
            HealthDueRow(personId: id(2), dueSince: d("2026-01-01"), poverty: .dibao),
            HealthDueRow(personId: id(3), dueSince: d("2024-01-01"), poverty: .tekun),
            HealthDueRow(personId: id(4), dueSince: d("2019-01-01"), poverty: .monitored),
            HealthDueRow(personId: id(5), dueSince: d("2024-01-01"), poverty: .dibao),
        ]
        #expect(HealthDueList.sorted(rows).map(\.personId) == [id(3), id(5), id(2), id(4), id(1)])
    }
}
