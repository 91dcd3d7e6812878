import Foundation

/// One child's place at a station, from the day she starts to the last day she comes (nil while open).
public struct EnrolmentPeriod: Sendable, Equatable {
    public let from: CivilDate
    public let to: CivilDate?
    public init(from: CivilDate, to: CivilDate?) { self.from = from; self.to = to }

    /// The end day is hers still: a child who leaves mid-term is marked on her last day.
    public func covers(_ d: CivilDate) -> Bool { from <= d && (to.map { d <= $0 } ?? true) }
    public var isOpen: Bool { to == nil }
}

/// Enrolling a child and ending her enrolment, with no database: the caller reads the facts.
public enum EnrolmentRules {
    /// What the caller found about the child and the station.
    public struct Facts: Sendable, Equatable {
        /// The child is in the registry, active, and within the caller's reach.
        public let childActive: Bool
        /// She already has an open enrolment (at this station or another).
        public let childHasOpenEnrolment: Bool
        /// Open enrolments at the station now, and its capacity.
        public let openAtStation: Int
        public let capacity: Int
        public let stationStatus: StationStatus

        public init(childActive: Bool, childHasOpenEnrolment: Bool, openAtStation: Int, capacity: Int, stationStatus: StationStatus) {
            self.childActive = childActive
            self.childHasOpenEnrolment = childHasOpenEnrolment
            self.openAtStation = openAtStation
            self.capacity = capacity
            self.stationStatus = stationStatus
        }
    }

    /// `POST …/enrolments {"childId","from"}`: the start day (today when left empty). Every refusal that concerns the
    /// child or the places left names `childId`, as the issue asks.
    public static func enrol(childId: String?, from: String?, facts: Facts?, today: CivilDate, _ c: inout FormChecker) -> CivilDate? {
        let id = c.required(childId, "childId")
        let start = (from ?? "").isEmpty ? today : c.date(from, "from")
        if id != nil {
            if let f = facts {
                if !f.childActive {
                    c.errors.append(FieldError(field: "childId", key: "stations.error.childInactive"))
                } else if f.childHasOpenEnrolment {
                    c.errors.append(FieldError(field: "childId", key: "stations.error.alreadyEnrolled"))
                } else if f.stationStatus != .open {
                    c.errors.append(FieldError(field: "childId", key: "stations.error.stationClosed"))
                } else if f.openAtStation >= f.capacity {
                    c.errors.append(FieldError(field: "childId", key: "stations.error.full", args: [String(f.capacity)]))
                }
            } else {
                c.errors.append(FieldError(field: "childId", key: "stations.error.childInactive"))
            }
        }
        guard c.errors.isEmpty else { return nil }
        return start
    }

    /// `…/enrolments/{eid}/end {"on","reason"}`: the last day (today when left empty), not before she started, not
    /// in the future, and only for an open enrolment.
    public static func end(_ period: EnrolmentPeriod, on: String?, reason: String?, today: CivilDate, _ c: inout FormChecker)
        -> (on: CivilDate, reason: String?)?
    {
        let last = (on ?? "").isEmpty ? today : c.date(on, "on")
        if !period.isOpen { c.errors.append(FieldError(field: "on", key: "stations.error.alreadyEnded")) }
        if let last {
            if last < period.from { c.errors.append(FieldError(field: "on", key: "stations.error.rangeOrder")) }
            if last > today { c.errors.append(FieldError(field: "on", key: "pairing.error.future")) }
        }
        let why = c.text(reason)
        StationForm.text(why, "reason", &c)
        guard c.errors.isEmpty, let last else { return nil }
        return (last, why)
    }
}
