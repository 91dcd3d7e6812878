import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
import GuanaiSheets
@testable import GuanaiWeb

/// Issue 17's ledgers read in: a township's stations, a station's children, a village's neighbour-group roster and
/// candidate sites, each row through its form's own rules, every bad cell named by the file's own column.
@Suite(.serialized) struct IntakeStationTests {
    static func csv(_ lines: [String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("intake-\(UUID().uuidString).csv")
        try (lines.joined(separator: "\r\n") + "\r\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func run(
        _ ctx: TestContext, _ kind: IntakeKind, _ lines: [String], unit code: String = Codes.taohuashan, dryRun: Bool = false
    ) async throws -> ImportReport {
        let file = try csv(lines)
        defer { try? FileManager.default.removeItem(at: file) }
        let unit = try #require(try await Unit.find(code, on: ctx.app.db))
        var r = ImportRun(
            kind: kind, file: file, fileName: "ledger.csv", unit: unit,
            scoped: Scoped(db: ctx.app.db, jurisdiction: Jurisdiction(root: DivisionCode(code)!)), actor: .system("test"), at: ctx.app.now)
        r.dryRun = dryRun
        return try await r.run().report
    }

    /// Each rejected row's (row, column) and whether its message holds the words.
    static func expectErrors(_ r: ImportReport, _ want: [(Int, String, String)], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.errors.count == want.count, "\(r.errors)", sourceLocation: sourceLocation)
        for (e, w) in zip(r.errors.sorted { ($0.row, $0.column) < ($1.row, $1.column) }, want) {
            #expect(
                e.row == w.0 && e.column == w.1 && (w.2.isEmpty || e.message.contains(w.2)), "\(e) vs \(w)", sourceLocation: sourceLocation)
        }
    }

    @Test func aTownshipsStationLedgerReadsIn() async throws {
        try await withTestApp { ctx in
            let lines = [
                "桃花山镇留守儿童服务站台账,,,,,,,,,,",
                "序号,服务站名称,所在村,依托场所,容纳人数,开放时段,负责人,联系电话,运行状态,开办日期,经度,纬度",
                "1,石华堰村留守儿童服务站,石华堰村委会,村委会,40,放学后、寒暑假,站长甲,139-0000-1111,开放,2026-03-01,112.48,29.65",
                "2,小石桥村儿童之家,小石桥村委会,祠堂,30,周末,,,开放,2026-03-01,,",
                "3,桃花山镇中心小学服务站,桃花山镇,小学,50,放学后,站长乙,13900002222,,2026-09-01,,",
                "4,调关村服务站,\(Codes.tiaoguanVillage),学校,20,放学后,,,,,,",
                "5,石华堰村留守儿童服务站,石华堰村委会,村委会,40,放学后,,,,,,",
                "6,桃花山镇妇女之家服务站,桃花山镇,妇女之家,60,周末、暑假,,13900003333,,2027-01-01,,",
                "7,小石桥村服务站,小石桥村委会,村部,0,课后,站长丙,13900004444,停办,2026-03-01,,",
            ]
            let dry = try await Self.run(ctx, .stations, lines, dryRun: true)
            #expect(dry.accepted == 2 && dry.duplicates == 1)
            #expect(try await Station.query(on: ctx.app.db).count() == 0)

            let r = try await Self.run(ctx, .stations, lines)
            #expect(r.accepted == 2 && r.duplicates == 1 && r.rejected == 4, "\(r)")
            Self.expectErrors(
                r,
                [
                    (4, "依托场所", "祠堂"), (6, "所在村", "\(Codes.tiaoguanVillage)"), (8, "开办日期", ""), (8, "负责人", ""), (9, "容纳人数", "500"),
                ])
            let first = try #require(try await Station.query(on: ctx.app.db).filter(\.$name == "石华堰村留守儿童服务站").first())
            #expect(first.unitCode == Codes.shihuayan && first.capacity == 40 && first.host == .villageCommittee)
            #expect(first.schedule == [.afterSchool, .winterHoliday, .summerHoliday])
            #expect(first.staff.first?.phone == "13900001111")
            // A station named at the township (its central school) is the township's.
            let central = try #require(try await Station.query(on: ctx.app.db).filter(\.$unitCode == Codes.taohuashan).first())
            #expect(central.host == .school && central.schedule == [.afterSchool])

            // The same file again: every good row is there already.
            let again = try await Self.run(ctx, .stations, lines)
            #expect(again.accepted == 0 && again.duplicates == 3)
            let imports = try await AuditEntry.query(on: ctx.app.db).filter(\.$recordType == AuditSubject.stations.rawValue).count()
            #expect(imports == 2)
        }
    }

    @Test func aStationsChildrenAreEnrolledByIDNumber() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let t = try await ctx.token("cun")
            let station = try await StationDaysTests.station(ctx, t, capacity: 2)
            var ids: [String] = []
            for (i, name) in ["王小一", "王小二", "王小三", "王小四"].enumerated() {
                var b = ChildBody()
                b.name = name
                b.idNumber = Synthetic.id(2016, 3, 1 + i, order: 401 + i)
                b.father?["idNumber"] = Synthetic.id(1990, 3, 1 + i, order: 411 + i * 2)
                b.mother?["idNumber"] = Synthetic.id(1991, 4, 1 + i, order: 422 + i * 2)
                b.guardian?["idNumber"] = Synthetic.id(1955, 5, 1 + i, order: 433 + i * 2)
                let made = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(b))
                #expect(made.status == .created, "\(made.body.string)")
                let c = try made.content.decode(ChildDTO.self)
                ids.append(b.idNumber)
                if i == 3 {
                    var other = StationTests.good
                    other.name = "石华堰村第二服务站"
                    let res = try await ctx.api(.POST, "/api/v1/stations", token: t, body: ctx.json(other))
                    let second = try res.content.decode(StationDTO.self)
                    #expect((try await StationDaysTests.enrol(ctx, t, second.id, c.id)).status == .created)
                }
            }
            let stranger = Synthetic.id(2015, 6, 6, order: 499)
            let lines = [
                "儿童姓名,身份证号码,服务站,入站日期",
                "王小一,\(ids[0]),石华堰村留守儿童服务站,2026-11-02",
                "王小二,\(ids[1]),石华堰村留守儿童服务站,",
                "王小一,\(ids[0]),石华堰村留守儿童服务站,2026-11-02",
                "李小三,\(ids[2]),石华堰村留守儿童服务站,",
                "某某,\(stranger),石华堰村留守儿童服务站,",
                "王小四,\(ids[3]),石华堰村留守儿童服务站,",
                "王小三,\(ids[2]),石华堰村留守儿童服务站,2026年13月",
                "王小三,\(ids[2]),不存在的服务站,",
                "王小三,\(ids[2]),石华堰村留守儿童服务站,",
            ]
            let r = try await Self.run(ctx, .enrolments, lines)
            #expect(r.accepted == 2 && r.duplicates == 1, "\(r)")
            Self.expectErrors(
                r,
                [
                    (5, "儿童姓名", "王小三"), (6, "身份证号码", "请先登记"), (7, "身份证号码", "石华堰村第二服务站"), (8, "入站日期", "2026年13月"),
                    (9, "服务站", "不存在的服务站"), (10, "身份证号码", ""),
                ])
            let open = try await StationEnrolment.query(on: ctx.app.db).filter(\.$stationID == UUID(uuidString: station.id)!).all()
            #expect(open.count == 2 && open.contains { $0.fromOn == "2026-11-02" })

            // No station column: the village's one open station, else the file is refused as a whole.
            let noColumn = ["姓名,身份证号", "王小三,\(ids[2])"]
            await #expect(throws: IntakeFileError.self) { _ = try await Self.run(ctx, .enrolments, noColumn, unit: Codes.shihuayan) }
        }
    }

    @Test func aVillagesNeighbourGroupRosterMakesGroupsAllOrNone() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let t = try await ctx.token("cun")
            var heads: [String] = []
            for i in 0..<8 {
                _ = try await NeighbourGroupTests.home(ctx, t, order: i)
                heads.append(Synthetic.id(1955, 5, 1 + i, order: 333 + i * 2))
            }
            // The roster's households are known by their heads: here, each grandmother heads her home.
            for (i, id) in heads.enumerated() {
                let p = try #require(try await Person.query(on: ctx.app.db).filter(\.$idNumber == id).first(), "\(i)")
                #expect(p.householdID != nil)
            }
            let lines = [
                "石华堰村邻里互助组花名册,,,,,",
                "互助组名称,所在村,户主姓名,户主身份证号,是否组长,自愿加入日期",
                "一组互助组,石华堰村委会,林奶奶0,\(heads[0]),是,2026-11-01",
                "二组互助组,石华堰村委会,林奶奶3,\(heads[3]),否,2026-11-01",
                "一组互助组,石华堰村委会,林奶奶1,\(heads[1]),否,2026-11-01",
                "一组互助组,石华堰村委会,林奶奶2,\(heads[2]),,2026-11-02",
                "二组互助组,石华堰村委会,林奶奶4,\(heads[4]),否,2026-11-01",
                "二组互助组,石华堰村委会,林奶奶5,\(heads[5]),否,2026-11-01",
                "三组互助组,石华堰村委会,林奶奶6,\(heads[6]),是,2026-11-01",
                "三组互助组,石华堰村委会,某某,\(Synthetic.id(1960, 1, 1, order: 555)),否,2026-11-01",
                "三组互助组,石华堰村委会,林奶奶7,\(heads[7]),否,2026-11-01",
                "四组互助组,石华堰村委会,林奶奶7,\(heads[7]),是,",
            ]
            let r = try await Self.run(ctx, .neighbourGroups, lines)
            #expect(r.accepted == 3 && r.rejected == 7, "\(r)")
            Self.expectErrors(
                r,
                [
                    (4, "是否组长", "组长"), (7, "是否组长", "组长"), (8, "是否组长", "组长"), (9, "互助组名称", "整组"), (10, "户主身份证号", "家庭户台账"),
                    (11, "互助组名称", "整组"), (12, "互助组名称", "户"), (12, "自愿加入日期", ""),
                ])
            let groups = try await NeighbourGroup.query(on: ctx.app.db).all()
            #expect(groups.map(\.name) == ["一组互助组"])
            let members = try await NeighbourGroupMember.query(on: ctx.app.db).count()
            #expect(members == 3)
            let leader = try #require(try await Person.query(on: ctx.app.db).filter(\.$idNumber == heads[0]).first())
            #expect(groups.first?.leaderPersonID == leader.id)

            let again = try await Self.run(ctx, .neighbourGroups, Array(lines.prefix(3)) + [lines[4], lines[5]])
            #expect(again.accepted == 0 && again.duplicates == 3)
        }
    }

    @Test func candidateSitesAreTheApproversToReadIn() async throws {
        try await withTestApp { ctx in
            #expect(Policy.mayImport(.townshipStaff, .sites) && !Policy.mayImport(.villageWorker, .sites))
            #expect(Policy.mayImport(.villageWorker, .stations) && Policy.mayImport(.villageWorker, .neighbourGroups))
            #expect(!Policy.mayImport(.volunteer, .stations) && !Policy.mayImport(.partnerHealth, .enrolments))
            let lines = [
                "场所名称,类型,所在村,经度,纬度",
                "桃花山镇中心小学,小学,桃花山镇,112.47,29.66",
                "石华堰村教学点,教学点,石华堰村委会,112.48,29.65",
                "老粮站,仓库,石华堰村委会,112.49,29.64",
                "桃花山镇中学,学校,桃花山镇,,29.66",
                "桃花山镇中心小学,学校,桃花山镇,112.47,29.66",
            ]
            let r = try await Self.run(ctx, .sites, lines)
            #expect(r.accepted == 2 && r.duplicates == 1, "\(r)")
            Self.expectErrors(r, [(4, "类型", "仓库"), (5, "经度", "")])
            #expect(try await Site.query(on: ctx.app.db).filter(\.$kind == .school).count() == 2)

            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            await #expect(throws: Abort.self) {
                _ = try await IntakeCLI.importFile(
                    ctx.app, kind: "sites", file: "/dev/null", unit: Codes.shihuayan, sheet: nil, dryRun: true, as: "cun")
            }
        }
    }

    @Test func theImportPageOffersEachAccountOnlyTheLedgersItMayReadIn() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let sites = Data("场所名称,类型,所在村,经度,纬度\r\n桃花山镇中心小学,小学,桃花山镇,112.47,29.66\r\n".utf8)
            func upload(_ b: inout Browser, kind: String, unit: String) async throws -> TestingHTTPResponse {
                _ = try await b.get("/imports/new?kind=\(kind)")
                return try await b.postMultipart(
                    "/imports/new", ["kind": kind, "unit": unit],
                    files: [(field: "file", filename: "场所.csv", type: "text/csv", data: sites)])
            }
            var cun = Browser(ctx)
            try await cun.login("cun")
            let page = try await cun.get("/imports/new")
            #expect(page.body.string.contains("value=\"stations\"") && page.body.string.contains("value=\"neighbour_groups\""))
            #expect(!page.body.string.contains("value=\"sites\""))
            let refused = try await upload(&cun, kind: "sites", unit: Codes.shihuayan)
            #expect(refused.status == .unprocessableEntity)
            #expect(try await IntakeUpload.query(on: ctx.app.db).count() == 0)

            var town = Browser(ctx)
            try await town.login("town")
            let taken = try await upload(&town, kind: "sites", unit: Codes.taohuashan)
            #expect(taken.status == .seeOther, "\(taken.body.string)")
            let u = try #require(try await IntakeUpload.query(on: ctx.app.db).first())
            #expect(u.kind == .sites)
            // Another account cannot reach it, and the village worker could not even with its id.
            #expect(try await cun.get("/imports/\(u.id!.uuidString)").status == .notFound)
        }
    }
}
