import Foundation
import GuanaiCore

/// The paths of the fairs' pages (the list's is `SiteURL.jobFairs`, for the menu); ids as the path shows them.
enum FairURL {
    static let list = SiteURL.jobFairs.path
    static let new = list + "/new"
    static let export = list + "/export"
    static func fair(_ id: UUID?) -> String { list + "/" + (id?.uuidString ?? ":id") }
    static func edit(_ id: UUID?) -> String { fair(id) + "/edit" }
    static func attend(_ id: UUID?) -> String { fair(id) + "/attend" }
    static func part(_ id: UUID?, _ part: FairPart) -> String { fair(id) + "/" + part.rawValue }
    static func peopleExport(_ id: UUID?) -> String { fair(id) + "/export" }
    static func followup(_ id: UUID?) -> String { "/job-fair-hires/" + (id?.uuidString ?? ":id") + "/followups" }
}

/// The small forms of a fair's page, each posting to its own path.
enum FairPart: String, CaseIterable {
    case employers, postings, attendees, intents, hires
}

/// A posting as typed on the fair's page: numbers stay text until Core judges them, so what was typed comes back.
struct FairPostingPageForm: Codable {
    var employerId: String?, title: String?, payMin: String?, payMax: String?, place: String?, hours: String?
    var suitsCarers: String?, openings: String?

    var input: FairPostingInput {
        let typed = openings?.trimmingCharacters(in: .whitespaces) ?? ""
        return FairPostingInput(
            employerId: employerId, title: title, payMin: payMin, payMax: payMax, place: place, hours: hours,
            suitsCarers: suitsCarers == "1", openings: typed.isEmpty ? nil : Int(typed) ?? -1)
    }
}

/// What a fair's page re-shows after a refused form: which form, its messages by field, and what was typed.
struct FairPageState {
    var part: String? = nil
    var errors: [String: String] = [:]
    var typed: [String: String] = [:]
    var flash: String? = nil
}
