import Foundation
import Testing
@testable import GuanaiCore

@Suite struct TimeOrderedIDTests {
    @Test func idsMadeLaterSortLaterEvenWithinOneMillisecond() {
        let g = TimeOrderedID()
        let at = Date(timeIntervalSince1970: 1_790_000_000.123)
        let ids = (0..<20_000).map { _ in g.make(now: at) }
        #expect(Set(ids).count == ids.count)
        // Byte order and the lower-case text order (what SQLite and PostgreSQL compare) both follow the order made.
        let texts = ids.map { $0.uuidString.lowercased() }
        #expect(texts == texts.sorted())
        // 20,000 ids cannot fit in one millisecond's 4,096 counts: the timestamp moved on instead of wrapping.
        #expect(TimeOrderedID.millis(of: ids.last!)! > TimeOrderedID.millis(of: ids.first!)!)
    }

    @Test func aClockThatStepsBackDoesNotBreakOrder() {
        let g = TimeOrderedID()
        let a = g.make(now: Date(timeIntervalSince1970: 1_790_000_001))
        let b = g.make(now: Date(timeIntervalSince1970: 1_790_000_000))
        #expect(a.uuidString.lowercased() < b.uuidString.lowercased())
    }

    @Test func layoutIsVersion7WithTheVariantAndTheTime() {
        let at = Date(timeIntervalSince1970: 1_790_000_000.456)
        let id = TimeOrderedID().make(now: at)
        let text = id.uuidString.lowercased()
        #expect(Array(text)[14] == "7")
        #expect(["8", "9", "a", "b"].contains(Array(text)[19]))
        #expect(TimeOrderedID.millis(of: id) == 1_790_000_000_456)
        #expect(TimeOrderedID.millis(of: UUID(uuidString: "6F1C4B3A-0000-4000-8000-000000000000")!) == nil)
        // RFC 9562 appendix A.6: 2022-02-22 19:22:22 UTC is 0x017F22E279B0.
        let rfc = TimeOrderedID.uuid(millis: 0x017F_22E2_79B0, counter: 0xCC3, random: 0x18C4_DC0C_0C07_398F)
        #expect(rfc.uuidString.lowercased() == "017f22e2-79b0-7cc3-98c4-dc0c0c07398f")
    }
}
