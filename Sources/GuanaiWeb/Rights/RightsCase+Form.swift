import Foundation
import GuanaiCore

/// The paths of the rights pages (the list's is `SiteURL.rights`, for the menu); ids as the path shows them.
enum RightsURL {
    static let list = SiteURL.rights.path
    static let new = list + "/new"
    static let export = list + "/export"
    static func rightsCase(_ id: UUID?) -> String { list + "/" + (id?.uuidString ?? ":id") }
    static func step(_ id: UUID?, _ part: RightsPagePart) -> String { rightsCase(id) + "/" + part.rawValue }
    static func print(_ id: UUID?) -> String { rightsCase(id) + "/agreement/print" }
}

/// The forms of a case's page, each a section with its own anchor and a path of the same name.
enum RightsPagePart: String, CaseIterable {
    case access, mediators, accept, decline, meetings, outcome, followups, close, safety
    case childReports = "child-reports"
}

/// What a case's page re-shows after a refused form: which form, its messages by field, and what was typed.
struct RightsPageState {
    var part: RightsPagePart? = nil
    var errors: [String: String] = [:]
    var typed: [String: String] = [:]

    func errors(_ p: RightsPagePart) -> [String: String] { part == p ? errors : [:] }
    func typed(_ p: RightsPagePart) -> [String: String] { part == p ? typed : [:] }
}

/// The intake as typed. The parties are numbered rows (`role0`, `name0` …) so a refused form shows each row back; a row
/// left blank is no party, and Core's `parties[i]` names the row it came from.
struct RightsCasePageForm: Decodable {
    struct Row: Equatable {
        var role = "", name = "", relation = "", phone = ""
        var isBlank: Bool { [name, relation, phone].allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
    }
    var villageCode = "", channel = "", category = "", narrative = "", request = "", receivedOn = ""
    var womensHome = false
    var rows: [Row] = []

    static let rowFields = RightsCaseForm.partyFields

    init() {}

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: FormKey.self)
        func v(_ k: String) throws -> String { try c.value(k) ?? "" }
        (villageCode, channel, category) = (try v("villageCode"), try v("channel"), try v("category"))
        (narrative, request, receivedOn) = (try v("narrative"), try v("request"), try v("receivedOn"))
        womensHome = try c.value("womensHome") == Forms.on
        for i in 0..<RightsCaseForm.maxParties {
            let r = Row(role: try v("role\(i)"), name: try v("name\(i)"), relation: try v("relation\(i)"), phone: try v("phone\(i)"))
            if c.contains(FormKey("role\(i)")) || !r.isBlank { rows.append(r) }
        }
    }

    /// The rows that say something, with the row each came from.
    var filled: [(row: Int, party: Row)] { rows.enumerated().filter { !$0.element.isBlank }.map { ($0.offset, $0.element) } }

    var input: RightsCaseInput {
        func given(_ s: String) -> String? { s.trimmingCharacters(in: .whitespaces).isEmpty ? nil : s }
        return RightsCaseInput(
            villageCode: given(villageCode), channel: given(channel), category: given(category),
            parties: filled.map {
                RightsPartyInput(
                    role: given($0.party.role), name: given($0.party.name), relation: given($0.party.relation), phone: given($0.party.phone)
                )
            },
            narrative: given(narrative), request: given(request), receivedOn: given(receivedOn), womensHome: womensHome)
    }

    /// Core's field names turned into the form's: `parties[1].name` is the name of the row the second party came from.
    func formField(_ field: String) -> String {
        guard let m = field.wholeMatch(of: /parties\[(\d+)\]\.(\w+)/), let k = Int(m.1) else { return field }
        let f = filled
        return k < f.count ? String(m.2) + String(f[k].row) : "parties"
    }
}

/// 指派调解员: one account at a time from the list of those who may mediate here; naming oneself needs a reason.
struct RightsMediatorPageForm: Codable {
    var userId: String?, reason: String?
    var input: RightsMediatorsInput {
        RightsMediatorsInput(userIds: RightsPageText.given(userId).map { [$0] }, reason: RightsPageText.given(reason))
    }
}

/// 受理: each party's answer as a choice (yes, no, or not chosen — which Core names), and the advice on a refusal.
struct RightsAcceptPageForm: Codable {
    var applicant: String?, respondent: String?, advice: String?
    var input: RightsAcceptInput {
        func answer(_ s: String?) -> Bool? { s == "yes" ? true : s == "no" ? false : nil }
        return RightsAcceptInput(
            consents: .init(applicant: answer(applicant), respondent: answer(respondent)), advice: RightsPageText.given(advice))
    }
}

/// 调解记录: who came typed one per line (`attendeeLines`, a multiline field of `TextRules`).
struct RightsMeetingPageForm: Codable {
    var date: String?, place: String?, attendeeLines: String?, minutes: String?
    var input: RightsMeetingInput {
        RightsMeetingInput(
            date: RightsPageText.given(date), place: RightsPageText.given(place), attendees: RightsPageText.lines(attendeeLines),
            minutes: RightsPageText.given(minutes))
    }
}

/// 调解结果: one form per kind on the page, the kind a hidden field; who signed typed one per line.
struct RightsOutcomePageForm: Codable {
    var kind: String?, on: String?, content: String?, facts: String?, terms: String?, performance: String?
    var signerLines: String?, signedOn: String?, referral: String?, advice: String?
    var input: RightsOutcomeInput {
        let g = RightsPageText.given
        return RightsOutcomeInput(
            kind: g(kind), on: g(on), content: g(content), facts: g(facts), terms: g(terms), performance: g(performance),
            signedBy: RightsPageText.lines(signerLines), signedOn: g(signedOn), referral: g(referral), advice: g(advice))
    }
}

/// 安全计划, flat: the 告诫书 and the 保护令 each absent when all its fields are blank. Refused, each message sits by the
/// input of the field Core names (`warningLetter.by` by `letterBy`).
struct RightsSafetyPageForm: Codable {
    var risk: String?, plan: String?, policeReportNo: String?, letterOn: String?, letterBy: String?
    var orderApplied: String?, orderCourt: String?, orderStatus: String?, orderDecided: String?, orderExpires: String?

    init() {}

    /// The plan on record, to edit.
    init(_ s: RightsSafety) {
        (risk, plan, policeReportNo) = (s.risk.rawValue, s.plan, s.policeReportNo)
        (letterOn, letterBy) = (s.warningLetter?.issuedOn.iso, s.warningLetter?.by)
        if let o = s.protectionOrder {
            (orderApplied, orderCourt, orderStatus) = (o.appliedOn.iso, o.court, o.status.rawValue)
            (orderDecided, orderExpires) = (o.decidedOn?.iso, o.expiresOn?.iso)
        }
    }

    var input: RightsSafetyInput {
        let g = RightsPageText.given
        let letter =
            [letterOn, letterBy].allSatisfy { g($0) == nil } ? nil : RightsSafetyInput.WarningLetter(issuedOn: g(letterOn), by: g(letterBy))
        let order =
            [orderApplied, orderCourt, orderStatus, orderDecided, orderExpires].allSatisfy { g($0) == nil }
            ? nil
            : RightsSafetyInput.ProtectionOrder(
                appliedOn: g(orderApplied), court: g(orderCourt), status: g(orderStatus), decidedOn: g(orderDecided),
                expiresOn: g(orderExpires))
        return RightsSafetyInput(
            risk: g(risk), plan: g(plan), policeReportNo: g(policeReportNo), warningLetter: letter, protectionOrder: order)
    }
}

/// 强制报告 for one child of the household: `decision` is `decline` on the form that records not reporting.
struct RightsChildReportPageForm: Codable {
    static let decline = RightsEvent.decline.rawValue
    var childId: String?, seen: String?, reason: String?, decision: String?
    var input: RightsChildReportInput {
        let declined = decision == Self.decline
        return RightsChildReportInput(
            childId: RightsPageText.given(childId), seen: declined ? nil : RightsPageText.given(seen), declined: declined,
            reason: declined ? RightsPageText.given(reason) : nil)
    }
}

enum RightsPageText {
    static func given(_ s: String?) -> String? { (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : s }

    /// A textarea's lines, blank ones dropped; none typed is absent, so Core names the field.
    static func lines(_ s: String?) -> [String]? {
        let l = (s ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return l.isEmpty ? nil : l
    }
}
