import Foundation

/// Benchmark entry point shared by `pairing-bench` and the hidden `guanai bench-pairing`.
///
/// The instance file is whitespace-separated integers, written by `bench/pairing_instance.py`:
/// `childCount volunteerCount edgeCount`, then one penalty per child, one capacity per
/// volunteer, then `child volunteer cost` per edge.
public enum PairingBench {
    public struct FormatError: Error, CustomStringConvertible {
        public let description: String
    }

    /// What one benchmark run measured: wall-clock and CPU time of the solve alone.
    public struct Measurement: Sendable {
        public let cost: Int
        public let seconds: Double
        /// Process CPU time of the solve; on a shared machine this is steadier than wall time.
        public let cpuSeconds: Double
    }

    /// Parses `path`, solves it, and returns the optimal cost and the solve time alone
    /// (parsing excluded) so it compares like for like with OR-tools' `Solve()`.
    public static func run(path: String) throws -> (cost: Int, seconds: Double) {
        let m = try measure(path: path)
        return (m.cost, m.seconds)
    }

    public static func measure(path: String) throws -> Measurement {
        let problem = try load(path: path)
        let wall = ContinuousClock()
        var solution: AssignmentSolution?
        let cpuStart = clock()
        let elapsed = wall.measure { solution = MinCostAssignment.solve(problem) }
        let cpu = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
        let seconds =
            Double(elapsed.components.seconds)
            + Double(elapsed.components.attoseconds) * 1e-18
        return Measurement(cost: solution!.totalCost, seconds: seconds, cpuSeconds: cpu)
    }

    public static func load(path: String) throws -> AssignmentProblem {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FormatError(description: "cannot read \(path)")
        }
        return try parse(data)
    }

    static func parse(_ data: Data) throws -> AssignmentProblem {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> AssignmentProblem in
            var reader = IntegerReader(bytes: raw.bindMemory(to: UInt8.self))
            guard let n = reader.next(), let m = reader.next(), let e = reader.next(),
                n >= 0, m >= 0, e >= 0
            else {
                throw FormatError(description: "missing header")
            }
            var penalties = [Int](repeating: 0, count: n)
            var capacities = [Int](repeating: 0, count: m)
            var edges = [AssignmentProblem.Edge]()
            edges.reserveCapacity(e)
            for i in 0..<n {
                guard let p = reader.next() else { throw FormatError(description: "short penalties") }
                penalties[i] = p
            }
            for j in 0..<m {
                guard let c = reader.next() else { throw FormatError(description: "short capacities") }
                capacities[j] = c
            }
            for _ in 0..<e {
                guard let c = reader.next(), let v = reader.next(), let cost = reader.next(),
                    c >= 0, c < n, v >= 0, v < m, cost >= 0
                else {
                    throw FormatError(description: "bad edge")
                }
                edges.append(.init(child: c, volunteer: v, cost: cost))
            }
            return AssignmentProblem(penalties: penalties, capacities: capacities, edges: edges)
        }
    }
}

/// Hand-rolled because splitting a 30 MB file into Strings costs more than solving it.
private struct IntegerReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0

    mutating func next() -> Int? {
        while at < bytes.count, !(bytes[at] == 45 || (bytes[at] >= 48 && bytes[at] <= 57)) { at += 1 }
        guard at < bytes.count else { return nil }
        var negative = false
        if bytes[at] == 45 { negative = true; at += 1 }
        var value = 0
        var digits = 0
        while at < bytes.count, bytes[at] >= 48, bytes[at] <= 57 {
            value = value * 10 + Int(bytes[at] - 48)
            at += 1
            digits += 1
        }
        guard digits > 0 else { return nil }
        return negative ? -value : value
    }
}
