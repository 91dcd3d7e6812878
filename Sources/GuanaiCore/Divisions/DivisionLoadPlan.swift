/// What loading part of the bundled list does to the units already stored. The list only adds: a stored unit keeps
/// whatever an administrator made of it (renamed, merged, retired), so a load never reverts a change. A missing unit
/// under one that is retired (or under one skipped for that reason) is not added either: a merge re-coded its
/// villages under the survivor, and adding the old codes back would count each village twice.
public struct DivisionLoadPlan: Sendable, Equatable {
    public struct Tally: Sendable, Equatable {
        public var inserted = 0
        /// Stored already, whatever its name or status now.
        public var present = 0
        /// Missing, but under a retired unit.
        public var skipped = 0
        public init(inserted: Int = 0, present: Int = 0, skipped: Int = 0) {
            self.inserted = inserted
            self.present = present
            self.skipped = skipped
        }
    }

    /// The unit the code named: where the load is recorded.
    public let root: DivisionRecord
    /// Parents before children, in the list's order.
    public let toInsert: [DivisionRecord]
    public let tally: [DivisionLevel: Tally]

    /// `records` as `DivisionCatalog.records` gives them (parents first); `stored` maps the 12-digit codes already in
    /// the database, among them, to their status. Nil when `root` is not among the records.
    public init?(root: DivisionCode, records: [DivisionRecord], stored: [String: UnitStatus]) {
        guard let rootRecord = records.first(where: { $0.code == root }) else { return nil }
        var toInsert: [DivisionRecord] = []
        var tally: [DivisionLevel: Tally] = [:]
        var blocked: Set<String> = []
        for r in records {
            let parent = r.parent?.value
            if let status = stored[r.code.value] {
                tally[r.level, default: Tally()].present += 1
                if status == .retired { blocked.insert(r.code.value) }
            } else if let p = parent, blocked.contains(p) {
                tally[r.level, default: Tally()].skipped += 1
                blocked.insert(r.code.value)
            } else {
                tally[r.level, default: Tally()].inserted += 1
                toInsert.append(r)
            }
        }
        self.root = rootRecord
        self.toInsert = toInsert
        self.tally = tally
    }

    public var inserted: Int { toInsert.count }
    public var present: Int { tally.values.reduce(0) { $0 + $1.present } }
    public var skipped: Int { tally.values.reduce(0) { $0 + $1.skipped } }
}
