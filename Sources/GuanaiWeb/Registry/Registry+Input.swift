import Vapor
import GuanaiCore




/// A partial change. A key that is absent keeps the stored value; a key sent as `null` clears an optional field
/// (its path is in `cleared`: `"school"`, `"father.workPlace"`, `"guardian"` …); nested objects merge key by key.
struct ChildPatch: Content, Sendable {
    var name: String?
    var school: String?
    var grade: String?
    var boarding: Bool?
    var address: String?
    var villageCode: String?
    var livingArrangement: String?
    var needs: [String]?
    var improperGuardianship: Bool?
    var improperNote: String?
    var informedOn: String?
    var consent: Bool?
    var father: ParentInput?
    var mother: ParentInput?
    var guardian: GuardianInput?
    var removeGuardian: Bool?
    var confirmLinks: Bool?
    var cleared: Set<String> = []

    init() {}

    enum CodingKeys: String, CodingKey {
        case name, school, grade, boarding, address, villageCode, livingArrangement, needs, improperGuardianship, improperNote, informedOn, consent
        case father, mother, guardian, removeGuardian, confirmLinks
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        school = try c.decodeIfPresent(String.self, forKey: .school)
        grade = try c.decodeIfPresent(String.self, forKey: .grade)
        boarding = try c.decodeIfPresent(Bool.self, forKey: .boarding)
        address = try c.decodeIfPresent(String.self, forKey: .address)
        villageCode = try c.decodeIfPresent(String.self, forKey: .villageCode)
        livingArrangement = try c.decodeIfPresent(String.self, forKey: .livingArrangement)
        needs = try c.decodeIfPresent([String].self, forKey: .needs)
        improperGuardianship = try c.decodeIfPresent(Bool.self, forKey: .improperGuardianship)
        improperNote = try c.decodeIfPresent(String.self, forKey: .improperNote)
        informedOn = try c.decodeIfPresent(String.self, forKey: .informedOn)
        consent = try c.decodeIfPresent(Bool.self, forKey: .consent)
        father = try c.decodeIfPresent(ParentInput.self, forKey: .father)
        mother = try c.decodeIfPresent(ParentInput.self, forKey: .mother)
        guardian = try c.decodeIfPresent(GuardianInput.self, forKey: .guardian)
        removeGuardian = try c.decodeIfPresent(Bool.self, forKey: .removeGuardian)
        confirmLinks = try c.decodeIfPresent(Bool.self, forKey: .confirmLinks)
        cleared = try PatchNulls.keys(c)
        for key in ["father", "mother", "guardian"] {
            guard let k = CodingKeys(rawValue: key), c.contains(k), !(try c.decodeNil(forKey: k)) else { continue }
            let nested = try c.nestedContainer(keyedBy: PatchNulls.AnyKey.self, forKey: k)
            cleared.formUnion(try PatchNulls.keys(nested).map { key + "." + $0 })
        }
    }
}

struct PersonPatch: Content, Sendable {
    var name: String?
    var phone: String?
    var ethnicity: String?
    var health: String?
    var healthSince: String?
    var disabilityGrade: Int?
    var vitalStatus: String?
    /// Only where no ID number says it: a guardian known by name and age.
    var birthDate: String?
    var cleared: Set<String> = []

    init(name: String? = nil, phone: String? = nil, ethnicity: String? = nil, health: String? = nil, healthSince: String? = nil, disabilityGrade: Int? = nil, vitalStatus: String? = nil) {
        self.name = name; self.phone = phone; self.ethnicity = ethnicity; self.health = health
        self.healthSince = healthSince; self.disabilityGrade = disabilityGrade; self.vitalStatus = vitalStatus
    }

    enum CodingKeys: String, CodingKey { case name, phone, ethnicity, health, healthSince, disabilityGrade, vitalStatus, birthDate }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        phone = try c.decodeIfPresent(String.self, forKey: .phone)
        ethnicity = try c.decodeIfPresent(String.self, forKey: .ethnicity)
        health = try c.decodeIfPresent(String.self, forKey: .health)
        healthSince = try c.decodeIfPresent(String.self, forKey: .healthSince)
        disabilityGrade = try c.decodeIfPresent(Int.self, forKey: .disabilityGrade)
        vitalStatus = try c.decodeIfPresent(String.self, forKey: .vitalStatus)
        birthDate = try c.decodeIfPresent(String.self, forKey: .birthDate)
        cleared = try PatchNulls.keys(c)
    }
}

/// Which keys of a JSON object were sent as `null`: Codable's optionals cannot tell them from absent ones.
enum PatchNulls {
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static func keys<K: CodingKey>(_ c: KeyedDecodingContainer<K>) throws -> Set<String> {
        var out: Set<String> = []
        for k in c.allKeys where try c.decodeNil(forKey: k) { out.insert(k.stringValue) }
        return out
    }
}

// The form inputs and their checks are Core's (ChildForm, FormChecker); here they become request content.
extension ParentInput: Content {}
extension GuardianInput: Content {}
extension ChildInput: Content {}
typealias Checker = FormChecker
