import Foundation

/// What a list of children asks for, as the page's query string and the API's parameters say it.
public struct ChildFilter: Sendable {
    public var unit = ""
    public var category = ""
    /// "" = registered and active, "1" = exited only, "all" = both.
    public var exited = ""
    public var q = ""
    /// "0-5", "6-13", "14-15", "16-17" in 周岁.
    public var ageBand = ""
    public var need = ""
    /// The entrusted guardian's age: "70+", "60-69", "under60", or "none" for children with no guardian recorded.
    public var guardianAge = ""
    /// A health token, or "poor" for chronic_illness, serious_illness, hospitalised or severe_disability.
    public var guardianHealth = ""
    /// A risk tier token: the children the safety net ranks there.
    public var tier = ""
    public var sort = ChildSort.village

    public init(
        unit: String = "", category: String = "", exited: String = "", q: String = "", ageBand: String = "", need: String = "",
        guardianAge: String = "", guardianHealth: String = "", tier: String = "", sort: ChildSort = .village
    ) {
        self.unit = unit
        self.category = category
        self.exited = exited
        self.q = q
        self.ageBand = ageBand
        self.need = need
        self.guardianAge = guardianAge
        self.guardianHealth = guardianHealth
        self.tier = tier
        self.sort = sort
    }

    public var isEmpty: Bool {
        (unit + category + exited + q + ageBand + need + guardianAge + guardianHealth + tier).isEmpty && sort == .village
    }
}

/// The orders a list can be read in; each has an index that starts with status (M0011).
public enum ChildSort: String, Sendable, CaseIterable {
    /// 台账 order: village by village, youngest first.
    case village
    /// Oldest first: who is about to turn 16 and leave the register.
    case oldest
    /// Most recently registered first.
    case recent
}

/// Bounds on a birth date (ISO strings compare as dates): each nil bound is no bound.
public struct BirthBounds: Sendable, Equatable {
    public let atLeast: String?
    public let below: String?
    public let atMost: String?
    /// The date must be known (a guardian without one is in no age band).
    public let known: Bool
}

/// What the filter selects, as typed criteria: the query is the web's, the rules (which statuses, which bits, the
/// 周岁 arithmetic of the age bands) are these.
extension ChildFilter {
    public static let ageBands: [String: ClosedRange<Int>] = ["0-5": 0...5, "6-13": 6...13, "14-15": 14...15, "16-17": 16...17]
    public static let guardianAgeBands: [String: (lower: Int, upper: Int?)] = ["70+": (70, nil), "60-69": (60, 69), "under60": (0, 59)]
    /// The guardian-age choice for children with no guardian recorded.
    public static let noGuardian = "none"
    /// The guardian-age choices in the order a list offers them.
    public static let guardianAgeChoices = ["70+", "60-69", "under60", noGuardian]
    /// What "poor" health means for a guardian.
    public static let poorHealth: [Health] = [.chronicIllness, .seriousIllness, .hospitalised, .severeDisability]

    /// The statuses listed: active by default, exited only ("1"), or both ("all").
    public var statuses: [ChildStatus] {
        switch exited {
        case "1": return [.exited]
        case "all": return [.active, .exited]
        default: return [.active]
        }
    }

    /// Any of these category bits (all the difficulty ones for "difficulty").
    public var categoryBits: Int? { category == "difficulty" ? ChildCategory.difficultyBits : ChildCategory(rawValue: category)?.bit }
    public var needBits: Int? { ChildNeed(rawValue: need)?.bit }
    public var riskTier: RiskTier? { RiskTier(rawValue: tier) }
    public var guardianHealths: [Health] {
        guardianHealth == "poor" ? Self.poorHealth : Health(rawValue: guardianHealth).map { [$0] } ?? []
    }
    /// Children with no guardian recorded.
    public var withoutGuardian: Bool { guardianAge == Self.noGuardian }

    /// The day `years` before `today` (29 February becomes 28 in a common year).
    public static func yearsBefore(_ today: CivilDate, _ years: Int) -> CivilDate {
        let year = today.year - years
        return CivilDate(year: year, month: today.month, day: min(today.day, CivilDate.daysIn(year: year, month: today.month)))!
    }

    /// The child's birth dates for the age band: 周岁 in [lower, upper] is born after the day (upper + 1) years ago,
    /// and on or before the day lower years ago (strictly before it for lower > 0: a birthday is reached only the
    /// day after).
    public func birthBounds(today: CivilDate) -> BirthBounds? {
        guard let band = Self.ageBands[ageBand] else { return nil }
        let youngest = Self.yearsBefore(today, band.lowerBound), oldest = Self.yearsBefore(today, band.upperBound + 1)
        return BirthBounds(
            atLeast: oldest.iso, below: band.lowerBound > 0 ? youngest.iso : nil,
            atMost: band.lowerBound > 0 ? nil : today.iso, known: true)
    }

    /// The same 周岁 arithmetic on the guardian's birth date (copied to the child).
    public func guardianBirthBounds(today: CivilDate) -> BirthBounds? {
        guard let range = Self.guardianAgeBands[guardianAge] else { return nil }
        return BirthBounds(
            atLeast: range.upper.map { Self.yearsBefore(today, $0 + 1).iso },
            below: range.lower > 0 ? Self.yearsBefore(today, range.lower).iso : nil, atMost: nil, known: range.lower == 0)
    }
}
