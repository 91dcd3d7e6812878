import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// 邻里互助组 (issue 17, items 9–12): groups, the one-group rule, suggestions, activities, concerns and coverage.
@Suite(.serialized) struct NeighbourGroupTests {
    struct Home { let child: String, household: String, guardian: String }

    /// A left-behind child in a household of her own (her parents and grandmother live there too), in `village`.
    static func home(_ ctx: TestContext, _ token: String, order: Int, village: String = Codes.shihuayan) async throws -> Home {
        var b = ChildBody()
        b.name = "林小\(["一", "二", "三", "四", "五", "六", "七", "八"][order % 8])"
        b.villageCode = village
        b.idNumber = Synthetic.id(2017, 2, 1 + order, order: 300 + order)
        b.father?["idNumber"] = Synthetic.id(1990, 3, 1 + order, order: 311 + order * 2)
        b.mother?["idNumber"] = Synthetic.id(1991, 4, 1 + order, order: 322 + order * 2)
        b.guardian?["idNumber"] = Synthetic.id(1955, 5, 1 + order, order: 333 + order * 2)
        b.guardian?["name"] = "林奶奶\(order)"
        let res = try await ctx.api(.POST, "/api/v1/children", token: token, body: ctx.json(b))
        #expect(res.status == .created, "\(res.body.string)")
        let c = try res.content.decode(ChildDTO.self)
        return Home(child: c.id, household: try #require(c.householdId), guardian: try #require(c.guardian?.id))
    }

    /// A household with nobody left behind.
    static func plainHousehold(_ ctx: TestContext, _ token: String, address: String) async throws -> String {
        let res = try await ctx.api(
            .POST, "/api/v1/households", token: token, body: ctx.json(HouseholdInput(villageCode: Codes.shihuayan, address: address)))
        #expect(res.status == .created, "\(res.body.string)")
        return try res.content.decode(HouseholdDTO.self).id
    }

    static func group(_ name: String, _ homes: [String], leader: String, consent: String? = "2026-11-01") -> NeighbourGroupInput {
        NeighbourGroupInput(
            villageCode: Codes.shihuayan, name: name, leaderPersonId: leader,
            members: homes.map { .init(householdId: $0, consentedOn: consent) })
    }

    @Test func formingAGroupIsCheckedScopedAndAudited() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("tiaoguan", .townshipStaff, Codes.tiaoguan)
            try await ctx.makeUser("insp", .inspector, Codes.county)
            try await ctx.makeUser("vol", .volunteer, Codes.shihuayan)
            try await ctx.makeUser("renshe", .partnerHR, Codes.county)
            let t = try await ctx.token("cun"), other = try await ctx.token("tiaoguan"), insp = try await ctx.token("insp")
            var homes: [Home] = []
            for i in 0..<5 { homes.append(try await Self.home(ctx, t, order: i)) }
            let h = homes.map(\.household)

            // Every bad field named at once, nothing saved.
            var bad = Self.group(" ", [h[0], h[1]], leader: homes[4].guardian)
            bad.members?[1].consentedOn = ""
            let refused = try await ctx.api(.POST, "/api/v1/neighbour-groups", token: t, body: ctx.json(bad))
            #expect(refused.status == .unprocessableEntity)
            #expect(
                try StationTests.errorFields(refused) == ["name", "members[1].consentedOn", "members", "leaderPersonId"],
                "\(refused.body.string)")
            #expect(try await NeighbourGroup.query(on: ctx.app.db).count() == 0)
            // A village outside the jurisdiction is not there for her.
            var far = Self.group("远方组", [h[0], h[1], h[2]], leader: homes[0].guardian)
            far.villageCode = Codes.tiaoguanVillage
            #expect(try await ctx.api(.POST, "/api/v1/neighbour-groups", token: t, body: ctx.json(far)).status == .notFound)

            let res = try await ctx.api(
                .POST, "/api/v1/neighbour-groups", token: t,
                body: ctx.json(Self.group("东头互助组", [h[0], h[1].lowercased(), h[2]], leader: homes[0].guardian.lowercased())))
            #expect(res.status == .created, "\(res.body.string)")
            let g = try res.content.decode(NeighbourGroupDTO.self)
            #expect(g.members.map(\.householdId) == [h[0], h[1], h[2]] && g.members.allSatisfy(\.leftBehind) && g.status == "active")
            #expect(g.leaderPersonId == homes[0].guardian)
            let created = try #require(
                try await AuditEntry.query(on: ctx.app.db).filter(\.$recordType == "group").filter(\.$recordID == g.id).first())
            #expect(created.action == "create" && created.unitCode == Codes.shihuayan && created.changes.contains("东头互助组"))

            // One active group per household: in the form, and in the database itself.
            let second = Self.group("西头互助组", [h[2], h[3], h[4]], leader: homes[3].guardian)
            let taken = try await ctx.api(.POST, "/api/v1/neighbour-groups", token: t, body: ctx.json(second))
            #expect(taken.status == .unprocessableEntity)
            #expect(try StationTests.errorFields(taken) == ["members"])
            let row = NeighbourGroupMember()
            row.id = UUID()
            row.groupID = UUID()
            row.householdID = UUID(uuidString: h[2])!
            row.consentedOn = "2026-11-01"
            row.position = 0
            row.liveHouseholdID = row.householdID
            await #expect(throws: (any Error).self) { try await row.create(on: ctx.app.db) }

            // Reads: inside yes, another township no, the inspector yes, a volunteer and a partner never.
            #expect(try await ctx.api(.GET, "/api/v1/neighbour-groups/\(g.id)", token: t).status == .ok)
            #expect(try await ctx.api(.GET, "/api/v1/neighbour-groups/\(g.id)", token: other).status == .notFound)
            #expect(try await ctx.api(.GET, "/api/v1/neighbour-groups/\(g.id)", token: insp).status == .ok)
            #expect(
                try await ctx.api(.GET, "/api/v1/neighbour-groups", token: other).content.decode(ListPage<NeighbourGroupDTO>.self).total
                    == 0)
            let listed = try await ctx.api(.GET, "/api/v1/neighbour-groups?unit=\(Codes.tiaoguan)", token: t)
            #expect(try listed.content.decode(ListPage<NeighbourGroupDTO>.self).total == 1, "a unit outside answers for her own")
            for who in ["vol", "renshe"] {
                let tok = try await ctx.token(who)
                #expect(try await ctx.api(.GET, "/api/v1/neighbour-groups", token: tok).status == .forbidden, "\(who)")
                #expect(try await ctx.api(.GET, "/api/v1/neighbour-groups/\(g.id)", token: tok).status == .forbidden, "\(who)")
                #expect(try await ctx.api(.POST, "/api/v1/neighbour-groups", token: tok, body: ctx.json(second)).status == .forbidden)
            }

            // A PATCH changes what it sends; dissolving frees the households for another group, and not back.
            let path = "/api/v1/neighbour-groups/\(g.id)"
            #expect(try await ctx.api(.PATCH, path, token: other, body: ctx.json(["name": "x"])).status == .notFound)
            #expect(try await ctx.api(.PATCH, path, token: insp, body: ctx.json(["name": "x"])).status == .forbidden)
            let renamed = try await ctx.api(.PATCH, path, token: t, body: ctx.json(["name": "东头第一互助组"]))
            #expect(try renamed.content.decode(NeighbourGroupDTO.self).name == "东头第一互助组" && renamed.status == .ok)
            let dissolved = try await ctx.api(.PATCH, path, token: t, body: ctx.json(["status": "dissolved"]))
            #expect(try dissolved.content.decode(NeighbourGroupDTO.self).status == "dissolved")
            #expect(try await ctx.api(.POST, "/api/v1/neighbour-groups", token: t, body: ctx.json(second)).status == .created)
            let back = try await ctx.api(.PATCH, path, token: t, body: ctx.json(["status": "active"]))
            #expect(back.status == .unprocessableEntity)
            #expect(try StationTests.errorFields(back) == ["members"])
            let updates = try await AuditEntry.query(on: ctx.app.db).filter(\.$recordID == g.id).filter(\.$action == "update").all()
            #expect(updates.count == 2)
            #expect(updates.contains { $0.changes.contains("\"status\":{\"after\":\"dissolved\",\"before\":\"active\"}") })
            let activity = NeighbourActivityInput(kind: "safety_watch", date: "2026-11-17")
            let late = try await ctx.api(.POST, path + "/activities", token: t, body: ctx.json(activity))
            #expect(late.status == .conflict, "a dissolved group records nothing new")
        }
    }

    @Test func suggestionsActivitiesConcernsAndCoverage() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("insp", .inspector, Codes.county)
            let t = try await ctx.token("town"), insp = try await ctx.token("insp")
            var homes: [Home] = []
            for i in 0..<4 { homes.append(try await Self.home(ctx, t, order: i)) }
            let plain = [
                try await Self.plainHousehold(ctx, t, address: "石华堰村三组12号"), try await Self.plainHousehold(ctx, t, address: "石华堰村三组14号"),
            ]

            // Suggestions: nothing saved; every household of the village, in groups each holding a left-behind one.
            let s = try await ctx.api(
                .POST, "/api/v1/neighbour-groups/suggestions", token: t, body: ctx.json(["villageCode": Codes.shihuayan]))
            #expect(s.status == .ok, "\(s.body.string)")
            let sug = try s.content.decode(GroupingSuggestionsDTO.self)
            let all = Set(homes.map(\.household) + plain)
            #expect(Set(sug.groups.flatMap(\.householdIds) + sug.ungrouped) == all)
            #expect(Set(sug.groups.flatMap(\.householdIds)).isSuperset(of: homes.map(\.household)), "every left-behind household grouped")
            #expect(sug.groups.allSatisfy { (3...10).contains($0.householdIds.count) && !$0.reasons.isEmpty })
            #expect(try await NeighbourGroup.query(on: ctx.app.db).count() == 0)
            let town = try await ctx.api(
                .POST, "/api/v1/neighbour-groups/suggestions", token: t, body: ctx.json(["villageCode": Codes.taohuashan]))
            #expect(town.status == .unprocessableEntity)
            #expect(try StationTests.errorFields(town) == ["villageCode"])
            let far = try await ctx.api(
                .POST, "/api/v1/neighbour-groups/suggestions", token: t, body: ctx.json(["villageCode": Codes.tiaoguanVillage]))
            #expect(far.status == .notFound)
            let byInspector = try await ctx.api(
                .POST, "/api/v1/neighbour-groups/suggestions", token: insp, body: ctx.json(["villageCode": Codes.shihuayan]))
            #expect(byInspector.status == .forbidden)

            let created = try await ctx.api(
                .POST, "/api/v1/neighbour-groups", token: t,
                body: ctx.json(Self.group("三组互助组", [homes[0].household, homes[1].household, plain[0]], leader: homes[0].guardian)))
            #expect(created.status == .created, "\(created.body.string)")
            let g = try created.content.decode(NeighbourGroupDTO.self)
            let again = try await ctx.api(
                .POST, "/api/v1/neighbour-groups/suggestions", token: t, body: ctx.json(["villageCode": Codes.shihuayan]))
            let rest = try again.content.decode(GroupingSuggestionsDTO.self)
            #expect(Set(rest.groups.flatMap(\.householdIds) + rest.ungrouped) == [homes[2].household, homes[3].household, plain[1]])

            // Activities: checked, recorded, audited on the group.
            let path = "/api/v1/neighbour-groups/\(g.id)"
            let badActivity = try await ctx.api(
                .POST, path + "/activities", token: t, body: ctx.json(NeighbourActivityInput(kind: "party", date: "2099-01-01")))
            #expect(badActivity.status == .unprocessableEntity)
            #expect(try StationTests.errorFields(badActivity) == ["kind", "date"])
            let act = try await ctx.api(
                .POST, path + "/activities", token: t,
                body: ctx.json(NeighbourActivityInput(kind: "emotional_support", date: "2026-11-15", note: "陪孩子写作业")))
            #expect(act.status == .created, "\(act.body.string)")
            #expect(
                try await ctx.api(.POST, path + "/activities", token: insp, body: ctx.json(NeighbourActivityInput(kind: "production")))
                    .status == .forbidden)
            let shown = try await ctx.api(.GET, path, token: insp).content.decode(NeighbourGroupDTO.self)
            #expect(shown.activities?.map(\.kind) == ["emotional_support"])

            // A concern about a child of the group files a mandatory report naming the leader; another child is refused.
            let outsider = try await ctx.api(
                .POST, path + "/concerns", token: t, body: ctx.json(["childId": homes[3].child, "seen": "孩子晚上一个人在家"]))
            #expect(outsider.status == .unprocessableEntity)
            #expect(try StationTests.errorFields(outsider) == ["childId"])
            #expect(try await Report.query(on: ctx.app.db).count() == 0)
            let concern = try await ctx.api(
                .POST, path + "/concerns", token: t, body: ctx.json(["childId": homes[1].child, "seen": "孩子晚上一个人在家"]))
            #expect(concern.status == .created, "\(concern.body.string)")
            let filed = try concern.content.decode(DeskAPIController.ConcernDTO.self)
            let report = try #require(try await Report.find(UUID(uuidString: filed.reportId), on: ctx.app.db))
            #expect(report.reporter == "林奶奶0（联户长）" && report.childID.uuidString == homes[1].child && report.seen == "孩子晚上一个人在家")
            #expect(report.reporterContact == "13900000002", "the leader's phone")
            let trail = try await AuditEntry.query(on: ctx.app.db).filter(\.$recordType == "group").filter(\.$recordID == g.id).all()
            #expect(trail.contains { $0.changes.contains(filed.reportId) } && trail.contains { $0.changes.contains("emotional_support") })

            // Coverage: 2 of the 4 left-behind households are in an active group, one level down by village.
            let cov = try await ctx.api(.GET, "/api/v1/neighbour-groups/coverage?unit=\(Codes.taohuashan)", token: t)
            #expect(cov.status == .ok, "\(cov.body.string)")
            let c = try cov.content.decode(NeighbourCoverageDTO.self)
            #expect(c.unit.unitCode == Codes.taohuashan && c.unit.leftBehindHouseholds == 4 && c.unit.grouped == 2 && c.unit.rate == 0.5)
            let row = try #require(c.rows.first { $0.unitCode == Codes.shihuayan })
            #expect(row.leftBehindHouseholds == 4 && row.grouped == 2)
            #expect(c.rows.filter { $0.unitCode != Codes.shihuayan }.allSatisfy { $0.leftBehindHouseholds == 0 })
            let outside = try await ctx.api(.GET, "/api/v1/neighbour-groups/coverage?unit=\(Codes.tiaoguan)", token: t)
            #expect(try outside.content.decode(NeighbourCoverageDTO.self).unit.unitCode == Codes.taohuashan, "outside: her own")
            let county = try await ctx.api(.GET, "/api/v1/neighbour-groups/coverage", token: insp).content.decode(NeighbourCoverageDTO.self)
            #expect(county.unit.unitCode == Codes.county && county.unit.grouped == 2)
            #expect(county.rows.first { $0.unitCode == Codes.taohuashan }?.leftBehindHouseholds == 4)
        }
    }

    /// The pages: a list with coverage, the suggestions, the form prefilled from one, a group's page with its forms.
    @Test func thePagesFormAGroupFromASuggestion() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let t = try await ctx.token("cun")
            var homes: [Home] = []
            for i in 0..<3 { homes.append(try await Self.home(ctx, t, order: i)) }
            var b = Browser(ctx)
            try await b.login("cun")
            let list = try await b.get("/neighbour-groups")
            #expect(list.status == .ok && list.body.string.contains("邻里互助组") && list.body.string.contains("留守家庭 3 户"))
            let sug = try await b.get("/neighbour-groups/suggestions?villageCode=\(Codes.shihuayan)")
            #expect(sug.status == .ok && sug.body.string.contains("按此建组"), "\(sug.body.string.prefix(400))")
            let link = try #require(sug.body.string.firstMatch(of: /href="(\/neighbour-groups\/new\?[^"]+)"/)).1
            let form = try await b.get(String(link).replacingOccurrences(of: "&amp;", with: "&"))
            #expect(form.status == .ok)
            for h in homes { #expect(form.body.string.contains("value=\"\(h.household)\" selected"), "prefilled \(h.household)") }
            #expect(form.body.string.contains("林奶奶0"), "the leader offered among the residents")

            var fields: [(String, String)] = [
                ("_csrf", b.csrf), ("villageCode", Codes.shihuayan), ("name", "一组互助组"), ("leaderPersonId", homes[0].guardian),
            ]
            for h in homes { fields += [("householdId", h.household), ("consentedOn", "2026-11-02")] }
            fields += [("householdId", ""), ("consentedOn", "")]
            let bad = try await Self.post(&b, "/neighbour-groups/new", fields.filter { $0.0 != "name" })
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("组名"))
            let res = try await Self.post(&b, "/neighbour-groups/new", fields)
            #expect(res.status == .seeOther, "\(res.body.string.prefix(600))")
            let location = try #require(res.headers.first(name: .location))
            let page = try await b.get(location)
            #expect(page.status == .ok && page.body.string.contains("一组互助组") && page.body.string.contains("林奶奶0"))
            let added = try await b.post(location + "/activities", ["kind": "daily_life", "date": "2026-11-16", "note": "帮忙收稻谷"])
            #expect(added.status == .seeOther)
            #expect(try await b.get(location).body.string.contains("帮忙收稻谷"))
            let noSeen = try await b.post(location + "/concerns", ["childId": homes[2].child, "seen": ""])
            #expect(noSeen.status == .unprocessableEntity)
            let filed = try await b.post(location + "/concerns", ["childId": homes[2].child, "seen": "孩子身上有伤"])
            #expect(filed.status == .seeOther)
            #expect(try await Report.query(on: ctx.app.db).count() == 1)
            let edit = try await b.get(location + "/edit")
            #expect(edit.status == .ok && edit.body.string.contains("已解散"))
            let en = try await b.get("/lang/en")
            _ = en
            #expect(try await b.get("/neighbour-groups").body.string.contains("Neighbour groups"))
        }
    }

    /// A form with repeated names (the member rows), as a browser sends it.
    static func post(_ b: inout Browser, _ path: String, _ fields: [(String, String)]) async throws -> TestingHTTPResponse {
        var comps = URLComponents()
        comps.queryItems = fields.map { URLQueryItem(name: $0.0, value: $0.1) }
        let body = (comps.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        let res = try await b.ctx.app.testing().sendRequest(
            .POST, path, headers: ["Cookie": b.cookieHeader, "Content-Type": "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body))
        b.absorb(res)
        return res
    }
}
