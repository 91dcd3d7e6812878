import Foundation

/// Field checks shared by children, women and people. Each returns the normalised value or appends a FieldError.
public struct FormChecker: Sendable {
    public init() {}

    public var errors: [FieldError] = []

    public mutating func required(_ v: String?, _ field: String) -> String? {
        let t = v?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if t.isEmpty { errors.append(FieldError(field: field, key: "field.error.required")); return nil }
        return t
    }

    public mutating func token<T: RawRepresentable>(_ v: String?, _ field: String, _ t: T.Type, required: Bool = true) -> T?
    where T.RawValue == String {
        let s = v?.trimmingCharacters(in: .whitespaces) ?? ""
        if s.isEmpty {
            if required { errors.append(FieldError(field: field, key: "field.error.required")) }
            return nil
        }
        guard let value = T(rawValue: s) else { errors.append(FieldError(field: field, key: "field.error.choice")); return nil }
        return value
    }

    public mutating func date(_ v: String?, _ field: String) -> CivilDate? {
        let s = v?.trimmingCharacters(in: .whitespaces) ?? ""
        if s.isEmpty { return nil }
        guard let d = CivilDate(iso: s) else { errors.append(FieldError(field: field, key: "field.error.date")); return nil }
        return d
    }

    public mutating func phone(_ v: String?, _ field: String) -> String? {
        let s = IDNumber.normalise(v ?? "")
        if s.isEmpty { return nil }
        guard PhoneNumber.isValidMobile(s) else { errors.append(FieldError(field: field, key: "field.error.mobile")); return nil }
        return s
    }

    public mutating func idNumber(_ v: String?, _ field: String, required: Bool) -> IDNumber? {
        let s = v?.trimmingCharacters(in: .whitespaces) ?? ""
        if s.isEmpty {
            if required { errors.append(FieldError(field: field, key: "field.error.required")) }
            return nil
        }
        do { return try IDNumber(s) } catch {
            switch error {
            case .empty: errors.append(FieldError(field: field, key: "field.error.required"))
            case .legacy15: errors.append(FieldError(field: field, key: "id.error.legacy15"))
            case .length(let n): errors.append(FieldError(field: field, key: "id.error.length", args: [String(n)]))
            case .characters: errors.append(FieldError(field: field, key: "id.error.characters"))
            case .birthDate: errors.append(FieldError(field: field, key: "id.error.birthDate"))
            case .checkDigit: errors.append(FieldError(field: field, key: "id.error.checkDigit"))
            }
            return nil
        }
    }

    public func text(_ v: String?) -> String? {
        let t = v?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return t.isEmpty ? nil : t
    }

    public func throwIfAny() throws { if !errors.isEmpty { throw FieldErrors(errors) } }
}
