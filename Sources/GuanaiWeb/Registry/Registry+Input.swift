import Vapor
import GuanaiCore

/// What a form or the API submits for a child. Everything is optional at this stage so that a missing field
/// becomes a Chinese message naming it, not a decoding failure.
struct ParentInput: Content, Sendable {
    var name: String?
    var idNumber: String?
    var situation: String?
    var workPlace: String?
    var since: String?
    var phone: String?
}

struct GuardianInput: Content, Sendable {
    var name: String?
    var idNumber: String?
    var birthDate: String?
    var relation: String?
    var health: String?
    var phone: String?
}

struct ChildInput: Content, Sendable {
    var name: String?
    var idNumber: String?
    var sex: String?
    var birthDate: String?
    var villageCode: String?
    var hukou: String?
    var ethnicity: String?
    var health: String?
    var school: String?
    var grade: String?
    var boarding: Bool?
    var poverty: String?
    var address: String?
    var father: ParentInput?
    var mother: ParentInput?
    var guardian: GuardianInput?
    var livingArrangement: String?
    var needs: [String]?
    var improperGuardianship: Bool?
    var improperNote: String?
    var informedOn: String?
    var consent: Bool?
    /// Set after the person has seen that an ID number already exists with other details, and confirmed the link.
    var confirmLinks: Bool?
    /// Set after the person has seen children with the same name (or pinyin) and birth date in the township and says
    /// this is someone else.
    var acknowledgeDuplicates: Bool?
}

struct ChildPatch: Content, Sendable {
    var school: String?
    var grade: String?
    var boarding: Bool?
    var villageCode: String?
    var livingArrangement: String?
    var needs: [String]?
    var improperGuardianship: Bool?
    var improperNote: String?
    var informedOn: String?
    var consent: Bool?
    var father: ParentInput?
    var mother: ParentInput?
    var guardian: GuardianInput?
    var removeGuardian: Bool?
    var confirmLinks: Bool?
}

struct PersonPatch: Content, Sendable {
    var name: String?
    var phone: String?
    var ethnicity: String?
    var health: String?
    var healthSince: String?
    var disabilityGrade: Int?
    var vitalStatus: String?
}

/// Field checks shared by children, women and people. Each returns the normalised value or appends a FieldError.
struct Checker {
    var errors: [FieldError] = []

    mutating func required(_ v: String?, _ field: String) -> String? {
        let t = v?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if t.isEmpty { errors.append(FieldError(field: field, key: "field.error.required")); return nil }
        return t
    }

    mutating func token<T: RawRepresentable>(_ v: String?, _ field: String, _ t: T.Type, required: Bool = true) -> T? where T.RawValue == String {
        let s = v?.trimmingCharacters(in: .whitespaces) ?? ""
        if s.isEmpty {
            if required { errors.append(FieldError(field: field, key: "field.error.required")) }
            return nil
        }
        guard let value = T(rawValue: s) else { errors.append(FieldError(field: field, key: "field.error.choice")); return nil }
        return value
    }

    mutating func date(_ v: String?, _ field: String) -> CivilDate? {
        let s = v?.trimmingCharacters(in: .whitespaces) ?? ""
        if s.isEmpty { return nil }
        guard let d = CivilDate(iso: s) else { errors.append(FieldError(field: field, key: "field.error.date")); return nil }
        return d
    }

    mutating func phone(_ v: String?, _ field: String) -> String? {
        let s = IDNumber.normalise(v ?? "")
        if s.isEmpty { return nil }
        guard PhoneNumber.isValidMobile(s) else { errors.append(FieldError(field: field, key: "field.error.mobile")); return nil }
        return s
    }

    mutating func idNumber(_ v: String?, _ field: String, required: Bool) -> IDNumber? {
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

    func text(_ v: String?) -> String? {
        let t = v?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return t.isEmpty ? nil : t
    }

    func throwIfAny() throws { if !errors.isEmpty { throw FieldErrors(errors) } }
}
