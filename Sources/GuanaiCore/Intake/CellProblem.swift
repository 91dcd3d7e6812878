/// A cell that could not be read, before any registry rule ran: the column's key and a catalogue message.
public struct CellProblem: Sendable, Equatable {
    /// The input field (the column's schema key) the cell fills.
    public let field: String
    public let message: String
    public var args: [String]

    public init(field: String, message: String, args: [String] = []) {
        self.field = field
        self.message = message
        self.args = args
    }
}
