/// Field names that are spelled like a Core token (a person's `phone` and the contact mode `phone`, her `health` and
/// the record kind `health`): named here once, so that a literal `"phone"` in the web module is always a token and
/// the token scan (`TokenLiteralTests`) can tell the two apart.
enum FieldName: String {
    case phone, health
}

/// Keys of an audit entry's `detail` that readers of the trail look for.
enum AuditDetailKey: String {
    /// A unit merge's moved rows (`children=3,people=5`), or an account hand-over's moved duties (`table → moved`).
    case moved
}
