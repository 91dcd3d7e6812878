/// One pairing instance: children to be placed with volunteers of bounded capacity.
///
/// Children are `0..<childCount` and volunteers `0..<volunteerCount`; the caller owns the
/// mapping to real records. All costs are integers so the optimum is exact.
public struct AssignmentProblem: Sendable, Equatable {
    /// A permitted pairing and what it costs (distance in metres, already discounted for skills).
    public struct Edge: Sendable, Hashable {
        public var child: Int
        public var volunteer: Int
        public var cost: Int

        public init(child: Int, volunteer: Int, cost: Int) {
            self.child = child
            self.volunteer = volunteer
            self.cost = cost
        }
    }

    /// Cost of leaving each child unpaired; its count defines the number of children.
    public var penalties: [Int]
    /// How many children each volunteer can take; its count defines the number of volunteers.
    public var capacities: [Int]
    /// Candidate pairings. Duplicates are allowed (the cheapest wins) and edges that cost at
    /// least the child's penalty are ignored, because leaving the child unpaired is never worse.
    public var edges: [Edge]

    public var childCount: Int { penalties.count }
    public var volunteerCount: Int { capacities.count }

    public init(penalties: [Int], capacities: [Int], edges: [Edge]) {
        self.penalties = penalties
        self.capacities = capacities
        self.edges = edges
    }
}
