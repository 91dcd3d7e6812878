import Testing
import GuanaiCore

private func day(_ s: String) -> CivilDate { CivilDate(iso: s)! }
private func y(_ s: String) -> Yuan { Yuan(s)! }

@Suite struct YuanTests {
    @Test func parsesDecimalTextExactly() {
        #expect(Yuan("200000.00")?.fen == 20_000_000)
        #expect(Yuan("0.1")?.fen == 10)
        #expect(Yuan("0.10")?.fen == 10)
        #expect(Yuan(" 12 ")?.fen == 1200)
        #expect(Yuan("0")?.fen == 0)
        #expect(Yuan("10000000000")?.fen == 1_000_000_000_000, "ten billion yuan is the most")
        #expect(Yuan("10000000000.00") == Yuan.max)
    }

    @Test func refusesWhatIsNoAmount() {
        for bad in ["", "-1", "+1", "1.234", "1.", ".5", "1e5", "1,000", "１２", "10000000000.01", "99999999999999", "NaN", "1.2.3", "0x10"] {
            #expect(Yuan(bad) == nil, "\(bad)")
        }
    }

    @Test func printsTwoDecimalsAndSumsWithoutDrift() {
        #expect(Yuan(fen: 5).description == "0.05")
        #expect(Yuan(fen: 20_000_000).description == "200000.00")
        #expect(y("0.1").decimal + y("0.2").decimal == y("0.3").decimal)
        // Ten thousand dimes are exactly one thousand yuan (a Double sum of 0.1 drifts).
        #expect(Yuan.sum(Array(repeating: y("0.10"), count: 10_000)) == y("1000"))
        #expect(Yuan.sum([Yuan.max, Yuan.max]).description == "20000000000.00", "a sum may pass the single-amount limit")
    }
}

@Suite struct DonationFormTests {
    let today = day("2026-11-20")
    let county = UnitFacts(level: .county, isActive: true)

    @Test func tokensAreTheIssues() {
        #expect(DonorKind.allCases.map(\.rawValue) == ["enterprise", "association", "individual", "government"])
        #expect(DonationType.allCases.map(\.rawValue) == ["money", "goods"])
        #expect(AllocationTarget.allCases.map(\.rawValue) == ["station", "event", "child"])
    }

    @Test func donorNeedsNameKindAndAnActiveUnit() {
        var c = FormChecker()
        let bad = DonationForm.checkDonor(
            DonorInput(name: " ", kind: "alien", phone: "12ab", unitCode: "421081104201"),
            unit: UnitFacts(level: .village, isActive: false),
            &c)
        #expect(bad == nil)
        #expect(Set(c.errors.map(\.field)) == ["name", "kind", "phone", "unitCode"])
        var ok = FormChecker()
        let d = DonationForm.checkDonor(
            DonorInput(name: "某某实业有限公司", kind: "enterprise", phone: "0716-5212345", unitCode: "421081000000"), unit: county, &ok)
        #expect(d?.publicName == false, "not named unless she consents")
        #expect(d?.phone == "0716-5212345")
    }

    @Test func moneyNeedsAPositiveAmountGoodsADescriptionAndAValue() {
        var c = FormChecker()
        let zero = DonationForm.checkDonation(
            DonationInput(donorId: "d", type: "money", amount: "0", value: "5", receivedOn: "2026-11-21", unitCode: "421081000000"),
            donorFound: true, unit: county, today: today, &c)
        #expect(zero == nil)
        #expect(c.errors.map(\.key) == ["donation.error.positive", "donation.error.moneyValue", "pairing.error.future"])
        var g = FormChecker()
        _ = DonationForm.checkDonation(
            DonationInput(donorId: "d", type: "goods", amount: "3", value: "-1", receivedOn: "2026-11-01", unitCode: "421081000000"),
            donorFound: false, unit: county, today: today, &g)
        #expect(Set(g.errors.map(\.field)) == ["donorId", "description", "value", "amount"])
        var ok = FormChecker()
        let goods = DonationForm.checkDonation(
            DonationInput(
                donorId: "d", type: "goods", description: "书包 200 个", value: "0", receivedOn: "2026-11-01", unitCode: "421081000000"),
            donorFound: true, unit: county, today: today, &ok)
        #expect(goods?.worth == .zero && ok.errors.isEmpty, "goods may be valued at nothing")
    }

    @Test func allocationsNeverAddUpToMoreThanTheDonation() {
        let worth = y("1000.00")
        func check(_ amount: String, after: [String], to: String = "station", found: Bool = true, on: String = "2026-11-10") -> [String] {
            var c = FormChecker()
            _ = DonationForm.checkAllocation(
                AllocationInput(to: to, targetId: "s", amount: amount, on: on), worth: worth, allocated: after.map(y),
                receivedOn: day("2026-11-01"), targetFound: found, today: today, &c)
            return c.errors.map(\.field)
        }
        #expect(check("600", after: []) == [])
        #expect(check("400.00", after: ["600"]) == [], "exactly the rest")
        #expect(check("400.01", after: ["600"]) == ["amount"], "one fen over")
        #expect(check("0.01", after: ["333.33", "333.33", "333.34"]) == ["amount"])
        #expect(check("0.01", after: ["333.33", "333.33", "333.33"]) == [])
        #expect(check("0", after: []) == ["amount"])
        #expect(check("1", after: [], found: false) == ["targetId"])
        #expect(check("1", after: [], to: "child", found: false) == ["targetId"])
        #expect(check("1", after: [], to: "event") == [], "events are built")
        #expect(check("1", after: [], to: "event", found: false) == ["targetId"])
        #expect(check("1", after: [], to: "party") == ["to"])
        #expect(check("1", after: [], on: "2026-10-31") == ["on"], "before the donation came in")
        #expect(check("1", after: [], on: "2026-11-21") == ["on"])
        var c = FormChecker()
        _ = DonationForm.checkAllocation(
            AllocationInput(to: "station", targetId: "s", amount: "2", on: "2026-11-10"), worth: worth, allocated: [y("999")],
            receivedOn: day("2026-11-01"), targetFound: true, today: today, &c)
        #expect(c.errors.first?.args == ["1.00"], "the message says what remains")
    }
}

@Suite struct DonationSummaryTests {
    @Test func totalsByKindAndUseAndNamesOnlyThoseWhoConsented() {
        let s = DonationSummary([
            .init(
                donorKind: .enterprise, publicName: "甲公司", type: .money, worth: y("200000.00"),
                allocations: [(.station, y("120000.00")), (.child, y("0.10"))]),
            .init(donorKind: .individual, publicName: nil, type: .money, worth: y("500.50"), allocations: [(.station, y("500.50"))]),
            .init(donorKind: .individual, publicName: nil, type: .goods, worth: y("0.20"), allocations: []),
            .init(donorKind: .enterprise, publicName: "甲公司", type: .goods, worth: y("3000"), allocations: [(.child, y("0.20"))]),
            .init(donorKind: .association, publicName: "乙协会", type: .money, worth: y("203000.00"), allocations: []),
        ])
        #expect(s.total == y("406500.70"))
        #expect(s.money == y("403500.50") && s.goods == y("3000.20") && s.donations == 5)
        #expect(s.byDonorKind.map(\.kind) == DonorKind.allCases)
        #expect(s.byDonorKind.map(\.total) == [y("203000.00"), y("203000.00"), y("500.70"), .zero])
        #expect(s.byUse.map(\.total) == [y("120500.50"), .zero, y("0.30")])
        #expect(s.unallocated == y("285999.90"))
        #expect(Yuan.sum(s.byUse.map(\.total)) + s.unallocated == s.total, "every fen is somewhere")
        #expect(Yuan.sum(s.byDonorKind.map(\.total)) == s.total)
        // Equal totals by name; the anonymous donors together, last.
        #expect(s.donors.map(\.name) == ["乙协会", "甲公司", nil])
        #expect(s.donors.map(\.donations) == [1, 2, 2])
        #expect(s.donors.last?.total == y("500.70"))
    }

    @Test func noDonationsNoLines() {
        let s = DonationSummary([])
        #expect(s.total == .zero && s.unallocated == .zero && s.donors.isEmpty && s.byUse.count == 3)
    }
}

@Suite struct ChildrenEventFormTests {
    @Test func anEventNeedsAKindADayAUnitATitleAndChildrenTheCallerReads() {
        var c = FormChecker()
        let bad = ChildrenEventForm.check(
            ChildrenEventInput(kind: "party", date: "2026-02-30", unitCode: "421081104200", title: " ", participants: ["a", "x"]),
            unit: UnitFacts(level: .village, isActive: true), known: ["a"], &c)
        #expect(bad == nil)
        #expect(c.errors.map(\.field) == ["kind", "date", "title", "participants[1]"])
        var ok = FormChecker()
        let e = ChildrenEventForm.check(
            ChildrenEventInput(
                kind: "holiday_camp", date: "2027-07-10", unitCode: "421081104000", title: "夏令营", participants: ["a", " a", "b"]),
            unit: UnitFacts(level: .township, isActive: true), known: ["a", "b"], &ok)
        #expect(e?.participants == ["a", "b"], "each child once, in the order given")
        #expect(e?.date.iso == "2027-07-10", "an event may be planned ahead")
    }
}

@Suite struct ChangesTests {
    @Test func pagesGroupThousandsAndTheAPIDoesNot() {
        #expect(Yuan(fen: 5).grouped == "0.05")
        #expect(y("999").grouped == "999.00")
        #expect(y("1000").grouped == "1,000.00")
        #expect(y("123456.7").grouped == "123,456.70")
        #expect(y("200000.00").grouped == "200,000.00")
        #expect(Yuan.max.grouped == "10,000,000,000.00")
        #expect(y("1000").description == "1000.00", "the API's text keeps no separator")
        #expect(Yuan(y("1234567.89").grouped) == nil, "a grouped amount is no input: pages never put it in a field")
    }

    @Test func anAllocationChangedIsCheckedAgainstWhatTheOthersLeave() {
        let today = day("2026-11-20")
        let current = AllocationInput(to: "station", targetId: "s", amount: "300.00", on: "2026-11-05", note: "书包")
        func change(_ patch: AllocationInput, others: [String], found: Bool = true) -> (CheckedAllocation?, [String]) {
            var c = FormChecker()
            let a = DonationForm.checkAllocationChange(
                patch, current: current, worth: y("1000.00"), others: others.map(y), receivedOn: day("2026-11-01"), targetFound: found,
                today: today, &c)
            return (a, c.errors.map(\.field))
        }
        #expect(change(AllocationInput(amount: "400.00"), others: ["600"]).1 == [], "up to exactly the rest")
        #expect(change(AllocationInput(amount: "400.01"), others: ["600"]).1 == ["amount"], "one fen over")
        #expect(change(AllocationInput(note: "文具"), others: ["800"]).1 == ["amount"], "a stored amount now over the rest is refused too")
        let kept = change(AllocationInput(note: "文具"), others: ["600"]).0
        #expect(kept?.amount == y("300") && kept?.on.iso == "2026-11-05" && kept?.note == "文具", "absent keys keep their value")
        #expect(change(AllocationInput(amount: "0"), others: []).1 == ["amount"])
        #expect(change(AllocationInput(on: "2026-11-21"), others: []).1 == ["on"], "not in the future")
        #expect(change(AllocationInput(on: "2026-10-31"), others: []).1 == ["on"], "not before the donation came in")
        #expect(change(AllocationInput(to: "child", targetId: "x"), others: [], found: false).1 == ["targetId"])
    }

    @Test func anEventHeldCannotMoveIntoTheFutureAndACancelledOneNotAtAll() {
        let today = day("2026-08-10")
        let held = ChildrenEventInput(kind: "holiday_camp", date: "2026-07-20", unitCode: "421081104000", title: "夏令营", participants: ["a"])
        let planned = ChildrenEventInput(kind: "holiday_camp", date: "2026-09-01", unitCode: "421081104000", title: "秋季营", participants: [])
        let unit = UnitFacts(level: .township, isActive: true)
        func change(_ patch: ChildrenEventInput, _ current: ChildrenEventInput) -> (CheckedChildrenEvent?, [String]) {
            var c = FormChecker()
            let e = ChildrenEventForm.checkChange(patch, current: current, unit: unit, known: ["a", "b"], today: today, &c)
            return (e, c.errors.map(\.field))
        }
        #expect(change(ChildrenEventInput(date: "2026-08-11"), held).1 == ["date"], "held, then planned: refused")
        #expect(change(ChildrenEventInput(date: "2026-08-10"), held).1 == [], "today is no future")
        #expect(change(ChildrenEventInput(date: "2026-07-19"), held).1 == [], "a held event's day may be corrected in the past")
        #expect(change(ChildrenEventInput(date: "2026-09-20"), planned).1 == [], "a plan may move")
        #expect(change(ChildrenEventInput(date: "2026-08-01"), planned).1 == [], "or be recorded as held")
        let e = change(ChildrenEventInput(title: "夏令营（二期）", participants: ["b", "a"]), held).0
        #expect(e?.title == "夏令营（二期）" && e?.participants == ["b", "a"] && e?.date.iso == "2026-07-20", "the rest is kept")
        #expect(change(ChildrenEventInput(title: " ", participants: ["z"]), held).1 == ["title", "participants[0]"], "every bad field")
        #expect(ChildrenEventForm.refusal(.cancelled) == "event.error.cancelled")
        #expect(ChildrenEventForm.refusal(.active) == nil)
        var c = FormChecker()
        #expect(ChildrenEventForm.checkCancel(reason: "  ", &c) == nil && c.errors.map(\.field) == ["reason"])
        var ok = FormChecker()
        #expect(ChildrenEventForm.checkCancel(reason: "暴雨", &ok) == "暴雨")
    }
}
