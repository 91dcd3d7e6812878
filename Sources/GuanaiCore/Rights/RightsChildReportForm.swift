import Foundation

/// `POST …/cases/{id}/child-reports` (issue 19, item 7): what the mediator decided about a child of the household once
/// the page offered the mandatory report: filed (what she saw) or declined (why). Either way it is kept on the case.
public struct RightsChildReportInput: Codable, Sendable, Equatable {
    public var childId: String?
    /// What was seen or heard of the child: the report's own `seen`.
    public var seen: String?
    /// True records declining the offer; `reason` then says why.
    public var declined: Bool?
    public var reason: String?
    public init(childId: String? = nil, seen: String? = nil, declined: Bool? = nil, reason: String? = nil) {
        self.childId = childId
        self.seen = seen
        self.declined = declined
        self.reason = reason
    }
}

/// The decision as checked: filing needs what was seen, declining a reason; the child is one of the household's.
public enum RightsChildReportDecision: Sendable, Equatable {
    case file(childId: UUID, seen: String)
    case decline(childId: UUID, reason: String)

    public var childId: UUID {
        switch self {
        case .file(let id, _), .decline(let id, _): id
        }
    }
    public var declined: Bool {
        if case .decline = self { return true }
        return false
    }
}

public enum RightsChildReportForm {
    /// `household`: the children the case's registered parties live with or care for. A child outside it is refused
    /// by name (`childId`), whatever else is wrong, so a mistyped id never files a report about a stranger.
    public static func check(_ input: RightsChildReportInput, household: Set<UUID>, _ c: inout FormChecker) -> RightsChildReportDecision? {
        var child: UUID? = nil
        if let raw = c.required(input.childId, "childId") {
            if let id = UUID(uuidString: raw), household.contains(id) {
                child = id
            } else {
                c.errors.append(FieldError(field: "childId", key: "rights.error.childId"))
            }
        }
        if input.declined == true {
            if c.text(input.seen) != nil { c.errors.append(FieldError(field: "seen", key: "rights.error.seenDeclined")) }
            let reason = c.required(input.reason, "reason")
            StationForm.text(reason, "reason", &c)
            guard c.errors.isEmpty, let child, let reason else { return nil }
            return .decline(childId: child, reason: reason)
        }
        let seen = c.required(input.seen, "seen")
        StationForm.text(seen, "seen", &c)
        guard c.errors.isEmpty, let child, let seen else { return nil }
        return .file(childId: child, seen: seen)
    }
}
