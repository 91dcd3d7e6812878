import Fluent
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
}

extension Scoped {
    func children() -> QueryBuilder<Child> {
        Child.query(on: db).within(jurisdiction, \.$unitCode).filter(\.$voidedReason == nil)
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
        let rows = try await Person.query(on: db).filter(\.$id ~~ set).all()
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.id!, $0) })
    }

    func children(matching f: ChildFilter, today: CivilDate, page: Int, per: Int) async throws -> (items: [Child], total: Int) {
        var q = children()
        if let c = DivisionCode(f.unit), jurisdiction.contains(c) { q = q.within(Jurisdiction(root: c), \.$unitCode) }
        switch f.exited {
        case "1": q = q.filter(\.$status == "exited")
        case "all": break
        default: q = q.filter(\.$status == "active")
        }
        if f.category == "difficulty" { q = q.filter(\.$categories, .custom("LIKE"), "%difficulty%") }
        if let cat = ChildCategory(rawValue: f.category) {
            // Tokens are comma-separated; match whole tokens only.
            q = q.group(.or) { g in
                g.filter(\.$categories == cat.rawValue)
                 .filter(\.$categories, .custom("LIKE"), cat.rawValue + ",%")
                 .filter(\.$categories, .custom("LIKE"), "%," + cat.rawValue)
                 .filter(\.$categories, .custom("LIKE"), "%," + cat.rawValue + ",%")
            }
        }
        if let n = ChildNeed(rawValue: f.need) { q = q.filter(\.$needs, .custom("LIKE"), "%" + n.rawValue + "%") }
        if let band = Self.bands[f.ageBand] {
            // Born after (today − upper) and on or before (today − lower) in 周岁 terms.
            let youngest = CivilDate(year: today.year - band.lowerBound, month: today.month, day: min(today.day, CivilDate.daysIn(year: today.year - band.lowerBound, month: today.month)))!
            let oldest = CivilDate(year: today.year - band.upperBound - 1, month: today.month, day: min(today.day, CivilDate.daysIn(year: today.year - band.upperBound - 1, month: today.month)))!
            q = q.filter(\.$birthDate >= oldest.iso)
            q = band.lowerBound > 0 ? q.filter(\.$birthDate < youngest.iso) : q.filter(\.$birthDate <= today.iso)
        }
        let term = f.q.trimmingCharacters(in: .whitespaces)
        if !term.isEmpty {
            var pq = Person.query(on: db).within(jurisdiction, \.$unitCode)
            if term.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "X" || $0 == "x") }) {
                pq = pq.filter(\.$idNumber, .custom("LIKE"), "%" + term.uppercased())
            } else if term.allSatisfy({ $0.isASCII && $0.isLetter }) {
                pq = pq.filter(\.$initials, .custom("LIKE"), term.lowercased() + "%")
            } else {
                pq = pq.filter(\.$name, .custom("LIKE"), "%" + term + "%")
            }
            let ids = try await pq.limit(2000).all(\.$id)
            q = q.filter(\.$personID ~~ ids)
        }
        let total = try await q.count()
        let items = try await q.sort(\.$unitCode).sort(\.$birthDate, .descending).sort(\.$id).range((page - 1) * per ..< page * per).all()
        return (items, total)
    }

    static let bands: [String: ClosedRange<Int>] = ["0-5": 0...5, "6-13": 6...13, "14-15": 14...15, "16-17": 16...17]

    struct ChildCounts: Sendable { var active = 0; var leftBehind = 0; var difficulty = 0; var exited = 0 }

    func childCounts() async throws -> ChildCounts {
        var c = ChildCounts()
        c.active = try await children().filter(\.$status == "active").count()
        c.leftBehind = try await children().filter(\.$status == "active").filter(\.$leftBehind == true).count()
        c.exited = try await children().filter(\.$status == "exited").count()
        c.difficulty = try await children().filter(\.$status == "active").filter(\.$categories, .custom("LIKE"), "%difficulty%").count()
        return c
    }
}
