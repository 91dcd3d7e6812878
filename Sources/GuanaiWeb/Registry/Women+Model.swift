import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// A left-behind woman's record: her husband's absence (which makes her 留守), who she cares for, what she
/// farms and can do, and what she needs; the employment and health modules read the interests.
final class Woman: Model, @unchecked Sendable {
    static let schema = "women"
    @ID(key: .id) var id: UUID?
    @Field(key: "person_id") var personID: UUID
    @Field(key: "unit_code") var unitCode: String
    @OptionalField(key: "household_id") var householdID: UUID?
    @OptionalField(key: "husband_id") var husbandID: UUID?
    @OptionalField(key: "husband_situation") var husbandSituation: String?
    @OptionalField(key: "husband_work_place") var husbandWorkPlace: String?
    @OptionalField(key: "husband_since") var husbandSince: String?
    /// Whom she cares for, what she can do, what she wants: the plain fields Core declares (`WomanDetail`).
    @DetailFields var details: Details<WomanDetail>
    /// Comma-separated `WomanNeed` tokens.
    @Field(key: "needs") var needs: String
    @Field(key: "left_behind") var leftBehind: Bool
    @Field(key: "reasons") var reasons: String
    @Field(key: "status") var status: WomanStatus
    @OptionalField(key: "exited_on") var exitedOn: String?
    @OptionalField(key: "next_review") var nextReview: String?
    @OptionalField(key: "voided_reason") var voidedReason: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    var needList: [WomanNeed] { needs.split(separator: ",").compactMap { WomanNeed(rawValue: String($0)) } }
    var reasonList: [Reason] { (try? JSONDecoder().decode([Reason].self, from: Data(reasons.utf8))) ?? [] }

    var auditFields: [String: String] {
        var out = [
            "unitCode": unitCode, "husbandId": husbandID?.uuidString ?? "", "husbandSituation": husbandSituation ?? "",
            "husbandWorkPlace": husbandWorkPlace ?? "", "husbandSince": husbandSince ?? "", "needs": needs,
            "leftBehind": String(leftBehind), "status": status.rawValue,
        ]
        for f in WomanDetail.allCases { out[f.rawValue] = details.string(f) }
        return out
    }
}

/// A woman's record as the API gives it, her plain fields (`WomanDetail`) flat beside the rest.
typealias WomanDTO = WithDetails<WomanMainDTO, WomanDetail>

struct WomanMainDTO: Codable, Sendable {
    let id: String
    let personId: String
    let name: String
    let idNumber: String
    let birthDate: String?
    let age: Int?
    let villageCode: String
    let hukou: String
    let phone: String?
    let husband: ParentDTO?
    let needs: [String]
    let leftBehind: Bool
    let reasons: [ReasonDTO]
    let status: String
    let householdId: String?
    let createdAt: String
}

struct HouseholdDTO: Content {
    let id: String
    let villageCode: String
    let villageGroup: String?
    let address: String
    let latitude: Double?
    let longitude: Double?
    let poverty: String
    let members: [PersonDTO]
}

extension Woman {
    /// Her own fields as Core's form rules set and merge them.
    var record: WomanForm.Record {
        get {
            WomanForm.Record(
                husbandSituation: husbandSituation, husbandWorkPlace: husbandWorkPlace, husbandSince: husbandSince,
                details: details, needs: needs)
        }
        set {
            husbandSituation = newValue.husbandSituation
            husbandWorkPlace = newValue.husbandWorkPlace
            husbandSince = newValue.husbandSince
            if newValue.details != details { details = newValue.details }
            needs = newValue.needs
        }
    }
}

extension Household {
    var record: HouseholdForm.Record {
        get {
            HouseholdForm.Record(poverty: poverty, address: address, villageGroup: villageGroup, latitude: latitude, longitude: longitude)
        }
        set {
            poverty = newValue.poverty
            address = newValue.address
            villageGroup = newValue.villageGroup
            latitude = newValue.latitude
            longitude = newValue.longitude
        }
    }
}

// The inputs are Core's (WomanForm); here they become request content.
extension WomanInput: Content {}
extension HouseholdInput: Content {}

/// The foreign keys, typed: the columns stay `UUID` (no schema change); code between reads and sets these.
extension Woman {
    var person: PersonID {
        get { PersonID(personID) }
        set { personID = newValue.uuid }
    }
    var household: HouseholdID? {
        get { householdID.map(HouseholdID.init) }
        set { householdID = newValue?.uuid }
    }
    var husband: PersonID? {
        get { husbandID.map(PersonID.init) }
        set { husbandID = newValue?.uuid }
    }
}
