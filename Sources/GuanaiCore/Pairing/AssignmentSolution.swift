/// An optimal pairing: `volunteerOf[child]` is the chosen volunteer or nil when unpaired.
public struct AssignmentSolution: Sendable, Equatable {
    /// Sum of the chosen edge costs plus the penalties of unpaired children.
    public let totalCost: Int
    public let volunteerOf: [Int?]

    public init(totalCost: Int, volunteerOf: [Int?]) {
        self.totalCost = totalCost
        self.volunteerOf = volunteerOf
    }
}
