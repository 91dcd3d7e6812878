import GuanaiCore
import GuanaiSheets

/// What a column holds, which decides how its cells are read.
enum IntakeCellKind: Sendable, Equatable {
    case text, idNumber, date, sex, yesNo, village, phone, int, decimal
    /// One token of the catalogue prefix ("situation", "relation" …).
    case token(String)
    /// Several tokens in one cell, separated by 、 or commas.
    case tokens(String)
}

struct IntakeColumn: Sendable {
    /// The input field it fills, as the API names it ("guardian.idNumber").
    let key: String
    /// Header names: the first is what our exports write.
    let names: [String]
    let kind: IntakeCellKind
    var required = false
}

/// Each kind of ledger is generic machinery over a column schema.
extension IntakeKind {
    /// The audit trail's record type for one row of this kind.
    var recordType: String {
        switch self { case .children: return "child"; case .women: return "woman"; case .households: return "household"; case .volunteers: return "volunteer" }
    }

    /// The column that places a row in a unit. A volunteer may belong to a township as well as to a village (the
    /// township's women's federation, a school, a clinic).
    var placeKey: String { self == .volunteers ? "unitCode" : "villageCode" }
    var allowsTownship: Bool { self == .volunteers }

    var columns: [IntakeColumn] {
        switch self {
        case .children: return Self.build(IntakeWords.childHeaders, kinds: Self.childKinds, required: ["name", "idNumber"])
        case .women: return Self.build(IntakeWords.womanHeaders, kinds: Self.womanKinds, required: ["name", "idNumber"])
        case .households: return Self.build(IntakeWords.householdHeaders, kinds: Self.householdKinds, required: ["head.name", "head.idNumber"])
        case .volunteers: return Self.build(IntakeWords.volunteerHeaders, kinds: Self.volunteerKinds, required: ["name", "idNumber"])
        }
    }

    var specs: [ColumnSpec] { columns.map { ColumnSpec(key: $0.key, title: $0.names[0], synonyms: $0.names, required: $0.required) } }

    static func build(_ headers: [(key: String, names: [String])], kinds: [String: IntakeCellKind], required: Set<String>) -> [IntakeColumn] {
        headers.map { IntakeColumn(key: $0.key, names: $0.names, kind: kinds[$0.key] ?? .text, required: required.contains($0.key)) }
    }

    static let childKinds: [String: IntakeCellKind] = [
        "idNumber": .idNumber, "sex": .sex, "birthDate": .date, "villageCode": .village, "hukou": .token("hukou"), "health": .token("health"),
        "boarding": .yesNo, "poverty": .token("poverty"), "father.idNumber": .idNumber, "father.situation": .token("situation"), "father.phone": .phone,
        "mother.idNumber": .idNumber, "mother.situation": .token("situation"), "mother.phone": .phone,
        "guardian.idNumber": .idNumber, "guardian.relation": .token("relation"), "guardian.health": .token("health"), "guardian.phone": .phone,
        "livingArrangement": .token("living"), "needs": .tokens("need"), "informedOn": .date, "consent": .yesNo,
    ]
    static let womanKinds: [String: IntakeCellKind] = [
        "idNumber": .idNumber, "villageCode": .village, "hukou": .token("hukou"), "phone": .phone, "health": .token("health"),
        "husband.idNumber": .idNumber, "husband.situation": .token("situation"), "husband.since": .date, "husband.phone": .phone,
        "childrenInCare": .int, "eldersInCare": .int, "farming": .yesNo, "needs": .tokens("wneed"), "employmentInterest": .yesNo, "healthInterest": .yesNo,
    ]
    static let householdKinds: [String: IntakeCellKind] = [
        "head.idNumber": .idNumber, "villageCode": .village, "poverty": .token("poverty"), "longitude": .decimal, "latitude": .decimal,
    ]
    static let volunteerKinds: [String: IntakeCellKind] = [
        "idNumber": .idNumber, "phone": .phone, "unitCode": .village, "skills": .tokens("skill"), "capacity": .int, "longitude": .decimal, "latitude": .decimal,
    ]
}
