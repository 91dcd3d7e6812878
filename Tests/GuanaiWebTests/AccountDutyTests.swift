import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// Duties beyond a role (issues 19 and 20): given by a city admin, only to the roles that may hold them, audited.
@Suite(.serialized) struct AccountDutyTests {
    @Test func aCityAdminGivesDutiesToTheRolesThatMayHoldThem() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let sifa = try await ctx.makeUser("sifa", .partnerJustice, Codes.county)
            let other = try await ctx.makeUser("admin2", .cityAdmin, Codes.county)
            let cun = try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let admin = try await ctx.token("admin"), town = try await ctx.token("town")
            func put(_ u: User, _ duties: [String], _ token: String) async throws -> TestingHTTPResponse {
                try await ctx.api(
                    .PUT, "/api/v1/accounts/\(u.id!.uuidString)/duties", token: token, body: ctx.json(DutiesInput(duties: duties)))
            }
            let ok = try await put(sifa, ["rights_officer"], admin)
            #expect(ok.status == .ok, "\(ok.body.string)")
            #expect(try ok.content.decode(AccountDTO.self).duties == ["rights_officer"])
            let both = try await put(other, ["health_officer", "rights_officer", "health_officer"], admin)
            #expect(try both.content.decode(AccountDTO.self).duties == ["rights_officer", "health_officer"])

            // A justice account holds no health duty, a village worker none at all: each refused by its place.
            let refused = try await put(sifa, ["rights_officer", "health_officer"], admin)
            #expect(refused.status == .unprocessableEntity)
            #expect(try StationTests.errorFields(refused) == ["duties[1]"])
            #expect(try await put(cun, ["nurse"], admin).status == .unprocessableEntity)
            let missing = try await ctx.api(
                .PUT, "/api/v1/accounts/\(cun.id!.uuidString)/duties", token: admin, body: ByteBuffer(string: "{}"))
            #expect(missing.status == .unprocessableEntity)
            #expect(try StationTests.errorFields(missing) == ["duties"])
            #expect(try await User.find(sifa.id, on: ctx.app.db)?.dutiesText == "rights_officer")

            // Township staff manage accounts, but duties are the city's to give.
            #expect(try await put(cun, [], town).status == .forbidden)
            let cleared = try await put(sifa, [], admin)
            #expect(try cleared.content.decode(AccountDTO.self).duties == [])
            let trail = try await AuditEntry.query(on: ctx.app.db).filter(\.$recordID == sifa.id!.uuidString).filter(\.$action == "update")
                .all()
            #expect(trail.count == 2)
        }
    }
}
