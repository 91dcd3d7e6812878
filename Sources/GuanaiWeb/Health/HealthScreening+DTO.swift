import Vapor
import GuanaiCore

/// One screen with its results: only ever sent to a reader of `health_result`.
struct HealthScreeningDTO: Content {
    struct FollowUp: Content { let id: String, nextStep: String?, due: String? }
    let id: String, personId: String, name: String, villageCode: String, villageName: String, campaignId: String?
    let programme: String, date: String, site: String
    let gynaecExam: String?, method: String?, cytology: String?, hpv: String?, clinicalExam: String?, ultrasound: String?
    let abnormal: Bool
    let followUp: FollowUp?

    init(_ s: HealthScreening, name: String, villageName: String, followUp f: HealthFollowup?) {
        (id, personId, self.name, villageCode, self.villageName) = (s.id!.uuidString, s.personID.uuidString, name, s.unitCode, villageName)
        (campaignId, programme, date, site) = (s.campaignID?.uuidString, s.programme.rawValue, s.date, s.site)
        (gynaecExam, method, cytology, hpv) = (s.gynaecExam?.rawValue, s.method?.rawValue, s.cytology?.rawValue, s.hpv?.rawValue)
        (clinicalExam, ultrasound, abnormal) = (s.clinicalExam?.rawValue, s.ultrasound?.rawValue, s.abnormal)
        followUp = f.map { FollowUp(id: $0.id!.uuidString, nextStep: $0.nextSteps.first?.rawValue, due: $0.dueOn) }
    }

    enum CodingKeys: String, CodingKey {
        case id, personId, name, villageCode, villageName, campaignId, programme, date, site
        case gynaecExam, method, cytology, hpv, clinicalExam, ultrasound, abnormal, followUp
    }

    /// `followUp` is always there, `null` for a normal screen; the other absent results are left out.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(personId, forKey: .personId)
        try c.encode(name, forKey: .name)
        try c.encode(villageCode, forKey: .villageCode)
        try c.encode(villageName, forKey: .villageName)
        try c.encodeIfPresent(campaignId, forKey: .campaignId)
        try c.encode(programme, forKey: .programme)
        try c.encode(date, forKey: .date)
        try c.encode(site, forKey: .site)
        for (k, v) in [(CodingKeys.gynaecExam, gynaecExam), (.method, method), (.cytology, cytology), (.hpv, hpv)] {
            try c.encodeIfPresent(v, forKey: k)
        }
        try c.encodeIfPresent(clinicalExam, forKey: .clinicalExam)
        try c.encodeIfPresent(ultrasound, forKey: .ultrasound)
        try c.encode(abnormal, forKey: .abnormal)
        try c.encode(followUp, forKey: .followUp)
    }
}

/// A follow-up as its list shows it: where it stands, and whether its awaited step is late.
struct HealthFollowupDTO: Content {
    let id: String, screeningId: String, personId: String, name: String, villageCode: String, villageName: String
    let programme: String, status: String, nextStep: String?, nextSteps: [String], due: String?, overdue: Bool
    let openedOn: String, endedOn: String?, diagnosis: String?, stage: String?, lostReason: String?, attempts: Int

    init(_ f: HealthFollowup, name: String, villageName: String, today: CivilDate) {
        (id, screeningId, personId, self.name) = (f.id!.uuidString, f.screeningID.uuidString, f.personID.uuidString, name)
        (villageCode, self.villageName, programme, status) = (f.unitCode, villageName, f.programme.rawValue, f.status.rawValue)
        (nextStep, nextSteps, due) = (f.nextSteps.first?.rawValue, f.nextSteps.map(\.rawValue), f.dueOn)
        overdue = HealthDeadlines.isOverdue(f.position, today: today)
        (openedOn, endedOn, diagnosis, stage) = (f.openedOn, f.endedOn, f.diagnosis, f.stage?.rawValue)
        (lostReason, attempts) = (f.lostReason?.rawValue, f.attempts)
    }
}

/// A follow-up opened: where it stands, its screen, each step and each attempt to reach her.
struct HealthFollowupDetailDTO: Content {
    struct Step: Content { let step: String, date: String, result: String?, stage: String?, by: String }
    struct Attempt: Content { let on: String, channel: String, note: String?, by: String }
    let followUp: HealthFollowupDTO
    let screening: HealthScreeningDTO
    let steps: [Step]
    let attemptLog: [Attempt]
}

/// A line of the due list: whom to call, since when she is due. Phones masked as in every list.
struct HealthDueDTO: Content {
    let personId: String, name: String, age: Int, villageCode: String
    var villageName: String
    let phone: String?
    let lastScreenedOn: String?, dueSince: String, poverty: String

    init(_ w: HealthWomanRow, dueSince: CivilDate, programme: HealthProgramme, villageName: String, today: CivilDate) {
        (personId, name, age) = (w.personId.description, w.name, Age.years(born: w.facts.birthDate, on: today))
        (villageCode, self.villageName, phone) = (w.unitCode, villageName, w.phone.map(Masking.phone))
        (lastScreenedOn, self.dueSince, poverty) = (w.history.last(programme)?.iso, dueSince.iso, w.poverty.rawValue)
    }
}

/// Counts without a result, for every reader of `health`: screened this year, due now, follow-ups open.
struct HealthCountsDTO: Content {
    struct Row: Content { let unitCode: String, name: String, screened: Int, due: Int, followupsOpen: Int }
    let unit: String, name: String, year: Int, screened: Int, due: Int, followupsOpen: Int
    let rows: [Row]
}
