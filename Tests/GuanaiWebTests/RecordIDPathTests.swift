import Testing
import VaporTesting
import Fluent
import GuanaiCore
@testable import GuanaiWeb

/// Ids in paths are parsed once, into the record's typed id: the same texts reach the same records as before.
@Suite struct RecordIDPathTests {
    @Test func eitherCaseReachesTheRecordAndAnythingElseIsNotFound() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let t = try await ctx.token("cun")
            let created = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(ChildBody()))
            #expect(created.status == .created, "\(created.body.string)")
            let c = try created.content.decode(ChildDTO.self)
            #expect(ChildID(c.id)?.description == c.id, "the JSON carries the id as the typed id writes it")

            for text in [c.id, c.id.lowercased()] {
                let res = try await ctx.api(.GET, "/api/v1/children/\(text)", token: t)
                #expect(res.status == .ok, "\(text)")
                #expect(try res.content.decode(ChildDTO.self).id == c.id)
            }
            // Not an id, and an id of another kind of record (her father's person record) on a child's path.
            let fatherID = try #require(c.father?.id)
            for text in ["not-a-uuid", String(c.id.dropLast()), c.id + "0", fatherID] {
                #expect(try await ctx.api(.GET, "/api/v1/children/\(text)", token: t).status == .notFound, "\(text)")
            }
            #expect(try await ctx.api(.GET, "/api/v1/people/\(fatherID.lowercased())", token: t).status == .ok)

            // The pages read their ids the same way, and link with the text the JSON shows.
            var b = Browser(ctx)
            _ = try await b.login("cun")
            let page = try await b.get(SiteURL.child(ChildID(c.id)).path)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("/children/\(c.id)/edit"))
            #expect(try await b.get("/children/\(c.id.lowercased())").status == .ok)
            #expect(try await b.get("/children/not-a-uuid").status == .notFound)
            #expect(try await b.get("/children/\(fatherID)").status == .notFound)
        }
    }

    @Test func routesAreRegisteredWithTheParameterAndLinksWithTheID() {
        let id = ChildID(TimeOrderedID.next())
        #expect(SiteURL.child(nil).path == "/children/:id")
        #expect(SiteURL.child(id).path == "/children/\(id.uuid.uuidString)")
        #expect(SiteURL.pairAct(nil, "close").path == "/pairs/:id/close")
        #expect(SiteURL.history(of: id).path == "/history/child/\(id.uuid.uuidString)")
        #expect(SiteURL.history(of: UserID(id.uuid)).path == "/history/account/\(id.uuid.uuidString)")
    }
}
