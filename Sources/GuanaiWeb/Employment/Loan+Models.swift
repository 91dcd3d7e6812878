import Fluent
import Foundation
import GuanaiCore

/// A guaranteed start-up loan: the application as made, then the terms each step fixed. Its rules are Core's
/// (`LoanRules`, `LoanStepRules`, `LoanStanding`); here it is stored.
final class Loan: Model, @unchecked Sendable {
    static let schema = "loans"
    @ID(key: .id) var id: UUID?
    @Field(key: "person_id") var personID: UUID
    /// The borrower's village: the loan is read and counted there.
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "kind") var kind: LoanKind
    @Field(key: "project") var project: String
    @Field(key: "amount_fen") var amountFen: Int64
    @Field(key: "term_months") var termMonths: Int
    @Field(key: "status") var status: LoanStatus
    @Field(key: "applied_on") var appliedOn: String
    @Field(key: "applied_by") var appliedBy: String
    /// The account behind the application or the last step: never the one to record the next.
    @Field(key: "last_actor") var lastActor: String
    @OptionalField(key: "last_step_on") var lastStepOn: String?
    @OptionalField(key: "approved_fen") var approvedFen: Int64?
    @OptionalField(key: "rate_bp") var rateBP: Int?
    @OptionalField(key: "lpr_bp") var lprBP: Int?
    @OptionalField(key: "borrower_bp") var borrowerBP: Int?
    @OptionalField(key: "approved_term") var approvedTerm: Int?
    @OptionalField(key: "method") var method: RepaymentMethod?
    @OptionalField(key: "disbursed_on") var disbursedOn: String?
    @OptionalField(key: "disbursed_fen") var disbursedFen: Int64?
    @Field(key: "outstanding_fen") var outstandingFen: Int64
    @Field(key: "overdue") var overdue: Bool
    @Field(key: "ever_overdue") var everOverdue: Bool
    @OptionalField(key: "overdue_check_on") var overdueCheckOn: String?
    @OptionalField(key: "settled_on") var settledOn: String?
    /// The subsidies paid on it, kept with each payment so the portfolio needs no join (M0046).
    @Field(key: "subsidy_paid_fen") var subsidyPaidFen: Int64
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    var amount: Yuan { Yuan(fen: amountFen) }
    var disbursed: Yuan? { disbursedFen.map(Yuan.init(fen:)) }

    /// The bank's terms once disbursed; nil before.
    var terms: LoanTerms? {
        guard let on = disbursedOn.flatMap(CivilDate.init(iso:)), let fen = disbursedFen, let term = approvedTerm, let rate = rateBP,
            let bp = borrowerBP
        else { return nil }
        return LoanTerms(
            amount: Yuan(fen: fen), disbursedOn: on, termMonths: term, rateBP: rate, borrowerBP: bp, method: method ?? .interestOnly,
            settledOn: settledOn.flatMap(CivilDate.init(iso:)))
    }

    /// The instalments as disbursed; none before.
    var schedule: [ScheduleRow] { terms?.schedule ?? [] }

    var auditFields: [String: String] {
        [
            "personId": personID.uuidString, "kind": kind.rawValue, "project": project, "amount": amount.description,
            "termMonths": String(termMonths), "status": status.rawValue, "unitCode": unitCode,
        ]
    }
}

/// Who a loan counts against: the borrower and each partner.
final class LoanPerson: Model, @unchecked Sendable {
    static let schema = "loan_people"
    @ID(key: .id) var id: UUID?
    @Field(key: "loan_id") var loanID: UUID
    @Field(key: "person_id") var personID: UUID
    @Field(key: "role") var role: String
    init() {}
}

/// One decision on a loan, by whom and on which day, with the other body's document number.
final class LoanStepRecord: Model, @unchecked Sendable {
    static let schema = "loan_steps"
    @ID(key: .id) var id: UUID?
    @Field(key: "loan_id") var loanID: UUID
    @Field(key: "step") var step: LoanStep
    @Field(key: "decision") var decision: LoanDecision
    @Field(key: "on_date") var on: String
    @Field(key: "by_name") var byName: String
    @Field(key: "by_display") var byDisplay: String
    @OptionalField(key: "document_no") var documentNo: String?
    @OptionalField(key: "reason") var reason: String?
    @OptionalField(key: "amount_fen") var amountFen: Int64?
    @OptionalField(key: "rate_bp") var rateBP: Int?
    @OptionalField(key: "term_months") var termMonths: Int?
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A repayment as booked by hand or read from a bank statement.
final class LoanRepayment: Model, @unchecked Sendable {
    static let schema = "loan_repayments"
    @ID(key: .id) var id: UUID?
    @Field(key: "loan_id") var loanID: UUID
    @Field(key: "on_date") var on: String
    @Field(key: "principal_fen") var principalFen: Int64
    @Field(key: "interest_fen") var interestFen: Int64
    @Field(key: "source") var source: String
    @Field(key: "by_name") var byName: String
    @Field(key: "created_at") var createdAt: Date
    init() {}

    var repayment: Repayment? {
        CivilDate(iso: on).map { Repayment(on: $0, principal: Yuan(fen: principalFen), interest: Yuan(fen: interestFen)) }
    }
}

/// A quarter's subsidy once claimed: the amount frozen, then paid by another account.
final class LoanSubsidyClaim: Model, @unchecked Sendable {
    static let schema = "loan_subsidies"
    @ID(key: .id) var id: UUID?
    @Field(key: "loan_id") var loanID: UUID
    @Field(key: "period_from") var periodFrom: String
    @Field(key: "period_to") var periodTo: String
    @Field(key: "subsidy_fen") var subsidyFen: Int64
    @Field(key: "status") var status: SubsidyStatus
    @Field(key: "claimed_by") var claimedBy: String
    @Field(key: "claimed_at") var claimedAt: Date
    @OptionalField(key: "paid_by") var paidBy: String?
    @OptionalField(key: "paid_at") var paidAt: Date?
    init() {}
}

extension Loan: TypedRecord { typealias Kind = RecordTag.Loan }
