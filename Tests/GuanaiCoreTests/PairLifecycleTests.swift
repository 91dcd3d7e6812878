import Testing
import GuanaiCore

@Suite struct PairLifecycleTests {
    @Test func everyTransitionAndNothingElse() {
        var allowed: [String] = []
        for s in PairStatus.allCases {
            for a in PairAction.allCases {
                if let n = PairLifecycle.next(s, a) { allowed.append("\(s.rawValue)-\(a.rawValue)->\(n.rawValue)") }
            }
        }
        #expect(
            Set(allowed) == [
                "proposed-approve->approved", "approved-start->active", "active-pause->paused", "paused-resume->active",
                "proposed-close->closed", "approved-close->closed", "active-close->closed", "paused-close->closed", "closed-reopen->active",
            ])
        #expect(PairStatus.paused.isOpen && !PairStatus.closed.isOpen)
    }
}

@Suite struct PairingCostTests {
    @Test func distancesSkillsAndFallbacks() {
        let r = PairingCostRules()
        let a = GeoPoint(latitude: 29.70, longitude: 112.40), b = GeoPoint(latitude: 29.71, longitude: 112.40)
        #expect(abs(a.metres(to: b) - 1112) <= 2, "0.01° of latitude")
        let home = PairingCost.Side(unitCode: "421081104200", point: a)
        let near = PairingCost.cost(
            child: home, needs: [.study], volunteer: .init(unitCode: "421081104202", point: b), skills: [.tutoring], rules: r)
        #expect(
            near?.cost == 112 && near?.reasons.map(\.code) == ["pairing.reason.distance", "pairing.reason.skill"],
            "1,112 m less one met need")
        let noGPS = PairingCost.Side(unitCode: "421081104200", point: nil)
        #expect(
            PairingCost.cost(child: noGPS, needs: [], volunteer: .init(unitCode: "421081104200", point: nil), skills: [], rules: r)?.cost
                == r.sameVillageMetres)
        #expect(
            PairingCost.cost(child: noGPS, needs: [], volunteer: .init(unitCode: "421081104202", point: nil), skills: [], rules: r)?.cost
                == r.sameTownshipMetres)
        #expect(
            PairingCost.cost(child: noGPS, needs: [], volunteer: .init(unitCode: "421081105200", point: nil), skills: [], rules: r)?.cost
                == r.elsewhereMetres)
        let far = GeoPoint(latitude: 30.2, longitude: 112.4)
        #expect(
            PairingCost.cost(child: home, needs: [], volunteer: .init(unitCode: "421081105200", point: far), skills: [], rules: r) == nil,
            "beyond 30 km")
        // Each tier's penalty is more than the next tier's plus any suggested pair's cost.
        let tiers: [RiskTier] = [.critical, .high, .medium, .normal]
        for (hi, lo) in zip(tiers, tiers.dropFirst()) { #expect(r.penalty[hi]! > r.penalty[lo]! + r.maxMetres) }
    }
}
