/// A unit a form names, as the caller found it in the jurisdiction (a form is handed nil when there is no such unit):
/// the facts every form's unit rule reads, whatever the record.
public struct UnitFacts: Sendable, Equatable {
    public let code: String
    public let level: DivisionLevel
    public let isActive: Bool

    public init(code: String, level: DivisionLevel, isActive: Bool) {
        self.code = code
        self.level = level
        self.isActive = isActive
    }

    /// For a rule that reads only the level: the code is derived from nothing and left blank.
    public init(level: DivisionLevel, isActive: Bool) {
        self.init(code: "", level: level, isActive: isActive)
    }
}
