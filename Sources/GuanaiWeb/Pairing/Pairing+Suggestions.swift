import Fluent
import Vapor
import GuanaiCore

struct SuggestionDTO: Content {
    let childId: String, volunteerId: String, cost: Int, reasons: [ReasonDTO]
}
struct SuggestionsDTO: Content {
    let unit: String, children: Int, volunteers: Int, suggestions: [SuggestionDTO], unpaired: [String], totalCost: Int
}

/// Suggestions for one unit: its listed children without an open pair, and the screened, active volunteers of its
/// township with room, assigned at least total cost (the exact solver). Nothing is written: staff propose and
/// approve from the answer.
enum PairingSuggestions {
    static func compute(unit: Unit, scoped: Scoped, lang: UILanguage, rules: PairingCostRules = PairingCostRules()) async throws
        -> SuggestionsDTO
    {
        let db = scoped.db
        let kids = try await Child.query(on: db).within(Jurisdiction(root: DivisionCode(unit.code)!), \.$unitCode).filter(
            \.$status == .active
        ).all()
        let paired = Set(
            try await Pair.query(on: db).filter(\.$childID ~~ kids.compactMap(\.id)).filter(\.$status != .closed)
                .all(\.$childID))
        let queue = kids.filter { !paired.contains($0.id!) }
        // Volunteers of the township (or of the unit itself, above a township), screened, with room.
        let area = DivisionCode(unit.code)!.level == .village ? String(unit.code.prefix(9)) + "000" : unit.code
        let all = try await Volunteer.query(on: db).within(Jurisdiction(root: DivisionCode(area)!), \.$unitCode)
            .filter(\.$status == .active).all().filter(\.screened)
        let load = try await scoped.load(all.map(\.recordID))
        let volunteers = all.filter { (load[$0.recordID] ?? 0) < $0.capacity }
        let homes = try await Household.query(on: db).filter(\.$id ~~ queue.compactMap(\.householdID)).all()
        let point = Dictionary(
            uniqueKeysWithValues: homes.compactMap { h in
                h.latitude.flatMap { la in h.longitude.map { (h.recordID, GeoPoint(latitude: la, longitude: $0)) } }
            })

        // Equal distances are common (every pair inside a village without GPS points costs the same), and the solver
        // may answer any of the tied optima. A small tie-break fixed by the two ids, below one metre in total, makes
        // the optimum unique: approving one suggestion then leaves the others as they were shown (removing an
        // approved pair from an optimum leaves an optimum of what remains).
        let scale = Self.tiebreakRange * (queue.count + 1)
        var edges: [AssignmentProblem.Edge] = []
        var why: [Int: [Int: (cost: Int, reasons: [(code: String, arg: String)])]] = [:]
        for (i, c) in queue.enumerated() {
            let side = PairingCost.Side(unitCode: c.unitCode, point: c.household.flatMap { point[$0] })
            for (j, v) in volunteers.enumerated() {
                let vp = v.latitude.flatMap { la in v.longitude.map { GeoPoint(latitude: la, longitude: $0) } }
                guard
                    let (cost, reasons) = PairingCost.cost(
                        child: side, needs: c.needList, volunteer: .init(unitCode: v.unitCode, point: vp), skills: v.skillList, rules: rules
                    )
                else { continue }
                edges.append(.init(child: i, volunteer: j, cost: cost * scale + Self.tiebreak(c.recordID, v.recordID)))
                why[i, default: [:]][j] = (cost, reasons)
            }
        }
        let penalties = queue.map { (rules.penalty[$0.tier ?? .normal] ?? 100_000) * scale }
        let problem = AssignmentProblem(
            penalties: penalties, capacities: volunteers.map { $0.capacity - (load[$0.recordID] ?? 0) }, edges: edges)
        // Critical and high-risk children take their own village's volunteers first (docs/pairing.md).
        let first = queue.map { ($0.tier ?? .normal) >= .high }
        let solution = PrioritisedAssignment.solve(problem, first: first) { queue[$0.child].unitCode == volunteers[$0.volunteer].unitCode }
        var out: [SuggestionDTO] = []
        var unpaired: [String] = []
        for (i, c) in queue.enumerated() {
            guard let j = solution.volunteerOf[i] else { unpaired.append(c.id!.uuidString); continue }
            let cost = why[i]?[j]?.cost ?? 0
            let raw = why[i]?[j]?.reasons ?? []
            // The needs her skills meet read as one reason: "特长能帮上：亲情抚慰、习惯养成".
            let skills = raw.filter { $0.code == "pairing.reason.skill" }.map { lang.t("need." + $0.arg) }
            let reasons =
                raw.filter { $0.code != "pairing.reason.skill" }.map { ReasonDTO(code: $0.code, message: lang.t($0.code, $0.arg)) }
                + (skills.isEmpty
                    ? []
                    : [
                        ReasonDTO(
                            code: "pairing.reason.skill",
                            message: lang.t("pairing.reason.skill", skills.joined(separator: lang.t("list.sep"))))
                    ])
                + [
                    ReasonDTO(
                        code: "pairing.reason.tier",
                        message: lang.t("pairing.reason.tier", lang.t("tier." + (c.riskTier ?? RiskTier.normal.rawValue))))
                ]
            out.append(SuggestionDTO(childId: c.id!.uuidString, volunteerId: volunteers[j].id!.uuidString, cost: cost, reasons: reasons))
        }
        let left = queue.enumerated().filter { solution.volunteerOf[$0.offset] == nil }.map {
            rules.penalty[$0.element.tier ?? .normal] ?? 100_000
        }
        let total = out.reduce(0) { $0 + $1.cost } + left.reduce(0, +)
        return SuggestionsDTO(
            unit: unit.code, children: queue.count, volunteers: volunteers.count, suggestions: out, unpaired: unpaired, totalCost: total)
    }

    static let tiebreakRange = 1024

    /// FNV-1a over both ids: the same on every instance and every run (Swift's `Hasher` is seeded per process).
    static func tiebreak(_ child: ChildID, _ volunteer: VolunteerID) -> Int {
        var h: UInt64 = 0xcbf29ce484222325
        for b in Array(child.description.utf8) + Array(volunteer.description.utf8) { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return Int(h % UInt64(tiebreakRange))
    }
}
