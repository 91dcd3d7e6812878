import Fluent
import Vapor
import GuanaiCore

final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "role") var role: Role
    @Field(key: "unit_code") var unitCode: String
    @OptionalField(key: "phone") var phone: String?
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @Field(key: "disabled") var disabled: Bool
    @Field(key: "failed_logins") var failedLogins: Int
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    /// The account that took over this one's duties at a handover.
    @OptionalField(key: "successor_id") var successorID: UUID?
    @Field(key: "created_at") var createdAt: Date
    /// `Duty` tokens, comma-joined ("" for none): what the account may open beyond its role.
    @Field(key: "duties") var dutiesText: String

    init() {}

    var duties: [Duty] { DutyForm.parse(dutiesText) }

    init(
        username: String, displayName: String, role: Role, unitCode: String, phone: String?, passwordHash: String, mustChange: Bool,
        at: Date
    ) {
        self.username = username
        self.displayName = displayName
        self.role = role
        self.unitCode = unitCode
        self.phone = phone
        self.passwordHash = passwordHash
        self.mustChangePassword = mustChange
        self.disabled = false
        self.failedLogins = 0
        self.createdAt = at
        self.dutiesText = ""
    }

    /// The fields the audit trail compares before and after a change (never the password hash itself).
    var auditFields: [String: String] {
        [
            "username": username, "displayName": displayName, "role": role.rawValue, "unitCode": unitCode,
            "phone": phone.map(Masking.phone) ?? "", "disabled": String(disabled),
            "mustChangePassword": String(mustChangePassword), "successorId": successorID?.uuidString ?? "", "duties": dutiesText,
        ]
    }
}

/// A signed-in session: browser cookie or API bearer token. Only a hash of the token is stored.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "user_id") var userID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "csrf") var csrf: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @OptionalField(key: "ended_at") var endedAt: Date?

    init() {}
    init(tokenHash: String, user: UserID, kind: String, csrf: String, at: Date) {
        self.tokenHash = tokenHash
        self.userID = user.uuid
        self.kind = kind
        self.csrf = csrf
        self.createdAt = at
        self.lastSeenAt = at
    }
}

/// A form that arrived after its session had expired, kept until the same person signs in again.
final class PendingForm: Model, @unchecked Sendable {
    static let schema = "pending_forms"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "path") var path: String
    @Field(key: "fields") var fields: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
    init(user: UserID, path: String, fields: String, at: Date) {
        self.userID = user.uuid
        self.path = path
        self.fields = fields
        self.createdAt = at
    }
}

extension User {
    /// The successor's account, typed; the column stays `UUID`.
    var successor: UserID? {
        get { successorID.map(UserID.init) }
        set { successorID = newValue?.uuid }
    }
}
