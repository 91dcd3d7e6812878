import Fluent
import Vapor
import GuanaiCore

/// Filters of the women's list (the same words as the children's where they mean the same thing).
struct WomanFilter: Sendable {
    var unit = "", exited = "", q = "", need = "", interest = ""
    var sort = WomanSort.village
    var isEmpty: Bool { (unit + exited + q + need + interest).isEmpty && sort == .village }
    var query: [(String, String)] {
        [
            ("unit", unit), ("exited", exited), ("q", q), ("need", need), ("interest", interest),
            ("sort", sort == .village ? "" : sort.rawValue),
        ]
        .filter { !$0.1.isEmpty }
    }
    init(_ req: Request) {
        unit = req.query[String.self, at: "unit"] ?? req.query[String.self, at: "villageCode"] ?? ""
        exited = req.query[String.self, at: "exited"] ?? ""
        q = req.query[String.self, at: "q"] ?? ""
        need = req.query[String.self, at: "need"] ?? ""
        interest = req.query[String.self, at: "interest"] ?? ""
        sort = req.query[String.self, at: "sort"].flatMap(WomanSort.init(rawValue:)) ?? .village
    }
}

/// The list's single "interest" choice, and the flag of hers it reads.
enum WomanInterest: String, CaseIterable, Sendable {
    case employment, health
    var detail: WomanDetail { self == .employment ? .employmentInterest : .healthInterest }
}

/// The women's list order: by village (the default), or the newest records first.
enum WomanSort: String, CaseIterable, Sendable {
    case village, recent
    var label: String { self == .village ? "women.sort.village" : "children.sort.recent" }
}

struct HouseholdFilter: Sendable {
    var unit = "", poverty = "", q = ""
    var isEmpty: Bool { (unit + poverty + q).isEmpty }
    var query: [(String, String)] { [("unit", unit), ("poverty", poverty), ("q", q)].filter { !$0.1.isEmpty } }
    init(_ req: Request) {
        unit = req.query[String.self, at: "unit"] ?? req.query[String.self, at: "villageCode"] ?? ""
        poverty = req.query[String.self, at: "poverty"] ?? ""
        q = req.query[String.self, at: "q"] ?? ""
    }
}

extension Scoped {
    func narrowed(_ unit: String) -> Jurisdiction {
        DivisionCode(unit).flatMap { jurisdiction.contains($0) ? Jurisdiction(root: $0) : nil } ?? jurisdiction
    }

    /// People in the jurisdiction by name, pinyin initials or the end of the ID number (at most 2,000).
    func personIDs(matching raw: String) async throws -> [PersonID]? {
        let term = raw.trimmingCharacters(in: .whitespaces)
        guard !term.isEmpty else { return nil }
        var pq = Person.query(on: db).within(jurisdiction, \.$unitCode)
        if term.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "X" || $0 == "x") }) {
            pq = pq.filter(\.$idNumber, .custom("LIKE"), "%" + term.uppercased())
        } else if term.allSatisfy({ $0.isASCII && $0.isLetter }) {
            pq = pq.filter(\.$initials, .custom("LIKE"), term.lowercased() + "%")
        } else {
            pq = pq.filter(\.$name, .custom("LIKE"), "%" + term + "%")
        }
        return try await pq.limit(2000).all(\.$id).map(PersonID.init)
    }

    func women(matching f: WomanFilter, page: Int, per: Int) async throws -> (items: [Woman], total: Int) {
        var q = Woman.query(on: db).within(narrowed(f.unit), \.$unitCode).filter(\.$voidedReason == nil)
        switch f.exited {
        case "1": q = q.filter(\.$status == .exited)
        case "all": break
        default: q = q.filter(\.$status == .active)
        }
        if let n = WomanNeed(rawValue: f.need) {
            q = q.group(.or) { g in
                g.filter(\.$needs == n.rawValue).filter(\.$needs, .custom("LIKE"), n.rawValue + ",%")
                    .filter(\.$needs, .custom("LIKE"), "%," + n.rawValue).filter(\.$needs, .custom("LIKE"), "%," + n.rawValue + ",%")
            }
        }
        if let i = WomanInterest(rawValue: f.interest)?.detail {
            q = q.filter(.extendedPath([FieldKey(stringLiteral: i.column)], schema: Woman.schema, space: nil), .equal, .bind(true))
        }
        if let ids = try await personIDs(matching: f.q) { q = q.filter(\.$personID ~~ ids.map(\.uuid)) }
        let total = try await q.copy().count()
        q = f.sort == .recent ? q.sort(\.$createdAt, .descending).sort(\.$id) : q.sort(\.$unitCode).sort(\.$id)
        return (try await q.range((page - 1) * per..<page * per).all(), total)
    }

    func households(matching f: HouseholdFilter, page: Int, per: Int) async throws -> (
        items: [Household], total: Int, members: [HouseholdID: Int]
    ) {
        var q = Household.query(on: db).within(narrowed(f.unit), \.$unitCode).filter(\.$voidedReason == nil)
        if PovertyStatus(rawValue: f.poverty) != nil { q = q.filter(\.$poverty == f.poverty) }
        if f.poverty == "any" { q = q.filter(\.$poverty != PovertyStatus.none.rawValue) }
        let term = f.q.trimmingCharacters(in: .whitespaces)
        if !term.isEmpty { q = q.filter(\.$address, .custom("LIKE"), "%" + term + "%") }
        let total = try await q.copy().count()
        let items = try await q.sort(\.$unitCode).sort(\.$address).sort(\.$id).range((page - 1) * per..<page * per).all()
        var members: [HouseholdID: Int] = [:]
        let ids = items.compactMap(\.id)
        for start in stride(from: 0, to: ids.count, by: 1000) {
            for p in try await Person.query(on: db).filter(\.$householdID ~~ Array(ids[start..<min(start + 1000, ids.count)])).all(
                \.$householdID)
            {
                if let h = p { members[HouseholdID(h), default: 0] += 1 }
            }
        }
        return (items, total, members)
    }
}
