import Foundation

/// A training course as typed for `POST`/`PATCH /api/v1/courses` (issue 18, Training item 1).
public struct CourseInput: Codable, Sendable, Equatable {
    public var title: String?
    public var topic: String?
    public var organiser: String?
    public var partner: String?
    public var unitCode: String?
    public var from: String?
    public var to: String?
    public var place: String?
    public var capacity: Int?

    public init(
        title: String? = nil, topic: String? = nil, organiser: String? = nil, partner: String? = nil, unitCode: String? = nil,
        from: String? = nil, to: String? = nil, place: String? = nil, capacity: Int? = nil
    ) {
        self.title = title
        self.topic = topic
        self.organiser = organiser
        self.partner = partner
        self.unitCode = unitCode
        self.from = from
        self.to = to
        self.place = place
        self.capacity = capacity
    }

    /// A PATCH: the fields sent replace these, the rest stay.
    public func merging(_ p: CourseInput) -> CourseInput {
        CourseInput(
            title: p.title ?? title, topic: p.topic ?? topic, organiser: p.organiser ?? organiser, partner: p.partner ?? partner,
            unitCode: p.unitCode ?? unitCode, from: p.from ?? from, to: p.to ?? to, place: p.place ?? place,
            capacity: p.capacity ?? capacity)
    }
}

/// A course that passed every check.
public struct CheckedCourse: Sendable, Equatable {
    public let title: String
    public let topic: CourseTopic
    public let organiser: String
    public let partner: String?
    public let unitCode: String
    public let from: CivilDate
    public let to: CivilDate
    public let place: String?
    public let capacity: Int

    /// The days a course runs, both ends included.
    public var days: Int { to.dayNumber - from.dayNumber + 1 }
    public func covers(_ d: CivilDate) -> Bool { from <= d && d <= to }
}

public enum CourseForm {
    /// A village hall or a township classroom; more is a typing slip.
    public static let capacityRange = 1...500
    /// A course of a few days to a season (a 家政 course runs weeks); a year is a typing slip.
    public static let maxDays = 366

    public static func unitCode(_ input: CourseInput) -> String? { FormChecker().text(input.unitCode) }

    /// Every field checked, each bad one named: title and organiser required, a known topic, an active city,
    /// township or village unit (facts read by the caller), dates in order and at most `maxDays` long, a capacity
    /// of 1–500.
    public static func check(_ input: CourseInput, unit: UnitFacts?, _ c: inout FormChecker) -> CheckedCourse? {
        let title = c.required(input.title, "title")
        StationForm.text(title, "title", &c)
        let topic = c.token(input.topic, "topic", CourseTopic.self)
        let organiser = c.required(input.organiser, "organiser")
        StationForm.text(organiser, "organiser", &c)
        let partner = c.text(input.partner)
        StationForm.text(partner, "partner", &c)
        let code = c.required(input.unitCode, "unitCode")
        if code != nil, !(unit.map { $0.isActive && $0.level >= .county } ?? false) {
            c.errors.append(FieldError(field: "unitCode", key: "field.error.choice"))
        }
        let from = requiredDate(input.from, "from", &c)
        let to = requiredDate(input.to, "to", &c)
        if let from, let to {
            if to < from {
                c.errors.append(FieldError(field: "to", key: "course.error.order"))
            } else if to.dayNumber - from.dayNumber + 1 > maxDays {
                c.errors.append(FieldError(field: "to", key: "course.error.long", args: [String(maxDays)]))
            }
        }
        let place = c.text(input.place)
        StationForm.text(place, "place", &c)
        if let n = input.capacity {
            if !capacityRange.contains(n) {
                c.errors.append(
                    FieldError(
                        field: "capacity", key: "stations.error.capacity",
                        args: [String(capacityRange.lowerBound), String(capacityRange.upperBound)]))
            }
        } else {
            c.errors.append(FieldError(field: "capacity", key: "field.error.required"))
        }
        guard c.errors.isEmpty, let title, let topic, let organiser, let code, let from, let to, let capacity = input.capacity
        else { return nil }
        // The unit's own code, as the registry writes it, however it was typed (`421081` is `421081000000`).
        return CheckedCourse(
            title: title, topic: topic, organiser: organiser, partner: partner, unitCode: unit?.code ?? code, from: from, to: to,
            place: place,
            capacity: capacity)
    }

    /// A course's places may not fall below the women already enrolled.
    public static func capacity(_ n: Int?, holds enrolled: Int, _ c: inout FormChecker) {
        if let n, capacityRange.contains(n), n < enrolled {
            c.errors.append(FieldError(field: "capacity", key: "course.error.belowEnrolled", args: [String(enrolled)]))
        }
    }

    static func requiredDate(_ v: String?, _ field: String, _ c: inout FormChecker) -> CivilDate? {
        guard c.required(v, field) != nil else { return nil }
        return c.date(v, field)
    }

    /// The words a form or a ledger (培训意向) uses for each topic, besides its token.
    public static let topicWords: [String: CourseTopic] = [
        "电商": .ecommerce, "电子商务": .ecommerce, "直播": .ecommerce, "种养": .plantingBreeding, "种植养殖": .plantingBreeding,
        "种植": .plantingBreeding, "养殖": .plantingBreeding, "家政": .domesticService, "家政服务": .domesticService,
        "手工": .handicrafts, "手工编织": .handicrafts, "编织": .handicrafts, "护理": .careWork, "养老护理": .careWork,
        "其他": .other,
    ]

    /// A woman's `trainingTopics` as typed (tokens or their words, separated by commas, 、 or spaces, from the API, a
    /// form or a ledger): each known, once, in `CourseTopic`'s order; an unknown one names the field.
    public static func topics(_ raw: [String], field: String = "trainingTopics", _ c: inout FormChecker) -> [CourseTopic] {
        var set: Set<CourseTopic> = []
        for part in raw.flatMap({ $0.split(whereSeparator: { ",，、 ;；".contains($0) }) }) {
            if let t = CourseTopic(rawValue: String(part)) ?? topicWords[String(part)] {
                set.insert(t)
            } else {
                c.errors.append(FieldError(field: field, key: "field.error.choice"))
                return []
            }
        }
        return CourseTopic.allCases.filter(set.contains)
    }
}
