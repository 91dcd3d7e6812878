import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// Issue 20's ledgers read in: a site's result sheet (each row one woman's screens through the API's own service,
/// an unregistered woman made a person by her ID number, the campaign found, no result in the trail) and a township's
/// list of team members. Each bad cell named by the file's own column; a file read twice adds nothing.
@Suite(.serialized) struct IntakeHealthTests {
    static let header = "姓名,身份证号码,村,检查日期,检查机构,妇科检查,TCT结果,HPV结果,乳腺临床检查,乳腺彩超"

    @Test func aSitesResultSheetOpensFollowUpsAndRegistersTheWomenItNames() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("weijian", .partnerHealth, Codes.county)
            let town = try await ctx.token("town")
            _ = try await HealthWeb.woman(ctx, town, "甲秀兰", born: "1972-03-03", order: 702)
            _ = try await HealthWeb.woman(ctx, town, "乙桂英", born: "1970-05-05", order: 712)
            #expect(try await HealthCampaignWebTests.campaign(ctx, town).status == .created)
            let a = Synthetic.id(1972, 3, 3, order: 702), b = Synthetic.id(1970, 5, 5, order: 712)
            let c = Synthetic.id(1969, 6, 6, order: 722), man = Synthetic.id(1969, 6, 6, order: 731)
            let d = Synthetic.id(1968, 7, 7, order: 742)
            let lines = [
                "桃花山镇2026年两癌免费检查结果登记表,,,,,,,,,",
                Self.header,
                "甲秀兰,\(a),,2026-11-10,桃花山镇卫生院,未见异常,NILM,,正常,2类",
                "乙桂英,\(b),,2026/11/10,桃花山镇卫生院,正常,ASC-US,阴性,,",
                "丙新妇女,\(c),小石桥村委会,2026年11月10日,桃花山镇卫生院,正常,,其他高危型阳性,正常,4A",
                "甲秀兰,\(a),,2026-11-10,桃花山镇卫生院,未见异常,NILM,,正常,2类",
                "丁男,\(man),小石桥村委会,2026-11-10,桃花山镇卫生院,正常,NILM,,,",
                "戊无村,\(d),,2026-11-10,桃花山镇卫生院,正常,NILM,,,",
                "甲秀兰,\(a),,2026-11-11,桃花山镇卫生院,正常,很好,,,",
                "李某,\(b),,2026-11-11,桃花山镇卫生院,正常,NILM,,,",
                "甲秀兰,\(a),,2026-11-12,桃花山镇卫生院,,,,,",
                "乙桂英,\(b),,2027-01-01,桃花山镇卫生院,正常,NILM,,,",
            ]
            let r = try await IntakeStationTests.run(ctx, .screeningResults, lines)
            #expect(r.accepted == 3 && r.duplicates == 1 && r.rejected == 6, "\(r)")
            IntakeStationTests.expectErrors(
                r,
                [
                    (7, "身份证号码", "女性"), (8, "村", "还没有登记"), (9, "TCT结果", "很好"), (10, "姓名", "乙桂英"), (11, "检查项目", "没有检查结果"),
                    (12, "检查日期", ""),
                ])
            let screens = try await HealthScreening.query(on: ctx.app.db).all()
            #expect(screens.count == 5)
            // The one campaign of 桃花山镇 in 2026 screens for both: every screen counts for it.
            #expect(screens.allSatisfy { $0.campaignID != nil })
            let followups = try await HealthFollowup.query(on: ctx.app.db).all()
            #expect(followups.count == 3)
            #expect(Set(followups.flatMap(\.nextSteps)).isSuperset(of: [.colposcopy, .cytologyTriage, .biopsy]))
            // 丙新妇女 is a person of 小石桥村 now, by her ID number, and on no women's list.
            let newcomer = try #require(try await Person.query(on: ctx.app.db).filter(\.$idNumber == c).first())
            #expect(newcomer.unitCode == Codes.xiaoshiqiao && newcomer.sex == Sex.female.rawValue && newcomer.name == "丙新妇女")
            // The free programme is rural women's: she is rural, so the due lists and coverage count her.
            #expect(newcomer.hukou == Hukou.rural.rawValue)
            #expect(try await Person.query(on: ctx.app.db).filter(\.$idNumber == d).count() == 0)
            #expect(try await Woman.query(on: ctx.app.db).filter(\.$personID == newcomer.id!).count() == 0)
            // The trail says which result fields were written, never a value; the file's entry is a result's.
            let trail = try await AuditEntry.query(on: ctx.app.db).all()
            #expect(!trail.contains { $0.changes.contains("asc_us") || $0.changes.contains("birads_4") })
            #expect(trail.contains { $0.recordType == AuditSubject.screeningResults.rawValue && $0.action == AuditAction.import.rawValue })

            let again = try await IntakeStationTests.run(ctx, .screeningResults, lines)
            #expect(again.accepted == 0 && again.duplicates == 4 && again.rejected == 6, "\(again)")
            #expect(try await HealthScreening.query(on: ctx.app.db).count() == 5)
        }
    }

    @Test func onlyTheHealthDepartmentReadsInResultsAndOnlyTeamStaffReadInMembers() async throws {
        #expect(Policy.mayImport(.partnerHealth, .screeningResults))
        for role in Role.allCases where role != .partnerHealth { #expect(!Policy.mayImport(role, .screeningResults), "\(role)") }
        #expect(!Policy.mayImport(.partnerHealth, .teamMembers) && !Policy.mayImport(.inspector, .teamMembers))
        #expect(Policy.mayImport(.villageWorker, .teamMembers) && Policy.mayImport(.townshipStaff, .teamMembers))
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("weijian", .partnerHealth, Codes.county)
            await #expect(throws: Abort.self) {
                _ = try await IntakeCLI.importFile(
                    ctx.app, kind: "screening_results", file: "/dev/null", unit: Codes.taohuashan, sheet: nil, dryRun: true, as: "town")
            }
            let file = try IntakeStationTests.csv([Self.header])
            defer { try? FileManager.default.removeItem(at: file) }
            let out = try await IntakeCLI.importFile(
                ctx.app, kind: "screening_results", file: file.path, unit: Codes.taohuashan, sheet: nil, dryRun: true, as: "weijian")
            #expect(out.exitCode == 0, "\(out.summary)")
            // The upload form offers the health department its sheet, and nothing of the registry's.
            var b = Browser(ctx)
            try await b.login("weijian")
            let page = try await b.get("/imports/new")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("value=\"screening_results\"") && !page.body.string.contains("value=\"children\""))
        }
    }

    @Test func aTeamMembersListMakesTeamsAddsMembersAndNamesTheLeader() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let town = try await ctx.token("town")
            let a = try await HealthWeb.woman(ctx, town, "甲秀兰", born: "1972-03-03", order: 702).person
            let b = try await HealthWeb.woman(ctx, town, "乙桂英", born: "1970-05-05", order: 712).person
            let e = Synthetic.id(1966, 1, 1, order: 751)
            let lines = [
                "团队名称,团队类型,村,姓名,身份证号码,是否队长",
                "晚霞广场舞队,广场舞,\(Codes.shihuayan),甲秀兰,\(Synthetic.id(1972, 3, 3, order: 702)),是",
                "晚霞广场舞队,,\(Codes.shihuayan),乙桂英,\(Synthetic.id(1970, 5, 5, order: 712)),否",
                "晚霞广场舞队,,\(Codes.shihuayan),戊大叔,\(e),",
                "晚霞广场舞队,广场舞,\(Codes.shihuayan),乙桂英,\(Synthetic.id(1970, 5, 5, order: 712)),",
                "腰鼓队,,\(Codes.shihuayan),乙桂英,\(Synthetic.id(1970, 5, 5, order: 712)),是",
                "调关舞队,广场舞,\(Codes.tiaoguanVillage),乙桂英,\(Synthetic.id(1970, 5, 5, order: 712)),是",
            ]
            let r = try await IntakeStationTests.run(ctx, .teamMembers, lines)
            #expect(r.accepted == 3 && r.duplicates == 1 && r.rejected == 2, "\(r)")
            IntakeStationTests.expectErrors(r, [(6, "团队类型", ""), (7, "村", "")])
            let teams = try await HealthTeam.query(on: ctx.app.db).all()
            #expect(teams.count == 1)
            let team = try #require(teams.first)
            let man = try #require(try await Person.query(on: ctx.app.db).filter(\.$idNumber == e).first())
            #expect(team.kind == .squareDance && team.unitCode == Codes.shihuayan)
            #expect(team.members.map(\.uuidString) == [a, b, man.id!.uuidString])
            #expect(team.leaderPersonID.uuidString == a)
            let again = try await IntakeStationTests.run(ctx, .teamMembers, lines)
            #expect(again.accepted == 0 && again.duplicates == 4 && again.rejected == 2, "\(again)")
            // A new list naming another leader moves her first; read twice, it changes nothing more.
            let newLeader = [lines[0], "晚霞广场舞队,,石华堰村委会,乙桂英,\(Synthetic.id(1970, 5, 5, order: 712)),是"]
            #expect(try await IntakeStationTests.run(ctx, .teamMembers, newLeader).accepted == 1)
            #expect(try await IntakeStationTests.run(ctx, .teamMembers, newLeader).duplicates == 1)
            let led = try #require(try await HealthTeam.find(team.id, on: ctx.app.db))
            #expect(led.leaderPersonID.uuidString == b && led.members.map(\.uuidString) == [b, a, man.id!.uuidString])
        }
    }
}

/// The team form (/health/teams/new): the leader and members by name and ID number, someone not registered made a
/// person of the team's village; a refused form names each field, keeps what was typed and registers no one.
@Suite(.serialized) struct HealthTeamFormTests {
    @Test func aVillageWorkerMakesATeamFromNamesAndIDNumbers() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("weijian", .partnerHealth, Codes.county)
            let cun = try await ctx.token("cun")
            let a = try await HealthWeb.woman(ctx, cun, "甲秀兰", born: "1972-03-03", order: 702).person
            let leaderID = Synthetic.id(1972, 3, 3, order: 702), newID = Synthetic.id(1966, 1, 1, order: 752)
            var b = Browser(ctx)
            try await b.login("cun")
            let form = try await b.get("/health/teams/new")
            #expect(form.status == .ok && form.body.string.contains("value=\"\(Codes.shihuayan)\" selected"))
            let people = { try await Person.query(on: ctx.app.db).count() }
            let before = try await people()
            let bad = try await b.post(
                "/health/teams/new",
                [
                    "name": "", "kind": "disco", "unitCode": Codes.shihuayan, "leaderName": "甲秀", "leaderIdNumber": leaderID,
                    "memberLines": "新队员 \(newID)\n无号码的人",
                ])
            #expect(bad.status == .unprocessableEntity)
            let page = bad.body.string
            #expect(page.contains("第 2 行") && page.contains("甲秀兰") && page.contains("无号码的人") && page.contains("新队员 \(newID)"))
            #expect(page.contains("id=\"name-error\"") && page.contains("id=\"kind-error\""))
            #expect(try await people() == before, "a refused form registers no one")

            let ok = try await b.post(
                "/health/teams/new",
                [
                    "name": "晚霞广场舞队", "kind": "square_dance", "unitCode": Codes.shihuayan, "leaderName": "甲秀兰",
                    "leaderIdNumber": leaderID, "memberLines": "新队员 \(newID)",
                ])
            #expect(ok.status == .seeOther, "\(ok.body.string)")
            let team = try #require(try await HealthTeam.query(on: ctx.app.db).first())
            let newcomer = try #require(try await Person.query(on: ctx.app.db).filter(\.$idNumber == newID).first())
            #expect(team.leaderPersonID.uuidString == a && team.members == [UUID(uuidString: a)!, newcomer.id!])
            #expect(newcomer.unitCode == Codes.shihuayan)

            var h = Browser(ctx)
            try await h.login("weijian")
            #expect(try await h.get("/health/teams/new").status == .forbidden)
        }
    }
}

/// Where each account finds its ledger: the health page for the health department's result sheets, the teams list for
/// the staff's member lists; no link for whoever may not read it in.
@Suite(.serialized) struct HealthImportLinkTests {
    @Test func eachLedgerIsOfferedWhereItsPeopleWork() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("weijian", .partnerHealth, Codes.county)
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            var h = Browser(ctx)
            try await h.login("weijian")
            #expect(try await h.get("/health").body.string.contains("kind=screening_results"))
            var c = Browser(ctx)
            try await c.login("cun")
            let home = try await c.get("/health").body.string
            #expect(!home.contains("kind=screening_results"))
            #expect(try await c.get("/health/teams").body.string.contains("kind=team_members"))
        }
    }
}
