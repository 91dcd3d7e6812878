import Foundation

/// An account to create, as typed.
public struct NewAccount: Sendable {
    public var username: String
    public var displayName: String
    public var role: String
    public var unitCode: String
    public var phone: String

    public init(username: String, displayName: String, role: String, unitCode: String, phone: String) {
        self.username = username
        self.displayName = displayName
        self.role = role
        self.unitCode = unitCode
        self.phone = phone
    }
}

/// The checks of a new account, with no database: the unit is looked up by the caller and handed in as facts, and
/// the creator's role decides which roles she may give.
public enum AccountForm {
    public static let usernameLength = 3...32

    public typealias UnitFacts = GuanaiCore.UnitFacts

    /// The unit code the caller looks up.
    public static func unitCode(_ n: NewAccount) -> String { n.unitCode.trimmingCharacters(in: .whitespaces) }

    /// Letters, digits and `._-` only, 3…32 long: it is typed at every login.
    public static func usernameProblem(_ raw: String) -> FieldError? {
        let username = raw.trimmingCharacters(in: .whitespaces)
        if username.isEmpty { return FieldError(field: "username", key: "account.error.usernameRequired") }
        let plain = username.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
        if !usernameLength.contains(username.count) || !plain {
            return FieldError(field: "username", key: "account.error.usernameFormat")
        }
        return nil
    }

    /// The role given, or every problem with the account. `creator`: the role of whoever creates it (nil: the system).
    public static func check(_ n: NewAccount, creator: Role?, unit: UnitFacts?) -> Result<Role, FieldErrors> {
        var errs: [FieldError] = []
        if let e = usernameProblem(n.username) { errs.append(e) }
        if n.displayName.trimmingCharacters(in: .whitespaces).isEmpty {
            errs.append(FieldError(field: "displayName", key: "account.error.displayNameRequired"))
        }
        let role = Role(rawValue: n.role)
        if role == nil {
            errs.append(FieldError(field: "role", key: "account.error.roleInvalid"))
        } else if let c = creator, !c.manageableRoles.contains(role!) {
            errs.append(FieldError(field: "role", key: "account.error.roleNotAllowed"))
        }
        if unit == nil || unit?.isActive == false {
            errs.append(FieldError(field: "unitCode", key: "account.error.unitInvalid"))
        } else if let r = role, let u = unit, !r.allowedLevels.contains(u.level) {
            errs.append(FieldError(field: "unitCode", key: "account.error.unitLevel"))
        }
        let phone = n.phone.trimmingCharacters(in: .whitespaces)
        if !phone.isEmpty && !PhoneNumber.isValidMobile(phone) { errs.append(FieldError(field: "phone", key: "field.error.mobile")) }
        guard errs.isEmpty, let role else { return .failure(FieldErrors(errs)) }
        return .success(role)
    }
}
