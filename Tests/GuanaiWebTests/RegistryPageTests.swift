import Testing
import VaporTesting
import Fluent
import GuanaiCore
@testable import GuanaiWeb

@Suite struct RegistryPageTests {
    static func form(_ b: ChildBody) -> [String: String] {
        var f: [String: String] = [
            "name": b.name, "idNumber": b.idNumber, "villageCode": b.villageCode, "hukou": b.hukou,
            "livingArrangement": b.livingArrangement, "ethnicity": "汉族",
        ]
        for (k, v) in b.father ?? [:] { f["father." + k] = v }
        for (k, v) in b.mother ?? [:] { f["mother." + k] = v }
        for (k, v) in b.guardian ?? [:] { f["guardian." + k] = v }
        return f
    }

    @Test func registerThroughTheFormWithACorrectionThenASibling() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            var b = Browser(ctx)
            try await b.login("cun")
            let page = try await b.get("/children/new")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("石华堰村"))
            var f = Self.form(ChildBody())
            let good = f["idNumber"]!
            f["idNumber"] = String(good.dropLast()) + (good.hasSuffix("1") ? "2" : "1")
            let bad = try await b.post("/children/new", f)
            #expect(bad.status == .unprocessableEntity)
            let html = bad.body.string
            #expect(html.contains("校验位"))
            #expect(html.contains("value=\"王小花\""), "what was typed is kept")
            #expect(html.contains("value=\"张桂兰\""))
            #expect(html.contains("value=\"广东东莞\""))
            f["idNumber"] = good
            let ok = try await b.post("/children/new", f)
            #expect(ok.status == .seeOther)
            let loc = try #require(ok.headers.first(name: .location))
            let detail = try await b.get(loc)
            #expect(detail.body.string.contains("留守儿童"))
            #expect(detail.body.string.contains("父母双方均外出务工"))
            #expect(!detail.body.string.contains(good), "ID masked by default")
            let childID = String(loc.dropFirst("/children/".count).prefix(36))

            // Sibling: the form comes pre-filled with the same parents and guardian.
            let sib = try await b.get("/children/new?sibling=\(childID)")
            #expect(sib.body.string.contains(ChildBody().father!["idNumber"]!))
            var sf = Self.form(ChildBody())
            sf["name"] = "王小军"
            sf["idNumber"] = Synthetic.id(2019, 7, 7, order: 131)
            #expect(try await b.post("/children/new", sf).status == .seeOther)
            let list = try await b.get("/children")
            #expect(list.body.string.contains("王小花") && list.body.string.contains("王小军"))
            #expect(try await Person.query(on: ctx.app.db).count() == 5)

            // The grandmother dies: recorded from the child's page, both children are reclassified and audited.
            let c = try #require(try await Child.find(UUID(uuidString: childID), on: ctx.app.db))
            let r = try await b.post(
                "/people/\(c.guardianID!)/update", ["vitalStatus": "deceased", "health": "healthy", "back": "/children/\(childID)"])
            #expect(r.status == .seeOther)
            let g = try #require(try await Person.find(c.guardianID, on: ctx.app.db))
            #expect(g.vitalStatus == "deceased")
            let after = try await b.get("/children/\(childID)")
            #expect(after.body.string.contains("已去世"))

            // Reveal shows the full number and is audited.
            let rev = try await b.post("/people/\(c.personID)/reveal", ["child": childID])
            #expect(rev.body.string.contains(good))
            #expect(try await ctx.auditCount(AuditAction.reveal, recordID: c.personID.uuidString) == 1)
        }
    }

    @Test func otherRolesAndJurisdiction() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("far", .villageWorker, Codes.xiaoshiqiao)
            try await ctx.makeUser("aixin", .volunteer, Codes.shihuayan)
            let t = try await ctx.token("cun")
            let c = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(ChildBody())).content.decode(ChildDTO.self)
            var far = Browser(ctx)
            try await far.login("far")
            #expect(try await far.get("/children/\(c.id)").status == .notFound)
            #expect(try await far.post("/people/\(c.personId)/update", ["vitalStatus": "deceased"]).status == .notFound)
            var v = Browser(ctx)
            try await v.login("aixin")
            #expect(try await v.get("/children").status == .forbidden)
            #expect(try await v.get("/children/\(c.id)").status == .forbidden)
            let home = try await v.get("/")
            #expect(!home.body.string.contains("儿童档案"))
            // A form body that is not valid percent-encoding is just an empty form, not a crash.
            var cun = Browser(ctx)
            try await cun.login("cun")
            let weird = try await ctx.app.testing().sendRequest(
                .POST, "/children/new", headers: ["Cookie": cun.cookieHeader, "Content-Type": "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "name=%zz&_csrf=\(cun.csrf)"))
            #expect(weird.status.code < 500)
        }
    }
}
