import Foundation

/// Who reads and acts on a case's confidential part (parties, narrative, request, minutes, agreement, safety plan).
/// Everyone with the `rights` record kind reads summaries in her jurisdiction; this is the one check past them.
public enum RightsAccess {
    /// An account as the check sees it.
    public struct Viewer: Sendable, Equatable {
        public let username: String
        public let role: Role
        public let duties: [Duty]
        public init(username: String, role: Role, duties: [Duty]) {
            self.username = username
            self.role = role
            self.duties = duties
        }
        public var isOfficer: Bool { duties.contains(.rightsOfficer) && Duty.rightsOfficer.roles.contains(role) }
    }

    /// A break-glass grant still open or long gone.
    public struct Grant: Sendable, Equatable {
        public let username: String
        public let until: Date
        public init(username: String, until: Date) {
            self.username = username
            self.until = until
        }
    }

    public enum Level: Int, Sendable, Comparable {
        /// The summary only: the detail answers 403 `restricted`.
        case none
        /// Break-glass: reads the case until the grant runs out, changes nothing.
        case read
        /// Assigned accounts and rights officers: read and act.
        case full
        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
        /// As the API says it.
        public var token: String {
            switch self {
            case .none: return "none"
            case .read: return "read"
            case .full: return "full"
            }
        }
    }

    /// Assigned (the intake account, the mediators) or a rights officer: full; a grant still running at `now`: read.
    /// A grant ends at its `until`, exactly.
    public static func level(_ v: Viewer, assigned: Set<String>, grants: [Grant], now: Date) -> Level {
        if assigned.contains(v.username) || v.isOfficer { return .full }
        if grants.contains(where: { $0.username == v.username && now < $0.until }) { return .read }
        return .none
    }

    /// Who takes cases: the federation's staff at each level and the justice bureau.
    public static func mayTakeCases(_ r: Role) -> Bool { [.cityAdmin, .townshipStaff, .villageWorker, .partnerJustice].contains(r) }

    /// Who names mediators: township and city staff, and rights officers.
    public static func mayAssign(_ v: Viewer) -> Bool { v.role == .townshipStaff || v.role == .cityAdmin || v.isOfficer }

    /// Who may mediate a case in `village`: the township staff of its township, the village's own worker, or the
    /// justice bureau's accounts (人民调解员 of the 司法所).
    public static func mayMediate(role: Role, unit: String, village: String) -> Bool {
        switch role {
        case .townshipStaff: return unit.count >= 9 && village.hasPrefix(String(unit.prefix(9)))
        case .villageWorker: return unit == village
        case .partnerJustice: return true
        default: return false
        }
    }

    /// Who may open a case she is not assigned to, for a stated reason, for a while.
    public static func mayBreakGlass(_ r: Role) -> Bool { Policy.allows(r, .breakGlass) }
}
