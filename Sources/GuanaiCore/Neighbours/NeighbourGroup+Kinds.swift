import Foundation

/// A group is `active` while its households look out for each other; `dissolved` keeps its history and frees its
/// households for another group.
public enum NeighbourGroupStatus: String, Sendable, Codable, CaseIterable {
    case active, dissolved

    /// A dissolved group records no new activity and raises no new concern: its households may be in another group.
    public var acts: Bool { self == .active }
}

/// What a group did together, as the township reports it (生产互助、生活互助、安全守望、情感关爱、矛盾调解).
public enum NeighbourActivityKind: String, Sendable, Codable, CaseIterable {
    case production
    case dailyLife = "daily_life"
    case safetyWatch = "safety_watch"
    case emotionalSupport = "emotional_support"
    case disputeResolution = "dispute_resolution"
}

/// `POST /api/v1/neighbour-groups/{id}/activities`.
public struct NeighbourActivityInput: Codable, Sendable {
    public var kind: String?
    public var date: String?
    public var note: String?
    public init(kind: String? = nil, date: String? = nil, note: String? = nil) {
        self.kind = kind
        self.date = date
        self.note = note
    }
}

public struct CheckedNeighbourActivity: Sendable, Equatable {
    public let kind: NeighbourActivityKind
    public let date: CivilDate
    public let note: String?
    public init(kind: NeighbourActivityKind, date: CivilDate, note: String?) {
        self.kind = kind
        self.date = date
        self.note = note
    }
}

public enum NeighbourActivityForm {
    /// The kind and the day are required; the day has happened: an activity is recorded, not planned.
    public static func check(
        _ input: NeighbourActivityInput, today: CivilDate, _ c: inout FormChecker
    ) -> CheckedNeighbourActivity? {
        let kind = c.token(input.kind, "kind", NeighbourActivityKind.self)
        let date = c.date(input.date, "date")
        if (input.date ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            c.errors.append(FieldError(field: "date", key: "field.error.required"))
        }
        if let date, date > today { c.errors.append(FieldError(field: "date", key: "pairing.error.future")) }
        let note = c.text(input.note)
        StationForm.text(note, "note", &c)
        guard c.errors.isEmpty, let kind, let date else { return nil }
        return CheckedNeighbourActivity(kind: kind, date: date, note: note)
    }

    /// A concern is about a child living in one of the group's households (`memberChildren`): the leader looks out for
    /// those, not for the village at large.
    public static func concernChild(_ childId: String?, memberChildren: Set<String>, _ c: inout FormChecker) -> String? {
        guard let id = c.required(childId, "childId") else { return nil }
        let key = id.uppercased()
        guard memberChildren.contains(key) else {
            c.errors.append(FieldError(field: "childId", key: "neighbours.error.notMemberChild"))
            return nil
        }
        return key
    }
}

/// The share of left-behind households in an active group, for a unit and each unit one level below it.
public struct NeighbourCoverage: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public let unitCode: String
        public let leftBehindHouseholds: Int
        public let grouped: Int
        /// grouped ÷ left-behind households; 0 where there are none.
        public var rate: Double { Coverage.rate(grouped, leftBehindHouseholds) }
    }
    public let total: Row
    public let rows: [Row]

    /// `households`: each left-behind household's village and whether it is in an active group. A household counts in
    /// the row whose code contains its village's; one no row contains counts in the total only.
    public static func of(unit: String, rows children: [String], households: [(village: String, grouped: Bool)]) -> NeighbourCoverage {
        func row(_ code: String, _ hs: [(village: String, grouped: Bool)]) -> Row {
            Row(unitCode: code, leftBehindHouseholds: hs.count, grouped: hs.filter(\.grouped).count)
        }
        let mine = DivisionCode(unit).map { root in households.filter { Jurisdiction(root: root).contains($0.village) } } ?? []
        return NeighbourCoverage(
            total: row(unit, mine),
            rows: children.sorted().map { code in
                guard let c = DivisionCode(code) else { return row(code, []) }
                return row(code, mine.filter { Jurisdiction(root: c).contains($0.village) })
            })
    }
}

/// A left-behind household (留守户): an active left-behind child or woman lives there. The groups are formed around
/// these, and the coverage counts them.
public enum LeftBehindHousehold {
    public static func counts(child status: ChildStatus, leftBehind: Bool) -> Bool { status == .active && leftBehind }
    public static func counts(woman status: WomanStatus, leftBehind: Bool) -> Bool { status == .active && leftBehind }
}
