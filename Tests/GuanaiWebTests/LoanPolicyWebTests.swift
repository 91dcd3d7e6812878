import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// The loan policy as data (issue 18): the standard one until a city admin sets another, each bad field named,
/// every change audited, read by the labour department and the federations alike.
@Suite(.serialized) struct LoanPolicyWebTests {
    @Test func theCitySetsThePolicyAndEveryoneWhoWorksOnLoansReadsIt() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("renshe", .partnerHR, Codes.county)
            try await ctx.makeUser("weijian", .partnerHealth, Codes.county)
            let admin = try await ctx.token("admin"), town = try await ctx.token("town"), hr = try await ctx.token("renshe")
            let first = try await ctx.api(.GET, "/api/v1/loans/policy", token: hr)
            #expect(first.status == .ok)
            let standard = try first.content.decode(LoanPolicyInput.self)
            #expect(standard.individualMax == "200000.00" && standard.partnershipPercent == 110 && standard.maxTermMonths == 36)
            #expect(try await ctx.api(.GET, "/api/v1/loans/policy", token: try await ctx.token("weijian")).status == .forbidden)

            var next = standard
            next.lpr = (next.lpr ?? []) + [.init(from: "2026-10-20", rateBP: 290)]
            next.individualMax = "300000"
            #expect(try await ctx.api(.PUT, "/api/v1/loans/policy", token: town, body: ctx.json(next)).status == .forbidden)
            let saved = try await ctx.api(.PUT, "/api/v1/loans/policy", token: admin, body: ctx.json(next))
            #expect(saved.status == .ok, "\(saved.body.string)")
            let back = try await ctx.api(.GET, "/api/v1/loans/policy", token: town).content.decode(LoanPolicyInput.self)
            #expect(back.individualMax == "300000.00" && back.lpr?.last?.rateBP == 290)
            let trail = try await AuditEntry.query(on: ctx.app.db).filter(\.$recordType == AuditSubject.settings.rawValue).all()
            #expect(trail.count == 1)

            var bad = next
            bad.maxAge = 15
            bad.individualMax = "-1"
            bad.lpr = []
            let refused = try await ctx.api(.PUT, "/api/v1/loans/policy", token: admin, body: ctx.json(bad))
            #expect(refused.status == .unprocessableEntity)
            #expect(try StationTests.errorFields(refused) == ["individualMax", "maxAge", "lpr"])
            let kept = try await ctx.api(.GET, "/api/v1/loans/policy", token: admin).content.decode(LoanPolicyInput.self)
            #expect(kept.individualMax == "300000.00")
        }
    }

    @Test func eligibilityIsAnsweredWithEveryReasonAndSavesNothing() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("vol", .volunteer, Codes.shihuayan)
            let t = try await ctx.token("cun")
            let made = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(ChildBody()))
            #expect(made.status == .created)
            let mother = try #require(try await Person.query(on: ctx.app.db).filter(\.$name == "李秀英").first())
            let father = try #require(try await Person.query(on: ctx.app.db).filter(\.$name == "王大山").first())
            func ask(_ body: LoanApplicationInput, _ token: String) async throws -> TestingHTTPResponse {
                try await ctx.api(.POST, "/api/v1/loans/eligibility", token: token, body: ctx.json(body))
            }
            let ok = try await ask(.init(personId: mother.id!.uuidString, kind: "individual", amount: "200000.00", termMonths: 36), t)
            #expect(ok.status == .ok, "\(ok.body.string)")
            let yes = try ok.content.decode(LoanEligibilityDTO.self)
            #expect(yes.eligible && yes.maxAmount == "200000.00" && yes.reasons.isEmpty)

            let partners = LoanApplicationInput(
                personId: mother.id!.uuidString, kind: "partnership", amount: "400000.01", termMonths: 37,
                partnerIds: [father.id!.uuidString, UUID().uuidString])
            let no = try await ask(partners, t).content.decode(LoanEligibilityDTO.self)
            #expect(!no.eligible && no.maxAmount == "660000.00")
            #expect(no.reasons.map(\.field) == ["partnerIds[0]", "partnerIds[1]", "termMonths"])
            #expect(no.reasons.first?.code == "loan.female" && no.reasons.last?.message.contains("36") == true)
            #expect(try await ask(partners, try await ctx.token("vol")).status == .forbidden)
            #expect(try await AuditEntry.query(on: ctx.app.db).filter(\.$recordType == AuditSubject.employment.rawValue).count() == 0)
            #expect(try await Loan.query(on: ctx.app.db).count() == 0)
        }
    }
}
