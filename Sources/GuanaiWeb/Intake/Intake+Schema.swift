import GuanaiCore
import GuanaiSheets

/// The schema's rules are Core's (`IntakeKind.columns(headers:)`); the header words are the catalogue's.
extension IntakeKind {
    var headers: [(key: String, names: [String])] {
        switch self {
        case .children: return IntakeWords.childHeaders
        case .women: return IntakeWords.womanHeaders
        case .households: return IntakeWords.householdHeaders
        case .volunteers: return IntakeWords.volunteerHeaders
        case .stations: return IntakeWords.stationHeaders
        case .enrolments: return IntakeWords.enrolmentHeaders
        case .neighbourGroups: return IntakeWords.groupHeaders
        case .sites: return IntakeWords.siteHeaders
        case .trainingEnrolments: return IntakeWords.trainingEnrolmentHeaders
        case .fairAttendees: return IntakeWords.fairAttendeeHeaders
        case .loans: return IntakeWords.loanHeaders
        case .repayments: return IntakeWords.repaymentHeaders
        case .screeningResults: return IntakeWords.screeningHeaders
        case .teamMembers: return IntakeWords.teamMemberHeaders
        }
    }

    var columns: [IntakeColumn] { columns(headers: headers) }

    var specs: [ColumnSpec] { columns.map { ColumnSpec(key: $0.key, title: $0.names[0], synonyms: $0.names, required: $0.required) } }
}
