/// `POST /api/v1/health/screenings` (issue 20, item 3): one screen of one woman, as typed on a site's sheet.
public struct HealthScreeningInput: Codable, Sendable, Equatable {
    public var personId: String?
    public var campaignId: String?
    public var programme: String?
    public var date: String?
    public var site: String?
    public var gynaecExam: String?
    public var method: String?
    public var cytology: String?
    public var hpv: String?
    public var clinicalExam: String?
    public var ultrasound: String?
    public init(
        personId: String? = nil, campaignId: String? = nil, programme: String? = nil, date: String? = nil, site: String? = nil,
        gynaecExam: String? = nil, method: String? = nil, cytology: String? = nil, hpv: String? = nil, clinicalExam: String? = nil,
        ultrasound: String? = nil
    ) {
        self.personId = personId
        self.campaignId = campaignId
        self.programme = programme
        self.date = date
        self.site = site
        self.gynaecExam = gynaecExam
        self.method = method
        self.cytology = cytology
        self.hpv = hpv
        self.clinicalExam = clinicalExam
        self.ultrasound = ultrasound
    }
}

/// A screen that passed every check: the cervical results or the breast ones, never a mix.
public struct CheckedHealthScreening: Codable, Sendable, Equatable {
    public let personId: PersonID
    public let campaignId: HealthCampaignID?
    public let programme: HealthProgramme
    public let date: CivilDate
    public let site: String
    public let gynaecExam: HealthExamFinding?
    public let method: CervicalMethod?
    public let cytology: CytologyResult?
    public let hpv: HPVResult?
    public let clinicalExam: HealthExamFinding?
    public let ultrasound: BiRads?

    public init(
        personId: PersonID, campaignId: HealthCampaignID? = nil, date: CivilDate, site: String, gynaecExam: HealthExamFinding,
        method: CervicalMethod, cytology: CytologyResult?, hpv: HPVResult?
    ) {
        (self.personId, self.campaignId, self.programme, self.date, self.site) = (personId, campaignId, .cervical, date, site)
        (self.gynaecExam, self.method, self.cytology, self.hpv) = (gynaecExam, method, cytology, hpv)
        (self.clinicalExam, self.ultrasound) = (nil, nil)
    }

    public init(
        personId: PersonID, campaignId: HealthCampaignID? = nil, date: CivilDate, site: String, clinicalExam: HealthExamFinding,
        ultrasound: BiRads
    ) {
        (self.personId, self.campaignId, self.programme, self.date, self.site) = (personId, campaignId, .breast, date, site)
        (self.gynaecExam, self.method, self.cytology, self.hpv) = (nil, nil, nil, nil)
        (self.clinicalExam, self.ultrasound) = (clinicalExam, ultrasound)
    }
}

public enum HealthScreeningForm {
    /// The result fields each programme takes, in the form's order.
    public static let cervicalFields = ["gynaecExam", "method", "cytology", "hpv"]
    public static let breastFields = ["clinicalExam", "ultrasound"]

    /// Every field checked, each bad one named: a person's and a campaign's id of the right shape (whether they exist
    /// is the caller's), a programme the campaign runs (`campaignProgramme`, read by the caller), a day not after
    /// `today`, the site. A result its method needs and lacks is `field.error.required`; a result the programme or the
    /// method does not take is `health.error.notTaken`, so a mistyped sheet is not stored half-understood.
    public static func check(
        _ input: HealthScreeningInput, campaignProgramme: HealthCampaignProgramme? = nil, today: CivilDate, _ c: inout FormChecker
    ) -> CheckedHealthScreening? {
        let person: PersonID? = id(input.personId, "personId", required: true, &c)
        let campaign: HealthCampaignID? = id(input.campaignId, "campaignId", required: false, &c)
        let programme = c.token(input.programme, "programme", HealthProgramme.self)
        if let programme, let campaignProgramme, !campaignProgramme.covers(programme) {
            c.errors.append(FieldError(field: "programme", key: "health.error.campaignProgramme", args: [campaignProgramme.rawValue]))
        }
        let date = RightsMediationForm.day(input.date, "date", after: nil, today: today, &c)
        let site = c.required(input.site, "site")
        StationForm.text(site, "site", &c)
        guard let programme else { return nil }
        switch programme {
        case .cervical:
            notTaken(["clinicalExam": input.clinicalExam, "ultrasound": input.ultrasound], &c)
            let exam = c.token(input.gynaecExam, "gynaecExam", HealthExamFinding.self)
            let method = c.token(input.method, "method", CervicalMethod.self)
            let cytology = c.token(input.cytology, "cytology", CytologyResult.self, required: method?.takesCytology ?? false)
            let hpv = c.token(input.hpv, "hpv", HPVResult.self, required: method?.takesHPV ?? false)
            if method?.takesCytology == false { notTaken(["cytology": input.cytology], &c) }
            if method?.takesHPV == false { notTaken(["hpv": input.hpv], &c) }
            guard c.errors.isEmpty, let person, let date, let site, let exam, let method else { return nil }
            return CheckedHealthScreening(
                personId: person, campaignId: campaign, date: date, site: site, gynaecExam: exam, method: method, cytology: cytology,
                hpv: hpv)
        case .breast:
            notTaken(
                ["gynaecExam": input.gynaecExam, "method": input.method, "cytology": input.cytology, "hpv": input.hpv], &c)
            let exam = c.token(input.clinicalExam, "clinicalExam", HealthExamFinding.self)
            let ultrasound = c.token(input.ultrasound, "ultrasound", BiRads.self)
            guard c.errors.isEmpty, let person, let date, let site, let exam, let ultrasound else { return nil }
            return CheckedHealthScreening(
                personId: person, campaignId: campaign, date: date, site: site, clinicalExam: exam, ultrasound: ultrasound)
        }
    }

    /// Each field given that should not be, named, in the form's order.
    static func notTaken(_ given: [String: String?], _ c: inout FormChecker) {
        for field in cervicalFields + breastFields {
            guard let v = given[field], FormChecker().text(v) != nil else { continue }
            c.errors.append(FieldError(field: field, key: "health.error.notTaken"))
        }
    }

    /// A record's id of the right shape (whether it exists is the caller's), or the field named.
    public static func id<R>(_ v: String?, _ field: String, required: Bool, _ c: inout FormChecker) -> RecordID<R>? {
        guard let t = required ? c.required(v, field) : c.text(v) else { return nil }
        guard let id = RecordID<R>(t) else {
            c.errors.append(FieldError(field: field, key: "field.error.choice"))
            return nil
        }
        return id
    }

    /// Well-formed ids (`field[i]`), each once in the order typed, at most `max`.
    static func ids(_ raw: [String], _ field: String, max: Int, _ c: inout FormChecker) -> [PersonID]? {
        if raw.count > max {
            c.errors.append(FieldError(field: field, key: "health.error.tooMany", args: [String(max)]))
            return nil
        }
        let before = c.errors.count
        var out: [PersonID] = []
        for (i, s) in raw.enumerated() {
            let id: PersonID? = Self.id(s, "\(field)[\(i)]", required: true, &c)
            if let id, !out.contains(id) { out.append(id) }
        }
        return c.errors.count == before ? out : nil
    }
}
