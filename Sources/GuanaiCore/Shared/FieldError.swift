/// A field the rules refuse, and why: the catalogue key of the message (the web renders it in the reader's
/// language), its arguments, and the field it names so the form can point at it (422 answers list them).
public struct FieldError: Error, Sendable, Equatable {
    public let field: String
    public let key: String
    public var args: [String]

    public init(field: String, key: String, args: [String] = []) {
        self.field = field
        self.key = key
        self.args = args
    }
}

/// Everything wrong with one form at once, so the reader fixes it in one go.
public struct FieldErrors: Error, Sendable {
    public var items: [FieldError]
    public init(_ items: [FieldError]) { self.items = items }
}
