import Vapor
import GuanaiCore

/// The account behind a request (the one signed in), reduced to what rules need. Built once by the auth middleware.
/// Not `Actor`: that name is Swift's own.
public struct Signer: Sendable, Authenticatable {
    public let userID: UserID
    public let username: String
    public let displayName: String
    public let role: Role
    public let unitCode: String
    public let unitName: String
    public let mustChangePassword: Bool
    public let sessionID: UUID
    public let csrf: String
    /// Duties beyond the role (`rights_officer`, `health_officer`), read with the account at sign-in.
    public var duties: [Duty] = []

    public var jurisdiction: Jurisdiction {
        DivisionCode(unitCode).map(Jurisdiction.init(root:)) ?? Jurisdiction(root: DivisionCode("99")!)
    }
    public func can(_ action: Action) -> Bool { Policy.allows(role, action) }
    public func canRead(_ kind: RecordKind) -> Bool { Policy.canRead(role, duties: duties, kind) }
    /// Which alerts and reminders this account's 我的提醒 holds; nil when it has none.
    public var inboxRule: InboxRule? { DivisionCode(unitCode).flatMap { InboxRule.rule(role: role, level: $0.level) } }
}

/// Who did something, for the audit trail: an account, or the system (CLI, jobs).
public struct AuditActor: Sendable {
    public let id: String?
    public let name: String
    public let ip: String
    /// The actor's own unit: where an entry is filed when the record itself has no unit.
    public var unitCode: String? = nil

    public static func system(_ what: String = "system") -> AuditActor { AuditActor(id: nil, name: what, ip: "-") }
}

extension Request {
    /// The signed-in account; a route behind the auth middleware always has one.
    public var actor: Signer {
        get throws {
            guard let a = auth.get(Signer.self) else { throw Abort(.unauthorized) }
            return a
        }
    }

    /// Whether the reader registers and changes records (not a volunteer, not the inspector): pages draw their action
    /// forms only for her, so nobody is offered a button that answers 403.
    var mayAct: Bool { auth.get(Signer.self).map { Policy.edits($0.role) } ?? false }

    public var clientIP: String {
        remoteAddress?.ipAddress ?? "-"
    }

    public var auditActor: AuditActor {
        if let a = auth.get(Signer.self) {
            return AuditActor(id: a.userID.description, name: a.username, ip: clientIP, unitCode: a.unitCode)
        }
        return AuditActor(id: nil, name: "anonymous", ip: clientIP)
    }

    /// 404 when outside the actor's jurisdiction, 403 when inside but the role may not read this kind.
    public func requireRead(_ kind: RecordKind) throws {
        guard try actor.canRead(kind) else { throw Abort(.forbidden) }
    }

    /// Reading a kind through the staff pages and API (`Policy.browses`): 403 for a volunteer, whose desk is hers.
    func requireBrowse(_ kind: RecordKind) throws {
        guard Policy.browses(try actor.role, kind) else { throw Abort(.forbidden) }
    }

    /// Registering or changing records (`Policy.edits`).
    func requireEdits() throws {
        guard Policy.edits(try actor.role) else { throw Abort(.forbidden) }
    }

    public func require(_ action: Action) throws {
        guard try actor.can(action) else { throw Abort(.forbidden) }
    }
}
