import Fluent
import FluentSQL
import SQLKit
import Vapor
import GuanaiCore

struct ChildFilter: Sendable {
    var unit = ""
    var category = ""
    /// "" = registered and active, "1" = exited only, "all" = both.
    var exited = ""
    var q = ""
    /// "0-5", "6-13", "14-15", "16-17" in 周岁.
    var ageBand = ""
    var need = ""
    /// The entrusted guardian's age: "70+", "60-69", "under60", or "none" for children with no guardian recorded.
    var guardianAge = ""
    /// A health token, or "poor" for chronic_illness, serious_illness, hospitalised or severe_disability.
    var guardianHealth = ""
    /// A risk tier token: the children the safety net ranks there.
    var tier = ""
    var sort = ChildSort.village

    var isEmpty: Bool { (unit + category + exited + q + ageBand + need + guardianAge + guardianHealth + tier).isEmpty && sort == .village }
}

/// The orders a list can be read in; each has an index that starts with status (M0011).
enum ChildSort: String, Sendable, CaseIterable {
    /// 台账 order: village by village, youngest first.
    case village
    /// Oldest first: who is about to turn 16 and leave the register.
    case oldest
    /// Most recently registered first.
    case recent
}

extension Scoped {
    /// Every record in the jurisdiction that has not been voided.
    func children() -> QueryBuilder<Child> {
        Child.query(on: db).within(jurisdiction, \.$unitCode).filter(\.$status != .voided)
    }

    func child(_ id: String) async throws -> Child? {
        guard let uuid = UUID(uuidString: id), let c = try await Child.find(uuid, on: db), inScope(c.unitCode), c.voidedReason == nil else { return nil }
        return c
    }

    func person(_ id: String) async throws -> Person? {
        guard let uuid = UUID(uuidString: id), let p = try await Person.find(uuid, on: db), inScope(p.unitCode) else { return nil }
        return p
    }

    func people(_ ids: [UUID]) async throws -> [UUID: Person] {
        let set = Array(Set(ids))
        guard !set.isEmpty else { return [:] }
        var out: [UUID: Person] = [:]
        // In slices: a printed 台账 names up to 20,000 people, beyond what one statement may bind.
        for start in stride(from: 0, to: set.count, by: 5000) {
            for p in try await Person.query(on: db).filter(\.$id ~~ Array(set[start..<min(start + 5000, set.count)])).all() { out[p.id!] = p }
        }
        return out
    }

    /// The day `years` before `today` (29 February becomes 28 in a common year).
    static func yearsBefore(_ today: CivilDate, _ years: Int) -> CivilDate {
        CivilDate(year: today.year - years, month: today.month, day: min(today.day, CivilDate.daysIn(year: today.year - years, month: today.month)))!
    }

    static func bitSet(_ column: String, _ bits: Int) -> DatabaseQuery.Filter {
        .sql(embed: "(\(ident: Child.schema).\(ident: column) & \(literal: bits)) <> 0")
    }

    /// The unit the filter names when it lies inside the jurisdiction, else the whole jurisdiction.
    func scope(_ f: ChildFilter) -> Jurisdiction {
        DivisionCode(f.unit).flatMap { jurisdiction.contains($0) ? Jurisdiction(root: $0) : nil } ?? jurisdiction
    }

    /// The list's query without order or paging, shared by the page, its count, the API and the print view.
    func childQuery(_ f: ChildFilter, today: CivilDate) async throws -> QueryBuilder<Child> {
        // One unit range only: given two, SQLite bounds the index scan by the wider one.
        var q = Child.query(on: db).within(scope(f), \.$unitCode).filter(\.$status != .voided)
        switch f.exited {
        case "1": q = q.filter(\.$status == .exited)
        case "all": q = q.filter(\.$status ~~ ChildTally.counted)
        default: q = q.filter(\.$status == .active)
        }
        if f.category == "difficulty" { q = q.filter(Self.bitSet("category_bits", ChildCategory.difficultyBits)) }
        if let cat = ChildCategory(rawValue: f.category) { q = q.filter(Self.bitSet("category_bits", cat.bit)) }
        if let n = ChildNeed(rawValue: f.need) { q = q.filter(Self.bitSet("need_bits", n.bit)) }
        if let band = Self.bands[f.ageBand] {
            // 周岁 in [lower, upper]: born after the day (upper + 1) years ago, and on or before the day lower years ago
            // (strictly before it for lower > 0, because a birthday is reached only the day after).
            let youngest = Self.yearsBefore(today, band.lowerBound), oldest = Self.yearsBefore(today, band.upperBound + 1)
            q = q.filter(\.$birthDate >= oldest.iso)
            q = band.lowerBound > 0 ? q.filter(\.$birthDate < youngest.iso) : q.filter(\.$birthDate <= today.iso)
        }
        if f.guardianAge == "none" {
            q = q.filter(\.$guardianID == nil)
        } else if let range = Self.guardianBands[f.guardianAge] {
            // The same 周岁 arithmetic as the children's age bands, on the guardian's birth date copied to the child.
            if let upper = range.upper { q = q.filter(\.$guardianBirth >= Self.yearsBefore(today, upper + 1).iso) }
            q = range.lower > 0 ? q.filter(\.$guardianBirth < Self.yearsBefore(today, range.lower).iso) : q.filter(\.$guardianBirth != nil)
        }
        let poor: [Health] = [.chronicIllness, .seriousIllness, .hospitalised, .severeDisability]
        let healths = f.guardianHealth == "poor" ? poor : Health(rawValue: f.guardianHealth).map { [$0] } ?? []
        if !healths.isEmpty { q = q.filter(\.$guardianHealth ~~ healths.map(\.rawValue)) }
        if let t = RiskTier(rawValue: f.tier) { q = q.filter(\.$riskTier == t.rawValue) }
        if let ids = try await personIDs(matching: f.q) { q = q.filter(\.$personID ~~ ids) }
        return q
    }

    static func sorted(_ q: QueryBuilder<Child>, _ s: ChildSort) -> QueryBuilder<Child> {
        switch s {
        case .village: q.sort(\.$unitCode).sort(\.$birthDate, .descending).sort(\.$id)
        case .oldest: q.sort(\.$birthDate).sort(\.$unitCode).sort(\.$id)
        case .recent: q.sort(\.$createdAt, .descending).sort(\.$id)
        }
    }

    func children(matching f: ChildFilter, today: CivilDate, page: Int, per: Int) async throws -> (items: [Child], total: Int) {
        let q = try await childQuery(f, today: today)
        let total: Int
        if ChildTally.answers(f) {
            let statuses: [ChildStatus] = f.exited == "1" ? [.exited] : f.exited == "all" ? ChildTally.counted : [.active]
            let cat = f.category == "difficulty" ? ChildCategory.difficultyBits : ChildCategory(rawValue: f.category)?.bit
            total = try await ChildTally.count(scope(f), statuses: statuses, categoryBits: cat, needBits: ChildNeed(rawValue: f.need)?.bit, on: db)
        } else {
            total = try await q.copy().count()
        }
        let items = try await Self.sorted(q, f.sort).range((page - 1) * per ..< page * per).all()
        return (items, total)
    }

    static let guardianBands: [String: (lower: Int, upper: Int?)] = ["70+": (70, nil), "60-69": (60, 69), "under60": (0, 59)]
    static let bands: [String: ClosedRange<Int>] = ["0-5": 0...5, "6-13": 6...13, "14-15": 14...15, "16-17": 16...17]

    struct ChildCounts: Sendable { var active = 0; var leftBehind = 0; var difficulty = 0; var exited = 0 }

    func childCounts() async throws -> ChildCounts {
        var c = ChildCounts()
        c.active = try await ChildTally.count(jurisdiction, statuses: [.active], categoryBits: nil, needBits: nil, on: db)
        c.leftBehind = try await ChildTally.count(jurisdiction, statuses: [.active], categoryBits: ChildCategory.leftBehind.bit, needBits: nil, on: db)
        c.exited = try await ChildTally.count(jurisdiction, statuses: [.exited], categoryBits: nil, needBits: nil, on: db)
        c.difficulty = try await ChildTally.count(jurisdiction, statuses: [.active], categoryBits: ChildCategory.difficultyBits, needBits: nil, on: db)
        return c
    }
}
