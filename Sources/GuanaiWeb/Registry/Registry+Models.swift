import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// 户: a household in a village, with its poverty status (低保/特困 make its children 困境儿童).
final class Household: Model, @unchecked Sendable {
    static let schema = "households"
    @ID(key: .id) var id: UUID?
    @Field(key: "unit_code") var unitCode: String
    @OptionalField(key: "village_group") var villageGroup: String?
    @Field(key: "address") var address: String
    @OptionalField(key: "latitude") var latitude: Double?
    @OptionalField(key: "longitude") var longitude: Double?
    @Field(key: "poverty") var poverty: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "voided_reason") var voidedReason: String?
    init() {}
}

/// A person, once, however many roles she holds: a grandmother is one row whether she is a guardian of three
/// grandchildren or a left-behind woman's mother-in-law. ID numbers are unique.
final class Person: Model, @unchecked Sendable {
    static let schema = "people"
    @ID(key: .id) var id: UUID?
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "name") var name: String
    @OptionalField(key: "id_number") var idNumber: String?
    @OptionalField(key: "sex") var sex: String?
    @OptionalField(key: "birth_date") var birthDate: String?
    @OptionalField(key: "ethnicity") var ethnicity: String?
    @OptionalField(key: "hukou") var hukou: String?
    @OptionalField(key: "phone") var phone: String?
    @Field(key: "health") var health: String
    @OptionalField(key: "health_since") var healthSince: String?
    @OptionalField(key: "disability_grade") var disabilityGrade: Int?
    @Field(key: "vital_status") var vitalStatus: String
    @OptionalField(key: "household_id") var householdID: UUID?
    /// Pinyin initials of the name, for search (张三 → zs).
    @Field(key: "initials") var initials: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    var healthValue: Health { Health(rawValue: health) ?? .healthy }
    var vital: VitalStatus { VitalStatus(rawValue: vitalStatus) ?? .alive }
    var birth: CivilDate? { birthDate.flatMap(CivilDate.init(iso:)) }

    var auditFields: [String: String] {
        [
            "name": name, "idNumber": idNumber.map(Masking.idNumber) ?? "", "sex": sex ?? "", "birthDate": birthDate ?? "",
            "ethnicity": ethnicity ?? "",
            "hukou": hukou ?? "", "phone": phone.map(Masking.phone) ?? "", "health": health, "healthSince": healthSince ?? "",
            "disabilityGrade": disabilityGrade.map(String.init) ?? "", "vitalStatus": vitalStatus, "unitCode": unitCode,
        ]
    }
}

/// A child's registry record (档案): the parents and guardian links, how she lives, what she needs, and the
/// classification computed from all of it.
final class Child: Model, @unchecked Sendable {
    static let schema = "children"
    @ID(key: .id) var id: UUID?
    @Field(key: "person_id") var personID: UUID
    @Field(key: "unit_code") var unitCode: String
    /// Copied from the person so lists can filter by age band without a join.
    @Field(key: "birth_date") var birthDate: String
    @OptionalField(key: "household_id") var householdID: UUID?
    /// 学校, 年级, 住校 …: the plain fields Core declares (`ChildDetail`).
    @DetailFields var details: Details<ChildDetail>
    @OptionalField(key: "father_id") var fatherID: UUID?
    @OptionalField(key: "father_situation") var fatherSituation: String?
    @OptionalField(key: "father_work_place") var fatherWorkPlace: String?
    @OptionalField(key: "father_since") var fatherSince: String?
    @OptionalField(key: "mother_id") var motherID: UUID?
    @OptionalField(key: "mother_situation") var motherSituation: String?
    @OptionalField(key: "mother_work_place") var motherWorkPlace: String?
    @OptionalField(key: "mother_since") var motherSince: String?
    @OptionalField(key: "guardian_id") var guardianID: UUID?
    @OptionalField(key: "guardian_relation") var guardianRelation: String?
    @Field(key: "living_arrangement") var livingArrangement: String
    @Field(key: "improper_guardianship") var improperGuardianship: Bool
    @OptionalField(key: "improper_note") var improperNote: String?
    /// Comma-separated `ChildNeed` tokens.
    @Field(key: "needs") var needs: String
    @OptionalField(key: "informed_on") var informedOn: String?
    @Field(key: "consent") var consent: Bool
    /// Computed: comma-separated `ChildCategory` tokens, JSON reasons, and whether left-behind.
    @Field(key: "categories") var categories: String
    /// `ChildCategory.bit` of each category, so lists filter from the index (M0011).
    @Field(key: "category_bits") var categoryBits: Int
    @Field(key: "need_bits") var needBits: Int
    /// Copies of the guardian's person record for list filters (`RegistryService.copyGuardian`); not audited here.
    @OptionalField(key: "guardian_birth") var guardianBirth: String?
    @OptionalField(key: "guardian_health") var guardianHealth: String?
    /// Safety net (M0013): tier and reasons while monitored, the next day time alone changes the tier, visits.
    @OptionalField(key: "risk_tier") var riskTier: String?
    @OptionalField(key: "risk_reasons") var riskReasons: String?
    @OptionalField(key: "risk_review") var riskReview: String?
    @OptionalField(key: "next_visit_due") var nextVisitDue: String?
    @OptionalField(key: "last_visit_on") var lastVisitOn: String?
    /// The latest day anyone saw or spoke with her: a visit, a day present at a station, a volunteer's contact (M0032).
    @OptionalField(key: "last_contact_on") var lastContactOn: String?
    @Field(key: "open_report") var openReport: Bool
    @Field(key: "overdue_step") var overdueStep: Int
    @Field(key: "reasons") var reasons: String
    @Field(key: "left_behind") var leftBehind: Bool
    /// `active`, or `exited` when no category applies any more (kept, never deleted).
    @Field(key: "status") var status: ChildStatus
    @OptionalField(key: "exited_on") var exitedOn: String?
    @OptionalField(key: "exit_reason") var exitReason: String?
    /// The next day on which age alone can change the classification; the sweep finds due children by it.
    @OptionalField(key: "next_review") var nextReview: String?
    @OptionalField(key: "voided_reason") var voidedReason: String?
    /// Set when this record was a duplicate merged into another (migration M0010).
    @OptionalField(key: "merged_into") var mergedInto: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    var tier: RiskTier? { riskTier.flatMap(RiskTier.init(rawValue:)) }

    /// What the village's tally counts; a save that leaves it unchanged need not recompute the tally.
    var tallyKey: String { "\(unitCode)|\(status.rawValue)|\(categoryBits)|\(needBits)" }
    /// Set by a caller that compared `tallyKey` before and after its change; read once by `ChildTallyMiddleware`.
    /// Not a database field (Fluent ignores plain properties).
    var tallyUnchanged = false
    var riskReasonList: [Reason] { (try? JSONDecoder().decode([Reason].self, from: Data((riskReasons ?? "[]").utf8))) ?? [] }

    func setNeeds(_ n: [ChildNeed]) { needs = n.map(\.rawValue).joined(separator: ","); needBits = ChildNeed.bits(n) }
    func setCategories(_ c: [ChildCategory]) { categories = c.map(\.rawValue).joined(separator: ","); categoryBits = ChildCategory.bits(c) }

    var needList: [ChildNeed] { needs.split(separator: ",").compactMap { ChildNeed(rawValue: String($0)) } }
    var categoryList: [ChildCategory] { categories.split(separator: ",").compactMap { ChildCategory(rawValue: String($0)) } }
    var reasonList: [Reason] { (try? JSONDecoder().decode([Reason].self, from: Data(reasons.utf8))) ?? [] }

    var auditFields: [String: String] {
        var out: [String: String] = [
            "unitCode": unitCode,
            "fatherId": fatherID?.uuidString ?? "", "fatherSituation": fatherSituation ?? "", "fatherWorkPlace": fatherWorkPlace ?? "",
            "fatherSince": fatherSince ?? "",
            "motherId": motherID?.uuidString ?? "", "motherSituation": motherSituation ?? "", "motherWorkPlace": motherWorkPlace ?? "",
            "motherSince": motherSince ?? "",
            "guardianId": guardianID?.uuidString ?? "", "guardianRelation": guardianRelation ?? "", "livingArrangement": livingArrangement,
            "improperGuardianship": String(improperGuardianship), "improperNote": improperNote ?? "", "needs": needs,
            "informedOn": informedOn ?? "", "consent": String(consent), "categories": categories, "status": status.rawValue,
            "exitReason": exitReason ?? "", "riskTier": riskTier ?? "",
        ]
        for f in ChildDetail.allCases { out[f.rawValue] = details.string(f) }
        return out
    }
}

extension Child {
    /// Her standing as Core's `ChildStanding` moves it.
    var standing: ChildStanding {
        get { ChildStanding(status: status, exitedOn: exitedOn, exitReason: exitReason, nextReview: nextReview) }
        set {
            status = newValue.status
            exitedOn = newValue.exitedOn
            exitReason = newValue.exitReason
            nextReview = newValue.nextReview
        }
    }
}

extension Child {
    /// The fields a change merges onto, as Core's `ChildChange.apply` reads and writes them.
    var changeRecord: ChildChange.Record {
        get {
            ChildChange.Record(
                details: details, livingArrangement: livingArrangement, needs: needList,
                improperGuardianship: improperGuardianship, improperNote: improperNote, informedOn: informedOn,
                consent: consent,
                father: .init(situation: fatherSituation, workPlace: fatherWorkPlace, since: fatherSince),
                mother: .init(situation: motherSituation, workPlace: motherWorkPlace, since: motherSince),
                guardianRelation: guardianRelation)
        }
        set {
            if newValue.details != details { details = newValue.details }
            livingArrangement = newValue.livingArrangement
            if newValue.needs != needList { setNeeds(newValue.needs) }
            improperGuardianship = newValue.improperGuardianship
            improperNote = newValue.improperNote
            informedOn = newValue.informedOn
            consent = newValue.consent
            (fatherSituation, fatherWorkPlace, fatherSince) = (newValue.father.situation, newValue.father.workPlace, newValue.father.since)
            (motherSituation, motherWorkPlace, motherSince) = (newValue.mother.situation, newValue.mother.workPlace, newValue.mother.since)
            guardianRelation = newValue.guardianRelation
        }
    }
}

/// The foreign keys, typed: the columns stay `UUID` (no schema change); code between reads and sets these.
extension Person {
    var household: HouseholdID? {
        get { householdID.map(HouseholdID.init) }
        set { householdID = newValue?.uuid }
    }
}

extension Child {
    var person: PersonID {
        get { PersonID(personID) }
        set { personID = newValue.uuid }
    }
    var household: HouseholdID? {
        get { householdID.map(HouseholdID.init) }
        set { householdID = newValue?.uuid }
    }
    var father: PersonID? {
        get { fatherID.map(PersonID.init) }
        set { fatherID = newValue?.uuid }
    }
    var mother: PersonID? {
        get { motherID.map(PersonID.init) }
        set { motherID = newValue?.uuid }
    }
    var guardian: PersonID? {
        get { guardianID.map(PersonID.init) }
        set { guardianID = newValue?.uuid }
    }
    var survivor: ChildID? {
        get { mergedInto.map(ChildID.init) }
        set { mergedInto = newValue?.uuid }
    }
}
