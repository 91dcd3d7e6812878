import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// Candidate sites and siting on the web: who may, what is refused, and a plan that goes where the risk is.
@Suite(.serialized) struct SitingWebTests {
    @Test func sitingPicksThePlaceReachingTheRiskiestUncoveredChildren() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("far", .townshipStaff, Codes.tiaoguan)
            let town = try await ctx.token("town"), cun = try await ctx.token("cun"), far = try await ctx.token("far")
            // Two children at home near 小石桥村's school (one alone, so critical), one near 石华堰村's committee.
            func child(_ order: Int, village: String, at p: GeoPoint, alone: Bool) async throws {
                var b = ChildBody()
                b.idNumber = Synthetic.id(2014 + order % 5, 1 + order % 12, 6, order: order)
                b.villageCode = village
                if alone { b.livingArrangement = "alone"; b.guardian = nil }
                let res = try await ctx.api(.POST, "/api/v1/children", token: town, body: ctx.json(b))
                #expect(res.status == .created, "\(res.body.string)")
                let k = try #require(try await Child.find(UUID(uuidString: try res.content.decode(ChildDTO.self).id), on: ctx.app.db))
                let h = Household()
                h.id = UUID(); h.unitCode = village; h.address = "\(order)号"; h.latitude = p.latitude; h.longitude = p.longitude
                h.poverty = PovertyStatus.none.rawValue; h.createdAt = ctx.clock.now()
                try await h.create(on: ctx.app.db)
                k.householdID = h.id
                try await k.save(on: ctx.app.db)
            }
            try await child(361, village: Codes.xiaoshiqiao, at: GeoPoint(latitude: 29.801, longitude: 112.5), alone: true)
            try await child(362, village: Codes.xiaoshiqiao, at: GeoPoint(latitude: 29.802, longitude: 112.5), alone: false)
            try await child(363, village: Codes.shihuayan, at: GeoPoint(latitude: 29.6, longitude: 112.5), alone: false)
            let point = try await ctx.api(
                .PUT, "/api/v1/units/\(Codes.shihuayan)/point", token: town,
                body: ctx.json(UnitPointInput(latitude: 29.6, longitude: 112.5)))
            #expect(point.status == .ok)

            // Sites: written by who approves, checked field by field, another township's unit not there.
            let school = SiteInput(name: "小石桥小学", kind: "school", unitCode: Codes.xiaoshiqiao, latitude: 29.8, longitude: 112.5)
            #expect(try await ctx.api(.POST, "/api/v1/sites", token: cun, body: ctx.json(school)).status == .forbidden)
            let bad = try await ctx.api(
                .POST, "/api/v1/sites", token: town,
                body: ctx.json(SiteInput(name: " ", kind: "barn", unitCode: Codes.xiaoshiqiao, latitude: 29.8)))
            #expect(try StationTests.errorFields(bad) == ["name", "kind", "longitude"], "\(bad.body.string)")
            var outside = school
            outside.unitCode = Codes.tiaoguanVillage
            #expect(try await ctx.api(.POST, "/api/v1/sites", token: town, body: ctx.json(outside)).status == .notFound)
            let created = try await ctx.api(.POST, "/api/v1/sites", token: town, body: ctx.json(school))
            #expect(created.status == .created, "\(created.body.string)")
            let site = try created.content.decode(SiteDTO.self)
            #expect(try await ctx.api(.GET, "/api/v1/sites/\(site.id)", token: far).status == .notFound)
            #expect(
                try await ctx.api(.GET, "/api/v1/sites", token: cun).content.decode(ListPage<SiteDTO>.self).total == 0, "not her village")

            // One station: the school, reaching the two children of 小石桥村 (weights 8 + 2), over the committee (2).
            let refused = try await ctx.api(
                .POST, "/api/v1/stations/siting", token: town, body: ctx.json(SitingInput(count: 0, reachMetres: 50)))
            #expect(try StationTests.errorFields(refused) == ["count", "reachMetres"])
            #expect(
                try await ctx.api(.POST, "/api/v1/stations/siting", token: cun, body: ctx.json(SitingInput(count: 1))).status == .forbidden)
            let one = try await ctx.api(.POST, "/api/v1/stations/siting", token: town, body: ctx.json(SitingInput(count: 1)))
            #expect(one.status == .ok, "\(one.body.string)")
            let plan = try one.content.decode(SitingDTO.self)
            #expect(plan.sites.map(\.siteId) == [site.id] && plan.sites[0].newlyCovered == 2, "\(plan)")
            #expect(plan.objective <= plan.upperBound && plan.optimal)
            let two = try await ctx.api(.POST, "/api/v1/stations/siting", token: town, body: ctx.json(SitingInput(count: 2)))
                .content.decode(SitingDTO.self)
            #expect(Set(two.sites.map(\.siteId)) == [site.id, Codes.shihuayan] && two.objective == plan.objective + two.sites[1].weight)
            // Only the sites named: without the school, the committee is all there is.
            let named = try await ctx.api(
                .POST, "/api/v1/stations/siting", token: town, body: ctx.json(SitingInput(count: 2, siteIds: []))
            )
            .content.decode(SitingDTO.self)
            #expect(named.sites.map(\.siteId) == [Codes.shihuayan])

            var browser = Browser(ctx)
            try await browser.login("town")
            let page = try await browser.get("/stations/siting?unit=\(Codes.taohuashan)&count=2")
            #expect(page.status == .ok && page.body.string.contains("<svg") && page.body.string.contains("小石桥小学"))
        }
    }

    @Test func aUnitsPointIsSetOnItsPageByWhoApproves() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            var cun = Browser(ctx)
            try await cun.login("cun")
            #expect(!(try await cun.get("/units/\(Codes.shihuayan)").body.string.contains("/point")), "no form for her")
            #expect(try await cun.post("/units/\(Codes.shihuayan)/point", ["latitude": "29.6", "longitude": "112.5"]).status == .forbidden)
            var town = Browser(ctx)
            try await town.login("town")
            let bad = try await town.post("/units/\(Codes.shihuayan)/point", ["latitude": "二十九", "longitude": "112.5"])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("二十九"), "what was typed comes back")
            #expect(try await town.post("/units/\(Codes.shihuayan)/point", ["latitude": "29.6", "longitude": "112.5"]).status == .seeOther)
            let u = try #require(try await Unit.find(Codes.shihuayan, on: ctx.app.db))
            #expect(u.latitude == 29.6 && u.longitude == 112.5)
            #expect(
                try await town.post("/units/\(Codes.tiaoguanVillage)/point", ["latitude": "29.6", "longitude": "112.5"]).status == .notFound
            )
        }
    }
}
