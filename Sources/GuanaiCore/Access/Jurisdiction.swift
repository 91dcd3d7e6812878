/// What part of the division tree an actor may touch. Out of it, records do not exist for that actor.
public struct Jurisdiction: Sendable, Equatable {
    /// `nil` means the whole database: only the CLI, jobs and demo seeding use it, never a request.
    public let root: DivisionCode?

    public init(root: DivisionCode) { self.root = root }
    private init() { root = nil }
    public static let system = Jurisdiction()

    public var range: ClosedRange<String> { root?.range ?? "000000000000"..."999999999999" }

    public func contains(_ code: DivisionCode) -> Bool { root.map { $0.contains(code) } ?? true }
    public func contains(_ raw: String) -> Bool { DivisionCode(raw).map(contains) ?? false }
}
