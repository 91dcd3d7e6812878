import Foundation
import Testing
@testable import GuanaiCore

@Suite("PairingBench")
struct PairingBenchTests {
    @Test("reads the generator's text format and solves it")
    func roundTrip() throws {
        let text = """
            3 2 4
            100
            100
            1000
            1
            1
            0 0 10
            1 0 5
            2 1 700
            2 0 1
            """
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("pairing-\(UInt64.random(in: 0...UInt64.max)).txt").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let problem = try PairingBench.load(path: path)
        #expect(problem.penalties == [100, 100, 1000])
        #expect(problem.capacities == [1, 1])
        #expect(problem.edges.count == 4)
        let result = try PairingBench.run(path: path)
        // Child 2 (penalty 1000) at volunteer 0 for 1 beats moving it to volunteer 1 (700)
        // to make room for child 1 (5): 1 + 100 + 100 = 201 against 700 + 5 + 100 = 805.
        #expect(result.cost == 201)
        #expect(result.seconds >= 0)
    }

    @Test("a truncated file is rejected")
    func truncated() {
        #expect(throws: PairingBench.FormatError.self) {
            _ = try PairingBench.parse(Data("2 1 1\n5\n".utf8))
        }
    }
}
