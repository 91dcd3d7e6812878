import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// Donors and donations (issue 17, item 8): booking, allocations within the donation, the 公示, scope and roles.
@Suite(.serialized) struct DonationTests {
    static func errorFields(_ res: TestingHTTPResponse) throws -> Set<String> {
        Set((try res.content.decode(APIErrorBody.self).error.fields ?? []).map(\.field))
    }

    static func post<T: Decodable>(_ ctx: TestContext, _ path: String, _ token: String, _ body: some Encodable, as: T.Type) async throws
        -> T
    {
        let res = try await ctx.api(.POST, path, token: token, body: ctx.json(body))
        #expect(res.status == .created, "\(path): \(res.body.string)")
        return try res.content.decode(T.self)
    }

    @Test func bookingAllocatingAndTheNotice() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("other", .townshipStaff, Codes.tiaoguan)
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("insp", .inspector, Codes.county)
            try await ctx.makeUser("vol", .volunteer, Codes.shihuayan)
            try await ctx.makeUser("renshe", .partnerHR, Codes.county)
            let t = try await ctx.token("town"), other = try await ctx.token("other"), cun = try await ctx.token("cun")
            let insp = try await ctx.token("insp")

            // Every bad field at once, nothing saved; a unit outside is not there; the inspector and a village worker only read.
            let bad = try await ctx.api(
                .POST, "/api/v1/donors", token: t,
                body: ctx.json(DonorInput(name: " ", kind: "bank", phone: "phone", unitCode: Codes.taohuashan)))
            #expect(bad.status == .unprocessableEntity)
            #expect(try Self.errorFields(bad) == ["name", "kind", "phone"], "\(bad.body.string)")
            let firm = DonorInput(
                name: "桃花山爱心实业公司", kind: "enterprise", publicName: true, phone: "0716-5212345", unitCode: Codes.taohuashan)
            #expect(try await ctx.api(.POST, "/api/v1/donors", token: other, body: ctx.json(firm)).status == .notFound)
            #expect(try await ctx.api(.POST, "/api/v1/donors", token: insp, body: ctx.json(firm)).status == .forbidden)
            #expect(try await ctx.api(.POST, "/api/v1/donors", token: cun, body: ctx.json(firm)).status == .forbidden)
            #expect(try await Donor.query(on: ctx.app.db).count() == 0)

            let donor = try await Self.post(ctx, "/api/v1/donors", t, firm, as: DonorDTO.self)
            let shy = try await Self.post(
                ctx, "/api/v1/donors", t, DonorInput(name: "不愿具名的张先生", kind: "individual", unitCode: Codes.taohuashan), as: DonorDTO.self)
            #expect(shy.publicName == false)
            let patched = try await ctx.api(.PATCH, "/api/v1/donors/\(shy.id)", token: t, body: ctx.json(DonorInput(contact: "张先生本人")))
            #expect(try patched.content.decode(DonorDTO.self).contact == "张先生本人" && patched.status == .ok)

            // Money must be a decimal of at most two places, more than 0; goods need a description; not a future day.
            let wrong = try await ctx.api(
                .POST, "/api/v1/donations", token: t,
                body: ctx.json(
                    DonationInput(donorId: donor.id, type: "money", amount: "100.555", receivedOn: "2026-12-01", unitCode: Codes.taohuashan)
                ))
            #expect(try Self.errorFields(wrong) == ["amount", "receivedOn"], "\(wrong.body.string)")
            let goodsBad = try await ctx.api(
                .POST, "/api/v1/donations", token: t,
                body: ctx.json(
                    DonationInput(donorId: shy.id, type: "goods", value: "-3", receivedOn: "2026-11-01", unitCode: Codes.taohuashan)))
            #expect(try Self.errorFields(goodsBad) == ["description", "value"], "\(goodsBad.body.string)")
            let money = try await Self.post(
                ctx, "/api/v1/donations", t,
                DonationInput(
                    donorId: donor.id, type: "money", amount: "200000.00", receiptNo: "THS-001", receivedOn: "2026-11-01",
                    unitCode: Codes.taohuashan), as: DonationDTO.self)
            #expect(money.amount == "200000.00" && money.remaining == "200000.00" && money.value == nil)
            let goods = try await Self.post(
                ctx, "/api/v1/donations", t,
                DonationInput(
                    donorId: shy.id, type: "goods", description: "书包 30 个", value: "1500.5", receivedOn: "2026-11-02",
                    unitCode: Codes.taohuashan),
                as: DonationDTO.self)
            #expect(goods.value == "1500.50" && goods.amount == nil)
            let created = try #require(
                try await AuditEntry.query(on: ctx.app.db).filter(\.$recordType == "donation").filter(\.$recordID == money.id).first())
            #expect(created.action == "create" && created.unitCode == Codes.taohuashan && created.changes.contains("200000.00"))

            // Allocations: a station and a child she reads; never more than the donation; events refused until built.
            let station = try await Self.post(
                ctx, "/api/v1/stations", t,
                StationInput(name: "石华堰村留守儿童服务站", unitCode: Codes.shihuayan, host: "school", capacity: 30, schedule: ["weekends"]),
                as: StationDTO.self)
            let child = try await PairingTests.child(ctx, t, order: 301, name: "李秘密")
            let farStation = try await Self.post(
                ctx, "/api/v1/stations", other,
                StationInput(name: "调关服务站", unitCode: Codes.tiaoguanVillage, host: "school", capacity: 30, schedule: ["weekends"]),
                as: StationDTO.self)
            let path = "/api/v1/donations/\(money.id)/allocations"
            func allocate(_ a: AllocationInput, token: String? = nil) async throws -> TestingHTTPResponse {
                try await ctx.api(.POST, path, token: token ?? t, body: ctx.json(a))
            }
            let first = try await allocate(AllocationInput(to: "station", targetId: station.id, amount: "120000.00", on: "2026-11-05"))
            #expect(first.status == .created, "\(first.body.string)")
            let toChild = try await allocate(
                AllocationInput(to: "child", targetId: child.id, amount: "79999.99", on: "2026-11-06", note: "学费"))
            #expect(try toChild.content.decode(DonationDTO.self).remaining == "0.01")
            let over = try await allocate(AllocationInput(to: "station", targetId: station.id, amount: "0.02", on: "2026-11-06"))
            #expect(over.status == .unprocessableEntity)
            #expect(try Self.errorFields(over) == ["amount"], "\(over.body.string)")
            let far = try await allocate(AllocationInput(to: "station", targetId: farStation.id, amount: "0.01", on: "2026-11-06"))
            #expect(try Self.errorFields(far) == ["targetId"], "a station outside her jurisdiction is no target")
            let event = try await allocate(AllocationInput(to: "event", targetId: station.id, amount: "0.01", on: "2026-11-06"))
            #expect(try Self.errorFields(event) == ["targetId"], "a station's id names no event")
            #expect(
                try await allocate(AllocationInput(to: "station", targetId: station.id, amount: "0.01", on: "2026-11-06"), token: other)
                    .status == .notFound)
            #expect(
                try await allocate(AllocationInput(to: "station", targetId: station.id, amount: "0.01", on: "2026-11-06"), token: cun)
                    .status == .forbidden)
            #expect(try await DonationAllocation.query(on: ctx.app.db).count() == 2)
            #expect(try await AuditEntry.query(on: ctx.app.db).filter(\.$recordID == money.id).filter(\.$action == "update").count() == 2)

            // Reads: inside yes; another township no; a unit above her answers for her own; volunteers and partners never.
            #expect(try await ctx.api(.GET, "/api/v1/donations/\(money.id)", token: other).status == .notFound)
            #expect(try await ctx.api(.GET, "/api/v1/donors/\(donor.id)", token: other).status == .notFound)
            #expect(try await ctx.api(.GET, "/api/v1/donations/\(money.id)", token: insp).status == .ok)
            let above = try await ctx.api(.GET, "/api/v1/donations?unit=\(Codes.county)", token: other)
            #expect(try above.content.decode(ListPage<DonationDTO>.self).total == 0)
            let mine = try await ctx.api(.GET, "/api/v1/donations?unit=\(Codes.county)", token: t)
            #expect(try mine.content.decode(ListPage<DonationDTO>.self).total == 2)
            #expect(try await ctx.api(.GET, "/api/v1/donations", token: cun).content.decode(ListPage<DonationDTO>.self).total == 0)
            for who in ["vol", "renshe"] {
                let tok = try await ctx.token(who)
                #expect(try await ctx.api(.GET, "/api/v1/donations", token: tok).status == .forbidden, "\(who)")
                #expect(try await ctx.api(.GET, "/api/v1/donations/summary", token: tok).status == .forbidden, "\(who)")
                #expect(try await ctx.api(.GET, "/api/v1/donors/\(donor.id)", token: tok).status == .forbidden, "\(who)")
            }

            // The notice: exact totals, the consenting donor named, the other as 爱心人士, never the child.
            let res = try await ctx.api(.GET, "/api/v1/donations/summary", token: insp)
            #expect(res.status == .ok)
            let s = try res.content.decode(DonationSummaryDTO.self)
            #expect(s.total == "201500.50" && s.money == "200000.00" && s.goods == "1500.50" && s.donations == 2)
            #expect(s.byDonorKind.map(\.total) == ["200000.00", "0.00", "1500.50", "0.00"])
            #expect(s.byUse.map(\.use) == ["station", "event", "child", "unallocated"])
            #expect(s.byUse.map(\.total) == ["120000.00", "0.00", "79999.99", "1500.51"])
            #expect(s.donors.map(\.name) == ["桃花山爱心实业公司", "爱心人士"] && s.donors.map(\.anonymous) == [false, true])
            for secret in ["李秘密", child.id, "不愿具名", "学费", station.id] {
                #expect(!res.body.string.contains(secret), "the notice shows \(secret)")
            }
            let otherSummary = try await ctx.api(.GET, "/api/v1/donations/summary?unit=\(Codes.taohuashan)", token: other)
            #expect(try otherSummary.content.decode(DonationSummaryDTO.self).donations == 0, "a unit outside answers for her own")

            // The printable page says the same, in either language, and names no child either.
            var b = Browser(ctx)
            try await b.login("town")
            let page = try await b.get("/donations/summary")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("¥201,500.50") && page.body.string.contains("桃花山爱心实业公司"))
            for secret in ["李秘密", child.id, "不愿具名"] { #expect(!page.body.string.contains(secret), "the page shows \(secret)") }
        }
    }

    @Test func eventsTakeChildrenTheCallerReadsAndDonations() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("other", .townshipStaff, Codes.tiaoguan)
            try await ctx.makeUser("insp", .inspector, Codes.county)
            let t = try await ctx.token("town"), other = try await ctx.token("other")
            let mine = try await PairingTests.child(ctx, t, order: 311, name: "王营员")
            let refused = try await ctx.api(
                .POST, "/api/v1/events", token: other,
                body: ctx.json(
                    ChildrenEventInput(
                        kind: "holiday_camp", date: "2026-07-20", unitCode: Codes.tiaoguan, title: "夏令营", participants: [mine.id])))
            #expect(refused.status == .unprocessableEntity)
            #expect(try Self.errorFields(refused) == ["participants[0]"], "a child outside her jurisdiction")
            let insp = try await ctx.api(
                .POST, "/api/v1/events", token: try await ctx.token("insp"),
                body: ctx.json(ChildrenEventInput(kind: "other", date: "2026-07-20", unitCode: Codes.county, title: "x")))
            #expect(insp.status == .forbidden)
            let camp = try await Self.post(
                ctx, "/api/v1/events", t,
                ChildrenEventInput(
                    kind: "holiday_camp", date: "2026-07-20", unitCode: Codes.taohuashan, title: "桃花山夏令营", participants: [mine.id]),
                as: ChildrenEventDTO.self)
            #expect(camp.participants == [mine.id])
            #expect(try await ctx.api(.GET, "/api/v1/events/\(camp.id)", token: other).status == .notFound)
            let entry = try await AuditEntry.query(on: ctx.app.db).filter(\.$recordID == camp.id).first()
            #expect(entry?.recordType == "station" && entry?.action == "create")

            let donor = try await Self.post(
                ctx, "/api/v1/donors", t, DonorInput(name: "营地赞助方", kind: "association", unitCode: Codes.taohuashan), as: DonorDTO.self)
            let d = try await Self.post(
                ctx, "/api/v1/donations", t,
                DonationInput(donorId: donor.id, type: "money", amount: "300", receivedOn: "2026-07-01", unitCode: Codes.taohuashan),
                as: DonationDTO.self)
            let res = try await ctx.api(
                .POST, "/api/v1/donations/\(d.id)/allocations", token: t,
                body: ctx.json(AllocationInput(to: "event", targetId: camp.id, amount: "299.99", on: "2026-07-02")))
            #expect(res.status == .created, "\(res.body.string)")
            let s = try await ctx.api(.GET, "/api/v1/donations/summary", token: t).content.decode(DonationSummaryDTO.self)
            #expect(s.byUse.map(\.total) == ["0.00", "299.99", "0.00", "0.01"])
            #expect(s.donors.map(\.name) == ["爱心人士"])

            var b = Browser(ctx)
            try await b.login("town")
            let page = try await b.get("/events/\(camp.id)")
            #expect(page.status == .ok && page.body.string.contains("王营员"))
            let typed = try await b.post(
                "/events/new",
                [
                    "kind": "safety_education", "date": "2026-09-01", "unitCode": Codes.taohuashan, "title": "安全课",
                    "participants": mine.id + "\nnot-an-id",
                ])
            #expect(typed.status == .unprocessableEntity)
            let made = try await b.post(
                "/events/new",
                [
                    "kind": "safety_education", "date": "2026-09-01", "unitCode": Codes.taohuashan, "title": "安全课",
                    "participants": mine.id,
                ])
            #expect(made.status == .seeOther)
            #expect(try await b.get("/events").body.string.contains("安全课"))
        }
    }

    @Test func thePagesBookADonationAndAllocateIt() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let t = try await ctx.token("town")
            let station = try await Self.post(
                ctx, "/api/v1/stations", t,
                StationInput(name: "石华堰村留守儿童服务站", unitCode: Codes.shihuayan, host: "school", capacity: 30, schedule: ["weekends"]),
                as: StationDTO.self)
            var b = Browser(ctx)
            try await b.login("town")
            #expect(try await b.get("/donors/new").status == .ok)
            let refused = try await b.post("/donors/new", ["name": "", "kind": "enterprise", "unitCode": Codes.taohuashan])
            #expect(refused.status == .unprocessableEntity)
            let made = try await b.post(
                "/donors/new", ["name": "页面爱心企业", "kind": "enterprise", "publicName": "1", "unitCode": Codes.taohuashan])
            #expect(made.status == .seeOther || made.status == .found, "\(made.status)")
            let donor = try #require(try await Donor.query(on: ctx.app.db).first())
            #expect(donor.publicName)
            let overLimit = try await b.post(
                "/donations/new",
                [
                    "donorId": donor.id!.uuidString, "type": "goods", "amount": "12.345", "receivedOn": "2026-11-01",
                    "unitCode": Codes.taohuashan,
                ])
            #expect(overLimit.status == .unprocessableEntity)
            let booked = try await b.post(
                "/donations/new",
                [
                    "donorId": donor.id!.uuidString, "type": "money", "amount": "1000", "receivedOn": "2026-11-01",
                    "unitCode": Codes.taohuashan,
                ])
            let location = try #require(booked.headers.first(name: .location), "\(booked.status) \(booked.body.string.prefix(400))")
            let d = try #require(try await Donation.query(on: ctx.app.db).first())
            #expect(d.amountFen == 100_000)
            let over = try await b.post(
                location + "/allocations", ["to": "station", "stationId": station.id, "amount": "1000.01", "on": "2026-11-02"])
            #expect(over.status == .unprocessableEntity)
            let ok = try await b.post(
                location + "/allocations", ["to": "station", "stationId": station.id, "amount": "400", "on": "2026-11-02"])
            #expect(ok.status == .seeOther || ok.status == .found)
            let page = try await b.get(location)
            #expect(page.body.string.contains("石华堰村留守儿童服务站") && page.body.string.contains("¥600.00"))
            #expect(try await b.get("/donations").body.string.contains("页面爱心企业"))

            // The village worker reads the books of her village only, and is offered no form.
            var v = Browser(ctx)
            try await v.login("cun")
            #expect(try await v.get("/donors/new").status == .forbidden)
            #expect(try await v.get(location).status == .notFound, "a township's donation is above her village")
        }
    }
}
