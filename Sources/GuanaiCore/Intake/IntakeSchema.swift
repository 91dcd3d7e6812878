/// What a column holds, which decides how its cells are read.
public enum IntakeCellKind: Sendable, Equatable {
    case text, idNumber, date, sex, yesNo, village, phone, int, decimal
    /// One token of the catalogue prefix ("situation", "relation" …).
    case token(String)
    /// Several tokens in one cell, separated by 、 or commas.
    case tokens(String)
}

public struct IntakeColumn: Sendable {
    /// The input field it fills, as the API names it ("guardian.idNumber").
    public let key: String
    /// Header names: the first is what our exports write.
    public let names: [String]
    public let kind: IntakeCellKind
    public var required = false

    public init(key: String, names: [String], kind: IntakeCellKind, required: Bool = false) {
        self.key = key
        self.names = names
        self.kind = kind
        self.required = required
    }
}

/// Each kind of ledger is generic machinery over a column schema: which columns are read how, which are required,
/// and where a row is placed. The header words themselves are the web catalogue's (`IntakeWords`).
extension IntakeKind {
    /// The audit trail's record type for one row of this kind.
    public var recordType: AuditSubject {
        switch self {
        case .children: return .child
        case .women: return .woman
        case .households: return .household
        case .volunteers: return .volunteer
        }
    }

    /// The column that places a row in a unit. A volunteer may belong to a township as well as to a village (the
    /// township's women's federation, a school, a clinic).
    public var placeKey: String { self == .volunteers ? "unitCode" : "villageCode" }
    public var allowsTownship: Bool { self == .volunteers }

    /// The columns a file must have: who the row is.
    public var requiredKeys: Set<String> {
        switch self {
        case .children, .women, .volunteers: return ["name", "idNumber"]
        case .households: return ["head.name", "head.idNumber"]
        }
    }

    /// How each column's cells are read; a column not named is text.
    public var cellKinds: [String: IntakeCellKind] {
        switch self {
        case .children: return Self.childKinds
        case .women: return Self.womanKinds
        case .households: return Self.householdKinds
        case .volunteers: return Self.volunteerKinds
        }
    }

    /// The schema over the header words of this kind (key and its names, in the order exports write them).
    public func columns(headers: [(key: String, names: [String])]) -> [IntakeColumn] {
        let kinds = cellKinds, required = requiredKeys
        return headers.map { IntakeColumn(key: $0.key, names: $0.names, kind: kinds[$0.key] ?? .text, required: required.contains($0.key)) }
    }

    public static let childKinds: [String: IntakeCellKind] = [
        "idNumber": .idNumber, "sex": .sex, "birthDate": .date, "villageCode": .village, "hukou": .token("hukou"),
        "health": .token("health"), "poverty": .token("poverty"),
        "father.idNumber": .idNumber, "father.situation": .token("situation"), "father.phone": .phone,
        "mother.idNumber": .idNumber, "mother.situation": .token("situation"), "mother.phone": .phone,
        "guardian.idNumber": .idNumber, "guardian.relation": .token("relation"), "guardian.health": .token("health"),
        "guardian.phone": .phone,
        "livingArrangement": .token("living"), "needs": .tokens("need"), "informedOn": .date, "consent": .yesNo,
    ].merging(detailKinds(ChildDetail.self)) { a, _ in a }
    public static let womanKinds: [String: IntakeCellKind] = [
        "idNumber": .idNumber, "villageCode": .village, "hukou": .token("hukou"), "phone": .phone, "health": .token("health"),
        "husband.idNumber": .idNumber, "husband.situation": .token("situation"), "husband.since": .date, "husband.phone": .phone,
        "needs": .tokens("wneed"),
    ].merging(detailKinds(WomanDetail.self)) { a, _ in a }

    /// A ledger cell of each plain field: a flag is 是/否, a count a whole number, text as it is (the default).
    static func detailKinds<F: RecordDetail>(_: F.Type) -> [String: IntakeCellKind] {
        var out: [String: IntakeCellKind] = [:]
        for f in F.allCases {
            switch f.kind {
            case .flag: out[f.rawValue] = .yesNo
            case .count: out[f.rawValue] = .int
            case .text: break
            }
        }
        return out
    }
    public static let householdKinds: [String: IntakeCellKind] = [
        "head.idNumber": .idNumber, "villageCode": .village, "poverty": .token("poverty"), "longitude": .decimal, "latitude": .decimal,
    ]
    public static let volunteerKinds: [String: IntakeCellKind] = [
        "idNumber": .idNumber, "phone": .phone, "unitCode": .village, "skills": .tokens("skill"), "capacity": .int,
        "longitude": .decimal, "latitude": .decimal,
    ]
}
