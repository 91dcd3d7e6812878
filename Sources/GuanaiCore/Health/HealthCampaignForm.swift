/// `POST /api/v1/health/campaigns` (issue 20, item 2): a township's screening campaign of one year.
public struct HealthCampaignInput: Codable, Sendable, Equatable {
    public struct Site: Codable, Sendable, Equatable {
        public var name: String?
        public var dates: [String]?
        public init(name: String? = nil, dates: [String]? = nil) {
            self.name = name
            self.dates = dates
        }
    }
    public var year: Int?
    public var unitCode: String?
    public var programme: String?
    public var target: Int?
    public var sites: [Site]?
    public init(year: Int? = nil, unitCode: String? = nil, programme: String? = nil, target: Int? = nil, sites: [Site]? = nil) {
        self.year = year
        self.unitCode = unitCode
        self.programme = programme
        self.target = target
        self.sites = sites
    }
}

public struct CheckedHealthCampaign: Codable, Sendable, Equatable {
    public struct Site: Codable, Sendable, Equatable {
        public let name: String
        /// In order, each once.
        public let dates: [CivilDate]
        public init(name: String, dates: [CivilDate]) { (self.name, self.dates) = (name, dates) }
    }
    public let year: Int
    public let unitCode: DivisionCode
    public let programme: HealthCampaignProgramme
    public let target: Int
    public let sites: [Site]

    /// A campaign as stored (the web keeps the checked values).
    public init(year: Int, unitCode: DivisionCode, programme: HealthCampaignProgramme, target: Int, sites: [Site]) {
        (self.year, self.unitCode, self.programme, self.target, self.sites) = (year, unitCode, programme, target, sites)
    }

    /// Whether any of its sites holds that day.
    public func holds(_ day: CivilDate) -> Bool { sites.contains { $0.dates.contains(day) } }

    /// The site of that name holding that day, for an appointment.
    public func offers(site: String, on day: CivilDate) -> Bool { sites.contains { $0.name == site && $0.dates.contains(day) } }
}

/// `…/{id}/invitations`.
public struct HealthInvitationInput: Codable, Sendable, Equatable {
    public var personIds: [String]?
    public init(personIds: [String]? = nil) { self.personIds = personIds }
}

/// `…/{id}/appointments`.
public struct HealthAppointmentInput: Codable, Sendable, Equatable {
    public var personId: String?
    public var date: String?
    public var site: String?
    public init(personId: String? = nil, date: String? = nil, site: String? = nil) {
        self.personId = personId
        self.date = date
        self.site = site
    }
}

/// `…/{id}/attendance`: she came to a site on one of the campaign's days.
public struct HealthAttendanceInput: Codable, Sendable, Equatable {
    public var personId: String?
    public var date: String?
    public init(personId: String? = nil, date: String? = nil) {
        self.personId = personId
        self.date = date
    }
}

public struct HealthAppointment: Codable, Sendable, Equatable {
    public let personId: PersonID
    public let date: CivilDate
    public let site: String
}

public enum HealthCampaignForm {
    /// A township's women of 35–64 number in the thousands; a target past this is a typing slip.
    public static let targetRange = 1...100_000
    /// Sites and days of one campaign, and women in one invitation: more is a paste gone wrong.
    public static let maxSites = 50
    public static let maxDates = 60
    public static let maxInvitations = 500

    /// Every field checked, each bad one named: a year from last year to next, a township's code by its shape (that it
    /// exists, is active and is the caller's is the web's), a programme, a target of 1–100,000, and one site at least,
    /// each with a name and its days (`sites[i].name`, `sites[i].dates`), each day a date of the campaign's year.
    public static func check(_ input: HealthCampaignInput, today: CivilDate, _ c: inout FormChecker) -> CheckedHealthCampaign? {
        var year = input.year
        if let y = year, !((today.year - 1)...(today.year + 1)).contains(y) {
            c.errors.append(FieldError(field: "year", key: "health.error.year", args: [String(today.year - 1), String(today.year + 1)]))
            year = nil
        } else if year == nil {
            c.errors.append(FieldError(field: "year", key: "field.error.required"))
        }
        let unit = township(input.unitCode, "unitCode", &c)
        let programme = c.token(input.programme, "programme", HealthCampaignProgramme.self)
        let target = count(input.target, "target", targetRange, &c)
        let sites = Self.sites(input.sites, year: year, &c)
        guard c.errors.isEmpty, let year, let unit, let programme, let target, let sites else { return nil }
        return CheckedHealthCampaign(year: year, unitCode: unit, programme: programme, target: target, sites: sites)
    }

    /// A required code of a township's shape (nine significant digits).
    static func township(_ v: String?, _ field: String, _ c: inout FormChecker) -> DivisionCode? {
        guard let raw = c.required(v, field) else { return nil }
        guard let code = DivisionCode(raw), code.level == .township else {
            c.errors.append(FieldError(field: field, key: "field.error.choice"))
            return nil
        }
        return code
    }

    /// A required whole number within `range`.
    static func count(_ n: Int?, _ field: String, _ range: ClosedRange<Int>, _ c: inout FormChecker) -> Int? {
        guard let n else {
            c.errors.append(FieldError(field: field, key: "field.error.required"))
            return nil
        }
        guard range.contains(n) else {
            c.errors.append(
                FieldError(field: field, key: "health.error.range", args: [String(range.lowerBound), String(range.upperBound)]))
            return nil
        }
        return n
    }

    static func sites(_ raw: [HealthCampaignInput.Site]?, year: Int?, _ c: inout FormChecker) -> [CheckedHealthCampaign.Site]? {
        guard let raw, !raw.isEmpty else {
            c.errors.append(FieldError(field: "sites", key: "field.error.required"))
            return nil
        }
        if raw.count > maxSites {
            c.errors.append(FieldError(field: "sites", key: "health.error.tooMany", args: [String(maxSites)]))
            return nil
        }
        let before = c.errors.count
        var out: [CheckedHealthCampaign.Site] = []
        var names: Set<String> = []
        for (i, s) in raw.enumerated() {
            let f = "sites[\(i)]"
            let name = c.required(s.name, f + ".name")
            StationForm.text(name, f + ".name", &c)
            if let name, !names.insert(name).inserted {
                c.errors.append(FieldError(field: f + ".name", key: "health.error.duplicate"))
            }
            let dates = Self.dates(s.dates, f + ".dates", year: year, &c)
            if let name, let dates { out.append(.init(name: name, dates: dates)) }
        }
        return c.errors.count == before ? out : nil
    }

    /// One day at least, at most `maxDates`, each a date of `year`; one error for the list, naming the first bad day.
    static func dates(_ raw: [String]?, _ field: String, year: Int?, _ c: inout FormChecker) -> [CivilDate]? {
        let list = (raw ?? []).compactMap { FormChecker().text($0) }
        if list.isEmpty {
            c.errors.append(FieldError(field: field, key: "field.error.required"))
            return nil
        }
        if list.count > maxDates {
            c.errors.append(FieldError(field: field, key: "health.error.tooMany", args: [String(maxDates)]))
            return nil
        }
        var days: Set<CivilDate> = []
        for s in list {
            guard let d = CivilDate(iso: s) else {
                c.errors.append(FieldError(field: field, key: "field.error.date", args: [s]))
                return nil
            }
            if let year, d.year != year {
                c.errors.append(FieldError(field: field, key: "health.error.year", args: [String(year), String(year)]))
                return nil
            }
            days.insert(d)
        }
        return days.sorted()
    }

    /// The women to invite: well-formed ids, each once, at most `maxInvitations`; and each due for a programme of the
    /// campaign (`due`, the ids the caller found due on the due list's rule). Those not due are refused at `personIds`
    /// by id, so staff see whom to take off; a malformed one at `personIds[i]`.
    public static func invitations(_ input: HealthInvitationInput, due: Set<PersonID>, _ c: inout FormChecker) -> [PersonID]? {
        guard let raw = input.personIds, !raw.isEmpty else {
            c.errors.append(FieldError(field: "personIds", key: "field.error.required"))
            return nil
        }
        guard let ids = HealthScreeningForm.ids(raw, "personIds", max: maxInvitations, &c) else { return nil }
        let notDue = ids.filter { !due.contains($0) }
        if !notDue.isEmpty {
            c.errors.append(FieldError(field: "personIds", key: "health.error.notDue", args: notDue.map(\.description)))
        }
        return c.errors.isEmpty ? ids : nil
    }

    /// A booking on one of the campaign's site days (else `date`, or `site` for a site it does not hold).
    public static func appointment(_ input: HealthAppointmentInput, campaign: CheckedHealthCampaign, _ c: inout FormChecker)
        -> HealthAppointment?
    {
        let person: PersonID? = HealthScreeningForm.id(input.personId, "personId", required: true, &c)
        let date = CourseForm.requiredDate(input.date, "date", &c)
        let site = c.required(input.site, "site")
        if let site, !campaign.sites.contains(where: { $0.name == site }) {
            c.errors.append(FieldError(field: "site", key: "field.error.choice"))
        } else if let site, let date, !campaign.offers(site: site, on: date) {
            c.errors.append(FieldError(field: "date", key: "health.error.siteDay"))
        }
        guard c.errors.isEmpty, let person, let date, let site else { return nil }
        return HealthAppointment(personId: person, date: date, site: site)
    }
}

extension HealthCampaignForm {
    /// She came on a day the campaign holds (else `date`, `health.error.siteDay`), not after `today`.
    public static func attendance(
        _ input: HealthAttendanceInput, campaign: CheckedHealthCampaign, today: CivilDate, _ c: inout FormChecker
    ) -> (PersonID, CivilDate)? {
        let person: PersonID? = HealthScreeningForm.id(input.personId, "personId", required: true, &c)
        let date = RightsMediationForm.day(input.date, "date", after: nil, today: today, &c)
        if let date, !campaign.holds(date) { c.errors.append(FieldError(field: "date", key: "health.error.siteDay")) }
        guard c.errors.isEmpty, let person, let date else { return nil }
        return (person, date)
    }
}

/// How far one woman of a campaign got: the stages nest, so she is counted at each stage up to hers.
public enum HealthCampaignStage: String, Sendable, Codable, CaseIterable, Comparable {
    case invited, booked, attended, screened

    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }

    /// The furthest of what is known of her: screened, attended, booked, or invited.
    public static func of(booked: Bool, attended: Bool, screened: Bool) -> Self {
        screened ? .screened : attended ? .attended : booked ? .booked : .invited
    }
}

extension HealthCampaignProgress {
    /// The progress of a campaign from each woman's furthest stage.
    public init(target: Int, stages: [HealthCampaignStage]) {
        self.init(
            target: target, invited: stages.count, booked: stages.filter { $0 >= .booked }.count,
            attended: stages.filter { $0 >= .attended }.count, screened: stages.filter { $0 == .screened }.count)
    }
}

/// A campaign's progress: each woman counted once at the furthest she reached, so the stages nest (screened women
/// were attended, attended ones booked, booked ones invited, unless she came without an invitation).
public struct HealthCampaignProgress: Codable, Sendable, Equatable, AdditiveFigures {
    public var target = 0
    public var invited = 0
    public var booked = 0
    public var attended = 0
    public var screened = 0
    public init() {}
    public init(target: Int, invited: Int, booked: Int, attended: Int, screened: Int) {
        (self.target, self.invited, self.booked, self.attended, self.screened) = (target, invited, booked, attended, screened)
    }

    public static func + (a: Self, b: Self) -> Self {
        HealthCampaignProgress(
            target: a.target + b.target, invited: a.invited + b.invited, booked: a.booked + b.booked, attended: a.attended + b.attended,
            screened: a.screened + b.screened)
    }

    /// Screened over the target, four places; nil without a target.
    public var rate: String? { DivisionRollup.rate(Int64(screened), Int64(target)) }
    /// Still to screen to reach the target (never below 0).
    public var remaining: Int { max(0, target - screened) }
    /// Invited women who came, four places; nil when none was invited.
    public var turnout: String? { DivisionRollup.rate(Int64(attended), Int64(invited)) }
}
