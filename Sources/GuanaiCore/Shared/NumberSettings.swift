import Foundation

/// A set of numbers a city admin may change (risk rules, contact cadence, and the targets and weights of the modules
/// to come): each with its allowed range beside its default, and rules across them. One store keeps them all
/// (`SettingsStore` in the web module), so a new module declares its numbers here and gets the page's checks, the
/// saving, the audit and the API's 422s without writing them again.
public protocol NumberSettings: Sendable, Codable, Equatable {
    init()
    /// The row's key in the `settings` table and the record id in the audit trail.
    static var storageKey: String { get }
    /// Each number in the form's order. A bound keeps a rule a rule: a cadence of 0 days would switch it off.
    static var fields: [(name: String, keyPath: WritableKeyPath<Self, Int>, range: ClosedRange<Int>)] { get }
    /// Rules that tie numbers together (a later level after an earlier one); checked on the values that would result.
    func problemsAcrossFields() -> [FieldError]
}

extension NumberSettings {
    public func problemsAcrossFields() -> [FieldError] { [] }

    /// These settings with the typed values applied (a blank or missing field keeps its value), or every problem
    /// at once: each number out of range or not a number, then the rules across fields.
    public func applying(_ values: [String: String]) -> Result<Self, FieldErrors> {
        var next = self
        var errors: [FieldError] = []
        for (name, keyPath, range) in Self.fields {
            guard let raw = values[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { continue }
            guard let n = Int(raw), range.contains(n) else {
                errors.append(FieldError(field: name, key: "settings.error.range", args: ["\(range.lowerBound)–\(range.upperBound)"]))
                continue
            }
            next[keyPath: keyPath] = n
        }
        errors += next.problemsAcrossFields()
        return errors.isEmpty ? .success(next) : .failure(FieldErrors(errors))
    }

    /// The numbers that differ from `next`, by field name, as before and after.
    public func changes(to next: Self) -> [(name: String, before: Int, after: Int)] {
        Self.fields.compactMap { name, keyPath, _ in
            self[keyPath: keyPath] == next[keyPath: keyPath] ? nil : (name, self[keyPath: keyPath], next[keyPath: keyPath])
        }
    }
}
