import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// 留守儿童服务站, first slice: stations as records, and units' points.
@Suite(.serialized) struct StationTests {
    static let good = StationInput(
        name: "石华堰村留守儿童服务站", unitCode: Codes.shihuayan, host: "village_committee", address: "石华堰村委会二楼", latitude: 29.65,
        longitude: 112.48, capacity: 40, schedule: ["weekends", "after_school"], staff: [.init(name: "站长甲", phone: "13900001111")],
        facilities: "图书角、作业桌", openedOn: "2026-09-01")

    static func errorFields(_ res: TestingHTTPResponse) throws -> Set<String> {
        Set((try res.content.decode(APIErrorBody.self).error.fields ?? []).map(\.field))
    }

    @Test func registeringIsCheckedScopedAndAudited() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("tiaoguan", .townshipStaff, Codes.tiaoguan)
            try await ctx.makeUser("insp", .inspector, Codes.county)
            try await ctx.makeUser("vol", .volunteer, Codes.shihuayan)
            try await ctx.makeUser("renshe", .partnerHR, Codes.county)
            let t = try await ctx.token("cun"), other = try await ctx.token("tiaoguan"), insp = try await ctx.token("insp")

            // Every bad field named at once, nothing saved.
            var bad = Self.good
            bad.name = " "
            bad.host = "barn"
            bad.capacity = 501
            bad.schedule = []
            bad.staff = [.init(name: "", phone: "123")]
            bad.latitude = 95
            bad.status = "open"
            bad.closedOn = "2026-10-01"
            let refused = try await ctx.api(.POST, "/api/v1/stations", token: t, body: ctx.json(bad))
            #expect(refused.status == .unprocessableEntity)
            #expect(
                try Self.errorFields(refused) == [
                    "name", "host", "capacity", "schedule", "staff[0].name", "staff[0].phone", "latitude", "closedOn",
                ], "\(refused.body.string)")
            #expect(try await Station.query(on: ctx.app.db).count() == 0)
            // A unit outside the jurisdiction is not there for her; the county is no village or township.
            var far = Self.good
            far.unitCode = Codes.tiaoguanVillage
            #expect(try await ctx.api(.POST, "/api/v1/stations", token: t, body: ctx.json(far)).status == .notFound)
            var county = Self.good
            county.unitCode = Codes.county
            let c = try await ctx.api(.POST, "/api/v1/stations", token: try await ctx.token("insp"), body: ctx.json(county))
            #expect(c.status == .forbidden, "the inspector reads only")

            let res = try await ctx.api(.POST, "/api/v1/stations", token: t, body: ctx.json(Self.good))
            #expect(res.status == .created, "\(res.body.string)")
            let s = try res.content.decode(StationDTO.self)
            #expect(s.schedule == ["after_school", "weekends"], "stored in the tokens' order")
            #expect(s.status == "open" && s.enrolled == 0 && s.capacity == 40 && s.staff.first?.phone == "13900001111")
            let created = try #require(
                try await AuditEntry.query(on: ctx.app.db).filter(\.$recordType == "station").filter(\.$recordID == s.id).first())
            #expect(created.action == "create" && created.unitCode == Codes.shihuayan && created.changes.contains("石华堰村留守儿童服务站"))

            // Reads: inside yes, another township no, the inspector yes, a volunteer and a partner never.
            #expect(try await ctx.api(.GET, "/api/v1/stations/\(s.id)", token: t).status == .ok)
            #expect(try await ctx.api(.GET, "/api/v1/stations/\(s.id)", token: other).status == .notFound)
            #expect(try await ctx.api(.GET, "/api/v1/stations/\(s.id)", token: insp).status == .ok)
            #expect(try await ctx.api(.GET, "/api/v1/stations", token: other).content.decode(ListPage<StationDTO>.self).total == 0)
            #expect(
                try await ctx.api(.GET, "/api/v1/stations?unit=\(Codes.shihuayan)", token: insp).content.decode(ListPage<StationDTO>.self)
                    .total == 1)
            #expect(
                try await ctx.api(.GET, "/api/v1/stations?unit=\(Codes.xiaoshiqiao)", token: insp).content.decode(ListPage<StationDTO>.self)
                    .total == 0)
            for who in ["vol", "renshe"] {
                let tok = try await ctx.token(who)
                #expect(try await ctx.api(.GET, "/api/v1/stations", token: tok).status == .forbidden, "\(who)")
                #expect(try await ctx.api(.GET, "/api/v1/stations/\(s.id)", token: tok).status == .forbidden, "\(who)")
                #expect(try await ctx.api(.POST, "/api/v1/stations", token: tok, body: ctx.json(Self.good)).status == .forbidden, "\(who)")
            }

            // Closing needs the day; a PATCH changes only what it sends, and the trail shows before and after.
            let noDay = try await ctx.api(.PATCH, "/api/v1/stations/\(s.id)", token: t, body: ctx.json(["status": "closed"]))
            #expect(noDay.status == .ok, "a closed station may leave its closing day blank: \(noDay.body.string)")
            let reopened = try await ctx.api(
                .PATCH, "/api/v1/stations/\(s.id)", token: t, body: ctx.json(["status": "open", "closedOn": "2026-11-01"]))
            #expect(reopened.status == .unprocessableEntity)
            #expect(try Self.errorFields(reopened) == ["closedOn"])
            let closed = try await ctx.api(
                .PATCH, "/api/v1/stations/\(s.id)", token: t, body: ctx.json(["closedOn": "2026-11-01"]))
            #expect(closed.status == .ok, "\(closed.body.string)")
            let after = try closed.content.decode(StationDTO.self)
            #expect(after.status == "closed" && after.closedOn == "2026-11-01" && after.name == Self.good.name && after.capacity == 40)
            #expect(try await ctx.api(.PATCH, "/api/v1/stations/\(s.id)", token: other, body: ctx.json(["name": "x"])).status == .notFound)
            #expect(try await ctx.api(.PATCH, "/api/v1/stations/\(s.id)", token: insp, body: ctx.json(["name": "x"])).status == .forbidden)
            let updates = try await AuditEntry.query(on: ctx.app.db).filter(\.$recordID == s.id).filter(\.$action == "update").all()
            #expect(updates.count == 2)
            #expect(updates.contains { $0.changes.contains("\"closedOn\":{\"after\":\"2026-11-01\",\"before\":\"\"}") })
        }
    }

    @Test func volunteersMustBeInTheJurisdiction() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            let tt = try await ctx.token("town"), admin = try await ctx.token("admin")
            let mine = try await CampaignTests.volunteer(ctx, tt, name: "刘爱华", unit: Codes.shihuayan, order: 224)
            let far = try await CampaignTests.volunteer(ctx, admin, name: "周远方", unit: Codes.tiaoguanVillage, order: 244)
            var input = Self.good
            input.volunteerIds = [mine.id, far.id, "not-an-id"]
            let refused = try await ctx.api(.POST, "/api/v1/stations", token: tt, body: ctx.json(input))
            #expect(try Self.errorFields(refused) == ["volunteerIds[1]", "volunteerIds[2]"], "\(refused.body.string)")
            input.volunteerIds = [mine.id, mine.id]
            let res = try await ctx.api(.POST, "/api/v1/stations", token: tt, body: ctx.json(input))
            #expect(res.status == .created, "\(res.body.string)")
            let s = try res.content.decode(StationDTO.self)
            #expect(s.volunteerIds == [mine.id])
            let cleared = try await ctx.api(.PATCH, "/api/v1/stations/\(s.id)", token: tt, body: ctx.json(["volunteerIds": [String]()]))
            #expect(try cleared.content.decode(StationDTO.self).volunteerIds == [])
            #expect(try await StationVolunteer.query(on: ctx.app.db).count() == 0)
        }
    }

    @Test func aUnitsPointIsApprovedAndAudited() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("tiaoguan", .townshipStaff, Codes.tiaoguan)
            let t = try await ctx.token("cun"), tt = try await ctx.token("town"), other = try await ctx.token("tiaoguan")
            let unknown = try await ctx.api(.GET, "/api/v1/units/\(Codes.shihuayan)", token: t)
            #expect(unknown.body.string.contains("\"latitude\":null") && unknown.body.string.contains("\"longitude\":null"))

            let point = UnitPointInput(latitude: 29.6512, longitude: 112.4833)
            let path = "/api/v1/units/\(Codes.shihuayan)/point"
            #expect(try await ctx.api(.PUT, path, token: t, body: ctx.json(point)).status == .forbidden)
            #expect(try await ctx.api(.PUT, path, token: other, body: ctx.json(point)).status == .notFound)
            let half = try await ctx.api(.PUT, path, token: tt, body: ctx.json(UnitPointInput(latitude: 29.65)))
            #expect(half.status == .unprocessableEntity)
            #expect(try Self.errorFields(half) == ["longitude"])
            let set = try await ctx.api(.PUT, path, token: tt, body: ctx.json(point))
            #expect(set.status == .ok, "\(set.body.string)")
            let u = try await ctx.api(.GET, "/api/v1/units/\(Codes.shihuayan)", token: t).content.decode(UnitDTO.self)
            #expect(u.latitude == 29.6512 && u.longitude == 112.4833)
            let entry = try #require(
                try await AuditEntry.query(on: ctx.app.db).filter(\.$recordType == "unit").filter(\.$recordID == Codes.shihuayan)
                    .filter(\.$action == "update").first())
            #expect(entry.changes.contains("112.4833"))
        }
    }
}
