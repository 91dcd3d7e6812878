import Foundation
import GuanaiCore

/// The paths of the loans' pages (the list's is `SiteURL.loans`, for the menu); ids as the path shows them.
enum LoanURL {
    static let list = SiteURL.loans.path
    static let new = list + "/new"
    static let export = list + "/export"
    static func loan(_ id: UUID?) -> String { list + "/" + (id?.uuidString ?? ":id") }
    static func steps(_ id: UUID?) -> String { loan(id) + "/steps" }
    static func repayments(_ id: UUID?) -> String { loan(id) + "/repayments" }
    static func subsidy(_ id: UUID?, from: String?, _ action: SubsidyAction?) -> String {
        loan(id) + "/subsidies/" + (from ?? ":from") + "/" + (action?.rawValue ?? ":action")
    }
}

/// An application as typed: the numbers stay text until Core judges them, so what was typed comes back. The borrower
/// and the partners were picked on the page's search (`personId`, repeated `partnerIds`).
struct LoanApplicationPageForm: Codable {
    var personId: String?, kind: String?, project: String?, amount: String?, termMonths: String?
    var partnerIds: [String]?
    /// Set by the 核对资格 button: judge and show every reason, save nothing.
    var check: String?

    var input: LoanApplicationInput {
        func given(_ s: String?) -> String? { (s ?? "").trimmingCharacters(in: .whitespaces).isEmpty ? nil : s }
        return LoanApplicationInput(
            personId: given(personId), kind: given(kind), amount: given(amount), termMonths: LoanPageNumber.int(termMonths),
            partnerIds: (partnerIds ?? []).isEmpty ? nil : partnerIds, project: project)
    }
}

/// One step as typed on the loan's page; the step itself is the one the loan waits for, sent as a hidden field.
struct LoanStepPageForm: Codable {
    var step: String?, decision: String?, reason: String?, documentNo: String?, on: String?
    var amount: String?, rateBP: String?, termMonths: String?, method: String?

    var input: LoanStepInput {
        LoanStepInput(
            step: step, decision: decision, reason: reason, documentNo: documentNo, on: on, amount: amount,
            rateBP: LoanPageNumber.int(rateBP), termMonths: LoanPageNumber.int(termMonths), method: method)
    }
}

enum LoanPageNumber {
    /// Empty is absent (Core says it is required); anything else not a whole number is -1, which Core refuses by range.
    static func int(_ raw: String?) -> Int? {
        let t = raw?.trimmingCharacters(in: .whitespaces) ?? ""
        return t.isEmpty ? nil : Int(t) ?? -1
    }
}

/// The forms of a loan's page, each a section with its own anchor.
enum LoanPagePart: String { case steps, repayments, subsidies }

/// What a loan's page re-shows after a refused form: which form, its messages by field, and what was typed.
struct LoanPageState {
    var part: LoanPagePart? = nil
    var errors: [String: String] = [:]
    var typed: [String: String] = [:]
}
