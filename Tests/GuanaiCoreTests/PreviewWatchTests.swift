import Testing
import Foundation
@testable import GuanaiCore

/// Issue 15: a preview whose page is left stops; what the page says at each stage.
@Suite struct PreviewWatchTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aRunningPreviewIsWaitedForWhateverItWasStartedFor() {
        #expect(PreviewWatch.page(stage: .running, current: true, leaseLive: true) == .inProgress)
        // The mapping changed while it ran: wait for it (the account runs one import at a time), then start anew.
        #expect(PreviewWatch.page(stage: .running, current: false, leaseLive: true) == .inProgress)
        #expect(PreviewWatch.page(stage: .done, current: false, leaseLive: false) == .start)
    }

    @Test func aRunWhoseLeaseLapsedIsStartedAgain() {
        // The process running it died: nothing holds it, so the next open runs it again.
        #expect(PreviewWatch.page(stage: .running, current: true, leaseLive: false) == .start)
        #expect(PreviewWatch.page(stage: nil, current: false, leaseLive: false) == .start)
        #expect(PreviewWatch.page(stage: nil, current: true, leaseLive: true) == .start, "a lease held by another import")
    }

    @Test func whatIsKeptIsShownForTheSameSetUpOnly() {
        #expect(PreviewWatch.page(stage: .done, current: true, leaseLive: false) == .finished)
        #expect(PreviewWatch.page(stage: .failed, current: true, leaseLive: false) == .failed)
        #expect(PreviewWatch.page(stage: .stopped, current: true, leaseLive: false) == .stopped)
        #expect(PreviewWatch.page(stage: .failed, current: false, leaseLive: false) == .start)
        #expect(PreviewWatch.page(stage: .stopped, current: false, leaseLive: false) == .start, "another sheet: just run it")
    }

    @Test func theRunStopsOnlyOnceEveryHeartbeatHasPassed() {
        let hb = PreviewWatch.extended(from: t0)
        #expect(hb == t0.addingTimeInterval(20))
        #expect(!PreviewWatch.watcherGone(watchedUntil: [hb], now: t0.addingTimeInterval(19)))
        #expect(!PreviewWatch.watcherGone(watchedUntil: [hb], now: hb), "the last second still counts")
        #expect(PreviewWatch.watcherGone(watchedUntil: [hb], now: hb.addingTimeInterval(0.001)))
        // The database's heartbeat lapsed, but this instance saw a later poll (or the other way round).
        #expect(!PreviewWatch.watcherGone(watchedUntil: [hb, hb.addingTimeInterval(30)], now: t0.addingTimeInterval(40)))
        #expect(!PreviewWatch.watcherGone(watchedUntil: [nil, hb], now: t0))
        #expect(PreviewWatch.watcherGone(watchedUntil: [nil, nil], now: t0), "never watched")
        #expect(PreviewWatch.watcherGone(watchedUntil: [], now: t0))
        // A poll that is still being answered (waiting for the database) keeps the run.
        #expect(!PreviewWatch.watcherGone(watchedUntil: [hb], now: hb.addingTimeInterval(60), pollsInFlight: 1))
        #expect(PreviewWatch.watcherGone(watchedUntil: [hb], now: hb.addingTimeInterval(60), pollsInFlight: 0))
    }

    @Test func storedTextIsBounded() {
        #expect(PreviewWatch.bounded("桃花山镇") == "桃花山镇")
        let long = String(repeating: "字", count: 40_000)
        let b = PreviewWatch.bounded(long)
        #expect(b.count == PreviewWatch.storedTextLength && b.hasSuffix("…"))
        let exact = String(repeating: "a", count: PreviewWatch.storedTextLength)
        #expect(PreviewWatch.bounded(exact) == exact)
    }
}
