import Fluent
import Foundation
import GuanaiCore

/// One screen of one woman (`health_result`): read only by the health department and the health officers.
final class HealthScreening: Model, @unchecked Sendable {
    static let schema = "health_screenings"
    @ID(key: .id) var id: UUID?
    @Field(key: "person_id") var personID: UUID
    /// Her village on the day of the screen: the jurisdiction the result is read in.
    @Field(key: "unit_code") var unitCode: String
    @OptionalField(key: "campaign_id") var campaignID: UUID?
    @Field(key: "programme") var programme: HealthProgramme
    @Field(key: "date") var date: String
    @Field(key: "site") var site: String
    @OptionalField(key: "gynaec_exam") var gynaecExam: HealthExamFinding?
    @OptionalField(key: "method") var method: CervicalMethod?
    @OptionalField(key: "cytology") var cytology: CytologyResult?
    @OptionalField(key: "hpv") var hpv: HPVResult?
    @OptionalField(key: "clinical_exam") var clinicalExam: HealthExamFinding?
    @OptionalField(key: "ultrasound") var ultrasound: BiRads?
    @Field(key: "abnormal") var abnormal: Bool
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    init() {}

    /// The screen as the rules read it (the stored row passed the same checks).
    var checked: CheckedHealthScreening? {
        guard let day = CivilDate(iso: date) else { return nil }
        switch programme {
        case .cervical:
            guard let gynaecExam, let method else { return nil }
            return CheckedHealthScreening(
                personId: PersonID(personID), campaignId: campaignID.map(HealthCampaignID.init), date: day, site: site,
                gynaecExam: gynaecExam, method: method, cytology: cytology, hpv: hpv)
        case .breast:
            guard let clinicalExam, let ultrasound else { return nil }
            return CheckedHealthScreening(
                personId: PersonID(personID), campaignId: campaignID.map(HealthCampaignID.init), date: day, site: site,
                clinicalExam: clinicalExam, ultrasound: ultrasound)
        }
    }
}

extension HealthScreening: TypedRecord { typealias Kind = RecordTag.HealthScreening }

/// The follow-up an abnormal screen opened, with where it stands (`HealthFollowupPosition`) kept on the row.
final class HealthFollowup: Model, @unchecked Sendable {
    static let schema = "health_followups"
    @ID(key: .id) var id: UUID?
    @Field(key: "screening_id") var screeningID: UUID
    @Field(key: "person_id") var personID: UUID
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "programme") var programme: HealthProgramme
    @Field(key: "status") var status: HealthFollowupStatus
    /// The steps that may come next, comma-joined, the awaited one first.
    @Field(key: "next_steps") var nextStepsText: String
    @OptionalField(key: "due_on") var dueOn: String?
    @Field(key: "since") var since: String
    @Field(key: "opened_on") var openedOn: String
    /// The first deadline, kept for `followupCompletion` (abnormal screens past it).
    @Field(key: "first_due_on") var firstDueOn: String
    @OptionalField(key: "ended_on") var endedOn: String?
    @OptionalField(key: "diagnosis") var diagnosis: String?
    @OptionalField(key: "stage") var stage: CancerStage?
    @OptionalField(key: "lost_reason") var lostReason: HealthLostReason?
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "check_on") var checkOn: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    var nextSteps: [FollowupStep] { nextStepsText.split(separator: ",").compactMap { FollowupStep(rawValue: String($0)) } }

    var position: HealthFollowupPosition {
        HealthFollowupPosition(
            status: status, nextSteps: nextSteps, dueOn: dueOn.flatMap(CivilDate.init(iso:)),
            since: CivilDate(iso: since) ?? CivilDate(iso: openedOn)!)
    }

    func move(to p: HealthFollowupPosition, today: CivilDate, _ s: HealthSettings) {
        status = p.status
        nextStepsText = p.nextSteps.map(\.rawValue).joined(separator: ",")
        dueOn = p.dueOn?.iso
        since = p.since.iso
        if !p.status.isOpen && endedOn == nil { endedOn = p.since.iso }
        checkOn = HealthDeadlines.firstCheck(p, today: today, s)?.iso
    }

    /// The trail's fields: where it stands, never a result.
    var auditFields: [String: String] {
        ["status": status.rawValue, "dueOn": dueOn ?? "", "attempts": String(attempts), "endedOn": endedOn ?? ""]
    }
}

extension HealthFollowup: TypedRecord { typealias Kind = RecordTag.HealthFollowup }

/// A step of the pathway as recorded: its result token (`HealthStepResult.token`) and a cancer's stage.
final class HealthStepRow: Model, @unchecked Sendable {
    static let schema = "health_steps"
    @ID(key: .id) var id: UUID?
    @Field(key: "followup_id") var followupID: UUID
    @Field(key: "step") var step: FollowupStep
    @Field(key: "date") var date: String
    @OptionalField(key: "result") var result: String?
    @OptionalField(key: "stage") var stage: CancerStage?
    @Field(key: "by_name") var byName: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

final class HealthAttemptRow: Model, @unchecked Sendable {
    static let schema = "health_attempts"
    @ID(key: .id) var id: UUID?
    @Field(key: "followup_id") var followupID: UUID
    @Field(key: "on") var on: String
    @Field(key: "channel") var channel: HealthAttemptChannel
    @OptionalField(key: "note") var note: String?
    @Field(key: "by_name") var byName: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A woman's last screen of each kind, so due lists and coverage read one row per woman.
final class HealthHistoryRow: Model, @unchecked Sendable {
    static let schema = "health_histories"
    @ID(custom: "person_id", generatedBy: .user) var id: UUID?
    @Field(key: "unit_code") var unitCode: String
    @OptionalField(key: "last_cytology") var lastCytology: String?
    @OptionalField(key: "last_hpv") var lastHPV: String?
    @OptionalField(key: "last_breast") var lastBreast: String?
    init() {}

    var history: HealthScreeningHistory {
        HealthScreeningHistory(
            lastCytology: lastCytology.flatMap(CivilDate.init(iso:)), lastHPV: lastHPV.flatMap(CivilDate.init(iso:)),
            lastBreast: lastBreast.flatMap(CivilDate.init(iso:)))
    }
}
