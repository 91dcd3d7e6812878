import Testing
import GuanaiCore

@Suite struct PairLifecycleTests {
    @Test func everyTransitionAndNothingElse() {
        var allowed: [String] = []
        for s in PairStatus.allCases { for a in PairAction.allCases { if let n = PairLifecycle.next(s, a) { allowed.append("\(s.rawValue)-\(a.rawValue)->\(n.rawValue)") } } }
        #expect(Set(allowed) == ["proposed-approve->approved", "approved-start->active", "active-pause->paused", "paused-resume->active",
                                 "proposed-close->closed", "approved-close->closed", "active-close->closed", "paused-close->closed", "closed-reopen->active"])
        #expect(PairStatus.paused.isOpen && !PairStatus.closed.isOpen)
    }
}
