import Fluent
import Vapor
import GuanaiCore

/// A loan as the API gives it: money as decimal strings in yuan, rates in basis points, the schedule as disbursed,
/// and each calendar quarter's subsidy with its standing.
struct LoanDTO: Content {
    struct Step: Content {
        let step: String, decision: String, by: String, at: String, on: String, documentNo: String?, reason: String?
    }
    struct Row: Content { let due: String, principal: String, interest: String, overdue: Bool }
    struct Paid: Content { let on: String, principal: String, interest: String, source: String }
    struct Subsidy: Content {
        let from: String, to: String, days: Int, outstanding: String, interest: String, borrowerInterest: String, subsidy: String
        let status: String
    }
    let id: String, personId: String, borrowerName: String, unitCode: String, kind: String, partnerIds: [String], project: String
    let amount: String, termMonths: Int, status: String, appliedOn: String
    let approvedAmount: String?, rateBP: Int?, lprBP: Int?, borrowerRateBP: Int?, approvedTermMonths: Int?, method: String?
    let disbursedOn: String?, disbursedAmount: String?, outstanding: String, overdue: Bool, settledOn: String?
    /// The step the loan waits for, if any.
    let nextStep: String?
    let steps: [Step]
    let schedule: [Row]
    let repayments: [Paid]
    let subsidies: [Subsidy]
}

/// Everything a loan's page and its JSON show, read together.
struct LoanView: Sendable {
    let loan: Loan
    let borrowerName: String
    let partners: [(id: UUID, name: String)]
    let steps: [LoanStepRecord]
    let repayments: [LoanRepayment]
    let subsidies: [(period: SubsidyPeriod, status: SubsidyStatus)]
    let lateDues: Set<String>

    static func load(_ l: Loan, scoped: Scoped, today: CivilDate) async throws -> LoanView {
        let db = scoped.db
        let people = try await LoanPerson.query(on: db).filter(\.$loanID == l.id!).all()
        let names = try await Person.query(on: db).filter(\.$id ~~ people.map(\.personID)).all()
        let nameOf = Dictionary(uniqueKeysWithValues: names.map { ($0.id!, $0.name) })
        let steps = try await LoanStepRecord.query(on: db).filter(\.$loanID == l.id!).sort(\.$createdAt).sort(\.$id).all()
        let paid = try await LoanRepayment.query(on: db).filter(\.$loanID == l.id!).sort(\.$on).sort(\.$createdAt).all()
        let claims = try await LoanSubsidyClaim.query(on: db).filter(\.$loanID == l.id!).all()
        let repayments = paid.compactMap(\.repayment)
        let periods = LoanService.subsidies(l, repayments: repayments, today: today)
        let status = Dictionary(uniqueKeysWithValues: claims.map { ($0.periodFrom, $0.status) })
        let standing = l.disbursedFen.map {
            LoanStanding.on(today, amount: Yuan(fen: $0), schedule: l.schedule, repayments: repayments)
        }
        // Rows due up to the day and not covered: the first late one and those after it that have fallen due.
        let late = Set(l.schedule.filter { r in standing?.lateSince.map { r.due >= $0 && r.due < today } ?? false }.map(\.due.iso))
        return LoanView(
            loan: l, borrowerName: nameOf[l.personID] ?? "",
            partners: people.filter { $0.role == "partner" }.map { ($0.personID, nameOf[$0.personID] ?? "") }, steps: steps,
            repayments: paid, subsidies: periods.map { ($0, status[$0.from.iso] ?? .computed) }, lateDues: late)
    }

    var dto: LoanDTO {
        let l = loan
        return LoanDTO(
            id: l.recordID.description, personId: l.personID.uuidString, borrowerName: borrowerName, unitCode: l.unitCode,
            kind: l.kind.rawValue, partnerIds: partners.map(\.id.uuidString), project: l.project, amount: l.amount.description,
            termMonths: l.termMonths, status: l.status.rawValue, appliedOn: l.appliedOn,
            approvedAmount: l.approvedFen.map { Yuan(fen: $0).description }, rateBP: l.rateBP, lprBP: l.lprBP, borrowerRateBP: l.borrowerBP,
            approvedTermMonths: l.approvedTerm, method: l.method?.rawValue, disbursedOn: l.disbursedOn,
            disbursedAmount: l.disbursed?.description, outstanding: Yuan(fen: l.outstandingFen).description, overdue: l.overdue,
            settledOn: l.settledOn, nextStep: LoanStep.next(after: l.status)?.rawValue,
            steps: steps.map {
                .init(
                    step: $0.step.rawValue, decision: $0.decision.rawValue, by: $0.byName, at: AuditLog.timestamp($0.createdAt), on: $0.on,
                    documentNo: $0.documentNo, reason: $0.reason)
            },
            schedule: l.schedule.map {
                .init(
                    due: $0.due.iso, principal: $0.principal.description, interest: $0.interest.description,
                    overdue: lateDues.contains($0.due.iso))
            },
            repayments: repayments.map {
                .init(
                    on: $0.on, principal: Yuan(fen: $0.principalFen).description, interest: Yuan(fen: $0.interestFen).description,
                    source: $0.source)
            },
            subsidies: subsidies.map { s in
                .init(
                    from: s.period.from.iso, to: s.period.to.iso, days: s.period.days, outstanding: s.period.outstanding.description,
                    interest: s.period.interest.description, borrowerInterest: s.period.borrowerInterest.description,
                    subsidy: s.period.subsidy.description, status: s.status.rawValue)
            })
    }
}

extension LoanService {
    /// Each calendar quarter from the disbursement through the day (or the settlement), overdue days left out.
    static func subsidies(_ l: Loan, repayments: [Repayment], today: CivilDate) -> [SubsidyPeriod] {
        l.terms?.subsidies(repayments: repayments, today: today) ?? []
    }
}
