import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// A volunteer (爱心妈妈/代理妈妈): what the 志愿服务条例 asks at registration, her capacity and skills, and each
/// screening step with its date and who confirmed it.
final class Volunteer: Model, @unchecked Sendable {
    static let schema = "volunteers"
    @ID(key: .id) var id: UUID?
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "name") var name: String
    @Field(key: "id_number") var idNumber: String
    @OptionalField(key: "phone") var phone: String?
    /// Organisation, honours (三八红旗手, 十大女杰 … as written, separated by 、), available time: `VolunteerDetail`.
    @DetailFields var details: Details<VolunteerDetail>
    /// Comma-separated `VolunteerSkill` tokens.
    @Field(key: "skills") var skills: String
    @Field(key: "capacity") var capacity: Int
    @OptionalField(key: "latitude") var latitude: Double?
    @OptionalField(key: "longitude") var longitude: Double?
    /// The volunteer's own account, once she has one.
    @OptionalField(key: "user_id") var userID: UUID?
    /// JSON `{step: {"on": date, "by": name}}` over `ScreeningStep`.
    @Field(key: "screening") var screening: String
    @Field(key: "status") var status: VolunteerStatus
    @Field(key: "service_minutes") var serviceMinutes: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    struct Check: Codable, Sendable, Equatable { let on: String; let by: String }
    var checks: [String: Check] { (try? JSONDecoder().decode([String: Check].self, from: Data(screening.utf8))) ?? [:] }
    var screened: Bool { ScreeningStep.allCases.allSatisfy { checks[$0.rawValue] != nil } }
    var skillList: [VolunteerSkill] { skills.split(separator: ",").compactMap { VolunteerSkill(rawValue: String($0)) } }

    var auditFields: [String: String] {
        var out = [
            "name": name, "idNumber": Masking.idNumber(idNumber), "phone": phone.map(Masking.phone) ?? "", "unitCode": unitCode,
            "skills": skills, "capacity": String(capacity), "status": status.rawValue, "account": userID?.uuidString ?? "",
        ]
        for f in VolunteerDetail.allCases { out[f.rawValue] = details.string(f) }
        return out
    }
}

/// One child and one volunteer, "一对一，手牵手", through its lifecycle. Never deleted: a closed pair keeps its history.
final class Pair: Model, @unchecked Sendable {
    static let schema = "pairs"
    @ID(key: .id) var id: UUID?
    @Field(key: "child_id") var childID: UUID
    @Field(key: "volunteer_id") var volunteerID: UUID
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "status") var status: PairStatus
    @OptionalField(key: "started_on") var startedOn: String?
    @OptionalField(key: "close_reason") var closeReason: PairCloseReason?
    @OptionalField(key: "close_note") var closeNote: String?
    @OptionalField(key: "cost") var cost: Int?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "contact_check_on") var contactCheckOn: String?
    @OptionalField(key: "resumed_on") var resumedOn: String?
    @OptionalField(key: "last_contact_on") var lastContactOn: String?
    init() {}
}

/// Each change of a pair's status: who, when, from what to what, why.
final class PairEvent: Model, @unchecked Sendable {
    static let schema = "pair_events"
    @ID(key: .id) var id: UUID?
    @Field(key: "pair_id") var pairID: UUID
    @OptionalField(key: "from_status") var fromStatus: PairStatus?
    @Field(key: "to_status") var toStatus: PairStatus
    @Field(key: "note") var note: String
    @Field(key: "by_name") var byName: String
    @Field(key: "at") var at: Date
    init() {}
}

/// A contact between the volunteer and her child (or recorded for her by the village worker).
final class PairContact: Model, @unchecked Sendable {
    static let schema = "pair_contacts"
    @ID(key: .id) var id: UUID?
    @Field(key: "pair_id") var pairID: UUID
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "on_date") var onDate: String
    @Field(key: "mode") var mode: ContactMode
    @Field(key: "minutes") var minutes: Int
    @Field(key: "notes") var notes: String
    @Field(key: "by_name") var byName: String
    @Field(key: "on_behalf") var onBehalf: Bool
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

extension Volunteer {
    /// Her own fields as Core's form rules set and merge them.
    var record: VolunteerForm.Record {
        get {
            VolunteerForm.Record(
                phone: phone, details: details, skills: skills, capacity: capacity, latitude: latitude, longitude: longitude, status: status
            )
        }
        set {
            phone = newValue.phone
            if newValue.details != details { details = newValue.details }
            skills = newValue.skills
            capacity = newValue.capacity
            latitude = newValue.latitude
            longitude = newValue.longitude
            status = newValue.status
        }
    }
}

extension Pair {
    /// The lifecycle's fields, as Core's `PairLifecycle.Step` changes them.
    var record: PairLifecycle.Record {
        get {
            PairLifecycle.Record(status: status, startedOn: startedOn, resumedOn: resumedOn, closeReason: closeReason, closeNote: closeNote)
        }
        set {
            status = newValue.status
            startedOn = newValue.startedOn
            resumedOn = newValue.resumedOn
            closeReason = newValue.closeReason
            closeNote = newValue.closeNote
        }
    }
}

/// The foreign keys, typed: the columns stay `UUID` (no schema change); code between reads and sets these.
extension Volunteer {
    var account: UserID? {
        get { userID.map(UserID.init) }
        set { userID = newValue?.uuid }
    }
}

extension Pair {
    var child: ChildID {
        get { ChildID(childID) }
        set { childID = newValue.uuid }
    }
    var volunteer: VolunteerID {
        get { VolunteerID(volunteerID) }
        set { volunteerID = newValue.uuid }
    }
}

extension PairEvent {
    var pair: PairID {
        get { PairID(pairID) }
        set { pairID = newValue.uuid }
    }
}

extension PairContact {
    var pair: PairID {
        get { PairID(pairID) }
        set { pairID = newValue.uuid }
    }
}
