import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
import GuanaiSheets
@testable import GuanaiWeb

/// Ledgers in, lists out: files written by openpyxl, by LibreOffice and as GB18030 CSV, each with the mess a real
/// township ledger has (see Fixtures/intake/make_intake.py for what each row holds).
@Suite(.serialized) struct IntakeTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/intake")

    static func run(_ ctx: TestContext, _ file: String, unit code: String = Codes.taohuashan, dryRun: Bool = false, rejected: URL? = nil)
        async throws -> ImportResult
    {
        let unit = try #require(try await Unit.find(code, on: ctx.app.db))
        var r = ImportRun(
            kind: .children, file: fixtures.appendingPathComponent(file), fileName: file, unit: unit,
            scoped: Scoped(db: ctx.app.db, jurisdiction: Jurisdiction(root: DivisionCode(code)!)), actor: .system("test"), at: ctx.app.now)
        r.dryRun = dryRun
        r.rejectedOut = rejected
        return try await r.run()
    }

    /// (row, column, words the message contains) for each file's rejected rows.
    static let expected: [String: (accepted: Int, duplicates: Int, errors: [(Int, String, String)])] = [
        "children_openpyxl.xlsx": (
            4, 1,
            [
                (7, "公民身份号码", "丢失了位数"), (10, "所在村", "石戈垸村"), (12, "出生年月", "2016-05"), (13, "性别", "不一致"), (14, "公民身份号码", "15位"),
                (16, "关爱需求", "吃饭"),
            ]
        ),
        // LibreOffice rewrites the exact 18-digit number of row 6 as a double: its digits are lost there.
        "children_libreoffice.xlsx": (
            3, 1,
            [
                (6, "公民身份号码", "丢失了位数"), (7, "公民身份号码", "丢失了位数"), (10, "所在村", "石戈垸村"), (12, "出生年月", "2016-05"), (13, "性别", "不一致"),
                (14, "公民身份号码", "15位"), (16, "关爱需求", "吃饭"),
            ]
        ),
        // CSV rows are line numbers, the header being line 1.
        "children_gb18030.csv": (
            4, 1,
            [
                (4, "公民身份号码", "丢失了位数"), (6, "所在村", "石戈垸村"), (8, "出生年月", "2016-05"), (9, "性别", "不一致"), (10, "公民身份号码", "15位"),
                (12, "关爱需求", "吃饭"),
            ]
        ),
    ]

    @Test(arguments: ["children_openpyxl.xlsx", "children_libreoffice.xlsx", "children_gb18030.csv"])
    func aTownshipLedgerReadsInRowByRow(file: String) async throws {
        try await withTestApp { ctx in
            let want = try #require(Self.expected[file])
            // A dry run checks every row and writes nothing.
            let dry = try await Self.run(ctx, file, dryRun: true)
            #expect(dry.report.accepted == want.accepted)
            #expect(try await Child.query(on: ctx.app.db).count() == 0)

            let out = FileManager.default.temporaryDirectory.appendingPathComponent("rejected-\(UUID().uuidString).xlsx")
            defer { try? FileManager.default.removeItem(at: out) }
            let r = try await Self.run(ctx, file, rejected: out)
            #expect(
                r.report.accepted == want.accepted && r.report.duplicates == want.duplicates && r.report.rejected == want.errors.count,
                "\(r.report)")
            #expect(r.report.errors.count == want.errors.count, "\(r.report.errors)")
            for (e, w) in zip(r.report.errors, want.errors) {
                #expect(e.row == w.0 && e.column == w.1 && e.message.contains(w.2), "\(e) vs \(w)")
            }
            #expect(try await Child.query(on: ctx.app.db).count() == want.accepted)

            // What was read: names trimmed, full-width digits and a lowercase x normalised, words turned into tokens.
            let people = try await Person.query(on: ctx.app.db).all()
            #expect(people.contains { $0.name == "王小明" && $0.idNumber?.hasPrefix("42108120140101") == true })
            #expect(people.contains { $0.name == "郑小雨" && $0.idNumber?.hasSuffix("X") == true })
            let li = try #require(people.first { $0.name == "李小红" })
            let child = try #require(try await Child.query(on: ctx.app.db).filter(\.$personID == li.id!).first())
            #expect(child.needList == [.dailyCare, .affection] && child.details[flag: .boarding] && child.birthDate == "2015-03-02")
            #expect(child.fatherSituation == "working_away" && child.guardianRelation == "grandmother" && child.leftBehind)

            // The rejected rows come back with their original cells and an 错误原因 column, ready to fix.
            let back = try SheetReader.open(out)
            var rows: [SheetRow] = []
            try back.forEachRow { rows.append($0) }
            #expect(rows.count == want.errors.count + 1)
            #expect(Normalize.text(rows[0].cells.last ?? .empty) == "错误原因")

            // The same file again: nothing new.
            let again = try await Self.run(ctx, file)
            #expect(again.report.accepted == 0 && again.report.duplicates == want.accepted + want.duplicates)
            let imports = try await AuditEntry.query(on: ctx.app.db).filter(\.$action == AuditAction.import.rawValue).filter(
                \.$recordType == "children"
            ).sort(\.$id).all()
            #expect(imports.count == 2 && imports[0].changes.contains("\"accepted\":\"\(want.accepted)\""), "\(imports.map(\.changes))")
        }
    }

    /// A batch is looked up and written at once, yet each row's outcome is what registering it alone would give:
    /// siblings share their parents and household, a child repeated in the batch is a duplicate, a namesake born the
    /// same day in the township is a warning, a parent registered outside the importer's jurisdiction is refused.
    @Test func aBatchBehavesLikeRowsOneAtATime() async throws {
        try await withTestApp { ctx in
            func id(_ y: Int, _ m: Int, _ d: Int, _ order: Int) -> String {
                IDNumber.make(address: "421081", birth: CivilDate(year: y, month: m, day: d)!, order: order).value
            }
            // Already registered: a namesake in the township, and a woman in 调关镇 whose ID number a row gives as a guardian's.
            var first = ChildInput()
            first.name = "曾小红"; first.idNumber = id(2016, 4, 5, 12); first.villageCode = Codes.xiaoshiqiao; first.hukou = "rural";
            first.livingArrangement = "with_parent"
            first.father = ParentInput(name: "曾大军", idNumber: nil, situation: "at_home", workPlace: nil, since: nil, phone: nil)
            let county = Scoped(db: ctx.app.db, jurisdiction: Jurisdiction(root: DivisionCode(Codes.county)!))
            _ = try await RegistryService.createChild(first, scoped: county, actor: .system("test"), at: ctx.app.now)
            var far = ChildInput()
            far.name = "胡小兰"; far.idNumber = id(2017, 1, 1, 14); far.villageCode = Codes.tiaoguanVillage; far.hukou = "rural";
            far.livingArrangement = "with_guardian"
            far.guardian = GuardianInput(
                name: "胡奶奶", idNumber: id(1955, 2, 2, 22), birthDate: nil, relation: "grandmother", health: nil, phone: nil)
            _ = try await RegistryService.createChild(far, scoped: county, actor: .system("test"), at: ctx.app.now)
            let before = try await Person.query(on: ctx.app.db).count()

            let father = id(1988, 6, 1, 31), mother = id(1990, 7, 2, 42)
            let csv = """
                姓名,身份证号码,所在村,父亲姓名,父亲身份证号码,父亲情况,母亲姓名,母亲身份证号码,母亲情况,监护人姓名,监护人身份证号码,与儿童关系,居住情况
                王大宝,\(id(2014, 3, 3, 11)),石华堰村,王建国,\(father),外出务工,李春花,\(mother),外出务工,王奶奶,\(id(1950, 1, 1, 22)),奶奶,与祖父母同住
                王二宝,\(id(2016, 8, 8, 12)),石华堰村,王建国,\(father),外出务工,李春花,\(mother),外出务工,王奶奶,\(id(1950, 1, 1, 22)),奶奶,与祖父母同住
                王大宝,\(id(2014, 3, 3, 11)),石华堰村,王建国,\(father),外出务工,李春花,\(mother),外出务工,王奶奶,\(id(1950, 1, 1, 22)),奶奶,与祖父母同住
                增小红,\(id(2016, 4, 5, 22)),石华堰村,,,,,,,,,,与父母同住
                孙小草,\(id(2015, 9, 9, 13)),石华堰村,,,,,,,胡奶奶,\(id(1955, 2, 2, 22)),奶奶,与祖父母同住
                赵小树,\(id(2013, 10, 10, 15)),石华堰村,,,外出务工,,,外出务工,,,,独居

                """
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString).csv")
            try Data(csv.utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let unit = try #require(try await Unit.find(Codes.taohuashan, on: ctx.app.db))
            let r = try await ImportRun(
                kind: .children, file: file, fileName: "batch.csv", unit: unit,
                scoped: Scoped(db: ctx.app.db, jurisdiction: Jurisdiction(root: DivisionCode(Codes.taohuashan)!)), actor: .system("test"),
                at: ctx.app.now
            ).run()
            #expect(r.report.accepted == 4 && r.report.duplicates == 1 && r.report.rejected == 1 && r.report.warnings == 1, "\(r.report)")
            #expect(r.report.errors.map(\.row) == [6] && r.report.errors.first?.column == "监护人身份证号码", "\(r.report.errors)")
            #expect(r.preview.first { $0.row == 5 }?.warning != nil)

            let kids = try await Child.query(on: ctx.app.db).filter(\.$unitCode == Codes.shihuayan).all()
            let people = try await Person.query(on: ctx.app.db).all()
            func child(_ name: String) throws -> Child {
                let p = try #require(people.first { $0.name == name }); return try #require(kids.first { $0.personID == p.id })
            }
            let big = try child("王大宝"), small = try child("王二宝")
            #expect(
                big.fatherID != nil && big.fatherID == small.fatherID && big.motherID == small.motherID
                    && big.guardianID == small.guardianID)
            #expect(big.householdID != nil && big.householdID == small.householdID)
            #expect(big.leftBehind && big.riskTier == "normal" && big.guardianBirth == "1950-01-01")
            // Four children, one father, one mother, one grandmother: seven people, each created once and audited once.
            #expect(people.count == before + 7)
            let created = try await AuditEntry.query(on: ctx.app.db).filter(\.$action == AuditAction.create.rawValue).filter(
                \.$recordType == "person"
            ).count()
            #expect(created == people.count)
            // Alone: critical at once, with the alert in the village worker's and the township's inboxes.
            let alone = try child("赵小树")
            #expect(alone.riskTier == "critical")
            #expect(try await Alert.query(on: ctx.app.db).filter(\.$childID == alone.id!).count() == 1)
            // The village's tally counts what was written without the model.
            let tally = try await ChildTally.count(
                Jurisdiction(root: DivisionCode(Codes.shihuayan)!), statuses: [.active, .exited], categoryBits: nil, needBits: nil,
                on: ctx.app.db)
            #expect(tally == kids.filter { $0.status != .voided }.count)
        }
    }

    /// The bulk inserts name every column of the three tables they write.
    @Test func bulkInsertsNameEveryField() {
        #expect(Set(Child.rowColumns) == Set(Child.keys.map(\.description)))
        #expect(Set(Person.rowColumns) == Set(Person.keys.map(\.description)))
        #expect(Set(Household.rowColumns) == Set(Household.keys.map(\.description)))
    }

    @Test func womenAndHouseholdsReadInToo() async throws {
        try await withTestApp { ctx in
            let unit = try #require(try await Unit.find(Codes.taohuashan, on: ctx.app.db))
            let scoped = Scoped(db: ctx.app.db, jurisdiction: Jurisdiction(root: DivisionCode(Codes.taohuashan)!))
            func run(_ kind: IntakeKind, _ file: String) async throws -> ImportReport {
                try await ImportRun(
                    kind: kind, file: Self.fixtures.appendingPathComponent(file), fileName: file, unit: unit, scoped: scoped,
                    actor: .system("test"), at: ctx.app.now
                ).run().report
            }
            let w = try await run(.women, "women_openpyxl.xlsx")
            #expect(w.accepted == 1 && w.rejected == 2, "\(w)")
            #expect(w.errors.map(\.row) == [4, 5] && w.errors[0].column == "公民身份号码" && w.errors[1].column == "联系电话", "\(w.errors)")
            let woman = try #require(try await Woman.query(on: ctx.app.db).first())
            #expect(
                woman.leftBehind && woman.husbandSince == "2025-01-01" && woman.details[count: .childrenInCare] == 2
                    && woman.details[flag: .employmentInterest])
            #expect(woman.needList == [.development, .childEducation])

            let h = try await run(.households, "households_openpyxl.xlsx")
            #expect(h.accepted == 2 && h.duplicates == 1 && h.rejected == 1, "\(h)")
            #expect(h.errors.first?.row == 5 && h.errors.first?.column == "经度", "\(h.errors)")
            let homes = try await Household.query(on: ctx.app.db).all()
            #expect(homes.contains { $0.poverty == "dibao" && $0.villageGroup == "五组" })
            #expect(homes.contains { $0.latitude == 29.72 && $0.longitude == 112.41 })
            #expect(try await HistoryWordsTests.trailLeaks(ctx) == [], "the trail reads in words")
        }
    }

    /// A volunteer roll (爱心妈妈名册) as a township keeps it: a village or the township itself as her unit, skills in
    /// the words people write, a bad ID, a row repeated, and one already registered.
    static func volunteerRoll(existing: String) -> Data {
        let a = Synthetic.id(1978, 8, 8, order: 224), b = Synthetic.id(1980, 5, 6, order: 228), c = Synthetic.id(1982, 2, 2, order: 246)
        let rows = [
            "姓名,身份证号码,手机号码,所在村/单位,工作单位/组织,荣誉,特长,可服务时间,可结对人数",
            "刘爱华,\(a),139-1234-5678,石华堰村,石华堰村妇联,三八红旗手,辅导功课、心理疏导,周末,2",
            "张坏号,42108119780808123,,石华堰村,,,,,",
            "刘爱华,\(a),,石华堰村,,,,,",
            "王桂兰,\(b),,桃花山镇,镇卫生院,,卫生健康；手工,工作日晚上,9",
            "李秀英,\(c),,桃花山镇,,,唱山歌,,",
            "陈芳,\(existing),,\(Codes.shihuayan),,,legal,,1",
            "赵秀珍,\(Synthetic.id(1975, 1, 1, order: 266)),,调关镇,,,,,",
            "孙美玲,\(Synthetic.id(1976, 1, 1, order: 286)),13800001111,桃花山镇,,,arts,,",
        ]
        return Data(rows.joined(separator: "\n").utf8)
    }

    @Test func volunteersReadInThroughTheSameRules() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let existing = Synthetic.id(1970, 3, 3, order: 300)
            let scoped = Scoped(db: ctx.app.db, jurisdiction: Jurisdiction(root: DivisionCode(Codes.taohuashan)!))
            _ = try await PairingService.createVolunteer(
                VolunteerInput(name: "陈芳", idNumber: existing, unitCode: Codes.shihuayan), scoped: scoped, actor: .system("test"),
                at: ctx.app.now)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("volunteers-\(UUID().uuidString).csv")
            try Self.volunteerRoll(existing: existing).write(to: file)
            defer {
                try? FileManager.default.removeItem(at: file)
                try? FileManager.default.removeItem(at: file.deletingPathExtension().appendingPathExtension("rejected.xlsx"))
            }

            // The CLI's dry run: counted, nothing written.
            let cli = try await IntakeCLI.importFile(
                ctx.app, kind: "volunteers", file: file.path, unit: Codes.taohuashan, sheet: nil, dryRun: true, as: "town")
            let dry = try JSONDecoder().decode(ImportReport.self, from: cli.reportJSON)
            #expect(cli.exitCode == 1 && dry.accepted == 2 && dry.duplicates == 2 && dry.rejected == 4, "\(dry)")
            #expect(try await Volunteer.query(on: ctx.app.db).count() == 1)

            let unit = try #require(try await Unit.find(Codes.taohuashan, on: ctx.app.db))
            let r = try await ImportRun(
                kind: .volunteers, file: file, fileName: "名册.csv", unit: unit, scoped: scoped, actor: .system("test"), at: ctx.app.now
            ).run().report
            #expect(r.accepted == 2 && r.duplicates == 2 && r.rejected == 4, "\(r)")
            // CSV rows are line numbers, the header being line 1.
            let errors = r.errors.map { "\($0.row) \($0.column) \($0.message)" }
            #expect(r.errors.map(\.row) == [3, 5, 6, 8], "\(errors)")
            #expect(r.errors.contains { $0.row == 3 && $0.column == "身份证号码" && $0.message.contains("18位") }, "\(errors)")
            #expect(r.errors.contains { $0.row == 5 && $0.column == "可结对人数" && $0.message.contains("1到5") }, "\(errors)")
            #expect(r.errors.contains { $0.row == 6 && $0.column == "特长" && $0.message.contains("唱山歌") }, "\(errors)")
            #expect(r.errors.contains { $0.row == 8 && $0.column == "所在村/单位" && $0.message.contains("调关镇") }, "\(errors)")

            let all = try await Volunteer.query(on: ctx.app.db).all()
            #expect(all.count == 3)
            let liu = try #require(all.first { $0.name == "刘爱华" })
            #expect(
                liu.unitCode == Codes.shihuayan && liu.phone == "13912345678" && liu.details[text: .organisation] == "石华堰村妇联"
                    && liu.details[text: .honours] == "三八红旗手")
            #expect(
                liu.skillList == [.tutoring, .psychologicalSupport] && liu.details[text: .availableTime] == "周末" && liu.capacity == 2
                    && !liu.screened
                    && liu.status == .active)
            let sun = try #require(all.first { $0.name == "孙美玲" })
            #expect(
                sun.unitCode == Codes.taohuashan && sun.skillList == [.arts] && sun.capacity == 1,
                "a township is her unit; the default capacity is one")
            #expect(try await ctx.auditCount(AuditAction.create, recordID: liu.id!.uuidString) == 1)
            #expect(try await HistoryWordsTests.trailLeaks(ctx) == [], "the trail reads in words")
        }
    }

    @Test func volunteersImportFromTheWebForm() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            var b = Browser(ctx)
            try await b.login("town")
            #expect(try await b.get("/imports/new?kind=volunteers").body.string.contains("爱心妈妈名册"))
            let up = try await b.postMultipart(
                "/imports/new", ["kind": "volunteers", "unit": Codes.taohuashan],
                files: [
                    (
                        field: "file", filename: "爱心妈妈名册.csv", type: "text/csv",
                        data: Self.volunteerRoll(existing: Synthetic.id(1970, 3, 3, order: 300))
                    )
                ])
            #expect(up.status == .seeOther)
            let page = try #require(up.headers.first(name: .location))
            let preview = try await b.getSettled(page)
            #expect(
                preview.status == .ok && preview.body.string.contains("可以导入：3 行") && preview.body.string.contains("可结对人数"),
                "\(preview.body.string)")
            #expect(try await b.post(page + "/commit", [:]).status == .seeOther)
            #expect(try await Volunteer.query(on: ctx.app.db).count() == 3)
            #expect(try await b.get(page).body.string.contains("已导入：3 行"))
        }
    }

    @Test func aFullExportImportedIntoAnEmptyDatabaseGivesTheSameRecords() async throws {
        let xlsx = FileManager.default.temporaryDirectory.appendingPathComponent("roundtrip-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: xlsx) }
        var first = ""
        try await withTestApp { ctx in
            _ = try await Self.run(ctx, "children_openpyxl.xlsx")
            // One child with everything a form can hold, so every column carries a value.
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            var body = ChildBody()
            body.idNumber = Synthetic.id(2017, 2, 3, order: 122)
            body.needs = ["study", "safety"]
            body.guardian = [
                "name": "陈桂芳", "idNumber": Synthetic.id(1958, 6, 1, order: 224), "relation": "maternal_grandmother",
                "health": "chronic_illness", "phone": "13912345678",
            ]
            let res = try await ctx.api(.POST, "/api/v1/children", token: try await ctx.token("cun"), body: ctx.json(body))
            #expect(res.status == .created, "\(res.body.string)")
            first = try await Self.export(ctx, to: xlsx)
        }
        try await withTestApp { ctx in
            let unit = try #require(try await Unit.find(Codes.taohuashan, on: ctx.app.db))
            let r = try await ImportRun(
                kind: .children, file: xlsx, fileName: "roundtrip.xlsx", unit: unit,
                scoped: Scoped(db: ctx.app.db, jurisdiction: Jurisdiction(root: DivisionCode(Codes.taohuashan)!)),
                actor: .system("test"), at: ctx.app.now
            ).run()
            #expect(r.report.accepted == 5 && r.report.rejected == 0, "\(r.report)")
            let second = try await Self.export(
                ctx, to: FileManager.default.temporaryDirectory.appendingPathComponent("roundtrip2-\(UUID().uuidString).xlsx"))
            #expect(first == second)
        }
    }

    /// The full export as CSV text, for comparison.
    static func export(_ ctx: TestContext, to xlsx: URL) async throws -> String {
        let scoped = Scoped(db: ctx.app.db, jurisdiction: Jurisdiction(root: DivisionCode(Codes.taohuashan)!))
        let options = LedgerExport.Options(full: true, today: RegistryService.today(ctx.app.now))
        var f = ChildFilter(); f.unit = Codes.taohuashan
        _ = try await LedgerExport.write(
            .xlsx, to: xlsx, title: "t", columns: LedgerExport.columns(.children, .zh),
            rows: LedgerExport.children(f, scoped: scoped, options: options))
        let csv = xlsx.deletingPathExtension().appendingPathExtension("csv")
        defer { try? FileManager.default.removeItem(at: csv) }
        _ = try await LedgerExport.write(
            .csv, to: csv, title: "t", columns: LedgerExport.columns(.children, .zh),
            rows: LedgerExport.children(f, scoped: scoped, options: options))
        let raw = try Data(contentsOf: csv)
        #expect(Array(raw.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 with BOM so Excel opens it")
        // The xlsx and the csv hold the same values.
        var fromXLSX: [String] = []
        try SheetReader.open(xlsx).forEachRow { row in
            fromXLSX.append(
                row.cells.map { c -> String in
                    if case .date(let y, let m, let d) = c { return String(format: "%04d-%02d-%02d", y, m, d) }
                    return Normalize.text(c) ?? ""
                }.joined(separator: "|"))
        }
        var fromCSV: [String] = []
        try SheetReader.open(csv).forEachRow { row in fromCSV.append(row.cells.map { Normalize.text($0) ?? "" }.joined(separator: "|")) }
        #expect(
            Array(fromXLSX.dropFirst()).map { $0.trimmingTrailing("|") } == fromCSV.map { $0.trimmingTrailing("|") },
            "title row aside, the same rows")
        return fromCSV.joined(separator: "\n")
    }

    @Test func exportsAreMaskedUnlessRevealedAndAlwaysAudited() async throws {
        try await withTestApp { ctx in
            _ = try await Self.run(ctx, "children_openpyxl.xlsx")
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("ducha", .inspector, Codes.taohuashan)
            try await ctx.makeUser("aixin", .volunteer, Codes.shihuayan)
            var b = Browser(ctx)
            try await b.login("cun")
            let list = try await b.get("/children")
            #expect(list.body.string.contains("/children/export?format=xlsx") && list.body.string.contains("full=1"))
            let masked = try await b.get("/children/export?format=csv")
            #expect(masked.status == .ok && masked.headers.first(name: .contentDisposition)?.contains("filename*=UTF-8''") == true)
            let text = masked.body.string
            #expect(text.contains("李小红") && text.contains("421081********111X") && !text.contains("42108120150302111X"))
            #expect(!text.contains("钱多多"), "rejected rows were never registered")
            // Only the village worker's own village: 小石桥村's child is not in her file.
            #expect(!text.contains("郑小雨"))
            let full = try await b.get("/children/export?format=xlsx&full=1")
            #expect(full.status == .ok && full.headers.contentType == IntakePagesController.xlsxType)
            #expect(try await ctx.auditCount(AuditAction.export, recordID: "list") == 1)
            #expect(try await ctx.auditCount(AuditAction.reveal, recordID: "list") == 1)

            var i = Browser(ctx)
            try await i.login("ducha")
            #expect(try await i.get("/children/export?format=xlsx").status == .ok)
            #expect(try await i.get("/children/export?format=xlsx&full=1").status == .forbidden)
            var v = Browser(ctx)
            try await v.login("aixin")
            #expect(try await v.get("/children/export?format=csv").status == .forbidden)
            #expect(try await i.get("/women/export?format=csv").status == .ok)
            #expect(try await i.get("/households/export?format=xlsx").status == .ok)
        }
    }

    /// `--as` acts with that account's rights and jurisdiction, and the trail names the account.
    @Test func theCLIActsAsTheAccountNamed() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("look", .inspector, Codes.county)
            // A copy: the CLI writes the rejected rows next to the file it reads.
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("as-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let copy = dir.appendingPathComponent("ledger.csv")
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("children_gb18030.csv"), to: copy)
            let file = copy.path
            await #expect(throws: (any Error).self, "another township is outside her jurisdiction") {
                _ = try await IntakeCLI.importFile(
                    ctx.app, kind: "children", file: file, unit: Codes.tiaoguan, sheet: nil, dryRun: true, as: "town")
            }
            await #expect(throws: (any Error).self, "an inspector may not import") {
                _ = try await IntakeCLI.importFile(
                    ctx.app, kind: "children", file: file, unit: Codes.taohuashan, sheet: nil, dryRun: true, as: "look")
            }
            await #expect(throws: (any Error).self, "no such account") {
                _ = try await IntakeCLI.importFile(
                    ctx.app, kind: "children", file: file, unit: Codes.taohuashan, sheet: nil, dryRun: true, as: "nobody")
            }
            #expect(try await Child.query(on: ctx.app.db).count() == 0)
            let out = try await IntakeCLI.importFile(
                ctx.app, kind: "children", file: file, unit: Codes.taohuashan, sheet: nil, dryRun: false, as: "town")
            #expect(try JSONDecoder().decode(ImportReport.self, from: out.reportJSON).accepted == 4)
            let entry = try await AuditEntry.query(on: ctx.app.db).filter(\.$action == AuditAction.import.rawValue).filter(
                \.$recordType == "children"
            ).first()
            let town = try await UserDirectory.byUsername("town", on: ctx.app.db)
            #expect(entry?.actorID == town?.id?.uuidString, "the import is hers in the trail")
        }
    }

    /// An upload and its preview belong to the account that sent it: a colleague of the same township cannot open,
    /// remap, commit or download it.
    @Test func anUploadIsItsOwnersAlone() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("town2", .townshipStaff, Codes.taohuashan)
            var a = Browser(ctx)
            try await a.login("town")
            _ = try await a.get("/imports/new?kind=children")
            let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("children_openpyxl.xlsx"))
            let up = try await a.postMultipart(
                "/imports/new", ["kind": "children", "unit": Codes.taohuashan],
                files: [(field: "file", filename: "台账.xlsx", type: "application/octet-stream", data: data)])
            let page = try #require(up.headers.first(name: .location))
            var b = Browser(ctx)
            try await b.login("town2")
            _ = try await b.get("/imports/new")
            #expect(try await b.get(page).status == .notFound)
            #expect(try await b.get(page + "/rejected").status == .notFound)
            #expect(try await b.post(page + "/commit", [:]).status == .notFound)
            #expect(try await Child.query(on: ctx.app.db).count() == 0)
            #expect(try await a.get(page).status == .ok)
        }
    }

    @Test func theThreeStepsOnPages() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            var b = Browser(ctx)
            try await b.login("town")
            _ = try await b.get("/imports/new?kind=children")
            let noFile = try await b.postMultipart("/imports/new", ["kind": "children", "unit": Codes.taohuashan], files: [])
            #expect(noFile.status == .unprocessableEntity && noFile.body.string.contains("请选择要上传的文件"))
            let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("children_openpyxl.xlsx"))
            let up = try await b.postMultipart(
                "/imports/new", ["kind": "children", "unit": Codes.taohuashan],
                files: [(field: "file", filename: "桃花山镇台账.xlsx", type: "application/octet-stream", data: data)])
            #expect(up.status == .seeOther)
            let page = try #require(up.headers.first(name: .location))
            let preview = try await b.getSettled(page)
            #expect(preview.status == .ok)
            let html = preview.body.string
            #expect(html.contains("可以导入：4 行") && html.contains("有错误、不能导入：6 行") && html.contains("丢失了位数"))
            #expect(try await Child.query(on: ctx.app.db).count() == 0, "a preview writes nothing")
            // The person says column L (是否寄宿) is not to be read: kept, and the preview follows it.
            #expect(try await b.post(page, ["map.L": ""]).status == .seeOther)
            #expect(try await b.getSettled(page).body.string.contains("value=\"\" selected"))
            let done = try await b.post(page + "/commit", [:])
            #expect(done.status == .seeOther)
            let result = try await b.get(page)
            #expect(result.body.string.contains("已导入：4 行") && result.body.string.contains("/rejected"))
            #expect(try await Child.query(on: ctx.app.db).count() == 4)
            #expect(
                try await Child.query(on: ctx.app.db).all().allSatisfy { !$0.details[flag: .boarding] }, "the skipped column was not read")
            // A second press changes nothing.
            _ = try await b.post(page + "/commit", [:])
            #expect(try await Child.query(on: ctx.app.db).count() == 4)
            let rejected = try await b.get(page + "/rejected")
            #expect(rejected.status == .ok && rejected.headers.contentType == IntakePagesController.xlsxType)
            #expect(
                try await AuditEntry.query(on: ctx.app.db).filter(\.$action == AuditAction.import.rawValue).filter(
                    \.$recordType == "children"
                )
                .count() == 1)
        }
    }
}

extension String {
    func trimmingTrailing(_ c: Character) -> String {
        var s = self
        while s.last == c { s.removeLast() }
        return s
    }
}
