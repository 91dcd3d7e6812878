/// What a column holds, which decides how its cells are read.
public enum IntakeCellKind: Sendable, Equatable {
    case text, idNumber, date, sex, yesNo, village, phone, int, decimal
    /// An amount of money, read to the fen (`Yuan.ledger`): 元, ¥, thousands commas and full-width digits allowed.
    case money
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
        // A child's place is a change to the station's record, as the form's enrolment is.
        case .stations, .enrolments: return .station
        case .neighbourGroups: return .group
        case .sites: return .site
        case .trainingEnrolments, .fairAttendees, .loans, .repayments: return .employment
        // An import of results is a result's entry: only the results' readers find it in the trail.
        case .screeningResults: return .healthResult
        case .teamMembers: return .health
        }
    }

    /// The rule that guards reading (and so importing or exporting) rows of this kind.
    public var recordKind: RecordKind {
        switch self {
        case .children: return .child
        case .women: return .woman
        case .households: return .household
        case .volunteers: return .volunteer
        case .stations, .enrolments, .sites: return .station
        case .neighbourGroups: return .group
        case .trainingEnrolments, .fairAttendees, .loans, .repayments: return .employment
        case .screeningResults: return .healthResult
        case .teamMembers: return .health
        }
    }

    /// The column that places a row in a unit. A volunteer, a station or a site may belong to a township as well as
    /// to a village (the township's women's federation, a central school). An enrolment is placed by its station.
    public var placeKey: String {
        switch self {
        case .volunteers, .stations, .sites: return "unitCode"
        case .enrolments: return "stationName"
        case .trainingEnrolments: return "courseTitle"
        case .fairAttendees: return "fairName"
        case .loans, .repayments: return "idNumber"
        case .children, .women, .households, .neighbourGroups, .screeningResults, .teamMembers: return "villageCode"
        }
    }
    /// A team may be a township's (镇广场舞队) as well as a village's.
    public var allowsTownship: Bool { [.volunteers, .stations, .sites, .teamMembers].contains(self) }
    /// Rows placed by a station named in the row (or the unit's one open station), not by a village column.
    public var placedByStation: Bool { self == .enrolments }
    /// Rows placed by the record they name (a station, a course, a fair, the woman's loan): no village column needed.
    public var placedByRecord: Bool { placedByStation || isEmployment || self == .screeningResults }
    /// A woman a result sheet names need not be registered: she becomes a person by her ID number, placed in the
    /// row's village (or the importing village), so the village column is read when there is one.
    public var readsVillageWhenPlaced: Bool { self == .screeningResults }
    /// Issue 18's ledgers: each row an act on a woman already registered, found by her ID number.
    public var isEmployment: Bool { [.trainingEnrolments, .fairAttendees, .loans, .repayments].contains(self) }
    /// Rows that only make a record together: a neighbour group is the rows that share its name, in one village.
    public var groupsRows: Bool { self == .neighbourGroups }

    /// The columns a file must have: who the row is, and what no default can stand for.
    public var requiredKeys: Set<String> {
        switch self {
        case .children, .women, .volunteers: return ["name", "idNumber"]
        case .households: return ["head.name", "head.idNumber"]
        case .stations: return ["name", "capacity", "schedule"]
        case .sites: return ["name", "latitude", "longitude"]
        case .enrolments: return ["idNumber"]
        // Joining is voluntary (自愿): a member's consent date is part of the record, and one household leads.
        case .neighbourGroups: return ["name", "head.idNumber", "leader", "consentedOn"]
        case .trainingEnrolments: return ["idNumber", "courseTitle"]
        case .fairAttendees: return ["idNumber", "fairName"]
        case .loans: return ["idNumber", "project", "amount", "termMonths"]
        // A statement names the borrower or the loan; which one is checked row by row.
        case .repayments: return ["on", "principal"]
        // Which results a row holds decides its programme; a row with none is refused by name, row by row.
        case .screeningResults: return ["idNumber", "name", "date", "site"]
        case .teamMembers: return ["teamName", "idNumber", "name"]
        }
    }

    /// How each column's cells are read; a column not named is text.
    public var cellKinds: [String: IntakeCellKind] {
        switch self {
        case .children: return Self.childKinds
        case .women: return Self.womanKinds
        case .households: return Self.householdKinds
        case .volunteers: return Self.volunteerKinds
        case .stations: return Self.stationKinds
        case .enrolments: return Self.enrolmentKinds
        case .neighbourGroups: return Self.groupKinds
        case .sites: return Self.siteKinds
        case .trainingEnrolments: return ["idNumber": .idNumber, "courseFrom": .date]
        case .fairAttendees: return ["idNumber": .idNumber, "fairDate": .date]
        case .loans: return ["idNumber": .idNumber, "kind": .token("loanKind"), "amount": .money, "termMonths": .int]
        case .repayments: return ["idNumber": .idNumber, "on": .date, "principal": .money, "interest": .money]
        case .screeningResults: return Self.screeningKinds
        case .teamMembers:
            return ["idNumber": .idNumber, "villageCode": .village, "phone": .phone, "kind": .token("ht.kind"), "leader": .yesNo]
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
    public static let stationKinds: [String: IntakeCellKind] = [
        "unitCode": .village, "host": .token("stationHost"), "capacity": .int, "schedule": .tokens("stationSession"),
        "staff.phone": .phone, "status": .token("stationStatus"), "openedOn": .date, "closedOn": .date,
        "longitude": .decimal, "latitude": .decimal,
    ]
    public static let enrolmentKinds: [String: IntakeCellKind] = ["idNumber": .idNumber, "from": .date]
    public static let groupKinds: [String: IntakeCellKind] = [
        "villageCode": .village, "head.idNumber": .idNumber, "leader": .yesNo, "consentedOn": .date,
    ]
    /// The result columns read as the pages' own words (`hp.*` labels) and the sheets' usual ones.
    public static let screeningKinds: [String: IntakeCellKind] = [
        "idNumber": .idNumber, "villageCode": .village, "phone": .phone, "hukou": .token("hukou"), "date": .date,
        "programme": .token("hc.programme"),
        "gynaecExam": .token("hp.finding"), "method": .token("hp.cmethod"), "cytology": .token("hp.cyto"), "hpv": .token("hp.hpvres"),
        "clinicalExam": .token("hp.finding"), "ultrasound": .token("hp.birads"),
    ]
    public static let siteKinds: [String: IntakeCellKind] = [
        "kind": .token("siteKind"), "unitCode": .village, "longitude": .decimal, "latitude": .decimal,
    ]
}
