import Fluent
import Vapor
import GuanaiCore

extension DemoData {
    /// Six synthetic women of the demo village (so `cun` has women to apply for) and three loans for three of them,
    /// recorded through `LoanService` by the demo accounts, each step by another account than the one before, three
    /// days apart: one just applied; one approved by the bank; one disbursed about five months ago with its monthly
    /// interest paid on the due days, so its first quarter is over and its subsidy computed. Added once.
    @discardableResult
    public static func loadLoans(_ app: Application) async throws -> Int {
        let db = app.db
        guard try await Loan.query(on: db).count() == 0 else { return 0 }
        let places = try await Demo.places(county: app.guanai.county, on: db)
        let today = RegistryService.today(app.now)
        let village = Scoped(db: db, jurisdiction: Jurisdiction(root: DivisionCode(places.village)!))
        for w in SyntheticRegistry.women(count: 6, seed: 1818, villages: [places.village], today: today) {
            do {
                _ = try await WomenService.create(input(w), scoped: village, actor: .system("demo-data"), at: app.now)
            } catch is ConflictError {
                continue
            }
        }
        let signers = try await Demo.signers(["cun", "xiangzhen", "renshe", "renshe2"], on: db)
        guard signers.count == 4 else { return 0 }
        let women = try await Person.query(on: db).within(village.jurisdiction, \.$unitCode).filter(\.$sex == Sex.female.rawValue)
            .filter(\.$vitalStatus == VitalStatus.alive.rawValue).sort(\.$name).all()
        func at(_ daysAgo: Int) -> Date { app.now.addingTimeInterval(-Double(daysAgo) * 86_400) }
        func by(_ name: String) -> (Signer, AuditActor) { signers[name]! }
        let loans: [(project: String, amount: String, term: Int, steps: Int, daysAgo: Int)] = [
            ("网店销售本地农产品（演示）", "80000.00", 24, 0, 6),
            ("小龙虾稻田综合种养（演示）", "150000.00", 36, 4, 40),
            ("家庭手工编织作坊（演示）", "200000.00", 36, 5, 168),
        ]
        var made = 0
        var candidates = women.makeIterator()
        for plan in loans {
            var loan: Loan? = nil
            // The first woman the rules accept (her age, no open loan); a refusal only moves on to the next.
            while loan == nil, let w = candidates.next() {
                let (s, a) = by("cun")
                do {
                    loan = try await LoanService.apply(
                        LoanApplicationInput(
                            personId: w.id!.uuidString, kind: LoanKind.individual.rawValue, amount: plan.amount, termMonths: plan.term,
                            project: plan.project), scoped: village, by: s, actor: a, at: at(plan.daysAgo))
                } catch is FieldErrors {
                    continue
                }
            }
            guard let loan else { break }
            made += 1
            let county = Scoped(db: db, jurisdiction: Jurisdiction(root: DivisionCode(app.guanai.county)!))
            let steps: [(LoanStep, String, LoanStepInput)] = [
                (.recommend, "xiangzhen", LoanStepInput()),
                (.hrReview, "renshe", LoanStepInput(documentNo: "石人社创贷审〔2026〕\(made)号")),
                (.guarantee, "renshe2", LoanStepInput(documentNo: "石担保〔2026〕\(made)号")),
                (
                    .bankApproval, "renshe",
                    LoanStepInput(documentNo: "农商行贷审\(made)号", amount: plan.amount, rateBP: 400, termMonths: plan.term)
                ),
                (.disburse, "renshe2", LoanStepInput(documentNo: "农商行放款\(made)号", amount: plan.amount)),
            ]
            for (i, (step, name, input)) in steps.prefix(plan.steps).enumerated() {
                var i0 = input
                i0.step = step.rawValue
                i0.decision = LoanDecision.approved.rawValue
                let (s, a) = by(name)
                _ = try await LoanService.step(loan, i0, scoped: county, by: s, actor: a, at: at(plan.daysAgo - 3 * (i + 1)))
            }
            guard loan.status == .disbursed else { continue }
            // Each month's interest paid on its due day, up to today: nothing late.
            let (s, a) = by("renshe")
            for row in loan.schedule where row.due < today && row.interest.fen > 0 {
                _ = try await LoanService.repay(
                    loan, LoanRepaymentInput(on: row.due.iso, principal: "0", interest: row.interest.description), source: "manual",
                    scoped: county, by: s, actor: a, at: app.now.addingTimeInterval(-Double(today.dayNumber - row.due.dayNumber) * 86_400))
            }
        }
        return made
    }
}
