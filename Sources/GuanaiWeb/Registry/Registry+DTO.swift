import Vapor
import GuanaiCore

struct ReasonDTO: Content { let code: String; let message: String }

struct ClassificationDTO: Content {
    let leftBehind: Bool
    let categories: [String]
    let reasons: [ReasonDTO]
}

/// A parent as the child's record sees her: the link's situation and the person's own state; ID and phone masked.
extension ChildMainDTO {
    /// The id the DTO was written from (`Child.recordID`), typed again for the page's links.
    var recordID: ChildID {
        guard let id = ChildID(id) else { preconditionFailure("a child's DTO carries its record's id") }
        return id
    }
}

struct ParentDTO: Content {
    let id: String?
    let name: String
    let idNumber: String?
    let situation: String
    let effectiveSituation: String
    let workPlace: String?
    let since: String?
    let phone: String?
    let vitalStatus: String
    let health: String
}

struct GuardianDTO: Content {
    let id: String
    let name: String
    let idNumber: String?
    let birthDate: String?
    let age: Int?
    let relation: String
    let health: String
    let vitalStatus: String
    let phone: String?
}

/// A child's record as the API gives it: her own facts, with the plain fields (`ChildDetail`) flat beside them.
typealias ChildDTO = WithDetails<ChildMainDTO, ChildDetail>

struct ChildMainDTO: Codable, Sendable {
    let id: String
    let personId: String
    let name: String
    let idNumber: String
    let sex: String
    let birthDate: String
    let age: Int
    let villageCode: String
    let hukou: String
    let ethnicity: String?
    let health: String
    let householdId: String?
    let father: ParentDTO?
    let mother: ParentDTO?
    let guardian: GuardianDTO?
    let livingArrangement: String
    let needs: [String]
    let improperGuardianship: Bool
    let improperNote: String?
    let informedOn: String?
    let consent: Bool
    let classification: ClassificationDTO
    let status: String
    let exitedOn: String?
    let exitReason: String?
    let createdAt: String
    let updatedAt: String
    let riskTier: String?
    let riskReasons: [ReasonDTO]
    let nextVisitDue: String?
    let lastVisitOn: String?
    /// The latest visit, day present at a station or volunteer's contact: what the 60-day rule reads.
    let lastContactOn: String?
}

struct ChildSummaryDTO: Content {
    let id: String
    let name: String
    let idNumber: String
    let sex: String
    let birthDate: String
    let age: Int
    let villageCode: String
    let categories: [String]
    let leftBehind: Bool
    let status: String
}

struct PersonDTO: Content {
    let id: String
    let name: String
    let idNumber: String?
    let sex: String?
    let birthDate: String?
    let ethnicity: String?
    let hukou: String?
    let phone: String?
    let health: String
    let healthSince: String?
    let disabilityGrade: Int?
    let vitalStatus: String
    let unitCode: String
}

struct PersonRevealDTO: Content { let id: String; let idNumber: String?; let phone: String? }

struct ChildPatchResult: Content { let child: ChildDTO }
struct PersonPatchResult: Content { let person: PersonDTO; let reclassifiedChildIds: [String] }

enum RegistryDTO {
    static func person(_ p: Person) -> PersonDTO {
        PersonDTO(
            id: p.id!.uuidString, name: p.name, idNumber: p.idNumber.map(Masking.idNumber), sex: p.sex, birthDate: p.birthDate,
            ethnicity: p.ethnicity,
            hukou: p.hukou, phone: p.phone.map(Masking.phone), health: p.health, healthSince: p.healthSince,
            disabilityGrade: p.disabilityGrade,
            vitalStatus: p.vitalStatus, unitCode: p.unitCode)
    }

    static func parent(_ p: Person?, situation: String?, workPlace: String?, since: String?) -> ParentDTO? {
        guard let situation, let s = ParentSituation(rawValue: situation) else { return nil }
        let facts = ParentFacts(situation: s, vitalStatus: p?.vital ?? .alive, health: p?.healthValue ?? .healthy)
        return ParentDTO(
            id: p?.id?.uuidString, name: p?.name ?? "", idNumber: p?.idNumber.map(Masking.idNumber), situation: situation,
            effectiveSituation: facts.effective.rawValue, workPlace: workPlace, since: since, phone: p?.phone.map(Masking.phone),
            vitalStatus: p?.vitalStatus ?? VitalStatus.alive.rawValue, health: p?.health ?? Health.healthy.rawValue)
    }

    static func child(_ c: Child, people: [PersonID: Person], today: CivilDate, lang: UILanguage = .zh) -> ChildDTO {
        let me = people[c.person]
        let born = CivilDate(iso: c.birthDate) ?? today
        let g = c.guardian.flatMap { people[$0] }
        let main = ChildMainDTO(
            id: c.id!.uuidString, personId: c.personID.uuidString, name: me?.name ?? "", idNumber: me?.idNumber.map(Masking.idNumber) ?? "",
            sex: me?.sex ?? "", birthDate: c.birthDate, age: Age.years(born: born, on: today), villageCode: c.unitCode,
            hukou: me?.hukou ?? Hukou.rural.rawValue,
            ethnicity: me?.ethnicity, health: me?.health ?? Health.healthy.rawValue, householdId: c.householdID?.uuidString,
            father: parent(
                c.father.flatMap { people[$0] }, situation: c.fatherSituation, workPlace: c.fatherWorkPlace, since: c.fatherSince),
            mother: parent(
                c.mother.flatMap { people[$0] }, situation: c.motherSituation, workPlace: c.motherWorkPlace, since: c.motherSince),
            guardian: g.map { g in
                GuardianDTO(
                    id: g.id!.uuidString, name: g.name, idNumber: g.idNumber.map(Masking.idNumber), birthDate: g.birthDate,
                    age: g.birth.map { Age.years(born: $0, on: today) }, relation: c.guardianRelation ?? GuardianRelation.other.rawValue,
                    health: g.health,
                    vitalStatus: g.vitalStatus, phone: g.phone.map(Masking.phone))
            },
            livingArrangement: c.livingArrangement, needs: c.needList.map(\.rawValue), improperGuardianship: c.improperGuardianship,
            improperNote: c.improperNote,
            informedOn: c.informedOn, consent: c.consent,
            classification: ClassificationDTO(
                leftBehind: c.leftBehind, categories: c.categoryList.map(\.rawValue), reasons: c.reasonList.map { ReasonDTO($0, lang) }),
            status: c.status.rawValue, exitedOn: c.exitedOn, exitReason: c.exitReason, createdAt: AuditLog.timestamp(c.createdAt),
            updatedAt: AuditLog.timestamp(c.updatedAt),
            riskTier: c.riskTier, riskReasons: c.riskReasonList.map { ReasonDTO($0, lang) }, nextVisitDue: c.nextVisitDue,
            lastVisitOn: c.lastVisitOn, lastContactOn: c.lastContactOn)
        return ChildDTO(main: main, details: c.details.complete)
    }

    static func summary(_ c: Child, person: Person?, today: CivilDate) -> ChildSummaryDTO {
        let born = CivilDate(iso: c.birthDate) ?? today
        return ChildSummaryDTO(
            id: c.id!.uuidString, name: person?.name ?? "", idNumber: person?.idNumber.map(Masking.idNumber) ?? "", sex: person?.sex ?? "",
            birthDate: c.birthDate, age: Age.years(born: born, on: today), villageCode: c.unitCode,
            categories: c.categoryList.map(\.rawValue), leftBehind: c.leftBehind, status: c.status.rawValue)
    }

    /// Loads everyone a child's record names, in one query.
    static func load(_ c: Child, scoped: Scoped, today: CivilDate, lang: UILanguage = .zh) async throws -> ChildDTO {
        let people = try await scoped.people([c.person, c.father, c.mother, c.guardian].compactMap { $0 })
        return child(c, people: people, today: today, lang: lang)
    }
}
