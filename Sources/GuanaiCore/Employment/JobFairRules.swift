import Foundation

/// A job fair (春风送岗位 and the like) as typed for `POST`/`PATCH /api/v1/job-fairs`.
public struct JobFairInput: Codable, Sendable, Equatable {
    public var name: String?, unitCode: String?, date: String?, place: String?
    public init(name: String? = nil, unitCode: String? = nil, date: String? = nil, place: String? = nil) {
        self.name = name
        self.unitCode = unitCode
        self.date = date
        self.place = place
    }

    /// A PATCH: the fields sent replace the stored ones, the rest stay.
    public func merged(over base: JobFairInput) -> JobFairInput {
        JobFairInput(name: name ?? base.name, unitCode: unitCode ?? base.unitCode, date: date ?? base.date, place: place ?? base.place)
    }
}

public struct CheckedJobFair: Sendable, Equatable {
    public let name: String, unitCode: String, date: CivilDate, place: String?
}

/// An employer that comes to a fair.
public struct FairEmployerInput: Codable, Sendable, Equatable {
    public var name: String?, contact: String?, phone: String?, industry: String?
    public init(name: String? = nil, contact: String? = nil, phone: String? = nil, industry: String? = nil) {
        self.name = name
        self.contact = contact
        self.phone = phone
        self.industry = industry
    }
}

public struct CheckedFairEmployer: Sendable, Equatable {
    public let name: String, contact: String?, phone: String?, industry: String?
}

/// A job an employer offers at the fair; pay in yuan as decimal text, as all money in the API.
public struct FairPostingInput: Codable, Sendable, Equatable {
    public var employerId: String?, title: String?, payMin: String?, payMax: String?, place: String?, hours: String?
    public var suitsCarers: Bool?, openings: Int?
    public init(
        employerId: String? = nil, title: String? = nil, payMin: String? = nil, payMax: String? = nil, place: String? = nil,
        hours: String? = nil, suitsCarers: Bool? = nil, openings: Int? = nil
    ) {
        self.employerId = employerId
        self.title = title
        self.payMin = payMin
        self.payMax = payMax
        self.place = place
        self.hours = hours
        self.suitsCarers = suitsCarers
        self.openings = openings
    }
}

public struct CheckedFairPosting: Sendable, Equatable {
    public let employerId: String, title: String, payMin: Yuan?, payMax: Yuan?, place: String?, hours: String?
    public let suitsCarers: Bool, openings: Int
}

/// `…/attendees {"personId"}`, `…/intents` and `…/hires {"personId","postingId"}`.
public struct FairPersonInput: Codable, Sendable, Equatable {
    public var personId: String?, postingId: String?
    public init(personId: String? = nil, postingId: String? = nil) {
        self.personId = personId
        self.postingId = postingId
    }
}

/// `POST /api/v1/job-fair-hires/{id}/followups {"outcome","note"}`.
public struct FairFollowupInput: Codable, Sendable, Equatable {
    public var outcome: String?, note: String?
    public init(outcome: String? = nil, note: String? = nil) {
        self.outcome = outcome
        self.note = note
    }
}

/// Job fairs' rules, with no database: the caller reads the facts (the unit, the woman, the posting, the counts) and
/// hands them in.
public enum JobFairRules {
    /// More than a fair's employers could take in one day is a typing slip.
    public static let openingsRange = 1...10_000
    /// The follow-up asks how she fares this many months after the hire.
    public static let followupMonths = 3
    /// Days of grace after the follow-up's due day before it counts as missing (the reminders' pattern).
    public static let followupGraceDays = 7

    public static func unitCode(_ input: JobFairInput) -> String? { FormChecker().text(input.unitCode) }

    /// A fair is held by a township or the city, or in a village: any active unit of the caller's.
    public static func fair(_ input: JobFairInput, unit: UnitFacts?, _ c: inout FormChecker) -> CheckedJobFair? {
        let name = c.required(input.name, "name")
        StationForm.text(name, "name", &c)
        let code = c.required(input.unitCode, "unitCode")
        if code != nil, !(unit?.isActive ?? false) { c.errors.append(FieldError(field: "unitCode", key: "field.error.choice")) }
        var date: CivilDate?
        if FormChecker().text(input.date) == nil {
            c.errors.append(FieldError(field: "date", key: "field.error.required"))
        } else {
            date = c.date(input.date, "date")
        }
        let place = c.text(input.place)
        StationForm.text(place, "place", &c)
        guard c.errors.isEmpty, let name, let code, let date else { return nil }
        return CheckedJobFair(name: name, unitCode: code, date: date, place: place)
    }

    public static func employer(_ input: FairEmployerInput, _ c: inout FormChecker) -> CheckedFairEmployer? {
        let name = c.required(input.name, "name")
        StationForm.text(name, "name", &c)
        let contact = c.text(input.contact)
        StationForm.text(contact, "contact", &c)
        let phone = c.phone(input.phone, "phone")
        let industry = c.text(input.industry)
        StationForm.text(industry, "industry", &c)
        guard c.errors.isEmpty, let name else { return nil }
        return CheckedFairEmployer(name: name, contact: contact, phone: phone, industry: industry)
    }

    /// `employerKnown`: the employer id names an employer of this fair. Pay may be left open at either end; when both
    /// are given the range must run upwards, and the refusal names both ends.
    public static func posting(_ input: FairPostingInput, employerKnown: Bool, _ c: inout FormChecker) -> CheckedFairPosting? {
        let employer = c.required(input.employerId, "employerId")
        if employer != nil, !employerKnown { c.errors.append(FieldError(field: "employerId", key: "field.error.choice")) }
        let title = c.required(input.title, "title")
        StationForm.text(title, "title", &c)
        let payMin = pay(input.payMin, "payMin", &c), payMax = pay(input.payMax, "payMax", &c)
        if let payMin, let payMax, payMin > payMax {
            c.errors.append(FieldError(field: "payMin", key: "fairs.error.payOrder"))
            c.errors.append(FieldError(field: "payMax", key: "fairs.error.payOrder"))
        }
        let place = c.text(input.place)
        StationForm.text(place, "place", &c)
        let hours = c.text(input.hours)
        StationForm.text(hours, "hours", &c)
        let openings = input.openings
        if let openings {
            if !openingsRange.contains(openings) {
                c.errors.append(
                    FieldError(
                        field: "openings", key: "fairs.error.openings",
                        args: [String(openingsRange.lowerBound), String(openingsRange.upperBound)]))
            }
        } else {
            c.errors.append(FieldError(field: "openings", key: "field.error.required"))
        }
        guard c.errors.isEmpty, let employer, let title, let openings else { return nil }
        return CheckedFairPosting(
            employerId: employer, title: title, payMin: payMin, payMax: payMax, place: place, hours: hours,
            suitsCarers: input.suitsCarers ?? false, openings: openings)
    }

    /// Blank is no figure; anything else must be yuan with at most two decimals.
    static func pay(_ raw: String?, _ field: String, _ c: inout FormChecker) -> Yuan? {
        guard let t = c.text(raw) else { return nil }
        guard let y = Yuan(t) else { c.errors.append(FieldError(field: field, key: "fairs.error.pay")); return nil }
        return y
    }

    /// What the caller found of the woman named by `personId`: nil when no such person lies in its jurisdiction.
    public struct Woman: Sendable, Equatable {
        public let female: Bool, alive: Bool
        public init(female: Bool, alive: Bool) {
            self.female = female
            self.alive = alive
        }
    }

    /// `…/attendees`: a living woman the caller reaches (a village worker reaches her own village's only).
    public static func attendee(personId: String?, woman: Woman?, _ c: inout FormChecker) -> String? {
        let id = c.required(personId, "personId")
        if id != nil {
            if let w = woman {
                if !w.female {
                    c.errors.append(FieldError(field: "personId", key: "fairs.error.notWoman"))
                } else if !w.alive {
                    c.errors.append(FieldError(field: "personId", key: "fairs.error.notAlive"))
                }
            } else {
                c.errors.append(FieldError(field: "personId", key: "fairs.error.unknownPerson"))
            }
        }
        guard c.errors.isEmpty else { return nil }
        return id
    }

    /// What the caller found for an intent or a hire.
    public struct Match: Sendable, Equatable {
        /// She is recorded as an attendee of this fair.
        public let attended: Bool
        /// The posting is one of this fair's; nil when no such posting.
        public let postingOfFair: Bool
        public let openings: Int
        /// Hires already recorded on the posting.
        public let hired: Int
        public init(attended: Bool, postingOfFair: Bool, openings: Int = 0, hired: Int = 0) {
            self.attended = attended
            self.postingOfFair = postingOfFair
            self.openings = openings
            self.hired = hired
        }
    }

    /// `…/intents`: she came to the fair and the posting is the fair's.
    public static func intent(_ input: FairPersonInput, _ m: Match, _ c: inout FormChecker) -> Bool {
        let person = c.required(input.personId, "personId"), posting = c.required(input.postingId, "postingId")
        if person != nil, !m.attended { c.errors.append(FieldError(field: "personId", key: "fairs.error.notAttendee")) }
        if posting != nil, !m.postingOfFair { c.errors.append(FieldError(field: "postingId", key: "field.error.choice")) }
        return c.errors.isEmpty
    }

    /// `…/hires`: as an intent, and the posting has an opening left.
    public static func hire(_ input: FairPersonInput, _ m: Match, _ c: inout FormChecker) -> Bool {
        guard intent(input, m, &c) else { return false }
        if m.hired >= m.openings {
            c.errors.append(FieldError(field: "postingId", key: "fairs.error.full", args: [String(m.openings)]))
        }
        return c.errors.isEmpty
    }

    /// The day the follow-up counts as missing: three months after the hire, plus the grace days.
    public static func followupCheckOn(hiredOn: CivilDate) -> CivilDate {
        LoanSchedule.month(hiredOn, plus: followupMonths).adding(days: followupGraceDays)
    }

    /// The due day itself (shown on the page): three months after the hire.
    public static func followupDue(hiredOn: CivilDate) -> CivilDate { LoanSchedule.month(hiredOn, plus: followupMonths) }

    /// Late when the check day has come and no follow-up is recorded.
    public static func followupLate(checkOn: CivilDate?, today: CivilDate) -> Bool { checkOn.map { $0 <= today } ?? false }

    public static func followup(_ input: FairFollowupInput, _ c: inout FormChecker) -> (outcome: FollowupOutcome, note: String?)? {
        let outcome = c.token(input.outcome, "outcome", FollowupOutcome.self)
        let note = c.text(input.note)
        StationForm.text(note, "note", &c)
        guard c.errors.isEmpty, let outcome else { return nil }
        return (outcome, note)
    }
}

extension Policy {
    /// Courses, fairs, attendance and follow-ups (issue 18): the federation's staff, the village worker for her own
    /// women, and the labour department, which runs the fairs with them. The inspector only reads.
    public static func worksOnEmployment(_ role: Role) -> Bool {
        canRead(role, .employment) && [.cityAdmin, .townshipStaff, .villageWorker, .partnerHR].contains(role)
    }
}
