/// A duty an account holds beyond its role: who may read confidential rights cases (`rights_officer`, issue 19) and
/// screening results (`health_officer`, issue 20). A duty never widens a jurisdiction; it opens one kind of record.
public enum Duty: String, Sendable, Codable, CaseIterable {
    case rightsOfficer = "rights_officer"
    case healthOfficer = "health_officer"

    /// The roles that may hold it: the city's own staff, and for rights cases the justice bureau's accounts.
    public var roles: Set<Role> {
        switch self {
        case .rightsOfficer: return [.cityAdmin, .partnerJustice]
        case .healthOfficer: return [.cityAdmin]
        }
    }
}

/// `PUT /api/v1/accounts/{id}/duties {"duties":[…]}`: the whole new list.
public struct DutiesInput: Codable, Sendable, Equatable {
    public var duties: [String]?
    public init(duties: [String]? = nil) { self.duties = duties }
}

public enum DutyForm {
    /// Each duty known and one the account's role may hold (else `duties[i]`), each once; the list itself required.
    /// In `Duty.allCases` order, so the stored text reads the same however it was typed.
    public static func check(_ input: DutiesInput, role: Role, _ c: inout FormChecker) -> [Duty]? {
        guard let raw = input.duties else {
            c.errors.append(FieldError(field: "duties", key: "field.error.required"))
            return nil
        }
        var set: Set<Duty> = []
        for (i, t) in raw.enumerated() {
            guard let d = Duty(rawValue: t.trimmingCharacters(in: .whitespaces)) else {
                c.errors.append(FieldError(field: "duties[\(i)]", key: "field.error.choice"))
                continue
            }
            if !d.roles.contains(role) {
                c.errors.append(FieldError(field: "duties[\(i)]", key: "account.error.dutyRole", args: [d.rawValue]))
                continue
            }
            set.insert(d)
        }
        guard c.errors.isEmpty else { return nil }
        return Duty.allCases.filter(set.contains)
    }

    /// The stored column: tokens joined by commas, "" for none.
    public static func parse(_ stored: String) -> [Duty] { stored.split(separator: ",").compactMap { Duty(rawValue: String($0)) } }
}
