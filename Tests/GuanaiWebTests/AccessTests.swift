import Testing
import VaporTesting
import Fluent
import GuanaiCore
@testable import GuanaiWeb

/// The role × action table over HTTP: each role against a record inside its jurisdiction and one outside.
@Suite struct AccessTests {
    /// Where each role's test account sits, and a unit outside its jurisdiction.
    static func placement(_ role: Role) -> (unit: String, outside: String) {
        switch role {
        case .townshipStaff: return (Codes.taohuashan, Codes.tiaoguanVillage)
        case .villageWorker, .volunteer: return (Codes.shihuayan, Codes.xiaoshiqiao)
        case .cityAdmin, .partnerHealth, .partnerHR, .partnerJustice, .inspector: return (Codes.county, "421002001001")
        }
    }

    @Test(arguments: Role.allCases)
    func roleActionCellsInAndOutOfJurisdiction(_ role: Role) async throws {
        try await withTestApp { ctx in
            // A second county, so county-level roles also have something outside their jurisdiction.
            _ = try await UnitService.ensureLoaded(county: "421002", on: ctx.app.db, at: ctx.clock.now())
            let (unit, outside) = Self.placement(role)
            try await ctx.makeUser("actor", role, unit)
            // Targets: a volunteer account in the same unit (so every role, even a volunteer, has one in reach) and one outside.
            let inside = try await ctx.makeUser("target.in", .volunteer, role.allowedLevels.contains(.village) ? unit : Codes.shihuayan)
            let outsideTarget = try await ctx.makeUser("target.out", .volunteer, outside)
            let token = try await ctx.token("actor")
            let canAccounts = Policy.canRead(role, .account)
            let inID = inside.id!.uuidString, outID = outsideTarget.id!.uuidString

            // Page and API detail.
            var b = Browser(ctx)
            try await b.login("actor")
            let pageIn = try await b.get("/accounts/\(inID)")
            #expect(pageIn.status == (canAccounts ? .ok : .forbidden), "page in: \(role)")
            #expect(try await b.get("/accounts/\(outID)").status == .notFound, "page out: \(role)")
            #expect(try await ctx.api(.GET, "/api/v1/accounts/\(inID)", token: token).status == (canAccounts ? .ok : .forbidden))
            let apiOut = try await ctx.api(.GET, "/api/v1/accounts/\(outID)", token: token)
            #expect(apiOut.status == .notFound)
            #expect(!apiOut.body.string.contains("target.out"), "no data leaks out of jurisdiction")

            // reveal_id
            let reveal = try await ctx.api(.POST, "/api/v1/accounts/\(inID)/reveal-phone", token: token)
            #expect(reveal.status == (canAccounts && Policy.allows(role, .revealID) ? .ok : .forbidden), "reveal in: \(role)")
            #expect(
                try await ctx.api(.POST, "/api/v1/accounts/\(outID)/reveal-phone", token: token).status == .notFound, "reveal out: \(role)")

            // export
            let exportIn = try await ctx.api(.GET, "/api/v1/units/export?unit=\(unit)", token: token)
            #expect(exportIn.status == (Policy.allows(role, .export) ? .ok : .forbidden), "export in: \(role)")
            #expect(
                try await ctx.api(.GET, "/api/v1/units/export?unit=\(outside)", token: token).status == .notFound, "export out: \(role)")
            let accountsCSV = try await ctx.api(.GET, "/api/v1/accounts/export", token: token)
            #expect(accountsCSV.status == (canAccounts && Policy.allows(role, .export) ? .ok : .forbidden))
            if accountsCSV.status == .ok { #expect(!accountsCSV.body.string.contains("target.out")) }

            // manage_accounts
            let disableIn = try await ctx.api(.POST, "/api/v1/accounts/\(inID)/disable", token: token)
            #expect(disableIn.status == (canAccounts && Policy.allows(role, .manageAccounts) ? .ok : .forbidden), "manage in: \(role)")
            #expect(try await ctx.api(.POST, "/api/v1/accounts/\(outID)/disable", token: token).status == .notFound, "manage out: \(role)")

            // manage_units
            let villageIn = role.allowedLevels.contains(.village) ? unit : Codes.shihuayan
            let rename = try await ctx.api(
                .PATCH, "/api/v1/units/\(villageIn)", token: token, body: ctx.json(["name": "石华堰新村", "reason": "测试"]))
            #expect(rename.status == (Policy.allows(role, .manageUnits) ? .ok : .forbidden), "units in: \(role)")
            let outVillage = outside
            #expect(
                try await ctx.api(.PATCH, "/api/v1/units/\(outVillage)", token: token, body: ctx.json(["name": "x村", "reason": "测试"]))
                    .status == .notFound, "units out: \(role)")

            // audit log: readable kinds only, and then only the jurisdiction's part.
            let audit = try await ctx.api(.GET, "/api/v1/audit", token: token)
            #expect(audit.status == (Policy.canRead(role, .audit) ? .ok : .forbidden))
        }
    }

    @Test func auditSearchIsScoped() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let far = try await ctx.makeUser("far", .villageWorker, Codes.tiaoguanVillage)
            _ = try await ctx.token("far")
            let t = try await ctx.token("town")
            let page = try await ctx.api(.GET, "/api/v1/audit?per=200", token: t).content.decode(ListPage<AuditEntryDTO>.self)
            #expect(!page.items.isEmpty)
            #expect(page.items.allSatisfy { $0.unitCode.hasPrefix("421081104") })
            #expect(!page.items.contains { $0.recordId == far.id!.uuidString })
        }
    }
}
