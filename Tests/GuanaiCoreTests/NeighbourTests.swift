import Foundation
import Testing
import GuanaiCore

@Suite struct NeighbourGroupFormTests {
    let today = CivilDate(iso: "2026-12-02")!
    func facts(inOther: Set<String> = [], leader: String? = "h1") -> NeighbourGroupForm.Facts {
        .init(
            villageActive: true, householdVillage: ["h1": "V", "h2": "V", "h3": "V", "h4": "V", "x1": "W"], inOtherGroup: inOther,
            leaderHousehold: leader)
    }
    func input(_ ids: [String], consent: String? = "2026-11-01") -> NeighbourGroupInput {
        .init(villageCode: "V", name: "一组互助组", leaderPersonId: "p1", members: ids.map { .init(householdId: $0, consentedOn: consent) })
    }

    @Test func aGoodGroup() {
        var c = FormChecker()
        let g = NeighbourGroupForm.check(input(["h1", "h2", "h3"]), facts: facts(), today: today, &c)
        #expect(c.errors == [] && g?.members.map(\.householdId) == ["h1", "h2", "h3"])
    }

    @Test func sizeConsentAndOneActiveGroup() {
        var small = FormChecker()
        _ = NeighbourGroupForm.check(input(["h1", "h2"]), facts: facts(), today: today, &small)
        #expect(small.errors == [FieldError(field: "members", key: "neighbours.error.size", args: ["3", "10"])])
        var limits = FormChecker()
        _ = NeighbourGroupForm.check(
            input(["h1", "h2"]), facts: facts(), limits: .init(minHouseholds: 2, maxHouseholds: 4), today: today, &limits)
        #expect(limits.errors == [], "configurable")
        var taken = FormChecker()
        _ = NeighbourGroupForm.check(input(["h1", "h2", "h3"]), facts: facts(inOther: ["h2"]), today: today, &taken)
        #expect(taken.errors == [FieldError(field: "members", key: "neighbours.error.inOtherGroup", args: ["h2"])])
        var noConsent = FormChecker()
        _ = NeighbourGroupForm.check(input(["h1", "h2", "h3"], consent: nil), facts: facts(), today: today, &noConsent)
        #expect(noConsent.errors.map(\.field) == ["members[0].consentedOn", "members[1].consentedOn", "members[2].consentedOn"])
        var other = FormChecker()
        _ = NeighbourGroupForm.check(input(["h1", "h2", "x1", "h1", "h9"]), facts: facts(leader: "h4"), today: today, &other)
        #expect(
            other.errors.map(\.field) == ["members[2].householdId", "members", "members[4].householdId", "leaderPersonId"],
            "another village's, a repeat, an unknown one, a leader outside")
    }
}

@Suite struct NeighbourGroupingTests {
    let start = GeoPoint(latitude: 29.72, longitude: 112.40)

    func line(_ n: Int, leftBehind: Set<Int>, spacing: Double = 50, from p: GeoPoint? = nil, prefix: String = "h") -> [GroupingHousehold] {
        (0..<n).map { i in
            GroupingHousehold(
                id: prefix + CivilDate.digits(i, 2), point: offset(p ?? start, metres: Double(i) * spacing, degrees: 90), villageGroup: nil,
                address: nil, leftBehind: leftBehind.contains(i))
        }
    }

    func check(_ s: GroupingSuggestion, _ hs: [GroupingHousehold], limits: NeighbourGroupLimits = .init()) {
        let lb = Set(hs.filter(\.leftBehind).map(\.id))
        var seen: Set<String> = []
        for g in s.groups {
            #expect((limits.minHouseholds...limits.maxHouseholds).contains(g.householdIds.count))
            #expect(g.householdIds.contains { lb.contains($0) })
            #expect(g.householdIds.contains(g.leaderHouseholdId))
            for h in g.householdIds { #expect(seen.insert(h).inserted) }
        }
        for h in s.ungrouped { #expect(seen.insert(h).inserted) }
        #expect(seen == Set(hs.map(\.id)))
    }

    @Test func aLineOfTwelveWithTwoLeftBehindEnds() {
        let hs = line(12, leftBehind: [0, 11])
        let s = NeighbourGrouping.suggest(hs)
        check(s, hs)
        #expect(s.groups.count == 2 && s.ungrouped.isEmpty)
        #expect(!["h00", "h11"].contains(s.groups[0].leaderHouseholdId), "someone at home leads")
        #expect(s.groups[0].reasons.first?.code == "neighbours.reason.distance")
    }

    @Test func tooFewOrNoLeftBehind() {
        #expect(NeighbourGrouping.suggest(line(2, leftBehind: [0])).groups.isEmpty)
        let none = NeighbourGrouping.suggest(line(8, leftBehind: []))
        #expect(none.groups.isEmpty && none.ungrouped.count == 8)
    }

    @Test func farHamletsAreNotMixed() {
        let a = line(4, leftBehind: [1], prefix: "a"),
            b = line(4, leftBehind: [2], from: offset(start, metres: 3_000, degrees: 0), prefix: "b")
        let s = NeighbourGrouping.suggest(a + b)
        check(s, a + b)
        #expect(s.groups.map(\.householdIds) == [["a00", "a01", "a02", "a03"], ["b00", "b01", "b02", "b03"]])
    }

    @Test func withoutPointsByVillageGroupThenAddress() {
        let hs = (0..<7).map { i in
            GroupingHousehold(
                id: "n\(i)", point: nil, villageGroup: i < 4 ? "一组" : "二组", address: "\(10 - i)号", leftBehind: i == 0 || i == 5)
        }
        let s = NeighbourGrouping.suggest(hs)
        check(s, hs)
        #expect(
            s.groups.count == 2 && s.groups[0].reasons.first?.code == "neighbours.reason.villageGroup"
                && s.groups[0].reasons.first?.arg == "一组")
        #expect(s.groups[1].householdIds == ["n4", "n5", "n6"])
    }

    @Test func deterministicWhateverTheOrder() {
        var rng = SplitMix64(seed: 3)
        let hs = (0..<60).map { i in
            GroupingHousehold(
                id: "r\(i)",
                point: Int.random(in: 0..<5, using: &rng) == 0
                    ? nil
                    : offset(start, metres: Double.random(in: 0...1_500, using: &rng), degrees: Double.random(in: 0..<360, using: &rng)),
                villageGroup: "\(i % 3)", address: nil, leftBehind: Int.random(in: 0..<4, using: &rng) == 0)
        }
        let a = NeighbourGrouping.suggest(hs), b = NeighbourGrouping.suggest(hs.shuffled(using: &rng))
        #expect(a == b)
        check(a, hs)
    }

    @Test func theCutIsTheBestOnEveryShortChain() {
        var rng = SplitMix64(seed: 11)
        let limits = NeighbourGroupLimits(minHouseholds: 3, maxHouseholds: 5)
        for _ in 0..<300 {
            let n = Int.random(in: 0...13, using: &rng)
            let flags = (0..<n).map { _ in Int.random(in: 0..<3, using: &rng) == 0 }
            let hs = flags.enumerated().map {
                GroupingHousehold(
                    id: "h" + CivilDate.digits($0.offset, 2), point: offset(start, metres: Double($0.offset) * 30, degrees: 90),
                    villageGroup: nil,
                    address: nil, leftBehind: $0.element)
            }
            // Every way to cut the line into groups of 3–5, each with a left-behind household.
            func best(_ i: Int) -> (Int, Int) {
                if i >= n { return (0, 0) }
                var b = best(i + 1)
                for len in 3...5 where i + len <= n {
                    let lb = flags[i..<(i + len)].filter { $0 }.count
                    if lb > 0 {
                        let r = best(i + len)
                        if (r.0 + lb, r.1 + len) > b { b = (r.0 + lb, r.1 + len) }
                    }
                }
                return b
            }
            let s = NeighbourGrouping.suggest(hs, limits: limits)
            check(s, hs, limits: limits)
            let lbGrouped = s.groups.flatMap(\.householdIds).filter { id in hs.first { $0.id == id }!.leftBehind }.count
            let b = best(0)
            #expect(lbGrouped == b.0 && s.groups.flatMap(\.householdIds).count == b.1)
        }
    }
}
