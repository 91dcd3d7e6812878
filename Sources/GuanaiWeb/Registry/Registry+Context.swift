import Fluent
import Vapor
import GuanaiCore

/// What classifying and assessing a batch of children reads besides the children themselves: their own, their
/// parents' and guardians' person records, their households, their open critical alerts and the rules' numbers.
/// Loaded with a handful of `IN` queries per batch, so a sweep over a million children does not issue several
/// finds per child. Lives for one batch inside one transaction and is used by one task at a time.
final class ChildContext: @unchecked Sendable {
    let settings: RiskSettings
    private(set) var people: [PersonID: Person] = [:]
    private(set) var households: [HouseholdID: Household] = [:]
    /// Nil when alerts were not preloaded: callers then ask the database.
    private(set) var openAlerts: [ChildID: Alert]?
    /// Classification changes of the batch, written to the trail together by `flush` before the transaction ends.
    private(set) var pending: [AuditEvent] = []
    /// A bulk import registers thousands of children into a few hundred villages: each village's tally is
    /// recomputed once at the end (`refreshTallies`) instead of after every child.
    var deferTally = false
    private(set) var touchedUnits = Set<String>()
    /// Villages already checked in this batch or import, by the code or name a row gave (a few hundred at most).
    var villages: [String: Unit] = [:]

    func touched(_ unit: String) { touchedUnits.insert(unit) }

    func refreshTallies(on db: any Database) async throws {
        try await ChildTally.refresh(touchedUnits, on: db)
        touchedUnits = []
    }

    init(settings: RiskSettings) { self.settings = settings }

    static func load(_ kids: [Child], settings: RiskSettings, on db: any Database) async throws -> ChildContext {
        let ctx = ChildContext(settings: settings)
        var personIDs = Set<PersonID>()
        for c in kids {
            personIDs.insert(c.person); [c.father, c.mother, c.guardian].compactMap { $0 }.forEach { personIDs.insert($0) }
        }
        // Plain rows, not `Person.query`: a sweep batch reads thousands of people, and Fluent's decoding by
        // reflection cost more than the query (`PersonRows`).
        for chunk in Array(personIDs).chunked(900) {
            for p in try await PersonRows.people(chunk, on: db) { ctx.people[p.recordID] = p }
        }
        for chunk in Array(Set(kids.compactMap(\.household))).chunked(900) {
            for h in try await HouseholdRows.households(chunk, on: db) { ctx.households[h.recordID] = h }
        }
        var open: [ChildID: Alert] = [:]
        for chunk in kids.compactMap(\.id).chunked(900) {
            for a in try await Alert.query(on: db).filter(\.$childID ~~ chunk).filter(\.$kind == .critical).filter(\.$status != .resolved)
                .all()
            { open[a.child] = a }
        }
        ctx.openAlerts = open
        return ctx
    }

    func person(_ id: PersonID, on db: any Database) async throws -> Person? {
        if let p = people[id] { return p }
        let p = try await Person.find(id, on: db)
        if let p { people[id] = p }
        return p
    }

    func household(_ id: HouseholdID, on db: any Database) async throws -> Household? {
        if let h = households[id] { return h }
        let h = try await Household.find(id, on: db)
        if let h { households[id] = h }
        return h
    }

    func openCritical(_ childID: ChildID, on db: any Database) async throws -> Alert? {
        if let open = openAlerts { return open[childID] }
        return try await SafetyService.openCritical(childID, on: db)
    }

    /// Buffers an entry of the batch's one actor (a sweep, an import); `flush` writes them in order.
    func audit(_ e: AuditEvent, by actor: AuditActor? = nil) {
        if let actor, let other = pendingActor, other.id != actor.id || other.name != actor.name {
            preconditionFailure("one actor per batch")
        }
        if let actor { pendingActor = actor }
        pending.append(e)
    }
    private var pendingActor: AuditActor?

    func flush(by actor: AuditActor, at: Date, on db: any Database) async throws {
        try await AuditLog.append(contentsOf: pending, by: actor, at: at, on: db)
        pending = []
    }

    /// An alert raised during the batch is open from then on.
    func opened(_ a: Alert) { openAlerts?[a.child] = a }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
