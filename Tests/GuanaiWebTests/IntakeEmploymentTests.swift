import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
import GuanaiSheets
@testable import GuanaiWeb

/// Issue 18's ledgers read in: course enrolments, fair attendees, loan applications and the bank's repayment
/// statements, each row through the API's own service, each bad cell named by the file's own column, a file read
/// twice adding nothing, and each ledger read in only by who may make its change. The clock stands on 2026-11-18.
@Suite(.serialized) struct IntakeEmploymentTests {
    static func run(
        _ ctx: TestContext, _ kind: IntakeKind, _ lines: [String], unit code: String = Codes.shihuayan
    ) async throws -> ImportReport {
        try await IntakeStationTests.run(ctx, kind, lines, unit: code)
    }

    /// Four women of 石华堰村, registered through the API by the village worker; their ID numbers.
    static func women(_ ctx: TestContext, _ token: String) async throws -> [String] {
        var ids: [String] = []
        for (i, name) in ["张春燕", "李秋菊", "王冬梅", "赵夏荷"].enumerated() {
            _ = try await TrainingTests.woman(ctx, token, name, order: 602 + i * 10)
            ids.append(Synthetic.id(1988, 4, 4, order: 602 + i * 10))
        }
        return ids
    }

    static let stranger = Synthetic.id(1985, 5, 5, order: 688)

    @Test func courseEnrolmentsAreReadByIDNumberAndCourseTitle() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let cun = try await ctx.token("cun")
            let ids = try await Self.women(ctx, cun)
            let course = try await TrainingTests.create(ctx, cun, TrainingTests.course(capacity: 2))
            let lines = [
                "姓名,身份证号码,培训班名称,开班日期",
                "张春燕,\(ids[0]),电商培训班,",
                "李秋菊,\(ids[1]),电商培训班,2026年11月2日",
                "张春燕,\(ids[0]),电商培训班,",
                "王秋菊,\(ids[2]),电商培训班,",
                "赵夏荷,\(ids[3]),电商培训班,",
                "赵夏荷,\(ids[3]),养殖培训班,",
                "某某,\(Self.stranger),电商培训班,",
            ]
            let audited = {
                try await AuditEntry.query(on: ctx.app.db).filter(\.$recordType == "employment").filter(\.$action == "create").count()
            }
            let before = try await audited()
            let r = try await Self.run(ctx, .trainingEnrolments, lines)
            #expect(r.accepted == 2 && r.duplicates == 1 && r.rejected == 4, "\(r)")
            // Row 6: the course is full after two (the API's own 422 on personId, named by the ID column).
            IntakeStationTests.expectErrors(
                r, [(5, "姓名", "王冬梅"), (6, "身份证号码", ""), (7, "培训班名称", "养殖培训班"), (8, "身份证号码", "请先登记")])
            let enrolled = try await TrainingEnrolment.query(on: ctx.app.db).filter(\.$courseID == UUID(uuidString: course.id)!).count()
            #expect(enrolled == 2)
            #expect(try await audited() == before + 2)

            let again = try await Self.run(ctx, .trainingEnrolments, Array(lines.prefix(3)))
            #expect(again.accepted == 0 && again.duplicates == 2 && again.rejected == 0, "\(again)")
            #expect(try await TrainingEnrolment.query(on: ctx.app.db).count() == 2)
        }
    }

    @Test func fairAttendeesAreReadByTheFairsNameAndDate() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let cun = try await ctx.token("cun")
            let ids = try await Self.women(ctx, cun)
            for (name, date) in [("秋季招聘会", "2026-11-05"), ("春风送岗位", "2026-11-10"), ("春风送岗位", "2026-11-12")] {
                let made = try await JobFairTests.post(
                    ctx, "/api/v1/job-fairs", cun, JobFairInput(name: name, unitCode: Codes.shihuayan, date: date))
                #expect(made.status == .created, "\(made.body.string)")
            }
            let lines = [
                "签到表,,,",
                "姓名,公民身份号码,招聘会名称,举办日期",
                "张春燕,\(ids[0]),秋季招聘会,",
                "张春燕,\(ids[0]),春风送岗位,2026/11/10",
                "李秋菊,\(ids[1]),春风送岗位,",
                "李秋菊,\(ids[1]),春风送岗位,2026年11月12日",
                "某某,\(Self.stranger),秋季招聘会,",
                "王冬梅,\(ids[2]),冬季招聘会,",
            ]
            let r = try await Self.run(ctx, .fairAttendees, lines)
            #expect(r.accepted == 3 && r.rejected == 3, "\(r)")
            IntakeStationTests.expectErrors(r, [(5, "招聘会名称", "举办日期"), (7, "公民身份号码", ""), (8, "招聘会名称", "冬季招聘会")])
            #expect(try await FairAttendee.query(on: ctx.app.db).count() == 3)
            let again = try await Self.run(ctx, .fairAttendees, lines)
            #expect(again.accepted == 0 && again.duplicates == 3 && again.rejected == 3, "\(again)")
            #expect(try await FairAttendee.query(on: ctx.app.db).count() == 3)
        }
    }

    /// Applications read in, then stepped to disbursement through the API, then the bank's statement booked.
    @Test func loanApplicationsAndTheBanksStatementReadIn() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("renshe", .partnerHR, Codes.county)
            try await ctx.makeUser("renshe2", .partnerHR, Codes.county)
            let cun = try await ctx.token("cun")
            let ids = try await Self.women(ctx, cun)
            let lines = [
                "借款人姓名,身份证号码,贷款类型,创业项目,申请金额（元）,贷款期限（月）,合伙人身份证号码",
                "张春燕,\(ids[0]),个人,网店,\"100,000.00元\",24,",
                "李秋菊,\(ids[1]),个人,养殖,200000.01,24,",
                "王冬梅,\(ids[2]),合伙,手工作坊,３０００００,36,\(ids[3])",
                "李秋菊,\(ids[1]),个人,民宿,50000,37,",
                "张春燕,\(ids[0]),个人,网店,100000,24,",
                "李秋菊,\(ids[1]),个人,养殖,十万,24,",
                "王冬梅,\(ids[2]),合伙,手工作坊,300000,36,\(Self.stranger)",
            ]
            let r = try await Self.run(ctx, .loans, lines)
            #expect(r.accepted == 2 && r.duplicates == 1 && r.rejected == 4, "\(r)")
            IntakeStationTests.expectErrors(
                r,
                [
                    // The file's own header, as read (full-width brackets made half-width).
                    (3, "申请金额(元)", "200000.00"), (5, "贷款期限(月)", "36"), (7, "申请金额(元)", "十万"), (8, "合伙人身份证号码", Self.stranger),
                ])
            let loans = try await Loan.query(on: ctx.app.db).sort(\.$amountFen).all()
            #expect(loans.map(\.amountFen) == [10_000_000, 30_000_000] && loans.map(\.kind) == [.individual, .partnership])
            #expect(loans.allSatisfy { $0.status == .applied && $0.appliedBy == "test" })
            let again = try await Self.run(ctx, .loans, lines)
            #expect(again.accepted == 0 && again.duplicates == 3, "\(again)")

            // 张春燕's loan stepped to disbursement, each step by another account than the last.
            let loan = loans[0].id!.uuidString
            let steps: [(String, LoanStepInput)] = [
                ("town", LoanStepInput(step: "recommend", decision: "approved", on: "2026-11-18")),
                ("renshe", LoanStepInput(step: "hr_review", decision: "approved", documentNo: "人社审〔2026〕1号", on: "2026-11-18")),
                ("renshe2", LoanStepInput(step: "guarantee", decision: "approved", documentNo: "担保〔2026〕1号", on: "2026-11-18")),
                (
                    "renshe",
                    LoanStepInput(
                        step: "bank_approval", decision: "approved", documentNo: "银批〔2026〕1号", on: "2026-11-18", amount: "100000.00",
                        rateBP: 400, termMonths: 24)
                ),
                (
                    "renshe2",
                    LoanStepInput(step: "disburse", decision: "approved", documentNo: "放款〔2026〕1号", on: "2026-11-18", amount: "100000.00")
                ),
            ]
            for (who, step) in steps {
                let res = try await ctx.api(.POST, "/api/v1/loans/\(loan)/steps", token: try await ctx.token(who), body: ctx.json(step))
                #expect(res.status == .ok || res.status == .created, "\(step.step ?? ""): \(res.body.string)")
            }
            ctx.clock.advance(by: 30 * 86_400)

            let statement = [
                "户名,证件号码,交易日期,还款本金,利息",
                "张春燕,\(ids[0]),2026/12/1,\"1,000.00元\",20.5",
                "张春燕,\(ids[0]),2026年12月2日,０,１２．５０",
                "张春燕,\(ids[0]),2026-12-03,abc,0",
                "李秋菊,\(ids[1]),2026-12-03,100,0",
                "张春燕,\(ids[0]),2026-12-03,1000000,0",
                "张春燕,\(ids[0]),2026-12-01,1000,20.50",
                "张春燕,\(ids[0]),2026-12-30,100,0",
            ]
            let paid = try await Self.run(ctx, .repayments, statement)
            #expect(paid.accepted == 2 && paid.duplicates == 1 && paid.rejected == 4, "\(paid)")
            IntakeStationTests.expectErrors(
                paid, [(4, "还款本金", "abc"), (5, "证件号码", ""), (6, "还款本金", ""), (8, "交易日期", "")])
            let booked = try await LoanRepayment.query(on: ctx.app.db).sort(\.$on).all()
            #expect(booked.map(\.principalFen) == [100_000, 0] && booked.map(\.interestFen) == [2_050, 1_250])
            #expect(booked.allSatisfy { $0.source == "import" })
            let after = try #require(try await Loan.find(loans[0].id, on: ctx.app.db))
            #expect(after.outstandingFen == 9_900_000)

            // An Excel statement: an .xlsx with the date as a serial number, and the loan named by its number.
            let xlsx = FileManager.default.temporaryDirectory.appendingPathComponent("statement-\(UUID().uuidString).xlsx")
            defer { try? FileManager.default.removeItem(at: xlsx) }
            let w = try XLSXWriter(url: xlsx, sheetName: "流水")
            try w.setColumns(
                [XLSXWriter.Column(header: "贷款编号", width: 38, kind: .text)]
                    + ["记账日期", "本金", "利息"].map { XLSXWriter.Column(header: $0, width: 14, kind: .number) })
            try w.append([.text(loan), .number("46357"), .number("500"), .number("0")])
            try w.append([.text(loan), .number("46357"), .number("1000"), .number("20.5")])
            try w.finish()
            let unit = try #require(try await Unit.find(Codes.shihuayan, on: ctx.app.db))
            let byNumber = try await ImportRun(
                kind: .repayments, file: xlsx, fileName: "statement.xlsx", unit: unit,
                scoped: Scoped(db: ctx.app.db, jurisdiction: Jurisdiction(root: DivisionCode(Codes.shihuayan)!)), actor: .system("test"),
                at: ctx.app.now
            ).run().report
            #expect(byNumber.accepted == 1 && byNumber.duplicates == 1 && byNumber.rejected == 0, "\(byNumber)")

            let twice = try await Self.run(ctx, .repayments, statement)
            #expect(twice.accepted == 0 && twice.duplicates == 3, "\(twice)")
            #expect(try await LoanRepayment.query(on: ctx.app.db).count() == 3)
            #expect(try await AuditEntry.query(on: ctx.app.db).filter(\.$recordType == "repayments").count() == 3)
        }
    }

    /// Who may import which ledger: the web form and the CLI refuse the others; the labour department books
    /// repayments though it may not import children.
    @Test func eachLedgerIsImportedOnlyByWhoMayMakeItsChange() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("renshe", .partnerHR, Codes.county)
            try await ctx.makeUser("insp", .inspector, Codes.county)
            let statement = Data("户名,证件号码,交易日期,还款本金,利息\n张春燕,\(Self.stranger),2026-11-01,100,0\n".utf8)
            var hr = Browser(ctx)
            try await hr.login("renshe")
            let form = try await hr.get("/imports/new?kind=repayments")
            #expect(form.status == .ok && form.body.string.contains("还款流水"))
            #expect(!form.body.string.contains("value=\"children\""))
            let file = [(field: "file", filename: "流水.csv", type: "text/csv", data: statement)]
            let up = try await hr.postMultipart("/imports/new", ["kind": "repayments", "unit": Codes.county], files: file)
            #expect(up.status == .seeOther)
            let refused = try await hr.postMultipart("/imports/new", ["kind": "children", "unit": Codes.county], files: file)
            #expect(refused.status == .unprocessableEntity)
            let loans = try await hr.postMultipart("/imports/new", ["kind": "loans", "unit": Codes.county], files: file)
            #expect(loans.status == .unprocessableEntity)

            var village = Browser(ctx)
            try await village.login("cun")
            let notHers = try await village.postMultipart("/imports/new", ["kind": "repayments", "unit": Codes.shihuayan], files: file)
            #expect(notHers.status == .unprocessableEntity)
            var inspector = Browser(ctx)
            try await inspector.login("insp")
            #expect(try await inspector.get("/imports/new?kind=repayments").status == .forbidden)
            // The lists link to their ledgers' import for who may read them in, and only for her.
            #expect(try await village.get("/courses").body.string.contains("kind=training_enrolments"))
            #expect(try await hr.get("/job-fairs").body.string.contains("kind=fair_attendees"))
            #expect(!(try await inspector.get("/courses").body.string.contains("kind=training_enrolments")))

            let csv = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString).csv")
            try statement.write(to: csv)
            defer { try? FileManager.default.removeItem(at: csv) }
            for (who, kind, allowed) in [
                ("renshe", "repayments", true), ("renshe", "loans", false), ("cun", "repayments", false), ("cun", "loans", true),
            ] {
                var status: HTTPStatus = .ok
                do {
                    _ = try await IntakeCLI.importFile(
                        ctx.app, kind: kind, file: csv.path, unit: Codes.shihuayan, sheet: nil, dryRun: true, as: who)
                } catch let e as any AbortError { status = e.status }
                #expect((status == .ok) == allowed, "\(who) \(kind): \(status)")
            }
        }
    }

    /// Each employment ledger has its template: the headers, an example row every cell of which reads back without a
    /// problem, and 表格说明 with the words a column takes (个人/合伙) and how amounts may be written.
    @Test func eachEmploymentLedgerHasItsTemplate() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("renshe", .partnerHR, Codes.county)
            var b = Browser(ctx)
            try await b.login("renshe")
            for k in [IntakeKind.trainingEnrolments, .fairAttendees, .loans, .repayments] {
                let res = try await b.get("/imports/template?kind=\(k.rawValue)")
                #expect(res.status == .ok, "\(k)")
                let file = FileManager.default.temporaryDirectory.appendingPathComponent("t-\(UUID().uuidString).xlsx")
                defer { try? FileManager.default.removeItem(at: file) }
                try Data(res.body.readableBytesView).write(to: file)
                var rows: [SheetRow] = []
                try SheetReader.open(file).forEachRow { rows.append($0) }
                #expect(rows.count == 2)
                let headers = rows[0].cells.map { Normalize.text($0) ?? "" }
                #expect(headers == IntakeTemplate.columns(k).map { Normalize.text($0.names[0]) }, "\(k)")
                let mapping = Dictionary(uniqueKeysWithValues: IntakeTemplate.columns(k).enumerated().map { ($0.offset, $0.element.key) })
                let (values, problems) = IntakeReader(kind: k).read(rows[1], mapping: mapping)
                #expect(problems.isEmpty && values["idNumber"] != nil, "\(k): \(problems)")
                var words: [String] = []
                try SheetReader.open(file, sheet: "表格说明").forEachRow {
                    words.append($0.cells.compactMap { Normalize.text($0) }.joined(separator: " "))
                }
                if k == .loans {
                    #expect(values["amount"] == "100000.00" && values["kind"] == "individual")
                    #expect(words.joined().contains("合伙") && words.joined().contains("¥1,500.50"))
                }
            }
        }
    }
}
